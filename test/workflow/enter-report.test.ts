// "Dán báo cáo" in the core (shared/workflow/enter-report.ts): a report written for this test (not a
// corpus file) read against the real Đông Hải plan and its fill-in sheet as a host reads it back;
// the review rows, the unmatched and unmentioned, the tally; then the accepted rows → the cells,
// the question before replacing a typed figure, and the tally kept for Check and Summary.
import { findBuiltInPlan } from "../../shared/catalog";
import { defaultSettings, type ActualEntry } from "../../shared/model";
import { buildFillInWorkbook } from "../../shared/sheet/fill-in";
import { isFormula } from "../../shared/sheet/types";
import { cellA1 } from "../../shared/sheet/a1";
import { checkCommand } from "../../shared/workflow/check";
import { enterReportCommand, readReportCommand, REPORT_UNSURE } from "../../shared/workflow/enter-report";
import { writeOf, type DocumentInfo } from "../../shared/workflow/outcome";
import { summaryCommand } from "../../shared/workflow/summary";
import type { SheetInput } from "../../shared/workflow/sheet-input";
import { REPORT, REPORT_FIGURES } from "./report-text";

const PLAN = findBuiltInPlan("dong-hai-2025")!;
const SHEET = "Chỉ tiêu";


/** The fill-in sheet as a host reads it back (formulas show as their results: blank here), with `typed` in the actual column. */
function sheetInput(typed: Record<string, unknown> = {}, reportTally: DocumentInfo["reportTally"] = null): SheetInput {
  const settings = defaultSettings(2025);
  const entries: ActualEntry[] = Object.entries(typed).map(([code, raw]) => ({ code, raw }));
  const model = buildFillInWorkbook(PLAN, { unit: "Phường Đông Hải", year: 2025, estimate: false, issuer: null, settings, entries, lang: "vi" });
  const sheet = model.sheets.find((s) => s.role === "fill-in")!;
  const grid = sheet.cells.map((row) => row.map((v) => (isFormula(v) ? "" : v)));
  const document: DocumentInfo = { plan: PLAN, unit: "Phường Đông Hải", year: 2025, estimate: false, issuer: null, settings, fillInSheet: SHEET, sheets: {}, reportTally };
  return { document, fillIn: { sheet: SHEET, grid } };
}

function actualCell(code: string): string {
  const model = buildFillInWorkbook(PLAN, { unit: "x", year: 2025, estimate: false, issuer: null, settings: defaultSettings(2025), lang: "vi" });
  const table = model.sheets.find((s) => s.role === "fill-in")!.table!;
  return cellA1(table.firstDataRow + table.rowCodes.indexOf(code), table.columns.findIndex((c) => c.key === "actual"));
}

describe("step 1: the review", () => {
  const outcome = readReportCommand(sheetInput({ "8": 300 }), { text: REPORT }, "vi");
  const view = outcome.result!;
  const row = (code: string) => view.rows.find((r) => r.code === code)!;

  test("each result on its indicator, in the plan's unit, with its line and the figure already typed", () => {
    expect(outcome.status).toBe("done");
    expect(row("1")).toMatchObject({ figure: 40120, figureText: "40.120", percentOfPlan: 109.3, change: "new", accept: true, unit: "triệu đồng", cell: actualCell("1") });
    expect(row("1").span.text).toContain("40.120 triệu đồng");
    expect(REPORT.slice(row("1").span.start, row("1").span.end)).toBe(row("1").span.text);
    expect(row("1").span.line).toBe(3);
    // 8 already holds 300: shown old → new, ticked, and it will be asked before replacing.
    expect(row("8")).toMatchObject({ figure: 310, old: 300, oldText: "300", change: "differs", accept: true });
    expect(row("18")).toMatchObject({ figure: 95.1, figureText: "95,1" });
    expect(row("23").figure).toBe(64);
    expect(Object.fromEntries(view.rows.map((r) => [r.code, r.figure]))).toEqual(REPORT_FIGURES);
  });

  test("year-on-year is never percent of plan; the result the plan lacks is listed, not matched", () => {
    expect(view.rows.every((r) => r.percentOfPlan !== 117.6)).toBe(true);
    expect(view.unmatched.map((u) => u.name).join(" ")).toMatch(/doanh nghiệp/i);
    const mentioned = new Set(view.rows.map((r) => r.code));
    expect(view.unmentioned.some((u) => mentioned.has(u.code))).toBe(false);
    expect(view.unmentioned.length).toBeGreaterThan(20);
    expect(view.unmentioned.map((u) => u.code)).toContain("24");
  });

  test("the tally read, checked against the figures as they would stand, and kept to be stored", () => {
    expect(view.tally).toMatchObject({ text: "25/30 chỉ tiêu đạt và vượt", line: 2 });
    expect(view.tally!.message).toContain("Báo cáo ghi 25/30");
    expect(view.tallyToStore).toMatchObject({ total: 30, achievedOrExceeded: 25 });
    expect(outcome.writes).toEqual([]);
    expect(outcome.messages.map((m) => m.key)).toEqual(["wf.report.read", "wf.report.differs-count", "wf.report.unmatched", "wf.report.unmentioned", "report.tally"]);
    expect(outcome.messages[0].next).toContain("Ghi vào bảng tính");
  });

  test("an unsure match is flagged and not ticked", () => {
    const unsure = readReportCommand(sheetInput(), { text: "Tỷ lệ hộ sử dụng internet cáp quang đạt 88%." }, "vi").result!;
    expect(unsure.rows).toHaveLength(1);
    expect(unsure.rows[0].confidence).toBeLessThan(REPORT_UNSURE);
    expect(unsure.rows[0]).toMatchObject({ unsure: true, accept: false });
  });

  test("empty text and a text with nothing in it are refused with the next step", () => {
    const empty = readReportCommand(sheetInput(), { text: "  " }, "vi");
    expect(empty.status).toBe("refused");
    expect(empty.messages[0].next).toContain("Đọc báo cáo");
    expect(readReportCommand(sheetInput(), { text: "Kính gửi UBND quận." }, "en").messages[0].text).toBe("No indicator result could be read from the report.");
  });
});

