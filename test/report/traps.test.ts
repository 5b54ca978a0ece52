// The traps real reports set, one test each, on sentences written for these tests (not copied from
// the corpus): what a clerk would check when the reader hands back a report's figures.
import { readReport, type ReportResult } from "../../shared/report";

function only(text: string): ReportResult {
  const { results } = readReport(text);
  expect(results).toHaveLength(1);
  return results[0];
}

describe("year-on-year figures are never a percent of plan", () => {
  test("'bằng P% so cùng kỳ' and 'tăng P% so với năm trước' leave the percent of plan empty", () => {
    const a = only("Doanh thu dịch vụ lưu trú ước đạt 812 tỷ đồng, bằng 121,4% so cùng kỳ.");
    expect(a.actual).toBe(812);
    expect(a.percentOfPlan).toBeNull();
    expect(a.yearOnYear).toEqual([121.4]);
    const b = only("Sản lượng thủy sản đạt 5.320 tấn, tăng 2,7% so với năm trước.");
    expect(b.percentOfPlan).toBeNull();
    expect(b.status).toBeNull();
  });

  test("a year named after 'so với' is a year-on-year comparison too", () => {
    const r = only("Giá trị sản xuất nông nghiệp đạt 2.140 tỷ đồng, bằng 104,2% so với năm 2024.");
    expect(r.percentOfPlan).toBeNull();
  });
});

describe("percent of plan", () => {
  test("'vượt P% kế hoạch' is 100 + P percent, and says Vượt", () => {
    const r = only("Tổng vốn đầu tư phát triển đạt 3.100 tỷ đồng, vượt 12,5% kế hoạch.");
    expect(r.percentOfPlan).toBe(112.5);
    expect(r.status).toBe("Vượt");
  });

  test("'tăng P% so với dự toán' is 100 + P percent", () => {
    const r = only("Thu ngân sách xã đạt 14,2 tỷ đồng, tăng 6,1% so với dự toán.");
    expect(r.percentOfPlan).toBe(106.1);
  });

  test("'đạt P% kế hoạch' below 100 is Không đạt, exactly 100 is Đạt", () => {
    expect(only("Thu nhập bình quân đầu người đạt 62 triệu đồng, đạt 96,8% kế hoạch.").status).toBe("Không đạt");
    expect(only("Diện tích gieo trồng đạt 1.250 ha, đạt 100% kế hoạch.").status).toBe("Đạt");
  });

  test("two plans: both kept, the first is the percent of plan, the second names its plan", () => {
    const r = only("Thu ngân sách trên địa bàn đạt 96 tỷ đồng, bằng 187,3% kế hoạch tỉnh giao và 112,6% kế hoạch huyện giao.");
    expect(r.percentOfPlan).toBe(187.3);
    expect(r.plans.map((p) => p.percent)).toEqual([187.3, 112.6]);
    expect(r.plans[1].basis).toMatch(/huyện giao/);
  });

  test("a percent of plan given only as a bound ('vượt trên 100% kế hoạch') says Vượt but no percent", () => {
    const r = only("Doanh thu thương mại đạt trên 900 tỷ đồng, vượt trên 100% kế hoạch.");
    expect(r.percentOfPlan).toBeNull();
    expect(r.status).toBe("Vượt");
    expect(r.approximate).toBe("tren");
  });

  test("'vượt 350% dự toán' is read as 450 %, and flagged: the writer may have meant 350 %", () => {
    const r = only("Thu ngân sách đạt 41 tỷ đồng, vượt 350% dự toán.");
    expect(r.percentOfPlan).toBe(450);
    expect(r.reasons).toContain("report.reason.percent-ambiguous");
  });

  test("a result given only as a percent of plan has no actual", () => {
    const r = only("Chỉ tiêu giải ngân vốn đầu tư công đạt 88,4% kế hoạch.");
    expect(r.actual).toBeNull();
    expect(r.percentOfPlan).toBe(88.4);
    expect(r.reasons).toContain("report.reason.percent-only");
  });

  test("a share of output ('chiếm 41,6%') is the figure, not a percent of plan", () => {
    const r = only("Tỷ trọng công nghiệp - xây dựng chiếm 41,6% cơ cấu kinh tế.");
    expect(r.actual).toBe(41.6);
    expect(r.unit).toBe("%");
    expect(r.percentOfPlan).toBeNull();
  });
});

