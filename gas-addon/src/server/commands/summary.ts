// "Lập biểu tổng hợp": the core's summary command (shared/workflow/summary.ts) on the open
// spreadsheet: the typed figures evaluated, the year-end summary sheet written.
import type { Lang } from "../../../../shared/model";
import { summaryCommand as summaryWorkflow } from "../../../../shared/workflow/summary";
import { messageLines, writeOf } from "../../../../shared/workflow/outcome";
import type { Outcome, SummaryResult } from "../../api-types";
import { fingerprintProperties, writeIfChanged } from "../document-state";
import { notDone, openDocument, requireFillIn, requireStored, todayInVietnam, withFillInName, workflowDocument } from "../host";
import { renderWorkbook } from "../render-workbook";

export function summaryCommand(lang: Lang): Outcome<SummaryResult> {
  const doc = openDocument();
  const { plan } = requireStored(doc, lang);
  const { target } = requireFillIn(doc, plan, lang);
  const outcome = summaryWorkflow({ document: workflowDocument(doc), fillIn: { sheet: target.name, grid: target.values ?? [] } }, { date: todayInVietnam() }, lang);
  if (outcome.status !== "done" || !outcome.result) return notDone(outcome.messages);
  const fingerprints = renderWorkbook(doc.ss, writeOf(outcome, "sheets")!.model, withFillInName(doc.fingerprints, target.name), lang);
  writeIfChanged(doc.store, doc.properties, fingerprintProperties(fingerprints), ["render"]);
  return { ok: true, sheet: outcome.result.sheet, sentence: outcome.result.sentence, errors: outcome.result.errors, message: messageLines(outcome).join(" ") };
}
