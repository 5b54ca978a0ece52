// Renders every sheet of a core WorkbookModel into the open spreadsheet, and keeps the sheets'
// fingerprints for the next run.
import type { WorkbookModel } from "../../../shared/sheet/types";
import type { Fingerprints } from "../adapter/fingerprint";
import { foreignNamesOf, namesOf, renderSheet } from "../adapter/render";
import { newSheet, readSheet, type TargetSheet } from "../adapter/sheet-io";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** `known` holds sheets the command already read. Returns the fingerprints, updated. */
export function renderWorkbook(ss: Spreadsheet, workbook: WorkbookModel, fingerprints: Fingerprints, known: Map<string, TargetSheet> = new Map()): Fingerprints {
  const out: Fingerprints = { ...fingerprints };
  for (const model of workbook.sheets) {
    const previous = fingerprints[model.name] ?? null;
    const target = known.get(model.name) ?? readSheet(ss, model.name, previous, false) ?? newSheet(ss, model.name);
    out[model.name] = renderSheet(ss, target, { model, names: namesOf(workbook, model), foreignNames: foreignNamesOf(workbook, model), previous });
  }
  return out;
}
