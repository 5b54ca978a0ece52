// `npm run fuzz`: the properties of test/fuzz/ with many more runs than `npm test` (FUZZ_FACTOR,
// 20 by default; FUZZ_SEED to vary the seed), then every hostile-file class through `chitieu check`.
// Prints what was tried and how many failed; exits 1 if anything failed.
import fc from "fast-check";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCli } from "../../cli/main";
import { t } from "../../cli/i18n";
import { buildToTemp, type Built } from "../gas/support";
import { HOSTILE_FILES, templateBytes } from "../security/hostile-files";
import { excelSheetEdits, gasSheetEdits } from "./host-properties";
import { CORE_PROPERTIES, FUZZ_SEED, type FuzzProperty } from "./properties";

const FACTOR = Number(process.env.FUZZ_FACTOR ?? 20);

interface Row {
  what: string;
  tried: string;
  failed: number;
  note: string;
}

async function runProperty(property: FuzzProperty): Promise<Row> {
  const numRuns = property.runs * FACTOR;
  const started = Date.now();
  const details = (await fc.check(property.make() as fc.IRawProperty<unknown, boolean>, { seed: FUZZ_SEED, numRuns })) as fc.RunDetails<unknown>;
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const note = details.failed
    ? `FAILED after ${details.numRuns}: ${String((details.errorInstance as Error | null)?.message ?? "interrupted").split("\n").slice(0, 3).join(" / ")} — counterexample ${fc.stringify(details.counterexample).slice(0, 400)}`
    : `${seconds} s`;
  return { what: property.name, tried: `${details.numRuns} ${property.unit}`, failed: details.failed ? 1 : 0, note };
}

async function hostileFiles(): Promise<Row[]> {
  const dir = mkdtempSync(join(tmpdir(), "chitieu-fuzz-hostile-"));
  const rows: Row[] = [];
  try {
    const quiet = { cwd: dir, stdout: () => undefined, stderr: () => undefined };
    await runCli(["template", "--plan", "do-son-2025", "-o", "tot.xlsx"], quiet);
    const template = templateBytes(join(dir, "tot.xlsx"));
    for (const hostile of HOSTILE_FILES) {
      const file = await hostile.make(dir, template);
      let stderr = "";
      const code = await runCli(["check", file], { cwd: dir, stdout: () => undefined, stderr: (s) => void (stderr += s) });
      const expected = t(hostile.key, { file, ...hostile.params }) + "\n";
      const ok = code === 2 && stderr === expected;
      rows.push({ what: `hostile file: ${hostile.label}`, tried: "1 file", failed: ok ? 0 : 1, note: ok ? `refused, exit 2: ${hostile.key}` : `exit ${code}: ${stderr.trim()}` });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}

async function main(): Promise<void> {
  console.log(`Fuzzing with seed ${FUZZ_SEED}, ${FACTOR}× the runs of npm test.`);
  let built: Built | null = null;
  const rows: Row[] = [];
  try {
    built = await buildToTemp();
    const current = built;
    const properties = [...CORE_PROPERTIES, excelSheetEdits, gasSheetEdits(() => current), { ...gasSheetEdits(() => current, true), name: "sheet edits incl. a required header retyped (Sheets fake)" }];
    for (const property of properties) {
      const row = await runProperty(property);
      rows.push(row);
      console.log(`  ${row.failed ? "✗" : "✓"} ${row.what}: ${row.tried}, ${row.note}`);
    }
    for (const row of await hostileFiles()) {
      rows.push(row);
      console.log(`  ${row.failed ? "✗" : "✓"} ${row.what}: ${row.note}`);
    }
  } finally {
    if (built) rmSync(built.root, { recursive: true, force: true });
  }
  const width = Math.max(...rows.map((r) => r.what.length));
  console.log("");
  console.log(`${"What".padEnd(width)}  ${"Tried".padEnd(22)}  Failed`);
  for (const row of rows) console.log(`${row.what.padEnd(width)}  ${row.tried.padEnd(22)}  ${row.failed}`);
  const failed = rows.reduce((n, r) => n + r.failed, 0);
  const cases = rows.filter((r) => r.tried.endsWith("cases")).reduce((n, r) => n + Number(r.tried.split(" ")[0]), 0);
  const sequences = rows.filter((r) => r.tried.endsWith("edit sequences")).reduce((n, r) => n + Number(r.tried.split(" ")[0]), 0);
  const files = rows.filter((r) => r.tried === "1 file").length;
  console.log("");
  console.log(`Total: ${cases} cases, ${sequences} edit sequences, ${files} hostile files; ${failed} failed.`);
  process.exitCode = failed > 0 ? 1 : 0;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : String(error));
  process.exitCode = 1;
});
