// The .xlsx renderer of the core's WorkbookModel. It only translates: every value, style, rule and
// rectangle comes from the model. Every part is written here as SpreadsheetML text: the cells and
// shared strings, validations, defined names, filters and tables (sheet-xml.ts), the style sheet
// (styles-xml.ts), what a sheet is dressed in — column widths, panes, merges, conditional formats,
// protection, page setup — and the package parts (worksheet-xml.ts). No object per cell: a
// million-cell consolidation takes seconds and a few hundred MB, and nothing like ExcelJS is loaded
// (a fifth of a second at every command that writes). Strings are always text (shared strings,
// never a formula); formulas go through toFileFormula so newer functions carry their `_xlfn.` prefix.
import { strToU8 } from "fflate";
import type { CellStyle, SheetModel, WorkbookModel } from "../../shared/sheet/types";
import { zipParts } from "./zip-write";
import { addChartParts } from "./chart-parts";
import {
  absoluteRange,
  absoluteRows,
  autoFilterXml,
  dataValidationsXml,
  definedNamesXml,
  dimensionXml,
  SharedStrings,
  sheetDataXml,
  concatBytes,
  tableXml,
  type WorkbookName,
} from "./sheet-xml";
import { StyleSheet } from "./styles-xml";
import {
  appPropsXml,
  conditionalFormattingXml,
  contentTypesXml,
  corePropsXml,
  mergeCellsXml,
  NS_REL,
  pageXml,
  relationshipsXml,
  rootRelsXml,
  sheetProtectionXml,
  workbookRelsXml,
  workbookXml,
  worksheetHead,
  type WorkbookSheet,
} from "./worksheet-xml";

export interface WriteOptions {
  /** Sheet protection password; by default sheets are protected without one (a guard-rail, not security). */
  password?: string;
  creator?: string;
  /** The time the document properties carry (now by default). */
  modified?: Date;
}

let theme: string | undefined;

/** The Office theme (colours and fonts tables and charts refer to): ExcelJS's copy of it, a lone string module. */
function themeXml(): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  theme ??= require("exceljs/lib/xlsx/xml/theme1.js") as string;
  return theme;
}

/** The .xlsx bytes of the model. */
export async function writeXlsxBuffer(model: WorkbookModel, options: WriteOptions = {}): Promise<Buffer> {
  const parts = workbookParts(model, options);
  // Native charts of the summary and ranking sheets (cli/xlsx/chart-parts.ts).
  addChartParts(parts, model);
  const zip = zipParts(parts.entries(), options.modified);
  return Buffer.from(zip.buffer, zip.byteOffset, zip.length);
}

/** Every part of the package, by name, in the order they are zipped. */
export function workbookParts(model: WorkbookModel, options: WriteOptions = {}): Map<string, Uint8Array> {
  const parts = new Map<string, Uint8Array>();
  /** Tables and the sheets' relationships to them, zipped after the sheets. */
  const tableParts = new Map<string, Uint8Array>();
  const styles = new StyleSheet();
  const strings = new SharedStrings();
  const names: WorkbookName[] = [];
  const extraTypes: string[] = [];
  const sheets: WorkbookSheet[] = [];
  const sheetBytes: Uint8Array[] = [];
  let tableId = 0;
  model.sheets.forEach((sheet, index) => {
    // Sheets named "_…" are the program's own (metadata): very hidden, out of Excel's Unhide list.
    // Other hidden sheets (the list sources and settings) stay within a user's reach.
    sheets.push({ name: sheet.name, state: sheet.hidden ? (sheet.name.startsWith("_") ? "veryHidden" : "hidden") : "visible" });
    const tables = sheet.tables ?? [];
    const tableRels: string[] = [];
    for (const table of tables) {
      tableId++;
      const headers: string[] = [];
      for (let c = table.range.col; c < table.range.col + table.range.cols; c++) headers.push(String(sheet.cells[table.range.row]?.[c] ?? ""));
      tableParts.set(`xl/tables/table${tableId}.xml`, strToU8(tableXml(tableId, table.name, table.range, headers)));
      extraTypes.push(`<Override PartName="/xl/tables/table${tableId}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml"/>`);
      tableRels.push(`<Relationship Id="rIdTable${tableRels.length + 1}" Type="${NS_REL}/table" Target="../tables/table${tableId}.xml"/>`);
    }
    if (tableRels.length > 0) tableParts.set(`xl/worksheets/_rels/sheet${index + 1}.xml.rels`, strToU8(relationshipsXml(tableRels)));
    sheetBytes.push(worksheetBytes(sheet, index, styles, strings, options));

    if (sheet.autoFilter) names.push({ name: "_xlnm._FilterDatabase", localSheetId: index, hidden: true, ref: absoluteRange(sheet.name, sheet.autoFilter) });
    for (const name of sheet.names) names.push({ name: name.name, ref: absoluteRange(name.sheet, name.range) });
    if (sheet.print?.printArea) names.push({ name: "_xlnm.Print_Area", localSheetId: index, ref: absoluteRange(sheet.name, sheet.print.printArea) });
    if (sheet.print?.repeatRows) names.push({ name: "_xlnm.Print_Titles", localSheetId: index, ref: absoluteRows(sheet.name, sheet.print.repeatRows.first, sheet.print.repeatRows.last) });
  });

  const hasStrings = strings.size > 0;
  const creator = options.creator ?? "Chỉ tiêu thi đua";
  parts.set("[Content_Types].xml", strToU8(contentTypesXml(sheets.length, hasStrings, extraTypes)));
  parts.set("_rels/.rels", strToU8(rootRelsXml()));
  parts.set("docProps/core.xml", strToU8(corePropsXml(creator, options.modified ?? new Date())));
  parts.set("docProps/app.xml", strToU8(appPropsXml(sheets.map((s) => s.name))));
  parts.set("xl/workbook.xml", strToU8(workbookXml(sheets, definedNamesXml(names))));
  parts.set("xl/_rels/workbook.xml.rels", strToU8(workbookRelsXml(sheets.length, hasStrings)));
  parts.set("xl/styles.xml", strToU8(styles.xml()));
  parts.set("xl/theme/theme1.xml", strToU8(themeXml()));
  sheetBytes.forEach((bytes, i) => parts.set(`xl/worksheets/sheet${i + 1}.xml`, bytes));
  if (hasStrings) parts.set("xl/sharedStrings.xml", strToU8(strings.xml()));
  for (const [name, bytes] of tableParts) parts.set(name, bytes);
  return parts;
}

