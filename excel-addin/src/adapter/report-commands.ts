// The report commands, loaded only when the user asks for a report (they pull the summary sheet
// builder, which the task pane does not need at start): the year-end summary sheet, in one read and
// one write; the core's workflow (shared/workflow/summary.ts) decides what is written. The
// consolidation of other units' files is the Units tab's (units-commands.ts).
import type { Lang } from "../../../shared/model";
import { summaryCommand } from "../../../shared/workflow/summary";
import { messageLines, type Outcome as WorkflowOutcome } from "../../../shared/workflow/outcome";
import { refusal } from "../messages";
import { t } from "../../../shared/i18n";
import { readFilled } from "./commands";
import { fail, foreignSheet, type HostFeatures, type Outcome } from "./sheets";
import { applyOutcome, sheetsOf } from "./workflow-io";
import { lookUpCharts } from "./charts";

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
