// Phường Kiến An plan (seed 002, OCR without diacritics), "3. Các chỉ tiêu thi đua", read from the document.
// The name fragments are the proper Vietnamese; the quotes are the OCR text as it stands in the seed.
import { describePlanAgainstDocument, loadPlan, type ExpectedRow } from "./expected-plan";

const ROWS: ExpectedRow[] = [
  ["1", "Giá trị sản xuất công nghiệp, tiểu thủ công nghiệp", ">=", 537487.84, "triệu đồng", null, "tiéu tha cong nghiép: 537.487,84 triéu dong"],
  ["2", "Tổng mức bán lẻ hàng hóa", ">=", 10712726.79, "triệu đồng", null, "Tong muc bén 1é hang héa: 10.712.726,79 triéu ddng"],
  ["3", "Doanh thu dịch vụ lưu trú và ăn uống", ">=", 1809001.12, "triệu đồng", null, "Doanh thu dich vu luu tra va an ubng: 1.809.001,12 triéu déng"],
  ["4", "Sản xuất nông, lâm, thủy sản", ">=", 83485.19, "triệu đồng", null, "San xuat nong, 1am, thuy san: 83.485,19 triéu dong"],
  ["5", "Thu ngân sách nhà nước trên địa bàn", ">=", 330681, "triệu đồng", null, "Thu ngan sach nha nuée trén dja ban: 330.681 triéu dong"],
  ["6", "Tổng chi ngân sách", ">=", 330681, "triệu đồng", null, "Tong chi ngan sach: 330.681 triéu dong"],
  ["7", "Tỷ lệ tăng dân số tự nhiên", "<=", 0.67, "%", null, "tang dan s tu nhién: 0,67%"],
  ["8", "Tỷ lệ tổ dân phố đạt tổ dân phố văn hóa", ">=", 95, "%", null, "t6 dan phé dat to dan phé van hoa: 95%"],
  ["9", "Tỷ lệ gia đình được công nhận gia đình văn hóa", ">=", 95, "%", null, "gia dinh dugc cong nhan gia dinh van hoa: 95%"],
  ["10", "Tỷ lệ hộ nghèo theo chuẩn nghèo quốc gia", "=", 0, "hộ", null, "khdng con hd nghéo"],
  ["11", "Giải quyết việc làm", ">=", 1805, "người", null, "Giai quyét viéc lam nam 2025: 1.805 nguoi"],
  ["12", "Tỷ lệ người dân tham gia BHXH", ">=", 95.08, "%", null, "nguoi dan tham gia BHXH: 95,08%"],
  ["13", "Tỷ lệ tham gia BHXH tự nguyện", ">=", 51, "%", null, "tham gia BHXH tu nguyén: 51%"],
  ["14", "Giáo dục mầm non", null, null, "", null, "Gi4o duc mam non:"],
  ["14.1", "Tổng số cháu đi nhà trẻ", ">=", 850, "cháu", null, "chau di nha tré: 850 chau"],
  ["14.2", "Tổng số học sinh mẫu giáo", ">=", 3268, "học sinh", null, "hoc sinh mau gido: 3.268 hoc sinh"],
  ["15", "Giáo dục tiểu học", null, null, "", null, "Gi4o duc tiéu hoc:"],
  ["15.1", "Tổng số lớp học", ">=", 139, "lớp", null, "16p hoc: 139 16p"],
  ["15.2", "Tổng số học sinh", ">=", 4675, "học sinh", null, "hoc sinh: 4.675 hoc sinh"],
  ["16", "Giáo dục trung học cơ sở", null, null, "", null, "Giao duc trung hoc co so:"],
  ["16.1", "Tổng số lớp học", ">=", 88, "lớp", null, "16p hoc: 88 16p"],
  ["16.2", "Tổng số học sinh", ">=", 3867, "học sinh", null, "hoc sinh: 3.867 hoc sinh"],
  ["17", "nước sạch theo tiêu chuẩn", ">=", 100, "%", null, "nudc sach theo tiéu chuan dat 100%"],
  ["18", "Tỷ lệ chất thải đô thị được thu gom, xử lý hợp vệ sinh", ">=", 100, "%", null, "thu gom, xir Iy hop vé sinh dat 100%"],
  ["19", "Hoàn thành chỉ tiêu giao quân", ">=", 100, "%", null, "Hoan thanh 100% chi tiéu giao quan"],
];

/** The letters Vietnamese adds to ASCII; an OCR'd name without any of them has lost its diacritics. */
const VIETNAMESE_LETTER = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/i;

describe("Phường Kiến An plan (seed 002, OCR)", () => {
  describePlanAgainstDocument("kien-an-2025", ROWS);
  const plan = loadPlan("kien-an-2025");

  test("every name, unit and group carries its diacritics", () => {
    for (const ind of plan.indicators) expect(ind.name).toMatch(VIETNAMESE_LETTER);
    for (const ind of plan.indicators.filter((i) => i.unit !== "" && i.unit !== "%")) expect(ind.unit).toMatch(VIETNAMESE_LETTER);
    const names = plan.indicators.map((ind) => ind.name).join(" | ");
    expect(names).toContain("Tỷ lệ");
    expect(names).not.toMatch(/\bTy le\b|\bGia tri\b|\btrieu dong\b/);
    expect(plan.indicators.filter((ind) => ind.unit === "triệu đồng").map((ind) => ind.code)).toEqual(["1", "2", "3", "4", "5", "6"]);
  });

  test("the plan's own star headings are the groups", () => {
    const groupOf = Object.fromEntries(plan.indicators.map((ind) => [ind.code, ind.group]));
    expect(["1", "2", "3", "4", "5", "6"].map((c) => groupOf[c])).toEqual(Array(6).fill("Chỉ tiêu kinh tế"));
    expect(["7", "8", "9", "10", "11", "12", "13"].map((c) => groupOf[c])).toEqual(Array(7).fill("Chỉ tiêu văn hóa - xã hội"));
    expect(["14", "14.1", "15.2", "16", "16.2"].map((c) => groupOf[c])).toEqual(Array(5).fill("Chỉ tiêu giáo dục"));
    expect(["17", "18"].map((c) => groupOf[c])).toEqual(Array(2).fill("Chỉ tiêu môi trường"));
    expect(groupOf["19"]).toBeNull();
  });

  test("spending after savings, no poor household left and the call-up quota are explained in notes", () => {
    const note = (code: string) => plan.indicators.find((ind) => ind.code === code)?.note ?? "";
    expect(note("6")).toContain("sau trừ tiết kiệm 10% chi thường xuyên");
    expect(note("10")).toContain("không còn hộ nghèo");
    expect(note("19")).toContain("giao quân");
  });
});
