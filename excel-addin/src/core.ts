// The one place where the add-in calls the shared core's sheet builders and readers, so the rest of
// the add-in speaks a small, stable vocabulary (and a change of a core signature is fixed here).
import type { Finding, Lang, Plan, Settings } from "../../shared/model";
import type { SheetModel, WorkbookModel } from "../../shared/sheet/types";
import { buildFillInWorkbook, type FillInOptions as CoreFillInOptions } from "../../shared/sheet/fill-in";
import { readFillInSheet, reloadBlockers, type FillInReadResult } from "../../shared/sheet/read-back";

/** What the add-in always passes when it builds the fill-in workbook: every option given. */
export type FillInOptions = Required<Pick<CoreFillInOptions, "unit" | "year" | "estimate" | "entries" | "lang">> & {
  settings: Settings;
  issuer: string | null;
};

export function fillInWorkbook(plan: Plan, options: FillInOptions): WorkbookModel {
  return buildFillInWorkbook(plan, options);
}

export function fillInSheetOf(model: WorkbookModel): SheetModel {
  const sheet = model.sheets.find((s) => s.role === "fill-in");
  if (!sheet || !sheet.table) throw new Error("fill-in model without a table");
  return sheet;
}

export type FillInReading = FillInReadResult;

export function readFillIn(grid: unknown[][], sheetName: string, plan: Plan, lang: Lang): FillInReading {
  return readFillInSheet(grid, sheetName, { plan, lang });
}

/** Layout problems that make matching rows by code unsafe: a unit's file is not used as it is. */
const UNREADABLE_LAYOUT = new Set(["layout-header-missing", "layout-key-column-missing", "layout-duplicate-code"]);

export function unreadableLayout(reading: FillInReading): Finding[] {
  return reading.problems.filter((p) => UNREADABLE_LAYOUT.has(p.rule));
}

/**
 * Why the sheet must not be rewritten now: the key cannot be read, or an input column the user
 * types into was renamed. The rule lives in the core (`reloadBlockers`) so both add-ins refuse alike.
 */
export function blockingProblems(reading: FillInReading, sheetName: string, lang: Lang): Finding[] {
  return reloadBlockers(reading, sheetName, lang);
}
