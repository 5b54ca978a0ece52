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
  /** Entries found by name under another code of the new plan (their code in `kept` is the new one). */
  moved: { from: string; to: string }[];
}

export function hasTyped(value: unknown): boolean {
  return value !== null && value !== undefined && !(typeof value === "string" && value.trim() === "");
}

function holdsAnything(entry: ActualEntry): boolean {
  // An estimate alone is typed too: an entry holding only one is set aside, never dropped.
  return hasTyped(entry.raw) || hasTyped(entry.estimate) || hasTyped(entry.previous) || hasTyped(entry.note) || Boolean(entry.override);
}

/** Each folded name of a plan with the indicators that have it. */
function byName(plan: Plan): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const i of plan.indicators) {
    const name = foldDiacritics(i.name);
    out.set(name, [...(out.get(name) ?? []), i.code]);
  }
  return out;
}

/**
 * Within one plan (a new version of it) the code is the key. When another plan replaces it, code
 * "3" may be another indicator, so the name must match too (compared without diacritics or case);
 * otherwise a figure typed for one indicator would silently land on another. When the new plan
 * numbers the same indicator differently, it is found by its name — only when exactly one
 * indicator of each plan has that name and no figure already holds its row; the entry then takes
 * the new code (`moved` says which). Anything else is never guessed.
 */
export function carryOver(oldPlan: Plan | null, plan: Plan, entries: readonly ActualEntry[]): CarryOver {
  const now = new Map(plan.indicators.map((i) => [i.code, i]));
  const before = new Map((oldPlan?.indicators ?? []).map((i) => [i.code, i]));
  const samePlan = oldPlan === null || oldPlan.id === plan.id;
  const kept: ActualEntry[] = [];
  const rest: ActualEntry[] = [];
  for (const entry of entries) {
    const target = now.get(entry.code);
    const source = before.get(entry.code);
    const belongs = target !== undefined && (samePlan || (source !== undefined && foldDiacritics(source.name) === foldDiacritics(target.name)));
    if (belongs) kept.push(entry);
    else rest.push(entry);
  }
  const left: ActualEntry[] = [];
  const moved: { from: string; to: string }[] = [];
  const taken = new Set(kept.map((e) => e.code));
  const newNames = samePlan || rest.length === 0 ? null : byName(plan);
  const oldNames = newNames && oldPlan ? byName(oldPlan) : null;
  for (const entry of rest) {
    const source = before.get(entry.code);
    const name = source ? foldDiacritics(source.name) : null;
    const to = name !== null && newNames && oldNames && oldNames.get(name)?.length === 1 ? newNames.get(name) : undefined;
    if (to?.length === 1 && !taken.has(to[0]) && holdsAnything(entry)) {
      taken.add(to[0]);
      kept.push({ ...entry, code: to[0] });
      moved.push({ from: entry.code, to: to[0] });
    } else if (holdsAnything(entry)) left.push(entry);
  }
  const counts = {
    actuals: kept.filter((e) => hasTyped(e.raw) || hasTyped(e.estimate) || hasTyped(e.previous)).length,
    notes: kept.filter((e) => hasTyped(e.note)).length,
    overrides: kept.filter((e) => e.override).length,
  };
  return { kept, left, counts, moved };
}
