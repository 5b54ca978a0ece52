// An in-memory Google spreadsheet that behaves like SpreadsheetApp where the add-on relies on it:
// sheets of fixed size (1000 × 26 when inserted), 2-D setters that must match the range exactly,
// conditional-format rules replaced as a whole, sheet protection with unprotected ranges, named
// ranges, developer metadata. Every call through the tracked proxies is counted (calls.ts).
import { CallLog, tracked, untracked } from "./calls";
import { FakeConditionalFormatRule, FakeDataValidation, FakeTextStyle, type TextStyleData } from "./builders";
import { isDate, readTyped, type StoredValue } from "./values";
import { FakeEmbeddedChart, FakeSheetCharts } from "./charts";

export interface FakeCell {
  value: StoredValue | null;
  formula: string | null;
  numberFormat: string | null;
  background: string | null;
  text: Partial<TextStyleData>;
  horizontal: string | null;
  vertical: string | null;
  wrap: string | null;
  validation: FakeDataValidation | null;
  /** Whether a write reinterpreted the literal given (a string read as number, formula…). */
  reinterpreted: boolean;
}

export function columnLetters(col0: number): string {
  let n = col0 + 1;
  let out = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

export function a1Of(row0: number, col0: number): string {
  return `${columnLetters(col0)}${row0 + 1}`;
}

/** "B2", "B2:D9", or "B2:D" (open-ended: down to the last row of the sheet, `maxRows`). */
export function parseA1(a1: string, maxRows = Number.MAX_SAFE_INTEGER): { row: number; col: number; rows: number; cols: number } {
  const m = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d*))?$/.exec(a1.trim().toUpperCase());
  if (!m) throw new Error(`Exception: Range not found: ${a1}`);
  const col = (letters: string) => [...letters].reduce((acc, ch) => acc * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  const r1 = Number(m[2]) - 1;
  const c1 = col(m[1]!);
  const r2 = m[4] ? Number(m[4]) - 1 : m[3] ? maxRows - 1 : r1;
  const c2 = m[3] ? col(m[3]) : c1;
  return { row: Math.min(r1, r2), col: Math.min(c1, c2), rows: Math.abs(r2 - r1) + 1, cols: Math.abs(c2 - c1) + 1 };
}

function emptyCell(): FakeCell {
  return { value: null, formula: null, numberFormat: null, background: null, text: {}, horizontal: null, vertical: null, wrap: null, validation: null, reinterpreted: false };
}

export interface Rect0 {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

export class FakeProtection {
  description = "";
  unprotected: FakeRange[] = [];
  warningOnly = false;
  removed = false;
  constructor(
    readonly sheet: FakeSheet,
    readonly type: "SHEET" | "RANGE",
  ) {}
  setUnprotectedRanges(ranges: unknown[]): unknown {
    if (this.type !== "SHEET") throw new Error("Exception: unprotected ranges exist only on a sheet protection");
    const list = ranges.map((r) => untracked(r) as FakeRange);
    for (const r of list) if (!(r instanceof FakeRange) || r.sheet !== this.sheet) throw new Error("Exception: an unprotected range must be on the protected sheet");
    this.unprotected = list;
    return this.sheet.book.wrap(this, "Protection");
  }
  getUnprotectedRanges(): unknown[] {
    return this.unprotected.map((r) => this.sheet.book.wrap(r, "Range"));
  }
  setDescription(text: string): unknown {
    this.description = text;
    return this.sheet.book.wrap(this, "Protection");
  }
  getDescription(): string {
    return this.description;
  }
  setWarningOnly(v: boolean): unknown {
    this.warningOnly = v;
    return this.sheet.book.wrap(this, "Protection");
  }
  remove(): void {
    this.removed = true;
    this.sheet.protections = this.sheet.protections.filter((p) => p !== this);
  }
}

export class FakeDeveloperMetadata {
  constructor(
    public key: string,
    public value: string | null,
    readonly owner: FakeSheet | FakeSpreadsheet,
  ) {}
  getKey(): string {
    return this.key;
  }
  getValue(): string | null {
    return this.value;
  }
  setValue(value: string): unknown {
    this.value = value;
    return this;
  }
  remove(): void {
    const list = this.owner.metadata;
    list.splice(list.indexOf(this), 1);
  }
}

export class FakeRange {
  constructor(
    readonly sheet: FakeSheet,
    readonly rect: Rect0,
  ) {}

