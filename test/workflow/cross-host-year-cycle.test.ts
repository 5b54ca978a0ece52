// The year's cycle through both add-ins, the same requests: a six-month load with figures typed
// (finals and estimates), the check, then next year's plan from a JSON file. Excel (adapter on its
// fake) and Sheets (the bundle on its fake) must give the same messages, the same findings —
// the departure warning among them — and the same cells on next year's sheet (Excel's formulas
// compared after resolving their names, as test/gas/cross-host.test.ts does).
import { findBuiltInPlan } from "../../shared/catalog";
import { PlanSchema, type Plan } from "../../shared/model";
import { parsePlanJson } from "../../shared/plan-io";
import { buildFillInWorkbook } from "../../shared/sheet/fill-in";
import { cellA1 } from "../../shared/sheet/a1";
import { withYearSuffix } from "../../shared/workflow/next-year";
import { checkSheet } from "../../excel-addin/src/adapter/commands";
import { loadPlan } from "../../excel-addin/src/adapter/load-command";
import { makeNextYear } from "../../excel-addin/src/adapter/next-year-command";
import { cellKey, createFakeExcel } from "../fakes/excel";
import { buildToTemp, loadRequest, run, sandbox, userTypes, withNamesResolved, type Built } from "../gas/support";

const FEATURES = { pageLayout: true };
const UNIT = "Phường Đông Hải";
const DH = findBuiltInPlan("dong-hai-2025")!;
/** Next year's Đông Hải plan, as a JSON file would hold it: one indicator renumbered, one dropped, one new. */
const DH2026: Plan = PlanSchema.parse({
  ...DH,
  id: "dong-hai-2026",
  year: 2026,
  title: DH.title.replace("2025", "2026"),
  indicators: [
    ...DH.indicators.filter((i) => i.code !== "5").map((i) => (i.code === "2" ? { ...i, code: "26" } : i)),
    { code: "25", name: "Số camera an ninh được lắp đặt", group: null, unit: "camera", comparator: ">=", target: 40, deadlineYear: null, note: null },
  ],
});
const JSON_FILE = { text: JSON.stringify(DH2026), file: "dong-hai-2026.json" };

const leaves = DH.indicators.filter((i) => i.comparator !== null && i.comparator !== "boolean" && i.target !== null);
/** What the clerk types at six months: finals on some rows, only the estimate on others, one final far from its estimate. */
const TYPED: { code: string; key: "actual" | "estimate"; value: number | string }[] = [
  { code: leaves[0].code, key: "actual", value: leaves[0].target! * 0.6 },
  { code: leaves[0].code, key: "estimate", value: leaves[0].target! * 0.4 },
  { code: leaves[1].code, key: "estimate", value: leaves[1].target! },
  { code: leaves[2].code, key: "actual", value: "1.234,5" },
  { code: "2", key: "actual", value: leaves.find((l) => l.code === "2")?.target ?? 10 },
  { code: "5", key: "actual", value: 7 },
];

function positions(year: number) {
  const model = buildFillInWorkbook(DH, { unit: UNIT, year, issuer: null, settings: { period: "6-thang" }, lang: "vi" });
  const table = model.sheets.find((s) => s.role === "fill-in")!.table!;
  return (code: string, key: string) => ({ row: table.firstDataRow + table.rowCodes.indexOf(code), col: table.columns.findIndex((c) => c.key === key) });
}

interface Answers {
  load: string[];
  findings: { rule: string; code: string | null; cell: string | null; message: string }[];
  next: string[];
  grid: (string | number | boolean | null)[][];
}

let built: Built;
const answers = {} as Record<"excel" | "sheets", Answers>;
const suffixed = withYearSuffix(buildFillInWorkbook(DH2026, { unit: UNIT, year: 2026, lang: "vi" }), 2026);
const NAMES = suffixed.sheets.flatMap((s) => s.names);
const NEXT = "Chỉ tiêu 2026";
const WIDTH = suffixed.sheets[0].cells.reduce((w, r) => Math.max(w, r.length), 0);
const HEIGHT = suffixed.sheets[0].cells.length;

