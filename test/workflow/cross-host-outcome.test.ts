// One seed plan, the same typed figures, three hosts: the CLI (on the .xlsx file, read by
// xlsx-reader/), the Excel adapter on its fake and the Sheets bundle on its fake must answer alike —
// the same findings (order, text, cells), the same summary sentence, the same reload question and
// report, the same set-aside sheet. Outcomes, not grids (test/gas/cross-host.test.ts has the grids).
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { findBuiltInPlan } from "../../shared/catalog";
import { defaultSettings, type Finding, type Plan } from "../../shared/model";
import { buildFillInWorkbook } from "../../shared/sheet/fill-in";
import { cellA1 } from "../../shared/sheet/a1";
import { loadCommand } from "../../shared/workflow/load";
import { summaryCommand } from "../../shared/workflow/summary";
import { messageLines, writeOf } from "../../shared/workflow/outcome";
import { readFillInSheet } from "../../shared/sheet/read-back";
import { PLAN_JSON_KEY, withMetadataSheet } from "../../xlsx-reader/metadata";
import { readXlsxBytes } from "../../xlsx-reader/read";
import { writeXlsxBuffer } from "../../cli/xlsx/write";
import { checkSheet } from "../../excel-addin/src/adapter/commands";
import { loadPlan } from "../../excel-addin/src/adapter/load-command";
import { buildSummary } from "../../excel-addin/src/adapter/report-commands";
import { createFakeExcel } from "../fakes/excel";
import { buildToTemp, loadRequest, run, sandbox, userTypes, type Built } from "../gas/support";
import { cli, tempDir } from "../cli/support";
import { LOAD_REQUEST } from "../excel/helpers";

const FEATURES = { pageLayout: true };
const SHEET = "Chỉ tiêu";
const FROM = findBuiltInPlan("hai-phong-232-2025")!;
const TO = findBuiltInPlan("do-son-2025")!;
const DATE = "2025-12-05";

/** What a clerk types: a number, a number typed as text, words instead of a number, a figure the other plan has no place for. */
function typedFigures(plan: Plan): Map<string, string | number> {
  const leaves = plan.indicators.filter((i) => i.comparator !== null && i.comparator !== "boolean" && i.target !== null);
  const typed = new Map<string, string | number>();
  typed.set(leaves[0].code, leaves[0].target! * 1.1);
  typed.set(leaves[1].code, "1.234,5");
  typed.set(leaves[2].code, "khoảng 12 nghìn");
  // City code 13 names another indicator in Đồ Sơn's plan: it cannot carry over.
  typed.set("13", 36.5);
  return typed;
}

const TYPED = typedFigures(FROM);

/** Where each typed figure goes: the actual column of the indicator's row, as the model lays them out. */
function actualCells(plan: Plan): Map<string, { row: number; col: number }> {
  const model = buildFillInWorkbook(plan, { ...LOAD_REQUEST, issuer: undefined, settings: defaultSettings(2025) });
  const sheet = model.sheets.find((s) => s.role === "fill-in")!;
  const table = sheet.table!;
  const col = table.columns.findIndex((c) => c.key === "actual");
  return new Map(table.rowCodes.map((code, i) => [code, { row: table.firstDataRow + i, col }]));
}

const CELLS = actualCells(FROM);

type Comparable = Pick<Finding, "severity" | "rule" | "code" | "cell" | "message">;
const comparable = (f: { severity: string; rule: string; code: string | null; cell?: string | null; message: string }): Comparable =>
  ({ severity: f.severity as Finding["severity"], rule: f.rule, code: f.code, cell: f.cell ?? undefined, message: f.message });

let built: Built;
const tmp = tempDir();
afterAll(() => tmp.cleanup());

interface HostAnswers {
  findings: Comparable[];
  sentence: string;
  question: { code: string; text: string }[];
  reload: string[];
  setAside: unknown[][];
}

const answers: Record<"cli" | "excel" | "sheets", HostAnswers> = {} as never;

