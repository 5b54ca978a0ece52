import { findBuiltInPlan } from "../../shared/catalog";
import { defaultSettings, depthOf, type Evaluation, type Plan, type Status } from "../../shared/model";
import { buildSummaryWorkbook, dateLine, targetCell } from "../../shared/sheet/summary-sheet";
import { COLORS } from "../../shared/sheet/style";
import { isFormula, type CellStyle, type SheetModel } from "../../shared/sheet/types";
import { summarize } from "../../shared/summary";
import { evaluatePlan } from "../../shared/evaluate";

function plan(id: string): Plan {
  const found = findBuiltInPlan(id);
  if (!found) throw new Error(`missing built-in plan ${id}`);
  return found;
}

const kienAn = plan("kien-an-2025");
const STATUSES: Record<string, Status> = {
  "1": "Vượt", "2": "Đạt", "3": "Không đạt", "4": "Đạt", "5": "Vượt", "6": "Đạt",
  "7": "Đạt", "8": "Vượt", "9": "Đạt", "10": "Không đạt", "11": "Vượt", "12": "Chưa có số liệu", "13": "Đạt",
  "14": "Vượt", "14.1": "Đạt", "14.2": "Vượt", "15": "Không đạt", "15.1": "Không đạt", "15.2": "Đạt",
  "16": "Đạt", "16.1": "Đạt", "16.2": "Đạt", "17": "Đạt", "18": "Đạt", "19": "Đạt",
};

function evaluations(p: Plan): Evaluation[] {
  return p.indicators.map((indicator) => {
    const status = STATUSES[indicator.code] ?? "Chưa có số liệu";
    const overridden = indicator.code === "9";
    return {
      code: indicator.code,
      indicator,
      actual: status === "Chưa có số liệu" || indicator.comparator === null ? null : (indicator.target ?? 0) + 1,
      previous: null,
      percent: status === "Không đạt" ? 93.5 : status === "Chưa có số liệu" || indicator.comparator === null ? null : 101.2,
      yoyPercent: null,
      computedStatus: overridden ? "Không đạt" : status,
      status,
      override: overridden ? { status: "Đạt", reason: "Số liệu chốt ngày 14/12, còn 2 tổ đang bình xét" } : null,
      nearMiss: indicator.code === "3",
      depth: depthOf(indicator.code),
      fromChildren: indicator.comparator === null,
    };
  });
}

function rowOf(sheet: SheetModel, col: number, value: unknown): number {
  const row = sheet.cells.findIndex((cells) => cells[col] === value);
  if (row < 0) throw new Error(`no row with ${String(value)} in column ${col}`);
  return row;
}

/** The style that applies to a cell: the later rectangles win, property by property. */
function styleAt(sheet: SheetModel, row: number, col: number): CellStyle {
  let style: CellStyle = {};
  for (const s of sheet.styles) {
    const r = s.range;
    if (row >= r.row && row < r.row + r.rows && col >= r.col && col < r.col + r.cols) style = { ...style, ...s.style, font: { ...style.font, ...s.style.font } };
  }
  return style;
}

