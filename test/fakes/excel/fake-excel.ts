// A strict in-memory fake of the part of Excel's JavaScript API the add-in uses. Like Office.js,
// every call only queues a command; `context.sync()` applies the queue in order. Unlike a mock,
// it refuses what real Excel refuses or punishes: reading a property that was not loaded (or
// loaded but not yet synced), a request over 5 MB (Excel on the web), a conditional format or a
// validation over a whole column, a write into a locked cell of a protected sheet, a method
// called on a null object. It counts syncs and the payload of each.
import {
  FakeWorkbookState,
  MAX_COLS,
  MAX_ROWS,
  blankCell,
  cellKey,
  coerceInput,
  intersects,
  parseAddress,
  quoteSheet,
  rectAddress,
  type CellState,
  type ConditionalFormatState,
  type DataValidationState,
  type NameState,
  type Rect,
  type Scalar,
  type SheetState,
} from "./state";
import { FakeChartCollection } from "./charts";

export const PAYLOAD_LIMIT = 5 * 1024 * 1024;
/** Rows from which a rule or validation counts as "whole column" (a bounded table never gets near). */
const WHOLE_COLUMN_ROWS = MAX_ROWS;

export class FakeStrictError extends Error {
  constructor(
    public code: string,
    message: string,
  ) {
    super(`${code}: ${message}`);
    this.name = "FakeStrictError";
  }
}

interface QueuedOp {
  kind: string;
  size: number;
  apply: () => void;
}

export interface SyncRecord {
  ops: number;
  payloadBytes: number;
  kinds: Record<string, number>;
}

export interface FakeOptions {
  /** Highest ExcelApi minor version the fake host claims (1.8 = Excel 2019). */
  excelApi?: number;
}

export class FakeRequestContext {
  readonly workbook: FakeWorkbook;
  readonly application: FakeApplication;
  readonly syncs: SyncRecord[] = [];
  private queue: QueuedOp[] = [];

  constructor(
    readonly state: FakeWorkbookState,
    readonly options: FakeOptions = {},
  ) {
    this.workbook = new FakeWorkbook(this);
    this.application = new FakeApplication(this);
  }

  get syncCount(): number {
    return this.syncs.length;
  }

  enqueue(kind: string, payload: unknown, apply: () => void): void {
    let size = 40 + kind.length;
    if (payload !== undefined) size += jsonLength(payload);
    this.queue.push({ kind, size, apply });
  }

  supports(version: number): boolean {
    return (this.options.excelApi ?? 1.9) >= version - 1e-9;
  }

  async sync(): Promise<void> {
    const ops = this.queue;
    this.queue = [];
    const payloadBytes = ops.reduce((sum, op) => sum + op.size, 0);
    const kinds: Record<string, number> = {};
    for (const op of ops) kinds[op.kind] = (kinds[op.kind] ?? 0) + 1;
    this.syncs.push({ ops: ops.length, payloadBytes, kinds });
    if (payloadBytes > PAYLOAD_LIMIT)
      throw new FakeStrictError("RequestPayloadSizeLimitExceeded", `the request is ${payloadBytes} bytes, over ${PAYLOAD_LIMIT}`);
    await Promise.resolve();
    for (const op of ops) op.apply();
  }

  /** Number of commands still waiting for a sync (a test checks nothing is left behind). */
  get pending(): number {
    return this.queue.length;
  }

  trackedObjects = {
    add: (): void => undefined,
    remove: (): void => undefined,
  };
}

function jsonLength(value: unknown): number {
  if (value instanceof FakeRange) return 60;
  try {
    return JSON.stringify(value, (_k, v: unknown) => (v instanceof FakeRange ? "[Range]" : v))?.length ?? 0;
  } catch {
    return 100;
  }
}

type LoadEntry = { ready: boolean; value: unknown };

/** What every proxy shares: `load`, strict property reads, `isNullObject`. */
abstract class FakeProxy {
  private loads = new Map<string, LoadEntry>();
  private nullState: { ready: boolean; isNull: boolean } | null = null;

  constructor(protected readonly ctx: FakeRequestContext) {}

  get context(): FakeRequestContext {
    return this.ctx;
  }

  protected abstract readProperty(name: string): unknown;

  /** Whether the object exists; null-object proxies override. */
  protected exists(): boolean {
    return true;
  }

  protected markNullable(): void {
    this.nullState = { ready: false, isNull: false };
    this.ctx.enqueue("resolve", undefined, () => {
      if (this.nullState) this.nullState = { ready: true, isNull: !this.exists() };
    });
  }

  get isNullObject(): boolean {
    if (!this.nullState) return false;
    if (!this.nullState.ready) throw new FakeStrictError("PropertyNotSynced", `${this.constructor.name}.isNullObject read before context.sync()`);
    return this.nullState.isNull;
  }

  load(spec?: string | string[] | Record<string, unknown>): this {
    const names = parseLoadSpec(spec);
    if (names.length === 0) throw new FakeStrictError("LoadEverything", `${this.constructor.name}.load() without property names (load only what you read)`);
    for (const name of names) {
      const entry: LoadEntry = { ready: false, value: undefined };
      this.loads.set(name, entry);
      this.ctx.enqueue("load", undefined, () => {
        entry.value = this.exists() ? this.readProperty(name) : undefined;
        entry.ready = true;
      });
    }
    return this;
  }

