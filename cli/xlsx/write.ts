// The .xlsx renderer of the core's WorkbookModel, through ExcelJS. It only translates: every value,
// style, rule and rectangle comes from the model. Strings are always written as text (ExcelJS
// stores a string as a shared string, never as a formula); formulas go through toFileFormula so
// newer functions carry their `_xlfn.` prefix in the file.
import type ExcelJS from "exceljs";
import { unzipSync } from "fflate";
import type { CellStyle, Color, ConditionalRule, DataValidationSpec, PrintSetup, SheetModel, WorkbookModel } from "../../shared/sheet/types";
import { isFormula } from "../../shared/sheet/types";
import { toFileFormula } from "../../shared/sheet/formula-text";
import { absoluteRef, rectA1 } from "../../shared/sheet/a1";
import { zipParts } from "./zip-write";

export interface WriteOptions {
  /** Sheet protection password; by default sheets are protected without one (a guard-rail, not security). */
  password?: string;
  creator?: string;
}

const MM_PER_INCH = 25.4;

let workbookClass: typeof ExcelJS.Workbook | undefined;

/**
 * ExcelJS's Workbook class, loaded on first write and without the rest of the package (streaming
 * reader and writer, unzipper, archiver): the whole package takes a fifth of a second to load,
 * longer than a consolidation of a hundred files takes to read them, and commands that only read
 * never need it.
 */
function excelJsWorkbook(): typeof ExcelJS.Workbook {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  workbookClass ??= require("exceljs/lib/doc/workbook") as typeof ExcelJS.Workbook;
  return workbookClass;
}

/** Builds the ExcelJS workbook for the model. */
export async function toExcelJs(model: WorkbookModel, options: WriteOptions = {}): Promise<ExcelJS.Workbook> {
  const Workbook = excelJsWorkbook();
  const workbook = new Workbook();
  workbook.creator = options.creator ?? "Chỉ tiêu thi đua";
  // Formulas are written without cached results: every program recalculates on open.
  workbook.calcProperties.fullCalcOnLoad = true;
  for (const sheet of model.sheets) await renderSheet(workbook, sheet, options);
  return workbook;
}

/**
 * The .xlsx bytes of the model. ExcelJS's own deflate (JSZip) is the slowest step of a write, so it
 * stores the parts and Node's zlib compresses them: same parts, same XML, a fraction of the time.
 */
export async function writeXlsxBuffer(model: WorkbookModel, options: WriteOptions = {}): Promise<Buffer> {
  const workbook = await toExcelJs(model, options);
  const stored = await workbook.xlsx.writeBuffer({ zip: { compression: "STORE" } } as unknown as ExcelJS.XlsxWriteOptions);
  const parts = unzipSync(new Uint8Array(stored as ArrayBuffer));
  const zip = zipParts(Object.entries(parts));
  return Buffer.from(zip.buffer, zip.byteOffset, zip.length);
}

async function renderSheet(workbook: ExcelJS.Workbook, model: SheetModel, options: WriteOptions): Promise<void> {
  const ws = workbook.addWorksheet(model.name, {
    // Sheets named "_…" are the program's own (metadata): very hidden, out of Excel's Unhide list.
    // Other hidden sheets (the list sources and settings) stay within a user's reach.
    state: model.hidden ? (model.name.startsWith("_") ? "veryHidden" : "hidden") : "visible",
    views: model.frozen ? [{ state: "frozen", xSplit: model.frozen.cols, ySplit: model.frozen.rows }] : [{}],
  });

  model.columns.forEach((column, i) => {
    const col = ws.getColumn(i + 1);
    col.width = column.width;
    if (column.hidden) col.hidden = true;
  });
  for (const { row, height } of model.rowHeights ?? []) ws.getRow(row + 1).height = height;

  // Loops, not Math.max(...): a consolidation of the country has hundreds of thousands of style
  // rectangles, past what a spread can put on the call stack.
  let height = model.cells.length;
  let width = model.columns.length;
  for (const row of model.cells) width = Math.max(width, row.length);
  for (const { range } of model.styles) {
    height = Math.max(height, range.row + range.rows);
    width = Math.max(width, range.col + range.cols);
  }
  for (const rect of model.editable) {
    height = Math.max(height, rect.row + rect.rows);
    width = Math.max(width, rect.col + rect.cols);
  }
  const styleAt = resolveStyles(model, height, width);
  const editable = cellMask(model.editable, height, width);
  const cellStyle = styleCache(model.font);

  for (let r = 0; r < height; r++) {
    const values = model.cells[r] ?? [];
    const formats = model.numberFormats[r] ?? [];
    const row = ws.getRow(r + 1);
    for (let c = 0; c < width; c++) {
      const value = values[c] ?? null;
      const style = styleAt(r, c);
      const format = formats[c] ?? null;
      const unlocked = editable[r * width + c] === 1;
      if (value === null && !style && !format && !unlocked) continue;
      const cell = row.getCell(c + 1);
      if (value !== null) cell.value = isFormula(value) ? { formula: toFileFormula(value.formula).replace(/^=/, "") } : value;
      cell.style = cellStyle(style, format, unlocked);
    }
  }

  for (const merge of model.merges) ws.mergeCells(rectA1(merge));
  model.conditionalRules.forEach((rule, i) => addConditionalRule(ws, rule, i + 1));
  // ExcelJS has `dataValidations` on every worksheet but leaves it out of its type declarations.
  const validations = (ws as unknown as { dataValidations: { add(ref: string, rule: ExcelJS.DataValidation): void } }).dataValidations;
  for (const spec of model.validations) validations.add(rectA1(spec.range), excelValidation(spec));
  for (const name of model.names) workbook.definedNames.add(absoluteRef(name.sheet, name.range), name.name);
  if (model.print) applyPrintSetup(ws, model.print);

  if (model.protection.enabled) {
    // What a clerk may still do on a protected sheet: select, resize rows and columns, sort and
    // filter. Inserting or deleting rows stays locked: it would cut through the formulas' ranges.
    await ws.protect(options.password ?? model.protection.password ?? "", {
      selectLockedCells: true,
      selectUnlockedCells: true,
      formatColumns: true,
      formatRows: true,
      sort: true,
      autoFilter: true,
      spinCount: 100000,
    });
  }
}

