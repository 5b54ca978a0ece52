// "Dán báo cáo": one seed plan, one typed figure, one report written for the test, three hosts. The
// Excel adapter on its fake and the Sheets bundle on its fake must answer alike — the same review
// rows (codes, figures, % of plan, old figures, cells, ticks), unmatched, unmentioned, tally and
// messages; the same question before replacing the typed figure; the same cells written and the
// same figures in the sheet after; then the same tally finding in Check. The CLI's
// `read-report --into` on the same workbook writes the same figures and says the same tally line.
import { join } from "node:path";
import { writeFileSync } from "node:fs";
import { findBuiltInPlan } from "../../shared/catalog";
import { readFillInSheet } from "../../shared/sheet/read-back";
import type { ReportReviewView } from "../../shared/workflow/enter-report";
import { checkSheet } from "../../excel-addin/src/adapter/commands";
import { enterReport, readReport } from "../../excel-addin/src/adapter/enter-report";
import { loadPlan } from "../../excel-addin/src/adapter/load-command";
import { fillInWorkbookBytes } from "../../cli/commands/template";
import { readFilledWorkbook } from "../../cli/xlsx/filled-workbook";
import { createFakeExcel } from "../fakes/excel";
import { buildToTemp, columnOf, FILL_IN, loadRequest, rowOfCode, run, sandbox, userTypes, type Built } from "../gas/support";
import { cli, tempDir } from "../cli/support";
import { LOAD_REQUEST } from "../excel/helpers";
import { REPORT, REPORT_PLAN_ID } from "./report-text";

const PLAN = findBuiltInPlan(REPORT_PLAN_ID)!;
/** A second report whose tally the figures contradict (30/30, yet one indicator missed its plan). */
const CLAIM = "Năm 2025, phường hoàn thành 30/30 chỉ tiêu đạt và vượt kế hoạch.\nTỷ lệ người dân tham gia bảo hiểm y tế đạt 90%, không đạt kế hoạch.";

interface Answers {
  view: ReportReviewView;
  reviewMessages: string[];
  question: { code: string; text: string }[];
  cells: string[];
  writeMessages: string[];
  figures: Record<string, unknown>;
  tallyFinding: string | undefined;
}

const answers: Record<"excel" | "sheets", Answers> = {} as never;
let built: Built;
const tmp = tempDir();
afterAll(() => tmp.cleanup());

const figuresOf = (grid: unknown[][]) => Object.fromEntries(readFillInSheet(grid, FILL_IN, { plan: PLAN }).entries.filter((e) => e.raw !== null && e.raw !== "").map((e) => [e.code, e.raw]));

