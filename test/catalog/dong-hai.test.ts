// Phường Đông Hải plan (seed 001), "3. Các chỉ tiêu thi đua" (a dash list, numbered 1…N here), read from the document.
import { describePlanAgainstDocument, loadPlan, type ExpectedRow } from "./expected-plan";

const ROWS: ExpectedRow[] = [
  ["1", "Thu ngân sách nhà nước trên địa bàn", ">=", 36692, "triệu đồng", null, "Thu ngân sách nhà nước trên địa bàn đạt 36.692 triệu đồng"],
  ["1.1", "Thu ngoài quốc doanh", ">=", 11232, "triệu đồng", null, "thu ngoài quốc doanh: 11.232 triệu đồng"],
  ["1.2", "Thu thuế thu nhập cá nhân", ">=", 9100, "triệu đồng", null, "Thu thuế thu nhập cá nhân: 9.100;"],
  ["1.3", "Thu thuế sử dụng đất phi nông nghiệp", ">=", 8500, "triệu đồng", null, "thu thuế sử dụng đất phi nông nghiệp: 8.500 triệu đồng"],
  ["1.4", "Thu lệ phí trước bạ", ">=", 7000, "triệu đồng", null, "thu lệ phí trước bạ: 7.000 triệu đồng"],
  ["2", "Tỷ lệ chất thải rắn đô thị", ">=", 100, "%", null, "Tỷ lệ chất thải rắn đô thị được thu gom, xử lý hợp vệ sinh: 100%"],
  ["3", "phân loại rác thải rắn sinh hoạt đầu nguồn", ">=", 100, "%", null, "phân loại rác thải rắn sinh hoạt đầu nguồn: 100%"],
  ["4", "Tỷ lệ bãi chôn lấp chất thải", ">=", 100, "%", null, "đáp ứng yêu cầu kỹ thuật hợp vệ sinh: 100%"],
  ["5", "Tuyến đường được lắp điện chiếu sáng", ">=", 100, "%", null, "Tuyến đường được lắp điện chiếu sáng: 100%"],
  ["6", "Tuyến ngõ được lắp điện chiếu sáng", ">=", 92, "%", null, "Tuyến ngõ được lắp điện chiếu sáng: 92%"],
  ["7", "nước sạch theo tiêu chuẩn đô thị", ">=", 100, "%", null, "nước sạch theo tiêu chuẩn đô thị: 100%"],
  ["8", "Số lượt hộ được vay vốn tạo việc làm", ">=", 294, "lượt hộ", null, "Số lượt hộ được vay vốn tạo việc làm: 294;"],
  ["9", "Tỷ lệ trường học đạt chuẩn quốc gia", ">=", 18.2, "%", null, "Tỷ lệ trường học đạt chuẩn quốc gia: 18.2%"],
  ["10", "Trình độ đào tạo chuẩn của giáo viên", ">=", 100, "%", null, "Trình độ đào tạo chuẩn của giáo viên các cấp học: 100%"],
  ["11", "phổ cập giáo dục Mầm non trẻ 5 tuổi", ">=", 100, "%", null, "Đạt phổ cập giáo dục Mầm non trẻ 5 tuổi: 100%"],
  ["12", "phổ cập giáo dục Tiểu học, THCS mức độ 3", ">=", 100, "%", null, "Đạt phổ cập giáo dục Tiểu học, THCS mức độ 3: 100%"],
  ["13", "phổ cập trung học và nghề", ">=", 96, "%", null, "Duy trì tiêu chuẩn hiệu quả phổ cập trung học và nghề đạt 96%"],
  ["14", "Tỷ lệ tăng dân số tự nhiên", "<=", 0.83, "%", null, "Tỷ lệ tăng dân số tự nhiên: 0.83%"],
  ["15", "Tỷ suất sinh", "<=", 12.15, "", null, "Tỷ suất sinh: 12.15"],
  ["16", "Tỷ số giới tính khi sinh", "<=", 109.2, "", null, "Tỷ số giới tính khi sinh (100 bé trai/100 bé gái): 109.2"],
  ["17", "Tỷ lệ suy dinh dưỡng của trẻ em dưới 5 tuổi", null, null, "%", null, "Tỷ lệ suy dinh dưỡng của trẻ em dưới 5 tuổi:"],
  ["17.1", "Chiều cao", "<=", 4.8, "%", null, "Chiều cao: 4.8%"],
  ["17.2", "Cân nặng", "<=", 8.4, "%", null, "cân nặng: 8.4%"],
  ["18", "bảo hiểm y tế", ">=", 96.4, "%", null, "Tỷ lệ người dân tham gia bảo hiểm y tế đạt 96.4%"],
  ["19", "bảo hiểm xã hội", ">=", 55.5, "%", null, "lao động trong độ tuổi tham gia bảo hiểm xã hội đạt 55,5%"],
  ["20", "Số Tổ dân phố văn hoá", ">=", 25, "tổ dân phố", null, "Số Tổ dân phố văn hoá: 25;"],
  ["21", "gia đình văn hoá", ">=", 95.7, "%", null, "Tỷ lệ gia đình được công nhận gia đình văn hoá: 95.7%"],
  ["22", "Số Tổ dân phố có nhà văn hoá", ">=", 19, "tổ dân phố", null, "Số Tổ dân phố có nhà văn hoá: 19;"],
  ["23", "Số buổi hoạt động văn hoá, văn nghệ quần chúng", ">=", 60, "buổi", null, "Số buổi hoạt động văn hoá, văn nghệ quần chúng: 60;"],
  ["24", "thể dục, thể thao thường xuyên", ">=", 37.5, "%", null, "Tỷ lệ người tập luyện thể dục, thể thao thường xuyên: 37.5%"],
];

describe("Phường Đông Hải plan (seed 001)", () => {
  describePlanAgainstDocument("dong-hai-2025", ROWS);

  test("units the document leaves out are taken from the parent or the name, and the note says so", () => {
    const plan = loadPlan("dong-hai-2025");
    for (const code of ["1.2", "8", "15", "16", "20", "22", "23"])
      expect(plan.indicators.find((ind) => ind.code === code)?.note).toContain("văn bản không ghi đơn vị");
  });

  test("the four main revenue sources are parts of the budget revenue", () => {
    expect(loadPlan("dong-hai-2025").indicators.find((ind) => ind.code === "1")?.childrenAreParts).toBe(true);
  });

  test("the document's typo 'Tỷ kệ' is read as 'Tỷ lệ'", () => {
    expect(loadPlan("dong-hai-2025").indicators.find((ind) => ind.code === "19")?.name).toMatch(/^Tỷ lệ /);
  });
});
