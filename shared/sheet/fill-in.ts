// The fill-in workbook of a plan: the sheet "Chỉ tiêu" a clerk types actuals into, with live
// formulas for "Tỷ lệ" and "Đánh giá" printed from the same rules as the TypeScript evaluation,
// and a hidden sheet "Danh mục" holding the list sources and the settings the formulas read.
//
// Formulas read only cells of their own row, workbook names, and (for a heading) COUNTIFS over
// whole named columns keyed by the code, so sorting rows or inserting rows keeps them right.
// "Đánh giá" shows the status that counts: the override when one is chosen with a reason
// (the override and its reason stay visible in their own columns), else the computed one.
//
// Known difference with the TypeScript core: a number typed as text ("1.234,5" in a cell formatted
// as text) is read by the core (and flagged by validation with a one-click fix) but is blank to the
// formulas, which only see real numbers; spreadsheets cannot read Vietnamese number text the same
// way in every locale.
//
// The figure judged is the final one ("Thực hiện") when typed, else the estimate ("Số ước thực
// hiện"), through the hidden helper column _SoLieuDanhGia. A partial period (settings.period) gets
// its own headers, title, progress rule (the share of the annual plan lives in "Danh mục" as
// ChiTieu_TienDo) and colours for its labels; a year-end workbook is written as it always was,
// plus the estimate column and the two date cells above the figure columns.
import { formatVietnameseNumber } from "../numbers";
import { NO_WORDS, spreadsheetWordForms, YES_WORDS } from "../actual";
import { depthOf, defaultSettings, STATUSES, type ActualEntry, type Indicator, type Lang, type Period, type Plan, type Settings } from "../model";
import { t } from "../i18n";
import { isPartial, periodLabel, periodOf, periodPhrase, progressShareOf } from "../period";
import { ruleOf } from "../rules/comparators";
import { printFormula, textLiteral, type RefMap } from "../rules/print";
import { rollupOf } from "../evaluate";
import { a1, columnLetter, quoteSheet, rangeA1, SheetBuilder } from "./builder";
import { columnIndex, columnSpecs, FILL_IN_COLUMNS } from "./fill-in-columns";
import { addDecree30Header, COLORS, decree30Print, NUMBER_FORMATS, SHEET_FONT, STYLES, unitName } from "./style";
import type { CellStyle, CellValue, ColumnKey, DefinedName, LiteralValue, Rect, SheetModel, StyledRect, ValidationRule, WorkbookModel } from "./types";

export interface FillInOptions {
  unit?: string;
  year?: number;
  estimate?: boolean;
  settings?: Partial<Settings>;
  entries?: ActualEntry[];
  /** The issuing body; null or absent: the unit, else the plan's issuer. */
  issuer?: string | null;
  lang?: Lang;
  /** Sheet protection password; none by default (protection stops slips, not people). */
  password?: string;
  /** A line added to the header block's instruction (e.g. where "Thực hiện năm trước" came from). */
  headerNote?: string;
  /** The dates of the final figures and of the estimate, as typed ("05/12/2026" or "2026-12-05"). */
  dates?: { final?: string | null; estimate?: string | null };
}

export const FILL_IN_SHEET = "Chỉ tiêu";
export const LISTS_SHEET = "Danh mục";
export const TABLE_NAME = "ChiTieu_Bang";

/** Workbook names the formulas read. */
export const NAMES = {
  reportYear: "ChiTieu_NamBaoCao",
  tolerance: "ChiTieu_DungSai",
  amberBand: "ChiTieu_NguongGanDat",
  amberLabel: "ChiTieu_NhanGanDat",
  codes: "ChiTieu_Ma",
  statuses: "ChiTieu_DanhGia",
  ruledStatuses: "ChiTieu_DanhGiaTheoQuyTac",
  rollupDepths: "ChiTieu_CapTongHop",
  actuals: "ChiTieu_ThucHien",
  booleanList: "ChiTieu_DSDat",
  statusList: "ChiTieu_DSDanhGia",
} as const;

