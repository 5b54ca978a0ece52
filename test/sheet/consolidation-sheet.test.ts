import { findBuiltInPlan } from "../../shared/catalog";
import { consolidate, type UnitInput } from "../../shared/consolidate";
import { defaultSettings, depthOf, type Evaluation, type Finding, type Plan, type Status } from "../../shared/model";
import { buildConsolidationWorkbook, MATRIX_MAX_UNITS, MAX_SHEET_COLUMNS } from "../../shared/sheet/consolidation-sheet";
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
const [matrix, data, ranking, register] = workbook.sheets as [SheetModel, SheetModel, SheetModel, SheetModel];

function rowOf(sheet: SheetModel, col: number, value: unknown): number {
  const row = sheet.cells.findIndex((cells) => cells[col] === value);
  if (row < 0) throw new Error(`no row with ${String(value)} in column ${col}`);
  return row;
}

describe("the consolidation workbook", () => {
  test("four sheets: the matrix, the long table, the ranking, the register", () => {
    expect(workbook.sheets.map((s) => [s.name, s.role])).toEqual([
      ["Tổng hợp", "consolidation"],
      ["Dữ liệu", "consolidation"],
      ["Xếp hạng", "units"],
      ["Không sử dụng được", "register"],
    ]);
    expect(workbook.metadata.layout).toBe("matrix");
    for (const sheet of [matrix, ranking, register]) {
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
    const reg = clean.sheets[3] as SheetModel;
    expect(reg.cells.flat()).toContain("Tất cả các tệp đều sử dụng được, không có lỗi số liệu.");
    expect(clean.sheets[0]?.cells[0]?.[0]).toBe("TỔNG HỢP THỬ");
    expect(workbook.sheets.flatMap((s) => s.cells.flat()).some((v) => isFormula(v))).toBe(false);
  });

  test("English sheets on request", () => {
    const en = buildConsolidationWorkbook(consolidation, { lang: "en" });
    expect(en.sheets.map((s) => s.name)).toEqual(["Consolidated", "Data", "Ranking", "Not usable"]);
    const table = en.sheets[1]?.tables?.[0];
    expect(en.sheets[1]?.cells[table?.range.row ?? -1]).toEqual(["Unit", "Code", "Indicator", "Group", "Unit (2)", "Target", "Actual", "Actual/target (%)", "Assessment"]);
    expect(en.sheets[0]?.cells[0]?.[0]).toBe("EMULATION INDICATORS ACHIEVED BY THE UNITS IN 2025");
  });

  test("the long table: one row per unit and indicator, an Excel table over it", () => {
    const [table] = data.tables ?? [];
    expect(table).toBeDefined();
    const header = table!.range.row;
    expect(data.cells[header]).toEqual(["Đơn vị", "Mã", "Chỉ tiêu", "Nhóm", "Đơn vị tính", "Kế hoạch", "Thực hiện", "Tỷ lệ TH/KH (%)", "Đánh giá"]);
    expect(table!.range).toEqual({ row: header, col: 0, rows: 1 + 3 * 30, cols: 9 });
    const investment = data.cells.filter((r) => r[1] === "5");
    expect(investment.map((r) => [r[0], r[5], r[6], r[8]])).toEqual([
      ["Phường Đông Hải", 320850, 100, "Vượt"],
      ["=Phường Kiến An", 320850, 250.5, "Đạt"],
      ["Xã Nguyễn Lương Bằng", 320850, 50, "Không đạt"],
    ]);
    expect(data.frozen).toEqual({ rows: header + 1, cols: 1 });
  });
});

describe("many units: units as rows", () => {
  const wards = Array.from({ length: MATRIX_MAX_UNITS + 1 }, (_, i) => ward(`Phường ${i + 1}`, i % 2 ? "Đạt" : "Không đạt", { "5": 100 + i }));
  const many = buildConsolidationWorkbook(consolidate(wards, defaultSettings(2025)));
  const rows = many.sheets[0] as SheetModel;

  test(`past ${MATRIX_MAX_UNITS} units, one row per unit with a figure and a status per indicator`, () => {
    expect(many.metadata.layout).toBe("rows");
    expect(many.sheets.map((s) => s.name)).toEqual(["Tổng hợp", "Dữ liệu", "Xếp hạng", "Không sử dụng được"]);
    const top = rowOf(rows, 0, "STT");
    expect(rows.cells[top]?.slice(0, 5)).toEqual(["STT", "Đơn vị", "Xếp hạng", "Tỷ lệ đạt và vượt (%)", "1. Tốc độ tăng trưởng GRDP (%); KH: 12,35"]);
    expect(rows.cells[top + 1]?.slice(4, 8)).toEqual(["Thực hiện", "Đánh giá", "Thực hiện", "Đánh giá"]);
    expect(rows.cells[0]?.length).toBe(4 + 2 * 30);
    const col5 = rows.cells[top]!.findIndex((v) => typeof v === "string" && v.startsWith("5. Tổng vốn đầu tư"));
    const first = rows.cells[top + 2]!;
    expect([first[0], first[1], first[col5], first[col5 + 1]]).toEqual([1, "Phường 1", 100, "Không đạt"]);
    expect(rows.cells[top + 2 + MATRIX_MAX_UNITS]?.[1]).toBe(`Phường ${MATRIX_MAX_UNITS + 1}`);
    expect(rows.frozen).toEqual({ rows: top + 2, cols: 2 });
    expect(rows.autoFilter).toEqual({ row: top + 1, col: 0, rows: MATRIX_MAX_UNITS + 2, cols: 64 });
    const totals = rowOf(rows, 1, "Tổng các đơn vị");
    expect(totals).toBe(top + 2 + MATRIX_MAX_UNITS + 2);
    expect(rows.cells[totals]?.[col5]).toBe(wards.reduce((sum, _, i) => sum + 100 + i, 0));
  });

  test(`a plan with more indicators than fit continues on another sheet, none wider than ${MAX_SHEET_COLUMNS} columns`, () => {
    const big: Plan = { ...city, indicators: Array.from({ length: 150 }, (_, i) => ({ ...city.indicators[4]!, code: String(i + 1), name: `Chỉ tiêu thử số ${i + 1}` })) };
    const units: UnitInput[] = Array.from({ length: 40 }, (_, u) => ({
      unit: `Xã ${u + 1}`,
      plan: big,
      findings: [],
      evaluations: big.indicators.map((indicator) => ({ code: indicator.code, indicator, actual: u, previous: null, percent: 50, yoyPercent: null, computedStatus: "Không đạt" as Status, status: "Không đạt" as Status, override: null, nearMiss: false, depth: 0, fromChildren: false })),
    }));
    const wb = buildConsolidationWorkbook(consolidate(units, defaultSettings(2025)));
    expect(wb.sheets.map((s) => s.name).slice(0, 2)).toEqual(["Tổng hợp (1)", "Tổng hợp (2)"]);
    for (const sheet of wb.sheets) expect(sheet.cells.reduce((w, r) => Math.max(w, r.length), 0)).toBeLessThanOrEqual(MAX_SHEET_COLUMNS);
    expect(wb.sheets[0]!.cells[0]!.length).toBe(4 + 2 * 98);
    expect(wb.sheets[1]!.cells[0]!.length).toBe(4 + 2 * 52);
  });
});
