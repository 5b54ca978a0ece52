// The add-in's commands on a loaded workbook (check, fix, select, override, dashboard, settings):
// each reads what the core's workflow command needs (shared/workflow/), calls it, and applies its
// Outcome. One read request (the document state and the sheets, asked by name in the same
// request) and at most one write, whatever the number of rows. Loading a plan is in
// load-command.ts, the reports in report-commands.ts.
import type { Finding, Lang, Plan, Settings, Status } from "../../../shared/model";
import { readFillInSheet, type FillInReadResult } from "../../../shared/sheet/read-back";
import { parseCell } from "../../../shared/sheet/a1";
import { checkCommand } from "../../../shared/workflow/check";
import { fixCommand, fixLabel as workflowFixLabel } from "../../../shared/workflow/fix";
import { overrideCommand } from "../../../shared/workflow/override";
import { dashboardCommand, type DashboardReport } from "../../../shared/workflow/summary";
import { settingsCommand } from "../../../shared/workflow/settings";
import { messageLines, type Outcome as WorkflowOutcome } from "../../../shared/workflow/outcome";
import type { SheetInput } from "../../../shared/workflow/sheet-input";
import { refusal } from "../messages";
import type { ExistingSheet } from "./render";
import { actualName, fail, metadataSheets, previousFillIn, type Outcome } from "./sheets";
import { FILL_IN_SHEET } from "../../../shared/sheet/fill-in";
import { METADATA_SHEET } from "../../../xlsx-reader/metadata";
import { applyOutcome, documentInfoOf } from "./workflow-io";
import { hasSheet, locateWorkbook, planOf, readWorkbook, sheetReadsOf, type DocumentState, type WorkbookSnapshot } from "./workbook-io";

export type { HostFeatures, Outcome } from "./sheets";

interface FilledSheet {
  doc: DocumentState;
  plan: Plan;
  sheet: string;
  reading: FillInReadResult;
  snapshot: WorkbookSnapshot;
  existing: Map<string, ExistingSheet>;
  /** What the core's commands take: the document and the sheet as read. */
  input: SheetInput;
  /** The hidden plan sheet `_chitieu` as read in the same request (its name and values), null when the workbook has none. */
  metadata: { sheet: string; grid: unknown[][] } | null;
}

/**
 * The one read request of a command on a loaded workbook: the document state and, in the same
 * request, the indicator sheet and the plan sheet by their names (and the `probes` sheets' used
 * ranges); only a renamed indicator sheet, found by its anchor, costs a second read.
 */
export async function readFilled(context: Excel.RequestContext, lang: Lang, probes: readonly string[] = []): Promise<Outcome<FilledSheet>> {
  const read = await readWorkbook(context, { grids: [FILL_IN_SHEET, METADATA_SHEET], probes });
  const snapshot = read.snapshot;
  if (snapshot.documentUnreadable) return fail(refusal("wf.document-unreadable", "wf.reload.next", {}, lang));
  const doc = snapshot.document;
  if (!doc) return fail(refusal("wf.no-document", "wf.no-document.next", {}, lang));
  const previous = previousFillIn(snapshot);
  if (!previous) return fail(refusal("wf.fill-in-missing", "wf.reload.next", { sheet: doc.fillInSheet ?? "" }, lang));
  const probe = probes.filter((name) => hasSheet(snapshot, name) && name.toLowerCase() !== previous.sheet.toLowerCase()).map((name) => actualName(snapshot, name));
  const metadata = metadataSheets(snapshot);
  const reads = await sheetReadsOf(context, read, previous.sheet, probe, metadata);
  const plan = planOf(doc, reads.grids.get(metadata[0] ?? ""));
  if (!plan) return fail(refusal("wf.plan-missing", "wf.reload.next", { id: doc.planId }, lang));
  const grid = reads.grid ?? [];
  const reading = readFillInSheet(grid, previous.sheet, { plan, lang });
  const metadataGrid = metadata[0] !== undefined ? (reads.grids.get(metadata[0]) ?? []) : null;
  const input: SheetInput = { document: documentInfoOf(doc, plan, metadataGrid), fillIn: { sheet: previous.sheet, grid } };
  return { ok: true, doc, plan, sheet: previous.sheet, reading, snapshot, existing: reads.existing, input, metadata: metadata[0] !== undefined ? { sheet: metadata[0], grid: metadataGrid ?? [] } : null };
}

