// The one place where the add-in calls the shared core's sheet builders and readers, so the rest of
// the add-in speaks a small, stable vocabulary (and a change of a core signature is fixed here).
import type { ActualEntry, Evaluation, Finding, Lang, Plan, Settings } from "../../shared/model";
import type { SheetModel, TableLayout, WorkbookModel } from "../../shared/sheet/types";
import { buildFillInWorkbook } from "../../shared/sheet/fill-in";
import { readFillInSheet } from "../../shared/sheet/read-back";
import { buildSummaryWorkbook } from "../../shared/sheet/summary-sheet";
import { buildConsolidationWorkbook } from "../../shared/sheet/consolidation-sheet";
import { evaluatePlan } from "../../shared/evaluate";
import { summarize, type Summary } from "../../shared/summary";
import { consolidate, type ConsolidationInput } from "../../shared/consolidate";
import { validateEntries } from "../../shared/validate";

export interface FillInOptions {
  unit: string;
  year: number;
  estimate: boolean;
  settings: Settings;
  entries: ActualEntry[];
  issuer: string | null;
  lang: Lang;
}

export function fillInWorkbook(plan: Plan, options: FillInOptions): WorkbookModel {
  return buildFillInWorkbook(plan, { ...options, issuer: options.issuer ?? undefined } as Parameters<typeof buildFillInWorkbook>[1]);
}

export function fillInSheetOf(model: WorkbookModel): SheetModel {
  const sheet = model.sheets.find((s) => s.role === "fill-in");
  if (!sheet || !sheet.table) throw new Error("fill-in model without a table");
  return sheet;
}

export interface FillInReading {
  entries: ActualEntry[];
  /** The sheet row (0-based) of each indicator code, as the sheet stands now (rows may be sorted). */
  rowsByCode: Map<string, number>;
  layout: TableLayout | null;
  problems: Finding[];
}

export function readFillIn(grid: unknown[][], sheetName: string, plan: Plan, lang: Lang): FillInReading {
  const result = readFillInSheet(grid as Parameters<typeof readFillInSheet>[0], sheetName, { plan, lang });
  const rowsByCode = result.rowsByCode instanceof Map ? result.rowsByCode : new Map(Object.entries(result.rowsByCode as Record<string, number>));
  return { entries: result.entries, rowsByCode, layout: result.layout ?? null, problems: result.problems as Finding[] };
}

export function evaluate(plan: Plan, entries: ActualEntry[], settings: Settings): Evaluation[] {
  return evaluatePlan(plan, entries, settings);
}

export function validate(plan: Plan, entries: ActualEntry[], settings: Settings): Finding[] {
  return validateEntries(plan, entries, settings);
}

export function summaryOf(plan: Plan, evaluations: Evaluation[], settings: Settings): Summary {
  return summarize(plan, evaluations, settings);
}

export interface SummaryInfo {
  unit: string;
  year: number;
  estimate: boolean;
  issuer: string | null;
  lang: Lang;
}

export function summaryWorkbook(plan: Plan, summary: Summary, evaluations: Evaluation[], settings: Settings, info: SummaryInfo): WorkbookModel {
  return buildSummaryWorkbook(summary, { plan, evaluations, settings, ...info } as unknown as Parameters<typeof buildSummaryWorkbook>[1]);
}

export function consolidationWorkbook(inputs: ConsolidationInput[], settings: Settings, lang: Lang): WorkbookModel {
  const result = consolidate(inputs, settings);
  return buildConsolidationWorkbook(result, { settings, lang } as unknown as Parameters<typeof buildConsolidationWorkbook>[1]);
}
