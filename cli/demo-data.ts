// Example actuals for a plan: the demo's filled workbook (variant 0, chosen by hand so every status
// and a couple of typical slips show) and the benchmark's 114 units (other variants, varied but
// reproducible). They are example data, and the files that carry them say so.
import type { ActualEntry, Indicator, Plan } from "../shared/model";
import { LOWER_IS_BETTER } from "../shared/model";

/** A reproducible number in [0, 1) from two integers (no Math.random: runs must be comparable). */
function noise(a: number, b: number): number {
  let x = (a * 374761393 + b * 668265263) ^ 0x5bd1e995;
  x = Math.imul(x ^ (x >>> 13), 1274126177);
  x ^= x >>> 16;
  return (x >>> 0) / 4294967296;
}

function round(value: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
}

/** A plausible actual for `ratio` of the way to the target (1 = exactly on target). */
function actualAt(ind: Indicator, ratio: number): number | string | null {
  if (ind.comparator === null) return null;
  if (ind.comparator === "boolean") return ratio >= 1 ? "Đạt" : "Không đạt";
  const decimals = ind.unit === "%" || ind.unit.startsWith("tỷ") || ind.unit.startsWith("triệu") ? 2 : 0;
  if (ind.comparator === "range") return round((ind.targetMin ?? 0) * ratio, 2);
  const target = ind.target ?? 0;
  if (target === 0) return ratio >= 1 ? 0 : 1;
  if (LOWER_IS_BETTER.has(ind.comparator)) return round(target / ratio, 2);
  let value = round(target * ratio, decimals);
  if (ind.unit === "%" && value > 100) value = 100;
  return value;
}

/** Example entries for one unit; variant 0 is the demo's, others the benchmark's units. */
export function exampleEntries(plan: Plan, variant: number): ActualEntry[] {
  if (variant === 0) return demoEntries(plan);
  return plan.indicators
    .filter((ind) => ind.comparator !== null)
    .map((ind, i) => {
      const r = noise(variant, i);
      // Mostly around the target, some blanks, a few typed as Vietnamese text.
      if (r < 0.04) return { code: ind.code, raw: null };
      const ratio = 0.8 + 0.35 * noise(i, variant);
      const raw = actualAt(ind, ratio);
      return { code: ind.code, raw: typeof raw === "number" && r > 0.95 ? String(raw).replace(".", ",") : raw };
    });
}

/**
 * The demo unit: most indicators on or above target, one lower-is-better met, one near miss, two
 * misses, one blank, one not yet due (an override with its reason: the city plan has no later
 * deadlines), one number typed as text and one amount typed in the wrong unit (tỷ vs triệu).
 */
function demoEntries(plan: Plan): ActualEntry[] {
  const ratios = [1.04, 1.0, 1.08, 0.95, 1.02, 1.12, 0.97, 1.0, 1.01, 1.06, 1.0, 1.1];
  const measured = plan.indicators.filter((ind) => ind.comparator !== null);
  const entries: ActualEntry[] = measured.map((ind, i) => ({ code: ind.code, raw: actualAt(ind, ratios[i % ratios.length]) }));
  const pick = (n: number) => entries[Math.min(n, entries.length - 1)];
  const money = measured.findIndex((ind) => /tỷ đồng|triệu đồng/.test(ind.unit) && (ind.target ?? 0) >= 1000 && ind.code.includes("."));
  const slip = entries[money >= 0 ? money : 3];
  const slipTarget = measured[money >= 0 ? money : 3].target ?? 1000;
  // Typed in thousands of billions instead of billions: a tenth of a percent of the target.
  slip.raw = round(slipTarget / 1000, 3);
  slip.note = "Số liệu sơ bộ của Cục Thuế";
  const asText = pick(0);
  if (typeof asText.raw === "number") asText.raw = String(asText.raw).replace(".", ",");
  pick(5).raw = null;
  const miss = pick(7);
  miss.raw = actualAt(measured[Math.min(7, measured.length - 1)], 0.8);
  const notDue = pick(measured.length - 3);
  notDue.raw = null;
  notDue.override = { status: "Chưa đến hạn", reason: "Thời điểm đánh giá theo kế hoạch là quý I năm sau" };
  return entries;
}