describe("figures", () => {
  test("approximate words are kept as a bound on the figure", () => {
    expect(only("Sản lượng lúa đạt hơn 18.400 tấn.").approximate).toBe("hon");
    expect(only("Tỷ lệ hộ nghèo giảm còn dưới 2%.").approximate).toBe("duoi");
    expect(only("Số lượt khách tham quan đạt gần 52.000 lượt khách.").approximate).toBe("gan");
    const r = only("Giá trị sản xuất đạt trên 1.200 tỷ đồng.");
    expect(r.actual).toBe(1200);
    expect(r.confidence).toBeLessThan(0.95);
  });

  test("scale words: vạn is ten thousand, '8 tỷ 450 triệu đồng' is 8,45 tỷ đồng, 'ngàn tỉ' stays in the unit", () => {
    const v = only("Số lượt khách du lịch đạt 4,2 vạn lượt khách.");
    expect(v.actual).toBe(42000);
    expect(v.unit).toBe("lượt khách");
    const mixed = only("Thu ngân sách xã đạt 8 tỷ 450 triệu đồng.");
    expect(mixed.actual).toBeCloseTo(8.45, 9);
    expect(mixed.unit).toBe("tỷ đồng");
    const big = only("Tổng sản phẩm trên địa bàn ước đạt 105 ngàn tỉ đồng.");
    expect(big.actual).toBe(105);
    expect(big.unit).toBe("ngàn tỉ đồng");
  });

  test("a comma is always a decimal comma, even before three digits; a dot before three digits groups", () => {
    expect(only("Thu cân đối ngân sách đạt 7,125 tỉ đồng.").actual).toBe(7.125);
    expect(only("Thu cân đối ngân sách đạt 7.125 tỉ đồng.").actual).toBe(7125);
  });

  test("fractions: '38/38 thôn' and '52,4/50 ha' are actual over target", () => {
    const all = only("Số thôn đạt chuẩn văn hóa đạt 38/38 thôn.");
    expect(all.actual).toBe(38);
    expect(all.target).toBe(38);
    expect(all.status).toBe("Đạt");
    const area = only("Diện tích rau an toàn đạt 52,4/50 ha.");
    expect(area.actual).toBe(52.4);
    expect(area.target).toBe(50);
    expect(area.status).toBe("Vượt");
  });

  test("a rank like 'xếp thứ 4/63' is not actual over target", () => {
    const r = only("Chỉ số cải cách hành chính của tỉnh xếp thứ 4/63.");
    expect(r.actual).toBe(4);
    expect(r.target).toBeNull();
    expect(r.reasons).toContain("report.reason.rank");
  });

  test("leading zeros: '06 xã' is 6", () => {
    expect(only("Số xã đạt chuẩn nông thôn mới nâng cao đạt 06 xã.").actual).toBe(6);
  });

  test("a printed target decides the status when no word or percentage does", () => {
    const r = only("Tốc độ tăng trưởng kinh tế ước đạt 6,4% (kế hoạch là 7%).");
    expect(r.target).toBe(7);
    expect(r.status).toBe("Không đạt");
    const lower = only("Tỷ lệ hộ nghèo còn 1,9% (KH: 2,5%).");
    expect(lower.status).toBe("Vượt");
  });

  test("'vượt X tấn so với kế hoạch' gives the target as the actual less X", () => {
    const r = only("Sản lượng lương thực đạt 12.500 tấn, vượt 300 tấn so với kế hoạch.");
    expect(r.target).toBe(12200);
    expect(r.status).toBe("Vượt");
  });

  test("a growth compared with its plan is the result: 'chỉ tăng 6,2%, thấp hơn mức 7% theo kế hoạch'", () => {
    const r = only("Tổng sản phẩm trên địa bàn ước đạt hơn 40 ngàn tỉ đồng, chỉ tăng 6,2%, thấp hơn mức 7% theo kế hoạch.");
    expect(r.actual).toBe(6.2);
    expect(r.unit).toBe("%");
    expect(r.target).toBe(7);
    expect(r.status).toBe("Không đạt");
  });

  test("dates, years and periods are never results", () => {
    const { results } = readReport("Tính đến ngày 30-11-2025, sau hơn 5 tháng vận hành, năm 2025 xã tổ chức 3 hội nghị.");
    expect(results).toEqual([]);
  });
});

