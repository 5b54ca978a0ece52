// The English period sentence says its plurals right ("1 of 1 indicator was", "2 of 2 indicators were"),
// with the {n|one|other} form `fill` reads; Vietnamese keeps one form. The plan is Hải Phòng's seed
// (Nghị quyết 232/2025) cut to a few indicators, at six months; the figures are judged by hand:
// exports 26 of 49,7 tỷ USD (52,3 %) and jobs 50 000 of 98 500 (50,8 %) are on track, investment
// 140 000 of 320 850 (43,6 %) is behind.
import { findBuiltInPlan } from "../../shared/catalog";
import { evaluatePlan } from "../../shared/evaluate";
import { t } from "../../shared/i18n";
import { defaultSettings, type Lang, type Plan } from "../../shared/model";
import { summarize } from "../../shared/summary";

const haiPhong = findBuiltInPlan("hai-phong-232-2025") as Plan;
const FIGURES: Record<string, number> = { "5": 140000, "6": 26, "12": 50000 };

function sentence(codes: string[], lang: Lang = "en"): string {
  const plan: Plan = { ...haiPhong, indicators: haiPhong.indicators.filter((i) => codes.includes(i.code)) };
  expect(plan.indicators.map((i) => i.code)).toEqual(codes);
  const settings = defaultSettings(2025, { period: "6-thang", lang });
  const entries = codes.map((code) => ({ code, raw: FIGURES[code] as number }));
  return summarize(plan, evaluatePlan(plan, entries, settings), settings).sentence;
}

test("English: 0, 1 and 2 indicators on track, each with the right noun and verb", () => {
  expect(sentence(["6"])).toBe("In the first six months, 1 of 1 indicator was on track.");
  expect(sentence(["6", "12"])).toBe("In the first six months, 2 of 2 indicators were on track.");
  expect(sentence(["5"])).toMatch(/^In the first six months, 0 of 1 indicator were on track; 1 behind schedule: /);
  expect(sentence(["5", "6"])).toMatch(/^In the first six months, 1 of 2 indicators was on track; 1 behind schedule: /);
});

test("Vietnamese has one form for every count", () => {
  expect(sentence(["6"], "vi")).toBe("6 tháng đầu năm, có 1/1 chỉ tiêu đạt tiến độ.");
  expect(sentence(["6", "12"], "vi")).toBe("6 tháng đầu năm, có 2/2 chỉ tiêu đạt tiến độ.");
});

test("the period's other counted sentences: the figures' basis and next year's source", () => {
  expect(t("period.basis.mixed", { final: 1, estimate: 2, codes: "3, 4" }, "en")).toBe("Figures: final for 1 indicator, estimate for 2 (3, 4).");
  expect(t("period.basis.mixed", { final: 0, estimate: 2, codes: "3, 4" }, "en")).toBe("Figures: final for 0 indicators, estimate for 2 (3, 4).");
  expect(t("nextyear.previous-source", { year: 2025, final: 2, estimate: 0 }, "en")).toBe("\"Thực hiện năm trước\" comes from 2025: final figures for 2 indicators, estimates for 0.");
  expect(t("nextyear.written", { file: "a.xlsx", year: 2026, matched: 1, final: 0, estimate: 1 }, "en")).toBe("Wrote a.xlsx: plan for 2026, 1 indicator with last year's figure (0 final, 1 estimate).");
});