type ResolvedStyle = CellStyle | null;

const UNDEFINED_MARK = "\u0000undefined";

/**
 * Later rectangles win, property by property, over earlier ones. Rectangles with equal styles share
 * one object (builders write a fresh literal per cell), and so do cells under equal rectangles, so
 * styleCache sees each combination once.
 */
function resolveStyles(model: SheetModel, height: number, width: number): (row: number, col: number) => ResolvedStyle {
  const grid: (CellStyle | undefined)[] = new Array(height * width);
  const interned = new Map<string, CellStyle>();
  const intern = (style: CellStyle): CellStyle => {
    // A property present as undefined overrides in a spread, so it is part of the key.
    const key = JSON.stringify(style, (_, value: unknown) => (value === undefined ? UNDEFINED_MARK : value));
    let shared = interned.get(key);
    if (!shared) interned.set(key, (shared = style));
    return shared;
  };
  const merged = new Map<CellStyle, Map<CellStyle, CellStyle>>();
  const merge = (before: CellStyle, style: CellStyle): CellStyle => {
    let byStyle = merged.get(before);
    if (!byStyle) merged.set(before, (byStyle = new Map()));
    let result = byStyle.get(style);
    if (!result) byStyle.set(style, (result = { ...before, ...style, font: style.font || before.font ? { ...before.font, ...style.font } : undefined }));
    return result;
  };
  for (const { range, style: given } of model.styles) {
    const style = intern(given);
    for (let r = range.row; r < range.row + range.rows && r < height; r++) {
      for (let c = range.col; c < range.col + range.cols && c < width; c++) {
        const i = r * width + c;
        const before = grid[i];
        grid[i] = before ? merge(before, style) : style;
      }
    }
  }
  return (row, col) => grid[row * width + col] ?? null;
}

/**
 * The ExcelJS style of a cell, one object per (resolved style, number format, unlocked): ExcelJS
 * serialises and hashes a style object once and reuses its index for every cell holding the same
 * object, where a fresh object per cell costs that work on every cell. (ExcelJS's index also
 * depends on the cell's type only for dates, which the model never holds.)
 */
function styleCache(font: SheetModel["font"]): (style: ResolvedStyle, numFmt: string | null, unlocked: boolean) => Partial<ExcelJS.Style> {
  const byStyle = new Map<ResolvedStyle, Map<string, Partial<ExcelJS.Style>>>();
  return (style, numFmt, unlocked) => {
    let byFormat = byStyle.get(style);
    if (!byFormat) byStyle.set(style, (byFormat = new Map()));
    const key = `${unlocked ? "u" : "l"}${numFmt ?? ""}`;
    let result = byFormat.get(key);
    if (!result) byFormat.set(key, (result = excelStyle(font, style, numFmt, unlocked)));
    return result;
  };
}

/** Marks the cells inside the rectangles, indexed row * width + col. */
function cellMask(rects: SheetModel["editable"], height: number, width: number): Uint8Array {
  const mask = new Uint8Array(height * width);
  for (const rect of rects)
    for (let r = rect.row; r < Math.min(rect.row + rect.rows, height); r++)
      for (let c = rect.col; c < Math.min(rect.col + rect.cols, width); c++) mask[r * width + c] = 1;
  return mask;
}