/** Names only a partial period's workbook has: its period, and the share of the annual plan that is on track. */
export const PERIOD_NAMES = {
  period: "ChiTieu_KyBaoCao",
  progressShare: "ChiTieu_TienDo",
} as const;

/** What a boolean row accepts, as the formulas compare it (lower case, with and without diacritics). */
export const BOOLEAN_TRUE_WORDS = spreadsheetWordForms(YES_WORDS);
export const BOOLEAN_FALSE_WORDS = spreadsheetWordForms(NO_WORDS);

const HEADER_ROW = 7;
/** The row just above the table header: the dates of the final figures and of the estimate. */
export const DATE_ROW = HEADER_ROW - 1;
export const DATE_FORMAT = "dd/mm/yyyy";
const FIRST_DATA_ROW = HEADER_ROW + 1;
/** Printed columns: STT … Ghi chú. */
const PRINTED_COLUMNS = columnIndex("note") + 1;

const col = columnIndex;

/** "8 – 8,5", "≤ 2,5", "Giảm 0,2": the target as the plan words it, for comparators a bare number misstates. */
export function targetDisplay(indicator: Indicator): LiteralValue {
  const n = (v: number | null | undefined): string => (v === null || v === undefined ? "" : formatVietnameseNumber(v));
  // Next year's indicator before its target is issued: the cell is left for it.
  if (indicator.targetPending && indicator.comparator !== "boolean") return null;
  switch (indicator.comparator) {
    case null:
      return null;
    case ">=":
    case "=":
      return indicator.target;
    case ">":
      return `> ${n(indicator.target)}`;
    case "<":
      return `< ${n(indicator.target)}`;
    case "<=":
      return `≤ ${n(indicator.target)}`;
    case "approx":
      return `≈ ${n(indicator.target)}`;
    case "range":
      return `${n(indicator.targetMin)} – ${n(indicator.targetMax)}`;
    case "decrease-by":
      return `Giảm ${n(indicator.target)}`;
    case "increase-by":
      return `Tăng ${n(indicator.target)}`;
    case "boolean":
      return "Đạt";
  }
}

/** "05/12/2026" or "2026-12-05" → the spreadsheet date serial (days since 30/12/1899), shown with DATE_FORMAT
 *  by every host; text that is no date is kept as typed. */
