// The add-in's commands, each a function of an Excel request context (the host calls them inside
// `Excel.run`; tests pass the fake's context). Each takes at most three requests, whatever the
// number of rows: 1. locate (document state, sheet and workbook names), 2. read (the indicator
// sheet's values, the used ranges of the sheets about to be rewritten), 3. write.
import { readActual } from "../../../shared/actual";
import { STATUSES, type ActualEntry, type Evaluation, type Finding, type Lang, type Plan, type Settings, type Status } from "../../../shared/model";
import type { SheetRole, WorkbookModel } from "../../../shared/sheet/types";
import { formatNumberFor } from "../../../shared/validate";
import * as core from "../core";
import { tx } from "../messages";
import { cellA1, parseCell } from "./a1";
import { renderWorkbook, type ExistingSheet } from "./render";
import { documentState, hasSheet, locateWorkbook, readSheets, writeDocumentState, type DocumentState, type WorkbookSnapshot } from "./workbook-io";

export interface HostFeatures {
  /** ExcelApi 1.9 (`worksheet.pageLayout`): print setup is written only where it is supported. */
  pageLayout: boolean;
}

/** A command's answer for the task pane: what to tell the user, and what happened. */
export type Outcome<T> = ({ ok: true } & T) | { ok: false; message: string };

function fail(message: string): { ok: false; message: string } {
  return { ok: false, message };
}

export interface LoadRequest {
  plan: Plan;
  unit: string;
  year: number;
  estimate: boolean;
  issuer: string | null;
  settings: Settings;
  lang: Lang;
}

export interface LoadResult {
  sheet: string;
  indicators: number;
  kept: { actuals: number; notes: number; overrides: number };
  added: string[];
  removed: string[];
  removedData: { code: string; raw: unknown }[];
  targetChanged: string[];
  messages: string[];
}

const hasValue = (raw: unknown) => raw !== null && raw !== undefined && !(typeof raw === "string" && raw.trim() === "");

/** Writes (or rewrites) the fill-in sheet, keeping every actual, note and override already typed. */
export async function loadPlan(context: Excel.RequestContext, request: LoadRequest, features: HostFeatures): Promise<Outcome<LoadResult>> {
  const { plan, lang } = request;
  if (request.unit.trim() === "") return fail(tx("xl.need-unit", {}, lang));
  if (!Number.isInteger(request.year) || request.year < 1900 || request.year > 2200) return fail(tx("xl.need-year", {}, lang));
  const snapshot = await locateWorkbook(context);
  const fillInOptions = (entries: ActualEntry[]): core.FillInOptions => ({
    unit: request.unit.trim(),
    year: request.year,
    estimate: request.estimate,
    settings: request.settings,
    entries,
    issuer: request.issuer,
    lang,
  });
  const draft = core.fillInWorkbook(plan, fillInOptions([]));
  const conflict = foreignSheet(snapshot, draft);
  if (conflict) return fail(tx("xl.sheet-conflict", { sheet: conflict }, lang));

  const previous = previousFillIn(snapshot);
  const rewritten = ownedTargets(snapshot, draft);
  let entries: ActualEntry[] = [];
  let existing = new Map<string, ExistingSheet>();
  if (previous || rewritten.length > 0) {
    const reads = await readSheets(context, previous?.sheet ?? null, rewritten);
    existing = reads.existing;
    if (previous && reads.grid) {
      const reading = core.readFillIn(reads.grid, previous.sheet, previous.plan, lang);
      const broken = core.blockingProblems(reading);
      if (broken.length > 0) return fail(tx("xl.layout-broken", { sheet: previous.sheet, detail: broken.map((p) => p.message).join("; ") }, lang));
      entries = reading.entries;
    }
  }

  const model = core.fillInWorkbook(plan, fillInOptions(entries.map(({ location: _location, ...entry }) => entry)));
  const sheet = core.fillInSheetOf(model);
  const roles = rolesOf(model, snapshot.document);
  const state = documentState({
    plan,
    unit: request.unit.trim(),
    year: request.year,
    estimate: request.estimate,
    issuer: request.issuer,
    settings: request.settings,
    sheets: roles,
    fillInSheet: sheet.name,
    fillInAnchor: sheet.table?.anchorName ?? null,
  });
  await renderWorkbook(context, model, {
    existing,
    existingNames: new Set(snapshot.names.keys()),
    pageLayout: features.pageLayout,
    finish: (ctx) => {
      writeDocumentState(ctx, state);
      ctx.workbook.worksheets.getItem(sheet.name).activate();
    },
  });
  return { ok: true, ...describeReload(previous?.plan ?? null, plan, entries, sheet.name, lang) };
}

