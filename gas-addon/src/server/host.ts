// Small pieces every command shares: the outcome helpers, the loaded document, the fill-in grid.
import type { Lang } from "../../../shared/model";
import type { Outcome } from "../api-types";
import { tg } from "../messages";
import { documentFrom, fingerprintsFrom, readProperties, type PropertyMap, type StoredDocument } from "./document-state";
import { FILL_IN_SHEET, readFillIn, type FillInReading } from "./core";
import type { Fingerprints } from "../adapter/fingerprint";
import { readSheet, readWholeSheet, type TargetSheet } from "../adapter/sheet-io";
import { FILL_IN_COLUMNS } from "../../../shared/sheet/fill-in-columns";
import type { Plan } from "../../../shared/model";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

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
  fingerprints: Fingerprints;
}

export function openDocument(): OpenDocument {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const { store, values } = readProperties();
  return { ss, store, properties: values, stored: documentFrom(values), fingerprints: fingerprintsFrom(values) };
}

export function requireStored(doc: OpenDocument, lang: Lang): StoredDocument {
  if (!doc.stored) throw new UserFacingError(tg("gas.error.no-plan", {}, lang));
  return doc.stored;
}

/**
 * The fill-in sheet read back, or null when there is none. A sheet the add-on wrote is read as one
 * range (two calls); when that range misses some of the table's columns (a user inserted columns),
 * the whole sheet is read again, so no typed figure is left out.
 */
export function readFillInSheet(doc: OpenDocument, plan: Plan, lang: Lang): { target: TargetSheet; reading: FillInReading } | null {
  let target = readSheet(doc.ss, FILL_IN_SHEET, doc.fingerprints[FILL_IN_SHEET] ?? null, true);
  if (!target) return null;
  let reading = readFillIn(target.values!, FILL_IN_SHEET, plan, lang);
  const columns = reading.layout?.columns ?? {};
  const missingInput = FILL_IN_COLUMNS.some((c) => (c.input || c.key === "code") && columns[c.key] === undefined);
  if (target.sheet === null && missingInput) {
    target = readWholeSheet(doc.ss, FILL_IN_SHEET);
    if (!target) return null;
    reading = readFillIn(target.values!, FILL_IN_SHEET, plan, lang);
  }
  return { target, reading };
}

export function requireFillIn(doc: OpenDocument, plan: Plan, lang: Lang): { target: TargetSheet; reading: FillInReading } {
  const read = readFillInSheet(doc, plan, lang);
  if (!read) throw new UserFacingError(tg("gas.error.no-sheet", { sheet: FILL_IN_SHEET }, lang));
  return read;
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
