// "Dán báo cáo" on Google Sheets: the core's two steps (shared/workflow/enter-report.ts) on the open
// spreadsheet. The review reads the document and the indicator sheet (one range read) and writes
// nothing; writing reads them again (a figure typed since the review is asked about, never replaced
// unasked), then sets the accepted cells in one batch (one flush at the end of the call), and keeps
// the report's tally with the document's properties so Check and Summary repeat the tally check —
// and, in the same flush, in the hidden `_chitieu` sheet as the CLI keeps it (../kept-tally.ts: the
// sheet is read before any write, so still one flush), for a downloaded .xlsx and `chitieu check`.
import type { Lang } from "../../../../shared/model";
import { enterReportCommand as enterWorkflow, readReportCommand as readWorkflow } from "../../../../shared/workflow/enter-report";
import { messageLines, writeOf } from "../../../../shared/workflow/outcome";
import type { EnterReportAnswer, EnterReportCall, Outcome, ReportReviewAnswer } from "../../api-types";
import { sheetsInput } from "../../adapter/raster";
import { documentProperties, writeIfChanged } from "../document-state";
import { notDone, openDocument, rememberFillInName, requireFillIn, requireStored, workflowDocument } from "../host";
import { keptTallyOf, queueTallyRow, readTallySheet } from "../kept-tally";

export function readReportCommand(text: string, lang: Lang): Outcome<ReportReviewAnswer> {
  const doc = openDocument();
  const { plan } = requireStored(doc, lang);
  const { target } = requireFillIn(doc, plan, lang);
  rememberFillInName(doc, target.name);
  const outcome = readWorkflow({ document: workflowDocument(doc), fillIn: { sheet: target.name, grid: target.values ?? [] } }, { text: String(text ?? "") }, lang);
  if (outcome.status !== "done" || !outcome.result) return notDone(outcome.messages);
  return { ok: true, view: outcome.result, messages: messageLines(outcome) };
}

export function enterReportCommand(request: EnterReportCall, lang: Lang): Outcome<EnterReportAnswer> {
  const doc = openDocument();
  const stored = requireStored(doc, lang);
  const { target } = requireFillIn(doc, stored.plan, lang);
  // Read before anything is written: the row to set, and the tally when the properties have none.
  const tallySheet = readTallySheet(doc.ss);
  const document = workflowDocument(doc);
  const reportTally = keptTallyOf(doc.ss, stored.info.reportTally, tallySheet);
  const outcome = enterWorkflow(
    { document: document && reportTally ? { ...document, reportTally } : document, fillIn: { sheet: target.name, grid: target.values ?? [] } },
    { figures: Array.isArray(request?.figures) ? request.figures : [], tally: request?.tally ?? null, ...(request?.answers ? { answers: request.answers } : {}) },
    lang,
  );
  if (outcome.status === "ask" && outcome.question) return { ok: true, kind: "ask", question: outcome.question };
  if (outcome.status !== "done" || !outcome.result) return notDone(outcome.messages);
  const cells = writeOf(outcome, "cells")?.cells ?? [];
  const sheet = doc.ss.getSheetByName(target.name);
  if (cells.length > 0 && !sheet) return notDone(outcome.messages);
  // Text ("Đạt") behind the apostrophe Sheets drops, so it is never read as a formula or a number.
  for (const cell of cells) sheet!.getRange(cell.cell).setValue(cell.text ? sheetsInput(cell.value) : (cell.value ?? ""));
  const info = writeOf(outcome, "document")?.info;
  if (info) writeIfChanged(doc.store, doc.properties, documentProperties({ ...stored.info, reportTally: info.reportTally ?? null }, stored.plan), ["info", "plan"]);
  if (info?.reportTally) queueTallyRow(doc.ss, tallySheet, info.reportTally, sheet);
  rememberFillInName(doc, target.name);
  return { ok: true, kind: "done", result: outcome.result, messages: messageLines(outcome) };
}
