// Finding and reading the sheets the add-on writes, with as few calls as possible: a sheet it wrote
// before is read as one range of the spreadsheet (two calls, no sheet lookup); others by name.
import { columnLetter, quoteSheet } from "../../../shared/sheet/builder";
import type { SheetFingerprint } from "./fingerprint";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;

/** A sheet about to be (re)written, with what is known of it so far. */
export interface TargetSheet {
  name: string;
  /** The sheet, when already fetched; otherwise fetched from `range` when needed (one call). */
  sheet: Sheet | null;
  range: Range | null;
  isNew: boolean;
  /** Rows × columns holding data (trailing blank rows and columns trimmed). */
  extent: { rows: number; cols: number };
  values: unknown[][] | null;
  /** `range` is exactly the block the add-on wrote last time (so it can be written again as is). */
  rangeIsBlock: boolean;
  /** The caller checked that the sheet's layout is the one the add-on wrote (the fill-in table). */
  layoutTrusted: boolean;
}

const blank = (v: unknown) => v === "" || v === null || v === undefined;

export function extentOf(values: unknown[][]): { rows: number; cols: number } {
  let rows = 0;
  let cols = 0;
  values.forEach((line, r) => {
    for (let c = line.length - 1; c >= 0; c--) {
      if (!blank(line[c])) {
        rows = r + 1;
        cols = Math.max(cols, c + 1);
        break;
      }
    }
  });
  return { rows, cols };
}

/**
 * Reads a sheet by name, or null when there is none. With the fingerprint of the add-on's last write
 * it reads that block from the spreadsheet directly (all rows when `allRows`, for a table a user may
 * have lengthened); a failure there (the sheet renamed, deleted, shortened) falls back to the lookup.
 */
export function readSheet(ss: Spreadsheet, name: string, fingerprint: SheetFingerprint | null, allRows: boolean): TargetSheet | null {
  if (fingerprint) {
    try {
      const last = columnLetter(fingerprint.cols - 1);
      const range = ss.getRange(`${quoteSheet(name)}!A1:${last}${allRows ? "" : fingerprint.rows}`);
      const values = range.getValues();
      return { name, sheet: null, range, isNew: false, extent: extentOf(values), values, rangeIsBlock: !allRows, layoutTrusted: false };
    } catch {
      // read it the long way below
    }
  }
  const sheet = ss.getSheetByName(name);
  if (!sheet) return null;
  const values = sheet.getDataRange().getValues();
  return { name, sheet, range: null, isNew: false, extent: extentOf(values), values, rangeIsBlock: false, layoutTrusted: false };
}

/** Reads the whole data range of a sheet (after a fast read turned out not to be enough). */
export function readWholeSheet(ss: Spreadsheet, name: string): TargetSheet | null {
  return readSheet(ss, name, null, true);
}

/**
 * The sheet holding a table's anchor (a named range, which follows the sheet when a user renames
 * it), or null when the name is not defined.
 */
export function anchoredSheet(ss: Spreadsheet, anchorName: string): Sheet | null {
  const range = ss.getRangeByName(anchorName);
  return range ? range.getSheet() : null;
}

/** Reads the whole data range of the sheet holding the anchor, whatever it is called now. */
export function readAnchoredSheet(ss: Spreadsheet, anchorName: string): TargetSheet | null {
  const sheet = anchoredSheet(ss, anchorName);
  if (!sheet) return null;
  const name = sheet.getName();
  const range = sheet.getDataRange();
  const values = range.getValues();
  // The data range starts at A1: when it has the block's size, it is the block (see render.ts).
  return { name, sheet, range, isNew: false, extent: extentOf(values), values, rangeIsBlock: true, layoutTrusted: false };
}

export function newSheet(ss: Spreadsheet, name: string): TargetSheet {
  return { name, sheet: ss.insertSheet(name), range: null, isNew: true, extent: { rows: 0, cols: 0 }, values: null, rangeIsBlock: false, layoutTrusted: false };
}

export function sheetOf(target: TargetSheet): Sheet {
  target.sheet ??= target.range!.getSheet();
  return target.sheet;
}
