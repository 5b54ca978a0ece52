import { parsePlanJson, validatePlan } from "../../shared/plan-io";
import { PlanSchema } from "../../shared/model";

const goodPlan = {
  id: "phuong-thu-2025",
  title: "Kế hoạch thử",
  issuer: "UBND phường Thử",
  level: "xa",
  year: 2025,
  source: null,
  indicators: [
    { code: "1", name: "Thu ngân sách", group: null, unit: "triệu đồng", comparator: ">=", target: 36692, deadlineYear: null, note: null },
    { code: "2", name: "Tỷ lệ thất nghiệp", group: null, unit: "%", comparator: "<", target: 2.5, deadlineYear: null, note: null },
    { code: "3", name: "Chất thải rắn", group: null, unit: "%", comparator: null, target: null, deadlineYear: null, note: null },
    { code: "3.1", name: "ở đô thị", group: null, unit: "%", comparator: ">=", target: 95, deadlineYear: null, note: null },
    { code: "4", name: "Trường", group: null, unit: "trường", comparator: "range", target: null, targetMin: 2, targetMax: 4, deadlineYear: 2030, note: null },
  ],
};

describe("loading a plan file", () => {
  test("a valid plan loads, names normalised to NFC with single spaces", () => {
    const nfd = structuredClone(goodPlan);
    nfd.indicators[0].name = "  Thu   ngân sách ".normalize("NFD");
    const result = validatePlan(nfd);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.plan.indicators[0].name).toBe("Thu ngân sách");
  });

  test("every problem is reported with its JSON path, in Vietnamese", () => {
    const bad = structuredClone(goodPlan) as Record<string, unknown> & { indicators: Record<string, unknown>[] };
    bad.level = "quan";
    bad.indicators[1].target = null;
    bad.indicators[3].code = "9.1";
    bad.indicators.push({ ...bad.indicators[0] });
    const result = validatePlan(bad);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const byPath = Object.fromEntries(result.problems.map((p) => [p.path, p.message]));
    expect(byPath["level"]).toMatch(/^level: giá trị không hợp lệ \(cho phép: "tinh", "huyen", "xa"\)$/);
    expect(byPath["indicators[1].target"]).toContain("cần giá trị kế hoạch");
    expect(byPath["indicators[3].code"]).toContain("không có chỉ tiêu cha 9");
    expect(byPath["indicators[5].code"]).toContain("mã chỉ tiêu 1 bị trùng");
  });

  test("English on request", () => {
    const bad = { ...goodPlan, year: "2025" };
    const result = validatePlan(bad, "en");
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0].message).toBe("year: wrong type (expected number)");
  });

  test("a missing field and a range without bounds", () => {
    const bad = structuredClone(goodPlan) as { indicators: Record<string, unknown>[] };
    delete bad.indicators[0].unit;
    delete bad.indicators[4].targetMax;
    const result = validatePlan(bad);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => p.path)).toEqual(["indicators[0].unit", "indicators[4].targetMax"]);
    expect(result.problems[0].message).toBe("indicators[0].unit: thiếu giá trị");
  });

  test("text that is not JSON names the file", () => {
    const result = parsePlanJson("{ id: 1", "ke-hoach.json");
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0].message).toMatch(/^Tệp kế hoạch ke-hoach\.json không phải JSON hợp lệ/);
  });

  test("a byte-order mark does not break reading", () => {
    expect(parsePlanJson("\uFEFF" + JSON.stringify(goodPlan), "bom.json").ok).toBe(true);
  });

  test("the schema rejects a non-finite target", () => {
    const bad = structuredClone(goodPlan);
    bad.indicators[0].target = Infinity;
    expect(PlanSchema.safeParse(bad).success).toBe(false);
  });
});
