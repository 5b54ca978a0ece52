// Renders every sheet of a core WorkbookModel into the open spreadsheet, and keeps the sheets'
// fingerprints for the next run.
import type { WorkbookModel } from "../../../shared/sheet/types";
import type { Fingerprints } from "../adapter/fingerprint";
import { inlinedNamesOf, namesOf, stageSheet, type StagedSheet } from "../adapter/render";
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
import { refusal } from "../messages";
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
  const inlined = inlinedNamesOf(workbook);
  const targets: (TargetSheet | null)[] = workbook.sheets.map(() => null);
  const staged: (StagedSheet | null)[] = workbook.sheets.map(() => null);
  const stage = (i: number, target: TargetSheet) => {
    const model = workbook.sheets[i]!;
    targets[i] = target;
    options.written?.set(model.name, target);
    // A repaint writes everything, as on a sheet the add-on does not remember.
    staged[i] = stageSheet(ss, target, { model, names: namesOf(workbook, model), inlined, previous: options.repaint ? null : (fingerprints[model.name] ?? null) });
  };
  // Apps Script sends its cached writes when a read follows them: every read comes first (the
  // sheets the add-on wrote before, and what their render needs to know), then the new sheets are
  // inserted, every sheet grown, the rectangles of all fetched at once, and everything written.
  workbook.sheets.forEach((model, i) => {
    const seen = known.get(model.name);
    if (seen) stage(i, seen);
    else if (!known.has(model.name) && fingerprints[model.name]) {
      const target = readSheet(ss, model.name, fingerprints[model.name] ?? null, false);
      if (target) stage(i, target);
    }
  });
  // A sheet the add-on never wrote is inserted straight away (one call): Sheets refuses a name in
  // use, and only then is the sheet of that name looked up. A command that stops on a conflict
  // takes back the sheets it inserted, so it leaves the spreadsheet as it found it.
  const inserted: TargetSheet[] = [];
  workbook.sheets.forEach((model, i) => {
    if (staged[i]) return;
    const previous = fingerprints[model.name] ?? null;
    // Known to be absent, or once written and since deleted: created now, in the workbook's order.
    let target = known.has(model.name) || previous ? null : tryNewSheet(ss, model.name);
    if (!target && !known.has(model.name) && !previous) {
      const found = readSheet(ss, model.name, null, false);
      if (found && found.extent.rows > 0) {
        for (const sheet of inserted) ss.deleteSheet(sheet.sheet!);
        throw new UserFacingError(refusal("wf.sheet-conflict", "wf.sheet-conflict.next", { sheet: model.name }, lang));
      }
      target = found;
    }
    if (!target) target = newSheet(ss, model.name);
    if (target.isNew) inserted.push(target);
    stage(i, target);
  });
  for (const s of staged) s!.grow();
  for (const s of staged) s!.fetchRanges();
  workbook.sheets.forEach((model, i) => {
    out[model.name] = staged[i]!.write();
  });
  return out;
}
