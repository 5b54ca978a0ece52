// Google Sheets embedded charts on the summary sheet and the ranking sheet: the same bindings as
// the .xlsx and Excel (shared/chart/binding.ts). Each chart's data are the sheet's own ranges
// (categories, then values), so it redraws when a figure changes. What Sheets cannot do through
// SpreadsheetApp: colour single bars (per-point styles exist only in the Sheets REST API, which
// needs the wide `spreadsheets` scope the standard installation avoids), so the bars take one
// colour and the status stays beside them in the table; the 100 % line is the axis' gridline at
// 100 (gridlines every 100 on the completion chart).
import { workbookChartBindings, type BoundChart } from "../../../shared/chart/binding";
import type { Lang } from "../../../shared/model";
import { rectA1 } from "../../../shared/sheet/a1";
import type { WorkbookModel } from "../../../shared/sheet/types";

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