  protected loaded<T>(name: string): T {
    const entry = this.loads.get(name);
    if (!entry) throw new FakeStrictError("PropertyNotLoaded", `${this.constructor.name}.${name} read without load("${name}")`);
    if (!entry.ready) throw new FakeStrictError("PropertyNotSynced", `${this.constructor.name}.${name} read before context.sync()`);
    return entry.value as T;
  }

  protected requireExisting(what: string): void {
    if (!this.exists()) throw new FakeStrictError("InvalidObjectPath", `${what} called on a null object`);
  }
}

function parseLoadSpec(spec?: string | string[] | Record<string, unknown>): string[] {
  if (spec === undefined) return [];
  if (Array.isArray(spec)) return spec.flatMap((s) => parseLoadSpec(s));
  if (typeof spec === "string")
    return spec
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean);
  const select = (spec as { select?: string }).select;
  return select ? parseLoadSpec(select) : Object.keys(spec);
}

export class FakeApplication {
  suspended = 0;
  constructor(private readonly ctx: FakeRequestContext) {}
  suspendApiCalculationUntilNextSync(): void {
    this.ctx.enqueue("suspendCalculation", undefined, () => {
      this.suspended++;
    });
  }
}

export class FakeWorkbook {
  readonly worksheets: FakeWorksheetCollection;
  readonly names: FakeNamedItemCollection;
  readonly settings: FakeSettingCollection;

  constructor(private readonly ctx: FakeRequestContext) {
    this.worksheets = new FakeWorksheetCollection(ctx);
    this.names = new FakeNamedItemCollection(ctx);
    this.settings = new FakeSettingCollection(ctx);
  }

  getSelectedRange(): FakeRange {
    const state = this.ctx.state;
    return new FakeRange(this.ctx, () => state.sheet(state.selection?.sheet ?? state.sheets[0].name), () => parseAddress(state.selection?.address ?? "A1"));
  }
}

export class FakeWorksheetCollection extends FakeProxy {
  private itemsValue: FakeWorksheet[] | null = null;

  protected readProperty(name: string): unknown {
    if (name !== "items/name" && name !== "items") throw new FakeStrictError("NotImplemented", `WorksheetCollection.load("${name}")`);
    const list = this.ctx.state.sheets.map((sheet) => {
      const ws = new FakeWorksheet(this.ctx, () => sheet);
      ws.preload("name", sheet.name);
      return ws;
    });
    this.itemsValue = list;
    return list;
  }

  get items(): FakeWorksheet[] {
    this.loaded<FakeWorksheet[]>(this.loadedKey());
    return this.itemsValue ?? [];
  }

  private loadedKey(): string {
    try {
      this.loaded("items/name");
      return "items/name";
    } catch {
      return "items";
    }
  }

  getItem(name: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => this.ctx.state.sheet(name));
  }

  getItemOrNullObject(name: string): FakeWorksheet {
    const ws = new FakeWorksheet(this.ctx, () => this.ctx.state.sheet(name), () => this.ctx.state.findSheet(name) !== undefined);
    ws.nullable();
    return ws;
  }

  add(name: string): FakeWorksheet {
    let created: SheetState | null = null;
    this.ctx.enqueue("worksheets.add", name, () => {
      created = this.ctx.state.addSheet(name);
    });
    return new FakeWorksheet(this.ctx, () => {
      if (!created) throw new FakeStrictError("InvalidObjectPath", `worksheet "${name}" used before it was added`);
      return created;
    });
  }
}

export class FakeWorksheet extends FakeProxy {
  private preloaded = new Map<string, unknown>();
  readonly protection: FakeWorksheetProtection;
  readonly freezePanes: FakeFreezePanes;

  constructor(
    ctx: FakeRequestContext,
    readonly resolve: () => SheetState,
    private readonly existsCheck: () => boolean = () => true,
  ) {
    super(ctx);
    this.protection = new FakeWorksheetProtection(ctx, this);
    this.freezePanes = new FakeFreezePanes(ctx, this);
  }

  protected override exists(): boolean {
    return this.existsCheck();
  }

  nullable(): void {
    this.markNullable();
  }

  preload(name: string, value: unknown): void {
    this.preloaded.set(name, value);
  }

  protected readProperty(name: string): unknown {
    const sheet = this.resolve();
    if (name === "name") return sheet.name;
    if (name === "visibility") return sheet.visibility;
    if (name === "id") return String(sheet.id);
    throw new FakeStrictError("NotImplemented", `Worksheet.load("${name}")`);
  }

  get name(): string {
    if (this.preloaded.has("name")) return this.preloaded.get("name") as string;
    return this.loaded<string>("name");
  }

  set visibility(value: "Visible" | "Hidden" | "VeryHidden") {
    this.ctx.enqueue("worksheet.visibility", value, () => {
      this.requireExisting("Worksheet.visibility");
      this.resolve().visibility = value;
    });
  }

