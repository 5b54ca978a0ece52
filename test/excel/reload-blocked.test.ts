// A user who renames an input column and loads the plan again must not lose what the column holds.
import { findBuiltInPlan } from "../../shared/catalog";
import { loadPlan } from "../../excel-addin/src/adapter/load-command";
import { createFakeExcel, cellKey } from "../fakes/excel";
import { blankCell } from "../fakes/excel/state";

const plan = findBuiltInPlan("hai-phong-232-2025")!;
const request = { plan, unit: "Phường Đông Hải", year: 2025, estimate: false, issuer: null, lang: "vi" as const };

function headerCell(grid: unknown[][], text: string): { row: number; col: number } {
  for (let row = 0; row < grid.length; row++) {
    const col = (grid[row] ?? []).findIndex((c) => c === text);
    if (col >= 0) return { row, col };
  }
  throw new Error(`no header ${text}`);
}

test.each(["Ghi chú", "Thực hiện năm 2025", "Giải trình"])("a retyped %s header stops the reload and the sheet stays as it was", async (header) => {
  const host = createFakeExcel();
  const first = await host.run((ctx) => loadPlan(ctx, request, { pageLayout: false }));
  expect(first.ok).toBe(true);
  if (!first.ok) return;
  const grid = host.state.grid(first.sheet);
  const at = headerCell(grid, header);
  const codeCol = headerCell(grid, "Mã").col;
  const noteCol = headerCell(grid, "Ghi chú").col;
  const row = grid.findIndex((line) => line[codeCol] === "11");
  host.state.typeIn(first.sheet, `${String.fromCharCode(65 + noteCol)}${row + 1}`, "Số liệu Cục Thống kê");
  const sheet = host.state.findSheet(first.sheet)!;
  const cell = sheet.cells.get(cellKey(at.row, at.col)) ?? blankCell();
  cell.value = "Cột tự đặt";
  sheet.cells.set(cellKey(at.row, at.col), cell);
  const before = JSON.stringify(host.state.grid(first.sheet));

  const again = await host.run((ctx) => loadPlan(ctx, request, { pageLayout: false }));
  expect(again.ok).toBe(false);
  if (again.ok) return;
  const column = header.startsWith("Thực hiện") ? "Thực hiện" : header;
  expect(again.message).toContain(`không tìm thấy cột "${column}"`);
  expect(JSON.stringify(host.state.grid(first.sheet))).toBe(before);
});
