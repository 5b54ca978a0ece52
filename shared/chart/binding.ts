// Where the native charts take their figures from: ranges of the summary sheet (and of the
// consolidation's ranking sheet), found in the sheet model by its header texts as a person reads
// the sheet, never by fixed addresses. The .xlsx writer (cli/xlsx/chart*.ts), Excel (Office.js) and
// Google Sheets (embedded charts) all draw from these bindings, so a chart follows the cells: change
// a figure and its bar moves.
//
// - Completion: categories = the Chỉ tiêu column, values = Tỷ lệ TH/KH (%), over the table's rows
//   (a section row or a row without % is a gap, its name stays on the axis); each point coloured by
//   the status in its row when the sheet was written; the value axis from 0 with its major unit at
//   100, so the major gridline is the 100 % line.
// - Counts: categories = the status headers of the totals block, values = its overall row.
// - Ranking: categories = the units, values = share achieved, in rank order.
import { t } from "../i18n";
import { STATUSES, type Lang, type Status } from "../model";
import { COLORS } from "../sheet/style";
import type { CellValue, Rect, SheetModel } from "../sheet/types";
import { TONE_COLORS, toneOf, type Tone } from "./model";

export interface BoundChart {
  kind: "completion" | "counts" | "ranking";
  /** "bar": horizontal bars (categories down the axis); "column": vertical. */
  direction: "bar" | "column";
  title: string;
  seriesName: string;
  sheet: string;
  /** One column (or one row) of category labels, and the values beside them: same length. */
  categories: Rect;
  values: Rect;
  /** The colour of each point, in category order (hex with "#"). */
  pointColors: string[];
  /** Value axis: from 0 to max (null: automatic), major unit (100 for the 100 % line). */
  axis: { min: number; max: number | null; majorUnit: number | null };
  /** Where the chart goes on the sheet (cells it covers, 0-based). */
  anchor: Rect;
  /** The number format of the data labels. */
  numberFormat: string;
}

const LANGS: Lang[] = ["vi", "en"];

function textAt(sheet: SheetModel, row: number, col: number): string | null {
  const value: CellValue | undefined = sheet.cells[row]?.[col];
  return typeof value === "string" ? value : null;
}

function isBlank(sheet: SheetModel, row: number, col: number): boolean {
  const value = sheet.cells[row]?.[col];
  return value === null || value === undefined || value === "";
}

/** The first row (from `from`) where `col` holds one of the texts. */
function findRow(sheet: SheetModel, col: number, texts: string[], from = 0): number {
  for (let r = from; r < sheet.cells.length; r++) {
    const text = textAt(sheet, r, col);
    if (text !== null && texts.includes(text)) return r;
  }
  return -1;
}

function findColumn(sheet: SheetModel, row: number, texts: string[]): number {
  const cells = sheet.cells[row] ?? [];
  for (let c = 0; c < cells.length; c++) {
    const v = cells[c];
    if (typeof v === "string" && texts.includes(v)) return c;
  }
  return -1;
}

const inBoth = (key: string, params: Record<string, string | number> = {}): string[] => LANGS.map((lang) => t(key, params, lang));

function statusOfText(text: string | null): Status | null {
  if (text === null) return null;
  for (const status of STATUSES) if (inBoth(`status.${status}`).includes(text)) return status;
  return null;
}

/** The fill the sheet gave a cell (later rectangles win), to tell a near miss (amber) from a miss. */
function fillAt(sheet: SheetModel, row: number, col: number): string | null {
  let fill: string | null = null;
  for (const s of sheet.styles) {
    const r = s.range;
    if (s.style.fill && row >= r.row && row < r.row + r.rows && col >= r.col && col < r.col + r.cols) fill = s.style.fill;
  }
  return fill;
}

