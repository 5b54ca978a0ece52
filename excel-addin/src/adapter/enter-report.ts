// "Dán báo cáo" on Excel: the core's two steps (shared/workflow/enter-report.ts) over the workbook.
// Reading the report costs the one read request of every command (the document state and the
// indicator sheet, asked by name in the same sync); writing the accepted figures costs that read
// (the sheet as it stands now, so a figure typed since the review is never replaced unasked) and
// one write (the cells and the document state with the report's tally, in the same sync). The tally
// is also set in the hidden plan sheet `_chitieu` (row `reportTally`, as `chitieu read-report --into`
// writes it), in that same write: the row is found in the sheet's values the read already has, so a
// workbook saved from Excel gives `chitieu check` and `chitieu summary` the tally check too. Reading
// it back, the sheet's row wins over the document state (shared/report/kept-tally.ts says why).
import type { Lang } from "../../../shared/model";
import { enterReportCommand, readReportCommand, type EnterReportRequest, type EnterReportResult, type ReportReviewView } from "../../../shared/workflow/enter-report";
import { messageLines, writeOf, type Question } from "../../../shared/workflow/outcome";
import { KEPT_TALLY_KEY, metadataRowCells, tallyValue } from "../../../shared/report/kept-tally";
import { readFilled } from "./commands";
import { fail, type Outcome } from "./sheets";
import { applyOutcome } from "./workflow-io";

export type ReportReviewAnswer = { view: ReportReviewView; messages: string[] };

/** Step 1 (one sync): the review of the report's text against the loaded plan and the sheet. */
export async function readReport(context: Excel.RequestContext, text: string, lang: Lang): Promise<Outcome<ReportReviewAnswer>> {
  const read = await readFilled(context, lang);
  if (!read.ok) return read;
  const outcome = readReportCommand(read.input, { text }, lang);
  if (outcome.status !== "done" || !outcome.result) return fail(messageLines(outcome).join(" "));
  return { ok: true, view: outcome.result, messages: messageLines(outcome) };
}

export type EnterReportAnswer = { kind: "done"; result: EnterReportResult; messages: string[] } | { kind: "ask"; question: Question };

/** Step 2 (two syncs: read, write; one when the core asks first): the accepted figures into the sheet. */
export async function enterReport(context: Excel.RequestContext, request: EnterReportRequest, lang: Lang): Promise<Outcome<EnterReportAnswer>> {
  const read = await readFilled(context, lang);
  if (!read.ok) return read;
  const outcome = enterReportCommand(read.input, request, lang);
  if (outcome.status === "ask" && outcome.question) return { ok: true, kind: "ask", question: outcome.question };
  if (outcome.status !== "done" || !outcome.result) return fail(messageLines(outcome).join(" "));
  const tally = writeOf(outcome, "document")?.info.reportTally;
  // No `_chitieu` sheet (deleted by hand): the tally stays in the document state only.
  if (tally && read.metadata) {
    const sheet = read.metadata.sheet;
    outcome.writes.push({ kind: "cells", cells: metadataRowCells(read.metadata.grid, KEPT_TALLY_KEY, tallyValue(tally)).map((c) => ({ sheet, cell: c.cell, value: c.value, text: true })) });
  }
  if (outcome.writes.length > 0) await applyOutcome(context, outcome, read.snapshot, read.existing, { pageLayout: false }, read.doc);
  return { ok: true, kind: "done", result: outcome.result, messages: messageLines(outcome) };
}