describe("the summary sheet of one unit", () => {
  const summary = summarize(kienAn, evaluations(kienAn), defaultSettings(2025));
  const workbook = buildSummaryWorkbook(kienAn, summary, { unit: "Phường Kiến An", date: "2025-12-05", estimate: true });
  const sheet = workbook.sheets[0] as SheetModel;

  test("one printable sheet in Times New Roman 13, A4 landscape, fit to width, header row repeated, Decree 30 margins", () => {
    expect(workbook.sheets).toHaveLength(1);
    expect(sheet.role).toBe("summary");
    expect(sheet.font).toEqual({ name: "Times New Roman", size: 13 });
    const header = rowOf(sheet, 0, "STT");
    expect(sheet.print).toMatchObject({ paper: "A4", orientation: "landscape", fitToWidth: true, repeatRows: { first: header, last: header }, pageNumbers: true });
    expect(sheet.print?.margins.left).toBeGreaterThanOrEqual(30);
    expect(sheet.print?.margins.top).toBeGreaterThanOrEqual(20);
    expect(workbook.metadata).toMatchObject({ kind: "summary", planId: "kien-an-2025", year: "2025", unit: "Phường Kiến An" });
  });

  test("the Decree 30 header block, the title and the plan it refers to", () => {
    expect(sheet.cells[0]?.[0]).toBe("ỦY BAN NHÂN DÂN");
    expect(sheet.cells[1]?.[0]).toBe("PHƯỜNG KIẾN AN");
    expect(sheet.cells[0]?.[3]).toBe("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    expect(sheet.cells[1]?.[3]).toBe("Độc lập - Tự do - Hạnh phúc");
    expect(sheet.cells[2]?.[3]).toBe("Kiến An, ngày 05 tháng 12 năm 2025");
    expect(sheet.cells[3]?.[0]).toBe("BIỂU TỔNG HỢP KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU THI ĐUA NĂM 2025");
    expect(sheet.cells[4]?.[0]).toBe(`(Theo ${kienAn.title} của UBND phường Kiến An)`);
  });

  test("the table header, with 'Ước thực hiện' for an estimate", () => {
    const header = rowOf(sheet, 0, "STT");
    expect(sheet.cells[header]).toEqual(["STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch năm 2025", "Ước thực hiện năm 2025", "Tỷ lệ TH/KH (%)", "Đánh giá", "Ghi chú"]);
    const final = buildSummaryWorkbook(kienAn, summary, {}).sheets[0] as SheetModel;
    expect(final.cells[rowOf(final, 0, "STT")]?.[4]).toBe("Thực hiện năm 2025");
  });

  test("rows under the plan's sections, sub-items indented, values and status colours", () => {
    const header = rowOf(sheet, 0, "STT");
    expect(sheet.cells[header + 1]?.slice(0, 2)).toEqual(["I", "Chỉ tiêu kinh tế"]);
    expect(styleAt(sheet, header + 1, 1).font?.bold).toBe(true);
    expect(sheet.cells[header + 2]?.slice(0, 5)).toEqual(["1", "Giá trị sản xuất công nghiệp, tiểu thủ công nghiệp", "triệu đồng", 537487.84, 537488.84]);
    expect(sheet.cells[header + 2]?.[6]).toBe("Vượt");
    expect(styleAt(sheet, header + 2, 6).fill).toBe(COLORS.greenFill);
    const sections = sheet.cells.filter((cells) => ["I", "II", "III", "IV", "V"].includes(cells[0] as string)).map((cells) => cells[1]);
    expect(sections).toEqual(["Chỉ tiêu kinh tế", "Chỉ tiêu văn hóa - xã hội", "Chỉ tiêu giáo dục", "Chỉ tiêu môi trường", "Chỉ tiêu khác"]);
    const sub = rowOf(sheet, 0, "15.1");
    expect(sheet.cells[sub]?.[1]).toBe("Tổng số lớp học");
    expect(styleAt(sheet, sub, 1).indent).toBe(1);
    expect(styleAt(sheet, sub, 6).fill).toBe(COLORS.redFill);
    const near = rowOf(sheet, 0, "3");
    expect(styleAt(sheet, near, 6).fill).toBe(COLORS.amberFill);
    expect(sheet.cells[near]?.[7]).toBe("Gần đạt");
    const lowerBetter = rowOf(sheet, 0, "7");
    expect(sheet.cells[lowerBetter]?.[3]).toBe("Không quá 0,67");
    expect(styleAt(sheet, rowOf(sheet, 0, "12"), 6).fill).toBe(COLORS.greyFill);
  });

  test("an override shows its status and reason in Ghi chú", () => {
    const row = rowOf(sheet, 0, "9");
    expect(sheet.cells[row]?.[6]).toBe("Đạt");
    expect(sheet.cells[row]?.[7]).toBe("Điều chỉnh: Đạt — giải trình: Số liệu chốt ngày 14/12, còn 2 tổ đang bình xét (theo quy tắc: Không đạt)");
    expect(sheet.cells.some((cells) => cells[0] === '- Chỉ tiêu 9 "Tỷ lệ gia đình được công nhận gia đình văn hóa": Không đạt → Đạt. Giải trình: Số liệu chốt ngày 14/12, còn 2 tổ đang bình xét')).toBe(true);
  });

  test("totals per status, per section and overall, then the sentence", () => {
    const heads = rowOf(sheet, 2, "Số chỉ tiêu");
    expect(sheet.cells[heads]?.slice(2)).toEqual(["Số chỉ tiêu", "Vượt", "Đạt", "Không đạt", "Chưa có số liệu", "Chưa đến hạn"]);
    expect(sheet.cells[heads - 1]?.[0]).toBe("TỔNG HỢP ĐÁNH GIÁ (tính trên 19 chỉ tiêu chính)");
    const economy = rowOf(sheet, 0, "Cộng I. Chỉ tiêu kinh tế");
    expect(sheet.cells[economy]?.slice(2)).toEqual([6, 2, 3, 1, 0, 0]);
    const education = rowOf(sheet, 0, "Cộng III. Chỉ tiêu giáo dục");
    expect(sheet.cells[education]?.slice(2)).toEqual([3, 1, 1, 1, 0, 0]);
    const all = rowOf(sheet, 0, "Tổng cộng");
    expect(sheet.cells[all]?.slice(2)).toEqual([19, 5, 10, 3, 1, 0]);
    const sentence =
      "Có 15/19 chỉ tiêu đạt và vượt kế hoạch (trong đó 5 chỉ tiêu vượt); 3 chỉ tiêu không đạt (trong đó 1 chỉ tiêu gần đạt): " +
      "Doanh thu dịch vụ lưu trú và ăn uống, Tỷ lệ hộ nghèo theo chuẩn nghèo quốc gia, Giáo dục tiểu học; 1 chỉ tiêu chưa có số liệu: Tỷ lệ người dân tham gia BHXH.";
    const at = rowOf(sheet, 0, sentence);
    expect(sheet.cells[at - 1]?.[0]).toBe("Kết quả chung:");
    expect(sheet.merges).toContainEqual({ row: at, col: 0, rows: 1, cols: 8 });
  });

  test("the signature block on the right", () => {
    const row = rowOf(sheet, 5, "TM. ỦY BAN NHÂN DÂN");
    expect(sheet.cells[row + 1]?.[5]).toBe("CHỦ TỊCH");
    expect(sheet.merges).toContainEqual({ row, col: 5, rows: 1, cols: 3 });
    expect(row).toBeGreaterThan(rowOf(sheet, 0, "Kết quả chung:"));
  });

  test("text from documents and users stays literal, never a formula", () => {
    const tricky: Plan = {
      ...kienAn,
      indicators: kienAn.indicators.map((i) => (i.code === "1" ? { ...i, name: "=HYPERLINK(\"http://x\",\"bấm\")" } : i)),
    };
    const evals = evaluations(tricky).map((e) => (e.code === "9" ? { ...e, override: { status: "Đạt" as const, reason: "+1 do điều chỉnh" } } : e));
    const model = buildSummaryWorkbook(tricky, summarize(tricky, evals, defaultSettings(2025)), { unit: "@Phường Kiến An" });
    const cells = model.sheets.flatMap((s) => s.cells.flat());
    expect(cells.some((v) => isFormula(v))).toBe(false);
    expect(cells).toContain("=HYPERLINK(\"http://x\",\"bấm\")");
  });

  test("English labels on request; the Decree 30 block keeps its legal Vietnamese form", () => {
    const en = buildSummaryWorkbook(kienAn, summarize(kienAn, evaluations(kienAn), defaultSettings(2025, { lang: "en" })), { lang: "en" }).sheets[0] as SheetModel;
    expect(en.cells[rowOf(en, 0, "No.")]).toEqual(["No.", "Indicator", "Unit", "Target 2025", "Actual 2025", "Actual/target (%)", "Assessment", "Notes"]);
    expect(en.cells[0]?.[3]).toBe("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    expect(rowOf(en, 5, "ON BEHALF OF THE PEOPLE'S COMMITTEE")).toBeGreaterThan(0);
  });
});

describe("texts of the sheet", () => {
  test("Decree 30 dates: a leading 0 for days 1–9 and months 1–2 only", () => {
    expect(dateLine("Kiến An", "2025-02-03", 2025, "vi")).toBe("Kiến An, ngày 03 tháng 02 năm 2025");
    expect(dateLine("Kiến An", "15/12/2025", 2025, "vi")).toBe("Kiến An, ngày 15 tháng 12 năm 2025");
    expect(dateLine("Kiến An", "09/9/2025", 2025, "vi")).toBe("Kiến An, ngày 09 tháng 9 năm 2025");
    expect(dateLine("Kiến An", "31/13/2025", 2025, "vi")).toBe("Kiến An, ngày      tháng      năm 2025");
  });

  test("targets as reports write them", () => {
    const city = plan("hai-phong-232-2025");
    const nlb = plan("nguyen-luong-bang-2025");
    const ind = (p: Plan, code: string) => p.indicators.find((i) => i.code === code)!;
    expect(targetCell(ind(city, "4"), 2025, "vi")).toBe(165011.59);
    expect(targetCell(ind(city, "11"), 2025, "vi")).toBe("Dưới 2,5");
    expect(targetCell(ind(city, "14"), 2025, "vi")).toBe("Giảm 0,2");
    expect(targetCell(ind(city, "20"), 2025, "vi")).toBe("Khoảng 6.000");
    expect(targetCell(ind(city, "22"), 2025, "vi")).toBeNull();
    expect(targetCell(ind(nlb, "9.3"), 2025, "vi")).toBe("2 - 4 (đến năm 2030)");
    expect(targetCell(ind(nlb, "3"), 2025, "vi")).toBe("230 (đến năm 2030)");
    expect(targetCell(ind(nlb, "19"), 2025, "vi")).toBe("Hoàn thành");
    expect(targetCell(ind(nlb, "16"), 2025, "en")).toBe("Above 90");
  });
});

describe("the summary sheet of a six-month review", () => {
  test("its title, its headers, the labels in Đánh giá, and the line saying which figures it shows", () => {
    const settings = defaultSettings(2026, { period: "6-thang" });
    // Kiến An's revenue (1) at 55 % of the annual plan is on track; its poverty (10) waits for the year end.
    const entries = [
      { code: "1", raw: 537487.84 * 0.55 },
      { code: "5", raw: 330681 * 0.3 },
      { code: "10", raw: 0 },
    ];
    const evaluated = evaluatePlan(kienAn, entries, settings);
    const summary = summarize(kienAn, evaluated, settings);
    const sheet = buildSummaryWorkbook(kienAn, summary, { unit: "Phường Kiến An", basisLine: "Số liệu: Ước thực hiện ngày 20/06/2026." }).sheets[0];
    const texts = sheet.cells.flat().filter((v): v is string => typeof v === "string");
    expect(texts).toContain("BIỂU TỔNG HỢP KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU THI ĐUA 6 THÁNG ĐẦU NĂM 2026");
    expect(texts).toEqual(expect.arrayContaining(["Thực hiện 6 tháng đầu năm 2026", "Tỷ lệ TH/KH năm (%)"]));
    expect(texts.some((t) => t.endsWith("Số liệu: Ước thực hiện ngày 20/06/2026."))).toBe(true);
    const rowOf = (code: string) => sheet.cells.find((row) => row[0] === code)!;
    expect([rowOf("1")[6], rowOf("5")[6], rowOf("10")[6]]).toEqual(["Đạt tiến độ", "Chậm tiến độ", "Chưa đến kỳ đánh giá"]);
    expect(texts.some((t) => t.startsWith("6 tháng đầu năm, có 1/"))).toBe(true);
  });
});
