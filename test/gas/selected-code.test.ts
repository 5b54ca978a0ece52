// "Điều chỉnh dòng đang chọn" in Sheets: the code of the indicator row the cursor is on, read with
// getActiveRange() as Apps Script answers it in a call from the sidebar (the user's selection on the
// sheet being shown; A1 on a sheet never clicked), as Excel's getSelectedRange() is pinned in the
// task pane's Chromium test.
import { a1Of } from "../fakes/gas/spreadsheet";
import { buildToTemp, columnOf, FILL_IN, loadRequest, rowOfCode, run, sandbox, type Built } from "./support";

let built: Built;
beforeAll(async () => {
  built = await buildToTemp();
}, 120_000);

type Selected = { code: string | null };

function loaded() {
  const box = sandbox(built);
  expect(run(box, "loadPlan", loadRequest("dong-hai-2025")).ok).toBe(true);
  const book = box.world.active;
  return { box, book, sheet: book.sheet(FILL_IN) };
}

test("the row the cursor is on gives its indicator code, whichever cell or cells of the row", () => {
  const { box, book, sheet } = loaded();
  const row3 = rowOfCode(sheet, "3");
  book._userSelects(FILL_IN, a1Of(row3, columnOf("actual")));
  expect(run<Selected>(box, "getSelectedCode", "vi")).toEqual({ ok: true, code: "3" });

  // The whole row, or a block starting on the row of 1.1: the first row counts, as in Excel.
  book._userSelects(FILL_IN, `A${row3 + 1}:V${row3 + 1}`);
  expect(run<Selected>(box, "getSelectedCode", "vi").code).toBe("3");
  const sub = rowOfCode(sheet, "1.1");
  book._userSelects(FILL_IN, `${a1Of(sub, 0)}:${a1Of(sub + 2, 3)}`);
  expect(run<Selected>(box, "getSelectedCode", "vi").code).toBe("1.1");
});

test("no code when the cursor is on a header, below the table or on another sheet", () => {
  const { box, book, sheet } = loaded();
  book._userSelects(FILL_IN, "A1");
  expect(run<Selected>(box, "getSelectedCode", "vi")).toEqual({ ok: true, code: null });
  const { lastRow } = sheet.extent();
  book._userSelects(FILL_IN, a1Of(lastRow + 5, 1));
  expect(run<Selected>(box, "getSelectedCode", "vi").code).toBeNull();

  // Another sheet shown (the one the spreadsheet started with): its cursor is not on the indicators,
  // even on the same row number.
  const other = book.sheets.find((s) => s.name !== FILL_IN)!;
  book._userSelects(other.name, a1Of(rowOfCode(sheet, "3"), columnOf("actual")));
  expect(run<Selected>(box, "getSelectedCode", "vi").code).toBeNull();

  // Back on the fill-in sheet, Sheets shows what was selected there before: A1, a header.
  (book.getSheetByName(FILL_IN) as { activate(): void }).activate();
  expect(run<Selected>(box, "getSelectedCode", "vi").code).toBeNull();
});

test("after 'go to the cell' of a finding, the cursor is there: the override offers that row", () => {
  const { box, sheet } = loaded();
  const row = rowOfCode(sheet, "5");
  expect(run(box, "activateCell", FILL_IN, a1Of(row, columnOf("actual")), "vi").ok).toBe(true);
  expect(run<Selected>(box, "getSelectedCode", "vi").code).toBe("5");
});

test("a renamed fill-in sheet still answers, in one read of the sheet and the selection", () => {
  const { box, book, sheet } = loaded();
  sheet.setName("Chỉ tiêu P. Đông Hải");
  book._userSelects("Chỉ tiêu P. Đông Hải", a1Of(rowOfCode(sheet, "2"), columnOf("note")));
  box.world.log.reset();
  expect(run<Selected>(box, "getSelectedCode", "vi").code).toBe("2");
  const calls = box.world.log.byMethod();
  expect(calls["Spreadsheet.getActiveRange"] ?? 0).toBe(1);
  expect(box.world.log.flushes).toBe(0);
  // 14 calls: the document properties, the sheet found again by its named range, one getValues, the selection.
  expect(box.world.log.count).toBeLessThanOrEqual(14);
});

test("the fake answers as Apps Script: A1 on a sheet never clicked, the last activated range in the run", () => {
  const { book } = loaded();
  const fresh = book.insertSheet("Nháp") as { getRange(a1: string): { activate(): unknown } };
  const active = book.getActiveRange() as { getA1Notation(): string; getSheet(): { getName(): string } };
  expect([active.getSheet().getName(), active.getA1Notation()]).toEqual(["Nháp", "A1"]);
  fresh.getRange("C4:D5").activate();
  expect((book.getActiveRange() as { getA1Notation(): string }).getA1Notation()).toBe("C4:D5");
  expect((book.getCurrentCell() as { getA1Notation(): string }).getA1Notation()).toBe("C4");
});
