// The declarative description of a worksheet that every host renders (.xlsx through ExcelJS,
// Excel through Office.js, Google Sheets through Apps Script). It holds no host call: hosts
// translate it, a block or a rectangle at a time.
//
// Coordinates are 0-based (row 0 = spreadsheet row 1, col 0 = column A). Rectangles are inclusive.

/** A literal value. A string is always text, never a formula, whatever it starts with: hosts
 *  that would read "=…", "+…", "-…" or "@…" as a formula must write it as text. */
export type LiteralValue = string | number | boolean | null;

/** A formula in the invariant (en-US) syntax, with a leading "=", as Excel's `range.formulas`
 *  and Sheets' `setFormulas` take it. Functions newer than Excel 2007 are written bare here; the
 *  .xlsx writer adds `_xlfn.` through `toFileFormula` (shared/sheet/formula-text.ts). */
export interface FormulaValue {
  formula: string;
}

export type CellValue = LiteralValue | FormulaValue;

export function isFormula(value: CellValue): value is FormulaValue {
  return value !== null && typeof value === "object" && "formula" in value;
}

export interface Rect {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

export type Color = `#${string}`;

export interface CellStyle {
  font?: { name?: string; size?: number; bold?: boolean; italic?: boolean; color?: Color; underline?: boolean };
  fill?: Color;
  horizontal?: "left" | "center" | "right";
  vertical?: "top" | "middle" | "bottom";
  wrap?: boolean;
  /** Indent level (about 3 characters each), for sub-items under their parent. */
  indent?: number;
  /** Thin borders on every edge of every cell of the rectangle. */
  border?: "thin-all" | "none";
}

export interface StyledRect {
  range: Rect;
  style: CellStyle;
}

/** Conditional format: a custom formula, written relative to the top-left cell of `range`. */
export interface ConditionalRule {
  /** Stable id of the rule, so a host can tell its own rules from the user's. */
  id: string;
  range: Rect;
  formula: string;
  style: { fill?: Color; fontColor?: Color; bold?: boolean };
  stopIfTrue?: boolean;
}

export type ValidationRule =
  | { kind: "decimal"; min?: number; max?: number }
  | { kind: "whole"; min?: number; max?: number }
  /** A list whose items come from a range (never a comma string: items may hold commas). */
  | { kind: "list"; sourceSheet: string; source: Rect; items: string[] };

export interface DataValidationSpec {
  range: Rect;
  rule: ValidationRule;
  allowBlank: boolean;
  /** Blocks invalid input (stop) or only warns. */
  strict: boolean;
  prompt?: { title: string; message: string };
  error?: { title: string; message: string };
}

export interface PrintSetup {
  paper: "A4";
  orientation: "landscape" | "portrait";
  fitToWidth: boolean;
  /** Rows repeated at the top of every printed page (0-based, inclusive). */
  repeatRows?: { first: number; last: number };
  /** Margins in millimetres. */
  margins: { top: number; bottom: number; left: number; right: number; header: number; footer: number };
  /** Centered page number in the header, hidden on page 1 (Decree 30). */
  pageNumbers: boolean;
  /** What is printed, when not the whole used range (e.g. without the helper columns). */
  printArea?: Rect;
}

/** Keys of the columns of an indicator table; hosts and readers find columns by these, never by letter. */
export type ColumnKey =
  | "stt"
  | "code"
  | "name"
  | "unit"
  | "target"
  | "previous"
  | "actual"
  | "percent"
  | "yoy"
  | "status"
  | "note"
  | "override"
  | "overrideReason"
  | "comparator"
  | "targetMin"
  | "targetMax"
  | "deadline"
  | "depth"
  | "kind"
  /** Hidden helpers of the fill-in sheet: the numeric target, the value judged (actual, or the change
   *  from last year's level), the status of rows with a rule, and the heading level a row rolls up to. */
  | "targetValue"
  | "measure"
  | "ruledStatus"
  | "rollupDepth"
  /** The estimate ("Số ước thực hiện", an input), and the hidden figure judged: the final one, else the estimate. */
  | "estimate"
  | "figure";

export interface ColumnSpec {
  key: ColumnKey;
  header: string;
  /** Width in characters, as Excel measures it. */
  width: number;
  hidden?: boolean;
}

/** Where the indicator table stands, so hosts and readers find it by anchor, not by address. */
export interface TableLayout {
  /** Workbook-level name of the whole table (header row to last data row). */
  anchorName: string;
  headerRow: number;
  firstDataRow: number;
  /** Inclusive; equals firstDataRow - 1 when the table is empty. */
  lastDataRow: number;
  columns: ColumnSpec[];
  /** The indicator code of each data row, in order: the stable key of the row. */
  rowCodes: string[];
}

/** A name defined in the workbook (e.g. the report year the formulas read). */
export interface DefinedName {
  name: string;
  sheet: string;
  range: Rect;
}

export type SheetRole = "fill-in" | "summary" | "consolidation" | "units" | "register" | "lists";

export interface SheetModel {
  name: string;
  role: SheetRole;
  /** Dense grid of values from A1; rows may be shorter than `width` (the rest is blank). */
  cells: CellValue[][];
  /** Number format codes (Excel's invariant codes), same shape as `cells`; null = General. */
  numberFormats: (string | null)[][];
  /** Later rectangles win over earlier ones where they overlap. */
  styles: StyledRect[];
  merges: Rect[];
  /** Column widths in characters; `hidden` columns stay in the sheet, out of sight. */
  columns: { width: number; hidden?: boolean }[];
  rowHeights?: { row: number; height: number }[];
  frozen?: { rows: number; cols: number };
  conditionalRules: ConditionalRule[];
  validations: DataValidationSpec[];
  /** Cells a user may edit when the sheet is protected; everything else is locked. */
  editable: Rect[];
  protection: { enabled: boolean; password?: string };
  table?: TableLayout;
  names: DefinedName[];
  print?: PrintSetup;
  /** Hidden sheets (e.g. the list sources) are not shown to the user. */
  hidden?: boolean;
  /** Filter buttons on the header row of this rectangle (header row first). */
  autoFilter?: Rect;
  /** Excel tables (ListObjects) over cells of this sheet, for PivotTables and filters. */
  tables?: TableSpec[];
  /** The default font of the sheet. */
  font: { name: string; size: number };
}

/**
 * An Excel table over `range`, whose first row is the header: the header cells must hold distinct,
 * non-empty texts (the table's column names are read from them). Hosts without tables write the
 * cells alone.
 */
export interface TableSpec {
  /** Workbook-unique; letters, digits and "_", starting with a letter, not a cell reference. */
  name: string;
  range: Rect;
}

export interface WorkbookModel {
  sheets: SheetModel[];
  /** Small JSON-safe facts the add-ins keep with the document (plan id, year, unit, settings). */
  metadata: Record<string, string>;
}
