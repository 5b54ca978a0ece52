// The functions the sidebar calls through google.script.run. Each takes and returns JSON-safe data
// and answers with an Outcome: a result, or one message for the user (never a stack trace).
import { builtInPlans } from "../../../shared/catalog";
import type { Lang, Settings, Status } from "../../../shared/model";
import type {
  CheckResult,
  ConsolidateResult,
  LoadRequest,
  LoadResult,
  NextYearRequest,
  NextYearResult,
  Outcome,
  PreviewResult,
  SidebarState,
  SummaryResult,
} from "../api-types";
import { tg } from "../messages";
import { activateCommand, checkCommand, fixCommand } from "./commands/check";
import { cancelConsolidationCommand, continueConsolidationCommand, jobProgress, startConsolidationCommand } from "./commands/consolidate";
import { loadPlanCommand } from "./commands/load";
import { assignmentFormServerCommand } from "./commands/units";
import { nextYearServerCommand } from "./commands/next-year";
import { previewPlanTextCommand } from "./commands/preview";
import { summaryCommand } from "./commands/summary";
import { enterReportCommand, readReportCommand } from "./commands/enter-report";
import type { EnterReportAnswer, EnterReportCall, ReportReviewAnswer } from "../api-types";
import { dashboardCommandOf, getSettingsCommand, saveSettingsCommand, selectedCodeCommand, setOverrideCommand } from "./commands/document";
import { EDITION } from "./edition";
import { docxWriterScript, wordReportCommandOf } from "./commands/word-report";
import { fail, guarded, openDocument } from "./host";

const langOf = (lang: unknown): Lang => (lang === "en" ? "en" : "vi");

export function getSidebarState(): Outcome<SidebarState> {
  return guarded("vi", () => {
    const doc = openDocument();
    const stored = doc.stored;
    const lang = stored?.info.lang ?? "vi";
    return {
      ok: true,
      lang,
      edition: EDITION,
      plans: builtInPlans().map((p) => ({ id: p.id, title: p.title, issuer: p.issuer, level: p.level, year: p.year, indicators: p.indicators.length })),
      loaded: stored
        ? { planId: stored.plan.id, planTitle: stored.plan.title, unit: stored.info.unit, year: stored.info.year, estimate: stored.info.estimate, indicators: stored.plan.indicators.length, period: stored.info.settings.period ?? "ca-nam" }
        : null,
      job: jobProgress(doc.properties),
    };
  });
}

export function previewPlanText(text: string, lang: Lang): Outcome<PreviewResult> {
  return guarded(langOf(lang), () => previewPlanTextCommand(String(text ?? ""), langOf(lang)));
}

export function loadPlan(request: LoadRequest): Outcome<LoadResult> {
  const lang = langOf(request?.lang);
  return guarded(lang, () => loadPlanCommand({ ...request, lang }));
}

export function checkFigures(lang: Lang): Outcome<CheckResult> {
  return guarded(langOf(lang), () => checkCommand(langOf(lang)));
}

export function activateCell(sheet: string, cell: string, lang: Lang): Outcome<{ cell: string }> {
  return guarded(langOf(lang), () => activateCommand(String(sheet), String(cell), langOf(lang)));
}

/** `from`: the figure as typed, for a unit slip's "÷ 1.000"; absent for a number typed as text. */
export function fixNumberAsText(sheet: string, cell: string, value: number, lang: Lang, from?: number | string | null): Outcome<{ cell: string; value: number; message: string }> {
  const typed = typeof from === "number" || typeof from === "string" ? from : null;
  return guarded(langOf(lang), () => fixCommand(String(sheet), String(cell), value, langOf(lang), typed));
}

export function buildSummary(lang: Lang): Outcome<SummaryResult> {
  return guarded(langOf(lang), () => summaryCommand(langOf(lang)));
}

export function startConsolidation(urls: string[], lang: Lang, options?: { expected?: string | null; deadline?: string | null }): Outcome<ConsolidateResult> {
  if (EDITION !== "consolidation") return fail(tg("sheets.needs-consolidation-edition", {}, langOf(lang)));
  return guarded(langOf(lang), () => startConsolidationCommand(urls, langOf(lang), options ?? {}));
}

/** "Tạo mẫu giao chỉ tiêu": the blank assignment form of the loaded plan as a sheet of this spreadsheet. */
export function writeAssignmentForm(lang: Lang): Outcome<{ sheet: string; message: string }> {
  return guarded(langOf(lang), () => assignmentFormServerCommand(langOf(lang)));
}

export function continueConsolidation(lang: Lang): Outcome<ConsolidateResult> {
  if (EDITION !== "consolidation") return fail(tg("sheets.needs-consolidation-edition", {}, langOf(lang)));
  return guarded(langOf(lang), () => continueConsolidationCommand(langOf(lang)));
}

export function cancelConsolidation(lang: Lang): Outcome<{ message: string }> {
  return guarded(langOf(lang), () => cancelConsolidationCommand(langOf(lang)));
}

export function setOverride(code: string, status: Status | null, reason: string, lang: Lang): Outcome<{ message: string; cell: string }> {
  return guarded(langOf(lang), () => setOverrideCommand(code, status, reason, langOf(lang)));
}

export function getDashboard(lang: Lang) {
  return guarded(langOf(lang), () => dashboardCommandOf(langOf(lang)));
}

/** "Xuất báo cáo Word": the report model (the sidebar writes the .docx). */
export function getWordReport(lang: Lang) {
  return guarded(langOf(lang), () => wordReportCommandOf(langOf(lang)));
}

/** The Word writer's script, asked for on the first report only. */
export function getDocxWriter(lang: Lang) {
  return guarded(langOf(lang), () => docxWriterScript());
}

export function getSettings(lang: Lang) {
  return guarded(langOf(lang), () => getSettingsCommand(langOf(lang)));
}

export function saveSettings(settings: Partial<Settings>, lang: Lang): Outcome<{ message: string }> {
  return guarded(langOf(lang), () => saveSettingsCommand(settings, langOf(lang)));
}

export function getSelectedCode(lang: Lang): Outcome<{ code: string | null }> {
  return guarded(langOf(lang), () => selectedCodeCommand(langOf(lang)));
}

/** "Kế hoạch năm sau": next year's sheets beside this year's (shared/workflow/next-year.ts). */
export function makeNextYear(request: NextYearRequest): Outcome<NextYearResult> {
  const lang = langOf(request?.lang);
  return guarded(lang, () => nextYearServerCommand({ ...request, lang }));
}

/** "Dán báo cáo", step 1: the review of a unit's report against the plan and the sheet (nothing written). */
export function readReport(text: string, lang: Lang): Outcome<ReportReviewAnswer> {
  return guarded(langOf(lang), () => readReportCommand(String(text ?? ""), langOf(lang)));
}

/** "Dán báo cáo", step 2: the accepted figures into the sheet (asks first before replacing a typed one). */
export function enterReport(request: EnterReportCall, lang: Lang): Outcome<EnterReportAnswer> {
  return guarded(langOf(lang), () => enterReportCommand(request, langOf(lang)));
}