beforeAll(async () => {
  built = await buildToTemp();
  {
    const fake = createFakeExcel();
    await fake.run((c) => loadPlan(c, { plan: PLAN, ...LOAD_REQUEST }, { pageLayout: true }));
    const grid = fake.state.grid(FILL_IN);
    const reading = readFillInSheet(grid, FILL_IN, { plan: PLAN });
    fake.state.typeIn(FILL_IN, reading.entries.find((e) => e.code === "8")!.location!.cell!, 300);
    const review = await fake.run((c) => readReport(c, REPORT, "vi"));
    if (!review.ok) throw new Error(review.message);
    const figures = review.view.rows.filter((r) => r.accept).map((r) => ({ code: r.code, figure: r.figure! }));
    const asked = await fake.run((c) => enterReport(c, { figures, tally: review.view.tallyToStore }, "vi"));
    if (!asked.ok || asked.kind !== "ask") throw new Error("Excel did not ask");
    const written = await fake.run((c) => enterReport(c, { figures, tally: review.view.tallyToStore, answers: { "report-overwrite": true } }, "vi"));
    if (!written.ok || written.kind !== "done") throw new Error("Excel did not write");
    const claim = await fake.run((c) => readReport(c, CLAIM, "vi"));
    if (!claim.ok) throw new Error(claim.message);
    // 18 now holds the first report's 95,1: replaced, as the clerk agrees.
    await fake.run((c) => enterReport(c, { figures: claim.view.rows.map((r) => ({ code: r.code, figure: r.figure! })), tally: claim.view.tallyToStore, answers: { "report-overwrite": true } }, "vi"));
    const checked = await fake.run((c) => checkSheet(c, "vi"));
    if (!checked.ok) throw new Error(checked.message);
    answers.excel = {
      view: review.view,
      reviewMessages: review.messages,
      question: asked.question.items,
      cells: written.result.cells,
      writeMessages: written.messages,
      figures: figuresOf(fake.state.grid(FILL_IN)),
      tallyFinding: checked.findings.find((f) => f.rule === "report-tally")?.message,
    };
  }
  {
    const box = sandbox(built);
    run(box, "loadPlan", loadRequest(REPORT_PLAN_ID, LOAD_REQUEST.unit, LOAD_REQUEST.year));
    const sheet = box.world.active.sheet(FILL_IN);
    userTypes(sheet, rowOfCode(sheet, "8"), columnOf("actual"), 300);
    const review = run<{ view: ReportReviewView; messages: string[] }>(box, "readReport", REPORT, "vi");
    const figures = review.view.rows.filter((r) => r.accept).map((r) => ({ code: r.code, figure: r.figure }));
    const asked = run<{ question: { items: { code: string; text: string }[] } }>(box, "enterReport", { figures, tally: review.view.tallyToStore }, "vi");
    const written = run<{ result: { cells: string[] }; messages: string[] }>(box, "enterReport", { figures, tally: review.view.tallyToStore, answers: { "report-overwrite": true } }, "vi");
    const claim = run<{ view: ReportReviewView }>(box, "readReport", CLAIM, "vi");
    run(box, "enterReport", { figures: claim.view.rows.map((r) => ({ code: r.code, figure: r.figure })), tally: claim.view.tallyToStore, answers: { "report-overwrite": true } }, "vi");
    const checked = run<{ findings: { rule: string; message: string }[] }>(box, "checkFigures", "vi");
    const { lastRow, lastCol } = sheet.extent();
    const grid = Array.from({ length: lastRow }, (_, r) => Array.from({ length: lastCol }, (_, c) => sheet.peek(r, c).value ?? ""));
    answers.sheets = {
      view: review.view,
      reviewMessages: review.messages,
      question: asked.question.items,
      cells: written.result.cells,
      writeMessages: written.messages,
      figures: figuresOf(grid),
      tallyFinding: checked.findings.find((f) => f.rule === "report-tally")?.message,
    };
  }
}, 240_000);

test("the same review in Excel and Sheets: rows, unmatched, unmentioned, tally, messages", () => {
  expect(answers.sheets.view).toEqual(answers.excel.view);
  expect(answers.excel.view.rows.map((r) => r.code)).toEqual(["1", "8", "18", "23"]);
  expect(answers.sheets.reviewMessages).toEqual(answers.excel.reviewMessages);
});

test("the same question, the same cells written, the same figures in the sheet after", () => {
  expect(answers.sheets.question).toEqual(answers.excel.question);
  expect(answers.excel.question).toHaveLength(1);
  expect(answers.sheets.cells).toEqual(answers.excel.cells);
  expect(answers.sheets.writeMessages).toEqual(answers.excel.writeMessages);
  expect(answers.sheets.figures).toEqual(answers.excel.figures);
  expect(answers.excel.figures).toMatchObject({ "1": 40120, "8": 310, "18": 90, "23": 64 });
});

test("the same tally finding in Check, in the CLI's words", () => {
  expect(answers.excel.tallyFinding).toMatch(/^Báo cáo ghi 30\/30 chỉ tiêu đạt và vượt; theo số liệu là \d+\/30: .*chỉ tiêu 18/);
  expect(answers.sheets.tallyFinding).toBe(answers.excel.tallyFinding);
});

test("the CLI's read-report --into on the same workbook writes the same figures and says the same tally check", async () => {
  writeFileSync(join(tmp.dir, "don-vi.xlsx"), await fillInWorkbookBytes(PLAN, { lang: "vi", unit: LOAD_REQUEST.unit, entries: [{ code: "8", raw: 300 }] }));
  writeFileSync(join(tmp.dir, "bc.txt"), REPORT);
  const { code, stdout: out } = await cli(tmp.dir, "read-report", "bc.txt", "--into", "don-vi.xlsx", "-o", "ra.xlsx", "--overwrite");
  expect(code).toBe(0);
  const filled = readFilledWorkbook(join(tmp.dir, "ra.xlsx"), { lang: "vi" });
  const cliFigures = Object.fromEntries(filled.entries.filter((e) => e.raw !== null && e.raw !== "").map((e) => [e.code, e.raw]));
  expect(cliFigures).toEqual({ "1": 40120, "8": 310, "18": 95.1, "23": 64 });
  expect(out).toContain(answers.excel.view.tally!.message!);
});
