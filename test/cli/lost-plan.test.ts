// Issue 11 §5: a workbook that comes back without its very hidden plan sheet (_chitieu), as a
// Google Sheets download or some converters leave it. A built-in plan is recognised from the
// indicator table only when the table is exactly that plan; otherwise one clear message names the
// way forward (--plan), and the figures are never read against a wrong plan.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { builtInPlans, findBuiltInPlan } from "../../shared/catalog";
import { t } from "../../cli/i18n";
import { recognisePlan } from "../../shared/plan-recognition";
import { METADATA_SHEET } from "../../xlsx-reader/metadata";
import { readXlsxBytes } from "../../xlsx-reader/read";
import { cli, fillActuals, tempDir } from "./support";

const tmp = tempDir();
const file = (name: string) => join(tmp.dir, name);
afterAll(tmp.cleanup);

/** What a Google Sheets download leaves: every visible sheet's values, no _chitieu sheet. */
async function withoutPlanSheet(src: string, dst: string): Promise<void> {
  const book = readXlsxBytes(readFileSync(src));
  const wb = new ExcelJS.Workbook();
  for (const s of book.sheets.filter((s) => s.name !== METADATA_SHEET)) {
    const ws = wb.addWorksheet(s.name, { state: s.state });
    book.grid(s.name).forEach((row, r) => row.forEach((v, c) => v !== null && (ws.getCell(r + 1, c + 1).value = v as ExcelJS.CellValue)));
  }
  await wb.xlsx.writeFile(dst);
}

test.each(builtInPlans().map((p) => [p.id]))("%s: recognised from its table, and evaluates as the original", async (id) => {
  expect((await cli(tmp.dir, "template", "--plan", id, "-o", `${id}.xlsx`)).code).toBe(0);
  const plan = findBuiltInPlan(id)!;
  const leaf = plan.indicators.find((ind) => ind.comparator === ">=" && ind.target !== null && ind.target !== undefined);
  if (leaf) await fillActuals(file(`${id}.xlsx`), { [leaf.code]: (leaf.target as number) * 1.1 });
  await withoutPlanSheet(file(`${id}.xlsx`), file(`${id}-mat.xlsx`));
  const original = await cli(tmp.dir, "evaluate", `${id}.xlsx`, "--json");
  const lost = await cli(tmp.dir, "evaluate", `${id}-mat.xlsx`, "--json");
  expect(lost.code).toBe(original.code);
  expect(JSON.parse(lost.stdout)).toEqual(JSON.parse(original.stdout));
});

test("a table that only resembles a built-in plan: exit 2, names the plan and the --plan way, reads nothing", async () => {
  const plan = structuredClone(findBuiltInPlan("dong-hai-2025")!);
  plan.id = "dong-hai-2025-sua";
  plan.indicators[2].name = `${plan.indicators[2].name} (đã sửa trong kế hoạch của đơn vị)x`;
  writeFileSync(file("sua.json"), JSON.stringify(plan));
  expect((await cli(tmp.dir, "template", "--plan", "sua.json", "-o", "sua.xlsx")).code).toBe(0);
  await withoutPlanSheet(file("sua.xlsx"), file("sua-mat.xlsx"));
  const run = await cli(tmp.dir, "check", "sua-mat.xlsx");
  expect(run.code).toBe(2);
  expect(run.stdout).toBe("");
  const rows = plan.indicators.length;
  expect(run.stderr.trim()).toBe(t("xlsx.no-plan-closest", { file: "sua-mat.xlsx", plan: plan.title, id: "dong-hai-2025", matched: rows - 1, rows }));
  // The way forward works: the unit's own plan file.
  expect((await cli(tmp.dir, "check", "sua-mat.xlsx", "--plan", "sua.json")).code).toBe(0);
});

test("a plan of the unit's own, nothing like a built-in one: the plain message asking for --plan", async () => {
  const plan = structuredClone(findBuiltInPlan("kien-an-2025")!);
  plan.id = "rieng";
  plan.indicators = plan.indicators.map((ind) => ({ ...ind, name: `Chỉ tiêu riêng ${ind.code}` }));
  writeFileSync(file("rieng.json"), JSON.stringify(plan));
  expect((await cli(tmp.dir, "template", "--plan", "rieng.json", "-o", "rieng.xlsx")).code).toBe(0);
  await withoutPlanSheet(file("rieng.xlsx"), file("rieng-mat.xlsx"));
  const run = await cli(tmp.dir, "evaluate", "rieng-mat.xlsx", "--lang", "en");
  expect(run.code).toBe(2);
  expect(run.stderr.trim()).toBe(t("xlsx.no-plan", { file: "rieng-mat.xlsx" }, "en"));
});

test("recognition is exact: one row fewer, a renamed row or a second identical plan is not a match", () => {
  const [plan] = builtInPlans();
  const rows = plan.indicators.map((ind) => ({ code: ind.code, name: ind.name }));
  expect(recognisePlan(rows, builtInPlans())).toEqual({ kind: "recognised", plan });
  // Case, diacritics and spacing do not matter (a converter may change none of them, a person may).
  expect(recognisePlan(rows.map((r) => ({ ...r, name: `  ${r.name.toUpperCase()} ` })), builtInPlans()).kind).toBe("recognised");
  expect(recognisePlan(rows.slice(1), builtInPlans()).kind).toBe("not-recognised");
  expect(recognisePlan(rows.map((r, i) => (i === 0 ? { ...r, name: "Chỉ tiêu khác" } : r)), builtInPlans()).kind).toBe("not-recognised");
  expect(recognisePlan(rows, [plan, { ...plan, id: "ban-sao" }]).kind).toBe("not-recognised");
  expect(recognisePlan([], builtInPlans())).toEqual({ kind: "not-recognised", closest: null });
});
