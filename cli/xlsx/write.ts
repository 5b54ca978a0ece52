// The .xlsx renderer of the core's WorkbookModel. It only translates: every value, style, rule and
// rectangle comes from the model. ExcelJS writes what a sheet is dressed in (styles, column widths,
// panes, merges, conditional formats, protection, page setup); the cells themselves, the shared
// strings, data validations, defined names, filters and tables are written here as text
// (sheet-xml.ts), which keeps a million-cell consolidation to seconds and a few hundred MB and
// keeps each validation on its own rectangle. Strings are always text (shared strings, never a
// formula); formulas go through toFileFormula so newer functions carry their `_xlfn.` prefix.
import type ExcelJS from "exceljs";
import { strFromU8, strToU8, unzipSync } from "fflate";
import type { CellStyle, Color, ConditionalRule, PrintSetup, SheetModel, WorkbookModel } from "../../shared/sheet/types";
import { rectA1 } from "../../shared/sheet/a1";
import { toFileFormula } from "../../shared/sheet/formula-text";
import { zipParts } from "./zip-write";
import { addChartParts } from "./chart-parts";
import {
  absoluteRange,
  absoluteRows,
  autoFilterXml,
  concatBytes,
  dataValidationsXml,
  definedNamesXml,
  dimensionXml,
  SharedStrings,
  sheetDataXml,
  tableXml,
  type WorkbookName,
} from "./sheet-xml";

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

/** What the text writer needs of a sheet once ExcelJS has dressed it. */
interface SheetPlan {
  model: SheetModel;
  height: number;
  width: number;
  /** Per cell (row * width + col): the palette entry of its style, -1 for a cell not written. */
  paletteOf: Int32Array;
  /** Per palette entry: the first cell holding that style (ExcelJS writes its style index there). */
  paletteCells: string[];
}

/**
 * The .xlsx bytes of the model. ExcelJS stores its parts (its JSZip deflate is the slowest step of
 * a write); they are completed here and Node's zlib compresses them.
 */
export async function writeXlsxBuffer(model: WorkbookModel, options: WriteOptions = {}): Promise<Buffer> {
  const Workbook = excelJsWorkbook();
  const workbook = new Workbook();
  workbook.creator = options.creator ?? "Chỉ tiêu thi đua";
  // Formulas are written without cached results: every program recalculates on open.
  workbook.calcProperties.fullCalcOnLoad = true;
  const plans: SheetPlan[] = [];
  for (const sheet of model.sheets) plans.push(await dressSheet(workbook, sheet, options));
  const stored = await workbook.xlsx.writeBuffer({ zip: { compression: "STORE" } } as unknown as ExcelJS.XlsxWriteOptions);
  const parts = new Map(Object.entries(unzipSync(new Uint8Array(stored as ArrayBuffer))).filter(([name]) => !name.endsWith("/")));
  completeParts(parts, plans);
  // Native charts of the summary and ranking sheets (H-G, cli/xlsx/chart-parts.ts): ExcelJS writes none.
  addChartParts(parts, model);
  const zip = zipParts(parts.entries());
  return Buffer.from(zip.buffer, zip.byteOffset, zip.length);
}

/** The sheet's extent: loops, not Math.max(...), as a national consolidation has ~10⁵ rectangles. */
function extentOf(model: SheetModel): { height: number; width: number } {
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
  return { height, width };
}

async function dressSheet(workbook: ExcelJS.Workbook, model: SheetModel, options: WriteOptions): Promise<SheetPlan> {
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

  const { height, width } = extentOf(model);
  const styleAt = resolveStyles(model, height, width);
  const editable = cellMask(model.editable, height, width);
  const cellStyle = styleCache(model.font);

  // Merges first: ExcelJS gives a merged cell its master's style, which would overwrite a palette cell.
  for (const merge of model.merges) ws.mergeCells(rectA1(merge));

  // One ExcelJS cell per distinct style (the palette): ExcelJS turns it into a cellXfs index, which
  // every cell of that style then carries in the text written here.
  const paletteOf = new Int32Array(height * width).fill(-1);
  const paletteIndex = new Map<Partial<ExcelJS.Style>, number>();
  const paletteCells: string[] = [];
  for (let r = 0; r < height; r++) {
    const values = model.cells[r] ?? [];
    const formats = model.numberFormats[r] ?? [];
    for (let c = 0; c < width; c++) {
      const value = values[c] ?? null;
      const style = styleAt(r, c);
      const format = formats[c] ?? null;
      const unlocked = editable[r * width + c] === 1;
      if (value === null && !style && !format && !unlocked) continue;
      const excelStyle = cellStyle(style, format, unlocked);
      let entry = paletteIndex.get(excelStyle);
      if (entry === undefined) {
        entry = paletteCells.length;
        paletteIndex.set(excelStyle, entry);
        const cell = ws.getRow(r + 1).getCell(c + 1);
        cell.style = excelStyle;
        paletteCells.push(cell.address);
      }
      paletteOf[r * width + c] = entry;
    }
  }

  model.conditionalRules.forEach((rule, i) => addConditionalRule(ws, rule, i + 1));
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
  return { model, height, width, paletteOf, paletteCells };
}