beforeAll(async () => {
  built = await buildToTemp();

  // Excel: load, type, check, summary, reload (asked, then agreed).
  {
    const fake = createFakeExcel();
    await fake.run((c) => loadPlan(c, { plan: FROM, ...LOAD_REQUEST }, FEATURES));
    for (const [code, value] of TYPED) {
      const at = CELLS.get(code)!;
      fake.state.typeIn(SHEET, cellA1(at.row, at.col), value);
    }
    const checked = await fake.run((c) => checkSheet(c, "vi"));
    if (!checked.ok) throw new Error(checked.message);
    const summary = await fake.run((c) => buildSummary(c, "vi", FEATURES, DATE));
    if (!summary.ok) throw new Error(summary.message);
    const asked = await fake.run((c) => loadPlan(c, { plan: TO, ...LOAD_REQUEST }, FEATURES));
    if (!asked.ok || !asked.confirm) throw new Error("Excel did not ask before setting figures aside");
    const reloaded = await fake.run((c) => loadPlan(c, { plan: TO, ...LOAD_REQUEST, answers: { "reload-set-aside": true } }, FEATURES));
    if (!reloaded.ok) throw new Error(reloaded.message);
    const aside = fake.state.sheet(reloaded.setAsideSheet!);
    answers.excel = {
      findings: checked.findings.map(comparable),
      sentence: summary.sentence,
      question: asked.confirm.items,
      reload: reloaded.messages,
      setAside: gridOfExcel(aside, 8),
    };
  }

  // Sheets: the same through the bundle's server functions.
  {
    const box = sandbox(built);
    run(box, "loadPlan", loadRequest(FROM.id, LOAD_REQUEST.unit, LOAD_REQUEST.year));
    const sheet = box.world.active.sheet(SHEET);
    for (const [code, value] of TYPED) {
      const at = CELLS.get(code)!;
      userTypes(sheet, at.row, at.col, value);
    }
    const checked = run<{ findings: { severity: string; rule: string; code: string | null; cell: string | null; message: string }[] }>(box, "checkFigures", "vi");
    const summary = run<{ sentence: string }>(box, "buildSummary", "vi");
    const asked = run<{ confirm?: { items: { code: string; text: string }[] } }>(box, "loadPlan", loadRequest(TO.id, LOAD_REQUEST.unit, LOAD_REQUEST.year));
    const reloaded = run<{ messages: string[]; setAsideSheet: string }>(box, "loadPlan", { ...loadRequest(TO.id, LOAD_REQUEST.unit, LOAD_REQUEST.year), confirmSetAside: true });
    const aside = box.world.active.sheet(reloaded.setAsideSheet);
    const rows: unknown[][] = [];
    for (let r = 0; r < aside.extent().lastRow; r++) rows.push(Array.from({ length: 8 }, (_, c) => aside.peek(r, c).value ?? null));
    answers.sheets = { findings: checked.findings.map(comparable), sentence: summary.sentence, question: asked.confirm?.items ?? [], reload: reloaded.messages, setAside: rows };
  }

  // The CLI: the filled workbook as a unit sends it, checked by `chitieu check`; reload and
  // summary are the core's commands on what xlsx-reader/ reads from the file.
  {
    const entries = [...TYPED].map(([code, raw]) => ({ code, raw }));
    const model = withMetadataSheet(buildFillInWorkbook(FROM, { ...LOAD_REQUEST, issuer: null, settings: defaultSettings(2025), entries }), { [PLAN_JSON_KEY]: JSON.stringify(FROM) });
    const file = join(tmp.dir, "don-vi.xlsx");
    writeFileSync(file, await writeXlsxBuffer(model));
    const check = await cli(tmp.dir, "check", "don-vi.xlsx", "--json");
    const findings = (JSON.parse(check.stdout) as (Finding & { file: string })[]).map(comparable);
    const book = readXlsxBytes(new Uint8Array(readFileSync(file)));
    const grid = book.grid(SHEET);
    const document = { plan: FROM, unit: LOAD_REQUEST.unit, year: 2025, estimate: false, issuer: null, settings: defaultSettings(2025), fillInSheet: SHEET, sheets: {} };
    const summary = summaryCommand({ document, fillIn: { sheet: SHEET, grid } }, { date: DATE }, "vi");
    const request = { plan: TO, ...LOAD_REQUEST };
    const asked = loadCommand({ document, fillIn: { sheet: SHEET, grid }, setAside: null }, request);
    const reloaded = loadCommand({ document, fillIn: { sheet: SHEET, grid }, setAside: null }, { ...request, answers: { "reload-set-aside": true } });
    const aside = writeOf(reloaded, "set-aside")!.model.sheets[0];
    answers.cli = {
      findings,
      sentence: summary.result!.sentence,
      question: asked.question?.items ?? [],
      reload: messageLines(reloaded),
      setAside: aside.cells.map((row) => Array.from({ length: 8 }, (_, c) => row[c] ?? null)),
    };
  }
}, 240_000);