describe("step 2: the accepted rows → the cells", () => {
  const input = sheetInput({ "8": 300 });
  const view = readReportCommand(input, { text: REPORT }, "vi").result!;
  const accepted = view.rows.filter((r) => r.accept).map((r) => ({ code: r.code, figure: r.figure! }));

  test("a typed figure would be replaced: nothing is written, the question lists old → new", () => {
    const asked = enterReportCommand(input, { figures: accepted, tally: view.tallyToStore }, "vi");
    expect(asked.status).toBe("ask");
    expect(asked.writes).toEqual([]);
    expect(asked.question!.id).toBe("report-overwrite");
    expect(asked.question!.items).toEqual([{ code: "8", text: `Chỉ tiêu 8 — ô ${actualCell("8")}: 300 → 310` }]);
    expect(asked.question!.confirm).toBe("Ghi đè");
  });

  test("agreed: every accepted cell written, the tally kept in the document", () => {
    const written = enterReportCommand(input, { figures: accepted, tally: view.tallyToStore, answers: { "report-overwrite": true } }, "vi");
    expect(written.status).toBe("done");
    const cells = writeOf(written, "cells")!.cells;
    expect(cells).toContainEqual({ sheet: SHEET, cell: actualCell("1"), value: 40120 });
    expect(cells).toContainEqual({ sheet: SHEET, cell: actualCell("8"), value: 310 });
    expect(cells).toHaveLength(accepted.length);
    expect(writeOf(written, "document")!.info.reportTally).toMatchObject({ total: 30, achievedOrExceeded: 25 });
    expect(written.messages[0].text).toBe(`Đã ghi ${accepted.length} số vào cột Thực hiện của trang "Chỉ tiêu".`);
  });

  test("declined: the new ones written, the typed one kept and named", () => {
    const kept = enterReportCommand(input, { figures: accepted, tally: null, answers: { "report-overwrite": false } }, "vi");
    const cells = writeOf(kept, "cells")!.cells.map((c) => c.cell);
    expect(cells).not.toContain(actualCell("8"));
    expect(cells).toContain(actualCell("1"));
    expect(kept.result!.kept).toEqual([actualCell("8")]);
    expect(writeOf(kept, "document")).toBeUndefined();
  });

  test("an edited figure is read as the core reads a typed one; words that are no figure refuse, naming the cell", () => {
    const edited = enterReportCommand(input, { figures: [{ code: "1", figure: "41.000,5" }], tally: null }, "vi");
    expect(writeOf(edited, "cells")!.cells).toEqual([{ sheet: SHEET, cell: actualCell("1"), value: 41000.5 }]);
    const bad = enterReportCommand(input, { figures: [{ code: "1", figure: "khá tốt" }], tally: null }, "vi");
    expect(bad.status).toBe("refused");
    expect(bad.messages[0]).toMatchObject({ key: "wf.report.bad-figure", at: { sheet: SHEET, cell: actualCell("1") } });
    expect(enterReportCommand(input, { figures: [{ code: "99", figure: 1 }], tally: null }, "vi").messages[0].key).toBe("wf.report.unknown-code");
    expect(enterReportCommand(input, { figures: [], tally: null }, "vi").status).toBe("refused");
  });

  test("the same figure already typed is not written again", () => {
    const same = enterReportCommand(sheetInput({ "1": 40120 }), { figures: [{ code: "1", figure: 40120 }], tally: null }, "vi");
    expect(same.writes).toEqual([]);
    expect(same.result!.same).toBe(1);
  });
});