/** Where the cells go in ExcelJS's sheet text, until they are spliced in as bytes. */
const SHEET_DATA_MARK = "\u0000sheetData\u0000";
const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/**
 * Completes ExcelJS's parts: each sheet's cells, validations, filter and tables; the shared
 * strings; the workbook's defined names (names, print areas and titles, filter ranges).
 */
function completeParts(parts: Map<string, Uint8Array>, plans: SheetPlan[]): void {
  const strings = new SharedStrings();
  const names: WorkbookName[] = [];
  const contentTypes: string[] = [];
  let tableId = 0;
  const sheetParts = worksheetParts(parts);
  plans.forEach((plan, index) => {
    const part = sheetParts[index];
    const { model } = plan;
    let xml = strFromU8(parts.get(part) ?? new Uint8Array());
    const styleOfPalette = plan.paletteCells.map((ref) => {
      const found = new RegExp(`<c r="${ref}"(?: s="(\\d+)")?`).exec(xml);
      return found?.[1] ? Number(found[1]) : 0;
    });
    const heights = new Map((model.rowHeights ?? []).map((h) => [h.row, h.height] as const));
    const data = sheetDataXml(
      {
        height: plan.height,
        width: plan.width,
        value: (r, c) => model.cells[r]?.[c] ?? null,
        styleIndex: (r, c) => {
          const entry = plan.paletteOf[r * plan.width + c];
          return entry < 0 ? -1 : styleOfPalette[entry];
        },
        rowHeight: (r) => heights.get(r),
      },
      strings,
    );
    xml = xml.replace(/<dimension\b[^>]*\/>/, dimensionXml(plan.height, plan.width));
    xml = replaceElement(xml, "sheetData", SHEET_DATA_MARK);
    if (model.autoFilter) {
      xml = insertBefore(xml, AFTER_AUTOFILTER, autoFilterXml(model.autoFilter));
      names.push({ name: "_xlnm._FilterDatabase", localSheetId: index, hidden: true, ref: absoluteRange(model.name, model.autoFilter) });
    }
    xml = insertBefore(xml, AFTER_VALIDATIONS, dataValidationsXml(model.validations));
    const tables = model.tables ?? [];
    if (tables.length > 0) {
      const rels: string[] = [];
      tables.forEach((table, i) => {
        tableId++;
        const headers: string[] = [];
        for (let c = table.range.col; c < table.range.col + table.range.cols; c++) headers.push(String(model.cells[table.range.row]?.[c] ?? ""));
        parts.set(`xl/tables/table${tableId}.xml`, strToU8(tableXml(tableId, table.name, table.range, headers)));
        contentTypes.push(`<Override PartName="/xl/tables/table${tableId}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml"/>`);
        rels.push(`<Relationship Id="rIdTable${i + 1}" Type="${REL_NS}/table" Target="../tables/table${tableId}.xml"/>`);
      });
      const relsPart = part.replace(/([^/]+)$/, "_rels/$1.rels");
      const existing = parts.get(relsPart);
      const relsXml = existing
        ? strFromU8(existing).replace("</Relationships>", `${rels.join("")}</Relationships>`)
        : `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join("")}</Relationships>`;
      parts.set(relsPart, strToU8(relsXml));
      const tableParts = `<tableParts count="${tables.length}">${tables.map((_, i) => `<tablePart r:id="rIdTable${i + 1}"/>`).join("")}</tableParts>`;
      xml = insertBefore(xml, ["extLst"], tableParts);
    }
    const [before, after] = xml.split(SHEET_DATA_MARK) as [string, string];
    parts.set(part, concatBytes([strToU8(before), ...data, strToU8(after)]));

    for (const name of model.names) names.push({ name: name.name, ref: absoluteRange(name.sheet, name.range) });
    if (model.print?.printArea) names.push({ name: "_xlnm.Print_Area", localSheetId: index, ref: absoluteRange(model.name, model.print.printArea) });
    if (model.print?.repeatRows) names.push({ name: "_xlnm.Print_Titles", localSheetId: index, ref: absoluteRows(model.name, model.print.repeatRows.first, model.print.repeatRows.last) });
  });

  if (strings.size > 0) {
    parts.set("xl/sharedStrings.xml", strToU8(strings.xml()));
    contentTypes.push(`<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>`);
    const rels = strFromU8(parts.get("xl/_rels/workbook.xml.rels") ?? new Uint8Array());
    if (!rels.includes("sharedStrings.xml"))
      parts.set("xl/_rels/workbook.xml.rels", strToU8(rels.replace("</Relationships>", `<Relationship Id="rIdStrings" Type="${REL_NS}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`)));
  }
  const types = strFromU8(parts.get("[Content_Types].xml") ?? new Uint8Array()).replace(/<Override PartName="\/xl\/sharedStrings\.xml"[^>]*\/>/, "");
  parts.set("[Content_Types].xml", strToU8(types.replace("</Types>", `${contentTypes.join("")}</Types>`)));

  let workbookXml = strFromU8(parts.get("xl/workbook.xml") ?? new Uint8Array());
  workbookXml = workbookXml.replace(/<definedNames>[\s\S]*?<\/definedNames>|<definedNames\/>/, "");
  workbookXml = workbookXml.replace("</sheets>", `</sheets>${definedNamesXml(names)}`);
  parts.set("xl/workbook.xml", strToU8(workbookXml));
}

