// Xã Nguyễn Lương Bằng plan (seed 004), "3. Các chỉ tiêu thi đua" (1)…(20), read from the document.
import { describePlanAgainstDocument, loadPlan, type ExpectedRow } from "./expected-plan";

const ROWS: ExpectedRow[] = [
  ["1", "Thu ngân sách nhà nước trên địa bàn", ">=", 10, "%", null, "hằng năm tăng bình quân từ 10% trở lên"],
  ["2", "tổng giá trị sản phẩm trên địa bàn", ">=", 10, "%", null, "tổng giá trị sản phẩm trên địa bàn tăng bình quân 10% trở lên"],
  ["2.1", "Nông nghiệp – thuỷ sản", ">=", 2, "%", null, "Nông nghiệp – thuỷ sản tăng bình quân 2% trở lên"],
  ["2.2", "công nghiệp - xây dựng", ">=", 16, "%", null, "sản xuất công nghiệp - xây dựng tăng bình quân 16%"],
  ["2.3", "Dịch vụ, thương mại", ">=", 10, "%", null, "Dịch vụ, thương mại tăng bình quân 10% trở lên"],
  ["3", "01 ha đất trồng trọt và nuôi trồng thủy sản", ">=", 230, "triệu đồng", 2030, "Đến năm 2030, giá trị sản phẩm trên 01 ha đất trồng trọt và nuôi trồng thủy sản đạt từ 230 triệu đồng trở lên"],
  ["4", "vốn đầu tư", null, null, "", null, "(4) Vốn đầu tư từ nguồn ngân sách xã"],
  ["4.1", "Vốn đầu tư từ nguồn ngân sách xã", ">=", 250, "tỷ đồng", 2030, "giai đoạn 2026-2030 đạt từ 250 tỷ đồng"],
  ["4.2", "giải ngân vốn đầu tư công", ">=", 95, "%", null, "giải ngân vốn đầu tư công cảu xã đạt từ 95% trở lên"],
  ["5", "công nghiệp", null, null, "", 2030, "(5) Đến năm 2030 hình thành 01 khu công nghiệp"],
  ["5.1", "khu công nghiệp", ">=", 1, "khu công nghiệp", 2030, "hình thành 01 khu công nghiệp"],
  ["5.2", "lấp đầy các cụm công nghiệp", ">=", 100, "%", 2030, "tỉ lệ lấp đầy các cụm công nghiệp đang hoạt động đạt 100%"],
  ["5.3", "doanh nghiệp", ">=", 15, "doanh nghiệp/1.000 dân", 2030, "Phấn đấu có ít nhất 15 doanh nghiệp/1.000 dân"],
  ["6", "Thu nhập bình quân đầu người", ">", 150, "triệu đồng", 2030, "đến năm 2030 đạt trên 150 triệu đồng"],
  ["7", "hộ nghèo", "=", 0, "hộ", 2028, "Phấn đấu đến năm 2028, không còn hộ nghèo theo chuẩn nghèo đa chiều"],
  ["8", "văn hoá", null, null, "", null, "(8) Hằng năm, chỉ tiêu gia đình văn hóa"],
  ["8.1", "Gia đình văn hóa", ">=", 90, "%", null, "chỉ tiêu gia đình văn hóa đạt từ 90% trở lên"],
  ["8.2", "làng văn hoá", ">=", 14, "thôn", null, "danh hiệu làng văn hoá ở 14/14 thôn"],
  ["9", "trường học", null, null, "", 2030, "(9) Đến năm 2030, 100% trường học"],
  ["9.1", "đạt chuẩn quốc gia", ">=", 100, "%", 2030, "100% trường học trên địa bàn xã duy trì và nâng chuẩn"],
  ["9.2", "phòng học thông minh", ">=", 100, "%", 2030, "100% các trường được trang trí ít nhất 01 phòng học thông minh"],
  ["9.3", "Di chuyển, mở rộng", "range", [2, 4], "trường", 2030, "di chuyển, mở rộng từ 02 đến 04 trường học"],
  ["10", "cơ sở vật chất", null, null, "", null, "(10) Có ít nhất 01 nhà đa năng"],
  ["10.1", "nhà đa năng", ">=", 1, "nhà đa năng", null, "Có ít nhất 01 nhà đa năng cho mỗi cấp học"],
  ["10.2", "cơ sở vật chất phòng học, phòng chức năng", "boolean", null, "", null, "Đảm bảo cơ sở vật chất phòng học, phòng chức năng cho các trường học"],
  ["11", "bảo hiểm y tế", ">=", 100, "%", 2030, "Đến năm 2030, tỷ lệ dân số tham gia bảo hiểm y tế đạt 100%"],
  ["12", "bảo hiểm xã hội", ">", 60, "%", 2030, "tham gia bảo hiểm xã hội đến năm 2030 đạt trên 60%"],
  ["13", "y tế", null, null, "", 2030, "(13) Đến năm 2030, các Trạm y tế xã"],
  ["13.1", "Trạm y tế xã đạt chuẩn Quốc gia", "boolean", null, "", 2030, "các Trạm y tế xã đạt chuẩn Quốc gia theo Bộ tiêu chí Quốc gia về y tế xã"],
  ["13.2", "30 giường bệnh", ">=", 1, "dự án", 2030, "Thu hút 01 dự án đầu tư"],
  ["14", "nông thôn mới nâng cao", "boolean", null, "", 2028, "Đến năm 2028 hoàn thành nhiệm vụ xây dựng nông thôn mới nâng cao"],
  ["15", "nước sạch", ">=", 100, "%", null, "tỷ lệ dân số được sử dụng nước sạch đạt 100%"],
  ["16", "thu gom chất thải rắn sinh hoạt", ">", 90, "%", null, "tỷ lệ thu gom chất thải rắn sinh hoạt đạt trên 90%"],
  ["17", "thủ tục hành chính", null, null, "", null, "(17) Hằng năm, tỷ lệ giải quyết thủ tục hành chính"],
  ["17.1", "thủ tục hành chính đúng hạn", ">", 90, "%", null, "tỷ lệ giải quyết thủ tục hành chính đúng hạn đạt trên 90%"],
  ["17.2", "hồ sơ trực tuyến mức độ 3, 4", ">", 80, "%", null, "tỷ lệ hồ sơ trực tuyến mức độ 3, 4 đạt trên 80%"],
  ["18", "gọi công dân nhập ngũ", ">=", 100, "%", null, "hoàn thành 100% chỉ tiêu tuyển chọn và gọi công dân nhập ngũ"],
  ["19", "Giữ vững an ninh chính trị", "boolean", null, "", null, "Giữ vững an ninh chính trị, trật tự an toàn xã hội"],
  ["20", "lao động qua đào tạo", ">", 50, "%", 2030, "đến năm 2030 tỉ lệ lao động qua đào tạo có bằng cấp, chứng chỉ đạt trên 50%"],
];

describe("Xã Nguyễn Lương Bằng plan (seed 004)", () => {
  describePlanAgainstDocument("nguyen-luong-bang-2025", ROWS);
  const plan = loadPlan("nguyen-luong-bang-2025");

  test("items holding several targets are headings named after what they share", () => {
    const headings = plan.indicators.filter((ind) => ind.comparator === null);
    expect(headings.map((ind) => ind.code)).toEqual(["4", "5", "8", "9", "10", "13", "17"]);
    for (const heading of headings) {
      expect(heading.target).toBeNull();
      expect(heading.name.length).toBeGreaterThan(3);
    }
  });

  test("'14/14 thôn' keeps its fraction in the note; 'mức độ 3, 4' is part of a name, not a target", () => {
    const find = (code: string) => plan.indicators.find((ind) => ind.code === code);
    expect(find("8.2")?.note).toContain("14/14 thôn");
    expect(find("17.2")?.target).toBe(80);
  });
});
