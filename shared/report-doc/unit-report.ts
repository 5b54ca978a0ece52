// The report of one unit, from its plan and summary (shared/summary.ts): the sentence and the
// counts, the indicators exceeded and those not achieved with their figures and giải trình, those
// without data or not yet due, the overrides and why, the charts, and the results table as the
// appendix.
import { completionChart, countsChart } from "../chart/model";
import { t } from "../i18n";
import type { Lang, Plan } from "../model";
import { sentenceName, type NamedIndicator, type Summary, type SummaryRow } from "../summary";
import { formatFigure, formatPercent, headerBlock, periodText, recipientsOf, reporterName, sameBody, signatureBlock, targetText, type ReportOptions } from "./common";
import { STATUS_FILLS, type Block, type ReportDocument, type ReportTable, type Run, type TableCell } from "./model";

export interface UnitReportOptions extends ReportOptions {
  /** What the unit wrote in "Ghi chú" / "Giải trình" for each indicator, by code: the giải trình of the narrative. */
  notes?: Record<string, string>;
}

type IndicatorRow = Extract<SummaryRow, { kind: "indicator" }>;

function unitSuffix(unit: string): string {
  const u = unit.trim();
  if (u.length === 0 || u === "%") return u;
  return ` ${u}`;
}

/** "kế hoạch 7.200 tỷ đồng; thực hiện 7.400 tỷ đồng, đạt 102,8% kế hoạch" of one row. */
function figuresOf(row: IndicatorRow, summary: Summary, lang: Lang, estimate: boolean): string {
  const ind = row.indicator;
  const unit = unitSuffix(ind.unit);
  // "Không quá 0,83" reads "không quá 0,83" inside the sentence.
  const target = lowerFirst(targetText(ind, summary.reportYear, lang));
  const actualValue = row.evaluation?.actual ?? null;
  // The unit follows a figure, not a yes/no answer or a target without a number.
  const withUnit = (text: string) => (/\d/.test(text) ? text + unit : text);
  const actual = typeof actualValue === "number" ? withUnit(formatFigure(actualValue, lang)) : formatFigure(actualValue, lang);
  let text = t("report.figures", { target: withUnit(target), actual, actualLabel: t(estimate ? "report.actual-estimate" : "report.actual", {}, lang) }, lang);
  const percent = formatPercent(row.evaluation?.percent, lang);
  if (percent) text += t("report.indicator-percent", { percent }, lang);
  if (row.status === "Không đạt" && row.evaluation?.nearMiss) text += t("report.near-miss", { amber: summary.amberLabel.toLocaleLowerCase("vi") }, lang);
  return text;
}

function lowerFirst(text: string): string {
  return /^\p{Lu}\p{Ll}/u.test(text) ? text.charAt(0).toLocaleLowerCase("vi") + text.slice(1) : text;
}

/**
 * "Tổng thu ngân sách: kế hoạch 7.200 tỷ đồng; thực hiện 7.400 tỷ đồng, đạt 102,8% kế hoạch." A
 * heading judged from its sub-items gives theirs: "Tỷ lệ suy dinh dưỡng: chiều cao: …; cân nặng: …".
 */
function figuresSentence(row: IndicatorRow, summary: Summary, lang: Lang, estimate: boolean, rows: IndicatorRow[]): string {
  const name = sentenceName(row.indicator.name);
  if (row.indicator.comparator !== null || !row.hasChildren) return `${name}: ${figuresOf(row, summary, lang, estimate)}.`;
  const children = rows.filter((r) => r.depth === row.depth + 1 && r.code.startsWith(row.code + "."));
  const parts = children.map((c) => `${lowerFirst(sentenceName(c.indicator.name))} ${figuresOf(c, summary, lang, estimate)}`);
  return `${name} (${t(`status.${row.status}`, {}, lang).toLocaleLowerCase("vi")}): ${parts.join("; ")}.`;
}

function explanationOf(row: IndicatorRow, notes: Record<string, string> | undefined): string | null {
  const parts: string[] = [];
  const note = notes?.[row.code]?.trim();
  if (note) parts.push(note);
  const reason = row.evaluation?.override?.reason?.trim();
  if (reason && reason !== note) parts.push(reason);
  return parts.length > 0 ? parts.join("; ") : null;
}

