// units.own-targets.ratio: evaluating 3,321 units each on its own plan (the office's plan with the
// unit's own targets, planForUnit: a new plan object per unit, never seen before) against the same
// 3,321 evaluations on one plan (the same-targets case), in the same run, median of 3 (fresh plan
// objects each run, so every run pays what a consolidation pays). Rows whose indicator is unchanged
// share the office plan's compiled rule; a changed target runs on the rule compiled once with its
// targets open (shared/evaluate.ts, sharedRow). Before: ~8.7 ms per unit plan (the whole plan
// compiled), ≈ 30× the same-targets case on the 30-indicator city plan. validate-ratio: the same
// for validateEntries (before: ≈ 1.1 ms per unit plan, the checks built again).
import { findBuiltInPlan } from "../shared/catalog";
import { planForUnit } from "../shared/consolidation/assignment";
import { evaluatePlan } from "../shared/evaluate";
import { defaultSettings, type Plan } from "../shared/model";
import { validateEntries } from "../shared/validate";
import type { BenchEntry } from "./run";

const UNITS = 3321;
const RUNS = 3;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

export async function entries(): Promise<BenchEntry[]> {
  const plan = findBuiltInPlan("hai-phong-232-2025") as Plan;
  const settings = defaultSettings(2025);
  const entries = plan.indicators.map((ind) => ({ code: ind.code, raw: ind.target === null ? null : ind.target * 0.97 }));
  evaluatePlan(plan, entries, settings);
  const same: number[] = [];
  const own: number[] = [];
  const checkSame: number[] = [];
  const checkOwn: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const plans = Array.from({ length: UNITS }, (_, i) => planForUnit(plan, { targets: { "1": 6 + ((i + run * UNITS) % 500) / 10, "4.1": 500 + i + run * UNITS } }));
    let start = performance.now();
    for (let i = 0; i < UNITS; i++) evaluatePlan(plan, entries, settings);
    same.push(performance.now() - start);
    start = performance.now();
    for (const p of plans) evaluatePlan(p, entries, settings);
    own.push(performance.now() - start);
    // Validation the same way (its checks shared across plans that differ only in targets).
    start = performance.now();
    for (let i = 0; i < UNITS; i++) validateEntries(plan, entries, settings);
    checkSame.push(performance.now() - start);
    start = performance.now();
    for (const p of plans) validateEntries(p, entries, settings);
    checkOwn.push(performance.now() - start);
  }
  return [
    { name: "units.own-targets.ratio", size: UNITS, value: median(own) / median(same), unit: "× same targets" },
    { name: "units.own-targets.per-unit", size: UNITS, value: median(own) / UNITS, unit: "ms per unit" },
    { name: "units.own-targets.validate-ratio", size: UNITS, value: median(checkOwn) / median(checkSame), unit: "× same targets" },
  ];
}
