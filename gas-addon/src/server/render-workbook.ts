// Renders every sheet of a core WorkbookModel into the open spreadsheet, and keeps the sheets'
// fingerprints for the next run.
import type { WorkbookModel } from "../../../shared/sheet/types";
import type { Fingerprints } from "../adapter/fingerprint";
import { inlinedNamesOf, namesOf, renderSheet } from "../adapter/render";
import { newSheet, readSheet, type TargetSheet } from "../adapter/sheet-io";

/** A new sheet of that name, or null when the spreadsheet already has one (Sheets refuses it). */
function tryNewSheet(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, name: string): TargetSheet | null {
  try {
    return newSheet(ss, name);
  } catch {
    return null;
  }
}
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
  /** `written`: filled with each written sheet's target (its handle: the charts drawn after the render need no lookup). */
  options: { repaint?: boolean; written?: Map<string, TargetSheet> } = {},
): Fingerprints {
  const out: Fingerprints = { ...fingerprints };
  // A sheet the add-on never wrote is inserted straight away (one call): Sheets refuses a name in
  // use, and only then is the sheet of that name looked up. A command that stops on a conflict
  // takes back the sheets it inserted, so it leaves the spreadsheet as it found it.
  const inserted: TargetSheet[] = [];
  const targets = workbook.sheets.map((model) => {
    const previous = fingerprints[model.name] ?? null;
    if (known.has(model.name)) {
      const seen = known.get(model.name) ?? null;
      if (seen) return seen;
      // Known to be absent: created now, in the workbook's order.
      const fresh = newSheet(ss, model.name);
      inserted.push(fresh);
      return fresh;
    }
    if (!previous) {
      const fresh = tryNewSheet(ss, model.name);
      if (fresh) {
        inserted.push(fresh);
        return fresh;
      }
    }
    const target = readSheet(ss, model.name, previous, false);
    if (target && !previous && target.extent.rows > 0) {
      for (const sheet of inserted) ss.deleteSheet(sheet.sheet!);
      throw new UserFacingError(tg("gas.error.sheet-conflict", { sheet: model.name }, lang));
    }
    return target;
  });
  const inlined = inlinedNamesOf(workbook);
  workbook.sheets.forEach((model, i) => {
    const previous = fingerprints[model.name] ?? null;
    const target = targets[i] ?? newSheet(ss, model.name);
    options.written?.set(model.name, target);
    // A repaint writes everything, as on a sheet the add-on does not remember.
    out[model.name] = renderSheet(ss, target, { model, names: namesOf(workbook, model), inlined, previous: options.repaint ? null : previous });
  });
  return out;
}
