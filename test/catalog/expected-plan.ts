// Checks a built-in plan against a table written by reading its seed document (not from the JSON).
import { readFileSync } from "node:fs";
import path from "node:path";
import { findBuiltInPlan } from "../../shared/catalog";
import type { Comparator, Indicator, Plan } from "../../shared/model";

/** The read-only seed documents sit beside the checkout (CI clones the repo with ../shared beside it). */
export const SEEDS_DIR = path.resolve(__dirname, "../../../shared/seeds");

/**
 * One target as a reader sees it in the document:
 * [code, name fragment, comparator, target (or [min, max] for a range, null for a heading/boolean), unit,
 *  deadline year, words quoted from the seed document that carry the target].
 */
export type ExpectedRow = [
  code: string,
  nameFragment: string,
  comparator: Comparator | null,
  target: number | [number, number] | null,
  unit: string,
  deadlineYear: number | null,
  quote: string,
];

/** Seed text with line breaks, runs of spaces and markdown emphasis flattened, so quotes can span lines. */
export function flatSeedText(source: string): string {
  return readFileSync(path.join(SEEDS_DIR, source), "utf8").normalize("NFC").replace(/\*+/g, "").replace(/\s+/g, " ");
}

export function loadPlan(id: string): Plan {
  const plan = findBuiltInPlan(id);
  if (!plan) throw new Error(`built-in plan ${id} is missing`);
  return plan;
}

function byCode(plan: Plan): Map<string, Indicator> {
  return new Map(plan.indicators.map((ind) => [ind.code, ind]));
}

/** The catalog has exactly the rows' codes, each with the row's name, comparator, target, unit and deadline. */
export function describePlanAgainstDocument(id: string, rows: readonly ExpectedRow[]): void {
  const plan = loadPlan(id);
  const indicators = byCode(plan);

  test("has exactly the indicators the document lists, in document order", () => {
    expect(plan.indicators.map((ind) => ind.code)).toEqual(rows.map((row) => row[0]));
  });

  test("every expected row quotes words that are really in the seed document", () => {
    const text = flatSeedText(plan.source ?? "");
    const missing = rows.filter((row) => !text.includes(row[6].normalize("NFC"))).map((row) => `${row[0]}: ${row[6]}`);
    expect(missing).toEqual([]);
  });

  test.each(rows.map((row) => [row[0], row] as const))("%s matches the document", (_code, row) => {
    const [code, nameFragment, comparator, target, unit, deadlineYear] = row;
    const ind = indicators.get(code);
    expect(ind).toBeDefined();
    if (!ind) return;
    // Fragments are quoted mid-sentence ("tỷ lệ …"), names start with a capital: compare ignoring case.
    expect(ind.name.toLocaleLowerCase("vi")).toContain(nameFragment.normalize("NFC").toLocaleLowerCase("vi"));
    expect(ind.comparator).toBe(comparator);
    expect(ind.unit).toBe(unit);
    expect(ind.deadlineYear).toBe(deadlineYear);
    if (Array.isArray(target)) {
      expect(ind.target).toBeNull();
      expect([ind.targetMin, ind.targetMax]).toEqual(target);
    } else {
      expect(ind.target).toBe(target);
      expect(ind.targetMin).toBeUndefined();
      expect(ind.targetMax).toBeUndefined();
    }
  });
}