/** One item per indicator; a missed one always gets a giải trình line (dotted for the writer when the unit gave none). */
function indicatorItems(named: NamedIndicator[], rowsByCode: Map<string, IndicatorRow>, summary: Summary, options: UnitReportOptions, lang: Lang, askWhy: boolean): Block[] {
  const blocks: Block[] = [];
  for (const { code } of named) {
    const row = rowsByCode.get(code);
    if (!row) continue;
    const runs: Run[] = [{ text: `${code}. `, bold: true }, { text: figuresSentence(row, summary, lang, options.estimate ?? false, Array.from(rowsByCode.values())) }];
    blocks.push({ kind: "item", runs });
    const why = explanationOf(row, options.notes);
    if (why) blocks.push({ kind: "paragraph", runs: [{ text: t("report.explanation", {}, lang), italic: true }, { text: why }] });
    else if (askWhy) blocks.push({ kind: "paragraph", runs: [{ text: t("report.explanation-blank", {}, lang), italic: true }] });
  }
  return blocks;
}

/** What Đánh giá shows: a partial period's label ("Đạt tiến độ") where the core gave one, else the status. */
function shownStatus(row: IndicatorRow, lang: Lang): string {
  const label = row.evaluation?.label;
  if (label && label !== row.status) return lang === "vi" ? label : t(`status.${row.status}`, {}, lang);
  return t(`status.${row.status}`, {}, lang);
}

/** The appendix: the summary's table as printed on the summary sheet, under the plan's sections. */
export function resultsTable(summary: Summary, estimate: boolean, lang: Lang): ReportTable {
  const year = summary.reportYear;
  const header = [
    t("sheet.col.stt", {}, lang),
    t("sheet.col.name", {}, lang),
    t("sheet.col.unit", {}, lang),
    t("sheet.col.target", { year }, lang),
    t(estimate ? "sheet.col.actual-estimate" : "sheet.col.actual", { year }, lang),
    t("sheet.col.percent", {}, lang),
    t("sheet.col.status", {}, lang),
    t("sheet.col.note", {}, lang),
  ];
  const rows: TableCell[][] = [];
  for (const row of summary.rows) {
    if (row.kind === "section") {
      const [numeral, ...rest] = row.label.split(". ");
      rows.push([{ text: numeral ?? "", bold: true, align: "center" }, { text: rest.join(". "), bold: true, span: 7 }]);
      continue;
    }
    const evaluation = row.evaluation;
    const notes: string[] = [];
    if (row.indicator.note) notes.push(row.indicator.note);
    if (evaluation?.override) notes.push(t("sheet.summary.override-note", { status: t(`status.${evaluation.status}`, {}, lang), reason: evaluation.override.reason }, lang));
    if (row.status === "Không đạt" && evaluation?.nearMiss) notes.push(summary.amberLabel);
    const near = row.status === "Không đạt" && (evaluation?.nearMiss ?? false);
    rows.push([
      { text: row.code, align: "center" },
      { text: row.indicator.name, indent: row.depth, italic: row.depth > 0, bold: row.depth === 0 && row.hasChildren },
      { text: row.indicator.unit, align: "center" },
      { text: targetText(row.indicator, year, lang), align: "right" },
      { text: formatFigure(evaluation?.actual ?? null, lang), align: "right" },
      { text: formatPercent(evaluation?.percent, lang), align: "right" },
      { text: shownStatus(row, lang), align: "center", fill: near ? STATUS_FILLS.near : STATUS_FILLS[row.status] },
      { text: notes.join("; ") },
    ]);
  }
  return { header, widths: [6, 40, 10, 11, 11, 9, 10, 22], rows };
}

