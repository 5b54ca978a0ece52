// Six months, nine months, the year: how a seed plan's indicators are classed, judged and summed up.
// Every expected value below was worked out by hand from the plan (Hải Phòng, Nghị quyết 232/2025)
// and the figures typed; none is computed by the code under test.
import { findBuiltInPlan } from "../../shared/catalog";
import { evaluatePlan } from "../../shared/evaluate";
import { defaultSettings, type ActualEntry, type Plan } from "../../shared/model";
import { parsePeriod, periodKindOf, progressShareOf } from "../../shared/period";
import { summarize } from "../../shared/summary";

function plan(id: string): Plan {
  const found = findBuiltInPlan(id);
  if (!found) throw new Error(`missing built-in plan ${id}`);
  return found;
}

const haiPhong = plan("hai-phong-232-2025");

/** Figures of a six-month review (sơ kết 6 tháng), by code. */
const TYPED: [string, number][] = [
  ["1", 11], // GRDP growth of the period, a rate: 11 < 12,35
  ["1.1", 13],
  ["2", 3500], // GRDP per head: measured at year end
  ["4", 90000], // budget revenue 165 011,59 tỷ: 54,5 %
  ["4.1", 40000], // 83 000: 48,2 %
  ["4.2", 41000], // 75 040: 54,6 %
  ["5", 140000], // investment 320 850: 43,6 %
  ["6", 26], // exports 49,7 tỷ USD: 52,3 %
  ["11", 2.1], // unemployment < 2,5: a level, already better
  ["12", 50000], // jobs 98 500: 50,8 %
  ["14", 0.5], // poverty rate decrease: year end
  ["15", 93], // health insurance ≥ 95: a level, missed
  ["20", 2900], // new firms ≈ 6 000: 48,3 %
  ["22.1", 96], // urban waste ≥ 95
  ["22.2", 85], // rural waste ≥ 90: missed, so heading 22 is missed
];
const entries: ActualEntry[] = TYPED.map(([code, raw]) => ({ code, raw }));

describe("the period class of an indicator comes from its unit and name", () => {
  test("Hải Phòng: amounts add up, rates are levels, statistics wait for the year end", () => {
    const kinds = Object.fromEntries(haiPhong.indicators.map((i) => [i.code, periodKindOf(i)]));
    expect(kinds).toEqual({
      "1": "level", "1.1": "level", "1.2": "level", "1.3": "level", "1.4": "level",
      "2": "year-end", // GRDP bình quân đầu người
      "3": "level",
      "4": "cumulative", "4.1": "cumulative", "4.2": "cumulative",
      "5": "cumulative", "6": "cumulative", "7": "cumulative", "8": "cumulative",
      "9": "level",
      "10": "year-end", // nông thôn mới kiểu mẫu
      "11": "level",
      "12": "cumulative",
      "13": "level",
      "14": "year-end", // giảm tỷ lệ hộ nghèo
      "15": "level", "16": "level",
      "17": "year-end", // trường đạt chuẩn quốc gia
      "18": "level",
      "19": "cumulative", "20": "cumulative", "21": "cumulative",
      "22": "level", "22.1": "level", "22.2": "level",
    });
  });

  test("Kiến An: revenue and jobs add up; poverty, population and recognitions are measured at year end", () => {
    const kienAn = plan("kien-an-2025");
    const kind = (code: string) => periodKindOf(kienAn.indicators.find((i) => i.code === code)!);
    expect(["1", "2", "3", "4", "5", "6", "11"].map(kind)).toEqual(Array(7).fill("cumulative"));
    expect(["7", "8", "9", "10"].map(kind)).toEqual(Array(4).fill("year-end"));
    expect(["12", "14.1", "15.2", "17", "19"].map(kind)).toEqual(Array(5).fill("level"));
  });

  test("the plan's own class wins, but only a target to reach is pro-rated", () => {
    const rate = haiPhong.indicators.find((i) => i.code === "15")!;
    expect(periodKindOf({ ...rate, periodKind: "year-end" })).toBe("year-end");
    expect(periodKindOf({ ...rate, periodKind: "cumulative" })).toBe("cumulative");
    const ceiling = haiPhong.indicators.find((i) => i.code === "11")!;
    expect(periodKindOf({ ...ceiling, periodKind: "cumulative" })).toBe("level");
  });

  test("periods as people write them, and the share of the year each stands for", () => {
    expect(["6", "6 tháng", "6-thang", "9", "9 tháng", "cả năm", "nam", "12"].map(parsePeriod)).toEqual(["6-thang", "6-thang", "6-thang", "9-thang", "9-thang", "ca-nam", "ca-nam", "ca-nam"]);
    expect(parsePeriod("quý 3")).toBeNull();
    expect([progressShareOf({ period: "6-thang" }), progressShareOf({ period: "9-thang" }), progressShareOf({}), progressShareOf({ period: "6-thang", progressShare: 0.45 })]).toEqual([0.5, 0.75, 1, 0.45]);
  });
});

