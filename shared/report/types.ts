// What the report reader returns: the results a unit's year-end report states, and its headline
// tally, each pointing back at the text it came from.
import type { TextSpan } from "../import";

export type { TextSpan };

/** The statuses a report states (or its percentages imply); the sheet's own vocabulary. */
export type ReportStatus = "Vượt" | "Đạt" | "Không đạt";

/** A range "7,5 - 8" or yes/no ("hoàn thành"), besides plain numbers. */
export type ReportActual = number | { min: number; max: number } | boolean | null;

/** One plan a percentage is taken against ("kế hoạch tỉnh giao", "dự toán Trung ương giao"). */
export interface PlanPercent {
  percent: number;
  /** The plan's words as written after the figure, e.g. "dự toán Trung ương giao". */
  basis: string;
}

export interface ReportResult {
  /** The indicator's name as written (lead-in words and the governing verb removed). */
  name: string;
  actual: ReportActual;
  /** The unit as written, scale words included ("tỉ đồng", "triệu đồng/người"); "" when none. */
  unit: string;
  /** Percent of plan when the text states one ("vượt 8,4% kế hoạch" → 108.4); null otherwise. */
  percentOfPlan: number | null;
  /** Every percent of plan stated, in order: a report may compare with two plans. */
  plans: PlanPercent[];
  /** A target printed beside the result ("(KH: 73.670 tỷ đồng)", "thấp hơn mức 8,1% theo kế hoạch"). */
  target: number | null;
  /** Stated, or implied by the percent of plan or the printed target; null when nothing says. */
  status: ReportStatus | null;
  /** Where the status came from: a word of the text, the percent of plan, or actual against the printed target. */
  statusFrom: "word" | "percent" | "target" | null;
  /** A near-miss word ("xấp xỉ đạt", "tiệm cận") that counts as not achieved. */
  nearMiss: string | null;
  /** "hơn", "trên", "gần", "khoảng", "dưới": the figure is a bound or an estimate, not exact. */
  approximate: string | null;
  /** Year-on-year percentages stated beside it (never a percent of plan). */
  yearOnYear: number[];
  /** The name of the result this one is part of ("trong đó …"), when there is one. */
  parent: string | null;
  /** 0..1: how sure the reader is of this result. */
  confidence: number;
  /** Message keys (report.reason.*) of what lowered the confidence. */
  reasons: string[];
  span: TextSpan;
}

export interface ReportTally {
  total: number | null;
  achievedOrExceeded: number | null;
  exceeded: number | null;
  notAchieved: number | null;
  /** Counted as not achieved, under a near-miss word ("02 chỉ tiêu xấp xỉ đạt"). */
  nearMiss: number | null;
  /** notAchieved was computed as total − achievedOrExceeded. */
  notAchievedDerived: boolean;
  span: TextSpan;
}

export interface ReportWarning {
  line: number;
  text: string;
  message: string;
}

export interface ReportReading {
  tally: ReportTally | null;
  results: ReportResult[];
  warnings: ReportWarning[];
  /** The year the report is about, when the text says it. */
  year: number | null;
}
