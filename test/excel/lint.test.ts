// ESLint (Node API, in a child Node process) with the Office add-in rules over the add-in's code:
// no errors; and the rules do bite.
import { spawnSync } from "node:child_process";
import { join } from "node:path";

const root = join(__dirname, "..", "..");
const runner = join(__dirname, "run-eslint.cjs");

interface LintResult {
  filePath: string;
  messages: { ruleId: string | null; severity: number; line: number; message: string }[];
}

function eslint(args: string[], input?: string): LintResult[] {
  const run = spawnSync(process.execPath, [runner, ...args], { cwd: root, input, encoding: "utf8", maxBuffer: 32 * 1024 * 1024 });
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout) as LintResult[];
}

test("excel-addin/src and its scripts lint clean", () => {
  const results = eslint(["files", "excel-addin/src", "excel-addin/scripts"]);
  const errors = results.flatMap((r) => r.messages.filter((m) => m.severity === 2).map((m) => `${r.filePath}:${m.line} ${m.ruleId}: ${m.message}`));
  expect(results.length).toBeGreaterThan(15);
  expect(errors).toEqual([]);
}, 120000);

test("the Office rules are on: a sync in a loop, a read before load, Office.initialize are errors", () => {
  const code = `
export async function bad(context: Excel.RequestContext, names: string[]) {
  for (const name of names) {
    const range = context.workbook.worksheets.getItem(name).getRange("A1");
    await context.sync();
    console.log(range.values);
  }
  Office.initialize = () => undefined;
}
`;
  const [result] = eslint(["text", join(root, "excel-addin/src/adapter/lint-probe.ts")], code);
  const rules = new Set(result.messages.map((m) => m.ruleId));
  expect(rules).toContain("office-addins/no-context-sync-in-loop");
  expect(rules).toContain("office-addins/load-object-before-read");
  expect(rules).toContain("office-addins/no-office-initialize");
}, 120000);