  /** Charts (test/fakes/excel/charts.ts, H-G). */
  get charts(): FakeChartCollection {
    return new FakeChartCollection(this.ctx, this.resolve);
  }

  get pageLayout(): FakePageLayout {
    if (!this.ctx.supports(1.9)) throw new FakeStrictError("ApiNotFound", "Worksheet.pageLayout needs ExcelApi 1.9");
    return new FakePageLayout(this.ctx, this);
  }

  getRange(address?: string): FakeRange {
    const rect = address === undefined ? { row: 0, col: 0, rows: MAX_ROWS, cols: MAX_COLS } : parseAddress(stripSheet(address));
    return new FakeRange(this.ctx, this.resolve, () => rect);
  }

  getRangeByIndexes(row: number, col: number, rows: number, cols: number): FakeRange {
    if (rows < 1 || cols < 1 || row < 0 || col < 0) throw new FakeStrictError("InvalidArgument", `getRangeByIndexes(${row}, ${col}, ${rows}, ${cols})`);
    return new FakeRange(this.ctx, this.resolve, () => ({ row, col, rows, cols }));
  }

  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    const used = () => this.ctx.state.usedRect(this.resolve(), valuesOnly);
    const range = new FakeRange(
      this.ctx,
      this.resolve,
      () => {
        const rect = used();
        if (!rect) throw new FakeStrictError("InvalidObjectPath", "used range of an empty sheet");
        return rect;
      },
      () => this.exists() && used() !== null,
    );
    range.nullable();
    return range;
  }

  activate(): void {
    this.ctx.enqueue("worksheet.activate", undefined, () => {
      this.ctx.state.activeSheet = this.resolve().name;
    });
  }

  delete(): void {
    this.ctx.enqueue("worksheet.delete", undefined, () => {
      const sheet = this.resolve();
      this.ctx.state.sheets = this.ctx.state.sheets.filter((s) => s !== sheet);
    });
  }
}

function stripSheet(address: string): string {
  const bang = address.lastIndexOf("!");
  return bang < 0 ? address : address.slice(bang + 1);
}

export class FakeWorksheetProtection extends FakeProxy {
  constructor(
    ctx: FakeRequestContext,
    private readonly worksheet: FakeWorksheet,
  ) {
    super(ctx);
  }
  protected readProperty(name: string): unknown {
    if (name === "protected") return this.worksheet.resolve().protection.protected;
    throw new FakeStrictError("NotImplemented", `WorksheetProtection.load("${name}")`);
  }
  get protected(): boolean {
    return this.loaded<boolean>("protected");
  }
  protect(options?: Record<string, unknown>, password?: string): void {
    this.ctx.enqueue("protection.protect", { options, password }, () => {
      const p = this.worksheet.resolve().protection;
      if (p.protected) throw new FakeStrictError("InvalidOperation", "the sheet is already protected");
      this.worksheet.resolve().protection = { protected: true, options: options ?? null, password: password ?? null };
    });
  }
  unprotect(password?: string): void {
    this.ctx.enqueue("protection.unprotect", { password }, () => {
      const p = this.worksheet.resolve().protection;
      if (p.protected && p.password && p.password !== password) throw new FakeStrictError("InvalidArgument", "wrong password");
      this.worksheet.resolve().protection = { protected: false, options: null, password: null };
    });
  }
}

export class FakeFreezePanes {
  constructor(
    private readonly ctx: FakeRequestContext,
    private readonly worksheet: FakeWorksheet,
  ) {}
  freezeRows(count: number): void {
    this.ctx.enqueue("freezePanes", count, () => {
      this.worksheet.resolve().frozen = { rows: count, cols: 0 };
    });
  }
  freezeAt(range: FakeRange): void {
    this.ctx.enqueue("freezePanes", undefined, () => {
      const rect = range.rect();
      this.worksheet.resolve().frozen = { rows: rect.row + rect.rows, cols: rect.col + rect.cols };
    });
  }
  unfreeze(): void {
    this.ctx.enqueue("freezePanes", undefined, () => {
      this.worksheet.resolve().frozen = { rows: 0, cols: 0 };
    });
  }
}

export class FakePageLayout {
  constructor(
    private readonly ctx: FakeRequestContext,
    private readonly worksheet: FakeWorksheet,
  ) {}
  private set(key: string, value: unknown): void {
    this.ctx.enqueue("pageLayout", value, () => {
      this.worksheet.resolve().pageLayout[key] = value;
    });
  }
  set orientation(v: string) {
    this.set("orientation", v);
  }
  set paperSize(v: string) {
    this.set("paperSize", v);
  }
  set topMargin(v: number) {
    this.set("topMargin", v);
  }
  set bottomMargin(v: number) {
    this.set("bottomMargin", v);
  }
  set leftMargin(v: number) {
    this.set("leftMargin", v);
  }
  set rightMargin(v: number) {
    this.set("rightMargin", v);
  }
  set headerMargin(v: number) {
    this.set("headerMargin", v);
  }
  set footerMargin(v: number) {
    this.set("footerMargin", v);
  }
  set zoom(v: Record<string, unknown>) {
    this.set("zoom", v);
  }
  set centerHorizontally(v: boolean) {
    this.set("centerHorizontally", v);
  }
  setPrintTitleRows(address: FakeRange | string): void {
    const text = typeof address === "string" ? address : rectAddress(address.rect());
    this.set("printTitleRows", text);
  }
}

