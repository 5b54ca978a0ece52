// "Lập biểu tổng hợp": the core's summary command (shared/workflow/summary.ts) on the open
// spreadsheet: the typed figures evaluated, the year-end summary sheet written, with the report's
// tally check under the sentence (the tally kept as Check reads it: ../kept-tally.ts).
import type { Lang } from "../../../../shared/model";
import { summaryCommand as summaryWorkflow } from "../../../../shared/workflow/summary";
import { messageLines, writeOf } from "../../../../shared/workflow/outcome";
import type { Outcome, SummaryResult } from "../../api-types";
import { fingerprintProperties, joinValue, splitValue, writeIfChanged } from "../document-state";
import { notDone, openDocument, requireFillIn, requireStored, todayInVietnam, withFillInName } from "../host";
import { documentWithKeptTally } from "../kept-tally";
import { renderWorkbook } from "../render-workbook";
import { chartSignature, lookUpSheetCharts } from "../../adapter/charts";
import { sheetOf, type TargetSheet } from "../../adapter/sheet-io";

export function summaryCommand(lang: Lang): Outcome<SummaryResult> {
  const doc = openDocument();
  const { plan } = requireStored(doc, lang);
  const { target } = requireFillIn(doc, plan, lang);
  const outcome = summaryWorkflow({ document: documentWithKeptTally(doc), fillIn: { sheet: target.name, grid: target.values ?? [] } }, { date: todayInVietnam() }, lang);
  if (outcome.status !== "done" || !outcome.result) return notDone(outcome.messages);
  const model = writeOf(outcome, "sheets")!.model;
  // The charts are bound to the sheet's cells: when they would be bound as the last run drew them,
  // they follow the new figures by themselves and are left as they are (no call). Otherwise ours on the
  // sheets the add-on wrote before are listed now, before any write (no flush), and redrawn after the
  // render with writes only; a sheet the render had to create gets its charts.
  const signature = chartSignature(model, lang);
  const same = joinValue(doc.properties, "charts") === signature;
  const charts = lookUpSheetCharts(doc.ss, same ? [] : model.sheets.filter((s) => doc.fingerprints[s.name]).map((s) => s.name));
  const written = new Map<string, TargetSheet>();
  const fingerprints = renderWorkbook(doc.ss, model, withFillInName(doc.fingerprints, target.name), lang, new Map(), { written });
  charts.draw(same ? { ...model, sheets: model.sheets.filter((s) => written.get(s.name)?.isNew) } : model, lang, (name) => (written.has(name) ? sheetOf(written.get(name)!) : null));
  writeIfChanged(doc.store, doc.properties, { ...fingerprintProperties(fingerprints), ...splitValue("charts", signature) }, ["render", "charts"]);
  return { ok: true, sheet: outcome.result.sheet, sentence: outcome.result.sentence, errors: outcome.result.errors, tally: outcome.result.tally ?? null, message: messageLines(outcome).join(" ") };
}