  _ref() {
    return { sheet: this.sheet.name, ...this.rect, a1: this.getA1Notation() };
  }
  private w(): unknown {
    return this.sheet.book.wrap(this, "Range");
  }
  getA1Notation(): string {
    const { row, col, rows, cols } = this.rect;
    const first = a1Of(row, col);
    return rows === 1 && cols === 1 ? first : `${first}:${a1Of(row + rows - 1, col + cols - 1)}`;
  }
  getRow(): number {
    return this.rect.row + 1;
  }
  getColumn(): number {
    return this.rect.col + 1;
  }
  getNumRows(): number {
    return this.rect.rows;
  }
  getNumColumns(): number {
    return this.rect.cols;
  }
  getLastRow(): number {
    return this.rect.row + this.rect.rows;
  }
  getLastColumn(): number {
    return this.rect.col + this.rect.cols;
  }
  getSheet(): unknown {
    return this.sheet.book.wrap(this.sheet, "Sheet");
  }

  getValues(): unknown[][] {
    return this.map((c) => (c.value === null ? "" : isDate(c.value) ? new Date(c.value.getTime()) : c.value));
  }
  getValue(): unknown {
    return this.getValues()[0]![0];
  }
  getFormulas(): string[][] {
    return this.map((c) => c.formula ?? "");
  }
  getNumberFormats(): string[][] {
    return this.map((c) => c.numberFormat ?? "General");
  }
  getBackgrounds(): string[][] {
    return this.map((c) => c.background ?? "#ffffff");
  }

