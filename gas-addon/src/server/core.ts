// The one place where the Sheets add-on calls the shared core, so a change of a core signature is
// fixed here and nowhere else.
import type { ActualEntry, Evaluation, Finding, Lang, Plan, Settings } from "../../../shared/model";
import type { WorkbookModel } from "../../../shared/sheet/types";
import { buildFillInWorkbook, FILL_IN_SHEET, TABLE_NAME, type FillInOptions } from "../../../shared/sheet/fill-in";
import { readFillInSheet, reloadBlockers, type ReadLayout } from "../../../shared/sheet/read-back";
import { buildSummaryWorkbook } from "../../../shared/sheet/summary-sheet";
import { buildConsolidationWorkbook } from "../../../shared/sheet/consolidation-sheet";
import { evaluatePlan } from "../../../shared/evaluate";
import { summarize, type Summary } from "../../../shared/summary";
import { consolidate, type ConsolidationInput } from "../../../shared/consolidate";
import { validateEntries } from "../../../shared/validate";

/** The fill-in sheet's name as written, and the named range that anchors its table wherever it is. */
export { FILL_IN_SHEET, TABLE_NAME };

/** What the add-on always passes when it builds the fill-in workbook: every option given. */
export type FillInRequest = Required<Pick<FillInOptions, "unit" | "year" | "estimate" | "entries" | "lang">> & {
  settings: Settings;
  issuer: string | null;
};

export function fillInWorkbook(plan: Plan, request: FillInRequest): WorkbookModel {
  return buildFillInWorkbook(plan, request);
}

export interface FillInReading {
  entries: ActualEntry[];
  rowsByCode: Map<string, number>;
  layout: ReadLayout | null;
  problems: Finding[];
}

export function readFillIn(grid: unknown[][], sheetName: string, plan: Plan, lang: Lang): FillInReading {
  const result = readFillInSheet(grid, sheetName, { plan, lang });
  return { entries: result.entries, rowsByCode: result.rowsByCode, layout: result.layout, problems: result.problems };
}

/**
 * Why "load the plan again" must not rewrite the sheet: the table, its key or an input column a
 * user types into can no longer be found. The rule is the core's, so both add-ins refuse alike.
 */
export function blockingProblems(reading: FillInReading, sheetName: string, lang: Lang): Finding[] {
  return reloadBlockers(reading, sheetName, lang);
}

export function evaluate(plan: Plan, entries: ActualEntry[], settings: Settings): Evaluation[] {
  return evaluatePlan(plan, entries, settings);
}

export function validate(plan: Plan, entries: ActualEntry[], settings: Settings): Finding[] {
  return validateEntries(plan, entries, settings);
}

export interface SummaryRequest {
  unit: string;
  year: number;
  estimate: boolean;
  issuer: string | null;
  date: string;
  lang: Lang;
}

export function summaryWorkbook(plan: Plan, entries: ActualEntry[], settings: Settings, request: SummaryRequest): { summary: Summary; workbook: WorkbookModel } {
  const summary = summarize(plan, evaluatePlan(plan, entries, settings), settings);
  const workbook = buildSummaryWorkbook(plan, summary, {
    unit: request.unit,
    year: request.year,
    estimate: request.estimate,
    issuer: request.issuer ?? undefined,
    date: request.date,
    lang: request.lang,
  });
  return { summary, workbook };
}

export function consolidationWorkbook(inputs: ConsolidationInput[], settings: Settings, options: { year: number; issuer: string | null; lang: Lang }): WorkbookModel {
  const result = consolidate(inputs, settings);
  return buildConsolidationWorkbook(result, { year: options.year, issuer: options.issuer ?? undefined, lang: options.lang });
}