type CellVisitor = (cell: CellState, row: number, col: number) => void;

export class FakeRange extends FakeProxy {
  readonly format: FakeRangeFormat;
  readonly conditionalFormats: FakeConditionalFormatCollection;
  readonly dataValidation: FakeDataValidation;

  constructor(
    ctx: FakeRequestContext,
    readonly sheetOf: () => SheetState,
    readonly rect: () => Rect,
    private readonly existsCheck: () => boolean = () => true,
  ) {
    super(ctx);
    this.format = new FakeRangeFormat(ctx, this);
    this.conditionalFormats = new FakeConditionalFormatCollection(ctx, this);
    this.dataValidation = new FakeDataValidation(ctx, this);
  }

  protected override exists(): boolean {
    return this.existsCheck();
  }

  nullable(): void {
    this.markNullable();
  }

  /** Applies `visit` to every cell of the range, creating cells; refuses locked cells of a protected sheet. */
  forEachCell(what: string, visit: CellVisitor, checkLock = true): void {
    this.requireExisting(what);
    const sheet = this.sheetOf();
    const r = this.rect();
    if (r.rows * r.cols > 5_000_000) throw new FakeStrictError("ResponsePayloadSizeLimitExceeded", `${what} on ${r.rows * r.cols} cells`);
    for (let i = 0; i < r.rows; i++)
      for (let j = 0; j < r.cols; j++) {
        const key = cellKey(r.row + i, r.col + j);
        const cell = sheet.cells.get(key) ?? blankCell();
        if (checkLock && sheet.protection.protected && cell.locked)
          throw new FakeStrictError("AccessDenied", `${what}: ${sheet.name}!${rectAddress({ row: r.row + i, col: r.col + j, rows: 1, cols: 1 })} is locked on a protected sheet`);
        visit(cell, i, j);
        sheet.cells.set(key, cell);
      }
  }

  private checkShape(what: string, grid: unknown): unknown[][] {
    const r = this.rect();
    if (!Array.isArray(grid) || grid.length !== r.rows || grid.some((row) => !Array.isArray(row) || row.length !== r.cols))
      throw new FakeStrictError("InvalidArgument", `${what}: the array is not ${r.rows}×${r.cols}`);
    return grid as unknown[][];
  }

  protected readProperty(name: string): unknown {
    const sheet = this.sheetOf();
    const r = this.rect();
    const cells = (pick: (cell: CellState) => unknown) => {
      if (r.rows * r.cols > 5_000_000) throw new FakeStrictError("ResponsePayloadSizeLimitExceeded", `reading ${r.rows * r.cols} cells`);
      const out: unknown[][] = [];
      for (let i = 0; i < r.rows; i++) {
        const row: unknown[] = [];
        for (let j = 0; j < r.cols; j++) row.push(pick(sheet.cells.get(cellKey(r.row + i, r.col + j)) ?? blankCell()));
        out.push(row);
      }
      return out;
    };
    switch (name) {
      case "values":
        return cells((c) => (c.formula !== null ? (c.value ?? "") : (c.value ?? "")));
      case "formulas":
        return cells((c) => c.formula ?? c.value ?? "");
      case "numberFormat":
        return cells((c) => c.numberFormat);
      case "text":
        return cells((c) => (c.value === null ? "" : String(c.value)));
      case "address":
        return `${quoteSheet(sheet.name)}!${rectAddress(r)}`;
      case "rowIndex":
        return r.row;
      case "columnIndex":
        return r.col;
      case "rowCount":
        return r.rows;
      case "columnCount":
        return r.cols;
      default:
        throw new FakeStrictError("NotImplemented", `Range.load("${name}")`);
    }
  }

  get values(): unknown[][] {
    return this.loaded("values");
  }
  set values(grid: unknown[][]) {
    this.writeCells("values", grid);
  }
  get formulas(): unknown[][] {
    return this.loaded("formulas");
  }
  set formulas(grid: unknown[][]) {
    this.writeCells("formulas", grid);
  }
  get numberFormat(): string[][] {
    return this.loaded("numberFormat");
  }
  set numberFormat(grid: string[][]) {
    const checked = () => this.checkShape("numberFormat", grid) as string[][];
    this.ctx.enqueue("range.numberFormat", grid, () => {
      const g = checked();
      this.forEachCell("numberFormat", (cell, i, j) => {
        cell.numberFormat = g[i][j] === null || g[i][j] === "" ? "General" : g[i][j];
      });
    });
  }
  get text(): string[][] {
    return this.loaded("text");
  }
  get address(): string {
    return this.loaded("address");
  }
  get rowIndex(): number {
    return this.loaded("rowIndex");
  }
  get columnIndex(): number {
    return this.loaded("columnIndex");
  }
  get rowCount(): number {
    return this.loaded("rowCount");
  }
  get columnCount(): number {
    return this.loaded("columnCount");
  }

