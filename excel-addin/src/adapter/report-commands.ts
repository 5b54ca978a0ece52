// The report commands, loaded only when the user asks for a report (they pull the summary and
// consolidation sheet builders, which the task pane does not need at start): the year-end summary
// sheet and the consolidation of other units' files. The summary takes one read and one write (the
// consolidation still three: locate, read, write); the
// core's workflow (shared/workflow/summary.ts, consolidate.ts) decides what is written.
import type { Lang } from "../../../shared/model";
import { summaryCommand } from "../../../shared/workflow/summary";
import { consolidateCommand, readUnitFile, type UnitFile } from "../../../shared/workflow/consolidate";
import { messageLines, type Outcome as WorkflowOutcome } from "../../../shared/workflow/outcome";
import { refusal, tx } from "../messages";
import { t } from "../../../shared/i18n";
import { readFilled } from "./commands";
import { actualName, fail, foreignSheet, metadataSheets, type HostFeatures, type Outcome } from "./sheets";
import { applyOutcome, documentInfoOf, sheetsOf } from "./workflow-io";
import { hasSheet, locateWorkbook, planOf, readSheets } from "./workbook-io";
import { lookUpCharts } from "./charts";

export type { UnitFile } from "../../../shared/workflow/consolidate";

export interface SummaryResult {
  sheet: string;
  sentence: string;
  /** Errors left in the figures: the summary was made, and the user is told to fix them. */
  errors: number;
  messages: string[];
  outcome: WorkflowOutcome<unknown>;
}

/** Today in Việt Nam (UTC+7), the date of the report. */
function todayInVietnam(nowMs: number = Date.now()): string {
  return new Date(nowMs + 7 * 3600 * 1000).toISOString().slice(0, 10);
}

/** The summary sheet's name in each language the add-in writes. */
const SUMMARY_SHEET_NAMES = [t("sheet.summary.name", {}, "vi"), t("sheet.summary.name", {}, "en")];

/** Tạo bảng tổng hợp: read → the core's summary → write the summary sheet (two requests). */
export async function buildSummary(context: Excel.RequestContext, lang: Lang, features: HostFeatures, date: string = todayInVietnam()): Promise<Outcome<SummaryResult>> {
  // The summary rewrites its own sheet: its used range is read with the indicator sheet, and our
  // charts on it are looked up in the same request (replaced in the write request, no request of their own).
  const charts = lookUpCharts(context, SUMMARY_SHEET_NAMES);
  const read = await readFilled(context, lang, SUMMARY_SHEET_NAMES);
  if (!read.ok) return read;
  const outcome = summaryCommand(read.input, { date }, lang);
  if (outcome.status !== "done" || !outcome.result) return fail(messageLines(outcome).join(" "));
  const conflict = foreignSheet(read.snapshot, sheetsOf(outcome)!);
  if (conflict) return fail(refusal("wf.sheet-conflict", "wf.sheet-conflict.next", { sheet: conflict }, lang));
  await applyOutcome(context, outcome, read.snapshot, read.existing, features, read.doc, (ctx, model) => void charts.queue(ctx, model, lang));
  return { ok: true, ...outcome.result, messages: messageLines(outcome), outcome };
}

export interface ConsolidationResult {
  sheet: string;
  units: number;
  unusable: number;
  register: { source: string; reason: string }[];
  messages: string[];
}

/** Consolidation: other units' files (already read in the browser) → consolidated sheets (three requests). */
export async function consolidateFiles(
  context: Excel.RequestContext,
  files: UnitFile[],
  lang: Lang,
  features: HostFeatures,
  onProgress: (done: number, total: number, file: string) => void = () => undefined,
): Promise<Outcome<ConsolidationResult>> {
  if (files.length === 0) return fail(tx("wf.consolidate.no-files", {}, lang));
  const snapshot = await locateWorkbook(context);
  const doc = snapshot.document;
  if (!doc) return fail(refusal("wf.no-document", "wf.no-document.next", {}, lang));
  // The add-in's own sheets are probed (used range) with the plan read, so the write is the third request.
  const metadata = metadataSheets(snapshot);
  const own = Object.keys(doc.sheets).filter((name) => hasSheet(snapshot, name)).map((name) => actualName(snapshot, name));
  const charts = lookUpCharts(context, own); // the ranking chart (H-D): looked up with this read, drawn with the write
  const reads = await readSheets(context, null, own, metadata);
  const plan = planOf(doc, reads.grids.get(metadata[0] ?? ""));
  if (!plan) return fail(refusal("wf.plan-missing", "wf.reload.next", { id: doc.planId }, lang));
  const readings = files.map((file, index) => {
    onProgress(index, files.length, file.name);
    return readUnitFile(file, plan, doc.fillInSheet ?? "", lang);
  });
  onProgress(files.length, files.length, "");
  const outcome = consolidateCommand({ document: documentInfoOf(doc, plan) }, readings, lang);
  if (outcome.status !== "done" || !outcome.result) return fail(messageLines(outcome).join(" "));
  const conflict = foreignSheet(snapshot, sheetsOf(outcome)!);
  if (conflict) return fail(refusal("wf.sheet-conflict", "wf.sheet-conflict.next", { sheet: conflict }, lang));
  await applyOutcome(context, outcome, snapshot, reads.existing, features, doc, (ctx, model) => void charts.queue(ctx, model, lang));
  return { ok: true, ...outcome.result, messages: messageLines(outcome) };
}
