// The add-in's commands on a loaded workbook (check, fix, select, override, dashboard, settings),
// each a function of an Excel request context (the host calls them inside `Excel.run`; tests pass
// the fake's context). Each takes at most three requests, whatever the number of rows:
// 1. locate (document state, sheet and workbook names), 2. read (the indicator sheet's values,
// the used ranges of the sheets about to be rewritten), 3. write. Loading a plan is in
// load-command.ts, the reports in report-commands.ts.
import { readActual } from "../../../shared/actual";
import { evaluatePlan } from "../../../shared/evaluate";
import { STATUSES, type Evaluation, type Finding, type Lang, type Plan, type Settings, type Status } from "../../../shared/model";
import type { WorkbookModel } from "../../../shared/sheet/types";
import { summarize } from "../../../shared/summary";
import { formatNumberFor, validateEntries } from "../../../shared/validate";
import * as core from "../core";
import { tx } from "../messages";
import { cellA1, parseCell } from "../../../shared/sheet/a1";
import type { ExistingSheet } from "./render";
import { actualName, fail, foreignSheet, metadataSheets, previousFillIn, rolesOf, type HostFeatures, type Outcome } from "./sheets";
import { hasSheet, locateWorkbook, planOf, readSheets, writeDocumentState, writeModel, type DocumentState, type WorkbookSnapshot } from "./workbook-io";

export type { HostFeatures, Outcome } from "./sheets";

interface FilledSheet {
  doc: DocumentState;
  plan: Plan;
  sheet: string;
  reading: core.FillInReading;
  snapshot: WorkbookSnapshot;
  existing: Map<string, ExistingSheet>;
}

/** Locate + read (two requests): the document state and what the indicator sheet holds now. */
export async function readFilled(context: Excel.RequestContext, lang: Lang, alsoProbe: (doc: DocumentState, snapshot: WorkbookSnapshot) => string[] = () => []): Promise<Outcome<FilledSheet>> {
  const snapshot = await locateWorkbook(context);
  if (snapshot.documentUnreadable) return fail(tx("xl.document-unreadable", {}, lang));
  const doc = snapshot.document;
  if (!doc) return fail(tx("xl.no-document", {}, lang));
  const previous = previousFillIn(snapshot);
  if (!previous) return fail(tx("xl.fill-in-missing", { sheet: doc.fillInSheet ?? "" }, lang));
  const probe = alsoProbe(doc, snapshot).filter((name) => hasSheet(snapshot, name) && name.toLowerCase() !== previous.sheet.toLowerCase());
  const metadata = metadataSheets(snapshot);
  const reads = await readSheets(context, previous.sheet, probe, metadata);
  const plan = planOf(doc, reads.grids.get(metadata[0] ?? ""));
  if (!plan) return fail(tx("xl.plan-missing", { id: doc.planId }, lang));
  const reading = core.readFillIn(reads.grid ?? [], previous.sheet, plan, lang);
  return { ok: true, doc, plan, sheet: previous.sheet, reading, snapshot, existing: reads.existing };
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
  const findings = [...read.reading.problems, ...validateEntries(read.plan, read.reading.entries, settings)]
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

/** Writes a model of the add-in's own sheets (summary, consolidation), keeping the document state. */
export async function writeOwnSheets(
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
  await writeModel(context, model, snapshot, existing, features.pageLayout, state, first);
  return { ok: true, first };
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
  const evaluations = evaluatePlan(read.plan, read.reading.entries, settings);
  const summary = summarize(read.plan, evaluations, settings);
  return {
    ok: true,
    unit: doc.unit,
    year: doc.year,
    planTitle: read.plan.title,
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
