// The printable year-end summary sheet of one unit (report.md, "One unit"): the Decree 30 header
// block, the results table under the plan's sections, the tallies per status overall and per
// section, the sentence, the overrides with their reasons, and the signature block.
//
// Generated output: every value is static (the fill-in sheet holds the live formulas), and status
// colours are cell styles. The Decree 30 header block stays in Vietnamese whatever the language: it
// is the legal form of the document; labels, headers and the sentence follow `lang`.
import { t } from "../i18n";
import { isPartial, periodPhrase } from "../period";
import type { ActualEntry, Indicator, Lang, Plan, Status } from "../model";
import { type Summary, type SummaryRow, type Tally } from "../summary";
import { formatNumberFor } from "../validate";
import { SheetBuilder } from "./builder";
import { addDecree30Header, COLORS, decree30Print, placeOf, SHEET_FONT, STYLES } from "./style";
import type { CellStyle, LiteralValue, Rect, WorkbookModel } from "./types";

export interface SummaryWorkbookOptions {
  /** The reporting unit, e.g. "Phường Đông Hải"; by default the plan's issuer. */
  unit?: string;
  year?: number;
  /** "Ước thực hiện" instead of "Thực hiện": the figures are estimates (reports written in Nov–Dec). */
  estimate?: boolean;
  /** The issuing body of the header block, when not the unit itself. */
  issuer?: string;
  /** The date of the report, "2025-12-05" or "05/12/2025"; the date line is left to fill by hand without it. */
  date?: string;
  /** Which figures the summary is made from, as a line under the title ("Số liệu: Ước thực hiện ngày 05/12/2026."). */
  basisLine?: string;
  /** The change list from the estimate to the final figures, printed under the sentence. */
  changes?: string[];
  /** What the unit typed in Ghi chú, by code. The catalog's own notes on an indicator (a misprint
   *  corrected, a unit filled in) are for whoever edits the plan file, not for the report, so the
   *  summary's Ghi chú shows only these, the override and the amber label. */
  unitNotes?: Readonly<Record<string, string>>;
  lang?: Lang;
}

/** The unit's typed notes by code, for `SummaryWorkbookOptions.unitNotes`. */
export function unitNotesOf(entries: readonly ActualEntry[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of entries) {
    const note = typeof entry.note === "string" ? entry.note.trim() : "";
    if (note) out[entry.code] = note;
  }
  return out;
}

const WIDTH = 8;
const COLUMN_WIDTHS = [6, 52, 12, 15, 15, 12, 14, 34];
const LEFT_COLS = 3;
const SIGN_COLS = { col: 5, cols: 3 };

export const NUMBER_FORMAT = "#,##0.###";
export const PERCENT_FORMAT = "#,##0.0#";

/** The fill and text colour of a status cell (or a partial period's label); a near miss is amber. */
export function statusStyle(status: Status | string, nearMiss: boolean): CellStyle {
  if (status === "Vượt" || status === "Đạt" || status === "Đạt tiến độ") return { fill: COLORS.greenFill, font: { color: COLORS.greenText } };
  if (status === "Chậm tiến độ") return { fill: COLORS.redFill, font: { color: COLORS.redText } };
  if (status === "Không đạt") return nearMiss ? { fill: COLORS.amberFill, font: { color: COLORS.amberText } } : { fill: COLORS.redFill, font: { color: COLORS.redText } };
  return { fill: COLORS.greyFill, font: { color: COLORS.greyText } };
}

/** The target as reports write it: 95, "Dưới 2,5", "2 - 4", "Giảm 0,2", "230 (đến năm 2030)". */
export function targetCell(indicator: Indicator, reportYear: number, lang: Lang): LiteralValue {
  const n = (v: number | null | undefined) => (typeof v === "number" ? formatNumberFor(v, lang) : "");
  let text: string | number | null;
  if (indicator.targetPending && indicator.comparator !== "boolean") return null;
  switch (indicator.comparator) {
    case null:
      text = null;
      break;
    case ">=":
    case "=":
      text = indicator.target;
      break;
    case ">":
      text = t("sheet.target.gt", { value: n(indicator.target) }, lang);
      break;
    case "<":
      text = t("sheet.target.lt", { value: n(indicator.target) }, lang);
      break;
    case "<=":
      text = t("sheet.target.le", { value: n(indicator.target) }, lang);
      break;
    case "approx":
      text = t("sheet.target.approx", { value: n(indicator.target) }, lang);
      break;
    case "range":
      text = t("sheet.target.range", { min: n(indicator.targetMin), max: n(indicator.targetMax) }, lang);
      break;
    case "decrease-by":
      text = t("sheet.target.decrease", { value: n(indicator.target) }, lang);
      break;
    case "increase-by":
      text = t("sheet.target.increase", { value: n(indicator.target) }, lang);
      break;
    case "boolean":
      text = t("sheet.target.boolean", {}, lang);
      break;
  }
  if (text !== null && indicator.deadlineYear !== null && indicator.deadlineYear > reportYear) {
    const shown = typeof text === "number" ? formatNumberFor(text, lang) : text;
    return t("sheet.target.by-year", { target: shown, year: indicator.deadlineYear }, lang);
  }
  return text;
}

