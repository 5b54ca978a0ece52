// The "Dán báo cáo" step of both add-ins and `chitieu read-report --into`, as one pure function: a
// report's text, the unit's plan and what its sheet already holds → the review table (indicator,
// figure already typed, figure the report gives, whether they differ), the indicators the report
// does not mention, the results that fit no indicator, and the tally check. Nothing is written
// here: a host writes the rows the user accepts, and never a differing typed figure unasked.
import { readActual } from "../actual";
import { evaluatePlan } from "../evaluate";
import { t } from "../i18n";
import { defaultSettings, type ActualEntry, type Lang, type Plan, type Settings } from "../model";
import { formatVietnameseNumber } from "../numbers";
import { readReport } from "./index";
import { matchToPlan } from "./match";
import { checkTallyAgainstPlan, storedTally, type StoredTally, type TallyCheck } from "./tally-check";
import type { ReportReading, ReportResult, TextSpan } from "./types";

export type ReviewChange = "new" | "same" | "differs" | "nothing";

export interface ReviewRow {
  code: string;
  /** The plan's name of the indicator. */
  name: string;
  unit: string;
  /** The name as the report writes it. */
  reportName: string;
  /** What the sheet holds now, as typed (null when blank). */
  oldValue: unknown;
  /** Where the sheet holds it, when known ("F12"). */
  cell: string | null;
  /** What the report gives, in the plan's unit; null when it gives nothing to enter. */
  newValue: number | boolean | null;
  /** "new": the cell is blank; "same": it already holds this; "differs": it holds something else (ask before replacing); "nothing": no figure to enter. */
  change: ReviewChange;
  percentOfPlan: number | null;
  status: ReportResult["status"];
  confidence: number;
  /** Why the figure is not exactly as written, and what lowered the confidence (messages in `lang`). */
  notes: string[];
  span: TextSpan;
}

export interface ReportReview {
  reading: ReportReading;
  rows: ReviewRow[];
  unmentioned: { code: string; name: string }[];
  unmatched: ReportResult[];
  /** The report's tally against the figures (the report's where it gives one, else the sheet's). */
  tallyCheck: TallyCheck | null;
  /** What a host stores with the workbook so `check` can repeat the tally check (metadata key REPORT_TALLY_KEY). */
  tallyToStore: StoredTally | null;
}

export interface ReviewInput {
  text: string;
  plan: Plan;
  /** The sheet's current entries (shared/sheet/read-back.ts). */
  entries?: readonly ActualEntry[];
  settings?: Settings;
  lang?: Lang;
}

function sameFigure(old: unknown, value: number | boolean, plan: Plan, code: string): boolean {
  const comparator = plan.indicators.find((i) => i.code === code)?.comparator ?? null;
  const read = readActual(old, comparator);
  if (read.kind === "number" && typeof value === "number") return Math.abs(read.value - value) <= Math.max(1e-9, Math.abs(value) * 1e-9);
  if (read.kind === "boolean" && typeof value === "boolean") return read.value === value;
  return false;
}

/** A figure for messages: "24.500", "Đạt". */
export function showFigure(value: unknown, lang: Lang): string {
  if (value === null || value === undefined || value === "") return lang === "en" ? "(blank)" : "(trống)";
  if (typeof value === "number") return lang === "en" ? String(value) : formatVietnameseNumber(value);
  if (typeof value === "boolean") return value ? (lang === "en" ? "achieved" : "Đạt") : lang === "en" ? "not achieved" : "Không đạt";
  return String(value);
}

export function reviewReport(input: ReviewInput): ReportReview {
  const lang: Lang = input.lang === "en" ? "en" : "vi";
  const plan = input.plan;
  const settings = input.settings ?? defaultSettings(plan.year, { lang });
  const reading = readReport(input.text, { year: settings.reportYear, lang });
  const matched = matchToPlan(reading.results, plan);
  const current = new Map((input.entries ?? []).map((e) => [e.code, e]));
  const rows: ReviewRow[] = matched.matches.map((m) => {
    const entry = current.get(m.code);
    const oldValue = entry?.raw ?? null;
    const blank = oldValue === null || (typeof oldValue === "string" && oldValue.trim() === "");
    const change: ReviewChange = m.value === null ? "nothing" : blank ? "new" : sameFigure(oldValue, m.value, plan, m.code) ? "same" : "differs";
    const notes = [...m.notes, ...m.result.reasons].map((key) => t(key, { basis: m.percentBasis, count: m.result.plans.length }, lang));
    return {
      code: m.code,
      name: m.indicator.name,
      unit: m.indicator.unit,
      reportName: m.result.name,
      oldValue,
      cell: entry?.location?.cell ?? null,
      newValue: m.value,
      change,
      percentOfPlan: m.percentOfPlan,
      status: m.result.status,
      confidence: m.confidence,
      notes,
      span: m.result.span,
    };
  });
  // The figures as they would stand once the report is entered: the report's where it gives one.
  const entries: ActualEntry[] = plan.indicators.map((ind) => {
    const row = rows.find((r) => r.code === ind.code && r.newValue !== null);
    const old = current.get(ind.code);
    return row ? { ...(old ?? { code: ind.code }), code: ind.code, raw: row.newValue } : (old ?? { code: ind.code, raw: null });
  });
  const tallyToStore = reading.tally ? storedTally(reading.tally) : null;
  const tallyCheck = tallyToStore ? checkTallyAgainstPlan(tallyToStore, plan, evaluatePlan(plan, entries, settings), { countLevel: settings.countLevel, lang }) : null;
  return {
    reading,
    rows,
    unmentioned: matched.unmentioned.map((ind) => ({ code: ind.code, name: ind.name })),
    unmatched: matched.unmatched,
    tallyCheck,
    tallyToStore,
  };
}

/** The entries a host writes after review: new figures always, differing ones only when the user said so. */
export function acceptedEntries(review: ReportReview, options: { overwrite?: boolean; codes?: readonly string[] } = {}): { code: string; value: number | boolean; cell: string | null; old: unknown }[] {
  return review.rows
    .filter((r) => r.newValue !== null && (r.change === "new" || (r.change === "differs" && options.overwrite)))
    .filter((r) => !options.codes || options.codes.includes(r.code))
    .map((r) => ({ code: r.code, value: r.newValue as number | boolean, cell: r.cell, old: r.oldValue }));
}
