// "Tổng hợp từ các đơn vị": reads each unit's spreadsheet by its URL, then writes the consolidation
// into the open spreadsheet. Apps Script stops a run after 6 minutes, so reading stops at a time
// budget, keeps the cursor and what was read in document properties, and the next call ("Tiếp tục")
// goes on from there. An unreadable file goes to the register; the others are still consolidated.
import type { ActualEntry, Finding, Lang, Plan } from "../../../../shared/model";
import { FILL_IN_SHEET, TABLE_NAME } from "../../../../shared/sheet/fill-in";
import { unitReadingOf, type UnitReading } from "../../../../shared/workflow/consolidate";
import { unitsConsolidateCommand, type UnitsRequest } from "../../../../shared/workflow/units";
import { unitsInputSheets } from "./units";
import { messageLines, writeOf } from "../../../../shared/workflow/outcome";
import type { ConsolidateResult, JobProgress, Outcome, RegisterView } from "../../api-types";
import { tg } from "../../messages";
import { anchoredSheet, sheetOf, type TargetSheet } from "../../adapter/sheet-io";
import { lookUpSheetCharts } from "../../adapter/charts";
import { fingerprintProperties, joinValue, propertiesAfter, splitValue, STORE_LIMIT_BYTES, storedBytes, writeProperties, type PropertyMap } from "../document-state";
import { fail, jsonSafeCell, notDone, openDocument, requireStored, UserFacingError, workflowDocument, type OpenDocument } from "../host";
import { renderWorkbook } from "../render-workbook";

/**
 * Reading stops when the next file might end after this much time in one run, leaving time to
 * save and answer (Apps Script stops a run at 6 min). The next file is assumed to take as long as
 * the slowest one read so far.
 */
export const READ_BUDGET_MS = 4.5 * 60 * 1000;

type Cell = string | number | boolean | null;
/** code, actual, previous, note, override status, override reason */
type StoredRow = [string, Cell, Cell, string | null, string | null, string | null];

interface StoredUnit {
  url: string;
  unit: string;
  rows: StoredRow[];
  /** The reader's findings, whole (code, sheet, cell), so the register names them as every host does. */
  problems: Finding[];
}

interface JobState {
  urls: string[];
  cursor: number;
  units: StoredUnit[];
  register: RegisterView[];
  /** The Units tab's list of units expected and deadline, kept across rounds. */
  options?: UnitsRequest;
  /** Each opened spreadsheet not used, by link: its name, which names the unit as a file's name does in Excel and the CLI. */
  names?: Record<string, string>;
}

function entryOf(row: StoredRow): ActualEntry {
  const [code, raw, previous, note, status, reason] = row;
  const override = status ? { status: status as NonNullable<ActualEntry["override"]>["status"], reason: reason ?? "" } : null;
  return { code, raw, previous, note, override };
}

function rowOf(entry: ActualEntry): StoredRow {
  return [entry.code, jsonSafeCell(entry.raw), jsonSafeCell(entry.previous), entry.note ?? null, entry.override?.status ?? null, entry.override?.reason ?? null];
}

function readJob(properties: PropertyMap): JobState | null {
  const text = joinValue(properties, "job");
  if (!text) return null;
  try {
    return JSON.parse(text) as JobState;
  } catch {
    return null;
  }
}

/**
 * Keeps the job (or drops it, with `job` null) with `extra` properties. What must fit is all that
 * is stored after the write — the loaded plan (a plan of 3,000 indicators alone takes ~480 KB),
 * the settings, the sheets' fingerprints and the job — not the job alone. A job that does not fit is
 * refused with one plain message before anything is written; when the consolidation is already
 * written (no job), sheets' fingerprints that do not fit are dropped instead (the next run then
 * rewrites every sheet), so the finished consolidation is not reported as a failure.
 */
function saveJob(doc: OpenDocument, job: JobState | null, lang: Lang, extra: PropertyMap = {}): void {
  const next = { ...(job ? splitValue("job", JSON.stringify(job)) : {}), ...extra };
  const rewritten = Object.keys(extra).length > 0 ? ["job", "render"] : ["job"];
  const size = storedBytes(propertiesAfter(doc.properties, next, rewritten));
  if (size > STORE_LIMIT_BYTES) {
    if (job) throw new UserFacingError(tg("sheets.job-too-large", { size: Math.ceil(size / 1024), limit: STORE_LIMIT_BYTES / 1024 }, lang));
    writeProperties(doc.store, doc.properties, {}, ["job", "render"]);
    return;
  }
  writeProperties(doc.store, doc.properties, next, rewritten);
}

export function jobProgress(properties: PropertyMap): JobProgress | null {
  const job = readJob(properties);
  return job ? { done: job.cursor, total: job.urls.length, finished: false } : null;
}

