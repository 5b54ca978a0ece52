// The workflow layer: every command a host offers, as one pure function from what the host read to
// the Outcome it applies (outcome.ts). Adding a command is one file here and one wiring line per host.
export * from "./outcome";
export { loadCommand, type LoadInput, type LoadRequest, type LoadReport, type GridRead } from "./load";
export { checkCommand, type CheckReport } from "./check";
export { fixCommand, fixLabel, type FixInput } from "./fix";
export { overrideCommand, type OverrideRequest } from "./override";
export { summaryCommand, dashboardCommand, type SummaryReport, type DashboardReport } from "./summary";
export { readUnitFile, unitReadingOf, consolidationInputOf, type UnitFile, type UnitReading } from "./consolidate";
export { settingsCommand } from "./settings";
export { readReportCommand, enterReportCommand, storedTallyFinding, type ReportReviewView, type ReportRowView, type EnterReportRequest, type EnterReportResult } from "./enter-report";
export { findingsOf, orderFindings, countFindings } from "./findings";
export { unusableLayout, holdsNoTable, UNUSABLE_LAYOUT_RULES } from "./unit-file";
export { loadRequestProblems, YEAR_RANGE } from "./request";
export { setAsideSheetNames, setAsideColumns, setAsideWorkbook } from "./set-aside";
export { readLoadedSheet, type SheetInput, type ReadSheet } from "./sheet-input";
export { say, statusLabel } from "./say";
export { nextYearCommand, withYearSuffix, yearSheetName, type NextYearInput, type NextYearRequest, type NextYearReport } from "./next-year";
export { assignmentFormCommand, unitsConsolidateCommand, unitsOutputSheets, localIsoDate, UNITS_INPUT_SHEETS, SCORING_SHEET, type UnitsInput, type UnitsRequest, type ReceivedUnitFile, type RegisterRowView, type UnitsConsolidationReport, type AssignmentFormReport } from "./units";
