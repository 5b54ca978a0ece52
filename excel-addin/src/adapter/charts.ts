// Native Excel charts on the summary sheet and the ranking sheet, through Office.js: the same
// bindings as the .xlsx the CLI writes (shared/chart/binding.ts). Each series is bound to the
// sheet's cells (ChartSeries.setValues / setXAxisValues, ExcelApi 1.7), so a chart redraws when a
// figure changes; each point is coloured by the status of its row when the sheet was written.
// `writeCharts` on its own takes two requests (the charts already on the sheets — ours replaced, the
// user's kept —, then the new ones); the commands use `lookUpCharts` instead: the look-up rides on
// their read request and the charts on their write request, so charts cost no request at all.
import { workbookChartBindings, type BoundChart } from "../../../shared/chart/binding";
import type { Lang } from "../../../shared/model";
import { rectA1 } from "../../../shared/sheet/a1";
import type { WorkbookModel } from "../../../shared/sheet/types";

/** Our charts are named so; a chart the user made keeps its own name and is never touched. */
export const CHART_PREFIX = "ChiTieu_";

export function chartName(chart: BoundChart): string {
  return `${CHART_PREFIX}${chart.kind}`;
}

/** Writes the charts the written sheets carry; returns how many were added. */
export async function writeCharts(context: Excel.RequestContext, model: WorkbookModel, lang: Lang, actualNames: Map<string, string> = new Map()): Promise<number> {
  const charts = workbookChartBindings(model.sheets, lang);
  if (charts.length === 0) return 0;
  const sheets = new Map<string, Excel.Worksheet>();
  const collections = new Map<string, Excel.ChartCollection>();
  for (const chart of charts) {
    if (sheets.has(chart.sheet)) continue;
    const ws = context.workbook.worksheets.getItem(actualNames.get(chart.sheet) ?? chart.sheet);
    sheets.set(chart.sheet, ws);
    collections.set(chart.sheet, ws.charts.load("items/name"));
  }
  await context.sync();
  for (const collection of collections.values()) for (const existing of collection.items) if (existing.name.startsWith(CHART_PREFIX)) existing.delete();
  for (const chart of charts) addChart(sheets.get(chart.sheet) as Excel.Worksheet, chart);
  await context.sync();
  return charts.length;
}

/**
 * Queues the charts without a request of their own, for a command that has just (re)created the
 * sheets in the batch it is about to sync: no chart of ours can be on them yet, so none is looked
 * up. Returns how many were queued.
 */
export function queueCharts(context: Excel.RequestContext, model: WorkbookModel, lang: Lang, actualNames: Map<string, string> = new Map()): number {
  const charts = workbookChartBindings(model.sheets, lang);
  for (const chart of charts) addChart(context.workbook.worksheets.getItem(actualNames.get(chart.sheet) ?? chart.sheet), chart);
  return charts.length;
}

/** Every chart kind we name: looked up by name so a re-run replaces them without listing the sheet's charts. */
const CHART_KINDS: readonly BoundChart["kind"][] = ["completion", "counts", "ranking"];

export interface ChartLookup {
  /**
   * Queues, in the caller's write batch, the removal of our charts found on the sheets the model
   * writes and the new charts; returns how many are added. Call it after the sync that carried the lookup.
   */
  queue(context: Excel.RequestContext, model: WorkbookModel, lang: Lang, actualNames?: Map<string, string>): number;
}

/**
 * Queues, with the command's read request (nothing of its own), the look-up of our named charts on
 * these sheets, each through getItemOrNullObject (a sheet that is not there yet is a null object too).
 */
export function lookUpCharts(context: Excel.RequestContext, sheetNames: readonly string[]): ChartLookup {
  const found = sheetNames.flatMap((sheet) => {
    const charts = context.workbook.worksheets.getItemOrNullObject(sheet).charts;
    return CHART_KINDS.map((kind) => ({ sheet: sheet.toLowerCase(), chart: charts.getItemOrNullObject(`${CHART_PREFIX}${kind}`) }));
  });
  return {
    queue(ctx, model, lang, actualNames = new Map()) {
      const written = new Set(model.sheets.map((s) => s.name.toLowerCase()));
      for (const { sheet, chart } of found) if (written.has(sheet) && !chart.isNullObject) chart.delete();
      return queueCharts(ctx, model, lang, actualNames);
    },
  };
}

function addChart(ws: Excel.Worksheet, chart: BoundChart): void {
  const values = ws.getRange(rectA1(chart.values));
  const categories = ws.getRange(rectA1(chart.categories));
  const byRows = chart.values.rows === 1 && chart.values.cols > 1;
  const added = ws.charts.add(chart.direction === "bar" ? "BarClustered" : "ColumnClustered", values, byRows ? "Rows" : "Columns");
  added.name = chartName(chart);
  added.title.text = chart.title;
  added.legend.visible = false;
  const series = added.series.getItemAt(0);
  series.setValues(values);
  series.setXAxisValues(categories);
  series.name = chart.seriesName;
  series.hasDataLabels = true;
  series.dataLabels.numberFormat = chart.numberFormat;
  chart.pointColors.forEach((color, i) => series.points.getItemAt(i).format.fill.setSolidColor(color));
  const valueAxis = added.axes.valueAxis;
  valueAxis.minimum = chart.axis.min;
  if (chart.axis.max !== null) valueAxis.maximum = chart.axis.max;
  // The major gridline at 100 is the target line.
  if (chart.axis.majorUnit !== null) valueAxis.majorUnit = chart.axis.majorUnit;
  // Horizontal bars list the first row at the top, as the table does.
  if (chart.direction === "bar") added.axes.categoryAxis.reversePlotOrder = true;
  const a = chart.anchor;
  added.setPosition(rectA1({ row: a.row, col: a.col, rows: 1, cols: 1 }), rectA1({ row: a.row + a.rows - 1, col: a.col + a.cols - 1, rows: 1, cols: 1 }));
}
