// A report against a plan: matching despite diacritics, case and wording; units converted; the
// indicators not mentioned; the tally check's message; the review rows a host shows.
import { findBuiltInPlan } from "../../shared/catalog";
import { defaultSettings, type Plan } from "../../shared/model";
import { readReport } from "../../shared/report";
import { matchToPlan } from "../../shared/report/match";
import { acceptedEntries, reviewReport } from "../../shared/report/review";
import { checkTallyAgainstPlan, checkTallyAgainstResults, reportTallyFinding } from "../../shared/report/tally-check";
import { evaluatePlan } from "../../shared/evaluate";

const plan: Plan = {
  id: "xa-thu-2025",
  title: "Kế hoạch thi đua năm 2025",
  issuer: "UBND xã Thử",
  level: "xa",
  year: 2025,
  source: null,
  indicators: [
    { code: "1", name: "Tổng thu ngân sách nhà nước trên địa bàn", group: null, unit: "triệu đồng", comparator: ">=", target: 20000, deadlineYear: null, note: null },
    { code: "1.1", name: "Thu thuế ngoài quốc doanh", group: null, unit: "triệu đồng", comparator: ">=", target: 6000, deadlineYear: null, note: null },
    { code: "2", name: "Tỷ lệ hộ nghèo", group: null, unit: "%", comparator: "<=", target: 2, deadlineYear: null, note: null },
    { code: "3", name: "Thu nhập bình quân đầu người", group: null, unit: "triệu đồng", comparator: ">=", target: 70, deadlineYear: null, note: null },
    { code: "4", name: "Xã đạt chuẩn nông thôn mới nâng cao", group: null, unit: "", comparator: "boolean", target: null, deadlineYear: null, note: null },
    { code: "5", name: "Tỷ lệ người dân tham gia bảo hiểm y tế", group: null, unit: "%", comparator: ">=", target: 95, deadlineYear: null, note: null },
  ],
};

const report = [
  "Năm 2025, xã có 5/5 chỉ tiêu đạt và vượt kế hoạch.",
  "TONG THU NGAN SACH NHA NUOC tren dia ban dat 21,5 tỷ đồng, đạt 107,5% kế hoạch; trong đó thu thuế ngoài quốc doanh đạt 6.300 triệu đồng.",
  "Tỷ lệ hộ nghèo giảm còn 1,8%. Thu nhập bình quân đầu người đạt 96,8% kế hoạch.",
  "Xã đạt chuẩn nông thôn mới nâng cao: hoàn thành.",
  "Số lượt khách du lịch đạt 12.000 lượt khách.",
].join("\n");

describe("matching a report to a plan", () => {
  const reading = readReport(report, { year: 2025 });
  const matched = matchToPlan(reading.results, plan);
  const byCode = new Map(matched.matches.map((m) => [m.code, m]));

  test("names are matched without diacritics or case; the amount is converted to the plan's unit", () => {
    expect(byCode.get("1")?.value).toBe(21500);
    expect(byCode.get("1")?.notes).toContain("report.match.unit-converted");
    expect(byCode.get("1.1")?.value).toBe(6300);
    expect(byCode.get("2")?.value).toBe(1.8);
  });

  test("a result given only as a percent of plan enters the percent times the target", () => {
    expect(byCode.get("3")?.value).toBeCloseTo(67.76, 6);
    expect(byCode.get("3")?.notes).toContain("report.match.from-percent");
  });

  test("the indicators the report does not mention, and the results that fit no indicator", () => {
    expect(matched.unmentioned.map((i) => i.code)).toEqual(expect.arrayContaining(["5"]));
    expect(matched.unmatched.map((r) => r.name)).toEqual(["Số lượt khách du lịch"]);
  });

  test("every match says how sure it is", () => {
    for (const m of matched.matches) {
      expect(m.confidence).toBeGreaterThan(0.3);
      expect(m.confidence).toBeLessThanOrEqual(1);
    }
  });

  test("the built-in Đông Hải plan: the sub-item is matched under its parent", () => {
    const dongHai = findBuiltInPlan("dong-hai-2025") as Plan;
    const text = "Thu ngân sách nhà nước trên địa bàn đạt 37.500 triệu đồng; trong đó, thu lệ phí trước bạ đạt 7.200 triệu đồng.";
    const codes = matchToPlan(readReport(text).results, dongHai).matches.map((m) => m.code);
    expect(codes).toEqual(["1", "1.4"]);
  });
});