  private writeCells(kind: "values" | "formulas", grid: unknown[][]): void {
    this.ctx.enqueue(`range.${kind}`, grid, () => {
      const g = this.checkShape(kind, grid);
      this.forEachCell(kind, (cell, i, j) => {
        const v = g[i][j];
        if (v !== null && typeof v === "object") throw new FakeStrictError("InvalidArgument", `${kind}: an object in a cell`);
        if (typeof v === "number" && !Number.isFinite(v)) throw new FakeStrictError("InvalidArgument", `${kind}: ${v} in a cell`);
        const input = coerceInput(v as Scalar | null, cell.numberFormat);
        cell.value = input.value;
        cell.formula = input.formula;
        cell.quotePrefix = input.quotePrefix;
      });
    });
  }

  set columnHidden(hidden: boolean) {
    this.ctx.enqueue("columnHidden", hidden, () => {
      const r = this.rect();
      const sheet = this.sheetOf();
      for (let j = 0; j < r.cols; j++) {
        if (hidden) sheet.hiddenColumns.add(r.col + j);
        else sheet.hiddenColumns.delete(r.col + j);
      }
    });
  }

  merge(across = false): void {
    this.ctx.enqueue("range.merge", across, () => {
      this.requireExisting("Range.merge");
      const sheet = this.sheetOf();
      const r = this.rect();
      if (sheet.protection.protected) throw new FakeStrictError("AccessDenied", "merge on a protected sheet");
      if (sheet.merges.some((m) => intersects(m, r))) throw new FakeStrictError("InvalidOperation", `merge over an existing merge at ${rectAddress(r)}`);
      if (across) for (let i = 0; i < r.rows; i++) sheet.merges.push({ row: r.row + i, col: r.col, rows: 1, cols: r.cols });
      else sheet.merges.push({ ...r });
    });
  }

  unmerge(): void {
    this.ctx.enqueue("range.unmerge", undefined, () => {
      this.requireExisting("Range.unmerge");
      const sheet = this.sheetOf();
      const r = this.rect();
      sheet.merges = sheet.merges.filter((m) => !intersects(m, r));
    });
  }

  clear(applyTo: string = "All"): void {
    this.ctx.enqueue("range.clear", applyTo, () => {
      this.requireExisting("Range.clear");
      const sheet = this.sheetOf();
      if (sheet.protection.protected) throw new FakeStrictError("AccessDenied", "clear on a protected sheet");
      const r = this.rect();
      for (const key of [...sheet.cells.keys()]) {
        const [row, col] = key.split(",").map(Number);
        if (row < r.row || row >= r.row + r.rows || col < r.col || col >= r.col + r.cols) continue;
        if (applyTo === "All") sheet.cells.delete(key);
        else if (applyTo === "Contents") {
          const cell = sheet.cells.get(key);
          if (cell) Object.assign(cell, { value: null, formula: null, quotePrefix: false });
        } else {
          const cell = sheet.cells.get(key);
          if (cell) sheet.cells.set(key, { ...blankCell(), value: cell.value, formula: cell.formula, quotePrefix: cell.quotePrefix });
        }
      }
      if (applyTo === "All" || applyTo === "Formats") sheet.merges = sheet.merges.filter((m) => !intersects(m, r));
    });
  }

  select(): void {
    this.ctx.enqueue("range.select", undefined, () => {
      this.requireExisting("Range.select");
      const sheet = this.sheetOf();
      this.ctx.state.activeSheet = sheet.name;
      this.ctx.state.selection = { sheet: sheet.name, address: rectAddress(this.rect()) };
    });
  }

  get worksheet(): FakeWorksheet {
    return new FakeWorksheet(this.ctx, this.sheetOf);
  }
}

export class FakeRangeFormat {
  readonly font: FakeRangeFont;
  readonly fill: FakeRangeFill;
  readonly borders: FakeRangeBorderCollection;
  readonly protection: FakeFormatProtection;

  constructor(
    private readonly ctx: FakeRequestContext,
    readonly range: FakeRange,
  ) {
    this.font = new FakeRangeFont(ctx, range);
    this.fill = new FakeRangeFill(ctx, range);
    this.borders = new FakeRangeBorderCollection(ctx, range);
    this.protection = new FakeFormatProtection(ctx, range);
  }

  private eachCell(kind: string, value: unknown, visit: (cell: CellState) => void): void {
    this.ctx.enqueue(`format.${kind}`, value, () => this.range.forEachCell(`format.${kind}`, visit));
  }

  set horizontalAlignment(v: string) {
    this.eachCell("horizontalAlignment", v, (c) => (c.horizontalAlignment = v));
  }
  set verticalAlignment(v: string) {
    this.eachCell("verticalAlignment", v, (c) => (c.verticalAlignment = v));
  }
  set wrapText(v: boolean) {
    this.eachCell("wrapText", v, (c) => (c.wrapText = v));
  }
  set indentLevel(v: number) {
    this.eachCell("indentLevel", v, (c) => (c.indentLevel = v));
  }
  set columnWidth(points: number) {
    this.ctx.enqueue("format.columnWidth", points, () => {
      const r = this.range.rect();
      const sheet = this.range.sheetOf();
      for (let j = 0; j < r.cols; j++) sheet.columnWidths.set(r.col + j, points);
    });
  }
  set rowHeight(points: number) {
    this.ctx.enqueue("format.rowHeight", points, () => {
      const r = this.range.rect();
      const sheet = this.range.sheetOf();
      for (let i = 0; i < r.rows; i++) sheet.rowHeights.set(r.row + i, points);
    });
  }
}

