import { findBuiltInPlan } from "../../shared/catalog";
import { consolidate, type UnitInput } from "../../shared/consolidate";
import { defaultSettings, depthOf, type Evaluation, type Finding, type Plan, type Status } from "../../shared/model";
import { buildConsolidationWorkbook } from "../../shared/sheet/consolidation-sheet";
import { COLORS } from "../../shared/sheet/style";
import { isFormula, type SheetModel } from "../../shared/sheet/types";

const city = findBuiltInPlan("hai-phong-232-2025") as Plan;

/** A ward whose top-level indicators are all `status`, with some actuals set by hand. */
function ward(unit: string, status: Status, actuals: Record<string, number | null>, findings: Finding[] = []): UnitInput {
  const evaluations: Evaluation[] = city.indicators.map((indicator) => ({
    code: indicator.code,
    indicator,
    actual: indicator.code in actuals ? (actuals[indicator.code] ?? null) : indicator.target,
    previous: null,
    percent: status === "Vượt" ? 120 : status === "Đạt" ? 100 : 50,
    yoyPercent: null,
    computedStatus: status,
    status,
    override: null,
    nearMiss: false,
    depth: depthOf(indicator.code),
    fromChildren: indicator.comparator === null,
  }));
  return { unit, file: `${unit}.xlsx`, plan: city, evaluations, findings };
}

const error: Finding = { severity: "error", rule: "cell-error", code: "5", cell: "F9", message: 'Ô F9 (chỉ tiêu 5 "Tổng vốn đầu tư toàn xã hội"): ô đang báo lỗi #REF!.' };

const consolidation = consolidate(
  [
    ward("Phường Đông Hải", "Vượt", { "5": 100, "21": 10 }),
    ward("=Phường Kiến An", "Đạt", { "5": 250.5, "21": null }),
    ward("Xã Nguyễn Lương Bằng", "Không đạt", { "5": 50, "21": 5 }, [error]),
    { file: "hong.xlsx", reason: "Tệp hong.xlsx không phải tệp Excel đọc được." },
  ],
  defaultSettings(2025),
);
const workbook = buildConsolidationWorkbook(consolidation, { issuer: "UBND thành phố Hải Phòng" });
const [matrix, ranking, register] = workbook.sheets as [SheetModel, SheetModel, SheetModel];

function rowOf(sheet: SheetModel, col: number, value: unknown): number {
  const row = sheet.cells.findIndex((cells) => cells[col] === value);
  if (row < 0) throw new Error(`no row with ${String(value)} in column ${col}`);
  return row;
}

