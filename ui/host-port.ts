// The host port: every operation the shared task-pane UI asks of a host, typed once. The UI
// components receive a HostPort (through <App port={…}>) and never touch Office.js or
// google.script.run themselves; excel-addin/src/taskpane/port.ts and gas-addon/src/sidebar/port.ts
// implement it. Everything here is plain JSON-safe data (it crosses google.script.run), and every
// answer is a Result: the value, or one message for the clerk in plain words.
import type { Comparator, CountLevel, Lang, Period, Status } from "../shared/model";
import type { ReportReviewView, ReportRowView } from "../shared/workflow/enter-report";

export type Result<T> = ({ ok: true } & T) | { ok: false; message: string };

/** Where the document is in the year's work: the step guide shows it (1. Nạp → 4. Tổng hợp). */
export type Step = "load" | "enter" | "check" | "summary";

export interface PlanChoice {
  id: string;
  title: string;
  issuer: string;
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

export interface StartInfo {
  lang: Lang;
  plans: PlanChoice[];
  loaded: LoadedInfo | null;
  step: Step;
  /** How this host consolidates units: picked .xlsx files, spreadsheet links, or not in this installation. */
  consolidation: "files" | "links" | "unavailable";
}

/** One indicator the importer read from pasted text, as the review table shows and edits it. */
export interface ReviewRow {
  code: string;
  name: string;
  unit: string;
  comparator: Comparator | null;
  target: number | null;
  targetMin: number | null;
  targetMax: number | null;
  deadlineYear: number | null;
  group: string | null;
  /** 0..1; below UNSURE the row is flagged "chưa chắc". */
  confidence: number;
  /** Why the importer is unsure, in the clerk's language. */
  reasons: string[];
  /** The piece of the pasted text the row came from. */
  span: { line: number; start: number; end: number; text: string } | null;
  /** A second target the text gives for the same indicator ("tăng 10% so với năm 2025"): shown, kept, not judged. */
  secondary?: SecondaryTarget | null;
}

export interface SecondaryTarget {
  target: number | null;
  targetMin?: number;
  targetMax?: number;
  unit: string;
  comparator: Comparator;
  note?: string;
}

/** A figure the text gives as already achieved: listed for the clerk, never offered as a target. */
export interface ResultRow {
  name: string;
  actual: number;
  unit: string;
  percentOfPlan: number | null;
  estimate: boolean;
  span: { line: number; text: string } | null;
}

export interface Preview {
  rows: ReviewRow[];
  results?: ResultRow[];
  warnings: string[];
  meta: { title: string | null; issuer: string | null; year: number | null };
}

export type PlanPick =
  | { kind: "builtin"; id: string }
  | { kind: "json"; text: string; file: string }
  | { kind: "reviewed"; rows: ReviewRow[]; meta: Preview["meta"] };

export interface LoadRequest {
  plan: PlanPick;
  unit: string;
  year: number;
  estimate: boolean;
  lang: Lang;
  /** The clerk saw what would be set aside and agreed. */
  confirmSetAside: boolean;
  /** 6 tháng, 9 tháng or the whole year (absent: the whole year). */
  period?: Period;
}

/** Next year's plan: a built-in one, a JSON file, or this year's indicators with blank targets. */
export type NextYearPick = { kind: "builtin"; id: string } | { kind: "json"; text: string; file: string } | { kind: "same" };

export interface NextYearAnswer {
  /** The core's messages, the first one saying what was written. */
  messages: string[];
  sheet: string;
  carried: number;
  /** Codes whose figure is this year's estimate (no final figure yet). */
  fromEstimate: string[];
  /** This year's figures that found no indicator next year (listed, never placed by guess). */
  notCarried: { code: string; name: string }[];
  /** Next year's indicators without last year's figure. */
  withoutFigure: { code: string; name: string }[];
}

export type LoadAnswer =
  | { kind: "done"; messages: string[]; loaded: LoadedInfo | null }
  /** Nothing was written: loading would set these typed figures aside; ask, then load with confirmSetAside. */
  | { kind: "confirm"; message: string; setAside: { code: string; text: string }[] };

export interface FindingItem {
  severity: "error" | "warning";
  rule: string;
  code: string | null;
  sheet: string | null;
  cell: string | null;
  message: string;
  /** A one-click correction: the number to write, and what the cell held when checked. */
  fix: { value: number; from: number | string | null } | null;
  /** The plan's section of the code ("I. Chỉ tiêu kinh tế"): blanks of one section show as one line. */
  section?: string | null;
  /** A grouped finding (blanks of one section): every code and cell it stands for. */
  codes?: string[];
  cells?: string[];
}

export interface CheckView {
  findings: FindingItem[];
  errors: number;
  warnings: number;
  message: string;
}

export interface DashboardRow {
  code: string;
  name: string;
  status: Status;
  nearMiss: boolean;
  /** % TH/KH, for the dashboard's bar (null: no data, not due, or a yes/no indicator). */
  percent?: number | null;
  /** Whether the counts count it (the plan's count level): a tile lists only these. */
  counted?: boolean;
}

export interface DashboardView {
  unit: string;
  year: number;
  planTitle: string;
  counts: Record<Status, number>;
  nearMiss: number;
  /** The near-miss band's name in the settings ("Gần đạt", "Xấp xỉ đạt"…). */
  amberLabel: string;
  counted: number;
  sentence: string;
  rows: DashboardRow[];
}

export interface SettingsView {
  amberBand: number;
  amberLabel: string;
  countLevel: CountLevel;
}

export interface ConsolidateAnswer {
  message: string;
  /** Units' files or links that could not be used, each with its reason. */
  unusable: { source: string; reason: string }[];
  /** Sheets works in rounds (the 6-minute limit): true while there is more to read. */
  pending: boolean;
  /** The register of who reported (the core's, as the CLI's --json gives it), once the consolidation is written. */
  register?: RegisterView | null;
}

/** The register of who reported, as the Units tab shows it. */
export interface RegisterView {
  sentence: string;
  counts: { expected: number; sent: number; missing: number; late: number; unusable: number; duplicates: number; withErrors: number; notExpected: number; otherPlan: number };
  rows: { unit: string; group: string | null; statuses: string[]; labels: string[]; file: string | null; date: string; used: boolean; errorCount: number; note: string }[];
  /** The sheets written: the register and the points. */
  sheets: { register: string; ranking: string };
  /** What the core said besides (the list and rules used). */
  notes: string[];
}

/** What the Units tab sets for a consolidation: the pasted list of units expected and the deadline ("2026-12-10"). */
export interface UnitsOptions {
  expected: string;
  deadline: string;
}

/** "Dán báo cáo": the core's review of a unit's report (shared/workflow/enter-report.ts), and its messages. */
export type ReportReview = ReportReviewView & { messages: string[] };
export type { ReportRowView as ReportRow };

/** The accepted rows (figures as read or as edited) and the tally the review gave; `overwrite`: the answer to the question, null before one. */
export interface ReportEntryRequest {
  figures: { code: string; figure: number | boolean | string }[];
  tally: ReportReviewView["tallyToStore"];
  overwrite: boolean | null;
  lang: Lang;
}

export type ReportEntryAnswer =
  | { kind: "done"; messages: string[]; cells: string[] }
  /** Nothing was written: these typed figures would be replaced (old → new); ask, then call again with overwrite. */
  | { kind: "confirm"; message: string; items: { code: string; text: string }[]; confirm: string; cancel: string };

export type ConsolidateInput = { kind: "files"; files: File[] } | { kind: "links"; links: string[] };

export interface HostPort {
  host: "excel" | "sheets";
  start(): Promise<Result<StartInfo>>;
  preview(text: string, lang: Lang): Promise<Result<Preview>>;
  load(request: LoadRequest): Promise<Result<LoadAnswer>>;
  check(lang: Lang): Promise<Result<CheckView>>;
  /** Applies the findings' fixes (one, or all of a kind); a cell changed since the check is left alone. */
  fix(findings: FindingItem[], lang: Lang): Promise<Result<{ message: string; fixed: number }>>;
  override(code: string, status: Status | null, reason: string, lang: Lang): Promise<Result<{ message: string }>>;
  /** The indicator code of the row the cursor is on, when it is on the indicator sheet. */
  selectedCode(lang: Lang): Promise<Result<{ code: string | null }>>;
  dashboard(lang: Lang): Promise<Result<DashboardView>>;
  /** `tally`: the check of a report's tally kept by "Dán báo cáo", when the figures contradict it. */
  summary(lang: Lang): Promise<Result<{ message: string; sentence: string; tally?: string | null }>>;
  consolidate(input: ConsolidateInput, lang: Lang, progress: (text: string, share: number) => void, options?: UnitsOptions): Promise<Result<ConsolidateAnswer>>;
  /** "Tạo mẫu giao chỉ tiêu": the blank assignment form of the loaded plan as a sheet of this document. */
  assignmentForm(lang: Lang): Promise<Result<{ message: string; sheet: string }>>;
  /** Sheets only: the next round of a consolidation in progress, and cancelling it. */
  continueConsolidation?(lang: Lang): Promise<Result<ConsolidateAnswer>>;
  cancelConsolidation?(lang: Lang): Promise<Result<{ message: string }>>;
  getSettings(): Promise<Result<{ settings: SettingsView | null }>>;
  saveSettings(settings: SettingsView, lang: Lang): Promise<Result<{ message: string }>>;
  selectCell(sheet: string, cell: string): Promise<void>;
  /** "Dán báo cáo", step 1: the report's text read against the loaded plan and the sheet (nothing written). */
  readReport(text: string, lang: Lang): Promise<Result<ReportReview>>;
  /** "Dán báo cáo", step 2: the accepted figures into the sheet, and the report's tally kept with the document. */
  enterReport(request: ReportEntryRequest): Promise<Result<ReportEntryAnswer>>;
  /** The text of a picked report file (.txt, or .docx through the guarded zip reader); a refusal names the file. */
  reportFileText(file: File, lang: Lang): Promise<Result<{ text: string }>>;
  /** "Kế hoạch năm sau": next year's sheets beside this year's, "Thực hiện năm trước" filled from this year's figures. */
  nextYear(request: { plan: NextYearPick; year: number; period?: Period; lang: Lang }): Promise<Result<NextYearAnswer>>;
  /**
   * "Xuất báo cáo Word": the Decree 30 report of the workbook as .docx bytes, built in the pane (the
   * same model and writer as `chitieu report`). The bytes are made in the browser (Sheets: from the
   * model the server answers), never sent through google.script.run; a host without it shows the CLI
   * route (ui/WordReportSection.tsx).
   */
  wordReport?(lang: Lang): Promise<Result<{ bytes: Uint8Array; fileName: string; message: string }>>;
}