/** The completion bar chart and the counts chart of a summary sheet, or [] when it has no table. */
export function summaryChartBindings(sheet: SheetModel, lang: Lang): BoundChart[] {
  const charts: BoundChart[] = [];
  const header = findRow(sheet, 5, inBoth("sheet.col.percent"));
  if (header < 0) return charts;
  const nameCol = 1;
  const percentCol = 5;
  const statusCol = 6;
  let last = header;
  while (last + 1 < sheet.cells.length && !(isBlank(sheet, last + 1, 0) && isBlank(sheet, last + 1, 1))) last++;
  if (last === header) return charts;
  const rows = last - header;
  const pointColors: string[] = [];
  for (let r = header + 1; r <= last; r++) {
    const status = statusOfText(textAt(sheet, r, statusCol));
    const tone: Tone = status === null ? "none" : toneOf(status, fillAt(sheet, r, statusCol) === COLORS.amberFill);
    pointColors.push(TONE_COLORS[tone]);
  }
  let below = sheet.cells.length + 1;
  for (const s of sheet.styles) below = Math.max(below, s.range.row + s.range.rows + 1);
  const barHeight = Math.max(12, rows + 4);
  charts.push({
    kind: "completion",
    direction: "bar",
    title: t("chart.completion.title", { year: yearOf(sheet) }, lang),
    seriesName: t("chart.series.percent", {}, lang),
    sheet: sheet.name,
    categories: { row: header + 1, col: nameCol, rows, cols: 1 },
    values: { row: header + 1, col: percentCol, rows, cols: 1 },
    pointColors,
    axis: { min: 0, max: null, majorUnit: 100 },
    anchor: { row: below, col: 0, rows: barHeight, cols: 8 },
    numberFormat: "0.0",
  });

  const countsHeader = findRow(sheet, 2, inBoth("sheet.summary.totals-counted"), last + 1);
  const overall = findRow(sheet, 0, [...inBoth("sheet.summary.totals-all"), ...inBoth("sheet.summary.totals-overall")], countsHeader + 1);
  if (countsHeader >= 0 && overall >= 0) {
    const statusTones: Tone[] = ["exceeded", "met", "missed", "none", "none"];
    charts.push({
      kind: "counts",
      direction: "column",
      title: t("chart.counts.title", { year: yearOf(sheet) }, lang),
      seriesName: t("chart.series.count", {}, lang),
      sheet: sheet.name,
      categories: { row: countsHeader, col: 3, rows: 1, cols: 5 },
      values: { row: overall, col: 3, rows: 1, cols: 5 },
      pointColors: statusTones.map((tone) => TONE_COLORS[tone]),
      axis: { min: 0, max: null, majorUnit: null },
      anchor: { row: below + barHeight + 1, col: 0, rows: 16, cols: 5 },
      numberFormat: "0",
    });
  }
  return charts;
}

/** The units ranked by share achieved, on the consolidation's ranking sheet, or null. */
export function rankingChartBinding(sheet: SheetModel, lang: Lang): BoundChart | null {
  const shareTexts = inBoth("sheet.consolidation.col.share");
  let header = -1;
  let shareCol = -1;
  for (let r = 0; r < sheet.cells.length && header < 0; r++) {
    const c = findColumn(sheet, r, shareTexts);
    if (c >= 0) [header, shareCol] = [r, c];
  }
  if (header < 0) return null;
  const unitCol = findColumn(sheet, header, inBoth("sheet.consolidation.col.unit"));
  if (unitCol < 0) return null;
  let last = header;
  while (last + 1 < sheet.cells.length && !isBlank(sheet, last + 1, unitCol)) last++;
  const rows = last - header;
  if (rows === 0) return null;
  const pointColors: string[] = [];
  for (let r = header + 1; r <= last; r++) {
    const share = sheet.cells[r]?.[shareCol];
    const tone: Tone = typeof share !== "number" ? "none" : share >= 100 - 1e-9 ? "exceeded" : share >= 80 ? "met" : share >= 50 ? "near" : "missed";
    pointColors.push(TONE_COLORS[tone]);
  }
  let below = sheet.cells.length + 1;
  for (const s of sheet.styles) below = Math.max(below, s.range.row + s.range.rows + 1);
  return {
    kind: "ranking",
    direction: "bar",
    title: t("chart.ranking.title", { year: yearOf(sheet) }, lang),
    seriesName: t("chart.series.share", {}, lang),
    sheet: sheet.name,
    categories: { row: header + 1, col: unitCol, rows, cols: 1 },
    values: { row: header + 1, col: shareCol, rows, cols: 1 },
    pointColors,
    axis: { min: 0, max: 100, majorUnit: 20 },
    anchor: { row: below, col: 0, rows: Math.max(10, rows + 4), cols: 9 },
    numberFormat: "0.0",
  };
}

/** Every chart a workbook model's sheets carry: summary sheets and ranking sheets. */
export function workbookChartBindings(sheets: readonly SheetModel[], lang: Lang): BoundChart[] {
  const out: BoundChart[] = [];
  for (const sheet of sheets) {
    if (sheet.hidden) continue;
    if (sheet.role === "summary") for (const c of summaryChartBindings(sheet, lang)) out.push(c);
    else if (sheet.role === "units") {
      const ranking = rankingChartBinding(sheet, lang);
      if (ranking) out.push(ranking);
    }
  }
  return out;
}

/** The report year the sheet's title names ("… NĂM 2025"), for the chart titles. */
function yearOf(sheet: SheetModel): string {
  for (let r = 0; r < Math.min(12, sheet.cells.length); r++) {
    for (const v of sheet.cells[r] ?? []) {
      if (typeof v !== "string") continue;
      const m = /(?:NĂM|năm|IN|in|,)\s+((?:19|20|21)\d\d)\b/.exec(v);
      if (m) return m[1] as string;
    }
  }
  return "";
}