describe("the consolidation workbook", () => {
  test("three sheets: the matrix, the ranking, the register", () => {
    expect(workbook.sheets.map((s) => [s.name, s.role])).toEqual([
      ["Tổng hợp", "consolidation"],
      ["Xếp hạng", "units"],
      ["Không sử dụng được", "register"],
    ]);
    for (const sheet of workbook.sheets) {
      expect(sheet.font).toEqual({ name: "Times New Roman", size: 13 });
      expect(sheet.print).toMatchObject({ paper: "A4", orientation: "landscape", fitToWidth: true });
      expect(sheet.cells[0]?.[0]).toBe("ỦY BAN NHÂN DÂN");
      expect(sheet.cells[1]?.[0]).toBe("THÀNH PHỐ HẢI PHÒNG");
    }
  });

  test("the matrix: indicator rows × unit columns (actual and status), the target, totals of amounts only", () => {
    const top = rowOf(matrix, 0, "STT");
    expect(matrix.cells[top]).toEqual(["STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch", "Phường Đông Hải", null, "=Phường Kiến An", null, "Xã Nguyễn Lương Bằng", null, "Tổng các đơn vị"]);
    expect(matrix.cells[top + 1]?.slice(4, 10)).toEqual(["Thực hiện", "Đánh giá", "Thực hiện", "Đánh giá", "Thực hiện", "Đánh giá"]);
    expect(matrix.merges).toContainEqual({ row: top, col: 4, rows: 1, cols: 2 });
    expect(matrix.merges).toContainEqual({ row: top, col: 0, rows: 2, cols: 1 });
    expect(matrix.print?.repeatRows).toEqual({ first: top, last: top + 1 });
    expect(matrix.cells.length - (top + 2)).toBe(30);

    const investment = matrix.cells[rowOf(matrix, 0, "5")];
    expect(investment?.slice(1, 10)).toEqual(["Tổng vốn đầu tư toàn xã hội", "tỷ đồng", 320850, 100, "Vượt", 250.5, "Đạt", 50, "Không đạt"]);
    expect(investment?.[10]).toBe(400.5);
    expect(matrix.cells[rowOf(matrix, 0, "21")]?.[10]).toBe("15 (thiếu 1 đơn vị)");
    expect(matrix.cells[rowOf(matrix, 0, "15")]?.[10]).toBe("Không cộng (tỷ lệ)");
    expect(matrix.cells[rowOf(matrix, 0, "11")]?.[3]).toBe("Dưới 2,5");
    expect(matrix.cells[rowOf(matrix, 0, "2")]?.[10]).toBeNull(); // USD/người: neither summed nor a rate

    const row5 = rowOf(matrix, 0, "5");
    const fill = (col: number) => matrix.styles.filter((s) => s.range.row === row5 && s.range.col === col && s.style.fill).map((s) => s.style.fill).pop();
    expect(fill(5)).toBe(COLORS.greenFill);
    expect(fill(9)).toBe(COLORS.redFill);
    const sub = rowOf(matrix, 0, "22.1");
    expect(matrix.styles.some((s) => s.range.row === sub && s.range.col === 1 && s.style.indent === 1)).toBe(true);
  });

  test("the ranking: counts, share achieved, mean completion, rank, flagged errors, and the rule", () => {
    const header = rowOf(ranking, 0, "Xếp hạng");
    expect(ranking.cells[header]).toEqual([
      "Xếp hạng", "Đơn vị", "Số chỉ tiêu", "Vượt", "Đạt", "Không đạt", "Chưa có số liệu", "Chưa đến hạn",
      "Tỷ lệ đạt và vượt (%)", "Mức hoàn thành bình quân (%)", "Ghi chú",
    ]);
    expect(ranking.cells.slice(header + 1, header + 4)).toEqual([
      [1, "Phường Đông Hải", 22, 22, 0, 0, 0, 0, 100, 120, ""],
      [2, "=Phường Kiến An", 22, 0, 22, 0, 0, 0, 100, 100, ""],
      [3, "Xã Nguyễn Lương Bằng", 22, 0, 0, 22, 0, 0, 0, 50, "Có 1 lỗi số liệu"],
    ]);
    expect(ranking.cells[header + 5]?.[0]).toMatch(/^Xếp hạng theo: tỷ lệ chỉ tiêu đạt và vượt, rồi số chỉ tiêu vượt, rồi mức hoàn thành bình quân \(mỗi chỉ tiêu tính tối đa 150%\)/);
  });

  test("the register: files and units that could not be used or have data errors, with the reason", () => {
    const header = rowOf(register, 0, "STT");
    expect(register.cells[header]).toEqual(["STT", "Đơn vị", "Tệp", "Tình trạng", "Lý do"]);
    expect(register.cells[header + 1]).toEqual([1, "", "hong.xlsx", "Không sử dụng được", "Tệp hong.xlsx không phải tệp Excel đọc được."]);
    expect(register.cells[header + 2]?.slice(0, 4)).toEqual([2, "Xã Nguyễn Lương Bằng", "Xã Nguyễn Lương Bằng.xlsx", "Có lỗi số liệu"]);
    expect(register.cells[header + 2]?.[4]).toContain("Lỗi đầu tiên: Ô F9");
  });

  test("an empty register says so; no cell is ever a formula", () => {
    const clean = buildConsolidationWorkbook(consolidate([ward("Phường Đông Hải", "Đạt", {})], defaultSettings(2025)), { title: "TỔNG HỢP THỬ" });
    const reg = clean.sheets[2] as SheetModel;
    expect(reg.cells.flat()).toContain("Tất cả các tệp đều sử dụng được, không có lỗi số liệu.");
    expect(clean.sheets[0]?.cells[0]?.[0]).toBe("TỔNG HỢP THỬ");
    expect(workbook.sheets.flatMap((s) => s.cells.flat()).some((v) => isFormula(v))).toBe(false);
  });

  test("English sheets on request", () => {
    const en = buildConsolidationWorkbook(consolidation, { lang: "en" });
    expect(en.sheets.map((s) => s.name)).toEqual(["Consolidated", "Ranking", "Not usable"]);
    expect(en.sheets[0]?.cells[0]?.[0]).toBe("EMULATION INDICATORS ACHIEVED BY THE UNITS IN 2025");
  });
});