function readUnit(url: string, job: JobState, lang: Lang, plan: Plan): void {
  let book: GoogleAppsScript.Spreadsheet.Spreadsheet;
  try {
    book = SpreadsheetApp.openByUrl(url);
  } catch (error) {
    // Apps Script's own words are English and technical (its errors come from another realm: not
    // instanceof Error): the register says in plain words what the office can do about it.
    const raw = String((error as { message?: unknown } | null)?.message ?? error);
    const detail = tg(/permission|quyền|access/i.test(raw) ? "sheets.link.no-access" : "sheets.link.unopened", {}, lang);
    job.register.push({ source: url, reason: tg("wf.consolidate.unreadable", { detail }, lang) });
    return;
  }
  // A unit that renamed its fill-in sheet still has the table anchor on it.
  const sheet = book.getSheetByName(FILL_IN_SHEET) ?? anchoredSheet(book, TABLE_NAME);
  const name = book.getName();
  if (!sheet) {
    job.register.push({ source: url, reason: tg("wf.consolidate.no-sheet", { plan: plan.title }, lang) });
    (job.names ??= {})[url] = name;
    return;
  }
  // The core's one rule decides whether the unit's sheet can be used.
  const reading = unitReadingOf(url, name, sheet.getName(), sheet.getDataRange().getValues(), plan, lang);
  if (!reading.ok) {
    job.register.push({ source: url, reason: reading.reason });
    (job.names ??= {})[url] = name;
    return;
  }
  job.units.push({ url, unit: reading.unit, rows: reading.entries.map(rowOf), problems: reading.problems });
}

function run(doc: OpenDocument, job: JobState, lang: Lang): Outcome<ConsolidateResult> {
  const { plan } = requireStored(doc, lang);
  const started = Date.now();
  let slowest = 0;
  while (job.cursor < job.urls.length) {
    if (Date.now() - started + slowest >= READ_BUDGET_MS) {
      saveJob(doc, job, lang);
      const left = job.urls.length - job.cursor;
      return {
        ok: true,
        done: job.cursor,
        total: job.urls.length,
        finished: false,
        sheet: null,
        units: job.units.length,
        register: job.register,
        message: tg("sheets.consolidate.progress", { done: job.cursor, total: job.urls.length, left }, lang),
      };
    }
    const before = Date.now();
    readUnit(job.urls[job.cursor]!, job, lang, plan);
    slowest = Math.max(slowest, Date.now() - before);
    job.cursor++;
  }

  const readings: UnitReading[] = [
    ...job.units.map((u): UnitReading => ({ ok: true, file: u.url, unit: u.unit, entries: u.rows.map(entryOf), problems: u.problems })),
    ...job.register.map((r): UnitReading => ({ ok: false, file: r.source, reason: r.reason })),
  ];
  // The register, each unit's own targets and the points: the core's one units' consolidation (the CLI's).
  // Sheets has no file date or bytes to hash here: lateness and "sent twice" by hash are the CLI's and Excel's.
  const received = readings.map((reading) => ({ reading, date: null, sha256: null, fileName: job.names?.[reading.file] ?? null }));
  const outcome = unitsConsolidateCommand({ document: workflowDocument(doc), sheets: unitsInputSheets(doc) }, received, job.options ?? {}, lang);
  if (outcome.status !== "done" || !outcome.result) return notDone(outcome.messages);
  const workbook = writeOf(outcome, "sheets")!.model;
  // The ranking chart (H-D): ours listed before the writes, redrawn after them with writes only.
  const charts = lookUpSheetCharts(doc.ss, workbook.sheets.map((s) => s.name));
  const written = new Map<string, TargetSheet>();
  const fingerprints = renderWorkbook(doc.ss, workbook, doc.fingerprints, lang, new Map(), { written });
  charts.draw(workbook, lang, (name) => (written.has(name) ? sheetOf(written.get(name)!) : null));
  saveJob(doc, null, lang, fingerprintProperties(fingerprints));
  const r = outcome.result;
  const [first, , ...notes] = messageLines(outcome);
  return {
    ok: true,
    done: job.urls.length,
    total: job.urls.length,
    finished: true,
    sheet: r.sheet,
    units: r.units,
    register: r.unusable,
    message: first ?? "",
    registerView: { sentence: r.sentence, counts: r.counts, rows: r.rows, sheets: { register: r.registerSheet, ranking: r.rankingSheet }, notes },
  };
}

export function startConsolidationCommand(urls: string[], lang: Lang, options: UnitsRequest = {}): Outcome<ConsolidateResult> {
  const list = (Array.isArray(urls) ? urls : []).map((u) => String(u).trim()).filter((u) => u.length > 0);
  if (list.length === 0) return fail(tg("sheets.no-links", {}, lang));
  const doc = openDocument();
  requireStored(doc, lang);
  const kept: UnitsRequest = { expected: typeof options?.expected === "string" ? options.expected : null, deadline: typeof options?.deadline === "string" ? options.deadline : null };
  return run(doc, { urls: [...new Set(list)], cursor: 0, units: [], register: [], options: kept }, lang);
}

export function continueConsolidationCommand(lang: Lang): Outcome<ConsolidateResult> {
  const doc = openDocument();
  const job = readJob(doc.properties);
  if (!job) return fail(tg("sheets.no-job", {}, lang));
  return run(doc, job, lang);
}

export function cancelConsolidationCommand(lang: Lang): Outcome<{ message: string }> {
  const doc = openDocument();
  saveJob(doc, null, lang);
  return { ok: true, message: tg("sheets.consolidate.cancelled", {}, lang) };
}
