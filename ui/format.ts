// How the pane writes numbers, comparators and statuses for the clerk: a Vietnamese decimal comma,
// comparators in words ("≥", "giảm", never `decrease-by`), and the five statuses in their order.
import type { Comparator, Lang, Status } from "../shared/model";
import { formatVietnameseNumber, parseNumber } from "../shared/numbers";

/** The statuses in the order the tiles show them (shared/model's STATUSES; a test ties the two). */
export const STATUS_ORDER: readonly Status[] = ["Vượt", "Đạt", "Không đạt", "Chưa có số liệu", "Chưa đến hạn"];

/** Below this confidence a review row is flagged "chưa chắc". */
export const UNSURE = 0.75;

export const COMPARATOR_ORDER: readonly Comparator[] = [">=", ">", "<=", "<", "=", "approx", "range", "decrease-by", "increase-by", "boolean"];

const COMPARATOR_WORDS: Record<Lang, Record<Comparator, string>> = {
  vi: { ">=": "≥ (đạt trở lên)", ">": "> (trên)", "<=": "≤ (không quá)", "<": "< (dưới)", "=": "= (bằng)", approx: "khoảng", range: "trong khoảng", "decrease-by": "giảm", "increase-by": "tăng", boolean: "có / không" },
  en: { ">=": "≥ (at least)", ">": "> (above)", "<=": "≤ (at most)", "<": "< (below)", "=": "= (exactly)", approx: "about", range: "between", "decrease-by": "down by", "increase-by": "up by", boolean: "yes / no" },
};

export function comparatorWords(comparator: Comparator | null, lang: Lang): string {
  return comparator === null ? "—" : COMPARATOR_WORDS[lang][comparator];
}

/** A target in words: "≥ (đạt trở lên) 8 %", "trong khoảng 5–7 %". */
export function targetWords(t: { comparator: Comparator | null; target: number | null; targetMin?: number; targetMax?: number; unit: string }, lang: Lang): string {
  const value = t.comparator === "range" && t.targetMin !== undefined && t.targetMax !== undefined ? `${formatNumber(t.targetMin, lang)}–${formatNumber(t.targetMax, lang)}` : t.target === null ? "" : formatNumber(t.target, lang);
  return [comparatorWords(t.comparator, lang), value, t.unit].filter(Boolean).join(" ");
}

/** 1.5 → "1,5" and 1200 → "1.200" in Vietnamese; English keeps its point. */
export function formatNumber(value: number, lang: Lang): string {
  if (lang === "vi") return formatVietnameseNumber(value);
  return value.toLocaleString("en-US", { maximumFractionDigits: 6 });
}

/** What the clerk typed in a number box, read as the core reads a figure ("1.200", "12,5"). */
export function readNumber(textValue: string): number | null {
  return textValue.trim() === "" ? null : parseNumber(textValue);
}

/** The factor of a unit-slip fix (1.000 for a figure typed in đồng instead of nghìn đồng). */
export function slipFactor(fix: { value: number; from: number | string | null }): number | null {
  const from = typeof fix.from === "number" ? fix.from : typeof fix.from === "string" ? parseNumber(fix.from) : null;
  if (from === null || fix.value === 0 || from === fix.value) return null;
  const factor = from / fix.value;
  return Math.abs(factor) > 1 ? Math.round(factor) : null;
}