describe("tally check", () => {
  test("figures that contradict the tally give the message with each indicator's percent (vi and en)", () => {
    const reading = readReport(report, { year: 2025 });
    const review = reviewReport({ text: report, plan, lang: "vi" });
    expect(review.tallyCheck?.agrees).toBe(false);
    expect(review.tallyCheck?.message).toBe(
      'Báo cáo ghi 5/5 chỉ tiêu đạt và vượt; theo số liệu là 4/5: chỉ tiêu 3 "Thu nhập bình quân đầu người" đạt 96,8% kế hoạch (Không đạt)',
    );
    const en = reviewReport({ text: report, plan, lang: "en" });
    expect(en.tallyCheck?.message).toBe(
      'The report states 5/5 indicators achieved or exceeded; the figures give 4/5: indicator 3 "Thu nhập bình quân đầu người" at 96.8% of plan (not achieved)',
    );
    expect(reading.tally?.total).toBe(5);
  });

  test("figures that agree, and too few figures to say", () => {
    const settings = defaultSettings(2025);
    const entries = [
      { code: "1", raw: 21000 },
      { code: "2", raw: 1.5 },
      { code: "3", raw: 71 },
      { code: "4", raw: "Đạt" },
      { code: "5", raw: 96 },
    ];
    const stored = { total: 5, achievedOrExceeded: 5, exceeded: null, notAchieved: 0, text: "5/5" };
    expect(checkTallyAgainstPlan(stored, plan, evaluatePlan(plan, entries, settings), settings)?.agrees).toBe(true);
    const partial = checkTallyAgainstPlan(stored, plan, evaluatePlan(plan, entries.slice(0, 2), settings), settings);
    expect(partial?.agrees).toBeNull();
    expect(partial?.message).toMatch(/không trái/);
  });

  test("without a plan, the statuses the report gives are the figures", () => {
    const reading = readReport("Có 3/3 chỉ tiêu đạt. Thu ngân sách đạt 10 tỷ đồng, đạt 92% kế hoạch.");
    const checked = checkTallyAgainstResults({ total: 3, achievedOrExceeded: 3, exceeded: null, notAchieved: 0, text: "" }, reading.results);
    expect(checked?.message).toBe('Báo cáo ghi 3/3 chỉ tiêu đạt và vượt; theo số liệu là 2/3: chỉ tiêu "Thu ngân sách" đạt 92% kế hoạch (Không đạt)');
  });

  test("the check finding of a workbook keeping the report's tally", () => {
    const settings = defaultSettings(2025);
    const evaluations = evaluatePlan(plan, [{ code: "3", raw: 60 }], settings);
    const finding = reportTallyFinding(JSON.stringify({ total: 5, achievedOrExceeded: 5, exceeded: null, notAchieved: 0, text: "5/5" }), plan, evaluations, settings);
    expect(finding).toMatchObject({ severity: "warning", rule: "report-tally", code: null });
    expect(reportTallyFinding(undefined, plan, evaluations, settings)).toBeNull();
    expect(reportTallyFinding("not json", plan, evaluations, settings)).toBeNull();
  });
});

describe("review rows", () => {
  test("a blank cell is new, the same figure is same, another figure differs and is not accepted unasked", () => {
    const review = reviewReport({
      text: report,
      plan,
      entries: [
        { code: "1", raw: 21500, location: { cell: "F9" } },
        { code: "2", raw: "2,1", location: { cell: "F11" } },
        { code: "1.1", raw: null, location: { cell: "F10" } },
      ],
    });
    const change = new Map(review.rows.map((r) => [r.code, r.change]));
    expect(change.get("1")).toBe("same");
    expect(change.get("2")).toBe("differs");
    expect(change.get("1.1")).toBe("new");
    expect(acceptedEntries(review).map((a) => a.code)).not.toContain("2");
    expect(acceptedEntries(review, { overwrite: true }).find((a) => a.code === "2")).toMatchObject({ value: 1.8, old: "2,1", cell: "F11" });
    expect(acceptedEntries(review).find((a) => a.code === "4")).toMatchObject({ value: true });
  });
});

describe("two plans", () => {
  test("of two percents of plan, the sheet uses the one of its own level, and says so", () => {
    const district: Plan = { ...plan, level: "huyen", indicators: [{ ...plan.indicators[0], target: 80 }] };
    const review = reviewReport({ text: "Tổng thu ngân sách nhà nước trên địa bàn đạt 97% kế hoạch tỉnh giao và 104% kế hoạch huyện giao.", plan: district });
    expect(review.rows[0]).toMatchObject({ code: "1", percentOfPlan: 104, newValue: 83.2 });
    expect(review.rows[0].notes.join(" ")).toContain('tỷ lệ so với "kế hoạch huyện giao"');
  });
});

describe("abbreviations", () => {
  test("'Thu NSNN', 'tham gia BHYT' match the plan's words spelt out", () => {
    const reading = readReport("Thu NSNN trên địa bàn đạt 21 tỷ đồng. Tỷ lệ người dân tham gia BHYT đạt 96,2%.");
    expect(matchToPlan(reading.results, plan).matches.map((m) => [m.code, m.value])).toEqual([
      ["1", 21000],
      ["5", 96.2],
    ]);
  });
});