/** "2025-12-05" or "05/12/2025" → [day, month, year], or null. */
function parseDate(text: string | undefined): [number, number, number] | null {
  if (!text) return null;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text.trim());
  const vn = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text.trim());
  const [d, m, y] = iso ? [Number(iso[3]), Number(iso[2]), Number(iso[1])] : vn ? [Number(vn[1]), Number(vn[2]), Number(vn[3])] : [0, 0, 0];
  if (!y || m < 1 || m > 12 || d < 1 || d > 31) return null;
  return [d, m, y];
}

/** Decree 30 date line: a leading 0 for days 1–9 and for months 1–2 ("ngày 05 tháng 02", "ngày 15 tháng 12"). */
export function dateLine(place: string, date: string | undefined, year: number, lang: Lang): string {
  const parsed = parseDate(date);
  if (!parsed) return t("sheet.place-date-blank", { place, year }, lang);
  const [d, m, y] = parsed;
  return t("sheet.place-date", { place, day: d < 10 ? `0${d}` : String(d), month: m <= 2 ? `0${m}` : String(m), year: y }, lang);
}

function full(row: number): Rect {
  return { row, col: 0, rows: 1, cols: WIDTH };
}

/** A rough row height for wrapped text across the printed width. */
function wrappedHeight(text: string, charsPerLine: number): number {
  return Math.max(1, Math.ceil(text.length / charsPerLine)) * 18 + 4;
}

/** Lines a text wraps to in a column (Times New Roman 13 fits about 0,85 character per width unit). */
function linesIn(text: string, width: number, indent: number): number {
  const perLine = Math.max(8, Math.floor(width * 0.85) - indent * 3);
  return Math.max(1, Math.ceil(text.length / perLine));
}

function noteOf(row: Extract<SummaryRow, { kind: "indicator" }>, summary: Summary, lang: Lang, unitNotes: Readonly<Record<string, string>>): string {
  const parts: string[] = [];
  const typed = unitNotes[row.indicator.code];
  if (typed) parts.push(typed);
  const evaluation = row.evaluation;
  if (evaluation?.override) {
    let text = t("sheet.summary.override-note", { status: t(`status.${evaluation.status}`, {}, lang), reason: evaluation.override.reason }, lang);
    if (evaluation.computedStatus !== evaluation.status) text += t("sheet.summary.override-computed", { computed: t(`status.${evaluation.computedStatus}`, {}, lang) }, lang);
    parts.push(text);
  }
  if (row.status === "Không đạt" && evaluation?.nearMiss) parts.push(summary.amberLabel);
  return parts.join("; ");
}

function actualCell(row: Extract<SummaryRow, { kind: "indicator" }>, lang: Lang): LiteralValue {
  const actual = row.evaluation?.actual ?? null;
  if (typeof actual === "boolean") return t(actual ? "sheet.boolean.true" : "sheet.boolean.false", {}, lang);
  return actual;
}

const STATUS_COLUMNS: Status[] = ["Vượt", "Đạt", "Không đạt", "Chưa có số liệu", "Chưa đến hạn"];

function writeTallyRow(b: SheetBuilder, row: number, label: string, tally: Tally, bold: boolean): void {
  b.set(row, 0, label);
  b.merge({ row, col: 0, rows: 1, cols: 2 });
  b.set(row, 2, tally.counted, NUMBER_FORMAT);
  STATUS_COLUMNS.forEach((status, i) => b.set(row, 3 + i, tally.byStatus[status], NUMBER_FORMAT));
  b.style({ row, col: 0, rows: 1, cols: WIDTH }, { ...STYLES.body, ...(bold ? { font: { bold: true } } : {}) });
  b.style({ row, col: 2, rows: 1, cols: WIDTH - 2 }, { ...STYLES.bodyCenter, ...(bold ? { font: { bold: true } } : {}) });
}

