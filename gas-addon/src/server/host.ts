// Small pieces every command shares: the outcome helpers, the loaded document, the fill-in grid.
import type { Lang } from "../../../shared/model";
import type { Outcome } from "../api-types";
import { tg } from "../messages";
import { documentFrom, readProperties, type PropertyMap, type StoredDocument } from "./document-state";
import { FILL_IN_SHEET } from "./core";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export function fail(message: string): { ok: false; message: string } {
  return { ok: false, message };
}

export class UserFacingError extends Error {}

/** The open spreadsheet with the add-on's stored document (plan, unit, settings). */
export interface OpenDocument {
  ss: Spreadsheet;
  store: GoogleAppsScript.Properties.Properties;
  properties: PropertyMap;
  stored: StoredDocument | null;
}

export function openDocument(): OpenDocument {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const { store, values } = readProperties();
  return { ss, store, properties: values, stored: documentFrom(values) };
}

export function requireStored(doc: OpenDocument, lang: Lang): StoredDocument {
  if (!doc.stored) throw new UserFacingError(tg("gas.error.no-plan", {}, lang));
  return doc.stored;
}

/** The fill-in sheet and its values (three calls), or a clear message when it is gone. */
export function readFillInGrid(ss: Spreadsheet, lang: Lang): { sheet: Sheet; grid: unknown[][] } {
  const sheet = ss.getSheetByName(FILL_IN_SHEET);
  if (!sheet) throw new UserFacingError(tg("gas.error.no-sheet", { sheet: FILL_IN_SHEET }, lang));
  return { sheet, grid: sheet.getDataRange().getValues() };
}

/** Runs a command for the sidebar: a user-facing message instead of a stack trace, JSON-safe data. */
export function guarded<T>(lang: Lang, command: () => Outcome<T>): Outcome<T> {
  try {
    return command();
  } catch (error) {
    if (error instanceof UserFacingError) return fail(error.message);
    const detail = error instanceof Error ? error.message : String(error);
    return fail(tg("gas.error.unexpected", { detail }, lang));
  }
}

/** Today's date in Việt Nam (UTC+7, no daylight saving) as YYYY-MM-DD. */
export function todayInVietnam(nowMs: number = Date.now()): string {
  return new Date(nowMs + 7 * 3600 * 1000).toISOString().slice(0, 10);
}

/** A value read from a cell as JSON-safe data: dates become their ISO day. */
export function jsonSafeCell(value: unknown): string | number | boolean | null {
  if (value === null || value === undefined || value === "") return null;
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "string") return value;
  if (Object.prototype.toString.call(value) === "[object Date]") return (value as Date).toISOString().slice(0, 10);
  return String(value);
}
