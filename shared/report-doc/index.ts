// The Word report's content model: one unit's report, the consolidated report, and what they share.
export * from "./model";
export { buildUnitReport, resultsTable, type UnitReportOptions } from "./unit-report";
export { buildConsolidationReport, type ConsolidationReportOptions } from "./consolidation-report";
export { placeDateLine, parseReportDate, type ReportOptions } from "./common";