/** The report of one unit. */
export function buildUnitReport(plan: Plan, summary: Summary, options: UnitReportOptions = {}): ReportDocument {
  const lang = options.lang ?? summary.lang;
  const year = summary.reportYear;
  const unit = options.unit ?? plan.issuer;
  const reporter = reporterName(unit, lang);
  const rowsByCode = new Map<string, IndicatorRow>();
  for (const row of summary.rows) if (row.kind === "indicator") rowsByCode.set(row.code, row);
  const tally = summary.tally;
  const by = tally.byStatus;

  const body: Block[] = [];
  // A unit reporting on its own plan does not name itself twice.
  const ownPlan = sameBody(plan.issuer, unit);
  const introKey = (options.estimate ? "report.intro-estimate" : "report.intro") + (ownPlan ? "-own" : "");
  body.push({ kind: "paragraph", runs: [{ text: t(introKey, { plan: plan.title, issuer: plan.issuer, reporter, year }, lang) }] });
  body.push({ kind: "heading", level: 1, text: t("report.h.overall", {}, lang) });
  body.push({ kind: "paragraph", runs: [{ text: summary.sentence }] });
  let counts = t(
    "report.counts",
    { due: tally.due, exceeded: by["Vượt"], met: by["Đạt"], missed: by["Không đạt"], nearMiss: tally.nearMiss, amber: summary.amberLabel.toLocaleLowerCase("vi"), noData: by["Chưa có số liệu"] },
    lang,
  );
  if (by["Chưa đến hạn"] > 0) counts += t("report.counts-not-due", { notDue: by["Chưa đến hạn"] }, lang);
  body.push({ kind: "paragraph", runs: [{ text: counts }] });
  // The small chart first: it usually fits under the counts on page 1, the long one takes the next page.
  body.push({ kind: "chart", chart: countsChart(summary, lang), caption: t("report.chart-counts", {}, lang) });
  body.push({ kind: "chart", chart: completionChart(summary, lang), caption: t("report.chart-completion", {}, lang) });

  body.push({ kind: "heading", level: 1, text: t("report.h.exceeded", {}, lang) });
  if (summary.exceeded.length === 0) body.push({ kind: "paragraph", runs: [{ text: t("report.none-exceeded", {}, lang) }] });
  else for (const b of indicatorItems(summary.exceeded, rowsByCode, summary, options, lang, false)) body.push(b);

  body.push({ kind: "heading", level: 1, text: t("report.h.missed", {}, lang) });
  if (summary.missed.length === 0) body.push({ kind: "paragraph", runs: [{ text: t("report.none-missed", {}, lang) }] });
  else for (const b of indicatorItems(summary.missed, rowsByCode, summary, options, lang, true)) body.push(b);

  let next = 4;
  const roman = ["I", "II", "III", "IV", "V", "VI", "VII"];
  const numbered = (key: string) => {
    // Headings after III are renumbered when a part is left out, so the numerals stay consecutive.
    const text = t(key, {}, lang).replace(/^[IVX]+\./, `${roman[next - 1]}.`);
    next++;
    return text;
  };
  if (summary.noData.length > 0 || summary.notDue.length > 0) {
    body.push({ kind: "heading", level: 1, text: numbered("report.h.pending") });
    const names = (list: NamedIndicator[]) => list.map((n) => `${n.code}. ${sentenceName(n.name)}`).join("; ");
    if (summary.noData.length > 0) body.push({ kind: "item", runs: [{ text: t("report.pending-no-data", {}, lang), italic: true }, { text: names(summary.noData) + "." }] });
    if (summary.notDue.length > 0) body.push({ kind: "item", runs: [{ text: t("report.pending-not-due", {}, lang), italic: true }, { text: names(summary.notDue) + "." }] });
  }
  if (summary.overrides.length > 0) {
    body.push({ kind: "heading", level: 1, text: numbered("report.h.overrides") });
    for (const o of summary.overrides) {
      const text = t("report.override", { name: sentenceName(o.name), computed: t(`status.${o.computedStatus}`, {}, lang), status: t(`status.${o.status}`, {}, lang), reason: o.reason }, lang);
      body.push({ kind: "item", runs: [{ text: `${o.code}. `, bold: true }, { text }] });
    }
  }
  body.push({ kind: "heading", level: 1, text: numbered("report.h.proposals") });
  body.push({ kind: "paragraph", runs: [{ text: t("report.proposals-blank", {}, lang) }] });
  body.push({ kind: "paragraph", runs: [{ text: t("report.see-appendix", {}, lang), italic: true }] });

  const summaryLine = t("report.summary", { period: periodText(options.period, year, lang) }, lang);
  return {
    lang,
    properties: { title: `${t("report.kind", {}, lang)} ${summaryLine}`, subject: plan.title, creator: t("report.property-creator", {}, lang) },
    header: headerBlock(unit, year, options.date, lang),
    title: { kind: t("report.kind", {}, lang), summary: summaryLine },
    body,
    signature: signatureBlock(lang),
    recipients: recipientsOf(options.recipient ?? plan.issuer, lang),
    appendix: {
      title: t("report.appendix-title", {}, lang),
      subtitle: t("report.appendix-subtitle", { year }, lang),
      note: t("report.appendix-note", { year, reporter }, lang),
      table: resultsTable(summary, options.estimate ?? false, lang),
    },
  };
}
