// "Dán báo cáo" (issue 14), the same in both add-ins: a unit's year-end report read into the
// indicator sheet after review, in two steps.
//  1. `readReportCommand`: the loaded plan, the sheet as the host read it and the report's text →
//     the review rows (indicator, the figure as read in the plan's unit, % of plan, how sure, the
//     line it came from, and the figure already typed), the results that fit no indicator, the
//     indicators the report does not mention, and the report's tally checked against the figures
//     as they would stand. Nothing is written.
//  2. `enterReportCommand`: the rows the clerk accepted (figures possibly edited) → the cells to
//     write, and the report's tally kept in the document state (the CLI's `read-report --into` keeps
//     it in the workbook, shared/report/tally-check.ts) so Check and Summary repeat the tally check.
//     If an accepted figure would replace a different typed one, nothing is written: the outcome is
//     a question listing old → new; the host calls again with answers["report-overwrite"] (true:
//     replace them; false: write the others and keep the typed ones).
import { readActual } from "../actual";
import { evaluatePlan } from "../evaluate";
import type { ActualEntry, Evaluation, Finding, Lang, Plan, Settings } from "../model";
import { cellA1 } from "../sheet/a1";
import { reviewReport, showFigure } from "../report/review";
import { checkTallyAgainstPlan, reportTallyFinding, type StoredTally } from "../report/tally-check";
import type { ReportStatus } from "../report/types";
import { formatNumberFor } from "../validate";
import { ask, done, refused, type Answers, type CellWrite, type DocumentInfo, type Outcome, type UserMessage } from "./outcome";
import { say } from "./say";
import { isMessage, readLoadedSheet, type SheetInput } from "./sheet-input";

/** Below this confidence a row is "chưa chắc" and not ticked by default (as the plan import's review). */
export const REPORT_UNSURE = 0.75;

export interface ReportRowView {
  code: string;
  /** The plan's name of the indicator. */
  name: string;
  unit: string;
  /** The name as the report writes it. */
  reportName: string;
  /** The figure as read, in the plan's unit; null when the report gives nothing to enter. */
  figure: number | boolean | null;
  /** The figure as the edit box shows it ("40.120", "95,1", "Đạt"): always the Vietnamese way, as the core reads an edited figure back (as the plan import's review). */
  figureText: string;
  percentOfPlan: number | null;
  status: ReportStatus | null;
  confidence: number;
  unsure: boolean;
  /** Why the figure is not exactly as written, what lowered the confidence. */
  notes: string[];
  span: { line: number; start: number; end: number; text: string };
  /** What the cell holds now, as typed (null when blank), and as shown. */
  old: string | number | boolean | null;
  oldText: string | null;
  cell: string | null;
  /** "new": the cell is blank; "same": it holds this figure; "differs": it holds another (asked before replacing); "nothing": no figure. */
  change: "new" | "same" | "differs" | "nothing";
  /** Ticked by default: a figure to enter, not already there, and the reader is sure of it. */
  accept: boolean;
}

export interface ReportTallyView {
  /** The tally's words as the report writes them, and the line. */
  text: string;
  line: number;
  /** The check against the figures as they would stand ("Báo cáo ghi 18/22 …; theo số liệu là 17/22 …"). */
  message: string | null;
  agrees: boolean | null;
}

export interface ReportReviewView {
  sheet: string;
  rows: ReportRowView[];
  unmatched: { name: string; figureText: string; line: number; text: string }[];
  unmentioned: { code: string; name: string }[];
  tally: ReportTallyView | null;
  /** Handed back with the accepted rows, to be kept in the document state. */
  tallyToStore: StoredTally | null;
  warnings: string[];
}

export interface AcceptedFigure {
  code: string;
  /** The figure: as read, or as the clerk edited it ("40.120", "95,1", "Đạt"). */
  figure: number | boolean | string;
}

export interface EnterReportRequest {
  figures: AcceptedFigure[];
  tally: StoredTally | null;
  answers?: Answers;
}

export interface EnterReportResult {
  sheet: string;
  /** The cells written, in order. */
  cells: string[];
  same: number;
  /** Cells left as typed because the clerk did not want them replaced. */
  kept: string[];
  /** The tally check on the figures as written, when the report has a tally. */
  tally: string | null;
}

type JsonCell = string | number | boolean | null;

function jsonCell(value: unknown): JsonCell {
  if (value === null || value === undefined || value === "") return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  return String(value);
}

function figureText(value: number | boolean | null): string {
  if (value === null) return "";
  return typeof value === "number" ? formatNumberFor(value, "vi") : showFigure(value, "vi");
}

