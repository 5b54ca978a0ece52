// What real public plan texts do that the importer must handle (issue 13), one class at a time. Every
// sentence here is written for this test in the manner of Vietnamese council news and plans; none is
// copied from the corpus (../shared/corpus/plans), which is scored by `npm run eval:import`.
import { importPlanText, type ImportedIndicator, type ImportResult } from "../../shared/import";

function read(text: string, year?: number): ImportResult {
  return importPlanText(text, year === undefined ? {} : { year });
}

function only(result: ImportResult): ImportedIndicator[] {
  return result.indicators.filter((i) => i.comparator !== null);
}

function find(result: ImportResult, word: string): ImportedIndicator {
  const hit = only(result).find((i) => i.name.toLowerCase().includes(word.toLowerCase()));
  if (!hit) throw new Error(`no indicator named like "${word}" in: ${only(result).map((i) => i.name).join(" | ")}`);
  return hit;
}

describe("page chrome around the list", () => {
  const text = [
    "date 2025-12-20 Xã Hòa Bình đề ra 19 chỉ tiêu cho năm 2026",
    "Cập nhật: Thứ sáu, 19/12/2025 07:40",
    "Kỳ họp thứ 5 có 41 đại biểu dự, 39 đại biểu tán thành nghị quyết.",
    "Năm 2026, xã đề ra 19 chỉ tiêu, gồm 7 nhóm giải pháp; trong đó phấn đấu thu ngân sách trên địa bàn đạt 31,5 tỷ đồng; tỷ lệ người dân tham gia bảo hiểm y tế đạt 96%.",
    "Lượt xem: 1.284",
    "Đang truy cập: 57",
  ].join("\n");
  const result = read(text);

  it("keeps the two targets and nothing from the date, the byline, the counts or the counters", () => {
    expect(only(result).map((i) => [i.target, i.unit])).toEqual([
      [31.5, "tỷ đồng"],
      [96, "%"],
    ]);
    expect(result.plan!.year).toBe(2026);
  });
});

describe("results next to targets", () => {
  const text = [
    "Năm 2025, thu ngân sách trên địa bàn đạt 138,6% so với dự toán; xã đã giải quyết việc làm cho 415 lao động; tỷ lệ hộ nghèo ước còn 0,9%.",
    "Xã có diện tích tự nhiên 2.150 ha, dân số hiện nay 14.300 người.",
    "Năm 2026, xã phấn đấu thu ngân sách đạt 12 tỷ đồng; giải quyết việc làm cho 450 lao động; tỷ lệ hộ nghèo giảm còn 0,6%.",
  ].join("\n");
  const result = read(text);

  it("offers only next year's figures as targets", () => {
    expect(only(result).map((i) => i.target)).toEqual([12, 450, 0.6]);
  });

  it("returns last year's figures as results, with the completion against the plan", () => {
    const actuals = result.results.map((r) => r.actual);
    expect(actuals).toEqual(expect.arrayContaining([415, 0.9]));
    expect(actuals).not.toContain(12);
    const estimate = result.results.find((r) => r.actual === 0.9)!;
    expect(estimate.estimate).toBe(true);
    expect(text.slice(estimate.span.start, estimate.span.end)).toBe(estimate.span.text);
  });
});

describe("ranges", () => {
  it.each([
    ["Tỷ lệ lao động có việc làm từ 72 đến 75%.", 72, 75, "%"],
    ["Phấn đấu GRDP bình quân đầu người từ 5.100 đến 5.400 USD.", 5100, 5400, "USD"],
    ["Tốc độ tăng trưởng kinh tế đạt 6,5 – 7%.", 6.5, 7, "%"],
    ["Chỉ số sản xuất công nghiệp tăng 4,5 -5%.", 4.5, 5, "%"],
    ["Xây dựng mới 02 – 04 công trình văn hóa.", 2, 4, "công trình"],
    ["Thu nhập bình quân đạt từ 61 triệu đồng đến 63 triệu đồng.", 61, 63, "triệu đồng"],
  ])("%s", (sentence, min, max, unit) => {
    const ind = only(read(`Các chỉ tiêu chủ yếu năm 2026:\n- ${sentence}`, 2026))[0];
    expect([ind.comparator, ind.targetMin, ind.targetMax, ind.unit]).toEqual(["range", min, max, unit]);
  });
});

