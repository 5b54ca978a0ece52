// The reviewed rows become the same plan in both hosts (one function, ui/reviewed-plan.ts), in the
// clerk's language, and the core accepts it.
import { validatePlan } from "../../shared/plan-io";
import type { PlanPick } from "../../ui/host-port";
import { reviewedPlanData } from "../../ui/reviewed-plan";

const pick: Extract<PlanPick, { kind: "reviewed" }> = {
  kind: "reviewed",
  meta: { title: null, issuer: null, year: null },
  rows: [
    { code: " 1 ", name: " Thu ngân sách nhà nước ", group: null, unit: "triệu đồng", comparator: ">=", target: 36692, targetMin: null, targetMax: null, deadlineYear: null, secondary: null },
    { code: "2", name: "Tỷ lệ thất nghiệp", group: null, unit: "%", comparator: "range", target: null, targetMin: 2, targetMax: 2.5, deadlineYear: 2030, secondary: null },
  ] as Extract<PlanPick, { kind: "reviewed" }>["rows"],
};

test("the rows, trimmed, as a plan the core validates; the title in the clerk's language", () => {
  const vi = reviewedPlanData(pick, "Phường Đông Hải", 2026, "vi", 2026);
  expect(vi.title).toBe("Kế hoạch (dán từ văn bản)");
  expect(reviewedPlanData(pick, "Phường Đông Hải", 2026, "en", 2026).title).toBe("Plan (pasted text)");
  expect(vi.issuer).toBe("Phường Đông Hải");
  const checked = validatePlan(vi, "vi");
  if (!checked.ok) throw new Error(checked.problems.map((p) => p.message).join("; "));
  expect(checked.plan.indicators.map((i) => [i.code, i.name, i.target ?? null, i.targetMin ?? null, i.targetMax ?? null])).toEqual([
    ["1", "Thu ngân sách nhà nước", 36692, null, null],
    ["2", "Tỷ lệ thất nghiệp", null, 2, 2.5],
  ]);
});

test("the year: the request's, else the text's, else the fallback", () => {
  expect(reviewedPlanData(pick, "", Number.NaN, "vi", 2027).year).toBe(2027);
  expect(reviewedPlanData({ ...pick, meta: { ...pick.meta, year: 2025 } }, "", Number.NaN, "vi", 2027).year).toBe(2025);
  expect(reviewedPlanData(pick, "", 2026, "vi", 2027).year).toBe(2026);
});