/** The answer of a command: the old shape the task pane reads, with the core's Outcome beside it. */
function answer<R extends object>(outcome: WorkflowOutcome<R>): Outcome<R & { outcome: WorkflowOutcome<R>; messages: string[] }> {
  if (outcome.status !== "done" || !outcome.result) return fail(messageLines(outcome).join(" ") || (outcome.question?.text ?? ""));
  return { ok: true, ...outcome.result, outcome, messages: messageLines(outcome) };
}

export interface CheckResult {
  findings: Finding[];
  errors: number;
  warnings: number;
  sheet: string;
}

/** Kiểm tra số liệu: the core's check on the sheet as it stands (one request, nothing written). */
export async function checkSheet(context: Excel.RequestContext, lang: Lang): Promise<Outcome<CheckResult & { outcome: WorkflowOutcome<unknown>; messages: string[] }>> {
  const read = await readFilled(context, lang);
  if (!read.ok) return read;
  const outcome = checkCommand(read.input, lang);
  const done = answer(outcome);
  if (!done.ok) return done;
  return { ...done, findings: outcome.findings };
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

/** The one-click fix of a number typed as text, or a unit slip's "÷ 1.000" (two requests: read the cell as it is now, write). */
export async function fixNumberAsText(context: Excel.RequestContext, finding: Finding, lang: Lang): Promise<Outcome<{ cell: string; messages: string[] }>> {
  const at = finding.cell ? parseCell(finding.cell) : null;
  if (!finding.fix || !finding.sheet || !finding.cell || !at) return fail(refusal("wf.fix.changed", "wf.fix.changed.next", { cell: finding.cell ?? "?" }, lang));
  const range = context.workbook.worksheets.getItem(finding.sheet).getRangeByIndexes(at.row, at.col, 1, 1);
  range.load("values");
  await context.sync();
  const outcome = fixCommand({ sheet: finding.sheet, cell: finding.cell, current: range.values[0][0] }, finding.fix.value, lang, finding.rule === "unit-slip" ? (finding.fix.from ?? null) : null);
  if (outcome.status !== "done") return fail(messageLines(outcome).join(" "));
  outcome.writes.push({ kind: "select", sheet: finding.sheet, cell: finding.cell });
  await applyOutcome(context, outcome, { document: null, documentUnreadable: false, sheetNames: [], names: new Map() }, new Map(), { pageLayout: false }, null);
  return { ok: true, cell: finding.cell, messages: messageLines(outcome) };
}

/** Writes (or clears) a status override with its reason in the indicator's row (two requests: read, write). */
export async function setOverride(context: Excel.RequestContext, code: string, status: Status | null, reason: string, lang: Lang): Promise<Outcome<{ cell: string; messages: string[] }>> {
  const read = await readFilled(context, lang);
  if (!read.ok) return read;
  const outcome = overrideCommand(read.input, { code, status, reason }, lang);
  if (outcome.status !== "done" || !outcome.result) return fail(messageLines(outcome).join(" "));
  await applyOutcome(context, outcome, read.snapshot, read.existing, { pageLayout: false }, read.doc);
  return { ok: true, cell: outcome.result.cell, messages: messageLines(outcome) };
}

export type DashboardResult = DashboardReport;

/** Bảng điều khiển: counts per status of the sheet as it stands (one request, nothing written). */
export async function dashboard(context: Excel.RequestContext, lang: Lang): Promise<Outcome<DashboardResult>> {
  const read = await readFilled(context, lang);
  if (!read.ok) return read;
  const outcome = dashboardCommand(read.input, lang);
  if (outcome.status !== "done" || !outcome.result) return fail(messageLines(outcome).join(" "));
  return { ok: true, ...outcome.result };
}

/** The document's settings, for the settings form (one request). */
export async function readDocumentSettings(context: Excel.RequestContext): Promise<Settings | null> {
  const snapshot = await locateWorkbook(context);
  return snapshot.document?.settings ?? null;
}

/** Saves settings into the document state (two requests); they apply at the next load or summary. */
export async function saveDocumentSettings(context: Excel.RequestContext, settings: Settings): Promise<boolean> {
  const snapshot = await locateWorkbook(context);
  const doc = snapshot.document;
  if (!doc) return false;
  const outcome = settingsCommand(doc.settings, settings, settings.lang);
  if (outcome.status !== "done") return false;
  await applyOutcome(context, outcome, snapshot, new Map(), { pageLayout: false }, doc);
  return true;
}

export function fixLabel(finding: Finding, lang: Lang): string | null {
  return workflowFixLabel(finding.fix, lang);
}