function argb(color: Color): string {
  const hex = color.replace("#", "").toUpperCase();
  return hex.length === 6 ? `FF${hex}` : hex.padStart(8, "F");
}

function excelStyle(font: SheetModel["font"], style: ResolvedStyle, numFmt: string | null, unlocked: boolean): Partial<ExcelJS.Style> {
  const out: Partial<ExcelJS.Style> = {
    font: {
      name: style?.font?.name ?? font.name,
      size: style?.font?.size ?? font.size,
      ...(style?.font?.bold ? { bold: true } : {}),
      ...(style?.font?.italic ? { italic: true } : {}),
      ...(style?.font?.underline ? { underline: true } : {}),
      ...(style?.font?.color ? { color: { argb: argb(style.font.color) } } : {}),
    },
  };
  if (style?.fill) out.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(style.fill) } };
  if (style && (style.horizontal || style.vertical || style.wrap || style.indent)) {
    out.alignment = {
      ...(style.horizontal ? { horizontal: style.horizontal } : {}),
      ...(style.vertical ? { vertical: style.vertical } : {}),
      ...(style.wrap ? { wrapText: true } : {}),
      ...(style.indent ? { indent: style.indent } : {}),
    };
  }
  if (style?.border === "thin-all") {
    const thin = { style: "thin" as const, color: { argb: "FF000000" } };
    out.border = { top: thin, left: thin, bottom: thin, right: thin };
  }
  if (numFmt) out.numFmt = numFmt;
  if (unlocked) out.protection = { locked: false };
  return out;
}

function addConditionalRule(ws: ExcelJS.Worksheet, rule: ConditionalRule, priority: number): void {
  const style: Partial<ExcelJS.Style> = {};
  if (rule.style.fill) style.fill = { type: "pattern", pattern: "solid", bgColor: { argb: argb(rule.style.fill) } };
  if (rule.style.fontColor || rule.style.bold)
    style.font = { ...(rule.style.fontColor ? { color: { argb: argb(rule.style.fontColor) } } : {}), ...(rule.style.bold ? { bold: true } : {}) };
  ws.addConditionalFormatting({
    ref: rectA1(rule.range),
    rules: [
      {
        type: "expression",
        formulae: [toFileFormula(rule.formula).replace(/^=/, "")],
        style,
        priority,
        ...(rule.stopIfTrue ? { stopIfTrue: true } : {}),
      } as ExcelJS.ConditionalFormattingRule,
    ],
  });
}

function excelValidation(spec: DataValidationSpec): ExcelJS.DataValidation {
  const common = {
    allowBlank: spec.allowBlank,
    showErrorMessage: true,
    errorStyle: spec.strict ? "stop" : "warning",
    ...(spec.error ? { errorTitle: spec.error.title, error: spec.error.message } : {}),
    ...(spec.prompt ? { showInputMessage: true, promptTitle: spec.prompt.title, prompt: spec.prompt.message } : {}),
  } as const;
  const rule = spec.rule;
  if (rule.kind === "list") return { ...common, type: "list", formulae: [absoluteRef(rule.sourceSheet, rule.source)] };
  const { min, max } = rule;
  if (min !== undefined && max !== undefined) return { ...common, type: rule.kind, operator: "between", formulae: [min, max] };
  if (min !== undefined) return { ...common, type: rule.kind, operator: "greaterThanOrEqual", formulae: [min] };
  if (max !== undefined) return { ...common, type: rule.kind, operator: "lessThanOrEqual", formulae: [max] };
  return { ...common, type: rule.kind, operator: "greaterThanOrEqual", formulae: [-1e15] };
}

function applyPrintSetup(ws: ExcelJS.Worksheet, print: PrintSetup): void {
  const inches = (mm: number) => Math.round((mm / MM_PER_INCH) * 1000) / 1000;
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: 9,
    orientation: print.orientation,
    fitToPage: print.fitToWidth,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    margins: {
      top: inches(print.margins.top),
      bottom: inches(print.margins.bottom),
      left: inches(print.margins.left),
      right: inches(print.margins.right),
      header: inches(print.margins.header),
      footer: inches(print.margins.footer),
    },
    ...(print.repeatRows ? { printTitlesRow: `${print.repeatRows.first + 1}:${print.repeatRows.last + 1}` } : {}),
    ...(print.printArea ? { printArea: rectA1(print.printArea) } : {}),
  };
  if (print.pageNumbers) ws.headerFooter = { differentFirst: true, firstHeader: "", oddHeader: "&C&P" };
}
