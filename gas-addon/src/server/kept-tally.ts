// The report's tally in a hidden `_chitieu` sheet on Google Sheets, row `reportTally` (key in A,
// the JSON in B), as `chitieu read-report --into` keeps it in a workbook: a spreadsheet downloaded
// as .xlsx then gives `chitieu check` and `chitieu summary` the tally check, and a workbook filled
// by the CLI and opened in Sheets brings its tally along. The sheet is read before anything is
// written (no flush of its own) and its row is queued with the figures, so "Ghi vào bảng tính"
// stays one flush.
//
// Which copy counts (shared/report/kept-tally.ts): the `_chitieu` row is the one source every
// reader shares and wins when both are read. On Sheets the row is read only when the document
// properties lack the tally: in a live spreadsheet the add-on alone writes both, in the same flush,
// so they can differ only when the properties have none (a converted .xlsx the CLI filled) — and
// reading the sheet on every command would cost calls for nothing.
import { readMetadata } from "../../../xlsx-reader/metadata";
import { KEPT_TALLY_KEY, keptTally, metadataRowCells, tallyValue } from "../../../shared/report/kept-tally";
import type { StoredTally } from "../../../shared/report/tally-check";
import { parseCell } from "../../../shared/sheet/a1";
import { sheetsInput } from "../adapter/raster";
import { workflowDocument, type OpenDocument } from "./host";
import type { DocumentInfo as WorkflowDocument } from "../../../shared/workflow/outcome";

export const TALLY_SHEET = "_chitieu";

export interface TallySheet {
  sheet: GoogleAppsScript.Spreadsheet.Sheet | null;
  grid: unknown[][];
}

/** The `_chitieu` sheet and its values (one lookup; two calls more when it exists). Reads only: call it before any write. */
export function readTallySheet(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): TallySheet {
  const sheet = ss.getSheetByName(TALLY_SHEET);
  return { sheet, grid: sheet ? sheet.getDataRange().getValues() : [] };
}

/** The tally that counts: the document properties' when they have one, else the `_chitieu` row's (read then). */
export function keptTallyOf(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, stored: StoredTally | null | undefined, read?: TallySheet): StoredTally | null {
  if (stored) return stored;
  const sheet = read ?? readTallySheet(ss);
  return keptTally(readMetadata(sheet.grid)[KEPT_TALLY_KEY], null);
}

/**
 * The core's document for the commands that check the report's tally (Check and Summary, as
 * `chitieu check` and `chitieu summary` do): the properties' tally, else the `_chitieu` row's.
 */
export function documentWithKeptTally(doc: OpenDocument): WorkflowDocument | null {
  const document = workflowDocument(doc);
  if (!document || document.reportTally) return document;
  const reportTally = keptTallyOf(doc.ss, null);
  return reportTally ? { ...document, reportTally } : document;
}

/**
 * Queues the tally's row in `_chitieu` (the sheet added, hidden, when missing): one range, one
 * setValues. `show` is the sheet to keep in front (inserting a sheet makes it the active one).
 */
export function queueTallyRow(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, read: TallySheet, tally: StoredTally, show: GoogleAppsScript.Spreadsheet.Sheet | null): void {
  let sheet = read.sheet;
  const cells = metadataRowCells(read.grid, KEPT_TALLY_KEY, tallyValue(tally));
  if (!sheet) {
    sheet = ss.insertSheet(TALLY_SHEET);
    sheet.hideSheet();
    show?.activate();
  }
  const at = cells.map((c) => ({ ...parseCell(c.cell)!, value: c.value }));
  const values: string[] = Array.from({ length: at.reduce((n, c) => Math.max(n, c.col + 1), 0) }, () => "");
  for (const c of at) values[c.col] = c.value;
  // Text behind the apostrophe Sheets drops: never read as a number, a date or a formula.
  sheet.getRange(at[0].row + 1, 1, 1, values.length).setValues([values.map((v) => sheetsInput(v))]);
}
