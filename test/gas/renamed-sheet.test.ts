// A clerk renames the fill-in sheet ("Chỉ tiêu" → "Chỉ tiêu P. Đông Hải"): every command still finds
// it by the table's named range, rewrites it under the clerk's name and never makes a second one.
import { a1Of } from "../fakes/gas/spreadsheet";
import { buildToTemp, columnOf, FILL_IN, loadRequest, rowOfCode, run, sandbox, userTypes, type Built } from "./support";

let built: Built;
beforeAll(async () => {
  built = await buildToTemp();
});

const RENAMED = "Chỉ tiêu P. Đông Hải";

function renamedBook() {
  const box = sandbox(built);
  expect(run(box, "loadPlan", loadRequest("dong-hai-2025")).ok).toBe(true);
  const book = box.world.active;
  const sheet = book.sheet(FILL_IN);
  sheet.setName(RENAMED);
  return { box, book, sheet };
}

test("rename, type, reload: the figures are kept in the renamed sheet and no second fill-in appears", () => {
  const { box, book, sheet } = renamedBook();
  const rows = { one: rowOfCode(sheet, "1"), two: rowOfCode(sheet, "2") };
  userTypes(sheet, rows.one, columnOf("actual"), "1.234,5");
  userTypes(sheet, rows.one, columnOf("note"), "Số liệu Chi cục Thống kê");
  userTypes(sheet, rows.two, columnOf("previous"), 40);
  const sheetsBefore = book.sheets.map((s) => s.name);

  const again = run<{ sheet: string; kept: { actuals: number; notes: number } }>(box, "loadPlan", loadRequest("dong-hai-2025"));
  expect(again).toMatchObject({ ok: true, sheet: RENAMED, kept: { actuals: 2, notes: 1 } });
  expect(again.message ?? (again as unknown as { messages: string[] }).messages[0]).toContain(RENAMED);
  expect(book.sheets.map((s) => s.name)).toEqual(sheetsBefore);
  expect(book.sheets.some((s) => s.name === FILL_IN)).toBe(false);
  expect(sheet.peek(rowOfCode(sheet, "1"), columnOf("actual")).value).toBe("1.234,5");
  expect(sheet.peek(rowOfCode(sheet, "1"), columnOf("note")).value).toBe("Số liệu Chi cục Thống kê");
  expect(sheet.peek(rowOfCode(sheet, "2"), columnOf("previous")).value).toBe(40);

  // A later load looks under the new name first: no extra lookups.
  box.world.log.reset();
  expect(run(box, "loadPlan", loadRequest("dong-hai-2025")).ok).toBe(true);
  expect(box.world.log.since().some((r) => r.method === "Spreadsheet.getRangeByName")).toBe(false);
  expect(box.world.log.count).toBeLessThanOrEqual(12);
});

test("check, fix, navigation and summary follow the renamed sheet", () => {
  const { box, book, sheet } = renamedBook();
  const row = rowOfCode(sheet, "1");
  const cell = a1Of(row, columnOf("actual"));
  userTypes(sheet, row, columnOf("actual"), "1.234,5");

  const check = run<{ findings: { sheet: string; cell: string; rule: string; fixValue: number | null }[] }>(box, "checkFigures", "vi");
  expect(check.ok).toBe(true);
  const finding = check.findings.find((f) => f.cell === cell && f.fixValue !== null)!;
  expect(finding.sheet).toBe(RENAMED);

  expect(run(box, "activateCell", finding.sheet, cell, "vi").ok).toBe(true);
  expect(book.activeSheet).toBe(sheet);
  // Renamed again between the check and the click: the anchor still leads there.
  sheet.setName("Báo cáo 2025");
  expect(run(box, "fixNumberAsText", finding.sheet, cell, 1234.5, "vi").ok).toBe(true);
  expect(sheet.peek(row, columnOf("actual")).value).toBe(1234.5);

  const summary = run<{ sentence: string }>(box, "buildSummary", "vi");
  expect(summary.ok).toBe(true);
  expect(summary.sentence).toMatch(/^Có \d+\/\d+ chỉ tiêu/);
  expect(book.sheets.some((s) => s.name === FILL_IN)).toBe(false);
});

test("a sheet given the old name is not mistaken for the fill-in", () => {
  const { box, book, sheet } = renamedBook();
  userTypes(sheet, rowOfCode(sheet, "1"), columnOf("actual"), 321);
  const other = book.insertSheet(FILL_IN) as { getRange(a1: string): { setValue(v: unknown): void } };
  other.getRange("A1").setValue("Bảng nháp của tôi");
  const again = run<{ sheet: string }>(box, "loadPlan", loadRequest("dong-hai-2025"));
  expect(again).toMatchObject({ ok: true, sheet: RENAMED });
  expect(book.sheet(FILL_IN).peek(0, 0).value).toBe("Bảng nháp của tôi");
  expect(sheet.peek(rowOfCode(sheet, "1"), columnOf("actual")).value).toBe(321);
});
