// Quận Đồ Sơn plan (seed 000), "tập trung vào các chỉ tiêu chủ yếu sau", read from the document.
import { describePlanAgainstDocument, loadPlan, type ExpectedRow } from "./expected-plan";

const ROWS: ExpectedRow[] = [
  ["1", "Tốc độ tăng giá trị sản xuất các ngành kinh tế", ">", 18, "%", null, "Tốc độ tăng giá trị sản xuất các ngành kinh tế trên 18%"],
  ["2", "Giá trị sản xuất công nghiệp", ">=", 1200, "tỷ đồng", null, "Giá trị sản xuất công nghiệp: 1.200 tỷ đồng"],
  ["3", "Giá trị sản xuất nông lâm, thuỷ sản", ">=", 733.3, "tỷ đồng", null, "Giá trị sản xuất nông lâm, thuỷ sản: 733,3 tỷ đồng"],
  ["4", "Doanh thu dịch vụ lưu trú và ăn uống", ">=", 3780, "tỷ đồng", null, "Doanh thu dịch vụ lưu trú và ăn uống: 3.780 tỷ đồng"],
  ["5", "Tổng mức bán lẻ hàng hoá", ">=", 4860, "tỷ đồng", null, "Tổng mức bán lẻ hàng hoá: 4.860 tỷ đồng"],
  ["6", "Tổng vốn đầu tư toàn xã hội", ">=", 10605, "tỷ đồng", null, "Tổng vốn đầu tư toàn xã hội: 10.605 tỷ đồng"],
  ["7", "Thu nhập bình quân đầu người", ">=", 125, "triệu đồng/năm", null, "Thu nhập bình quân đầu người: 125 triệu đồng /năm"],
  ["8", "Thu ngân sách tại địa bàn theo phân cấp", ">=", 499.065, "tỷ đồng", null, "Thu ngân sách tại địa bàn theo phân cấp là 499,065 tỷ đồng"],
  ["9", "Tổng chi ngân sách quận", ">=", 547.709, "tỷ đồng", null, "Tổng chi ngân sách quận: 547,709 tỷ đồng"],
  ["10", "Thu hút khách du lịch", ">=", 5, "triệu lượt", null, "Thu hút khách du lịch phấn đấu 5 triệu lượt"],
  ["11", "Tỷ lệ tăng dân số tự nhiên", "<=", 0.7, "%", null, "Tỷ lệ tăng dân số tự nhiên: 0,70%"],
  ["12", "Giải quyết việc làm", ">=", 5600, "lao động", null, "Giải quyết việc làm: 5.600 lao động"],
  ["13", "Tỷ lệ hộ nghèo", "=", 0, "hộ", null, "Tỷ lệ hộ nghèo: 0 hộ"],
  ["14", "bảo hiểm y tế", ">=", 95, "%", null, "Tỷ lệ người dân tham gia bảo hiểm y tế đạt: 95%"],
  ["15", "bảo hiểm xã hội tự nguyện", ">=", 45, "%", null, "bảo hiểm xã hội tự nguyện: 45%"],
  ["16", "Số trường học đạt chuẩn quốc gia", ">=", 2, "trường", null, "Số trường học đạt chuẩn quốc gia: 02 trường"],
  ["17", "Tỷ lệ lao động qua đào tạo", ">=", 80, "%", null, "Tỷ lệ lao động qua đào tạo: 80%"],
  ["18", "Tỷ lệ chất thải rắn", ">=", 100, "%", null, "Tỷ lệ chất thải rắn được thu gom và xử lý hợp vệ sinh: 100%"],
  ["19", "nước sạch", ">=", 100, "%", null, "Tỷ lệ hộ dân được dùng nước sạch theo tiêu chuẩn: 100%"],
  ["20", "chỉ tiêu giao quận", ">=", 100, "%", null, "Hoàn thành 100% chỉ tiêu giao quận"],
  ["21", "tỷ lệ phá án", ">", 85, "%", null, "Hoàn thành tỷ lệ phá án kế hoạch năm đạt trên 85%"],
  ["22", "Giấy phép xây dựng", ">=", 99, "%", null, "Tỷ lệ hộ xây dựng có Giấy phép xây dựng: 99%"],
];

describe("Quận Đồ Sơn plan (seed 000)", () => {
  describePlanAgainstDocument("do-son-2025", ROWS);

  test("the call-up quota keeps the document's words and says what it is", () => {
    const quota = loadPlan("do-son-2025").indicators.find((ind) => ind.code === "20");
    expect(quota?.name).toBe("Hoàn thành chỉ tiêu giao quận");
    expect(quota?.note).toContain("giao quân");
  });

  test("'0 hộ' means no poor household is left", () => {
    const poverty = loadPlan("do-son-2025").indicators.find((ind) => ind.code === "13");
    expect(poverty?.note).toContain("không còn hộ nghèo");
  });
});
