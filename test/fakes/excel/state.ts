// The workbook the strict fake holds: a plain in-memory grid that tests (and the browser test page)
// inspect and edit like a user would. The proxies in fake-excel.ts only change it at sync time.

export type Scalar = string | number | boolean;

export interface CellFont {
  name?: string;
  size?: number;
  bold?: boolean;
  italic?: boolean;
  color?: string;
  underline?: string;
}

export interface CellState {
  /** The constant a cell holds (null = blank); for a formula cell, the value a test gave it (else null). */
  value: Scalar | null;
  /** Formula text with its leading "=", stored as text: the fake never evaluates. */
  formula: string | null;
  numberFormat: string;
  /** Written with a leading apostrophe: Excel keeps such a cell as text. */
  quotePrefix: boolean;
  font: CellFont;
  fill: string | null;
  horizontalAlignment: string | null;
  verticalAlignment: string | null;
  wrapText: boolean;
  indentLevel: number;
  borders: Record<string, { style: string; color?: string; weight?: string }>;
  locked: boolean;
}

export interface Rect {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

export interface ConditionalFormatState {
  rect: Rect;
  type: string;
  formula: string | null;
  fill: string | null;
  fontColor: string | null;
  bold: boolean | null;
  stopIfTrue: boolean;
  priority: number | null;
}

export interface DataValidationState {
  rect: Rect;
  rule: Record<string, unknown>;
  /** For a list rule whose source is a range: where that range is. */
  listSource: { sheet: string; rect: Rect } | null;
  ignoreBlanks: boolean;
  errorAlert: Record<string, unknown> | null;
  prompt: Record<string, unknown> | null;
}

export interface SheetState {
  id: number;
  name: string;
  visibility: "Visible" | "Hidden" | "VeryHidden";
  cells: Map<string, CellState>;
  columnWidths: Map<number, number>;
  hiddenColumns: Set<number>;
  rowHeights: Map<number, number>;
  merges: Rect[];
  conditionalFormats: ConditionalFormatState[];
  validations: DataValidationState[];
  protection: { protected: boolean; options: Record<string, unknown> | null; password: string | null };
  frozen: { rows: number; cols: number };
  pageLayout: Record<string, unknown>;
}

export interface NameState {
  name: string;
  sheetId: number;
  rect: Rect;
  comment: string;
}

export const MAX_ROWS = 1048576;
export const MAX_COLS = 16384;

export function cellKey(row: number, col: number): string {
  return `${row},${col}`;
}

export function blankCell(): CellState {
  return {
    value: null,
    formula: null,
    numberFormat: "General",
    quotePrefix: false,
    font: {},
    fill: null,
    horizontalAlignment: null,
    verticalAlignment: null,
    wrapText: false,
    indentLevel: 0,
    borders: {},
    locked: true,
  };
}

export function columnLetters(col: number): string {
  let n = col + 1;
  let out = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

function columnFromLetters(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** "B3" / "B3:D9" / "A:A" / "3:5" (no sheet part) → a rectangle; throws on anything else. */
export function parseAddress(address: string): Rect {
  const text = address.replace(/\$/g, "").trim();
  const parts = text.split(":");
  if (parts.length > 2 || parts.length === 0) throw new Error(`InvalidArgument: address "${address}"`);
  const cell = /^([A-Za-z]{1,3})(\d{1,7})$/;
  const column = /^([A-Za-z]{1,3})$/;
  const row = /^(\d{1,7})$/;
  const ends = parts.map((part) => {
    let m = cell.exec(part);
    if (m) return { row: Number(m[2]) - 1, col: columnFromLetters(m[1]) };
    m = column.exec(part);
    if (m) return { row: -1, col: columnFromLetters(m[1]) };
    m = row.exec(part);
    if (m) return { row: Number(m[1]) - 1, col: -1 };
    throw new Error(`InvalidArgument: address "${address}"`);
  });
  const [a, b] = [ends[0], ends[ends.length - 1]];
  const wholeColumns = a.row === -1;
  const wholeRows = a.col === -1;
  const r0 = wholeColumns ? 0 : Math.min(a.row, b.row);
  const r1 = wholeColumns ? MAX_ROWS - 1 : Math.max(a.row, b.row);
  const c0 = wholeRows ? 0 : Math.min(a.col, b.col);
  const c1 = wholeRows ? MAX_COLS - 1 : Math.max(a.col, b.col);
  return { row: r0, col: c0, rows: r1 - r0 + 1, cols: c1 - c0 + 1 };
}

export function rectAddress(rect: Rect): string {
  const first = `${columnLetters(rect.col)}${rect.row + 1}`;
  if (rect.rows === 1 && rect.cols === 1) return first;
  return `${first}:${columnLetters(rect.col + rect.cols - 1)}${rect.row + rect.rows}`;
}

export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

export function intersects(a: Rect, b: Rect): boolean {
  return a.row < b.row + b.rows && b.row < a.row + a.rows && a.col < b.col + b.cols && b.col < a.col + a.cols;
}

/** The whole in-memory workbook, with the helpers a test uses to look at it or act as the user. */
export class FakeWorkbookState {
  sheets: SheetState[] = [];
  names: NameState[] = [];
  settings = new Map<string, unknown>();
  selection: { sheet: string; address: string } | null = null;
  activeSheet: string | null = null;
  private nextId = 1;

  addSheet(name: string): SheetState {
    if (this.findSheet(name)) throw new Error(`ItemAlreadyExists: worksheet "${name}"`);
    if (name.length === 0 || name.length > 31 || /[\\/?*[\]:]/.test(name)) throw new Error(`InvalidArgument: worksheet name "${name}"`);
    const sheet: SheetState = {
      id: this.nextId++,
      name,
      visibility: "Visible",
      cells: new Map(),
      columnWidths: new Map(),
      hiddenColumns: new Set(),
      rowHeights: new Map(),
      merges: [],
      conditionalFormats: [],
      validations: [],
      protection: { protected: false, options: null, password: null },
      frozen: { rows: 0, cols: 0 },
      pageLayout: {},
    };
    this.sheets.push(sheet);
    return sheet;
  }

  findSheet(name: string): SheetState | undefined {
    const folded = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === folded);
  }

  sheet(name: string): SheetState {
    const found = this.findSheet(name);
    if (!found) throw new Error(`ItemNotFound: worksheet "${name}"`);
    return found;
  }

  sheetById(id: number): SheetState {
    const found = this.sheets.find((s) => s.id === id);
    if (!found) throw new Error(`ItemNotFound: worksheet #${id}`);
    return found;
  }

  cell(sheetName: string, address: string): CellState {
    const { row, col } = parseAddress(address);
    return this.sheet(sheetName).cells.get(cellKey(row, col)) ?? blankCell();
  }

  /** What the cell shows as a value: a formula's given value or null, else the constant. */
  value(sheetName: string, address: string): Scalar | null {
    return this.cell(sheetName, address).value;
  }

  /** The used rectangle of a sheet (cells with a value or a formula), or null when empty. */
  usedRect(sheet: SheetState, valuesOnly = true): Rect | null {
    let r0 = Infinity;
    let c0 = Infinity;
    let r1 = -1;
    let c1 = -1;
    for (const [key, cell] of sheet.cells) {
      const hasContent = cell.value !== null || cell.formula !== null;
      if (valuesOnly && !hasContent) continue;
      const [r, c] = key.split(",").map(Number);
      r0 = Math.min(r0, r);
      c0 = Math.min(c0, c);
      r1 = Math.max(r1, r);
      c1 = Math.max(c1, c);
    }
    return r1 < 0 ? null : { row: r0, col: c0, rows: r1 - r0 + 1, cols: c1 - c0 + 1 };
  }

  /** A 2-D array of the values from A1 to the end of the used range ("" for blanks), as a reader sees them. */
  grid(sheetName: string): (Scalar | "")[][] {
    const sheet = this.sheet(sheetName);
    const used = this.usedRect(sheet);
    if (!used) return [];
    const out: (Scalar | "")[][] = [];
    for (let r = 0; r < used.row + used.rows; r++) {
      const row: (Scalar | "")[] = [];
      for (let c = 0; c < used.col + used.cols; c++) row.push(sheet.cells.get(cellKey(r, c))?.value ?? "");
      out.push(row);
    }
    return out;
  }

  /** Types into a cell as a user does in Excel (en-US parsing of numbers; a leading ' keeps text). */
  typeIn(sheetName: string, address: string, typed: string | number | boolean | null): void {
    const sheet = this.sheet(sheetName);
    const { row, col } = parseAddress(address);
    const key = cellKey(row, col);
    const cell = sheet.cells.get(key) ?? blankCell();
    if (sheet.protection.protected && cell.locked) throw new Error(`AccessDenied: ${sheetName}!${address} is locked`);
    const input = coerceInput(typed, cell.numberFormat);
    cell.value = input.value;
    cell.formula = input.formula;
    cell.quotePrefix = input.quotePrefix;
    sheet.cells.set(key, cell);
  }

  /** Reorders data rows as Excel's sort does: contents and formats move with their row. */
  sortRows(sheetName: string, firstRow: number, lastRow: number, compare: (a: CellState[], b: CellState[]) => number, width: number): void {
    const sheet = this.sheet(sheetName);
    const rows: CellState[][] = [];
    for (let r = firstRow; r <= lastRow; r++) {
      const row: CellState[] = [];
      for (let c = 0; c < width; c++) row.push(sheet.cells.get(cellKey(r, c)) ?? blankCell());
      rows.push(row);
    }
    rows.sort(compare);
    rows.forEach((row, i) =>
      row.forEach((cell, c) => {
        // Relative references in a formula would shift with the row; the fake stores formulas as
        // text, so it rewrites the row number the way Excel's sort adjusts same-row references.
        if (cell.formula) cell.formula = shiftSameRowRefs(cell.formula, firstRow + i + 1);
        sheet.cells.set(cellKey(firstRow + i, c), cell);
      }),
    );
  }
}

function shiftSameRowRefs(formula: string, row: number): string {
  return formula.replace(/(\$?[A-Z]{1,3})(\d+)(?![\d(])/g, (whole, col: string, r: string) => (col.includes("$") || r === "" ? whole : `${col}${row}`));
}

/** What Excel (en-US) stores when a string is entered: a number, a boolean, an error, a formula or text. */
export function coerceInput(
  typed: string | number | boolean | null | undefined,
  numberFormat: string,
): { value: Scalar | null; formula: string | null; quotePrefix: boolean } {
  if (typed === null || typed === undefined || typed === "") return { value: null, formula: null, quotePrefix: false };
  if (typeof typed !== "string") return { value: typed, formula: null, quotePrefix: false };
  if (typed.startsWith("'")) return { value: typed.slice(1), formula: null, quotePrefix: true };
  if (numberFormat === "@") return { value: typed, formula: null, quotePrefix: false };
  if (typed.startsWith("=")) return { value: null, formula: typed, quotePrefix: false };
  if (/^[+-]/.test(typed) && !/^[+-]\s*[\d.]/.test(typed)) return { value: null, formula: `=${typed}`, quotePrefix: false };
  if (/^@/.test(typed)) return { value: null, formula: `=${typed.slice(1)}`, quotePrefix: false };
  if (/^(true|false)$/i.test(typed)) return { value: /^true$/i.test(typed), formula: null, quotePrefix: false };
  const numeric = /^\s*([+-]?)\s*(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?\s*(%?)\s*$/.exec(typed);
  if (numeric && (numeric[2] || numeric[4])) {
    const n = Number(`${numeric[1]}${(numeric[2] ?? "0").replace(/,/g, "")}${numeric[4] ?? ""}`);
    return { value: numeric[5] ? n / 100 : n, formula: null, quotePrefix: false };
  }
  return { value: typed, formula: null, quotePrefix: false };
}