describe("economic structure", () => {
  it("reads shares listed against their sectors as '=' with the period's end as deadline", () => {
    const text = "Mục tiêu giai đoạn 2026-2030, cơ cấu kinh tế nông nghiệp - công nghiệp - dịch vụ của xã tương ứng 22,5% - 40,1% - 37,4%.";
    const inds = only(read(text, 2026));
    expect(inds.map((i) => [i.name, i.comparator, i.target, i.deadlineYear])).toEqual([
      ["Nông nghiệp", "=", 22.5, 2030],
      ["Công nghiệp", "=", 40.1, 2030],
      ["Dịch vụ", "=", 37.4, 2030],
    ]);
  });

  it("reads a share written with 'chiếm' as '='", () => {
    const ind = find(read("Năm 2026, huyện phấn đấu tỷ trọng thương mại - dịch vụ chiếm 45,2% trong cơ cấu kinh tế.", 2026), "thương mại");
    expect([ind.comparator, ind.target, ind.unit]).toEqual(["=", 45.2, "%"]);
  });
});

describe("lower-is-better written bare", () => {
  it.each([
    ["Tỷ lệ hộ nghèo: 1,2%", "<="],
    ["Tỷ lệ thất nghiệp ở khu vực thành thị 3,5%", "<="],
    ["Tỷ lệ tăng dân số tự nhiên 0,95%", "<="],
    ["Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng thể thấp còi 9,8%", "<="],
    ["Tỷ lệ thu gom rác thải đạt 92%", ">="],
  ])("%s → %s", (line, comparator) => {
    const ind = only(read(`Chỉ tiêu năm 2026:\n- ${line}.`, 2026))[0];
    expect(ind.comparator).toBe(comparator);
  });
});

describe("growth", () => {
  it("reads 'tăng bình quân X%/năm' as increase-by and keeps %/năm as the unit", () => {
    const ind = only(read("Chỉ tiêu chủ yếu nhiệm kỳ 2025-2030:\n- Giá trị sản xuất nông nghiệp tăng bình quân 3,2%/năm.", 2025))[0];
    expect([ind.name, ind.comparator, ind.target, ind.unit]).toEqual(["Giá trị sản xuất nông nghiệp", "increase-by", 3.2, "%/năm"]);
  });

  it("reads a growth rate governed by 'đạt' as a floor", () => {
    const ind = only(read("Chỉ tiêu năm 2026:\n- Tốc độ tăng trưởng kinh tế đạt 8,2%.", 2026))[0];
    expect([ind.comparator, ind.target]).toEqual([">=", 8.2]);
  });
});

describe("two targets for one indicator", () => {
  it("keeps the year-on-year increase as the indicator's second target, not as a row of its own", () => {
    const result = read("Năm 2026, phường phấn đấu tổng thu ngân sách đạt 2.310 tỷ đồng, tăng 7,5% so với năm 2025; tỷ lệ hộ gia đình văn hóa đạt 93%.");
    const inds = only(result);
    expect(inds).toHaveLength(2);
    expect([inds[0].target, inds[0].unit, inds[0].deadlineYear]).toEqual([2310, "tỷ đồng", null]);
    expect(inds[0].secondary).toMatchObject({ target: 7.5, unit: "%", comparator: "increase-by" });
    expect(inds.some((i) => /so với cùng kỳ|so với năm/i.test(i.name))).toBe(false);
  });

  it("keeps the same target in another currency as the second target", () => {
    const ind = only(read("Các chỉ tiêu kinh tế năm 2026:\n- GRDP bình quân đầu người đạt 112 triệu đồng, tương đương 4.400 USD.", 2026))[0];
    expect(ind.secondary).toMatchObject({ target: 4400, unit: "USD" });
  });
});

