// Kế hoạch 232/KH-UBND of Hải Phòng city (seed 003), item 3 "Các chỉ tiêu thi đua", read from the document.
import { describePlanAgainstDocument, loadPlan, type ExpectedRow } from "./expected-plan";

const ROWS: ExpectedRow[] = [
  ["1", "Tốc độ tăng trưởng GRDP", ">=", 12.35, "%", null, "Tốc độ tăng trưởng GRDP đạt 12,35% so với năm 2024"],
  ["1.1", "Công nghiệp và xây dựng", ">=", 14.33, "%", null, "Công nghiệp và xây dựng tăng 14,33%"],
  ["1.2", "Dịch vụ", ">=", 10.36, "%", null, "Dịch vụ tăng 10,36%"],
  ["1.3", "Nông, lâm nghiệp và thủy sản", ">=", 4.15, "%", null, "Nông, lâm nghiệp và thủy sản tăng 4,15%"],
  ["1.4", "Thuế sản phẩm trừ trợ cấp sản phẩm", ">=", 10.65, "%", null, "Thuế sản phẩm trừ trợ cấp sản phẩm tăng 10,65%"],
  ["2", "GRDP bình quân đầu người", ">=", 7312.72, "USD/người", null, "đạt 7.312,72 USD/người"],
  ["3", "chỉ số sản xuất công nghiệp (IIP)", ">=", 16.8, "%", null, "Tốc độ tăng chỉ số sản xuất công nghiệp (IIP) 16,8%"],
  ["4", "Thu ngân sách nhà nước trên địa bàn", ">=", 165011.59, "tỷ đồng", null, "Thu ngân sách nhà nước trên địa bàn đạt 165.011,59 tỷ đồng"],
  ["4.1", "Thu nội địa", ">=", 83000, "tỷ đồng", null, "thu nội địa 83.000 tỷ đồng"],
  ["4.2", "Thu xuất nhập khẩu", ">=", 75040, "tỷ đồng", null, "thu xuất nhập khẩu: 75.040 tỷ đồng"],
  ["5", "Tổng vốn đầu tư toàn xã hội", ">=", 320850, "tỷ đồng", null, "Tổng vốn đầu tư toàn xã hội đạt 320.850 tỷ đồng"],
  ["6", "Kim ngạch xuất khẩu", ">=", 49.7, "tỷ USD", null, "Kim ngạch xuất khẩu đạt 49,7 tỷ USD"],
  ["7", "thông qua cảng", ">=", 213, "triệu tấn", null, "thông qua cảng đạt 213 triệu tấn"],
  ["8", "Thu hút khách du lịch", ">=", 14.43, "triệu lượt người", null, "Thu hút khách du lịch đạt 14,43 triệu lượt người"],
  ["9", "(TFP)", ">=", 50, "%", null, "đóng góp vào tăng trưởng đạt 50%"],
  ["10", "nông thôn mới kiểu mẫu", ">=", 35.8, "%", null, "đạt 35,8%"],
  ["11", "Tỷ lệ thất nghiệp khu vực thành thị", "<", 2.5, "%", null, "Tỷ lệ thất nghiệp khu vực thành thị ở mức <2,5%"],
  ["12", "giải quyết việc làm", ">=", 98500, "lượt người", null, "giải quyết việc làm đạt 98.500 lượt người"],
  ["13", "Tỷ lệ lao động đã qua đào tạo", ">=", 36.5, "%", null, "có bằng/chứng chỉ đạt 36,5%"],
  ["14", "Tỷ lệ hộ nghèo", "decrease-by", 0.2, "%", null, "giảm 0,2%"],
  ["15", "bảo hiểm y tế", ">=", 95, "%", null, "Tỷ lệ người dân tham gia bảo hiểm y tế đạt 95%"],
  ["16", "bảo hiểm xã hội", ">=", 55, "%", null, "tham gia bảo hiểm xã hội đạt 55%"],
  ["17", "Tỷ lệ trường học các cấp đạt chuẩn quốc gia", ">=", 77.5, "%", null, "đạt chuẩn quốc gia đạt 77,5%"],
  ["18", "Tỷ lệ nước thải đô thị", ">=", 32.22, "%", null, "đạt quy chuẩn kỹ thuật đạt 32,22%"],
  ["19", "Thu hút vốn đầu tư nước ngoài", ">=", 5500, "triệu USD", null, "Thu hút vốn đầu tư nước ngoài đạt 5.500 triệu USD"],
  ["20", "Số doanh nghiệp đăng ký thành lập", "approx", 6000, "doanh nghiệp", null, "tăng mới khoảng 6.000 doanh nghiệp"],
  ["21", "nhà ở xã hội", ">=", 10694, "căn", null, "nhà ở xã hội hoàn thành đạt 10.694 căn"],
  ["22", "Tỷ lệ chất thải rắn sinh hoạt", null, null, "%", null, "Tỷ lệ chất thải rắn sinh hoạt được thu gom, xử lý:"],
  ["22.1", "đô thị", ">=", 95, "%", null, "ở đô thị đạt 95%"],
  ["22.2", "Nông thôn", ">=", 90, "%", null, "nông thôn đạt 90%"],
];

describe("Hải Phòng city plan 232/KH-UBND (seed 003)", () => {
  describePlanAgainstDocument("hai-phong-232-2025", ROWS);

  test("the plan's heading facts and what the numbers cannot hold", () => {
    const plan = loadPlan("hai-phong-232-2025");
    expect(plan.title).toMatch(/^Kế hoạch 232\/KH-UBND ngày 09\/9\/2025 /);
    const note = (code: string) => plan.indicators.find((ind) => ind.code === code)?.note ?? "";
    expect(note("2")).toContain("180,54 triệu đồng/người");
    expect(note("10")).toContain("tính trên các xã sau sắp xếp đơn vị hành chính");
    expect(plan.indicators.find((ind) => ind.code === "14")?.name).toContain("chuẩn nghèo giai đoạn 2022 - 2025");
    expect(plan.indicators.find((ind) => ind.code === "4")?.childrenAreParts).toBe(true);
  });
});
