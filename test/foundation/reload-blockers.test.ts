// A renamed or lost column must stop "load the plan again" before it overwrites what a user typed.
import { findBuiltInPlan } from "../../shared/catalog";
import { buildFillInWorkbook } from "../../shared/sheet/fill-in";
import { readFillInSheet, reloadBlockers } from "../../shared/sheet/read-back";
import { isFormula, type CellValue } from "../../shared/sheet/types";

const plan = findBuiltInPlan("hai-phong-232-2025")!;

function grid(): unknown[][] {
  const book = buildFillInWorkbook(plan, { unit: "Phường Đông Hải", year: 2025 });
  const sheet = book.sheets.find((s) => s.role === "fill-in")!;
  return sheet.cells.map((row) => row.map((v: CellValue) => (isFormula(v) ? null : v)));
}

function headerAt(g: unknown[][], begins: string): { row: number; col: number } {
  for (let row = 0; row < g.length; row++) {
    const col = g[row].findIndex((c) => typeof c === "string" && c.startsWith(begins));
    if (col >= 0 && g[row].some((c) => c === "STT")) return { row, col };
  }
  throw new Error(`no header ${begins}`);
}

describe("reload blockers", () => {
  test("an untouched sheet can be reloaded", () => {
    const g = grid();
    expect(reloadBlockers(readFillInSheet(g, "Chỉ tiêu", { plan }), "Chỉ tiêu")).toEqual([]);
  });

  test.each([
    ["Thực hiện năm trước", "Thực hiện năm trước"],
    ["Ghi chú", "Ghi chú"],
    ["Đánh giá điều chỉnh", "Đánh giá điều chỉnh"],
    ["Giải trình", "Giải trình"],
  ])("a retyped %s header blocks the reload, naming the column", (begins, column) => {
    const g = grid();
    const at = headerAt(g, begins);
    g[at.row][at.col] = "Cột tôi tự đặt";
    const blockers = reloadBlockers(readFillInSheet(g, "Chỉ tiêu", { plan }), "Chỉ tiêu");
    expect(blockers).toHaveLength(1);
    expect(blockers[0]).toMatchObject({ severity: "error", rule: "layout-reload-blocked", sheet: "Chỉ tiêu" });
    expect(blockers[0].message).toBe(
      `Chưa nạp lại trang "Chỉ tiêu": không tìm thấy cột "${column}" ở dòng tiêu đề (có thể tên cột đã bị sửa). Nạp lại lúc này sẽ làm mất những gì đã nhập trong cột đó. Hãy đặt lại tên cột "${column}" rồi nạp lại.`,
    );
  });

  test("a retyped Thực hiện header blocks the reload", () => {
    const g = grid();
    const row = headerAt(g, "STT").row;
    const col = g[row].findIndex((c) => c === "Thực hiện năm 2025");
    expect(col).toBeGreaterThan(0);
    g[row][col] = "Số liệu";
    const blockers = reloadBlockers(readFillInSheet(g, "Chỉ tiêu", { plan }), "Chỉ tiêu");
    expect(blockers.map((b) => b.message)).toEqual([expect.stringContaining('không tìm thấy cột "Thực hiện"')]);
  });

  test("a lost key column or duplicated codes block it too, in English on request", () => {
    const g = grid();
    const at = headerAt(g, "Mã");
    g[at.row][at.col] = "Code?";
    const blockers = reloadBlockers(readFillInSheet(g, "Chỉ tiêu", { plan, lang: "en" }), "Chỉ tiêu", "en");
    expect(blockers.map((b) => b.rule)).toEqual(["layout-reload-blocked"]);
    expect(blockers[0].message).toMatch(/^Sheet "Chỉ tiêu" was not reloaded: Sheet "Chỉ tiêu", header row \d+: the "Mã" column/);
  });

  test("a sheet made without the optional columns is not blocked for lacking them", () => {
    const g = grid();
    const at = headerAt(g, "Giải trình");
    g[at.row][at.col] = "khác";
    const read = readFillInSheet(g, "Chỉ tiêu", { plan });
    expect(reloadBlockers(read, "Chỉ tiêu", "vi", ["actual", "previous", "note", "override"])).toEqual([]);
  });
});