/** The summary workbook of one unit: one printable sheet. */
export function buildSummaryWorkbook(plan: Plan, summary: Summary, options: SummaryWorkbookOptions = {}): WorkbookModel {
  const lang = options.lang ?? summary.lang;
  const year = options.year ?? summary.reportYear;
  const unit = options.unit ?? plan.issuer;
  const headerBody = options.issuer ?? unit;
  const b = new SheetBuilder(t("sheet.summary.name", {}, lang), "summary", SHEET_FONT);
  COLUMN_WIDTHS.forEach((w, i) => b.width(i, w));

  const lines: { text: string; style?: CellStyle }[] = [];
  if (options.issuer && options.unit) lines.push({ text: t("sheet.summary.subtitle-unit", { unit: options.unit }, lang) });
  lines.push({ text: t("sheet.summary.plan", { plan: plan.title, issuer: plan.issuer }, lang) + (options.basisLine ? ` ${options.basisLine}` : "") });
  const partial = isPartial(summary.period);
  const title = partial
    ? t("period.summary.title", { period: periodPhrase(summary.period, year, lang).toLocaleUpperCase("vi") }, lang)
    : t("sheet.summary.title", { year }, lang);
  let row = addDecree30Header(b, { row: 0, width: WIDTH, leftCols: LEFT_COLS, unit: headerBody, year, title, lines });
  // The header block leaves the date to fill by hand; write it when it is known.
  b.set(2, LEFT_COLS, dateLine(placeOf(headerBody), options.date, year, lang));
  b.rowHeight(4, wrappedHeight(lines[lines.length - 1]?.text ?? "", 140));
  row += 1;

  const headerRow = row;
  const headers = [
    t("sheet.col.stt", {}, lang),
    t("sheet.col.name", {}, lang),
    t("sheet.col.unit", {}, lang),
    t("sheet.col.target", { year }, lang),
    partial
      ? t(options.estimate ? "period.col.actual-estimate" : "period.col.actual", { period: periodPhrase(summary.period, year, lang) }, lang)
      : t(options.estimate ? "sheet.col.actual-estimate" : "sheet.col.actual", { year }, lang),
    t(partial ? "period.col.percent" : "sheet.col.percent", {}, lang),
    t("sheet.col.status", {}, lang),
    t("sheet.col.note", {}, lang),
  ];
  headers.forEach((text, col) => b.set(headerRow, col, text));
  b.style({ row: headerRow, col: 0, rows: 1, cols: WIDTH }, STYLES.tableHeader);
  b.rowHeight(headerRow, 40);
  row = headerRow + 1;

  for (const item of summary.rows) {
    if (item.kind === "section") {
      const [numeral, ...rest] = item.label.split(". ");
      b.set(row, 0, numeral ?? "");
      b.set(row, 1, rest.join(". "));
      for (let col = 2; col < WIDTH; col++) b.set(row, col, null);
      b.style(full(row), { ...STYLES.body, font: { bold: true } });
      b.style({ row, col: 0, rows: 1, cols: 1 }, { horizontal: "center" });
      row++;
      continue;
    }
    const { indicator, evaluation, depth } = item;
    const target = targetCell(indicator, summary.reportYear, lang);
    b.set(row, 0, indicator.code);
    b.set(row, 1, indicator.name);
    b.set(row, 2, indicator.unit);
    b.set(row, 3, target, typeof target === "number" ? NUMBER_FORMAT : null);
    const actual = actualCell(item, lang);
    b.set(row, 4, actual, typeof actual === "number" ? NUMBER_FORMAT : null);
    b.set(row, 5, evaluation?.percent ?? null, PERCENT_FORMAT);
    b.set(row, 6, t(`status.${item.label}`, {}, lang));
    b.set(row, 7, noteOf(item, summary, lang, options.unitNotes ?? {}));
    const lines = Math.max(linesIn(indicator.name, COLUMN_WIDTHS[1] as number, depth), linesIn(noteOf(item, summary, lang, options.unitNotes ?? {}), COLUMN_WIDTHS[7] as number, 0));
    if (lines > 1) b.rowHeight(row, lines * 17 + 4);
    b.style(full(row), STYLES.body);
    b.style({ row, col: 0, rows: 1, cols: 1 }, { horizontal: "center" });
    b.style({ row, col: 2, rows: 1, cols: 1 }, { horizontal: "center" });
    b.style({ row, col: 3, rows: 1, cols: 3 }, { horizontal: "right" });
    b.style({ row, col: 6, rows: 1, cols: 1 }, { horizontal: "center", ...statusStyle(item.label, evaluation?.nearMiss ?? false) });
    if (depth > 0) b.style({ row, col: 1, rows: 1, cols: 1 }, { indent: depth, font: { italic: true } });
    if (item.hasChildren && depth === 0) b.style({ row, col: 1, rows: 1, cols: 1 }, { font: { bold: true } });
    row++;
  }
  row++;

  // Tallies per status: per section when the plan has sections, then overall.
  const scopeKey = summary.countLevel === "leaf" ? "sheet.summary.totals-scope-leaf" : "sheet.summary.totals-scope-top";
  const totalsTitle = `${t("sheet.summary.totals-title", {}, lang)} ${t(scopeKey, { count: summary.tally.counted }, lang)}`;
  b.block(full(row), totalsTitle, { font: { bold: true }, horizontal: "left" });
  row++;
  b.set(row, 0, "");
  b.merge({ row, col: 0, rows: 1, cols: 2 });
  b.set(row, 2, t("sheet.summary.totals-counted", {}, lang));
  STATUS_COLUMNS.forEach((status, i) => b.set(row, 3 + i, t(`status.${status}`, {}, lang)));
  b.style({ row, col: 0, rows: 1, cols: WIDTH }, STYLES.tableHeader);
  row++;
  if (summary.hasSections) {
    for (const section of summary.sections) {
      writeTallyRow(b, row, t("sheet.summary.totals-section", { section: section.label }, lang), section.tally, false);
      row++;
    }
  }
  writeTallyRow(b, row, t(summary.hasSections ? "sheet.summary.totals-all" : "sheet.summary.totals-overall", {}, lang), summary.tally, true);
  row += 2;

  // The sentence, as the report writer pastes it.
  b.block(full(row), t("sheet.summary.sentence-label", {}, lang), { font: { bold: true } });
  row++;
  b.block(full(row), summary.sentence, { wrap: true, vertical: "top", horizontal: "left" });
  b.rowHeight(row, wrappedHeight(summary.sentence, 140));
  row += 2;

  if (options.changes && options.changes.length > 0) {
    b.block(full(row), t("period.changes-title", {}, lang), { font: { bold: true } });
    row++;
    for (const line of options.changes) {
      b.block(full(row), line, { wrap: true, vertical: "top" });
      b.rowHeight(row, wrappedHeight(line, 140));
      row++;
    }
    row++;
  }

  if (summary.overrides.length > 0) {
    b.block(full(row), t("sheet.summary.overrides-title", {}, lang), { font: { bold: true } });
    row++;
    for (const o of summary.overrides) {
      const text = t(
        "sheet.summary.override-line",
        { code: o.code, name: o.name, computed: t(`status.${o.computedStatus}`, {}, lang), status: t(`status.${o.status}`, {}, lang), reason: o.reason },
        lang,
      );
      b.block(full(row), text, { wrap: true, vertical: "top" });
      b.rowHeight(row, wrappedHeight(text, 140));
      row++;
    }
    row++;
  }

  // Signature block, right-hand side.
  const signRow = row;
  const sign = (r: number): Rect => ({ row: r, col: SIGN_COLS.col, rows: 1, cols: SIGN_COLS.cols });
  b.block(sign(signRow), t("sheet.summary.sign-for", {}, lang), { font: { bold: true }, horizontal: "center" });
  b.block(sign(signRow + 1), t("sheet.summary.sign-title", {}, lang), { font: { bold: true }, horizontal: "center" });
  for (let r = signRow + 2; r < signRow + 6; r++) b.set(r, 0, null);

  const sheet = b.finish(WIDTH);
  sheet.print = decree30Print({ first: headerRow, last: headerRow });
  return {
    sheets: [sheet],
    metadata: { kind: "summary", planId: plan.id, year: String(year), unit, countLevel: summary.countLevel },
  };
}