  setValues(values: unknown): unknown {
    this.check2d(values, "setValues");
    this.each((cell, r, c) => this.writeTyped(cell, (values as unknown[][])[r]![c], "Range.setValues"));
    return this.w();
  }
  setValue(value: unknown): unknown {
    this.each((cell) => this.writeTyped(cell, value, "Range.setValue"));
    return this.w();
  }
  setFormulas(formulas: unknown): unknown {
    this.check2d(formulas, "setFormulas");
    this.each((cell, r, c) => {
      const f = (formulas as unknown[][])[r]![c];
      if (typeof f !== "string") throw new Error("Exception: setFormulas takes strings");
      this.writeTyped(cell, f, "Range.setFormulas");
    });
    return this.w();
  }
  setNumberFormats(formats: unknown): unknown {
    this.set2d(formats, "setNumberFormats", (cell, v) => {
      if (typeof v !== "string") throw new Error("Exception: a number format is a string");
      cell.numberFormat = v === "General" || v === "" ? null : v;
    });
    return this.w();
  }
  setNumberFormat(format: string): unknown {
    this.each((cell) => (cell.numberFormat = format === "General" ? null : format));
    return this.w();
  }
  setBackgrounds(colors: unknown): unknown {
    this.set2d(colors, "setBackgrounds", (cell, v) => {
      if (v !== null && (typeof v !== "string" || !/^#[0-9a-fA-F]{6}$/.test(v))) throw new Error(`Exception: invalid colour ${String(v)}`);
      cell.background = v === null ? null : (v as string).toLowerCase();
    });
    return this.w();
  }
  setFontWeights(weights: unknown): unknown {
    this.set2d(weights, "setFontWeights", (cell, v) => {
      if (v !== null && v !== "bold" && v !== "normal") throw new Error(`Exception: invalid font weight ${String(v)}`);
      cell.text = { ...cell.text, bold: v === "bold" };
    });
    return this.w();
  }
  setFontColors(colors: unknown): unknown {
    this.set2d(colors, "setFontColors", (cell, v) => (cell.text = { ...cell.text, color: v === null ? undefined : String(v) }));
    return this.w();
  }
  setTextStyles(styles: unknown): unknown {
    this.set2d(styles, "setTextStyles", (cell, v) => {
      if (!(v instanceof FakeTextStyle)) throw new Error("Exception: setTextStyles takes TextStyle objects");
      cell.text = { ...v.data };
    });
    return this.w();
  }
  setHorizontalAlignments(values: unknown): unknown {
    this.set2d(values, "setHorizontalAlignments", (cell, v) => {
      if (v !== null && !["left", "center", "right", "normal"].includes(String(v))) throw new Error(`Exception: invalid alignment ${String(v)}`);
      cell.horizontal = v === null || v === "normal" ? null : String(v);
    });
    return this.w();
  }
  setVerticalAlignments(values: unknown): unknown {
    this.set2d(values, "setVerticalAlignments", (cell, v) => {
      if (v !== null && !["top", "middle", "bottom"].includes(String(v))) throw new Error(`Exception: invalid alignment ${String(v)}`);
      cell.vertical = v === null || v === "bottom" ? null : String(v);
    });
    return this.w();
  }
  setWrapStrategies(values: unknown): unknown {
    this.set2d(values, "setWrapStrategies", (cell, v) => {
      if (!["WRAP", "OVERFLOW", "CLIP"].includes(String(v))) throw new Error(`Exception: invalid wrap strategy ${String(v)}`);
      cell.wrap = v === "OVERFLOW" ? null : String(v);
    });
    return this.w();
  }
  setDataValidations(rules: unknown): unknown {
    this.set2d(rules, "setDataValidations", (cell, v) => {
      if (v !== null && !(v instanceof FakeDataValidation)) throw new Error("Exception: setDataValidations takes DataValidation objects or null");
      cell.validation = v as FakeDataValidation | null;
    });
    return this.w();
  }
  setDataValidation(rule: unknown): unknown {
    this.each((cell) => (cell.validation = rule as FakeDataValidation | null));
    return this.w();
  }
  getDataValidations(): (FakeDataValidation | null)[][] {
    return this.map((c) => c.validation);
  }
  setBorder(...args: unknown[]): unknown {
    if (args.length < 6) throw new Error("Exception: setBorder takes six booleans");
    this.sheet.borders.push({ rect: { ...this.rect }, on: Boolean(args[0]) });
    return this.w();
  }
  merge(): unknown {
    this.sheet.addMerge({ ...this.rect });
    return this.w();
  }
  mergeAcross(): unknown {
    for (let r = 0; r < this.rect.rows; r++) this.sheet.addMerge({ row: this.rect.row + r, col: this.rect.col, rows: 1, cols: this.rect.cols });
    return this.w();
  }
  breakApart(): unknown {
    this.sheet.merges = this.sheet.merges.filter((m) => !overlaps(m, this.rect));
    return this.w();
  }
  activate(): unknown {
    this.sheet.book._select(this.sheet, this);
    return this.w();
  }
  clearContent(): unknown {
    this.each((cell) => {
      cell.value = null;
      cell.formula = null;
    });
    return this.w();
  }
  protect(): unknown {
    const p = new FakeProtection(this.sheet, "RANGE");
    this.sheet.protections.push(p);
    return this.sheet.book.wrap(p, "Protection");
  }
  addDeveloperMetadata(): unknown {
    throw new Error("Exception: the fake keeps developer metadata on sheets and the spreadsheet only");
  }

  private writeTyped(cell: FakeCell, input: unknown, where: string): void {
    const typed = readTyped(input, where);
    cell.value = typed.value;
    cell.formula = typed.formula;
    cell.reinterpreted = typed.reinterpreted && typed.formula === null;
    if (typed.formula !== null) cell.value = this.sheet.book.evaluate?.(this.sheet.name, typed.formula) ?? null;
  }
  private check2d(values: unknown, method: string): void {
    if (!Array.isArray(values)) throw new Error(`Exception: The parameters don't match the method signature for Range.${method}.`);
    if (values.length !== this.rect.rows)
      throw new Error(`Exception: The number of rows in the data does not match the number of rows in the range. The data has ${values.length} but the range has ${this.rect.rows}.`);
    for (const row of values) {
      if (!Array.isArray(row) || row.length !== this.rect.cols)
        throw new Error(`Exception: The number of columns in the data does not match the number of columns in the range. The data has ${Array.isArray(row) ? row.length : "?"} but the range has ${this.rect.cols}.`);
    }
  }
  private set2d(values: unknown, method: string, apply: (cell: FakeCell, v: unknown) => void): void {
    this.check2d(values, method);
    this.each((cell, r, c) => apply(cell, (values as unknown[][])[r]![c]));
  }
  private each(fn: (cell: FakeCell, r: number, c: number) => void): void {
    for (let r = 0; r < this.rect.rows; r++) for (let c = 0; c < this.rect.cols; c++) fn(this.sheet.cellAt(this.rect.row + r, this.rect.col + c), r, c);
  }
  private map<T>(fn: (cell: FakeCell) => T): T[][] {
    const out: T[][] = [];
    for (let r = 0; r < this.rect.rows; r++) {
      const row: T[] = [];
      for (let c = 0; c < this.rect.cols; c++) row.push(fn(this.sheet.peek(this.rect.row + r, this.rect.col + c)));
      out.push(row);
    }
    return out;
  }
}

/** Whether a merged range would straddle the frozen rows' or columns' edge (Sheets refuses it). */
function splits(m: Rect0, frozenRows: number, frozenCols: number): boolean {
  const acrossRows = frozenRows > 0 && m.row < frozenRows && m.row + m.rows > frozenRows;
  const acrossCols = frozenCols > 0 && m.col < frozenCols && m.col + m.cols > frozenCols;
  return acrossRows || acrossCols;
}

function overlaps(a: Rect0, b: Rect0): boolean {
  return a.row < b.row + b.rows && b.row < a.row + a.rows && a.col < b.col + b.cols && b.col < a.col + a.cols;
}

export class FakeRangeList {
  constructor(readonly ranges: FakeRange[]) {}
  getRanges(): unknown[] {
    return this.ranges.map((r) => r.sheet.book.wrap(r, "Range"));
  }
  setBorder(...args: unknown[]): unknown {
    for (const r of this.ranges) r.setBorder(...args);
    return this;
  }
  breakApart(): unknown {
    for (const r of this.ranges) r.breakApart();
    return this;
  }
}

export class FakeSheet {
  readonly cells = new Map<number, FakeCell>();
  maxRows = 1000;
  maxCols = 26;
  merges: Rect0[] = [];
  borders: { rect: Rect0; on: boolean }[] = [];
  columnWidths = new Map<number, number>();
  hiddenColumns = new Set<number>();
  frozenRows = 0;
  frozenCols = 0;
  hidden = false;
  rules: FakeConditionalFormatRule[] = [];
  protections: FakeProtection[] = [];
  metadata: FakeDeveloperMetadata[] = [];
  /** How many times the whole rule list was replaced. */
  ruleWrites = 0;
  /** Embedded charts (test/fakes/gas/charts.ts, H-G). */
  readonly chartSet: FakeSheetCharts = new FakeSheetCharts(this);

  constructor(
    readonly book: FakeSpreadsheet,
    public name: string,
  ) {}

  private key(row: number, col: number): number {
    return row * 100000 + col;
  }
  cellAt(row: number, col: number): FakeCell {
    const k = this.key(row, col);
    let cell = this.cells.get(k);
    if (!cell) {
      cell = emptyCell();
      this.cells.set(k, cell);
    }
    return cell;
  }
  peek(row: number, col: number): FakeCell {
    return this.cells.get(this.key(row, col)) ?? emptyCell();
  }
  addMerge(rect: Rect0): void {
    if (this.merges.some((m) => overlaps(m, rect))) throw new Error("Exception: You must select all cells in a merged range to merge or unmerge them.");
    if (splits(rect, this.frozenRows, this.frozenCols)) throw new Error("Exception: You can't merge frozen and non-frozen cells.");
    this.merges.push(rect);
  }
  private checkBounds(rect: Rect0): void {
    if (rect.rows < 1 || rect.cols < 1) throw new Error("Exception: The number of rows in the range must be at least 1.");
    if (rect.row < 0 || rect.col < 0 || rect.row + rect.rows > this.maxRows || rect.col + rect.cols > this.maxCols)
      throw new Error("Exception: The coordinates of the range are outside the dimensions of the sheet.");
  }
  /** Extent of cells holding a value or a formula (1-based last row/col, 0 when empty). */
  extent(): { lastRow: number; lastCol: number } {
    let lastRow = 0;
    let lastCol = 0;
    for (const [k, cell] of this.cells) {
      if (cell.value === null && cell.formula === null) continue;
      lastRow = Math.max(lastRow, Math.floor(k / 100000) + 1);
      lastCol = Math.max(lastCol, (k % 100000) + 1);
    }
    return { lastRow, lastCol };
  }
  /** Whether a user other than the owner could type in the cell. */
  isEditable(row: number, col: number): boolean {
    const p = this.protections.find((x) => x.type === "SHEET");
    if (!p) return true;
    return p.unprotected.some((r) => overlaps(r.rect, { row, col, rows: 1, cols: 1 }));
  }

  // ---- Apps Script API ----
  getName(): string {
    return this.name;
  }
  newChart(): unknown {
    return this.chartSet.newChart();
  }
  insertChart(chart: FakeEmbeddedChart): void {
    this.chartSet.insert(chart);
  }
  getCharts(): FakeEmbeddedChart[] {
    return this.chartSet.charts.slice();
  }
  removeChart(chart: FakeEmbeddedChart): void {
    this.chartSet.remove(chart);
  }
  setName(name: string): unknown {
    this.name = name;
    return this.book.wrap(this, "Sheet");
  }
  getSheetId(): number {
    return this.book.sheets.indexOf(this) + 1;
  }
  getRange(a: number | string, b?: number, c?: number, d?: number): unknown {
    const rect = typeof a === "string" ? parseA1(a, this.maxRows) : { row: a - 1, col: (b ?? 0) - 1, rows: c ?? 1, cols: d ?? 1 };
    if (typeof a === "number" && (b === undefined || !Number.isInteger(a) || !Number.isInteger(b))) throw new Error("Exception: getRange(row, column…) needs integers");
    this.checkBounds(rect);
    return this.book.wrap(new FakeRange(this, rect), "Range");
  }
  getRangeList(a1s: string[]): unknown {
    if (!Array.isArray(a1s) || a1s.length === 0) throw new Error("Exception: getRangeList needs at least one A1 notation");
    const ranges = a1s.map((a1) => {
      const rect = parseA1(a1);
      this.checkBounds(rect);
      return new FakeRange(this, rect);
    });
    return this.book.wrap(new FakeRangeList(ranges), "RangeList");
  }
  getDataRange(): unknown {
    const { lastRow, lastCol } = this.extent();
    return this.book.wrap(new FakeRange(this, { row: 0, col: 0, rows: Math.max(1, lastRow), cols: Math.max(1, lastCol) }), "Range");
  }
  getLastRow(): number {
    return this.extent().lastRow;
  }
  getLastColumn(): number {
    return this.extent().lastCol;
  }
  getMaxRows(): number {
    return this.maxRows;
  }
  getMaxColumns(): number {
    return this.maxCols;
  }
  insertRowsAfter(after: number, howMany: number): unknown {
    if (after > this.maxRows) throw new Error("Exception: row out of range");
    if (after !== this.maxRows) throw new Error("The fake only appends rows at the end of the sheet");
    this.maxRows += howMany;
    return this.book.wrap(this, "Sheet");
  }
  insertColumnsAfter(after: number, howMany: number): unknown {
    if (after !== this.maxCols) throw new Error("The fake only appends columns at the end of the sheet");
    this.maxCols += howMany;
    return this.book.wrap(this, "Sheet");
  }
  getConditionalFormatRules(): unknown[] {
    return [...this.rules];
  }
  setConditionalFormatRules(rules: unknown[]): void {
    if (!Array.isArray(rules)) throw new Error("Exception: setConditionalFormatRules takes an array");
    for (const rule of rules) {
      if (!(rule instanceof FakeConditionalFormatRule)) throw new Error("Exception: not a ConditionalFormatRule");
      for (const r of rule.ranges) if ((untracked(r) as FakeRange).sheet !== this) throw new Error("Exception: a conditional format rule cannot reference a different sheet");
    }
    this.rules = [...(rules as FakeConditionalFormatRule[])];
    this.ruleWrites++;
  }
  clearConditionalFormatRules(): void {
    this.rules = [];
  }
  protect(): unknown {
    let p = this.protections.find((x) => x.type === "SHEET");
    if (!p) {
      p = new FakeProtection(this, "SHEET");
      this.protections.push(p);
    }
    return this.book.wrap(p, "Protection");
  }
  getProtections(type: string): unknown[] {
    return this.protections.filter((p) => p.type === type).map((p) => this.book.wrap(p, "Protection"));
  }
  setFrozenRows(n: number): void {
    if (this.merges.some((m) => splits(m, n, 0))) throw new Error("Exception: Sorry, it is not possible to freeze rows that contain only part of a merged cell.");
    this.frozenRows = n;
  }
  setFrozenColumns(n: number): void {
    if (this.merges.some((m) => splits(m, 0, n))) throw new Error("Exception: Sorry, it is not possible to freeze columns that contain only part of a merged cell.");
    this.frozenCols = n;
  }
  setColumnWidth(col: number, width: number): unknown {
    this.columnWidths.set(col - 1, width);
    return this.book.wrap(this, "Sheet");
  }
  setColumnWidths(start: number, count: number, width: number): unknown {
    for (let i = 0; i < count; i++) this.columnWidths.set(start - 1 + i, width);
    return this.book.wrap(this, "Sheet");
  }
  hideColumns(start: number, count = 1): void {
    for (let i = 0; i < count; i++) this.hiddenColumns.add(start - 1 + i);
  }
  showColumns(start: number, count = 1): void {
    for (let i = 0; i < count; i++) this.hiddenColumns.delete(start - 1 + i);
  }
  hideSheet(): unknown {
    this.hidden = true;
    return this.book.wrap(this, "Sheet");
  }
  showSheet(): unknown {
    this.hidden = false;
    return this.book.wrap(this, "Sheet");
  }
  activate(): unknown {
    // The sheet shows again what was selected on it (A1 on a sheet never clicked).
    this.book.activeSheet = this;
    this.book.activeRange = this.book.selections.get(this) ?? null;
    return this.book.wrap(this, "Sheet");
  }
  addDeveloperMetadata(key: string, value?: string): unknown {
    this.metadata.push(new FakeDeveloperMetadata(key, value ?? null, this));
    return this.book.wrap(this, "Sheet");
  }
  getDeveloperMetadata(): unknown[] {
    return this.metadata.map((m) => this.book.wrap(m, "DeveloperMetadata"));
  }
  getParent(): unknown {
    return this.book.wrap(this.book, "Spreadsheet");
  }
  clear(): unknown {
    this.cells.clear();
    this.merges = [];
    return this.book.wrap(this, "Sheet");
  }
}

export interface NamedRangeRecord {
  name: string;
  range: FakeRange;
}

export class FakeSpreadsheet {
  readonly sheets: FakeSheet[] = [];
  readonly named = new Map<string, NamedRangeRecord>();
  metadata: FakeDeveloperMetadata[] = [];
  activeSheet: FakeSheet | null = null;
  /** The selection on the active sheet as last set (a user's click, Range.activate); null: its A1. */
  activeRange: FakeRange | null = null;
  /** What is selected on each sheet: Sheets keeps one selection per sheet and shows it when the sheet is shown again. */
  readonly selections = new Map<FakeSheet, FakeRange>();
  toasts: string[] = [];
  /** Computes a formula's value for getValues (none by default: formula cells read as blank). */
  evaluate: ((sheet: string, formula: string) => StoredValue | null) | null = null;
  private readonly proxies = new WeakMap<object, unknown>();

  constructor(
    readonly log: CallLog,
    readonly id: string,
    public name: string,
    firstSheet = "Trang tính1",
  ) {
    this.sheets.push(new FakeSheet(this, firstSheet));
    this.activeSheet = this.sheets[0]!;
  }

  /** The tracked proxy for one of this spreadsheet's objects (one proxy per object). */
  wrap<T extends object>(obj: T, typeName: string): T {
    let proxy = this.proxies.get(obj);
    if (!proxy) {
      proxy = tracked(obj, typeName, this.log);
      this.proxies.set(obj, proxy);
    }
    return proxy as T;
  }
  get url(): string {
    return `https://docs.google.com/spreadsheets/d/${this.id}/edit`;
  }
  sheet(name: string): FakeSheet {
    const s = this.sheets.find((x) => x.name === name);
    if (!s) throw new Error(`no sheet "${name}" in the fake spreadsheet (have: ${this.sheets.map((x) => x.name).join(", ")})`);
    return s;
  }

  // ---- Apps Script API ----
  getId(): string {
    return this.id;
  }
  getUrl(): string {
    return this.url;
  }
  getName(): string {
    return this.name;
  }
  getSheets(): unknown[] {
    return this.sheets.map((s) => this.wrap(s, "Sheet"));
  }
  getSheetByName(name: string): unknown {
    const s = this.sheets.find((x) => x.name === name);
    return s ? this.wrap(s, "Sheet") : null;
  }
  insertSheet(name: string): unknown {
    if (typeof name !== "string" || name.length === 0) throw new Error("Exception: a sheet name is required");
    if (this.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase()))
      throw new Error(`Exception: A sheet with the name "${name}" already exists. Please enter another name.`);
    const s = new FakeSheet(this, name);
    this.sheets.push(s);
    this.activeSheet = s;
    return this.wrap(s, "Sheet");
  }
  deleteSheet(sheet: unknown): void {
    const s = untracked(sheet) as FakeSheet;
    if (this.sheets.length === 1) throw new Error("Exception: a spreadsheet keeps at least one sheet");
    this.sheets.splice(this.sheets.indexOf(s), 1);
  }
  getActiveSheet(): unknown {
    return this.activeSheet ? this.wrap(this.activeSheet, "Sheet") : null;
  }
  /**
   * The selected range on the active sheet, as getActiveRange() gives it in a call from the sidebar
   * or a menu: the user's current selection, or the last range the script activated in this run.
   * The spreadsheet UI always has a cursor, so a sheet never clicked answers A1, not null; several
   * ranges selected (Ctrl+click) answer the last one.
   */
  getActiveRange(): unknown {
    const sheet = this.activeSheet;
    if (!sheet) return null;
    const range = this.selections.get(sheet) ?? new FakeRange(sheet, { row: 0, col: 0, rows: 1, cols: 1 });
    return this.wrap(range, "Range");
  }
  /** The active cell: the top-left cell of the active range (the one the cursor is in, for a selection made from there). */
  getCurrentCell(): unknown {
    const range = untracked(this.getActiveRange()) as FakeRange | null;
    return range ? this.wrap(new FakeRange(range.sheet, { row: range.rect.row, col: range.rect.col, rows: 1, cols: 1 }), "Range") : null;
  }
  /** Test hook (not Apps Script): the user shows `sheet` and selects `range` on it. */
  _select(sheet: FakeSheet, range: FakeRange): void {
    this.activeSheet = sheet;
    this.activeRange = range;
    this.selections.set(sheet, range);
  }
  /** Test hook (not Apps Script): the user clicks `a1` ("B12", "A12:V12") on the sheet named `sheetName`. */
  _userSelects(sheetName: string, a1: string): void {
    const sheet = this.sheet(sheetName);
    this._select(sheet, new FakeRange(sheet, parseA1(a1)));
  }
  setActiveSheet(sheet: unknown): unknown {
    this.activeSheet = untracked(sheet) as FakeSheet;
    return sheet;
  }
  setNamedRange(name: string, range: unknown): void {
    if (!/^[A-Za-z_][A-Za-z0-9_.]*$/.test(name)) throw new Error(`Exception: invalid named range name ${name}`);
    const r = untracked(range) as FakeRange;
    if (!(r instanceof FakeRange)) throw new Error("Exception: setNamedRange needs a Range");
    this.named.set(name, { name, range: r });
  }
  /** getRange("'Chỉ tiêu'!A1:V40") — the sheet named in the reference. */
  getRange(reference: string): unknown {
    const m = /^(?:'((?:[^']|'')+)'|([^!']+))!(.+)$/.exec(reference);
    if (!m) throw new Error(`Exception: Range not found: ${reference}`);
    const name = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2]!;
    const sheet = this.sheets.find((s) => s.name === name);
    if (!sheet) throw new Error(`Exception: Range not found: ${reference}`);
    return sheet.getRange(m[3]!);
  }
  getRangeByName(name: string): unknown {
    const rec = this.named.get(name);
    return rec ? this.wrap(rec.range, "Range") : null;
  }
  removeNamedRange(name: string): void {
    this.named.delete(name);
  }
  addDeveloperMetadata(key: string, value?: string): unknown {
    this.metadata.push(new FakeDeveloperMetadata(key, value ?? null, this));
    return this.wrap(this, "Spreadsheet");
  }
  getDeveloperMetadata(): unknown[] {
    return this.metadata.map((m) => this.wrap(m, "DeveloperMetadata"));
  }
  toast(message: string): void {
    this.toasts.push(message);
  }
  getSpreadsheetLocale(): string {
    return "vi_VN";
  }
  getSpreadsheetTimeZone(): string {
    return "Asia/Ho_Chi_Minh";
  }
}