/** Step 1: the review of a report against the loaded plan and the sheet as it stands. */
export function readReportCommand(input: SheetInput, request: { text: string }, lang: Lang): Outcome<ReportReviewView> {
  const read = readLoadedSheet(input, lang);
  if (isMessage(read)) return refused(lang, [read]);
  const text = typeof request.text === "string" ? request.text : "";
  if (text.trim() === "") return refused(lang, [say(lang, "error", "wf.report.empty", {}, { next: "wf.report.empty.next" })]);
  const review = reviewReport({ text, plan: read.plan, entries: read.reading.entries, settings: read.settings, lang });
  const columns = read.reading.layout?.columns ?? {};
  const cellOf = (code: string): string | null => {
    const row = read.reading.rowsByCode.get(code);
    return row === undefined || columns.actual === undefined ? null : cellA1(row, columns.actual);
  };
  const rows: ReportRowView[] = review.rows.map((r) => {
    const unsure = r.confidence < REPORT_UNSURE;
    const old = jsonCell(r.oldValue);
    return {
      code: r.code,
      name: r.name,
      unit: r.unit,
      reportName: r.reportName,
      figure: r.newValue,
      figureText: figureText(r.newValue),
      percentOfPlan: r.percentOfPlan,
      status: r.status,
      confidence: r.confidence,
      unsure,
      notes: r.notes,
      span: { line: r.span.line, start: r.span.start, end: r.span.end, text: r.span.text },
      old,
      oldText: old === null ? null : showFigure(old, lang),
      cell: r.cell ?? cellOf(r.code),
      change: r.change,
      accept: r.newValue !== null && (r.change === "new" || r.change === "differs") && !unsure,
    };
  });
  const tally = review.reading.tally;
  if (rows.length === 0 && !tally) return refused(lang, [say(lang, "error", "wf.report.nothing", {}, { next: "wf.report.nothing.next" })]);
  const view: ReportReviewView = {
    sheet: read.sheet,
    rows,
    unmatched: review.unmatched.map((u) => ({ name: u.name, figureText: resultFigure(u.actual, lang), line: u.span.line, text: u.span.text })),
    unmentioned: review.unmentioned,
    tally: tally ? { text: tally.span.text, line: tally.span.line, message: review.tallyCheck?.message ?? null, agrees: review.tallyCheck?.agrees ?? null } : null,
    tallyToStore: review.tallyToStore,
    warnings: review.reading.warnings.map((w) => w.message),
  };
  const messages: UserMessage[] = [say(lang, "info", "wf.report.read", { rows: rows.length }, { next: "wf.report.read.next" })];
  const unsure = rows.filter((r) => r.unsure).length;
  if (unsure) messages.push(say(lang, "warning", "wf.report.unsure", { count: unsure }));
  const differs = rows.filter((r) => r.change === "differs").length;
  if (differs) messages.push(say(lang, "warning", "wf.report.differs-count", { count: differs }));
  if (view.unmatched.length) messages.push(say(lang, "info", "wf.report.unmatched", { count: view.unmatched.length }));
  if (view.unmentioned.length) messages.push(say(lang, "info", "wf.report.unmentioned", { count: view.unmentioned.length }));
  if (view.tally?.message) messages.push({ severity: view.tally.agrees === false ? "warning" : "info", key: "report.tally", text: view.tally.message });
  else if (!tally) messages.push(say(lang, "info", "wf.report.no-tally"));
  return done(lang, view, [], messages);
}

function resultFigure(actual: unknown, lang: Lang): string {
  if (actual === null || actual === undefined) return "";
  if (typeof actual === "number" || typeof actual === "boolean") return typeof actual === "number" ? formatNumberFor(actual, lang) : showFigure(actual, lang);
  const range = actual as { min: number; max: number };
  return `${formatNumberFor(range.min, lang)} – ${formatNumberFor(range.max, lang)}`;
}

function sameFigure(old: unknown, value: number | boolean, comparator: Plan["indicators"][number]["comparator"]): boolean {
  const read = readActual(old, comparator);
  if (read.kind === "number" && typeof value === "number") return Math.abs(read.value - value) <= Math.max(1e-9, Math.abs(value) * 1e-9);
  if (read.kind === "boolean" && typeof value === "boolean") return read.value === value;
  return false;
}

