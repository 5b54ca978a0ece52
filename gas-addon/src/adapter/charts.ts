// Google Sheets embedded charts on the summary sheet and the ranking sheet: the same bindings as
// the .xlsx and Excel (shared/chart/binding.ts). Each chart's data are the sheet's own ranges
// (categories, then values), so it redraws when a figure changes. What Sheets cannot do through
// SpreadsheetApp: colour single bars (per-point styles exist only in the Sheets REST API, which
// needs the wide `spreadsheets` scope the standard installation avoids), so the bars take one
// colour and the status stays beside them in the table; the 100 % line is the axis' gridline at
// 100 (gridlines every 100 on the completion chart). The commands use `lookUpSheetCharts`: our
// charts are listed in the read phase, before any write, and replaced with writes only after the
// render, so the charts add no flush (Apps Script sends pending writes when a read follows them).
import { workbookChartBindings, type BoundChart } from "../../../shared/chart/binding";
import { t } from "../../../shared/i18n";
import type { Lang } from "../../../shared/model";
import { rectA1 } from "../../../shared/sheet/a1";
import type { SheetModel, WorkbookModel } from "../../../shared/sheet/types";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** The colour of the bars (the "met" green of the other outputs). */
export const SHEETS_BAR_COLOR = "#1B7F3B";

/** Whether an embedded chart is one of ours: its title is one we write on this sheet. */
function isOwnChart(chart: GoogleAppsScript.Spreadsheet.EmbeddedChart, titles: Set<string>): boolean {
  const title = chart.getOptions().get("title");
  return typeof title === "string" && titles.has(title);
}

/** Writes the charts the written sheets carry (ours replaced, the user's kept); returns how many. */
export function writeSheetCharts(spreadsheet: Spreadsheet, model: WorkbookModel | null, lang: Lang): number {
  if (!model) return 0;
  const charts = workbookChartBindings(model.sheets, lang);
  const bySheet = new Map<string, BoundChart[]>();
  for (const chart of charts) {
    const list = bySheet.get(chart.sheet) ?? [];
    list.push(chart);
    bySheet.set(chart.sheet, list);
  }
  let written = 0;
  for (const [name, list] of bySheet) {
    const sheet = spreadsheet.getSheetByName(name);
    if (!sheet) continue;
    const titles = new Set(list.map((c) => c.title));
    for (const existing of sheet.getCharts()) if (isOwnChart(existing, titles)) sheet.removeChart(existing);
    for (const chart of list) {
      sheet.insertChart(buildChart(sheet, chart));
      written++;
    }
  }
  return written;
}

/** Our chart titles in both languages, any year: a chart of ours made in another year or language is still ours. */
const OWN_TITLES: RegExp[] = (["chart.completion.title", "chart.counts.title", "chart.ranking.title"] as const).flatMap((key) =>
  (["vi", "en"] as const).map((lang) => {
    const [before, after] = t(key, { year: "\u0000" }, lang).split("\u0000") as [string, string];
    const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    return new RegExp(`^${escape(before)}(?:\\d{4})?${escape(after ?? "")}$`);
  }),
);

export function isOwnTitle(title: unknown): boolean {
  return typeof title === "string" && OWN_TITLES.some((re) => re.test(title));
}

/**
 * What the charts of a model are bound to (sheet, kind, title, ranges, place), as a short text: when it
 * is what the last run drew, the charts already there follow the new figures by themselves (they are
 * bound to the cells), so nothing needs to be drawn again.
 */
export function chartSignature(model: WorkbookModel, lang: Lang): string {
  const text = JSON.stringify(workbookChartBindings(model.sheets, lang).map((c) => [c.sheet, c.kind, c.title, c.categories, c.values, c.anchor]));
  let hash = 5381;
  for (let i = 0; i < text.length; i++) hash = ((hash * 33) ^ text.charCodeAt(i)) >>> 0;
  return `${text.length}.${hash.toString(36)}`;
}

