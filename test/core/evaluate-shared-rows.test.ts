// Per-unit targets share the compiled rows of the office's plan (shared/evaluate.ts, sharedRow): a
// row whose target differs runs on the rule compiled with its targets open. Whatever the order the
// units' plans are evaluated in, each gives what a rule compiled for it alone gives (evaluateOne).
import { builtInPlans } from "../../shared/catalog";
import { planForUnit } from "../../shared/consolidation/assignment";
import { evaluateOne, evaluatePlan } from "../../shared/evaluate";
import { defaultSettings, type Plan } from "../../shared/model";
import { validateEntries } from "../../shared/validate";

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

// Validation shares its checks the same way: the findings on a unit's own plan (figures typed a
// thousand times too large, so the messages quote the unit's own target) are those of checks built
// for that plan alone, in a fresh module where nothing was compiled before.
test("own targets: validation on shared checks says what checks built alone say", () => {
  const plan = builtInPlans().find((p) => p.id === "hai-phong-232-2025")!;
  const numbers = plan.indicators.filter((i) => i.comparator === ">=" && typeof i.target === "number" && i.target > 0);
  const plans = [1, 3, 7].map((k) => planForUnit(plan, { targets: Object.fromEntries(numbers.map((i) => [i.code, (i.target as number) * k])) }));
  const entries = plan.indicators.map((ind, i) => ({ code: ind.code, raw: typeof ind.target === "number" ? ind.target * 1000 * 3 : null, location: { sheet: "Chỉ tiêu", cell: `F${9 + i}` } }));
  const shared = plans.map((p) => validateEntries(p, entries, settings).map((f) => f.message));
  const alone = plans.map((p) => {
    let messages: string[] = [];
    jest.isolateModules(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const fresh = require("../../shared/validate") as typeof import("../../shared/validate");
      messages = fresh.validateEntries(p, entries, settings).map((f) => f.message);
    });
    return messages;
  });
  expect(shared).toEqual(alone);
  // The units' messages differ (their targets do): a check left with another unit's target would not.
  expect(new Set(shared.map((m) => m.join("\n"))).size).toBe(3);
});