export class FakeRangeFont {
  constructor(
    private readonly ctx: FakeRequestContext,
    private readonly range: FakeRange,
  ) {}
  private set(key: "name" | "size" | "bold" | "italic" | "color" | "underline", value: unknown): void {
    this.ctx.enqueue(`font.${key}`, value, () => this.range.forEachCell(`font.${key}`, (c) => ((c.font as Record<string, unknown>)[key] = value)));
  }
  set name(v: string) {
    this.set("name", v);
  }
  set size(v: number) {
    this.set("size", v);
  }
  set bold(v: boolean) {
    this.set("bold", v);
  }
  set italic(v: boolean) {
    this.set("italic", v);
  }
  set color(v: string) {
    this.set("color", v);
  }
  set underline(v: string) {
    this.set("underline", v);
  }
}

export class FakeRangeFill {
  constructor(
    private readonly ctx: FakeRequestContext,
    private readonly range: FakeRange,
  ) {}
  set color(v: string) {
    this.ctx.enqueue("fill.color", v, () => this.range.forEachCell("fill.color", (c) => (c.fill = v)));
  }
  clear(): void {
    this.ctx.enqueue("fill.clear", undefined, () => this.range.forEachCell("fill.clear", (c) => (c.fill = null)));
  }
}

const BORDER_NAMES = new Set(["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideVertical", "InsideHorizontal", "DiagonalDown", "DiagonalUp"]);

export class FakeRangeBorderCollection {
  constructor(
    private readonly ctx: FakeRequestContext,
    private readonly range: FakeRange,
  ) {}
  getItem(index: string): FakeRangeBorder {
    if (!BORDER_NAMES.has(index)) throw new FakeStrictError("InvalidArgument", `borders.getItem("${index}")`);
    return new FakeRangeBorder(this.ctx, this.range, index);
  }
}

export class FakeRangeBorder {
  constructor(
    private readonly ctx: FakeRequestContext,
    private readonly range: FakeRange,
    private readonly index: string,
  ) {}
  private set(key: "style" | "color" | "weight", value: string): void {
    this.ctx.enqueue(`border.${key}`, value, () =>
      this.range.forEachCell(`border.${key}`, (c) => {
        const b = c.borders[this.index] ?? { style: "None" };
        (b as Record<string, string>)[key] = value;
        c.borders[this.index] = b;
      }),
    );
  }
  set style(v: string) {
    this.set("style", v);
  }
  set color(v: string) {
    this.set("color", v);
  }
  set weight(v: string) {
    this.set("weight", v);
  }
}

export class FakeFormatProtection {
  constructor(
    private readonly ctx: FakeRequestContext,
    private readonly range: FakeRange,
  ) {}
  set locked(v: boolean) {
    this.ctx.enqueue("protection.locked", v, () => {
      if (this.range.sheetOf().protection.protected) throw new FakeStrictError("AccessDenied", "locking cells of a protected sheet");
      this.range.forEachCell("locked", (c) => (c.locked = v), false);
    });
  }
}

function assertBounded(what: string, rect: Rect): void {
  if (rect.rows >= WHOLE_COLUMN_ROWS || rect.cols >= MAX_COLS)
    throw new FakeStrictError("WholeColumnRange", `${what} over a whole column or row (${rectAddress(rect)}): bound it to the table`);
}

export class FakeConditionalFormatCollection {
  constructor(
    private readonly ctx: FakeRequestContext,
    private readonly range: FakeRange,
  ) {}

  add(type: string): FakeConditionalFormat {
    const holder: { record: ConditionalFormatState | null } = { record: null };
    this.ctx.enqueue("conditionalFormats.add", type, () => {
      const rect = this.range.rect();
      assertBounded("conditional format", rect);
      this.range.forEachCell("conditionalFormats.add", () => undefined, false);
      if (type !== "Custom") throw new FakeStrictError("NotImplemented", `conditional format type ${type}`);
      holder.record = { rect: { ...rect }, type, formula: null, fill: null, fontColor: null, bold: null, stopIfTrue: false, priority: null };
      this.range.sheetOf().conditionalFormats.push(holder.record);
    });
    return new FakeConditionalFormat(this.ctx, holder);
  }

  clearAll(): void {
    this.ctx.enqueue("conditionalFormats.clearAll", undefined, () => {
      const sheet = this.range.sheetOf();
      const r = this.range.rect();
      sheet.conditionalFormats = sheet.conditionalFormats.filter((cf) => !intersects(cf.rect, r));
    });
  }
}

export class FakeConditionalFormat {
  readonly custom: {
    rule: { formula: string };
    format: { fill: { color: string }; font: { color: string; bold: boolean } };
  };

