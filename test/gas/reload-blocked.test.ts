// A user who retypes the header of a column they type into and loads the plan again must not lose
// what the column holds: the add-on refuses with the core's message naming the column, and the
// sheet stays exactly as it was (the same rule as the Excel add-in, test/excel/reload-blocked.test.ts).
import type { FakeSheet } from "../fakes/gas/spreadsheet";
import { buildToTemp, columnOf, FILL_IN, loadRequest, rowOfCode, run, sandbox, userTypes, type Built } from "./support";

let built: Built;
beforeAll(async () => {
  built = await buildToTemp();
});

function grid(sheet: FakeSheet): unknown[][] {
  const { lastRow, lastCol } = sheet.extent();
  return Array.from({ length: lastRow }, (_, r) => Array.from({ length: lastCol }, (_, c) => ({ ...sheet.peek(r, c), validation: null })));
}

function headerCell(sheet: FakeSheet, text: string): { row: number; col: number } {
  const { lastRow, lastCol } = sheet.extent();
  for (let row = 0; row < lastRow; row++) for (let col = 0; col < lastCol; col++) if (sheet.peek(row, col).value === text) return { row, col };
  throw new Error(`no header ${text}`);
}

test.each(["Ghi chú", "Thực hiện năm 2025", "Giải trình"])("a retyped %s header stops the reload and the sheet stays as it was", (header) => {
  const box = sandbox(built);
  expect(run(box, "loadPlan", loadRequest("hai-phong-232-2025")).ok).toBe(true);
  const sheet = box.world.active.sheet(FILL_IN);
  const row = rowOfCode(sheet, "11");
  userTypes(sheet, row, columnOf("note"), "Số liệu Cục Thống kê");
  userTypes(sheet, row, columnOf("actual"), "1.234,5");
  userTypes(sheet, row, columnOf("override"), "Đạt");
  userTypes(sheet, row, columnOf("overrideReason"), "Đã giải trình với UBND thành phố");
  const at = headerCell(sheet, header);
  userTypes(sheet, at.row, at.col, "Cột tự đặt");
  const before = JSON.stringify(grid(sheet));
  const sheetsBefore = box.world.active.sheets.map((s) => s.name);

  const again = run(box, "loadPlan", loadRequest("hai-phong-232-2025"));
  expect(again.ok).toBe(false);
  const column = header.startsWith("Thực hiện") ? "Thực hiện" : header;
  expect(again.message).toContain(`không tìm thấy cột "${column}"`);
  expect(again.message).toContain(`"${FILL_IN}"`);
  expect(JSON.stringify(grid(sheet))).toBe(before);
  expect(box.world.active.sheets.map((s) => s.name)).toEqual(sheetsBefore);
  expect(sheet.peek(row, columnOf("note")).value).toBe("Số liệu Cục Thống kê");
});

test("the refusal is in English when the sidebar is", () => {
  const box = sandbox(built);
  run(box, "loadPlan", loadRequest("dong-hai-2025"));
  const sheet = box.world.active.sheet(FILL_IN);
  const at = headerCell(sheet, "Giải trình");
  userTypes(sheet, at.row, at.col, "Lý do");
  const again = run(box, "loadPlan", { ...loadRequest("dong-hai-2025"), lang: "en" });
  expect(again.ok).toBe(false);
  expect(again.message).toContain(`the column "Giải trình" is not in the header row`);
});
