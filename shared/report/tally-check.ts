// The report's tally against what its figures say: "Báo cáo ghi 18/22 chỉ tiêu đạt và vượt; theo số
// liệu là 17/22: chỉ tiêu 6 "Thu nhập bình quân đầu người" đạt 96,8% kế hoạch (Không đạt)". With a
// plan, the figures are judged by the core's own rules (shared/evaluate.ts); without one, by the
// statuses the report states beside each figure. Figures that are missing can neither confirm nor
// refute the tally: the check only says what the figures it has prove.
import { t } from "../i18n";
import { formatPercent } from "../numbers";
import { depthOf, type Evaluation, type Finding, type Lang, type Plan, type Settings } from "../model";
import { countedCodes } from "../summary";
import type { ReportResult, ReportStatus, ReportTally } from "./types";

/** The metadata key (sheet _chitieu) under which a workbook filled from a report keeps the report's tally. */
export const REPORT_TALLY_KEY = "reportTally";

export interface StoredTally {
  total: number | null;
  achievedOrExceeded: number | null;
  exceeded: number | null;
  notAchieved: number | null;
  /** The tally's words as the report wrote them. */
  text: string;
}

export interface TallyDisagreement {
  code: string | null;
  name: string;
  percent: number | null;
  status: ReportStatus;
}

export interface TallyCheck {
  /** true: the figures give the same count; false: they contradict it; null: no tally, or too few figures to say. */
  agrees: boolean | null;
  reported: { achieved: number; total: number };
  /** What the figures give; for a partial set of figures, the count they force (never a guess for the rest). */
  figures: { achieved: number; total: number; judged: number };
  /** The indicators the figures say are not achieved, when the figures give fewer achieved than the report. */
  disagreeing: TallyDisagreement[];
  message: string;
}

export function storedTally(tally: ReportTally): StoredTally {
  return { total: tally.total, achievedOrExceeded: tally.achievedOrExceeded, exceeded: tally.exceeded, notAchieved: tally.notAchieved, text: tally.span.text };
}

interface Verdict {
  code: string | null;
  name: string;
  percent: number | null;
  status: ReportStatus | null;
}

function check(reported: StoredTally, verdicts: Verdict[], counted: number, lang: Lang): TallyCheck | null {
  if (reported.total === null || reported.achievedOrExceeded === null) return null;
  const total = reported.total;
  const claimed = reported.achievedOrExceeded;
  const claimedMissed = reported.notAchieved ?? total - claimed;
  const achieved = verdicts.filter((v) => v.status === "Vượt" || v.status === "Đạt").length;
  const missed = verdicts.filter((v) => v.status === "Không đạt");
  const judged = achieved + missed.length;
  let figures = claimed;
  let agrees: boolean | null = null;
  if (judged >= counted && counted === total) {
    figures = achieved;
    agrees = achieved === claimed;
  } else if (missed.length > claimedMissed) {
    figures = total - missed.length;
    agrees = false;
  } else if (achieved > claimed) {
    figures = achieved;
    agrees = false;
  } else if (judged > 0 && judged === total) {
    figures = achieved;
    agrees = achieved === claimed;
  }
  const disagreeing: TallyDisagreement[] = figures < claimed ? missed.map((v) => ({ code: v.code, name: v.name, percent: v.percent, status: "Không đạt" as const })) : [];
  const params = { achieved: claimed, total, figures, judged };
  let message: string;
  if (agrees === false) {
    const list = disagreeing.map((d) => describe(d, lang)).join("; ");
    message = t(list ? "report.tally.differs-named" : "report.tally.differs", { ...params, list }, lang);
  } else if (agrees) message = t("report.tally.agrees", params, lang);
  else message = t("report.tally.not-contradicted", params, lang);
  return { agrees, reported: { achieved: claimed, total }, figures: { achieved: figures, total, judged }, disagreeing, message };
}

function describe(d: TallyDisagreement, lang: Lang): string {
  const status = t("report.status.not-achieved", {}, lang);
  const percent = d.percent === null ? "" : lang === "en" ? String(Math.round(d.percent * 100) / 100) : formatPercent(d.percent);
  const key = d.code === null ? (d.percent === null ? "report.tally.item-name" : "report.tally.item-name-percent") : d.percent === null ? "report.tally.item" : "report.tally.item-percent";
  return t(key, { code: d.code ?? "", name: d.name, percent, status }, lang);
}

/** The tally against the plan's evaluations (the core's verdicts on the figures entered). */
export function checkTallyAgainstPlan(reported: StoredTally, plan: Plan, evaluations: readonly Evaluation[], settings: Pick<Settings, "countLevel" | "lang">): TallyCheck | null {
  const codes = countedCodes(plan, settings.countLevel);
  const verdicts: Verdict[] = evaluations
    .filter((e) => codes.has(e.code) && e.status !== "Chưa đến hạn")
    .map((e) => ({
      code: e.code,
      name: e.indicator.name,
      percent: e.percent,
      status: e.status === "Vượt" || e.status === "Đạt" || e.status === "Không đạt" ? e.status : null,
    }));
  return check(reported, verdicts, verdicts.length, settings.lang);
}

/** The tally against the statuses the report itself gives its top-level results (no plan at hand). */
export function checkTallyAgainstResults(reported: StoredTally, results: readonly ReportResult[], lang: Lang = "vi"): TallyCheck | null {
  const verdicts: Verdict[] = results.filter((r) => r.parent === null).map((r) => ({ code: null, name: r.name, percent: r.percentOfPlan, status: r.status }));
  return check(reported, verdicts, -1, lang);
}

/**
 * The `check` finding for a workbook filled from a report: the stored tally (metadata key
 * REPORT_TALLY_KEY) against the workbook's evaluations. Null when there is no stored tally or the
 * figures agree or cannot say; a warning, with the message above, when they contradict it.
 */
export function reportTallyFinding(stored: string | undefined, plan: Plan, evaluations: readonly Evaluation[], settings: Pick<Settings, "countLevel" | "lang">): Finding | null {
  if (!stored) return null;
  let tally: StoredTally;
  try {
    tally = JSON.parse(stored) as StoredTally;
  } catch {
    return null;
  }
  if (typeof tally?.total !== "number" || typeof tally?.achievedOrExceeded !== "number") return null;
  const result = checkTallyAgainstPlan(tally, plan, evaluations.filter((e) => depthOf(e.code) >= 0), settings);
  if (!result || result.agrees !== false) return null;
  return { severity: "warning", rule: "report-tally", code: null, message: result.message };
}