function describeReload(oldPlan: Plan | null, plan: Plan, entries: ActualEntry[], sheet: string, lang: Lang): LoadResult {
  const codes = new Set(plan.indicators.map((i) => i.code));
  const oldByCode = new Map((oldPlan?.indicators ?? []).map((i) => [i.code, i]));
  const added = oldPlan ? plan.indicators.filter((i) => !oldByCode.has(i.code)).map((i) => i.code) : [];
  const removed = oldPlan ? oldPlan.indicators.filter((i) => !codes.has(i.code)).map((i) => i.code) : [];
  const targetChanged = plan.indicators
    .filter((i) => {
      const old = oldByCode.get(i.code);
      return old !== undefined && (old.target !== i.target || old.comparator !== i.comparator || old.targetMin !== i.targetMin || old.targetMax !== i.targetMax);
    })
    .map((i) => i.code);
  const keptEntries = entries.filter((e) => codes.has(e.code));
  const kept = {
    actuals: keptEntries.filter((e) => hasValue(e.raw) || hasValue(e.previous)).length,
    notes: keptEntries.filter((e) => hasValue(e.note)).length,
    overrides: keptEntries.filter((e) => e.override).length,
  };
  const removedData = entries.filter((e) => !codes.has(e.code) && hasValue(e.raw)).map((e) => ({ code: e.code, raw: e.raw }));
  const messages = [tx("xl.load.done", { count: plan.indicators.length, sheet }, lang)];
  if (oldPlan) messages.push(tx("xl.load.kept", kept, lang));
  if (added.length) messages.push(tx("xl.load.added", { codes: added.join(", ") }, lang));
  if (removed.length) messages.push(tx("xl.load.removed", { codes: removed.join(", ") }, lang));
  if (removedData.length) messages.push(tx("xl.load.removed-data", { items: removedData.map((d) => `${d.code} = ${String(d.raw)}`).join("; ") }, lang));
  if (targetChanged.length) messages.push(tx("xl.load.target-changed", { codes: targetChanged.join(", ") }, lang));
  return { sheet, indicators: plan.indicators.length, kept, added, removed, removedData, targetChanged, messages };
}

/** A sheet the model would write whose name is taken by a sheet the add-in did not make. */
function foreignSheet(snapshot: WorkbookSnapshot, model: WorkbookModel): string | null {
  const ours = new Set(Object.keys(snapshot.document?.sheets ?? {}).map((n) => n.toLowerCase()));
  for (const sheet of model.sheets) if (hasSheet(snapshot, sheet.name) && !ours.has(sheet.name.toLowerCase())) return sheet.name;
  return null;
}

/** The add-in's sheets that the model rewrites (their used ranges are cleared first). */
function ownedTargets(snapshot: WorkbookSnapshot, model: WorkbookModel): string[] {
  return model.sheets.filter((s) => hasSheet(snapshot, s.name)).map((s) => actualName(snapshot, s.name));
}

function actualName(snapshot: WorkbookSnapshot, name: string): string {
  return snapshot.sheetNames.find((n) => n.toLowerCase() === name.toLowerCase()) ?? name;
}

/** The indicator sheet as the workbook holds it: found by its anchor name (which follows a renamed sheet). */
function previousFillIn(snapshot: WorkbookSnapshot): { sheet: string; plan: Plan } | null {
  const doc = snapshot.document;
  if (!doc) return null;
  const anchored = doc.fillInAnchor ? snapshot.names.get(doc.fillInAnchor.toLowerCase()) : undefined;
  const sheet = anchored?.sheet ?? doc.fillInSheet;
  if (!sheet || !hasSheet(snapshot, sheet)) return null;
  return { sheet: actualName(snapshot, sheet), plan: doc.plan };
}

function rolesOf(model: WorkbookModel, doc: DocumentState | null): Record<string, SheetRole> {
  const roles: Record<string, SheetRole> = { ...(doc?.sheets ?? {}) };
  for (const sheet of model.sheets) roles[sheet.name] = sheet.role;
  return roles;
}