function gridOfExcel(sheet: { cells: Map<string, { value?: unknown; formula?: string | null }> }, width: number): unknown[][] {
  const rows: unknown[][] = [];
  for (const [key, cell] of sheet.cells) {
    const [r, c] = key.split(",").map(Number);
    if (c >= width) continue;
    while (rows.length <= r) rows.push(Array.from({ length: width }, () => null));
    rows[r][c] = cell.value === "" || cell.value === undefined ? null : cell.value;
  }
  return rows.filter((row) => row.some((v) => v !== null));
}

describe("the same seed plan and figures through the CLI, Excel and Sheets", () => {
  test("the figures were read: the typed ones give findings", () => {
    expect(answers.excel.findings.length).toBeGreaterThan(2);
    expect(answers.excel.findings.some((f) => f.rule === "number-as-text")).toBe(true);
    expect(answers.excel.findings.some((f) => f.severity === "error")).toBe(true);
  });

  test("the same findings, in the same order (errors first, then by cell), with the same words and cells", () => {
    expect(answers.sheets.findings).toEqual(answers.excel.findings);
    // The CLI adds what only a file can say (an estimate column, a report's tally); the rest is the same.
    const cliCore = answers.cli.findings.filter((f) => answers.excel.findings.some((x) => x.rule === f.rule) || f.rule.startsWith("layout-"));
    expect(cliCore).toEqual(answers.excel.findings);
    const severities = answers.excel.findings.map((f) => f.severity);
    expect(severities).toEqual([...severities].sort((a, b) => (a === b ? 0 : a === "error" ? -1 : 1)));
  });

  test("the same summary sentence", () => {
    expect(answers.excel.sentence.length).toBeGreaterThan(20);
    expect(answers.sheets.sentence).toBe(answers.excel.sentence);
    expect(answers.cli.sentence).toBe(answers.excel.sentence);
  });

  test("reloading another plan asks the same question, naming the same figures", () => {
    // Every typed figure whose code names another indicator in the new plan (the core's carryOver).
    const expected = [...TYPED.keys()].filter((code) => TO.indicators.find((i) => i.code === code)?.name !== FROM.indicators.find((i) => i.code === code)?.name);
    expect(expected).toContain("13");
    expect(answers.excel.question.map((q) => q.code)).toEqual(expected);
    expect(answers.excel.question.find((q) => q.code === "13")?.text).toBe(`13 — ${FROM.indicators.find((i) => i.code === "13")!.name}: 36,5`);
    expect(answers.sheets.question).toEqual(answers.excel.question);
    expect(answers.cli.question).toEqual(answers.excel.question);
  });

  test("the same reload report and the same set-aside sheet", () => {
    expect(answers.excel.reload.join("\n")).toContain("Số liệu cũ");
    expect(answers.sheets.reload).toEqual(answers.excel.reload);
    expect(answers.cli.reload).toEqual(answers.excel.reload);
    expect(answers.excel.setAside[0]).toEqual(["Mã", "Chỉ tiêu", "Thực hiện", "Năm trước", "Ghi chú", "Đánh giá điều chỉnh", "Lý do", "Từ kế hoạch"]);
    expect(answers.excel.setAside.find((row) => row[0] === "13")?.slice(0, 3)).toEqual(["13", FROM.indicators.find((i) => i.code === "13")!.name, 36.5]);
    expect(answers.sheets.setAside).toEqual(answers.excel.setAside);
    expect(answers.cli.setAside).toEqual(answers.excel.setAside);
  });
});

test("the reading of the file agrees with the model it was written from", () => {
  // Guards the CLI leg: what xlsx-reader reads back is what was typed.
  const model = buildFillInWorkbook(FROM, { ...LOAD_REQUEST, issuer: null, settings: defaultSettings(2025), entries: [...TYPED].map(([code, raw]) => ({ code, raw })) });
  const sheet = model.sheets.find((s) => s.role === "fill-in")!;
  const grid = sheet.cells.map((row) => row.map((v) => (v !== null && typeof v === "object" ? null : v)));
  const reading = readFillInSheet(grid, SHEET, { plan: FROM });
  expect(reading.entries.find((e) => e.code === "13")?.raw).toBe(36.5);
});
