// Renders every sheet of a core WorkbookModel into the open spreadsheet, and keeps the sheets'
// fingerprints for the next run.
import type { WorkbookModel } from "../../../shared/sheet/types";
import type { Fingerprints } from "../adapter/fingerprint";
import { foreignNamesOf, namesOf, renderSheet } from "../adapter/render";
import { newSheet, readSheet, type TargetSheet } from "../adapter/sheet-io";
import type { Lang } from "../../../shared/model";
import { tg } from "../messages";
import { UserFacingError } from "./host";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/**
 * `known` holds sheets the command already read (and checked), or null for a sheet it looked for
 * and found absent. A sheet of the same name that the
 * add-on did not write and that holds data is never overwritten: the command stops with a message
 * before writing anything. Returns the fingerprints, updated.
 */
export function renderWorkbook(
  ss: Spreadsheet,
  workbook: WorkbookModel,
  fingerprints: Fingerprints,
  lang: Lang,
  known: Map<string, TargetSheet | null> = new Map(),
  options: { repaint?: boolean } = {},
): Fingerprints {
  const out: Fingerprints = { ...fingerprints };
  const targets = workbook.sheets.map((model) => {
    const previous = fingerprints[model.name] ?? null;
    const target = known.has(model.name) ? known.get(model.name)! : readSheet(ss, model.name, previous, false);
    if (target && !known.has(model.name) && !previous && target.extent.rows > 0) throw new UserFacingError(tg("gas.error.sheet-conflict", { sheet: model.name }, lang));
    return target;
  });
  workbook.sheets.forEach((model, i) => {
    const previous = fingerprints[model.name] ?? null;
    const target = targets[i] ?? newSheet(ss, model.name);
    // A repaint writes everything, as on a sheet the add-on does not remember.
    out[model.name] = renderSheet(ss, target, { model, names: namesOf(workbook, model), foreignNames: foreignNamesOf(workbook, model), previous: options.repaint ? null : previous });
  });
  return out;
}