interface FilledSheet {
  doc: DocumentState;
  sheet: string;
  reading: core.FillInReading;
  snapshot: WorkbookSnapshot;
  existing: Map<string, ExistingSheet>;
}

/** Locate + read (two requests): the document state and what the indicator sheet holds now. */
async function readFilled(context: Excel.RequestContext, lang: Lang, alsoProbe: (doc: DocumentState, snapshot: WorkbookSnapshot) => string[] = () => []): Promise<Outcome<FilledSheet>> {
  const snapshot = await locateWorkbook(context);
  if (snapshot.documentUnreadable) return fail(tx("xl.document-unreadable", {}, lang));
  const doc = snapshot.document;
  if (!doc) return fail(tx("xl.no-document", {}, lang));
  const previous = previousFillIn(snapshot);
  if (!previous) return fail(tx("xl.fill-in-missing", { sheet: doc.fillInSheet ?? "" }, lang));
  const probe = alsoProbe(doc, snapshot).filter((name) => hasSheet(snapshot, name) && name.toLowerCase() !== previous.sheet.toLowerCase());
  const reads = await readSheets(context, previous.sheet, probe);
  const reading = core.readFillIn(reads.grid ?? [], previous.sheet, doc.plan, lang);
  return { ok: true, doc, sheet: previous.sheet, reading, snapshot, existing: reads.existing };
}

const SEVERITY_ORDER: Record<Finding["severity"], number> = { error: 0, warning: 1 };

export interface CheckResult {
  findings: Finding[];
  errors: number;
  warnings: number;
  sheet: string;
}

/** Kiểm tra số liệu: reads the sheet, validates, lists findings errors first (two requests). */
export async function checkSheet(context: Excel.RequestContext, lang: Lang): Promise<Outcome<CheckResult>> {
  const read = await readFilled(context, lang);
  if (!read.ok) return read;
  const settings = { ...read.doc.settings, lang };
  const findings = [...read.reading.problems, ...core.validate(read.doc.plan, read.reading.entries, settings)]
    .map((f, i) => ({ f, i }))
    .sort((a, b) => SEVERITY_ORDER[a.f.severity] - SEVERITY_ORDER[b.f.severity] || a.i - b.i)
    .map(({ f }) => f);
  return {
    ok: true,
    findings,
    errors: findings.filter((f) => f.severity === "error").length,
    warnings: findings.filter((f) => f.severity === "warning").length,
    sheet: read.sheet,
  };
}

/** Selects a finding's cell (one request). */
export async function selectCell(context: Excel.RequestContext, sheet: string, cell: string): Promise<void> {
  const at = parseCell(cell);
  if (!at) return;
  const ws = context.workbook.worksheets.getItem(sheet);
  ws.activate();
  ws.getRangeByIndexes(at.row, at.col, 1, 1).select();
  await context.sync();
}

/** The one-click fix of a number typed as text (two requests: check the cell is unchanged, write). */
export async function fixNumberAsText(context: Excel.RequestContext, finding: Finding, lang: Lang): Promise<Outcome<{ cell: string }>> {
  const at = finding.cell ? parseCell(finding.cell) : null;
  if (!finding.fix || !finding.sheet || !finding.cell || !at) return fail(tx("xl.fix.changed", { cell: finding.cell ?? "?" }, lang));
  const range = context.workbook.worksheets.getItem(finding.sheet).getRangeByIndexes(at.row, at.col, 1, 1);
  range.load("values,numberFormat");
  await context.sync();
  const current = range.values[0][0];
  const reading = typeof current === "string" ? readActual(current, null) : null;
  // Only what the check saw is replaced: a cell edited since then is the user's, left alone.
  if (!reading || reading.kind !== "number" || reading.value !== finding.fix.value) return fail(tx("xl.fix.changed", { cell: finding.cell }, lang));
  if (range.numberFormat[0][0] === "@") range.numberFormat = [["General"]];
  range.values = [[finding.fix.value]];
  range.select();
  await context.sync();
  return { ok: true, cell: finding.cell };
}