beforeAll(async () => {
  built = await buildToTemp();
  const at = positions(2025);

  {
    const fake = createFakeExcel();
    const loaded = await fake.run((c) => loadPlan(c, { plan: DH, unit: UNIT, year: 2025, estimate: false, issuer: null, lang: "vi", settings: { period: "6-thang" } }, FEATURES));
    if (!loaded.ok) throw new Error(loaded.message);
    for (const t of TYPED) fake.state.typeIn("Chỉ tiêu", cellA1(at(t.code, t.key).row, at(t.code, t.key).col), t.value);
    const checked = await fake.run((c) => checkSheet(c, "vi"));
    if (!checked.ok) throw new Error(checked.message);
    const parsed = parsePlanJson(JSON_FILE.text, JSON_FILE.file, "vi");
    if (!parsed.ok) throw new Error("plan");
    const made = await fake.run((c) => makeNextYear(c, { plan: parsed.plan, year: 2026, lang: "vi" }, FEATURES));
    if (!made.ok) throw new Error(made.message);
    const sheet = fake.state.sheet(NEXT);
    const grid = Array.from({ length: HEIGHT }, (_, r) =>
      Array.from({ length: WIDTH }, (_, c) => {
        const x = sheet.cells.get(cellKey(r, c));
        return x?.formula ? withNamesResolved(x.formula, NAMES, sheet.name) : ((x?.value as string | number | null | undefined) ?? null);
      }),
    );
    answers.excel = { load: loaded.messages, findings: checked.findings.map((f) => ({ rule: f.rule, code: f.code, cell: f.cell ?? null, message: f.message })), next: made.messages, grid };
  }

  {
    const box = sandbox(built);
    const loaded = run<{ messages: string[] }>(box, "loadPlan", { ...loadRequest(DH.id, UNIT, 2025), period: "6-thang" });
    const sheet = box.world.active.sheet("Chỉ tiêu");
    for (const t of TYPED) userTypes(sheet, at(t.code, t.key).row, at(t.code, t.key).col, t.value);
    const checked = run<{ findings: { rule: string; code: string | null; cell: string | null; message: string }[] }>(box, "checkFigures", "vi");
    const made = run<{ messages: string[] }>(box, "makeNextYear", { source: { kind: "json", ...JSON_FILE }, year: 2026, lang: "vi" });
    if (!made.ok) throw new Error(made.message);
    const next = box.world.active.sheet(NEXT);
    const grid = Array.from({ length: HEIGHT }, (_, r) => Array.from({ length: WIDTH }, (_, c) => next.peek(r, c).formula ?? (next.peek(r, c).value as string | number | null) ?? null));
    answers.sheets = { load: loaded.messages, findings: checked.findings.map((f) => ({ rule: f.rule, code: f.code, cell: f.cell, message: f.message })), next: made.messages, grid };
  }
}, 240_000);

describe("the year's cycle, the same requests in Excel and in Sheets", () => {
  test("the six-month load says the same", () => {
    expect(answers.excel.load[0]).toContain("Đã nạp");
    expect(answers.sheets.load).toEqual(answers.excel.load);
  });

  test("the same findings, the departure warning (final vs estimate) among them", () => {
    const departure = answers.excel.findings.find((f) => f.rule === "final-departs-from-estimate");
    expect(departure?.code).toBe(leaves[0].code);
    expect(departure?.message).toContain("50");
    expect(answers.sheets.findings).toEqual(answers.excel.findings);
  });

  test("next year: the same messages, naming what was carried, the estimates and what could not be matched", () => {
    const lines = answers.excel.next;
    expect(lines[0]).toMatch(/^Đã tạo kế hoạch năm 2026 trong trang “Chỉ tiêu 2026”: 4 chỉ tiêu có “Thực hiện năm trước” \(3 số chính thức, 1 số ước\)\. Bảng năm 2025 giữ nguyên\.$/);
    expect(lines[1]).toBe(`Lấy số ước (chưa có số chính thức): ${leaves[1].code}.`);
    expect(lines.some((l) => l.startsWith("Không tìm thấy trong kế hoạch mới, không chuyển (1): 5 "))).toBe(true);
    expect(answers.sheets.next).toEqual(lines);
  });

  test("next year's sheet: the same cells in both hosts, last year's figures in place", () => {
    expect(answers.excel.grid.flat().filter((v) => v !== null).length).toBeGreaterThan(200);
    const differences: string[] = [];
    answers.excel.grid.forEach((row, r) =>
      row.forEach((x, c) => {
        const g = answers.sheets.grid[r][c];
        if ((x === "" ? null : x) !== (g === "" ? null : g)) differences.push(`${cellA1(r, c)}: Excel ${JSON.stringify(x)} / Sheets ${JSON.stringify(g)}`);
      }),
    );
    expect(differences).toEqual([]);
    // Code 2 is 26 next year: found by name, its figure on row 26.
    const table = suffixed.sheets[0].table!;
    const previous = table.columns.findIndex((c) => c.key === "previous");
    const row = table.firstDataRow + table.rowCodes.indexOf("26");
    expect(answers.excel.grid[row][previous]).toBe(TYPED.find((t) => t.code === "2")!.value);
  });
});
