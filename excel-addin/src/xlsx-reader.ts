// Reads other units' .xlsx files in the task pane for consolidation, with the CLI's own byte-level
// reader (xlsx-reader/package.ts and read.ts): a unit's file is as hostile here as on the command
// line, so the same zip-bomb, password, macro and binary-workbook guards refuse it, with the same
// message. Loaded on first use (units-files.ts, the Units tab's reader, imports it), so none of this is in the start weight.
import type { Lang } from "../../shared/model";
import { METADATA_SHEET, readMetadata } from "../../xlsx-reader/metadata";
import { XlsxFileError } from "../../xlsx-reader/package";
import { readXlsxBytes, type Grid } from "../../xlsx-reader/read";
import { xlsxText } from "../../xlsx-reader/messages";

export type { GridValue } from "../../xlsx-reader/read";

export interface ReadBook {
  sheets: { name: string; grid: Grid }[];
  metadata: Record<string, string>;
}

/** Worksheets only: chart and dialog sheets hold no cells, and their parts are never inflated. */
const WORKSHEET_PART = /^xl\/worksheets\//;

/**
 * Every worksheet's grid and the workbook's metadata; throws XlsxFileError (a key of
 * xlsx-reader/messages.ts) for a file that must not be read. With `name`, a .xlsm or .xlsb name is refused too.
 */
export function readXlsx(bytes: Uint8Array, name?: string): ReadBook {
  const book = readXlsxBytes(bytes, name);
  const sheets = book.sheets.filter((sheet) => sheet.part !== null && WORKSHEET_PART.test(sheet.part)).map((sheet) => ({ name: sheet.name, grid: book.grid(sheet.name) }));
  const metadataSheet = sheets.find((s) => s.name === METADATA_SHEET);
  return { sheets, metadata: metadataSheet ? readMetadata(metadataSheet.grid) : {} };
}

/** The one line the user reads about a file that cannot be used: the CLI's text, naming the file. */
export function unreadableReason(error: unknown, file: string, lang: Lang): string {
  if (error instanceof XlsxFileError) return xlsxText(error.key, { ...error.params, file }, lang);
  return xlsxText("xlsx.damaged", { file, detail: error instanceof Error ? error.message : String(error) }, lang);
}