describe("status words", () => {
  test("'hoàn thành' is Đạt and 'hoàn thành vượt mức kế hoạch' is Vượt", () => {
    expect(only("Số lao động được giải quyết việc làm đạt 420 người, hoàn thành kế hoạch.").status).toBe("Đạt");
    expect(only("Số hộ được hỗ trợ nhà ở đạt 35 hộ, hoàn thành vượt mức kế hoạch.").status).toBe("Vượt");
  });

  test("near-miss words count as not achieved and are reported as such", () => {
    for (const words of ["xấp xỉ đạt kế hoạch", "tiệm cận kế hoạch", "đúng hướng", "có khả năng đạt"]) {
      const r = only(`Thu nhập bình quân đầu người đạt 71 triệu đồng, ${words}.`);
      expect(r.status).toBe("Không đạt");
      expect(r.nearMiss).not.toBeNull();
    }
  });

  test("failed indicators named without figures become results without an actual", () => {
    const { results } = readReport("Các chỉ tiêu không đạt gồm: tỷ lệ lao động qua đào tạo và thu nhập bình quân đầu người.");
    expect(results.map((r) => r.name)).toEqual(["tỷ lệ lao động qua đào tạo", "thu nhập bình quân đầu người"]);
    expect(results.every((r) => r.status === "Không đạt" && r.actual === null)).toBe(true);
  });
});

describe("names", () => {
  test("a name keeps its commas ('ngành nông, lâm nghiệp') and drops lead-ins and dates", () => {
    const text = "Theo đó, giá trị sản xuất ước đạt 2.000 tỷ đồng; trong đó, ngành nông, lâm nghiệp đạt 700 tỷ đồng. Tính đến ngày 15-11-2025, tổng thu ngân sách đạt 30 tỷ đồng.";
    const results = readReport(text).results;
    expect(results.map((r) => r.name)).toEqual(["giá trị sản xuất", "ngành nông, lâm nghiệp", "tổng thu ngân sách"]);
    expect(results[1].parent).toBe("giá trị sản xuất");
  });

  test("a percentage before its figure: the name is the sentence's subject", () => {
    const r = only("Thu ngân sách nhà nước đạt mức cao, vượt 20% so với dự toán ước đạt 1.500 tỷ đồng.");
    expect(r.name).toBe("Thu ngân sách nhà nước");
    expect(r.actual).toBe(1500);
    expect(r.percentOfPlan).toBe(120);
  });

  test("a title repeating a result of the body is one result", () => {
    const text = "Huyện A: giá trị sản xuất đạt 98,2% kế hoạch\nNăm 2025, giá trị sản xuất ước đạt 5.100 tỷ đồng, đạt 98,2% kế hoạch.";
    const { results } = readReport(text);
    expect(results).toHaveLength(1);
    expect(results[0].actual).toBe(5100);
  });
});

describe("next year's plan and goals are targets, not results", () => {
  test("'Năm 2026, phấn đấu …' after this year's results", () => {
    const text = "Năm 2025, thu ngân sách đạt 52 tỷ đồng, đạt 104% kế hoạch.\nNăm 2026, xã phấn đấu thu ngân sách đạt 58 tỷ đồng; thu nhập bình quân đầu người đạt 80 triệu đồng.";
    const { results } = readReport(text, { year: 2025 });
    expect(results.map((r) => r.actual)).toEqual([52]);
  });

  test("a goal 'đến năm 2030' is not a result", () => {
    expect(readReport("Đến năm 2030, tỷ lệ đô thị hóa đạt 45%.", { year: 2025 }).results).toEqual([]);
  });
});

