// Next year's plan from this year's workbook: its "Thực hiện năm trước" column filled from this
// year's figures (the final one where typed, else the estimate, and it says which), matched to
// next year's indicators by the same carry-over rule as loading another plan over typed figures
// (shared/sheet/carry-over.ts: the same code within a version of a plan, the same code and name
// across plans). A figure whose indicator is not found, or is found with another unit, is listed,
// never put on a row by guess. Used by `chitieu next-year` and the add-ins' step alike.
import { foldDiacritics, readActual } from "./actual";
import { judgedRaw } from "./evaluate";
import { t } from "./i18n";
import type { ActualEntry, Indicator, Lang, Plan } from "./model";
import { carryOver } from "./sheet/carry-over";

export interface CarriedFigure {
  code: string;
  name: string;
  /** The figure as carried: a number, or Đạt / Không đạt for a yes/no indicator. */
  value: number | string;
  source: "final" | "estimate";
  /** This year's code, when the new plan numbers the indicator differently (matched by name). */
  from?: string;
}

export interface NextYearCarry {
  /** Entries for next year's sheet: last year's figure in `previous`, nothing else typed. */
  entries: ActualEntry[];
  carried: CarriedFigure[];
  /** This year's figures that found no indicator next year (or one measured in another unit). */
  notCarried: { code: string; name: string; value: unknown; reason: "no-match" | "unit-differs" }[];
  /** Next year's indicators with a rule and no figure from this year. */
  withoutFigure: { code: string; name: string }[];
  /** "Cột "Thực hiện năm trước" lấy từ năm 2025: số chính thức của 20 chỉ tiêu, số ước của 3 chỉ tiêu." */
  headerNote: string;
}

function typed(value: unknown): boolean {
  return value !== null && value !== undefined && !(typeof value === "string" && value.trim() === "");
}

/** The figure to carry, read as the core reads it; null when nothing readable is typed. */
function figureOf(entry: ActualEntry, indicator: Indicator): { value: number | string; source: "final" | "estimate" } | null {
  const raw = judgedRaw(entry);
  if (!typed(raw)) return null;
  const read = readActual(raw, indicator.comparator);
  const source = typed(entry.raw) ? "final" : "estimate";
  if (read.kind === "number") return { value: read.value, source };
  if (read.kind === "boolean") return { value: read.value ? "Đạt" : "Không đạt", source };
  return null;
}

export function nextYearCarry(thisPlan: Plan, entries: readonly ActualEntry[], nextPlan: Plan, lang: Lang = "vi"): NextYearCarry {
  const thisByCode = new Map(thisPlan.indicators.map((i) => [i.code, i]));
  const nextByCode = new Map(nextPlan.indicators.map((i) => [i.code, i]));
  // One candidate per indicator of this year that has a figure, as a "previous" to carry.
  const figures = new Map<string, { value: number | string; source: "final" | "estimate" }>();
  const candidates: ActualEntry[] = [];
  for (const entry of entries) {
    const indicator = thisByCode.get(entry.code);
    if (!indicator || indicator.comparator === null || figures.has(entry.code)) continue;
    const figure = figureOf(entry, indicator);
    if (!figure) continue;
    figures.set(entry.code, figure);
    candidates.push({ code: entry.code, raw: null, previous: figure.value });
  }
  const carriedOver = carryOver(thisPlan, nextPlan, candidates);
  // A figure found by name under another code of next year's plan carries its new code (carryOver's `moved`).
  const fromOf = new Map(carriedOver.moved.map((m) => [m.to, m.from]));
  const matched = carriedOver.kept.map((entry) => ({ entry: { ...entry, code: fromOf.get(entry.code) ?? entry.code }, to: entry.code }));
  const left = carriedOver.left;
  // In next year's plan order, whichever way the figure was matched.
  const place = new Map(nextPlan.indicators.map((i, k) => [i.code, k]));
  matched.sort((a, b) => (place.get(a.to) ?? 0) - (place.get(b.to) ?? 0));
  const carried: CarriedFigure[] = [];
  const notCarried: NextYearCarry["notCarried"] = left.map((e) => ({ code: e.code, name: thisByCode.get(e.code)?.name ?? "", value: e.previous, reason: "no-match" as const }));
  const out: ActualEntry[] = [];
  for (const { entry, to } of matched) {
    const before = thisByCode.get(entry.code) as Indicator;
    const after = nextByCode.get(to) as Indicator;
    const figure = figures.get(entry.code) as { value: number | string; source: "final" | "estimate" };
    // The same indicator counted in another unit (tỷ đồng → triệu đồng) would put a figure a thousand times off.
    if (foldDiacritics(before.unit) !== foldDiacritics(after.unit)) {
      notCarried.push({ code: entry.code, name: before.name, value: figure.value, reason: "unit-differs" });
      continue;
    }
    out.push({ code: after.code, raw: null, previous: figure.value });
    carried.push({ code: after.code, name: after.name, value: figure.value, source: figure.source, ...(after.code !== entry.code ? { from: entry.code } : {}) });
  }
  const carriedCodes = new Set(carried.map((c) => c.code));
  const withoutFigure = nextPlan.indicators.filter((i) => i.comparator !== null && !carriedCodes.has(i.code)).map((i) => ({ code: i.code, name: i.name }));
  const final = carried.filter((c) => c.source === "final").length;
  const headerNote = t("nextyear.previous-source", { year: thisPlan.year, final, estimate: carried.length - final }, lang);
  return { entries: out, carried, notCarried, withoutFigure, headerNote };
}

/** "dong-hai-2025" → "dong-hai-2026"; a plan id without a year gets one. */
function nextId(id: string, year: number): string {
  return /-\d{4}$/.test(id) ? id.replace(/-\d{4}$/, `-${year}`) : `${id}-${year}`;
}

/**
 * `--same`: this year's indicator set for next year, for an office whose new plan is not issued yet:
 * the same codes, names, units and comparators, every target left to fill (targetPending), the
 * title's year moved on.
 */
export function samePlanNextYear(plan: Plan, year: number = plan.year + 1): Plan {
  const indicators = plan.indicators.map((ind): Indicator => {
    if (ind.comparator === null || ind.comparator === "boolean") return { ...ind };
    const { targetMin: _min, targetMax: _max, secondary: _secondary, ...rest } = ind;
    void _min;
    void _max;
    void _secondary;
    return { ...rest, target: null, targetPending: true };
  });
  const title = plan.title.includes(String(plan.year)) ? plan.title.split(String(plan.year)).join(String(year)) : `${plan.title} (${year})`;
  return { ...plan, id: nextId(plan.id, year), title, year, source: null, indicators };
}
