// The units' work in Excel ("Đơn vị" tab), loaded on first use: the blank assignment form written
// into the workbook, and the consolidation of the units' files with the register of who reported
// and the points. Each is one read request (the document state, the plan copy, the assignment and
// scoring sheets by name and the used range of the sheets it rewrites, all as NullObjects) and one
// write request; the core (shared/workflow/units.ts) decides everything.
import type { Lang } from "../../../shared/model";
import { readUnitFile, type UnitFile } from "../../../shared/workflow/consolidate";
import { messageLines, type Outcome as WorkflowOutcome } from "../../../shared/workflow/outcome";
import { assignmentFormCommand, unitsConsolidateCommand, unitsOutputSheets, UNITS_INPUT_SHEETS, type AssignmentFormReport, type GridSheet, type UnitsConsolidationReport, type UnitsRequest } from "../../../shared/workflow/units";
import { ASSIGNMENT_SHEET } from "../../../shared/sheet/assignment-sheet";
import { METADATA_SHEET } from "../../../xlsx-reader/metadata";
import { refusal, tx } from "../messages";
import { fail, foreignSheet, metadataSheets, type HostFeatures, type Outcome } from "./sheets";
import { applyOutcome, documentInfoOf, sheetsOf } from "./workflow-io";
import { lookUpCharts, type ChartLookup } from "./charts";
import { hasSheet, planOf, readWorkbook, type DocumentState, type WorkbookRead } from "./workbook-io";
import type { DocumentInfo } from "../../../shared/workflow/outcome";

/** A unit's file as the pane read it, with its date and SHA-256 (computed in the browser). */
export interface ReceivedFile {
  file: UnitFile;
  date: string | null;
  sha256: string | null;
  /** The plan id and unit the file's `_chitieu` sheet names. */
  planId?: string | null;
  unit?: string | null;
}

type Read = { ok: true; read: WorkbookRead; doc: DocumentState; info: DocumentInfo; inputs: GridSheet[] } | { ok: false; message: string };

/** The one read: document, plan copy, the units' input sheets and the sheets to be rewritten. */
async function readForUnits(context: Excel.RequestContext, lang: Lang, probes: readonly string[]): Promise<Read> {
  const read = await readWorkbook(context, { grids: [METADATA_SHEET, ...UNITS_INPUT_SHEETS], probes });
  const snapshot = read.snapshot;
  if (snapshot.documentUnreadable) return fail(refusal("wf.document-unreadable", "wf.reload.next", {}, lang));
  const doc = snapshot.document;
  if (!doc) return fail(refusal("wf.no-document", "wf.no-document.next", {}, lang));
  const metadata = metadataSheets(snapshot);
  const plan = planOf(doc, read.grids.get((metadata[0] ?? METADATA_SHEET).toLowerCase()));
  if (!plan) return fail(refusal("wf.plan-missing", "wf.reload.next", { id: doc.planId }, lang));
  const inputs = UNITS_INPUT_SHEETS.filter((name) => hasSheet(snapshot, name)).map((name) => ({
    name: snapshot.sheetNames.find((n) => n.toLowerCase() === name.toLowerCase()) ?? name,
    grid: read.grids.get(name.toLowerCase()) ?? [],
  }));
  return { ok: true, read, doc, info: documentInfoOf(doc, plan), inputs };
}

async function apply<R>(
  context: Excel.RequestContext,
  outcome: WorkflowOutcome<R>,
  read: WorkbookRead,
  doc: DocumentState,
  features: HostFeatures,
  lang: Lang,
  charts?: ChartLookup,
): Promise<Outcome<R & { messages: string[]; outcome: WorkflowOutcome<R> }>> {
  if (outcome.status !== "done" || !outcome.result) return fail(messageLines(outcome).join(" "));
  const conflict = foreignSheet(read.snapshot, sheetsOf(outcome)!);
  if (conflict) return fail(refusal("wf.sheet-conflict", "wf.sheet-conflict.next", { sheet: conflict }, lang));
  await applyOutcome(context, outcome, read.snapshot, read.existing, features, doc, charts && ((ctx, model) => void charts.queue(ctx, model, lang)));
  return { ok: true, ...outcome.result, messages: messageLines(outcome), outcome };
}

/** "Tạo mẫu giao chỉ tiêu": the assignment form as a sheet of this workbook (two requests). */
export async function writeAssignmentForm(context: Excel.RequestContext, lang: Lang, features: HostFeatures): Promise<Outcome<AssignmentFormReport & { messages: string[]; outcome: WorkflowOutcome<AssignmentFormReport> }>> {
  const read = await readForUnits(context, lang, [ASSIGNMENT_SHEET.vi, ASSIGNMENT_SHEET.en]);
  if (!read.ok) return read;
  const outcome = assignmentFormCommand({ document: read.info, sheets: read.inputs }, lang);
  return apply(context, outcome, read.read, read.doc, features, lang);
}

/** The units' files → consolidation, register and points sheets (two requests). */
export async function consolidateUnitFiles(
  context: Excel.RequestContext,
  files: readonly ReceivedFile[],
  request: UnitsRequest,
  lang: Lang,
  features: HostFeatures,
): Promise<Outcome<UnitsConsolidationReport & { messages: string[]; outcome: WorkflowOutcome<UnitsConsolidationReport> }>> {
  if (files.length === 0) return fail(tx("wf.consolidate.no-files", {}, lang));
  // The units ranking chart: our old charts are looked up with this read and redrawn with the write.
  const charts = lookUpCharts(context, unitsOutputSheets());
  const read = await readForUnits(context, lang, unitsOutputSheets());
  if (!read.ok) return read;
  const plan = read.info.plan;
  const received = files.map(({ file, date, sha256, planId, unit }) => ({ reading: readUnitFile(file, plan, read.doc.fillInSheet ?? "", lang), date, sha256, planId: planId ?? null, unit: unit ?? null }));
  const outcome = unitsConsolidateCommand({ document: read.info, sheets: read.inputs }, received, request, lang);
  return apply(context, outcome, read.read, read.doc, features, lang, charts);
}
