// The estimate ("Số ước thực hiện", written in November–December) and the final figures ("Thực
// hiện", the official numbers of the next January) in one workbook: which of them a summary is made
// from, what changed between them, and which final figure departs so far from its estimate that it
// is more likely a slip than news.
//
// Departure threshold: 10 % of the estimate. The estimate is made with ten or eleven months known,
// so the last weeks rarely move an annual figure by a tenth; a larger gap is usually a slip (a digit,
// a row, a unit), which the unit-slip check (×10) would only catch when it is a factor of ten. It
// is a warning, never an error: a real correction stays possible, and it is named in the change list.
import { readActual } from "./actual";
import { evaluatePlan } from "./evaluate";
import { t } from "./i18n";
import type { ActualEntry, Evaluation, Finding, Lang, Plan, Settings } from "./model";
import { formatVietnameseNumber } from "./numbers";
import { dateText } from "./sheet/fill-in";

/** Which figures to judge: the final ones, the estimates, or the final one where typed, else the estimate (the sheet's rule). */
export type FigureBasis = "final" | "estimate" | "latest";

export const DEPARTURE_THRESHOLD = 0.1;

function typed(value: unknown): boolean {
  return value !== null && value !== undefined && !(typeof value === "string" && value.trim() === "");
}

/** The entries as the chosen figures: "final" drops the estimates, "estimate" judges the estimates alone. */
export function entriesFor(entries: readonly ActualEntry[], basis: FigureBasis): ActualEntry[] {
  if (basis === "latest") return entries.slice();
  return entries.map((entry) => {
    const { estimate, ...rest } = entry;
    if (basis === "final") return rest;
    const location = entry.location ? { ...entry.location, cell: entry.location.estimateCell ?? entry.location.cell } : entry.location;
    return { ...rest, raw: typed(estimate) ? estimate : null, ...(location !== undefined ? { location } : {}) };
  });
}

/** Which column each judged row's figure comes from. */
export interface FigureUse {
  kind: "final" | "estimate" | "mixed" | "none";
  /** Codes judged from a final figure, and from an estimate (no final figure typed). */
  final: string[];
  estimate: string[];
}

/** Which figure each row is judged from, when the entries (as read from the sheet) are judged on `basis`. */
export function figureUse(plan: Plan, entries: readonly ActualEntry[], basis: FigureBasis = "latest"): FigureUse {
  const byCode = new Map(entries.map((e) => [e.code, e]));
  const final: string[] = [];
  const estimate: string[] = [];
  for (const ind of plan.indicators) {
    if (ind.comparator === null) continue;
    const entry = byCode.get(ind.code);
    if (!entry) continue;
    if (basis !== "estimate" && typed(entry.raw)) final.push(ind.code);
    else if (basis !== "final" && typed(entry.estimate)) estimate.push(ind.code);
  }
  const kind = final.length === 0 && estimate.length === 0 ? "none" : estimate.length === 0 ? "final" : final.length === 0 ? "estimate" : "mixed";
  return { kind, final, estimate };
}

/** "Số liệu: Ước thực hiện ngày 05/12/2026." — the line a summary carries to say which figures it shows. */
export function basisLine(use: FigureUse, dates: { final?: string | null; estimate?: string | null }, lang: Lang): string | null {
  const date = (d: string | null | undefined) => (d ? t("period.basis.date", { date: d }, lang) : "");
  if (use.kind === "final") return t("period.basis.final", { date: date(dates.final) }, lang);
  if (use.kind === "estimate") return t("period.basis.estimate", { date: date(dates.estimate) }, lang);
  if (use.kind === "mixed") return t("period.basis.mixed", { final: use.final.length, estimate: use.estimate.length, codes: use.estimate.join(", ") }, lang);
  return null;
}

export interface FigureChange {
  code: string;
  name: string;
  estimate: number | boolean | null;
  final: number | boolean | null;
  /** What "Đánh giá" shows from the estimate, and from the final figure. */
  from: string;
  to: string;
  figureChanged: boolean;
  statusChanged: boolean;
}

export interface EstimateToFinal {
  changes: FigureChange[];
  /** One sentence per change, status changes first: "So với số ước, chỉ tiêu 4 (…) chuyển từ Đạt sang Không đạt." */
  lines: string[];
}

function shown(value: number | boolean | null, lang: Lang): string {
  if (value === null) return "—";
  if (typeof value === "boolean") return t(value ? "sheet.boolean.true" : "sheet.boolean.false", {}, lang);
  return formatVietnameseNumber(value);
}

/**
 * The change list for the report's correction: every indicator whose final figure differs from its
 * estimate, or whose status differs (headings too: a heading moves when a row under it does). Rows
 * with only one of the two figures are not changes: there is nothing to compare.
 */
