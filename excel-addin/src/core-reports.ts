// The report sheet builders of the core (summary, consolidation), apart from core.ts so the task
// pane loads them only when a report is asked for.
import type { Lang, Plan, Settings } from "../../shared/model";
import type { WorkbookModel } from "../../shared/sheet/types";
import { buildSummaryWorkbook } from "../../shared/sheet/summary-sheet";
import { buildConsolidationWorkbook } from "../../shared/sheet/consolidation-sheet";
import { consolidate, type ConsolidationInput } from "../../shared/consolidate";
import type { Summary } from "../../shared/summary";

export interface SummaryInfo {
  unit: string;
  year: number;
  estimate: boolean;
  issuer: string | null;
  lang: Lang;
}

export function summaryWorkbook(plan: Plan, summary: Summary, info: SummaryInfo): WorkbookModel {
  return buildSummaryWorkbook(plan, summary, { unit: info.unit, year: info.year, estimate: info.estimate, issuer: info.issuer ?? undefined, lang: info.lang });
}

export function consolidationWorkbook(inputs: ConsolidationInput[], settings: Settings, info: { year: number; issuer: string | null; lang: Lang }): WorkbookModel {
  const result = consolidate(inputs, settings);
  return buildConsolidationWorkbook(result, { year: info.year, issuer: info.issuer ?? undefined, lang: info.lang });
}