  constructor(
    private readonly ctx: FakeRequestContext,
    private readonly holder: { record: ConditionalFormatState | null },
  ) {
    const set = (key: "formula" | "fill" | "fontColor" | "bold", kind: string) => (value: unknown) =>
      this.ctx.enqueue(kind, value, () => {
        const record = this.record();
        if (key === "formula" && (typeof value !== "string" || !value.startsWith("=")))
          throw new FakeStrictError("InvalidArgument", `conditional format formula ${JSON.stringify(value)}`);
        (record as unknown as Record<string, unknown>)[key] = value;
      });
    const setFormula = set("formula", "cf.rule.formula");
    const setFill = set("fill", "cf.fill");
    const setFontColor = set("fontColor", "cf.font.color");
    const setBold = set("bold", "cf.font.bold");
    this.custom = {
      rule: {
        set formula(v: string) {
          setFormula(v);
        },
        get formula(): string {
          throw new FakeStrictError("PropertyNotLoaded", "ConditionalFormat.custom.rule.formula is write-only in the fake");
        },
      },
      format: {
        fill: {
          set color(v: string) {
            setFill(v);
          },
          get color(): string {
            throw new FakeStrictError("PropertyNotLoaded", "write-only in the fake");
          },
        },
        font: {
          set color(v: string) {
            setFontColor(v);
          },
          get color(): string {
            throw new FakeStrictError("PropertyNotLoaded", "write-only in the fake");
          },
          set bold(v: boolean) {
            setBold(v);
          },
          get bold(): boolean {
            throw new FakeStrictError("PropertyNotLoaded", "write-only in the fake");
          },
        },
      },
    };
  }

  private record(): ConditionalFormatState {
    if (!this.holder.record) throw new FakeStrictError("InvalidObjectPath", "conditional format not created");
    return this.holder.record;
  }

  set stopIfTrue(v: boolean) {
    this.ctx.enqueue("cf.stopIfTrue", v, () => (this.record().stopIfTrue = v));
  }
  set priority(v: number) {
    this.ctx.enqueue("cf.priority", v, () => (this.record().priority = v));
  }
}

export class FakeDataValidation {
  constructor(
    private readonly ctx: FakeRequestContext,
    private readonly range: FakeRange,
  ) {}

  private record(): DataValidationState {
    const sheet = this.range.sheetOf();
    const r = this.range.rect();
    let record = sheet.validations.find((v) => v.rect.row === r.row && v.rect.col === r.col && v.rect.rows === r.rows && v.rect.cols === r.cols);
    if (!record) {
      assertBounded("data validation", r);
      if (sheet.validations.some((v) => intersects(v.rect, r))) throw new FakeStrictError("InvalidOperation", `validation overlaps another at ${rectAddress(r)}`);
      record = { rect: { ...r }, rule: {}, listSource: null, ignoreBlanks: true, errorAlert: null, prompt: null };
      sheet.validations.push(record);
    }
    return record;
  }

  set rule(rule: Record<string, unknown>) {
    this.ctx.enqueue("dataValidation.rule", rule, () => {
      assertBounded("data validation", this.range.rect());
      this.range.forEachCell("dataValidation.rule", () => undefined, false);
      const record = this.record();
      const list = rule.list as { source?: unknown } | undefined;
      let listSource: DataValidationState["listSource"] = null;
      if (list) {
        if (list.source instanceof FakeRange) listSource = { sheet: list.source.sheetOf().name, rect: list.source.rect() };
        else if (typeof list.source === "string" && list.source.startsWith("=")) {
          const m = /^='?(.*?)'?!(.+)$/.exec(list.source);
          if (!m) throw new FakeStrictError("InvalidArgument", `list source ${list.source}`);
          listSource = { sheet: m[1].replace(/''/g, "'"), rect: parseAddress(m[2]) };
        } else throw new FakeStrictError("CommaListSource", `list source ${JSON.stringify(list.source)}: items with commas would be split (office-js#2128)`);
      }
      record.rule = JSON.parse(JSON.stringify(rule, (_k, v: unknown) => (v instanceof FakeRange ? "[Range]" : v))) as Record<string, unknown>;
      record.listSource = listSource;
    });
  }
  set ignoreBlanks(v: boolean) {
    this.ctx.enqueue("dataValidation.ignoreBlanks", v, () => (this.record().ignoreBlanks = v));
  }
  set errorAlert(v: Record<string, unknown>) {
    this.ctx.enqueue("dataValidation.errorAlert", v, () => (this.record().errorAlert = v));
  }
  set prompt(v: Record<string, unknown>) {
    this.ctx.enqueue("dataValidation.prompt", v, () => (this.record().prompt = v));
  }
  clear(): void {
    this.ctx.enqueue("dataValidation.clear", undefined, () => {
      const sheet = this.range.sheetOf();
      const r = this.range.rect();
      sheet.validations = sheet.validations.filter((v) => !intersects(v.rect, r));
    });
  }
}

export class FakeNamedItemCollection extends FakeProxy {
  protected readProperty(name: string): unknown {
    if (name !== "items/name,items/value" && name !== "items/name" && name !== "items/value" && name !== "items/formula")
      throw new FakeStrictError("NotImplemented", `NamedItemCollection.load("${name}")`);
    return this.ctx.state.names.map((n) => {
      const item = new FakeNamedItem(this.ctx, n.name);
      item.preload(n);
      return item;
    });
  }

