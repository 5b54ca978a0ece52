// The units' work on Sheets ("Đơn vị" tab): the blank assignment form written into the open
// spreadsheet, and what the units' consolidation reads from it (the assignment and scoring sheets,
// by name: one call per name, and one read of each sheet found). The core
// (shared/workflow/units.ts) decides; this reads and renders.
import type { Lang } from "../../../../shared/model";
import { assignmentFormCommand, UNITS_INPUT_SHEETS, type GridSheet } from "../../../../shared/workflow/units";
import { messageLines, writeOf } from "../../../../shared/workflow/outcome";
import type { Outcome } from "../../api-types";
import { fingerprintProperties, writeIfChanged } from "../document-state";
import { notDone, openDocument, requireStored, workflowDocument, type OpenDocument } from "../host";
import { renderWorkbook } from "../render-workbook";

/** The document's assignment and scoring sheets, when present, with their values. */
export function unitsInputSheets(doc: OpenDocument): GridSheet[] {
  const out: GridSheet[] = [];
  const seen = new Set<string>();
  for (const name of UNITS_INPUT_SHEETS) {
    const sheet = doc.ss.getSheetByName(name);
    if (!sheet) continue;
    const actual = sheet.getName();
    if (seen.has(actual)) continue;
    seen.add(actual);
    out.push({ name: actual, grid: sheet.getDataRange().getValues() });
  }
  return out;
}

export function assignmentFormServerCommand(lang: Lang): Outcome<{ sheet: string; message: string }> {
  const doc = openDocument();
  requireStored(doc, lang);
  const outcome = assignmentFormCommand({ document: workflowDocument(doc), sheets: unitsInputSheets(doc) }, lang);
  if (outcome.status !== "done" || !outcome.result) return notDone(outcome.messages);
  const fingerprints = renderWorkbook(doc.ss, writeOf(outcome, "sheets")!.model, doc.fingerprints, lang);
  writeIfChanged(doc.store, doc.properties, fingerprintProperties(fingerprints), ["render"]);
  return { ok: true, sheet: outcome.result.sheet, message: messageLines(outcome).join(" ") };
}
