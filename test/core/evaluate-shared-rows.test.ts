// Per-unit targets share the compiled rows of the office's plan (shared/evaluate.ts, sharedRow): a
// row whose target differs runs on the rule compiled with its targets open. Whatever the order the
// units' plans are evaluated in, each gives what a rule compiled for it alone gives (evaluateOne).
import { builtInPlans } from "../../shared/catalog";
import { planForUnit } from "../../shared/consolidation/assignment";
import { evaluateOne, evaluatePlan } from "../../shared/evaluate";
import { defaultSettings, type Plan } from "../../shared/model";

const settings = defaultSettings(2025);

test.each(builtInPlans().map((p) => [p.id, p] as [string, Plan]))("own targets on %s: shared rules judge as rules of their own", (_id, plan) => {
  const numbers = plan.indicators.filter((i) => i.comparator !== null && i.comparator !== "boolean" && i.comparator !== "range" && typeof i.target === "number");
  const entries = plan.indicators.map((ind) => ({ code: ind.code, raw: typeof ind.target === "number" ? ind.target : null }));
  // Four units: the plan's targets, then targets halved, doubled, and a third more on every number indicator.
  const plans = [1, 0.5, 2, 4 / 3].map((k) => planForUnit(plan, { targets: Object.fromEntries(numbers.map((i) => [i.code, (i.target as number) * k])) }));
  const statuses = new Set<string>();
  for (const round of [0, 1]) {
    for (const p of round === 0 ? plans : [...plans].reverse()) {
      const got = evaluatePlan(p, entries, settings);
      p.indicators.forEach((ind, i) => {
        if (ind.comparator === null) return;
        const alone = evaluateOne(ind, entries[i], settings);
        expect({ code: ind.code, status: got[i].status, percent: got[i].percent, target: got[i].indicator.target }).toEqual({ code: ind.code, status: alone.status, percent: alone.percent, target: ind.target });
        statuses.add(got[i].status);
      });
    }
  }
  // The units' own targets do change the judgement (the test would catch a target left from another unit).
  if (numbers.length > 0) expect(statuses.size).toBeGreaterThan(1);
});