export interface SheetChartLookup {
  /**
   * After the sheets are written: removes our charts found by the look-up on the sheets the model
   * writes and inserts the new ones, with writes only (no read, so no flush of its own). `sheetFor`
   * gives the handle of each written sheet (from the render). Returns how many charts were inserted.
   */
  draw(model: WorkbookModel | null, lang: Lang, sheetFor: (name: string) => Sheet | null): number;
}

/**
 * In the command's read phase, before any write (so no flush): the sheets of these names that
 * exist, and our charts on them, recognised by their titles.
 */
export function lookUpSheetCharts(spreadsheet: Spreadsheet, sheetNames: readonly string[]): SheetChartLookup {
  const found = new Map<string, { sheet: Sheet; ours: GoogleAppsScript.Spreadsheet.EmbeddedChart[] }>();
  for (const name of new Set(sheetNames)) {
    const sheet = spreadsheet.getSheetByName(name);
    if (!sheet) continue;
    found.set(name.toLowerCase(), { sheet, ours: sheet.getCharts().filter((c) => isOwnTitle(c.getOptions().get("title"))) });
  }
  return {
    draw(model, lang, sheetFor) {
      if (!model) return 0;
      for (const sheet of model.sheets) {
        const before = found.get(sheet.name.toLowerCase());
        if (before) for (const chart of before.ours) before.sheet.removeChart(chart);
      }
      let written = 0;
      for (const chart of workbookChartBindings(model.sheets, lang)) {
        const sheet = sheetFor(chart.sheet) ?? found.get(chart.sheet.toLowerCase())?.sheet ?? null;
        if (!sheet) continue;
        const sheetModel = model.sheets.find((m) => m.name === chart.sheet);
        sheet.insertChart(buildChart(sheet, sheetModel ? placed(chart, sheetModel) : chart));
        written++;
      }
      return written;
    },
  };
}

/**
 * A chart anchored below the table needs that row to exist: the render leaves a sheet at least
 * 1,000 rows (a new sheet's) or the model's rows, and a read of the sheet's size would cost a flush.
 * Past that, the chart goes to the right of the table, level with its first row.
 */
function placed(chart: BoundChart, sheet: SheetModel): BoundChart {
  const rows = Math.max(1000, sheet.cells.length);
  if (chart.anchor.row + 1 <= rows) return chart;
  let width = sheet.columns.length;
  for (const row of sheet.cells) width = Math.max(width, row.length);
  return { ...chart, anchor: { ...chart.anchor, row: chart.values.row, col: width + 1 } };
}

function buildChart(sheet: Sheet, chart: BoundChart): GoogleAppsScript.Spreadsheet.EmbeddedChart {
  const base = sheet.newChart();
  const builder = chart.direction === "bar" ? base.asBarChart() : base.asColumnChart();
  const byRows = chart.values.rows === 1 && chart.values.cols > 1;
  const valueAxis: Record<string, unknown> = { viewWindow: { min: chart.axis.min, ...(chart.axis.max !== null ? { max: chart.axis.max } : {}) } };
  if (chart.axis.majorUnit === 100) valueAxis["gridlines"] = { color: "#000000", interval: 100 };
  return builder
    .addRange(sheet.getRange(rectA1(chart.categories)))
    .addRange(sheet.getRange(rectA1(chart.values)))
    .setTransposeRowsAndColumns(byRows)
    .setPosition(chart.anchor.row + 1, chart.anchor.col + 1, 0, 0)
    .setOption("title", chart.title)
    .setOption("legend", { position: "none" })
    .setOption("colors", [SHEETS_BAR_COLOR])
    .setOption(chart.direction === "bar" ? "hAxis" : "vAxis", valueAxis)
    .setOption("series", { 0: { dataLabel: "value" } })
    .setOption("fontName", "Times New Roman")
    .setOption("height", Math.max(240, chart.anchor.rows * 21))
    .setOption("width", 900)
    .build();
}