describe("the kept tally in Check and Summary (the CLI's rule)", () => {
  // The report claims 30/30; the figures typed say indicator 18 missed its plan.
  const tally = { total: 30, achievedOrExceeded: 30, exceeded: null, notAchieved: 0, text: "30/30 chỉ tiêu" };
  const typed: Record<string, unknown> = {};
  for (const ind of PLAN.indicators) if (ind.target !== null && ind.comparator) typed[ind.code] = ind.comparator === "<=" ? ind.target : ind.target;
  typed["18"] = 90;

  test("check lists the contradiction; summary says it and writes it under the sentence", () => {
    const checked = checkCommand(sheetInput(typed, tally), "vi");
    const finding = checked.findings.find((f) => f.rule === "report-tally")!;
    expect(finding.message).toMatch(/^Báo cáo ghi 30\/30 chỉ tiêu đạt và vượt; theo số liệu là \d+\/30/);
    expect(finding.message).toContain("chỉ tiêu 18");
    const summary = summaryCommand(sheetInput(typed, tally), { date: "2025-12-05" }, "vi");
    expect(summary.result!.tally).toBe(finding.message);
    expect(summary.messages.map((m) => m.text)).toContain(finding.message);
    const sheet = writeOf(summary, "sheets")!.model.sheets.find((s) => s.role === "summary")!;
    expect(sheet.cells.flat().some((v) => typeof v === "string" && v.includes("chỉ tiêu 18"))).toBe(true);
  });

  test("without a kept tally, nothing is added", () => {
    expect(checkCommand(sheetInput(typed), "vi").findings.some((f) => f.rule === "report-tally")).toBe(false);
    expect(summaryCommand(sheetInput(typed), {}, "vi").result!.tally).toBeNull();
  });
});

test("in English the edit box still shows the figure the Vietnamese way, so an edit reads back the same", () => {
  const view = readReportCommand(sheetInput(), { text: REPORT }, "en").result!;
  const revenue = view.rows.find((r) => r.code === "1")!;
  expect(revenue.figureText).toBe("40.120");
  const written = enterReportCommand(sheetInput(), { figures: [{ code: "1", figure: revenue.figureText }], tally: null }, "en");
  expect(writeOf(written, "cells")!.cells[0].value).toBe(40120);
  expect(written.messages[0].text).toBe('Wrote 1 figure into the Actual column of sheet "Chỉ tiêu".');
});

test("a yes/no indicator: 'hoàn thành' is read as Đạt and written as the sheet's own word, as text", () => {
  const plan = findBuiltInPlan("nguyen-luong-bang-2025")!;
  const settings = defaultSettings(2025);
  const model = buildFillInWorkbook(plan, { unit: "Xã Nguyễn Lương Bằng", year: 2025, estimate: false, issuer: null, settings, lang: "vi" });
  const grid = model.sheets.find((s) => s.role === "fill-in")!.cells.map((row) => row.map((v) => (isFormula(v) ? "" : v)));
  const input: SheetInput = { document: { plan, unit: "Xã Nguyễn Lương Bằng", year: 2025, estimate: false, issuer: null, settings, fillInSheet: SHEET, sheets: {} }, fillIn: { sheet: SHEET, grid } };
  const text = "Các Trạm y tế xã đạt chuẩn Quốc gia theo Bộ tiêu chí Quốc gia về y tế xã: hoàn thành.\nHoàn thành nhiệm vụ xây dựng nông thôn mới nâng cao: không đạt.";
  const view = readReportCommand(input, { text }, "vi").result!;
  const health = view.rows.find((r) => r.code === "13.1")!;
  expect(health).toMatchObject({ figure: true, figureText: "Đạt" });
  expect(view.rows.find((r) => r.code === "14")).toMatchObject({ figure: false, figureText: "Không đạt" });
  const written = enterReportCommand(input, { figures: view.rows.map((r) => ({ code: r.code, figure: r.figureText })), tally: null }, "vi");
  const cells = writeOf(written, "cells")!.cells;
  expect(cells.map((c) => [c.value, c.text])).toEqual([
    ["Đạt", true],
    ["Không đạt", true],
  ]);
});
