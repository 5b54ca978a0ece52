// The data that crosses google.script.run between the sidebar and the server: plain JSON only
// (no Date, no Map, no class), typed once here for both sides.
import type { RegisterRowView, UnitsConsolidationReport } from "../../shared/workflow/units";
import type { Lang, Period } from "../../shared/model";
import type { Answers } from "../../shared/workflow/outcome";
import type { Question } from "../../shared/workflow/outcome";
import type { EnterReportRequest, EnterReportResult, ReportReviewView } from "../../shared/workflow/enter-report";

export type Outcome<T> = ({ ok: true } & T) | { ok: false; message: string };

export interface PlanChoice {
  id: string;
  title: string;
  issuer: string;
  level: string;
  year: number;
  indicators: number;
}

export interface LoadedInfo {
  planId: string;
  planTitle: string;
  unit: string;
  year: number;
  estimate: boolean;
  indicators: number;
  /** The period the sheet reports on (absent: the whole year). */
  period?: Period;
}

export interface SidebarState {
  lang: Lang;
  edition: "standard" | "consolidation";
  plans: PlanChoice[];
  loaded: LoadedInfo | null;
  job: JobProgress | null;
}

export type PlanSource =
  | { kind: "builtin"; id: string }
  | { kind: "json"; text: string; file: string }
  /** A plan read from pasted text and reviewed in the sidebar. */
  | { kind: "reviewed"; plan: unknown };

export interface LoadRequest {
  source: PlanSource;
  unit: string;
  year: number;
  estimate: boolean;
  lang: Lang;
  /** Write every format, rule and protection again, even where the sheet looks as the add-on left it. */
  repaint?: boolean;
  /** The user's answers to the question of an earlier call (set the figures aside and go on). */
  answers?: Answers;
  /** The same, as the sidebar says it: the user saw what would be set aside and agreed. */
  confirmSetAside?: boolean;
  /** 6 tháng, 9 tháng or the whole year; absent: what the document had, else the whole year. */
  period?: Period;
}

/** "Kế hoạch năm sau": next year's plan (or this year's indicators, targets blank), its year and period. */
export interface NextYearRequest {
  source: PlanSource | { kind: "same" };
  year: number;
  period?: Period;
  lang: Lang;
}

export interface NextYearResult {
  sheet: string;
  sheets: string[];
  carried: { code: string; name: string; value: number | string; source: "final" | "estimate" }[];
  notCarried: { code: string; name: string; reason: "no-match" | "unit-differs" }[];
  withoutFigure: { code: string; name: string }[];
  messages: string[];
}

export interface LoadResult {
  sheet: string;
  indicators: number;
  kept: { actuals: number; notes: number; overrides: number };
  /** Codes whose typed figures were set aside (written to the set-aside sheet). */
  removedCodes: string[];
  added: string[];
  removed: string[];
  targetChanged: string[];
  setAsideSheet: string | null;
  messages: string[];
  /** Nothing was written: the core asks first (figures would be set aside). Load again with confirmSetAside. */
  confirm?: { message: string; items: { code: string; text: string }[] };
  calls?: number;
}

export interface ReviewRow {
  code: string;
  name: string;
  unit: string;
  comparator: string | null;
  target: number | null;
  targetMin: number | null;
  targetMax: number | null;
  deadlineYear: number | null;
  /** For the review (H-F): the section, how sure the importer is, why not, and the text it came from. */
  group?: string | null;
  confidence?: number;
  reasons?: string[];
  span?: { line: number; start: number; end: number; text: string } | null;
  secondary?: { target: number | null; targetMin?: number; targetMax?: number; unit: string; comparator: string; note?: string } | null;
}

export interface PreviewResult {
  plan: unknown;
  rows: ReviewRow[];
  /** Figures the text gives as already achieved (never targets), for the review (H-F). */
  results?: { name: string; actual: number; unit: string; percentOfPlan: number | null; estimate: boolean; span: { line: number; text: string } }[];
  warnings: string[];
}

export interface FindingView {
  severity: "error" | "warning";
  rule: string;
  code: string | null;
  sheet: string | null;
  cell: string | null;
  message: string;
  fixValue: number | null;
  /** The figure as typed, for a unit slip's "÷ 1.000". */
  fixFrom?: number | string | null;
  /** The plan section of the indicator, from the core: the sidebar groups blanks per section. */
  section?: string | null;
}

export interface CheckResult {
  findings: FindingView[];
  errors: number;
  warnings: number;
  checked: number;
  message: string;
}

export interface SummaryResult {
  sheet: string;
  sentence: string;
  /** Errors left in the figures (the message warns about them). */
  errors: number;
  /** The check of a report's tally kept by "Dán báo cáo", when the figures contradict it. */
  tally?: string | null;
  message: string;
}

export interface RegisterView {
  source: string;
  reason: string;
}

export interface JobProgress {
  done: number;
  total: number;
  finished: boolean;
}

export interface ConsolidateResult extends JobProgress {
  sheet: string | null;
  units: number;
  register: RegisterView[];
  message: string;
  /** Once finished: the register of who reported (shared/workflow/units.ts), as the Units tab shows it. */
  registerView?: UnitsRegisterView;
}

export interface UnitsRegisterView {
  sentence: string;
  counts: UnitsConsolidationReport["counts"];
  rows: RegisterRowView[];
  sheets: { register: string; ranking: string };
  notes: string[];
}

/** "Dán báo cáo" (shared/workflow/enter-report.ts): the review of a report, and the accepted figures to write. */
export type ReportReviewAnswer = { view: ReportReviewView; messages: string[] };
export type EnterReportCall = EnterReportRequest;
export type EnterReportAnswer = { kind: "done"; result: EnterReportResult; messages: string[] } | { kind: "ask"; question: Question };
