// Small pieces every command shares: the outcome helpers, the loaded document, the fill-in grid.
import type { Lang } from "../../../shared/model";
import type { Outcome } from "../api-types";
import { refusal, tg } from "../messages";
import { documentFrom, fingerprintProperties, fingerprintsFrom, readProperties, writeIfChanged, type PropertyMap, type StoredDocument } from "./document-state";
import { FILL_IN_SHEET, TABLE_NAME } from "../../../shared/sheet/fill-in";
import { readFillInSheet as readFillInGrid, type FillInReadResult } from "../../../shared/sheet/read-back";
import { holdsNoTable } from "../../../shared/workflow/unit-file";
import type { DocumentInfo as WorkflowDocument, Question, UserMessage } from "../../../shared/workflow/outcome";
import type { Fingerprints } from "../adapter/fingerprint";
import { readAnchoredSheet, readSheet, readWholeSheet, type TargetSheet } from "../adapter/sheet-io";
import { FILL_IN_COLUMNS } from "../../../shared/sheet/fill-in-columns";
import type { Plan } from "../../../shared/model";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export function fail(message: string): { ok: false; message: string } {
  return { ok: false, message };
}

/** A refusal of the core's workflow, as the sidebar receives it: its words in one message. */
export function notDone(messages: readonly UserMessage[]): { ok: false; message: string } {
  return { ok: false, message: messages.map((m) => m.text).join(" ") };
}

/** The core's question before a load, as the sidebar shows it (nothing was written). */
export function confirmOf(question: Question): { message: string; items: { code: string; text: string }[] } {
  return { message: question.text, items: question.items };
}

/** The stored document as the core's workflow reads it. */
export function workflowDocument(doc: OpenDocument): WorkflowDocument | null {
  const stored = doc.stored;
  if (!stored) return null;
  const { info, plan } = stored;
  return { plan, unit: info.unit, year: info.year, estimate: info.estimate, issuer: info.issuer, settings: info.settings, fillInSheet: fillInNameOf(doc.fingerprints), sheets: {}, ...(info.reportTally ? { reportTally: info.reportTally } : {}) };
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
  if (!doc.stored) throw new UserFacingError(refusal("wf.no-document", "wf.no-document.next", {}, lang));
  return doc.stored;
}

type FillInReading = FillInReadResult;
const readFillIn = (grid: unknown[][], sheet: string, plan: Plan, lang: Lang): FillInReading => readFillInGrid(grid, sheet, { plan, lang });
/** No fill-in table at all in the grid read (not a damaged one): the core's rule. */
const noTable = (reading: FillInReading) => holdsNoTable(reading.problems);

export interface FillInRead {
  target: TargetSheet;
  reading: FillInReading;
}

/**
 * The fill-in sheet read back, or null when there is none. The sheet is looked for under the name
 * it had when the add-on last saw it (one range read, two calls); when that name leads nowhere or
 * to no table, the named range anchoring the table decides, so a sheet a user renamed ("Chỉ tiêu"
 * → "Chỉ tiêu P. Đông Hải") is still the one read and rewritten. When the range read misses some
 * of the table's columns (a user inserted columns), the whole sheet is read again, so no typed
 * figure is left out.
 */
export function readFillInSheet(doc: OpenDocument, plan: Plan, lang: Lang): FillInRead | null {
  const fingerprint = doc.fingerprints[FILL_IN_SHEET] ?? null;
  let target = readSheet(doc.ss, fillInNameOf(doc.fingerprints), fingerprint, true);
  let reading = target ? readFillIn(target.values!, target.name, plan, lang) : null;
  if (!reading || noTable(reading)) {
    const anchored = readAnchoredSheet(doc.ss, TABLE_NAME);
    if (anchored && anchored.name !== target?.name) {
      target = anchored;
      reading = readFillIn(anchored.values!, anchored.name, plan, lang);
    }
  }
  if (!target || !reading) return null;
  const columns = reading.layout?.columns ?? {};
  const missingInput = FILL_IN_COLUMNS.some((c) => (c.input || c.key === "code") && columns[c.key] === undefined);
  if (target.sheet === null && missingInput) {
    const whole = readWholeSheet(doc.ss, target.name);
    if (!whole) return null;
    target = whole;
    reading = readFillIn(whole.values!, whole.name, plan, lang);
  }
  return { target, reading };
}

export function requireFillIn(doc: OpenDocument, plan: Plan, lang: Lang): FillInRead {
  const read = readFillInSheet(doc, plan, lang);
  if (!read) throw new UserFacingError(refusal("wf.fill-in-missing", "wf.reload.next", { sheet: fillInNameOf(doc.fingerprints) }, lang));
  return read;
}

/** The fill-in sheet's name when the add-on last saw it. */
export function fillInNameOf(fingerprints: Fingerprints): string {
  return fingerprints[FILL_IN_SHEET]?.sheet ?? FILL_IN_SHEET;
}

/** The fingerprints with the fill-in sheet's current name, so the next command looks there first. */
export function withFillInName(fingerprints: Fingerprints, name: string): Fingerprints {
  const own = fingerprints[FILL_IN_SHEET];
  if (!own || fillInNameOf(fingerprints) === name) return fingerprints;
  return { ...fingerprints, [FILL_IN_SHEET]: { ...own, sheet: name } };
}

/** Keeps a renamed fill-in sheet's new name (one property write, once per rename). */
export function rememberFillInName(doc: OpenDocument, name: string): void {
  const next = withFillInName(doc.fingerprints, name);
  if (next !== doc.fingerprints) writeIfChanged(doc.store, doc.properties, fingerprintProperties(next), ["render"]);
}

/** Runs a command for the sidebar: a user-facing message instead of a stack trace, JSON-safe data. */
export function guarded<T>(lang: Lang, command: () => Outcome<T>): Outcome<T> {
  try {
    return command();
  } catch (error) {
    if (error instanceof UserFacingError) return fail(error.message);
    // Apps Script's own text is English and technical: it goes to the execution log, the clerk
    // reads what happened and what to do.
    Logger.log(error instanceof Error ? `${error.message}\n${error.stack ?? ""}` : String(error));
    return fail(tg("sheets.unexpected", {}, lang));
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