export function estimateToFinal(plan: Plan, entries: readonly ActualEntry[], settings: Settings): EstimateToFinal {
  const lang = settings.lang;
  const compared = entries.filter((e) => typed(e.raw) && typed(e.estimate));
  const comparedCodes = new Set(compared.map((e) => e.code));
  // Both sides judge the same rows: those with both figures (the others keep whatever they have on each side).
  const asEstimate = evaluatePlan(plan, entries.map((e) => (comparedCodes.has(e.code) ? { ...e, raw: e.estimate } : e)), settings);
  const asFinal = evaluatePlan(plan, entries, settings);
  const changes: FigureChange[] = [];
  asFinal.forEach((after: Evaluation, i) => {
    const before = asEstimate[i];
    const from = before.label ?? before.status;
    const to = after.label ?? after.status;
    const figureChanged = comparedCodes.has(after.code) && !sameFigure(before.actual, after.actual);
    const statusChanged = from !== to;
    if (!figureChanged && !statusChanged) return;
    changes.push({ code: after.code, name: after.indicator.name, estimate: before.actual, final: after.actual, from, to, figureChanged, statusChanged });
  });
  const statusLines = changes
    .filter((c) => c.statusChanged)
    .map((c) => t("period.change.status", { code: c.code, name: c.name, from: t(`status.${c.from}`, {}, lang), to: t(`status.${c.to}`, {}, lang) }, lang));
  const figureLines = changes
    .filter((c) => c.figureChanged && !c.statusChanged)
    .map((c) => t("period.change.figure", { code: c.code, name: c.name, estimate: shown(c.estimate, lang), final: shown(c.final, lang) }, lang));
  const lines = [...statusLines, ...figureLines];
  if (compared.length > 0 && statusLines.length === 0) lines.push(t("period.change.none", {}, lang));
  return { changes, lines };
}

function sameFigure(a: number | boolean | null, b: number | boolean | null): boolean {
  return a === b;
}

/** A warning for each final figure more than `threshold` (a share, 0,1 = 10 %) away from its estimate. */
export function estimateDepartures(plan: Plan, entries: readonly ActualEntry[], lang: Lang, threshold: number = DEPARTURE_THRESHOLD): Finding[] {
  const byCode = new Map<string, ActualEntry>();
  for (const entry of entries) if (!byCode.has(entry.code)) byCode.set(entry.code, entry);
  const findings: Finding[] = [];
  // In plan order, as every other finding list.
  for (const indicator of plan.indicators) {
    const entry = byCode.get(indicator.code);
    if (!entry || indicator.comparator === null || indicator.comparator === "boolean" || !typed(entry.raw) || !typed(entry.estimate)) continue;
    const final = readActual(entry.raw, indicator.comparator);
    const estimate = readActual(entry.estimate, indicator.comparator);
    if (final.kind !== "number" || estimate.kind !== "number") continue;
    const gap = Math.abs(final.value - estimate.value);
    const base = Math.abs(estimate.value);
    if (base === 0 ? gap === 0 : gap / base <= threshold) continue;
    const sheet = entry.location?.sheet ?? "";
    const cell = entry.location?.cell ?? "";
    findings.push({
      severity: "warning",
      rule: "final-departs-from-estimate",
      code: entry.code,
      ...(sheet ? { sheet } : {}),
      ...(cell ? { cell } : {}),
      message: t(
        "period.departure",
        {
          where: cell ? t("judge.where.cell", { cell, code: entry.code, name: indicator.name }, lang) : t("judge.where.code", { code: entry.code, name: indicator.name }, lang),
          estimateCell: entry.location?.estimateCell ?? "—",
          final: formatVietnameseNumber(final.value),
          estimate: formatVietnameseNumber(estimate.value),
          percent: base === 0 ? "∞" : formatVietnameseNumber(Math.round((gap / base) * 1000) / 10),
          threshold: formatVietnameseNumber(threshold * 100),
        },
        lang,
      ),
    });
  }
  return findings;
}

/** The dates typed above the two figure columns (the row just above the header), as "05/12/2026", or null. */
export function figureDates(
  grid: readonly unknown[][],
  layout: { headerRow: number; columns: Partial<Record<"actual" | "estimate", number>> } | null,
): { final: string | null; estimate: string | null } {
  if (!layout || layout.headerRow < 1) return { final: null, estimate: null };
  const line = grid[layout.headerRow - 1];
  const at = (col: number | undefined) => (col === undefined || !Array.isArray(line) ? null : dateText(line[col]));
  return { final: at(layout.columns.actual), estimate: at(layout.columns.estimate) };
}

/** `--from uoc|estimate` / `--from chinh-thuc|final` as people write it, or null. */
export function parseFigureBasis(text: string): FigureBasis | null {
  const folded = text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/gi, "d").toLowerCase().trim().replace(/\s+/g, "-");
  if (/^(estimate|uoc|so-uoc|uoc-thuc-hien)$/.test(folded)) return "estimate";
  if (/^(final|chinh-thuc|so-chinh-thuc|thuc-hien)$/.test(folded)) return "final";
  if (/^(latest|moi-nhat)$/.test(folded)) return "latest";
  return null;
}

export interface SummaryFigures {
  entries: ActualEntry[];
  use: FigureUse;
  /** "Số liệu: …" for the summary's header block, or null when nothing is typed. */
  basisLine: string | null;
  /** Whether the summary's figure column is headed "Ước thực hiện". */
  estimate: boolean;
  /** The change list from the estimate to the final figures (empty when the summary is made from the estimate). */
  changes: string[];
}

/** What one unit's summary is made from, for the CLI and both add-ins alike. */
export function summaryFigures(
  plan: Plan,
  entries: readonly ActualEntry[],
  settings: Settings,
  basis: FigureBasis,
  dates: { final?: string | null; estimate?: string | null } = {},
  estimateWorkbook = false,
): SummaryFigures {
  const chosen = entriesFor(entries, basis);
  const use = figureUse(plan, entries, basis);
  const changes = basis === "estimate" ? [] : estimateToFinal(plan, entries, settings).lines;
  return { entries: chosen, use, basisLine: basisLine(use, dates, settings.lang), estimate: use.kind === "estimate" || (estimateWorkbook && use.kind !== "final"), changes };
}