  get items(): FakeNamedItem[] {
    return this.loaded<FakeNamedItem[]>("items/name");
  }

  add(name: string, reference: FakeRange | string, comment = ""): void {
    this.ctx.enqueue("names.add", { name, comment }, () => {
      if (!/^[\p{L}_\\][\p{L}\p{N}_.]*$/u.test(name)) throw new FakeStrictError("InvalidArgument", `name "${name}"`);
      if (this.ctx.state.names.some((n) => n.name.toLowerCase() === name.toLowerCase())) throw new FakeStrictError("ItemAlreadyExists", `name "${name}"`);
      if (typeof reference === "string") {
        const m = /^='?(.*?)'?!(.+)$/.exec(reference);
        if (!m) throw new FakeStrictError("InvalidArgument", `reference ${reference}`);
        const sheet = this.ctx.state.sheet(m[1].replace(/''/g, "'"));
        this.ctx.state.names.push({ name, sheetId: sheet.id, rect: parseAddress(m[2]), comment });
      } else this.ctx.state.names.push({ name, sheetId: reference.sheetOf().id, rect: reference.rect(), comment });
    });
  }

  getItem(name: string): FakeNamedItem {
    return new FakeNamedItem(this.ctx, name);
  }

  getItemOrNullObject(name: string): FakeNamedItem {
    const item = new FakeNamedItem(this.ctx, name);
    item.nullable();
    return item;
  }
}

export class FakeNamedItem extends FakeProxy {
  constructor(
    ctx: FakeRequestContext,
    private readonly itemName: string,
  ) {
    super(ctx);
  }
  private snapshot: { name: string; value: string; formula: string } | null = null;
  nullable(): void {
    this.markNullable();
  }
  /** Fills name/value as a collection load does, from the state at sync time. */
  preload(item: NameState): void {
    const sheet = this.ctx.state.sheetById(item.sheetId);
    const ref = `${quoteSheet(sheet.name)}!${absoluteAddress(item.rect)}`;
    this.snapshot = { name: item.name, value: ref, formula: `=${ref}` };
  }
  private find() {
    return this.ctx.state.names.find((n) => n.name.toLowerCase() === this.itemName.toLowerCase());
  }
  protected override exists(): boolean {
    return this.find() !== undefined;
  }
  protected readProperty(name: string): unknown {
    const item = this.find();
    if (!item) return undefined;
    const sheet = this.ctx.state.sheetById(item.sheetId);
    const abs = absoluteAddress;
    switch (name) {
      case "name":
        return item.name;
      case "value":
        return `${quoteSheet(sheet.name)}!${abs(item.rect)}`;
      case "formula":
        return `=${quoteSheet(sheet.name)}!${abs(item.rect)}`;
      case "type":
        return "Range";
      default:
        throw new FakeStrictError("NotImplemented", `NamedItem.load("${name}")`);
    }
  }
  get name(): string {
    return this.snapshot?.name ?? this.loaded("name");
  }
  get value(): string {
    return this.snapshot?.value ?? this.loaded("value");
  }
  get formula(): string {
    return this.snapshot?.formula ?? this.loaded("formula");
  }
  get type(): string {
    return this.loaded("type");
  }
  getRange(): FakeRange {
    return new FakeRange(
      this.ctx,
      () => {
        const item = this.find();
        if (!item) throw new FakeStrictError("InvalidObjectPath", `name "${this.itemName}" does not exist`);
        return this.ctx.state.sheetById(item.sheetId);
      },
      () => this.find()!.rect,
    );
  }
  delete(): void {
    this.ctx.enqueue("names.delete", this.itemName, () => {
      this.requireExisting("NamedItem.delete");
      this.ctx.state.names = this.ctx.state.names.filter((n) => n.name.toLowerCase() !== this.itemName.toLowerCase());
    });
  }
}

function absoluteAddress(rect: Rect): string {
  return rectAddress(rect)
    .split(":")
    .map((part) => part.replace(/^([A-Z]+)(\d+)$/, "$$$1$$$2"))
    .join(":");
}

export class FakeSettingCollection {
  constructor(private readonly ctx: FakeRequestContext) {}
  add(key: string, value: unknown): void {
    this.ctx.enqueue("settings.add", { key, value }, () => {
      this.ctx.state.settings.set(key, JSON.parse(JSON.stringify(value)) as unknown);
    });
  }
  getItemOrNullObject(key: string): FakeSetting {
    const setting = new FakeSetting(this.ctx, key);
    setting.nullable();
    return setting;
  }
}

export class FakeSetting extends FakeProxy {
  constructor(
    ctx: FakeRequestContext,
    private readonly key: string,
  ) {
    super(ctx);
  }
  nullable(): void {
    this.markNullable();
  }
  protected override exists(): boolean {
    return this.ctx.state.settings.has(this.key);
  }
  protected readProperty(name: string): unknown {
    if (name === "value") return this.ctx.state.settings.get(this.key);
    if (name === "key") return this.key;
    throw new FakeStrictError("NotImplemented", `Setting.load("${name}")`);
  }
  get value(): unknown {
    return this.loaded("value");
  }
}
