// Loading a plan over a sheet that already holds typed figures: which of them still belong to an
// indicator of the new plan, and which must be set aside (never dropped in silence). One rule for
// every host, so Excel and Google Sheets keep and set aside exactly the same figures.
import { foldDiacritics } from "../actual";
import type { ActualEntry, Plan } from "../model";

export interface CarryOver {
  /** Entries to write into the new sheet, matched to the new plan's indicators. */
  kept: ActualEntry[];
  /** Entries with something typed that belong to no indicator of the new plan. */
  left: ActualEntry[];
  /** What the kept entries hold, for the message to the user. */
  counts: { actuals: number; notes: number; overrides: number };
}

export function hasTyped(value: unknown): boolean {
  return value !== null && value !== undefined && !(typeof value === "string" && value.trim() === "");
}

function holdsAnything(entry: ActualEntry): boolean {
  // An estimate alone is typed too: an entry holding only one is set aside, never dropped.
  return hasTyped(entry.raw) || hasTyped(entry.estimate) || hasTyped(entry.previous) || hasTyped(entry.note) || Boolean(entry.override);
}

/**
 * Within one plan (a new version of it) the code is the key. When another plan replaces it, code
 * "3" may be another indicator, so the name must match too (compared without diacritics or case);
 * otherwise a figure typed for one indicator would silently land on another.
 */
export function carryOver(oldPlan: Plan | null, plan: Plan, entries: readonly ActualEntry[]): CarryOver {
  const now = new Map(plan.indicators.map((i) => [i.code, i]));
  const before = new Map((oldPlan?.indicators ?? []).map((i) => [i.code, i]));
  const samePlan = oldPlan === null || oldPlan.id === plan.id;
  const kept: ActualEntry[] = [];
  const left: ActualEntry[] = [];
  for (const entry of entries) {
    const target = now.get(entry.code);
    const source = before.get(entry.code);
    const belongs = target !== undefined && (samePlan || (source !== undefined && foldDiacritics(source.name) === foldDiacritics(target.name)));
    if (belongs) kept.push(entry);
    else if (holdsAnything(entry)) left.push(entry);
  }
  const counts = {
    actuals: kept.filter((e) => hasTyped(e.raw) || hasTyped(e.estimate) || hasTyped(e.previous)).length,
    notes: kept.filter((e) => hasTyped(e.note)).length,
    overrides: kept.filter((e) => e.override).length,
  };
  return { kept, left, counts };
}