describe("elliptical lists, verb-first targets, floors, zero targets", () => {
  it("reads each level of an elliptical list as its own target", () => {
    const inds = only(read("Năm 2026, xã phấn đấu tỷ lệ trẻ trong độ tuổi đến trường: mầm non 98%; tiểu học 100%; trung học cơ sở 99,5%.", 2026));
    expect(inds.map((i) => i.target)).toEqual([98, 100, 99.5]);
  });

  it("reads 'Giảm tỷ lệ … X%' as a reduction and 'tối thiểu', 'ít nhất', 'từ … trở lên' as floors", () => {
    const result = read(
      "Chỉ tiêu năm 2026:\n- Giảm tỷ lệ hộ cận nghèo 0,35%.\n- Kết nạp tối thiểu 30 đảng viên mới.\n- Có ít nhất 2 sản phẩm OCOP đạt 3 sao.\n- Thu hút từ 40 hội viên mới trở lên.",
      2026,
    );
    expect(only(result).map((i) => [i.comparator, i.target])).toEqual([
      ["decrease-by", 0.35],
      [">=", 30],
      [">=", 2],
      [">=", 40],
    ]);
    expect(find(result, "hội viên").unit).toBe("hội viên");
  });

  it("reads 'không có … yếu kém' as a zero target that keeps its wording", () => {
    const ind = only(read("Đại hội đề ra các chỉ tiêu: 100% tổ chức đảng hoàn thành nhiệm vụ; không có tổ chức đảng yếu kém.", 2025)).find((i) => i.target === 0)!;
    expect([ind.comparator, ind.target, ind.name]).toEqual(["=", 0, "Không có tổ chức đảng yếu kém"]);
  });
});

describe("tables pasted from a page or a PDF", () => {
  it("rebuilds a table pasted one cell per line, with the unit from the name cell", () => {
    const text = ["Stt", "Chỉ tiêu", "Kế hoạch năm 2026", "I", "Kinh tế", "1", "Thu ngân sách (tỷ đồng)", "45,6", "2", "Tỷ lệ hộ nghèo", "0,8%", "3", "Trường đạt chuẩn quốc gia (trường)", "07 - 09"].join("\n");
    const inds = only(read(text, 2026));
    expect(inds.map((i) => [i.name, i.comparator, i.target ?? [i.targetMin, i.targetMax], i.unit])).toEqual([
      ["Thu ngân sách", ">=", 45.6, "tỷ đồng"],
      ["Tỷ lệ hộ nghèo", "<=", 0.8, "%"],
      ["Trường đạt chuẩn quốc gia", "range", [7, 9], "trường"],
    ]);
  });

  it("reads a pipe table with a unit column", () => {
    const text = "Các chỉ tiêu năm 2026\n| STT | Chỉ tiêu | ĐVT | Kế hoạch năm 2026 |\n|---|---|---|---|\n| 1 | Thu nhập bình quân đầu người | triệu đồng | 72 |\n| 2 | Tỷ lệ che phủ rừng | % | 45,5 |";
    expect(only(read(text, 2026)).map((i) => [i.target, i.unit])).toEqual([
      [72, "triệu đồng"],
      [45.5, "%"],
    ]);
  });
});

describe("deadlines", () => {
  it("gives a lead-in's 'đến năm 2030' to the sentences under it, and not a baseline, a price base or a poverty standard", () => {
    const text =
      "Huyện đặt mục tiêu, chỉ tiêu cụ thể đến năm 2030: thu nhập bình quân đầu người gấp 2 lần so với năm 2025; tỷ lệ hộ nghèo theo chuẩn nghèo giai đoạn 2026-2030 giảm bình quân 1%/năm. Tổng sản phẩm theo giá so sánh 2010 tăng bình quân 7%/năm.";
    const inds = only(read(text, 2026));
    expect(inds.map((i) => i.deadlineYear)).toEqual([2030, 2030, 2030]);
  });

  it("takes the term's last year for 'đến cuối nhiệm kỳ'", () => {
    const text = "Đại hội Đảng bộ xã nhiệm kỳ 2025-2030 đề ra chỉ tiêu: thu nhập bình quân đầu người đạt 90 triệu đồng và phấn đấu đến cuối nhiệm kỳ đạt chuẩn xã nông thôn mới kiểu mẫu.";
    const inds = only(read(text));
    expect(inds.find((i) => i.comparator === "boolean")?.deadlineYear).toBe(2030);
  });

  it("gives no deadline to a year equal to an annual plan's year", () => {
    const ind = only(read("Năm 2026, xã phấn đấu tổng giá trị sản xuất năm 2026 tăng 9%."))[0];
    expect([ind.deadlineYear, ind.comparator]).toEqual([null, "increase-by"]);
  });
});

