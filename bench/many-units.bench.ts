// units.register.ratio: the register of who reported (with the assignment table as the list and a
// deadline) and the points (consolidateReports), against the plain consolidation of the same units
// (consolidate), both in the same run, median of 3. 3,321 units, each with its own targets: the
// communes of the whole country. Goal ≤ 3: following who reported and scoring cost at most twice
// what consolidating itself costs. (Files whose targets are not the assignment's are judged again
// with evaluatePlan, whose cost is the evaluation bench's; none here.)
import { findBuiltInPlan } from "../shared/catalog";
import { consolidate } from "../shared/consolidate";
import { planForUnit, type UnitAssignment } from "../shared/consolidation/assignment";
import { consolidateReports } from "../shared/consolidation/pipeline";
import type { ReceivedReport } from "../shared/consolidation/register";
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
  const units: UnitAssignment[] = Array.from({ length: UNITS }, (_, i) => ({ unit: `Xã Số ${i + 1}`, group: `Cụm ${i % 12}`, row: i + 9, targets: { "1": 6 + (i % 50) / 10, "4.1": 500 + i } }));
  const reports: ReceivedReport[] = units.map((u, i) => {
    const own = planForUnit(plan, u);
    const entries = own.indicators.map((ind) => ({ code: ind.code, raw: ind.target === null ? null : Math.round(ind.target * (0.85 + (i % 7) / 20) * 100) / 100 }));
    const day = 5 + (i % 8);
    return {
      file: `${u.unit}.xlsx`,
      date: `2026-12-${String(day).padStart(2, "0")}T10:00:00+07:00`,
      sha256: i.toString(16).padStart(64, "0"),
      read: { unit: u.unit, plan: own, evaluations: evaluatePlan(own, entries, settings), findings: validateEntries(own, entries, settings) },
      entries,
      settings,
    };
  });
  const inputs = reports.map((r) => r.read);
  const plain: number[] = [];
  const full: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    let start = performance.now();
    consolidate(inputs, settings);
    plain.push(performance.now() - start);
    start = performance.now();
    consolidateReports(reports, settings, { plan, assignment: { planId: plan.id, codes: ["1", "4.1"], units }, deadline: "2026-12-10" });
    full.push(performance.now() - start);
  }
  return [{ name: "units.register.ratio", size: UNITS, value: median(full) / median(plain), unit: "× consolidate", goal: 3 }];
}