/** The worksheet parts in workbook order (the order of the sheets' relationships ExcelJS wrote). */
function worksheetParts(parts: Map<string, Uint8Array>): string[] {
  const workbookXml = strFromU8(parts.get("xl/workbook.xml") ?? new Uint8Array());
  const rels = strFromU8(parts.get("xl/_rels/workbook.xml.rels") ?? new Uint8Array());
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b[^>]*?Id="([^"]+)"[^>]*?Target="([^"]+)"/g)) targets.set(m[1], m[2]);
  const out: string[] = [];
  for (const m of workbookXml.matchAll(/<sheet\b[^>]*?r:id="([^"]+)"/g)) {
    const target = targets.get(m[1]) ?? "";
    out.push(target.startsWith("/") ? target.slice(1) : `xl/${target}`);
  }
  return out;
}

/** Worksheet children that follow <autoFilter> and <dataValidations>, in schema order (CT_Worksheet). */
const AFTER_AUTOFILTER = ["sortState", "dataConsolidate", "customSheetViews", "mergeCells", "phoneticPr", "conditionalFormatting", "dataValidations", "hyperlinks", "printOptions", "pageMargins", "pageSetup", "headerFooter", "rowBreaks", "colBreaks", "customProperties", "cellWatches", "ignoredErrors", "smartTags", "drawing", "legacyDrawing", "legacyDrawingHF", "picture", "oleObjects", "controls", "webPublishItems", "tableParts", "extLst"];
const AFTER_VALIDATIONS = AFTER_AUTOFILTER.slice(AFTER_AUTOFILTER.indexOf("hyperlinks"));

/** Inserts `fragment` before the first of the `following` elements present (else at the end). */
function insertBefore(xml: string, following: string[], fragment: string): string {
  if (!fragment) return xml;
  let at = xml.lastIndexOf("</worksheet>");
  for (const name of following) {
    const found = xml.search(new RegExp(`<${name}[\\s/>]`));
    if (found >= 0 && found < at) at = found;
  }
  return xml.slice(0, at) + fragment + xml.slice(at);
}

function replaceElement(xml: string, name: string, replacement: string): string {
  const open = xml.search(new RegExp(`<${name}[\\s/>]`));
  if (open < 0) return insertBefore(xml, ["sheetCalcPr", "sheetProtection"], replacement);
  const selfClosing = xml.startsWith("/>", xml.indexOf(">", open) - 1);
  const end = selfClosing ? xml.indexOf(">", open) + 1 : xml.indexOf(`</${name}>`, open) + name.length + 3;
  return xml.slice(0, open) + replacement + xml.slice(end);
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
  // Builders that reuse one style object for many rectangles are recognised without a key.
  const byIdentity = new Map<CellStyle, CellStyle>();
  const internByKey = (style: CellStyle): CellStyle => {
    // A property present as undefined overrides in a spread, so it is part of the key.
    const key = JSON.stringify(style, (_, value: unknown) => (value === undefined ? UNDEFINED_MARK : value));
    let shared = interned.get(key);
    if (!shared) interned.set(key, (shared = style));
    return shared;
  };
  const intern = (style: CellStyle): CellStyle => {
    let shared = byIdentity.get(style);
    if (!shared) byIdentity.set(style, (shared = internByKey(style)));
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
  };
  if (print.pageNumbers) ws.headerFooter = { differentFirst: true, firstHeader: "", oddHeader: "&C&P" };
}