describe("more wording of real texts", () => {
  it("keeps 'tăng thêm' in the name of a count of new jobs", () => {
    const ind = only(read("Chỉ tiêu năm 2026:\n- Tạo việc làm tăng thêm cho 820 lao động.", 2026))[0];
    expect(ind.name).toMatch(/tăng thêm/);
    expect([ind.comparator, ind.target, ind.unit]).toEqual([">=", 820, "lao động"]);
  });

  it("reads 'nâng tỷ lệ … lên X%' as a floor named after the rate", () => {
    const ind = only(read("Chỉ tiêu năm 2026:\n- Nâng tỷ lệ hộ dùng nước sạch lên 94,5%.", 2026))[0];
    expect(ind.name).toMatch(/^Tỷ lệ hộ dùng nước sạch/i);
    expect([ind.comparator, ind.target]).toEqual([">=", 94.5]);
  });

  it("reads a count written in words", () => {
    const ind = only(read("Chỉ tiêu năm 2026:\n- Có thêm hai xã đạt chuẩn nông thôn mới nâng cao.", 2026))[0];
    expect([ind.target, ind.unit]).toEqual([2, "xã"]);
  });

  it("reads a double negative as a zero target", () => {
    const ind = only(read("Chỉ tiêu năm 2026:\n- Không có chi bộ không hoàn thành nhiệm vụ.", 2026))[0];
    expect([ind.comparator, ind.target]).toEqual(["=", 0]);
  });

  it("reads a tab-separated table with two target columns, keeping the second as the second target", () => {
    const text = "Chỉ tiêu kế hoạch\nSTT\tChỉ tiêu\tĐơn vị tính\tKế hoạch năm 2026\tKế hoạch năm 2030\n1\tThu nhập bình quân đầu người\ttriệu đồng\t70\t95\n2\tTỷ lệ che phủ rừng\t%\t46\t48";
    const inds = only(read(text, 2026));
    expect(inds.map((i) => [i.target, i.unit, i.secondary?.target])).toEqual([
      [70, "triệu đồng", 95],
      [46, "%", 48],
    ]);
  });

  it("keeps 'khoảng' on a range in the note", () => {
    const ind = only(read("Chỉ tiêu năm 2026:\n- Thu hút khoảng 12 - 15 nghìn lượt khách.", 2026))[0];
    expect([ind.comparator, ind.targetMin, ind.targetMax]).toEqual(["range", 12, 15]);
  });

  it("reads a share that carries its change: the share is '=', the change its second target", () => {
    const ind = only(read("Năm 2026, phấn đấu tỷ trọng lao động nông nghiệp chiếm 27,4%, giảm 0,3% so với năm 2025.", 2026))[0];
    expect([ind.comparator, ind.target]).toEqual(["=", 27.4]);
    expect(ind.secondary).toMatchObject({ target: 0.3, comparator: "decrease-by" });
  });

  it.each([
    ["Chỉ số giá tiêu dùng (CPI) 4%", "<="],
    ["Tỷ lệ lao động nông nghiệp trong tổng số lao động 24%", "<="],
  ])("bare lower-is-better: %s → %s", (line, comparator) => {
    expect(only(read(`Chỉ tiêu năm 2026:\n- ${line}.`, 2026))[0].comparator).toBe(comparator);
  });

  it("does not take a lead-in count ('9 chỉ tiêu về kinh tế gồm:') for a target", () => {
    const inds = only(read("Nghị quyết đề ra 9 chỉ tiêu về kinh tế gồm: tổng thu ngân sách đạt 56 tỷ đồng; thu nhập bình quân đạt 74 triệu đồng.", 2026));
    expect(inds.map((i) => i.target)).toEqual([56, 74]);
  });

  it("gives a heading's 'đến năm 2030' to the items under it", () => {
    const inds = only(read("Chỉ tiêu đến năm 2030:\n- Tỷ lệ đô thị hóa đạt 42%.\n- Thu nhập bình quân đầu người đạt 150 triệu đồng.", 2026));
    expect(inds.map((i) => i.deadlineYear)).toEqual([2030, 2030]);
  });
});

describe("the present state inside a target sentence", () => {
  it("reads the target, not today's figure, and keeps a profile sentence out of the targets", () => {
    const result = read("Xã hiện có 12 thôn, dân số hiện nay 9.800 người.\nNăm 2026, xã phấn đấu nâng tỷ lệ hộ dùng nước sạch từ 85% hiện nay lên 92%.");
    expect(only(result).map((i) => [i.target, i.unit])).toEqual([[92, "%"]]);
    expect(result.results.map((r) => r.actual)).toEqual(expect.arrayContaining([9800]));
  });
});
