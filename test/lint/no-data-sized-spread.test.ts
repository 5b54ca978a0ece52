// The lint rule against spreading a data-sized array into a call (chitieu/no-data-sized-spread in
// eslint.config.mjs): it fires on every form that overflowed or could overflow the call stack, lets
// array literals and an explained disable through, and the product's code has none left.
import { spawnSync } from "node:child_process";
import { join } from "node:path";

const root = join(__dirname, "..", "..");
const runner = join(root, "test", "excel", "run-eslint.cjs");
const RULE = "chitieu/no-data-sized-spread";

interface LintResult {
  filePath: string;
  messages: { ruleId: string | null; severity: number; line: number; message: string }[];
}

function eslint(args: string[], input?: string): LintResult[] {
  const run = spawnSync(process.execPath, [runner, ...args], { cwd: root, input, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout) as LintResult[];
}

function spreadLines(code: string, virtualPath: string): number[] {
  const [result] = eslint(["text", join(root, virtualPath)], code);
  return result.messages.filter((m) => m.ruleId === RULE).map((m) => m.line);
}

test("every data-sized spread into a call is an error, in the core and in each host", () => {
  const code = [
    "export function probe(xs: number[], bytes: Uint8Array, out: number[], rows: string[][]): unknown[] {",
    "  const a = Math.max(...xs);", // 2
    "  const b = Math.min(0, ...xs.map((x) => x * 2));", // 3
    "  out.push(...xs);", // 4
    "  out.unshift(...xs);", // 5
    "  const c = String.fromCharCode(...bytes);", // 6
    "  const d = ([] as string[]).concat(...rows);", // 7
    "  const e = Math.max.apply(null, xs);", // 8
    "  out.splice(0, 0, ...xs);", // 9
    "  out.push(...[1, 2]);", // 10: an array literal is small by construction
    "  // eslint-disable-next-line chitieu/no-data-sized-spread -- two bytes",
    "  const f = String.fromCharCode(...bytes.subarray(0, 2));", // 12: allowed with its reason
    "  const g = Math.max(1, 2);", // 13
    "  return [a, b, c, d, e, f, g, { ...rows }];",
    "}",
  ].join("\n");
  for (const path of ["shared/lint-probe.ts", "cli/lint-probe.ts", "excel-addin/src/lint-probe.ts", "gas-addon/src/lint-probe.ts"]) {
    expect(spreadLines(code, path)).toEqual([2, 3, 4, 5, 6, 7, 8, 9]);
  }
}, 120000);

test("the product's code has no data-sized spread left", () => {
  const results = eslint(["files", "shared", "cli", "xlsx-reader", "excel-addin/src", "gas-addon/src", "ui", "bench"]);
  const found = results.flatMap((r) => r.messages.filter((m) => m.ruleId === RULE).map((m) => `${r.filePath}:${m.line}`));
  expect(results.length).toBeGreaterThan(100);
  expect(found).toEqual([]);
}, 240000);