export function dateValue(text: string | null | undefined): LiteralValue {
  if (!text) return null;
  const trimmed = text.trim();
  const vn = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(trimmed);
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(trimmed);
  const [d, m, y] = vn ? [Number(vn[1]), Number(vn[2]), Number(vn[3])] : iso ? [Number(iso[3]), Number(iso[2]), Number(iso[1])] : [0, 0, 0];
  if (!y || m < 1 || m > 12 || d < 1 || d > 31) return trimmed;
  return Math.round((Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000);
}

/** A date cell as read back (a serial number, or text as typed) → "05/12/2026", or null. */
export function dateText(value: unknown): string | null {
  if (typeof value === "number" && Number.isFinite(value) && value > 0) {
    const date = new Date(Date.UTC(1899, 11, 30) + Math.round(value) * 86_400_000);
    const two = (n: number) => String(n).padStart(2, "0");
    return `${two(date.getUTCDate())}/${two(date.getUTCMonth() + 1)}/${date.getUTCFullYear()}`;
  }
  if (typeof value === "string" && value.trim()) {
    const parsed = dateValue(value);
    return typeof parsed === "number" ? dateText(parsed) : value.trim();
  }
  return null;
}

/** A value typed earlier, written back as a literal (never a formula). */
function literalOf(raw: unknown): LiteralValue {
  if (raw === null || raw === undefined) return null;
  if (typeof raw === "number") return Number.isFinite(raw) ? raw : String(raw);
  if (typeof raw === "string" || typeof raw === "boolean") return raw;
  if (raw instanceof Date) return raw.toISOString().slice(0, 10);
  if (typeof raw === "object" && "error" in raw) return String((raw as { error: unknown }).error);
  return String(raw);
}

/** Growth rates and changes may be negative; amounts, counts and levels may not. */
function mayBeNegative(indicator: Indicator): boolean {
  if (indicator.comparator === "decrease-by" || indicator.comparator === "increase-by") return true;
  return /tăng|tang|tốc độ|toc do|tăng trưởng|chênh lệch/i.test(indicator.name.normalize("NFC"));
}

/** The reading of the actual cell, as the TypeScript core's readActual reads real numbers and boolean words. */
function readingFormula(indicator: Indicator, cell: string): string {
  if (indicator.comparator === "boolean") {
    const word = `LOWER(TRIM(${cell}))`;
    const anyOf = (words: string[]): string => `OR(${words.map((w) => `${word}=${textLiteral(w)}`).join(",")})`;
    return (
      `IF(ISNUMBER(${cell}),IF(${cell}=1,1,IF(${cell}=0,0,"")),` +
      `IF(ISLOGICAL(${cell}),IF(${cell},1,0),` +
      `IF(${anyOf(BOOLEAN_TRUE_WORDS)},1,IF(${anyOf(BOOLEAN_FALSE_WORDS)},0,""))))`
    );
  }
  return `IF(ISNUMBER(${cell}),IF(ABS(${cell})<1000000000000000,${cell},""),"")`;
}

function numberOrBlank(cell: string): string {
  return `IF(ISNUMBER(${cell}),IF(ABS(${cell})<1000000000000000,${cell},""),"")`;
}

interface RowCells {
  refs: RefMap;
}

function rowRefs(indicator: Indicator, row: number): RowCells {
  const c = (key: ColumnKey): string => a1(row, col(key));
  const codeCell = c("code");
  const depthCell = c("depth");
  const heading = (status: string | null): string => {
    const base = `${NAMES.codes},${codeCell}&".*",${NAMES.rollupDepths},"<="&${depthCell}`;
    return status === null ? `COUNTIFS(${base})` : `COUNTIFS(${base},${NAMES.ruledStatuses},${textLiteral(status)})`;
  };
  return {
    refs: {
      measure: c("measure"),
      actual: readingFormula(indicator, c("figure")),
      previous: c("previous"),
      target: c("targetValue"),
      targetMin: c("targetMin"),
      targetMax: c("targetMax"),
      deadline: c("deadline"),
      reportYear: NAMES.reportYear,
      tolerance: NAMES.tolerance,
      overrideStatus: `TRIM(${c("override")})`,
      overrideReason: c("overrideReason"),
      childCount: heading(null),
      childVuot: heading("Vượt"),
      childDat: heading("Đạt"),
      childKhongDat: heading("Không đạt"),
      childChuaCoSoLieu: heading("Chưa có số liệu"),
      childChuaDenHan: heading("Chưa đến hạn"),
      childDatTienDo: heading("Đạt tiến độ"),
      childChamTienDo: heading("Chậm tiến độ"),
      childChuaDenKy: heading("Chưa đến kỳ đánh giá"),
      share: PERIOD_NAMES.progressShare,
    },
  };
}

/** The final figure when typed, else the estimate, else blank (a reference to a blank cell would read 0). */
function figureFormula(row: number): string {
  const final = a1(row, col("actual"));
  const estimate = a1(row, col("estimate"));
  return `=IF(LEN(TRIM(${final}))>0,${final},IF(LEN(TRIM(${estimate}))>0,${estimate},""))`;
}

/** The formulas of one data row, from the indicator's rule for the period. */
export function rowFormulas(indicator: Indicator, row: number, period: Period = "ca-nam"): Partial<Record<ColumnKey, string>> {
  const rule = ruleOf(indicator, period);
  const { refs } = rowRefs(indicator, row);
  if (rule.kind === "heading") return { status: `=${printFormula(rule.status, refs)}` };
  // The reading and "previous" go through guards first, so the measure column holds a number or "".
  const measureRefs: RefMap = { ...refs, previous: numberOrBlank(a1(row, col("previous"))) };
  const out: Partial<Record<ColumnKey, string>> = {
    figure: figureFormula(row),
    measure: `=${printFormula(rule.measure, measureRefs)}`,
    percent: `=${printFormula(rule.percent, refs)}`,
    ruledStatus: `=${printFormula(rule.status, refs)}`,
    status: `=${a1(row, col("ruledStatus"))}`,
  };
  if (rule.kind === "number") {
    // Where the measure is the figure itself (not a change between two levels), "So cùng kỳ" reads the
    // measure cell: the same number or blank, and 3 000-row sheets stay small enough for one Excel request.
    const isChange = indicator.comparator === "decrease-by" || indicator.comparator === "increase-by";
    const actual = isChange ? numberOrBlank(a1(row, col("figure"))) : a1(row, col("measure"));
    const yoyRefs: RefMap = { ...refs, actual, previous: numberOrBlank(a1(row, col("previous"))) };
    out.yoy = `=${printFormula(rule.yoy, yoyRefs)}`;
  }
  return out;
}

/** Points per line of Times New Roman 13, and a little margin. */
const LINE_HEIGHT = 17;

/** Wrapped text needs a taller row, and hosts do not all grow rows by themselves: estimate the lines. */
function rowHeightFor(texts: [LiteralValue, ColumnKey][]): number {
  let lines = 1;
  for (const [text, key] of texts) {
    if (typeof text !== "string" || text.length === 0) continue;
    // About one character per unit of column width, less a little for the cell padding.
    const perLine = Math.max(4, FILL_IN_COLUMNS[col(key)].width - 2);
    const needed = text.split(/\s+/).reduce(
      (acc, word) => {
        const next = acc.current === 0 ? word.length : acc.current + 1 + word.length;
        return next > perLine ? { lines: acc.lines + 1, current: word.length } : { lines: acc.lines, current: next };
      },
      { lines: 1, current: 0 },
    ).lines;
    lines = Math.max(lines, needed);
  }
  return lines * LINE_HEIGHT + 4;
}

function rowsRect(first: number, count: number, key: ColumnKey): Rect {
  return { row: first, col: col(key), rows: Math.max(1, count), cols: 1 };
}

/** Consecutive rows sharing a validation rule become one rectangle. */
function runs(rows: number[]): { first: number; count: number }[] {
  const out: { first: number; count: number }[] = [];
  for (const row of rows) {
    const last = out[out.length - 1];
    if (last && last.first + last.count === row) last.count++;
    else out.push({ first: row, count: 1 });
  }
  return out;
}

function buildListsSheet(settings: Settings, lang: Lang): { sheet: SheetModel; names: DefinedName[] } {
  const period = periodOf(settings);
  const b = new SheetBuilder(LISTS_SHEET, "lists", SHEET_FONT);
  b.set(0, 0, t("fillin.lists.boolean", {}, lang));
  b.set(1, 0, "Đạt");
  b.set(2, 0, "Không đạt");
  b.set(0, 2, t("fillin.lists.statuses", {}, lang));
  STATUSES.forEach((status, i) => b.set(i + 1, 2, status));
  b.set(0, 4, t("fillin.lists.settings", {}, lang));
  const settingRows: [string, LiteralValue, string][] = [
    ["fillin.lists.report-year", settings.reportYear, NAMES.reportYear],
    ["fillin.lists.tolerance", settings.approxTolerance, NAMES.tolerance],
    ["fillin.lists.amber-band", settings.amberBand, NAMES.amberBand],
    ["fillin.lists.amber-label", settings.amberLabel, NAMES.amberLabel],
  ];
  // A partial period's formulas read the share of the annual plan that is on track; a year-end workbook has no such cell.
  if (isPartial(period)) {
    settingRows.push(["period.lists.period", periodLabel(period, lang), PERIOD_NAMES.period], ["period.lists.share", progressShareOf(settings), PERIOD_NAMES.progressShare]);
  }
  const names: DefinedName[] = [
    { name: NAMES.booleanList, sheet: LISTS_SHEET, range: { row: 1, col: 0, rows: 2, cols: 1 } },
    { name: NAMES.statusList, sheet: LISTS_SHEET, range: { row: 1, col: 2, rows: STATUSES.length, cols: 1 } },
  ];
  settingRows.forEach(([label, value, name], i) => {
    b.set(i + 1, 4, t(label, {}, lang));
    b.set(i + 1, 5, value);
    names.push({ name, sheet: LISTS_SHEET, range: { row: i + 1, col: 5, rows: 1, cols: 1 } });
  });
  b.width(0, 18).width(1, 2).width(2, 18).width(3, 2).width(4, 36).width(5, 14);
  b.style({ row: 0, col: 0, rows: 1, cols: 6 }, { font: { bold: true } });
  const sheet = b.finish(6);
  sheet.hidden = true;
  return { sheet, names };
}

export function buildFillInWorkbook(plan: Plan, options: FillInOptions = {}): WorkbookModel {
  const lang = options.lang ?? "vi";
  const year = options.year ?? plan.year;
  const estimate = options.estimate ?? false;
  const settings = defaultSettings(options.settings?.reportYear ?? year, { ...options.settings, lang });
  const period = periodOf(settings);
  const partial = isPartial(period);
  const unit = options.unit ?? options.issuer ?? plan.issuer;
  const entries = new Map<string, ActualEntry>();
  for (const entry of options.entries ?? []) if (!entries.has(entry.code)) entries.set(entry.code, entry);

  const columns = columnSpecs(year, estimate, partial ? period : undefined);
  const width = columns.length;
  const b = new SheetBuilder(FILL_IN_SHEET, "fill-in", SHEET_FONT);
  const afterHeader = addDecree30Header(b, {
    row: 0,
    width: PRINTED_COLUMNS,
    leftCols: 3,
    unit,
    year,
    title: partial
      ? t(estimate ? "period.fillin.title-estimate" : "period.fillin.title", { period: periodPhrase(period, year, lang).toLocaleUpperCase("vi") }, lang)
      : t(estimate ? "fillin.title-estimate" : "fillin.title", { year }, lang),
    lines: [
      { text: t("fillin.plan-line", { plan: plan.title }, lang) },
      { text: t("fillin.instruction", {}, lang) + (options.headerNote ? ` ${options.headerNote}` : ""), style: STYLES.note },
    ],
  });
  if (afterHeader > HEADER_ROW) throw new Error("header block taller than the space before the table");
  b.rowHeight(3, 36).rowHeight(4, 36).rowHeight(5, 34);

  // The dates of the two figure columns, beside their headers: labels to the left, the date cells unlocked.
  const dateCell = (labelKey: string, key: ColumnKey, value: string | null | undefined): void => {
    b.set(DATE_ROW, col(key) - 1, t(labelKey, {}, lang));
    b.style({ row: DATE_ROW, col: col(key) - 1, rows: 1, cols: 1 }, { horizontal: "right", font: { italic: true } });
    b.set(DATE_ROW, col(key), dateValue(value), DATE_FORMAT);
    b.style({ row: DATE_ROW, col: col(key), rows: 1, cols: 1 }, { ...STYLES.input, horizontal: "center", border: "thin-all" });
  };
  dateCell("period.date.final", "actual", options.dates?.final);
  dateCell("period.date.estimate", "estimate", options.dates?.estimate);

  columns.forEach((c, i) => {
    b.set(HEADER_ROW, i, c.header);
    b.width(i, c.width, c.hidden ?? false);
  });
  b.style({ row: HEADER_ROW, col: 0, rows: 1, cols: width }, STYLES.tableHeader);
  b.rowHeight(HEADER_ROW, 48);

  const rollup = rollupOf(plan.indicators);
  const rollupDepth = new Map<number, number>();
  for (const [heading, rows] of rollup) {
    const depth = depthOf(plan.indicators[heading].code);
    for (const r of rows) rollupDepth.set(r, Math.min(rollupDepth.get(r) ?? depth, depth));
  }
  const hasChildren = new Set(plan.indicators.map((ind) => ind.code.slice(0, Math.max(0, ind.code.lastIndexOf(".")))));

  const n = plan.indicators.length;
  const lastDataRow = FIRST_DATA_ROW + n - 1;
  const numberRows: number[] = [];
  const signedRows: number[] = [];
  const booleanRows: number[] = [];
  const rowStyles: StyledRect[] = [];
  /** Rows with a rule: their estimate cells are styled as input, one rectangle per run (thousands of rows stay one request in Excel). */
  const inputRows: number[] = [];
  let topCounter = 0;
  plan.indicators.forEach((ind, i) => {
    const row = FIRST_DATA_ROW + i;
    const depth = depthOf(ind.code);
    const entry = entries.get(ind.code);
    const formulas = rowFormulas(ind, row, period);
    const set = (key: ColumnKey, value: CellValue, format: string | null = null): void => {
      b.set(row, col(key), value, format);
    };
    set("stt", depth === 0 ? ++topCounter : "-", depth === 0 ? NUMBER_FORMATS.integer : null);
    set("code", ind.code, NUMBER_FORMATS.text);
    // The plan's note stays out of the sheet: it holds the plan author's remarks, not the clerk's.
    set("name", ind.name);
    set("unit", ind.unit);
    const display = targetDisplay(ind);
    set("target", display, typeof display === "number" ? NUMBER_FORMATS.number : null);
    set("actual", literalOf(entry?.raw), ind.comparator === "boolean" ? null : NUMBER_FORMATS.number);
    set("estimate", literalOf(entry?.estimate), ind.comparator === "boolean" ? null : NUMBER_FORMATS.number);
    set("note", entry?.note ?? null);
    set("previous", literalOf(entry?.previous), NUMBER_FORMATS.number);
    set("override", entry?.override?.status ?? null);
    set("overrideReason", entry?.override?.reason ?? null);
    set("targetValue", ind.target, NUMBER_FORMATS.number);
    set("comparator", ind.comparator);
    set("targetMin", ind.targetMin ?? null);
    set("targetMax", ind.targetMax ?? null);
    set("deadline", ind.deadlineYear, NUMBER_FORMATS.integer);
    set("depth", depth, NUMBER_FORMATS.integer);
    set("rollupDepth", rollupDepth.get(i) ?? null);
    for (const [key, formula] of Object.entries(formulas) as [ColumnKey, string][]) {
      set(key, { formula }, key === "percent" || key === "yoy" ? NUMBER_FORMATS.percent : null);
    }
    const style = (key: ColumnKey, cols: number, value: CellStyle): void => {
      rowStyles.push({ range: { row, col: col(key), rows: 1, cols }, style: value });
    };
    if (ind.comparator === null || hasChildren.has(ind.code)) style("stt", PRINTED_COLUMNS, STYLES.heading);
    if (depth > 0) style("name", 1, { indent: depth });
    b.rowHeight(row, rowHeightFor([[ind.name, "name"], [ind.unit, "unit"], [display, "target"]]));
    if (ind.comparator === "boolean") booleanRows.push(row);
    else if (ind.comparator !== null) {
      (mayBeNegative(ind) ? signedRows : numberRows).push(row);
      style("previous", 1, STYLES.input);
    }
    if (ind.comparator !== null) {
      style("actual", 1, STYLES.input);
      inputRows.push(row);
    }
  });

  // Body borders and alignment on exact ranges; the row styles (input fill, bold, indent) go after them and win.
  const body = (key: ColumnKey, style: (typeof STYLES)[keyof typeof STYLES]): void => {
    b.style(rowsRect(FIRST_DATA_ROW, n, key), style);
  };
  b.style({ row: FIRST_DATA_ROW, col: 0, rows: n, cols: col("estimate") + 1 }, STYLES.body);
  for (const key of ["stt", "code", "unit", "status", "override"] as ColumnKey[]) body(key, STYLES.bodyCenter);
  for (const key of ["target", "actual", "percent", "previous", "yoy", "estimate"] as ColumnKey[]) body(key, STYLES.bodyNumber);
  // The per-row styles above (input fill, bold, indent) must win over the body styles: move them last.
  for (const { range, style } of rowStyles) b.style(range, style);
  for (const { first, count } of runs(inputRows)) b.style(rowsRect(first, count, "estimate"), STYLES.input);
  const sheet = b.model;

  const statusCol = col("status");
  const percentCol = col("percent");
  const colorRange: Rect = { row: FIRST_DATA_ROW, col: percentCol, rows: n, cols: statusCol - percentCol + 1 };
  // Relative to the top-left cell of the range: the column fixed, the row moving.
  const status = `$${columnLetter(statusCol)}${FIRST_DATA_ROW + 1}`;
  const percent = `$${columnLetter(percentCol)}${FIRST_DATA_ROW + 1}`;
  sheet.conditionalRules.push(
    { id: "chitieu-vuot-dat", range: colorRange, formula: `OR(${status}="Vượt",${status}="Đạt")`, style: { fill: COLORS.greenFill, fontColor: COLORS.greenText }, stopIfTrue: true },
    {
      id: "chitieu-gan-dat",
      range: colorRange,
      formula: `AND(${status}="Không đạt",ISNUMBER(${percent}),${percent}>=${NAMES.amberBand}*100)`,
      style: { fill: COLORS.amberFill, fontColor: COLORS.amberText },
      stopIfTrue: true,
    },
    { id: "chitieu-khong-dat", range: colorRange, formula: `${status}="Không đạt"`, style: { fill: COLORS.redFill, fontColor: COLORS.redText }, stopIfTrue: true },
    {
      id: "chitieu-chua-co",
      range: colorRange,
      formula: `OR(${status}="Chưa có số liệu",${status}="Chưa đến hạn")`,
      style: { fill: COLORS.greyFill, fontColor: COLORS.greyText },
      stopIfTrue: true,
    },
  );
  if (partial) {
    sheet.conditionalRules.push(
      { id: "chitieu-dat-tien-do", range: colorRange, formula: `${status}="Đạt tiến độ"`, style: { fill: COLORS.greenFill, fontColor: COLORS.greenText }, stopIfTrue: true },
      { id: "chitieu-cham-tien-do", range: colorRange, formula: `${status}="Chậm tiến độ"`, style: { fill: COLORS.redFill, fontColor: COLORS.redText }, stopIfTrue: true },
      { id: "chitieu-chua-den-ky", range: colorRange, formula: `${status}="Chưa đến kỳ đánh giá"`, style: { fill: COLORS.greyFill, fontColor: COLORS.greyText }, stopIfTrue: true },
    );
  }

  const numberRule: ValidationRule = { kind: "decimal", min: 0 };
  for (const { first, count } of runs(numberRows)) {
    sheet.validations.push({
      range: rowsRect(first, count, "actual"),
      rule: numberRule,
      allowBlank: true,
      strict: false,
      prompt: { title: t("fillin.prompt.number.title", {}, lang), message: t("fillin.prompt.number", { unit: plan.indicators[first - FIRST_DATA_ROW].unit || "—" }, lang) },
      error: { title: t("fillin.error.number.title", {}, lang), message: t("fillin.error.number", {}, lang) },
    });
  }
  for (const row of signedRows) {
    const ind = plan.indicators[row - FIRST_DATA_ROW];
    const isChange = ind.comparator === "decrease-by" || ind.comparator === "increase-by";
    const verb = t(ind.comparator === "decrease-by" ? "fillin.verb.decrease" : "fillin.verb.increase", {}, lang);
    sheet.validations.push({
      range: rowsRect(row, 1, "actual"),
      rule: { kind: "decimal" },
      allowBlank: true,
      strict: false,
      prompt: {
        title: t("fillin.prompt.number.title", {}, lang),
        message: isChange ? t("fillin.prompt.change", { verb, unit: ind.unit }, lang) : t("fillin.prompt.signed", { unit: ind.unit }, lang),
      },
      error: { title: t("fillin.error.number.title", {}, lang), message: t("fillin.error.signed", {}, lang) },
    });
  }
  for (const { first, count } of runs(booleanRows)) {
    sheet.validations.push({
      range: rowsRect(first, count, "actual"),
      rule: { kind: "list", sourceSheet: LISTS_SHEET, source: { row: 1, col: 0, rows: 2, cols: 1 }, items: ["Đạt", "Không đạt"] },
      allowBlank: true,
      strict: false,
      prompt: { title: t("fillin.prompt.boolean.title", {}, lang), message: t("fillin.prompt.boolean", {}, lang) },
      error: { title: t("fillin.error.boolean.title", {}, lang), message: t("fillin.error.boolean", {}, lang) },
    });
  }
  // The estimate takes what the final figure takes.
  const actualCol = col("actual");
  for (const v of sheet.validations.filter((v) => v.range.col === actualCol)) sheet.validations.push({ ...v, range: { ...v.range, col: col("estimate") } });
  sheet.validations.push({
    range: rowsRect(FIRST_DATA_ROW, n, "override"),
    rule: { kind: "list", sourceSheet: LISTS_SHEET, source: { row: 1, col: 2, rows: STATUSES.length, cols: 1 }, items: [...STATUSES] },
    allowBlank: true,
    strict: true,
    prompt: { title: t("fillin.prompt.override.title", {}, lang), message: t("fillin.prompt.override", {}, lang) },
    error: { title: t("fillin.error.override.title", {}, lang), message: t("fillin.error.override", {}, lang) },
  });

  sheet.editable = [
    ...FILL_IN_COLUMNS.filter((c) => c.input).map((c) => rowsRect(FIRST_DATA_ROW, n, c.key)),
    { row: DATE_ROW, col: col("actual"), rows: 1, cols: 1 },
    { row: DATE_ROW, col: col("estimate"), rows: 1, cols: 1 },
  ];
  sheet.protection = options.password ? { enabled: true, password: options.password } : { enabled: true };
  sheet.frozen = { rows: HEADER_ROW + 1, cols: col("name") + 1 };
  sheet.print = {
    ...decree30Print({ first: HEADER_ROW, last: HEADER_ROW }),
    printArea: { row: 0, col: 0, rows: lastDataRow + 1, cols: PRINTED_COLUMNS },
  };
  sheet.table = {
    anchorName: TABLE_NAME,
    headerRow: HEADER_ROW,
    firstDataRow: FIRST_DATA_ROW,
    lastDataRow,
    columns,
    rowCodes: plan.indicators.map((ind) => ind.code),
  };
  const lists = buildListsSheet(settings, lang);
  const column = (name: string, key: ColumnKey): DefinedName => ({ name, sheet: FILL_IN_SHEET, range: rowsRect(FIRST_DATA_ROW, n, key) });
  sheet.names = [
    { name: TABLE_NAME, sheet: FILL_IN_SHEET, range: { row: HEADER_ROW, col: 0, rows: n + 1, cols: width } },
    column(NAMES.codes, "code"),
    column(NAMES.statuses, "status"),
    column(NAMES.ruledStatuses, "ruledStatus"),
    column(NAMES.rollupDepths, "rollupDepth"),
    column(NAMES.actuals, "actual"),
  ];
  // Each sheet carries the names over its own cells: the settings and lists live on "Danh mục".
  lists.sheet.names = lists.names;
  b.finish(width);

  return {
    sheets: [sheet, lists.sheet],
    metadata: {
      kind: "chitieu-fill-in",
      planId: plan.id,
      year: String(year),
      unit: unitName(unit),
      estimate: String(estimate),
      settings: JSON.stringify(settings),
      period,
      // The input columns this sheet was written with, so a reload can tell a renamed one from one an older layout never had.
      inputColumns: JSON.stringify(FILL_IN_COLUMNS.filter((c) => c.input).map((c) => c.key)),
    },
  };
}

/** The A1 reference of a defined name's range, as formulas and host APIs write it: 'Chỉ tiêu'!$B$9:$B$40. */
export function nameReference(name: DefinedName): string {
  return `${quoteSheet(name.sheet)}!${rangeA1(name.range, true)}`;
}