/** One worksheet part: its frame around the cells, in CT_Worksheet's order. */
function worksheetBytes(model: SheetModel, index: number, styles: StyleSheet, strings: SharedStrings, options: WriteOptions): Uint8Array {
  const { height, width } = extentOf(model);
  const styleAt = resolveStyles(model, height, width);
  const editable = cellMask(model.editable, height, width);
  const heights = new Map((model.rowHeights ?? []).map((h) => [h.row, h.height] as const));
  const font = model.font;
  // The cell format index per (resolved style, number format, lock): one lookup per cell.
  const formatOf = new Map<CellStyle | null, Map<string, number>>();
  const data = sheetDataXml(
    {
      height,
      width,
      value: (r, c) => model.cells[r]?.[c] ?? null,
      styleIndex: (r, c) => {
        const value = model.cells[r]?.[c] ?? null;
        const style = styleAt(r, c);
        const numFmt = model.numberFormats[r]?.[c] ?? null;
        const unlocked = editable[r * width + c] === 1;
        // Blank, unstyled, General and locked: not written at all.
        if (value === null && !style && !numFmt && !unlocked) return -1;
        let byKey = formatOf.get(style);
        if (!byKey) formatOf.set(style, (byKey = new Map()));
        const key = unlocked ? `u${numFmt ?? ""}` : numFmt ?? "";
        let s = byKey.get(key);
        if (s === undefined) byKey.set(key, (s = styles.cellFormat({ style, numFmt, unlocked, font })));
        return s;
      },
      rowHeight: (r) => heights.get(r),
    },
    strings,
  );
  const tables = model.tables ?? [];
  const tail =
    sheetProtectionXml(model, options.password) +
    (model.autoFilter ? autoFilterXml(model.autoFilter) : "") +
    mergeCellsXml(model.merges) +
    conditionalFormattingXml(model.conditionalRules, (rule) => styles.differentialFormat(rule.style)) +
    dataValidationsXml(model.validations) +
    pageXml(model.print) +
    (tables.length > 0 ? `<tableParts count="${tables.length}">${tables.map((_, i) => `<tablePart r:id="rIdTable${i + 1}"/>`).join("")}</tableParts>` : "") +
    `</worksheet>`;
  return concatBytes([strToU8(worksheetHead(model, dimensionXml(height, width), index === 0)), ...data, strToU8(tail)]);
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

/** Marks the cells inside the rectangles, indexed row * width + col. */
function cellMask(rects: SheetModel["editable"], height: number, width: number): Uint8Array {
  const mask = new Uint8Array(height * width);
  for (const rect of rects)
    for (let r = rect.row; r < Math.min(rect.row + rect.rows, height); r++)
      for (let c = rect.col; c < Math.min(rect.col + rect.cols, width); c++) mask[r * width + c] = 1;
  return mask;
}