describe("a seed plan evaluated at six months, nine months and the year end", () => {
  const labels = (period: "6-thang" | "9-thang" | "ca-nam") =>
    Object.fromEntries(evaluatePlan(haiPhong, entries, defaultSettings(2025, { period })).map((e) => [e.code, e.label]));

  test("six months: 50 % of the annual plan is on track; levels keep their rule; year-end measures wait", () => {
    const got = labels("6-thang");
    expect([got["4"], got["4.1"], got["4.2"], got["5"], got["6"], got["12"], got["20"]]).toEqual(["Đạt tiến độ", "Chậm tiến độ", "Đạt tiến độ", "Chậm tiến độ", "Đạt tiến độ", "Đạt tiến độ", "Chậm tiến độ"]);
    expect([got["1"], got["11"], got["15"], got["22"]]).toEqual(["Không đạt", "Vượt", "Không đạt", "Không đạt"]);
    expect([got["2"], got["10"], got["14"], got["17"]]).toEqual(Array(4).fill("Chưa đến kỳ đánh giá"));
    expect(got["7"]).toBe("Chưa có số liệu");
  });

  test("nine months: the same figures fall behind the 75 % mark", () => {
    const got = labels("9-thang");
    expect([got["4"], got["4.2"], got["6"], got["12"]]).toEqual(Array(4).fill("Chậm tiến độ"));
    expect(got["11"]).toBe("Vượt");
  });

  test("the status behind each label is one of the five, so tallies and consolidation keep working", () => {
    const evaluations = evaluatePlan(haiPhong, entries, defaultSettings(2025, { period: "6-thang" }));
    const byCode = new Map(evaluations.map((e) => [e.code, e]));
    expect([byCode.get("4")!.status, byCode.get("5")!.status, byCode.get("14")!.status, byCode.get("14")!.percent]).toEqual(["Đạt", "Không đạt", "Chưa đến hạn", null]);
  });

  test("year end: every figure is judged against the whole plan, as before", () => {
    const got = labels("ca-nam");
    expect([got["4"], got["6"], got["14"], got["2"]]).toEqual(["Không đạt", "Không đạt", "Vượt", "Không đạt"]);
  });

  test("the mid-year sentence", () => {
    const settings = defaultSettings(2025, { period: "6-thang" });
    const summary = summarize(haiPhong, evaluatePlan(haiPhong, entries, settings), settings);
    expect(summary.sentence).toBe(
      "6 tháng đầu năm, có 4/18 chỉ tiêu đạt tiến độ (trong đó 1 chỉ tiêu đã vượt kế hoạch); " +
        "5 chỉ tiêu chậm tiến độ: Tốc độ tăng trưởng GRDP, Tổng vốn đầu tư toàn xã hội, Tỷ lệ người dân tham gia bảo hiểm y tế, Số doanh nghiệp đăng ký thành lập tăng mới, Tỷ lệ chất thải rắn sinh hoạt được thu gom, xử lý; " +
        "9 chỉ tiêu chưa có số liệu: Tốc độ tăng chỉ số sản xuất công nghiệp, Sản lượng hàng hoá thông qua cảng, Thu hút khách du lịch, Tỷ trọng năng suất các yếu tố tổng hợp đóng góp vào tăng trưởng, Tỷ lệ lao động đã qua đào tạo có bằng/chứng chỉ, Tỷ lệ lao động trong độ tuổi tham gia bảo hiểm xã hội, Tỷ lệ nước thải đô thị được xử lý đạt quy chuẩn kỹ thuật, Thu hút vốn đầu tư nước ngoài, Số lượng căn nhà ở xã hội hoàn thành; " +
        "4 chỉ tiêu chưa đến kỳ đánh giá (đánh giá vào cuối năm).",
    );
    expect(summary.behind.map((n) => n.code)).toEqual(["1", "5", "15", "20", "22"]);
    expect(summary.notYet.map((n) => n.code)).toEqual(["2", "10", "14", "17"]);
    const english = summarize(haiPhong, evaluatePlan(haiPhong, entries, settings), { ...settings, lang: "en" });
    expect(english.sentence.startsWith("In the first six months, 4 of 18 indicators were on track")).toBe(true);
  });

  test("an office with seasonal revenue sets its own share: at 45 % the 48,2 % revenue is on track", () => {
    const got = Object.fromEntries(evaluatePlan(haiPhong, entries, defaultSettings(2025, { period: "6-thang", progressShare: 0.45 })).map((e) => [e.code, e.label]));
    expect([got["4.1"], got["5"]]).toEqual(["Đạt tiến độ", "Chậm tiến độ"]);
  });
});
