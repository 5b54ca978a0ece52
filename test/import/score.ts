// Scoring an import against what a person expects: each expected target is matched with at most one
// imported indicator of the same value, unit (diacritics folded) and polarity, the closest by name.
import type { Comparator, Indicator } from "../../shared/model";
import { foldDiacritics } from "../../shared/actual";

export interface ExpectedTarget {
  name: string;
  unit: string;
  comparator: Comparator | null;
  target?: number | null;
  targetMin?: number;
  targetMax?: number;
  deadlineYear?: number | null;
}

export interface ScoreOptions {
  /** Require the very comparator, not only the polarity (seeds: yes; corpus figures: polarity). */
  exactComparator?: boolean;
  /** Require the same deadline year. */
  deadline?: boolean;
}

export interface Score {
  expected: number;
  found: number;
  matched: number;
  /** Found indicators that match no expected target. */
  spurious: number;
  misses: ExpectedTarget[];
  extras: Indicator[];
}

export type Polarity = "higher" | "lower" | "equal" | "boolean";

export function polarity(comparator: Comparator): Polarity {
  switch (comparator) {
    case "<=":
    case "<":
      return "lower";
    case "=":
      return "equal";
    case "boolean":
      return "boolean";
    default:
      return "higher";
  }
}

export function foldUnit(unit: string): string {
  return foldDiacritics(unit).replace(/\s*\/\s*/g, "/");
}

/** Folded words, with the digits OCR puts for letters read back ("16p" → "lop", "s6" → "so"). */
function words(name: string): string[] {
  return [
    ...new Set(
      foldDiacritics(name)
        .split(/[^a-z0-9%]+/)
        .filter((w) => w.length > 1)
        .map((w) => (/[a-z]/.test(w) ? w.replace(/1/g, "l").replace(/[06]/g, "o") : w)),
    ),
  ];
}

function sameWord(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.length < 3 || a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) diff++;
  return diff <= 1;
}

/** Shared words over the shorter name's words (one OCR slip per word allowed): 1 when one name contains the other. */
export function nameSimilarity(a: string, b: string): number {
  const x = words(a);
  const y = words(b);
  if (x.length === 0 || y.length === 0) return 0;
  let common = 0;
  for (const w of x) if (y.some((v) => sameWord(w, v))) common++;
  return common / Math.min(x.length, y.length);
}

function close(a: number | null | undefined, b: number | null | undefined): boolean {
  if (a === null || a === undefined || b === null || b === undefined) return (a ?? null) === (b ?? null);
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

function sameTarget(found: Indicator, expected: ExpectedTarget, options: ScoreOptions): boolean {
  if (found.comparator === null || expected.comparator === null) return false;
  if (options.exactComparator ? found.comparator !== expected.comparator : polarity(found.comparator) !== polarity(expected.comparator)) return false;
  if (options.deadline && (found.deadlineYear ?? null) !== (expected.deadlineYear ?? null)) return false;
  if (expected.comparator === "boolean") return true;
  if (foldUnit(found.unit) !== foldUnit(expected.unit)) return false;
  if (expected.comparator === "range" || found.comparator === "range") {
    const min = (x: { target?: number | null; targetMin?: number }) => x.targetMin ?? x.target ?? null;
    const max = (x: { target?: number | null; targetMax?: number }) => x.targetMax ?? x.target ?? null;
    return close(min(found), min(expected)) && close(max(found), max(expected));
  }
  return close(found.target, expected.target);
}

/** Matches expected targets (headings, comparator null, are left out) with imported indicators. */
export function scoreImport(found: readonly Indicator[], expected: readonly ExpectedTarget[], options: ScoreOptions = {}): Score {
  const targets = expected.filter((e) => e.comparator !== null);
  const pool = found.filter((f) => f.comparator !== null);
  const used = new Set<Indicator>();
  const misses: ExpectedTarget[] = [];
  // The most constrained first, so a shared value (two 100 % targets) goes to the closest name.
  for (const e of targets) {
    let best: Indicator | null = null;
    let bestScore = -1;
    for (const f of pool) {
      if (used.has(f) || !sameTarget(f, e, options)) continue;
      const similarity = nameSimilarity(f.name, e.name);
      if (similarity > bestScore) [best, bestScore] = [f, similarity];
    }
    if (best && bestScore >= 0.3) used.add(best);
    else misses.push(e);
  }
  const extras = pool.filter((f) => !used.has(f));
  return { expected: targets.length, found: pool.length, matched: targets.length - misses.length, spurious: extras.length, misses, extras };
}
