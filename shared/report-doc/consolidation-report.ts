// The consolidated report of the collecting office (a ward from its departments, the city from its
// wards), from the consolidation result (shared/consolidate.ts): how many units were used, each
// unit's counts, the ranking (the basis for commendations), the register of units whose report is
// missing or could not be used, the ranking chart, and per indicator how many units achieved it as
// the appendix.
import type { Consolidation, RegisterEntry } from "../consolidate";
import { rankingChart } from "../chart/model";
import { t } from "../i18n";
import { formatFigure, formatPercent, headerBlock, periodText, recipientsOf, reporterName, signatureBlock, type ReportOptions } from "./common";
import type { Block, ReportDocument, ReportTable, TableCell } from "./model";

export interface ConsolidationReportOptions extends ReportOptions {
  /** The collecting office, e.g. "Thành phố Hải Phòng" (required: the consolidation has no issuer of its own). */
  unit: string;
  /** How many files or units were given (used + in the register as unusable). */
  given?: number;
}

function registerWho(entry: RegisterEntry): string {
  return entry.unit && entry.file ? `${entry.unit} (${entry.file})` : entry.unit ?? entry.file ?? "?";
}

function unitsTable(consolidation: Consolidation, lang: Lang): ReportTable {
  const header = [
    t("report.col.rank", {}, lang),
    t("report.col.unit-name", {}, lang),
    t("report.col.count", {}, lang),
    t("status.Vượt", {}, lang),
    t("status.Đạt", {}, lang),
    t("status.Không đạt", {}, lang),
    t("status.Chưa có số liệu", {}, lang),
    t("report.col.share", {}, lang),
    t("report.col.mean", {}, lang),
  ];
  const rows: TableCell[][] = consolidation.ranking.map((u) => [
    { text: String(u.rank), align: "center" },
    { text: u.unit + (u.flagged ? " (*)" : "") },
    { text: String(u.tally.due), align: "center" },
    { text: String(u.tally.byStatus["Vượt"]), align: "center" },
    { text: String(u.tally.byStatus["Đạt"]), align: "center" },
    { text: String(u.tally.byStatus["Không đạt"]), align: "center" },
    { text: String(u.tally.byStatus["Chưa có số liệu"]), align: "center" },
    { text: formatPercent(u.shareAchieved, lang), align: "right" },
    { text: formatPercent(u.meanCompletion, lang), align: "right" },
  ]);
  return { header, widths: [10, 24, 9, 9, 8, 10, 10, 10, 10], rows };
}

type Lang = Consolidation["lang"];

/** Per indicator row of the matrix: how many units achieved it, missed it, have no data; the total where amounts add up. */
function matrixTable(consolidation: Consolidation, lang: Lang): ReportTable {
  const year = consolidation.reportYear;
  const header = [
    t("sheet.col.stt", {}, lang),
    t("sheet.col.name", {}, lang),
    t("sheet.col.unit", {}, lang),
    t("sheet.col.target", { year }, lang),
    t("report.col.units-achieved", {}, lang),
    t("report.col.units-missed", {}, lang),
    t("report.col.units-no-data", {}, lang),
    t("report.col.total", {}, lang),
  ];
  const rows: TableCell[][] = consolidation.rows.map((row) => {
    const cells = row.cells.filter((c) => c !== null);
    const achieved = cells.filter((c) => c.status === "Vượt" || c.status === "Đạt").length;
    const missed = cells.filter((c) => c.status === "Không đạt").length;
    const noData = cells.filter((c) => c.status === "Chưa có số liệu").length;
    const target =
      row.comparator === "range" && row.targetMin !== undefined && row.targetMax !== undefined ? `${formatFigure(row.targetMin, lang)} - ${formatFigure(row.targetMax, lang)}` : formatFigure(row.target, lang);
    return [
      { text: row.code, align: "center" },
      { text: row.name, indent: row.depth, italic: row.depth > 0 },
      { text: row.unit, align: "center" },
      { text: row.targetVaries ? "…" : target, align: "right" },
      { text: `${achieved}/${cells.length}`, align: "center" },
      { text: String(missed), align: "center" },
      { text: String(noData), align: "center" },
      { text: row.total ? formatFigure(row.total.actual, lang) + (row.total.missing > 0 ? ` (${row.total.contributing}/${row.total.contributing + row.total.missing})` : "") : "", align: "right" },
    ];
  });
  return { header, widths: [6, 44, 10, 11, 10, 10, 10, 14], rows };
}

