// The data that crosses google.script.run between the sidebar and the server: plain JSON only
// (no Date, no Map, no class), typed once here for both sides.
import type { Lang } from "../../shared/model";

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
}

export interface LoadResult {
  sheet: string;
  indicators: number;
  kept: { actuals: number; notes: number; overrides: number };
  removedCodes: string[];
  messages: string[];
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
}

export interface PreviewResult {
  plan: unknown;
  rows: ReviewRow[];
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
}