describe("other shapes of a result", () => {
  test("the figure first: 'có 3/5 thôn đạt chuẩn …' names the result by what follows the figure", () => {
    const r = only("Có 3/5 thôn đạt chuẩn nông thôn mới kiểu mẫu, đạt 60% kế hoạch.");
    expect(r).toMatchObject({ name: "thôn đạt chuẩn nông thôn mới kiểu mẫu", actual: 3, unit: "thôn", target: 5, percentOfPlan: 60, status: "Không đạt" });
  });

  test("a description of what exists is not a result: 'Đảng bộ có 38 chi bộ với 905 đảng viên'", () => {
    expect(readReport("Đảng bộ xã hiện có 38 chi bộ với 905 đảng viên.").results).toEqual([]);
  });

  test("'giải quyết việc làm cho 640 lao động' is a result of 640 lao động", () => {
    expect(only("Giải quyết việc làm mới cho 640 lao động, đạt 106,7% kế hoạch.")).toMatchObject({ name: "Giải quyết việc làm mới", actual: 640, unit: "lao động", percentOfPlan: 106.7 });
  });

  test("a name and its figure after a colon, and a target after a slash ('8,2%/KH 8%')", () => {
    expect(only("- Thu ngân sách trên địa bàn: 41,3 tỷ đồng, đạt 109% dự toán.")).toMatchObject({ name: "Thu ngân sách trên địa bàn", actual: 41.3 });
    expect(only("Tốc độ tăng trưởng kinh tế đạt 8,2%/KH 8%.")).toMatchObject({ actual: 8.2, target: 8, status: "Vượt" });
  });

  test("the tally's own share and counts of indicators are never results", () => {
    const reading = readReport("Năm 2025 có 19/22 chỉ tiêu đạt và vượt (chiếm 86,4%). Tổng số: 22 chỉ tiêu; đạt và vượt: 19 chỉ tiêu; không đạt: 3 chỉ tiêu.");
    expect(reading.results).toEqual([]);
    expect(reading.tally).toMatchObject({ total: 22, achievedOrExceeded: 19 });
  });
});

describe("lists of parts", () => {
  test("'Trong đó: nông nghiệp 420 tỷ đồng; …' gives each part under its total, without a verb", () => {
    const { results } = readReport("Tổng giá trị sản xuất ước đạt 1.520 tỷ đồng, đạt 100,7% kế hoạch. Trong đó: nông nghiệp 420 tỷ đồng; công nghiệp - xây dựng 610 tỷ đồng.");
    expect(results.map((r) => [r.name, r.actual, r.parent])).toEqual([
      ["Tổng giá trị sản xuất", 1520, null],
      ["nông nghiệp", 420, "Tổng giá trị sản xuất"],
      ["công nghiệp - xây dựng", 610, "Tổng giá trị sản xuất"],
    ]);
  });

  test("a short heading before a colon is the parent of what it lists", () => {
    const { results } = readReport("Cơ cấu kinh tế: nông nghiệp chiếm 27,6%; công nghiệp - xây dựng chiếm 40,1%; dịch vụ chiếm 32,3%.");
    expect(results.map((r) => [r.name, r.actual, r.parent])).toEqual([
      ["nông nghiệp", 27.6, "Cơ cấu kinh tế"],
      ["công nghiệp - xây dựng", 40.1, "Cơ cấu kinh tế"],
      ["dịch vụ", 32.3, "Cơ cấu kinh tế"],
    ]);
  });
});

test("'vượt kế hoạch 6,7%': the excess written after the plan's word is 106,7 %", () => {
  expect(only("Kim ngạch xuất khẩu đạt 320 triệu USD, vượt kế hoạch 6,7%.")).toMatchObject({ actual: 320, percentOfPlan: 106.7, target: null, status: "Vượt" });
});

test("a bare 'đạt P%' that is the actual over the printed target is the percent of plan", () => {
  expect(only("Tổng vốn đầu tư đạt 2.300 tỷ đồng/KH 2.200 tỷ đồng, đạt 104,5%.")).toMatchObject({ actual: 2300, target: 2200, percentOfPlan: 104.5, status: "Vượt" });
  // Not when it is something else: the share of a total is no percent of plan.
  expect(only("Số hộ sử dụng nước sạch đạt 1.800 hộ (KH 1.700 hộ), đạt 92%.").percentOfPlan).toBeNull();
});