export function buildConsolidationReport(consolidation: Consolidation, options: ConsolidationReportOptions): ReportDocument {
  const lang = options.lang ?? consolidation.lang;
  const year = consolidation.reportYear;
  const reporter = reporterName(options.unit, lang);
  const used = consolidation.units.length;
  const unusable = consolidation.register.filter((r) => r.kind !== "validation-errors").length;
  const total = options.given ?? used + unusable;

  const body: Block[] = [];
  body.push({ kind: "paragraph", runs: [{ text: t("report.intro-consolidated", { count: total, reporter, year }, lang) }] });
  body.push({ kind: "heading", level: 1, text: t("report.h.overall", {}, lang) });
  const best = consolidation.ranking.filter((u) => u.rank === 1);
  const ranked = best.length > 0 && best[0]?.shareAchieved !== null ? t("report.overall-best", { units: best.map((u) => u.unit).join(", "), share: formatPercent(best[0]?.shareAchieved, lang) }, lang) : "";
  body.push({ kind: "paragraph", runs: [{ text: t("report.overall-consolidated", { used, total, ranked }, lang).trim() }] });
  body.push({ kind: "chart", chart: rankingChart(consolidation, lang), caption: t("report.chart-ranking", {}, lang) });

  body.push({ kind: "heading", level: 1, text: t("report.h.units", {}, lang) });
  for (const u of consolidation.units) {
    const by = u.tally.byStatus;
    let text = t("report.unit-line", { unit: u.unit, achieved: u.tally.achieved, due: u.tally.due, exceeded: by["Vượt"], met: by["Đạt"], missed: by["Không đạt"], noData: by["Chưa có số liệu"] }, lang);
    if (u.flagged) text += t("report.unit-flagged", { errors: u.errorCount }, lang);
    body.push({ kind: "item", runs: [{ text: text + ";" }] });
  }

  body.push({ kind: "heading", level: 1, text: t("report.h.ranking", {}, lang) });
  body.push({ kind: "table", table: unitsTable(consolidation, lang) });

  body.push({ kind: "heading", level: 1, text: t("report.h.register", {}, lang) });
  if (consolidation.register.length === 0) body.push({ kind: "paragraph", runs: [{ text: t("report.register-empty", {}, lang) }] });
  for (const entry of consolidation.register) body.push({ kind: "item", runs: [{ text: t("report.register-line", { who: registerWho(entry), reason: entry.reason }, lang) }] });

  body.push({ kind: "heading", level: 1, text: t("report.h.c-proposals", {}, lang) });
  body.push({ kind: "paragraph", runs: [{ text: t("report.proposals-blank", {}, lang) }] });
  body.push({ kind: "paragraph", runs: [{ text: t("report.see-appendix", {}, lang), italic: true }] });

  const summaryLine = t("report.summary-consolidated", { period: periodText(options.period, year, lang) }, lang);
  return {
    lang,
    properties: { title: `${t("report.kind", {}, lang)} ${summaryLine}`, subject: summaryLine, creator: t("report.property-creator", {}, lang) },
    header: headerBlock(options.unit, year, options.date, lang),
    title: { kind: t("report.kind", {}, lang), summary: summaryLine },
    body,
    signature: signatureBlock(lang),
    recipients: recipientsOf(options.recipient, lang),
    appendix: {
      title: t("report.appendix-title", {}, lang),
      subtitle: t("report.appendix-subtitle-consolidated", { year }, lang),
      note: t("report.appendix-note", { year, reporter }, lang),
      table: matrixTable(consolidation, lang),
    },
  };
}