/** Step 2: the accepted figures → the cells to write (after asking, when a typed figure differs). */
export function enterReportCommand(input: SheetInput, request: EnterReportRequest, lang: Lang): Outcome<EnterReportResult> {
  const read = readLoadedSheet(input, lang);
  if (isMessage(read)) return refused(lang, [read]);
  const figures = Array.isArray(request.figures) ? request.figures : [];
  if (figures.length === 0) return refused(lang, [say(lang, "error", "wf.report.none-accepted", {}, { next: "wf.report.none-accepted.next" })]);
  const columns = read.reading.layout?.columns ?? {};
  const entries = new Map(read.reading.entries.map((e) => [e.code, e]));
  const planned = new Map(read.plan.indicators.map((i) => [i.code, i]));
  const fresh: { code: string; cell: string; value: number | boolean }[] = [];
  const differing: { code: string; cell: string; value: number | boolean; old: unknown }[] = [];
  let same = 0;
  for (const accepted of figures) {
    const code = String(accepted?.code ?? "").trim();
    const indicator = planned.get(code);
    const row = read.reading.rowsByCode.get(code);
    if (!indicator || row === undefined || columns.actual === undefined) return refused(lang, [say(lang, "error", "wf.report.unknown-code", { code })]);
    const cell = cellA1(row, columns.actual);
    const value = figureOf(accepted.figure, indicator.comparator);
    if (value === null) return refused(lang, [say(lang, "error", "wf.report.bad-figure", { code, text: String(accepted.figure) }, { at: { sheet: read.sheet, cell }, next: "wf.report.bad-figure.next" })]);
    const old = entries.get(code)?.raw ?? null;
    const blank = old === null || (typeof old === "string" && old.trim() === "");
    if (blank) fresh.push({ code, cell, value });
    else if (sameFigure(old, value, indicator.comparator)) same++;
    else differing.push({ code, cell, value, old });
  }
  const answer = request.answers?.["report-overwrite"];
  if (differing.length > 0 && answer === undefined) {
    return ask(lang, {
      id: "report-overwrite",
      text: say(lang, "warning", "wf.report.ask", { count: differing.length }).text,
      items: differing.map((d) => ({ code: d.code, text: say(lang, "info", "wf.report.ask.item", { code: d.code, cell: d.cell, old: showFigure(d.old, lang), new: showFigure(d.value, lang) }).text })),
      confirm: say(lang, "info", "wf.report.ask.confirm").text,
      cancel: say(lang, "info", "wf.report.ask.cancel").text,
    });
  }
  const writing = answer === true ? [...fresh, ...differing] : fresh;
  const kept = answer === true ? [] : differing.map((d) => d.cell);
  // Booleans are written as the sheet's own words ("Đạt", "Không đạt"), as text; numbers as numbers.
  const cells: CellWrite[] = writing.map((w) => (typeof w.value === "number" ? { sheet: read.sheet, cell: w.cell, value: w.value } : { sheet: read.sheet, cell: w.cell, value: showFigure(w.value, "vi"), text: true }));
  const document: DocumentInfo = { ...read.document, reportTally: request.tally ?? read.document.reportTally ?? null };
  const after: ActualEntry[] = read.plan.indicators.map((ind) => {
    const w = writing.find((x) => x.code === ind.code);
    const old = entries.get(ind.code);
    return w ? { ...(old ?? { code: ind.code }), code: ind.code, raw: w.value } : (old ?? { code: ind.code, raw: null });
  });
  const tally = document.reportTally ? checkTallyAgainstPlan(document.reportTally, read.plan, evaluatePlan(read.plan, after, read.settings), { countLevel: read.settings.countLevel, lang }) : null;
  const messages: UserMessage[] = [
    cells.length > 0 ? say(lang, "success", "wf.report.written", { count: cells.length, sheet: read.sheet }, { at: { sheet: read.sheet, cell: cells[0].cell } }) : say(lang, "info", "wf.report.written-none"),
  ];
  if (same) messages.push(say(lang, "info", "wf.report.same", { count: same }));
  if (kept.length) messages.push(say(lang, "info", "wf.report.kept", { count: kept.length, cells: kept.join(", ") }));
  if (tally) messages.push({ severity: tally.agrees === false ? "warning" : "info", key: "report.tally", text: tally.message });
  if (request.tally) messages.push(say(lang, "info", "wf.report.tally-stored"));
  const writes = [...(cells.length ? [{ kind: "cells" as const, cells }] : []), ...(request.tally ? [{ kind: "document" as const, info: document }] : [])];
  return done(lang, { sheet: read.sheet, cells: cells.map((c) => c.cell), same, kept, tally: tally?.message ?? null }, writes, messages);
}

/** What the clerk accepted, read as the core reads a typed figure; null when it reads as no figure. */
function figureOf(figure: unknown, comparator: Plan["indicators"][number]["comparator"]): number | boolean | null {
  if (typeof figure === "number") return Number.isFinite(figure) ? figure : null;
  if (typeof figure === "boolean") return figure;
  if (typeof figure !== "string" || figure.trim() === "") return null;
  const read = readActual(figure.trim(), comparator);
  if (read.kind === "number") return read.value;
  if (read.kind === "boolean") return read.value;
  return null;
}

/**
 * The report's tally kept in the document (by "Dán báo cáo", or `read-report --into` in the
 * workbook) against the figures: the finding Check lists and Summary says, the CLI's very rule
 * (shared/report/tally-check.ts reportTallyFinding). Null when none is kept or the figures agree.
 */
export function storedTallyFinding(document: Pick<DocumentInfo, "reportTally">, plan: Plan, evaluations: readonly Evaluation[], settings: Pick<Settings, "countLevel" | "lang">): Finding | null {
  return document.reportTally ? reportTallyFinding(JSON.stringify(document.reportTally), plan, evaluations, settings) : null;
}