/** Writes (or clears) a status override with its reason in the indicator's row (three requests). */
export async function setOverride(context: Excel.RequestContext, code: string, status: Status | null, reason: string, lang: Lang): Promise<Outcome<{ cell: string }>> {
  if (status !== null && reason.trim() === "") return fail(tx("xl.override.need-reason", {}, lang));
  if (status !== null && !STATUSES.includes(status)) return fail(tx("xl.override.unknown-code", { code }, lang));
  const read = await readFilled(context, lang);
  if (!read.ok) return read;
  const row = read.reading.rowsByCode.get(code);
  const columns = read.reading.layout?.columns ?? {};
  const statusCol = columns.override;
  const reasonCol = columns.overrideReason;
  if (row === undefined || statusCol === undefined || reasonCol === undefined) return fail(tx("xl.override.unknown-code", { code }, lang));
  const ws = context.workbook.worksheets.getItem(read.sheet);
  ws.getRangeByIndexes(row, statusCol, 1, 1).values = [[status ?? ""]];
  ws.getRangeByIndexes(row, reasonCol, 1, 1).values = [[status === null ? "" : textInput(reason.trim())]];
  await context.sync();
  return { ok: true, cell: cellA1(row, statusCol) };
}

/** A reason is text, even when it starts like a number or a formula. */
function textInput(text: string): string {
  return /^[=+\-@'0-9.,#]/.test(text) ? `'${text}` : text;
}

export interface SummaryResult {
  sheet: string;
  sentence: string;
}

/** Tạo bảng tổng hợp: read → evaluate → summarize → write the summary sheet (three requests). */
export async function buildSummary(context: Excel.RequestContext, lang: Lang, features: HostFeatures): Promise<Outcome<SummaryResult>> {
  const read = await readFilled(context, lang, (doc) => Object.keys(doc.sheets));
  if (!read.ok) return read;
  const { doc } = read;
  const settings = { ...doc.settings, lang };
  const evaluations = core.evaluate(doc.plan, read.reading.entries, settings);
  const summary = core.summaryOf(doc.plan, evaluations, settings);
  const model = core.summaryWorkbook(doc.plan, summary, { unit: doc.unit, year: doc.year, estimate: doc.estimate, issuer: doc.issuer, lang });
  const written = await writeOwnSheets(context, read.snapshot, read.existing, model, doc, features);
  if (!written.ok) return written;
  return { ok: true, sheet: written.first, sentence: summary.sentence };
}

/** Writes a model of the add-in's own sheets (summary, consolidation), keeping the document state. */
async function writeOwnSheets(
  context: Excel.RequestContext,
  snapshot: WorkbookSnapshot,
  probed: Map<string, ExistingSheet>,
  model: WorkbookModel,
  doc: DocumentState,
  features: HostFeatures,
): Promise<Outcome<{ first: string }>> {
  const conflict = foreignSheet(snapshot, model);
  if (conflict) return fail(tx("xl.sheet-conflict", { sheet: conflict }, doc.settings.lang));
  const existing = new Map<string, ExistingSheet>();
  for (const sheet of model.sheets) {
    const found = [...probed.values()].find((e) => e.name.toLowerCase() === sheet.name.toLowerCase());
    if (found) existing.set(sheet.name, found);
    else if (hasSheet(snapshot, sheet.name)) existing.set(sheet.name, { name: actualName(snapshot, sheet.name), used: null, protected: false });
  }
  const first = model.sheets.find((s) => !s.hidden)?.name ?? model.sheets[0].name;
  const state: DocumentState = { ...doc, sheets: rolesOf(model, doc) };
  await renderWorkbook(context, model, {
    existing,
    existingNames: new Set(snapshot.names.keys()),
    pageLayout: features.pageLayout,
    finish: (ctx) => {
      writeDocumentState(ctx, state);
      ctx.workbook.worksheets.getItem(first).activate();
    },
  });
  return { ok: true, first };
}

export interface UnitFile {
  name: string;
  /** What the file reader made of it: a grid per sheet, or why it could not be read. */
  read: { ok: true; sheets: { name: string; grid: unknown[][] }[]; unit: string | null } | { ok: false; reason: string };
}

export interface ConsolidationResult {
  sheet: string;
  units: number;
  unusable: number;
}

/** Consolidation: other units' files (already read in the browser) → consolidated sheets (three requests). */
export async function consolidateFiles(
  context: Excel.RequestContext,
  files: UnitFile[],
  lang: Lang,
  features: HostFeatures,
  onProgress: (done: number, total: number, file: string) => void = () => undefined,
): Promise<Outcome<ConsolidationResult>> {
  if (files.length === 0) return fail(tx("xl.consolidate.no-files", {}, lang));
  const snapshot = await locateWorkbook(context);
  const doc = snapshot.document;
  if (!doc) return fail(tx("xl.no-document", {}, lang));
  const settings = { ...doc.settings, lang };
  const inputs = files.map((file, index) => {
    onProgress(index, files.length, file.name);
    return unitInput(file, doc, settings, lang);
  });
  onProgress(files.length, files.length, "");
  const model = core.consolidationWorkbook(inputs, settings, { year: doc.year, issuer: doc.issuer, lang });
  const ours = model.sheets.filter((s) => hasSheet(snapshot, s.name) && Object.keys(doc.sheets).some((n) => n.toLowerCase() === s.name.toLowerCase()));
  const probed = ours.length > 0 ? (await readSheets(context, null, ours.map((s) => actualName(snapshot, s.name)))).existing : new Map<string, ExistingSheet>();
  const written = await writeOwnSheets(context, snapshot, probed, model, doc, features);
  if (!written.ok) return written;
  const unusable = inputs.filter((i) => "reason" in i && !("evaluations" in i)).length;
  return { ok: true, sheet: written.first, units: inputs.length - unusable, unusable };
}

function unitInput(file: UnitFile, doc: DocumentState, settings: Settings, lang: Lang) {
  if (!file.read.ok) return { file: file.name, reason: tx("xl.consolidate.unreadable", { detail: file.read.reason }, lang) };
  const sheetName = doc.fillInSheet ?? "";
  const sheet = file.read.sheets.find((s) => s.name.toLowerCase() === sheetName.toLowerCase());
  if (!sheet) return { file: file.name, reason: tx("xl.consolidate.no-sheet", { plan: doc.plan.title }, lang) };
  const reading = core.readFillIn(sheet.grid, sheet.name, doc.plan, lang);
  const broken = core.blockingProblems(reading);
  if (broken.length > 0) return { file: file.name, reason: broken.map((p) => p.message).join("; ") };
  const evaluations = core.evaluate(doc.plan, reading.entries, settings);
  const findings = [...reading.problems, ...core.validate(doc.plan, reading.entries, settings)];
  return { unit: file.read.unit ?? file.name.replace(/\.xlsx$/i, ""), file: file.name, plan: doc.plan, evaluations, findings };
}

export interface DashboardResult {
  unit: string;
  year: number;
  planTitle: string;
  counts: Record<Status, number>;
  nearMiss: number;
  counted: number;
  sentence: string;
  evaluations: Evaluation[];
}

/** Bảng điều khiển: counts per status of the sheet as it stands (two requests, nothing written). */
export async function dashboard(context: Excel.RequestContext, lang: Lang): Promise<Outcome<DashboardResult>> {
  const read = await readFilled(context, lang);
  if (!read.ok) return read;
  const { doc } = read;
  const settings = { ...doc.settings, lang };
  const evaluations = core.evaluate(doc.plan, read.reading.entries, settings);
  const summary = core.summaryOf(doc.plan, evaluations, settings);
  return {
    ok: true,
    unit: doc.unit,
    year: doc.year,
    planTitle: doc.plan.title,
    counts: summary.tally.byStatus,
    nearMiss: summary.tally.nearMiss,
    counted: summary.tally.counted,
    sentence: summary.sentence,
    evaluations,
  };
}

/** The document's settings, for the settings form (one request). */
export async function readDocumentSettings(context: Excel.RequestContext): Promise<Settings | null> {
  const snapshot = await locateWorkbook(context);
  return snapshot.document?.settings ?? null;
}

/** Saves settings into the document state (two requests); they apply at the next load or summary. */
export async function saveDocumentSettings(context: Excel.RequestContext, settings: Settings): Promise<boolean> {
  const snapshot = await locateWorkbook(context);
  if (!snapshot.document) return false;
  writeDocumentState(context, { ...snapshot.document, settings });
  await context.sync();
  return true;
}

export function fixLabel(finding: Finding, lang: Lang): string | null {
  return finding.fix ? tx("xl.fix", { value: formatNumberFor(finding.fix.value, lang) }, lang) : null;
}
