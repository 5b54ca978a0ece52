// Consolidating the city's 114 wards and communes: `chitieu summary` on 114 filled workbooks of the
// city plan, in a child process (its peak memory is its own), against LibreOffice merely converting
// the same 114 files to CSV in one soffice run, measured in the same run.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build } from "esbuild";
import type { BenchEntry } from "./run";
import { CITY_PLAN_ID, findBuiltInPlan } from "../shared/catalog";
import { fillInWorkbookBytes } from "../cli/commands/template";
import { exampleEntries } from "../cli/demo-data";
import { convertWithLibreOffice, findSoffice } from "../cli/libreoffice";

export const UNIT_COUNT = 114;
const ROOT = join(__dirname, "..");

export async function entries(): Promise<BenchEntry[]> {
  const plan = findBuiltInPlan(CITY_PLAN_ID);
  if (!plan) throw new Error(`built-in plan ${CITY_PLAN_ID} missing`);
  const dir = mkdtempSync(join(tmpdir(), "chitieu-bench-"));
  try {
    const inputs = join(dir, "in");
    mkdirSync(inputs);
    const files: string[] = [];
    for (let i = 0; i < UNIT_COUNT; i++) {
      const unit = `Phường ${i + 1}`;
      const bytes = await fillInWorkbookBytes(plan, { unit, lang: "vi", entries: exampleEntries(plan, i + 1) });
      const file = join(inputs, `don-vi-${String(i + 1).padStart(3, "0")}.xlsx`);
      writeFileSync(file, bytes);
      files.push(file);
    }

    // The command as `chitieu` runs it: the esbuild bundle of scripts/build-cli.mjs, under plain node.
    const bundle = join(dir, "chitieu.cjs");
    await build({
      entryPoints: [join(ROOT, "cli", "main.ts")],
      bundle: true,
      platform: "node",
      target: "node20",
      format: "cjs",
      outfile: bundle,
      external: ["exceljs", "playwright-core", "hyperformula"],
      define: { "require.main": "module" },
      logLevel: "warning",
    });
    const peakFile = join(dir, "peak.txt");
    const preload = join(dir, "peak.cjs");
    writeFileSync(preload, PEAK_PRELOAD);
    const out = join(dir, "tong-hop.xlsx");
    const started = process.hrtime.bigint();
    const child = spawnSync(process.execPath, ["-r", preload, bundle, "summary", ...files, "-o", out], {
      cwd: dir,
      encoding: "utf8",
      env: { ...process.env, NODE_PATH: join(ROOT, "node_modules"), CHITIEU_PEAK_FILE: peakFile },
      maxBuffer: 64 * 1024 * 1024,
    });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    if (child.status === 2 || child.status === null || !existsSync(out)) throw new Error(`consolidation failed (exit ${child.status}): ${(child.stderr ?? "").slice(-500)}`);
    const peakMB = Number(readFileSync(peakFile, "utf8")) / 1024;

    const result: BenchEntry[] = [
      { name: "cli.consolidate.seconds", size: UNIT_COUNT, value: seconds, unit: "s" },
      { name: "cli.consolidate.peakMB", size: UNIT_COUNT, value: peakMB, unit: "MB", goal: 300 },
    ];
    const soffice = findSoffice();
    if (soffice) {
      const csvDir = join(dir, "csv");
      mkdirSync(csvDir);
      const loStarted = process.hrtime.bigint();
      const converted = await convertWithLibreOffice(soffice, files, "csv", csvDir);
      const loSeconds = Number(process.hrtime.bigint() - loStarted) / 1e9;
      const made = readdirSync(csvDir).length;
      if (!converted.ok || made < UNIT_COUNT) throw new Error(`LibreOffice baseline failed (${made}/${UNIT_COUNT}): ${converted.output.slice(-300)}`);
      result.push({ name: "cli.consolidate.libreOfficeSeconds", size: UNIT_COUNT, value: loSeconds, unit: "s" });
      result.push({ name: "cli.consolidate.ratioToLibreOffice", size: UNIT_COUNT, value: seconds / loSeconds, unit: "ratio", goal: 0.1 });
    } else {
      console.error("cli.bench: LibreOffice (soffice) is not installed; cli.consolidate.ratioToLibreOffice not measured.");
    }
    return result;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Writes the process's peak resident memory (VmHWM, kB) where CHITIEU_PEAK_FILE says, on exit. */
const PEAK_PRELOAD = `
const { readFileSync, writeFileSync } = require("node:fs");
process.on("exit", () => {
  let kb = Math.round(process.memoryUsage().rss / 1024);
  try {
    const hwm = /VmHWM:\\s+(\\d+) kB/.exec(readFileSync("/proc/self/status", "utf8"));
    if (hwm) kb = Number(hwm[1]);
  } catch {}
  writeFileSync(process.env.CHITIEU_PEAK_FILE, String(kb));
});
`;
