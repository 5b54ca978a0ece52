// Renders every sheet of a core WorkbookModel into the open spreadsheet.
import type { WorkbookModel } from "../../../shared/sheet/types";
import { namesOf, renderSheet, targetSheet, type TargetSheet } from "../adapter/render";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** `known` holds sheets already read by the command (their extent is known without a call). */
export function renderWorkbook(ss: Spreadsheet, workbook: WorkbookModel, known: Map<string, TargetSheet> = new Map()): GoogleAppsScript.Spreadsheet.Sheet[] {
  return workbook.sheets.map((model) => {
    const target = known.get(model.name) ?? targetSheet(ss, model.name);
    return renderSheet(ss, target, model, namesOf(workbook, model)).sheet;
  });
}
