// The charts of the year-end results, as data every output draws: the picture in the Word report
// (shared/chart/svg.ts), the task pane's dashboard (H-F's UI), and the native charts of the .xlsx,
// Excel and Google Sheets (bound to the summary sheet's cells by shared/chart/binding.ts).
//
// - Completion per indicator: one horizontal bar of % TH/KH per indicator row, coloured by its
//   status (a miss within the amber band is amber), with the 100 % line; a row without a % (no
//   data, not yet due, a yes/no indicator) has no bar and says why.
// - Counts: Vượt / Đạt / <amber label> / Không đạt (the near misses counted apart), then Chưa có số
//   liệu and Chưa đến hạn when there are any, over the indicators the summary counts.
// - Ranking (consolidation): units best first by share achieved, with their rank.
import type { Consolidation } from "../consolidate";
import { t } from "../i18n";
import type { Lang, Status } from "../model";
import type { Summary } from "../summary";

/** The colour family of a bar, from its status. */
export type Tone = "exceeded" | "met" | "near" | "missed" | "none";

/** Hex colours of the tones, shared by every output (close to the sheet's status fills, but strong enough for bars). */
export const TONE_COLORS: Record<Tone, `#${string}`> = {
  exceeded: "#1B7F3B",
  met: "#6CBF7B",
  near: "#E6A117",
  missed: "#C62828",
  none: "#9E9E9E",
};

export function toneOf(status: Status, nearMiss: boolean): Tone {
  switch (status) {
    case "Vượt":
      return "exceeded";
    case "Đạt":
      return "met";
    case "Không đạt":
      return nearMiss ? "near" : "missed";
    default:
      return "none";
  }
}

export interface CompletionBar {
  code: string;
  /** "3. Tổng thu ngân sách"; a sub-item is indented by its depth in the drawing. */
  label: string;
  depth: number;
  /** % TH/KH, or null when the row has none (then `note` says why). */
  percent: number | null;
  status: Status;
  tone: Tone;
  /** The status shown in place of a bar ("Chưa có số liệu", "Chưa đến hạn", or the status of a row without %). */
  note: string | null;
}

export interface LegendItem {
  tone: Tone;
  label: string;
}

export interface CompletionChart {
  kind: "completion";
  title: string;
  bars: CompletionBar[];
  /** The right end of the axis, in %: at least 120, rounded up to 20, at most 200 (longer bars are clipped and labelled). */
  axisMax: number;
  /** The target line, 100 %. */
  reference: number;
  legend: LegendItem[];
}

export interface CountItem {
  label: string;
  count: number;
  tone: Tone;
}

export interface CountsChart {
  kind: "counts";
  title: string;
  items: CountItem[];
  /** The indicators counted (the sum of the items). */
  total: number;
}

export interface RankingBar {
  unit: string;
  rank: number;
  /** Share achieved, % (null when nothing was due). */
  share: number | null;
  tone: Tone;
  flagged: boolean;
}

export interface RankingChart {
  kind: "ranking";
  title: string;
  bars: RankingBar[];
}

export type ChartModel = CompletionChart | CountsChart | RankingChart;

const AXIS_CAP = 200;

function axisMaxFor(percents: number[]): number {
  let top = 100;
  for (const p of percents) if (Number.isFinite(p) && p > top) top = p;
  return Math.min(AXIS_CAP, Math.max(120, Math.ceil(top / 20) * 20));
}

/** The legend of the completion chart, in the order of the tones, with the amber label. */
export function legendOf(amberLabel: string, lang: Lang): LegendItem[] {
  return [
    { tone: "exceeded", label: t("status.Vượt", {}, lang) },
    { tone: "met", label: t("status.Đạt", {}, lang) },
    { tone: "near", label: amberLabel },
    { tone: "missed", label: t("status.Không đạt", {}, lang) },
    { tone: "none", label: t("chart.legend.none", {}, lang) },
  ];
}

/** Completion per indicator row of the summary (every indicator row, in the order of the table). */
export function completionChart(summary: Summary, lang: Lang = summary.lang): CompletionChart {
  const bars: CompletionBar[] = [];
  for (const row of summary.rows) {
    if (row.kind !== "indicator") continue;
    const percent = row.evaluation?.percent ?? null;
    const usable = typeof percent === "number" && Number.isFinite(percent) ? percent : null;
    const nearMiss = row.evaluation?.nearMiss ?? false;
    bars.push({
      code: row.code,
      label: `${row.code}. ${row.indicator.name}`,
      depth: row.depth,
      percent: usable,
      status: row.status,
      tone: toneOf(row.status, nearMiss),
      note: usable === null ? t(`status.${row.status}`, {}, lang) : null,
    });
  }
  return {
    kind: "completion",
    title: t("chart.completion.title", { year: summary.reportYear }, lang),
    bars,
    axisMax: axisMaxFor(bars.map((b) => b.percent ?? 0)),
    reference: 100,
    legend: legendOf(summary.amberLabel, lang),
  };
}

/** The counts by status over the counted indicators; the near misses are apart from the other misses. */
export function countsChart(summary: Pick<Summary, "tally" | "amberLabel" | "reportYear">, lang: Lang): CountsChart {
  const tally = summary.tally;
  const by = tally.byStatus;
  const items: CountItem[] = [
    { label: t("status.Vượt", {}, lang), count: by["Vượt"], tone: "exceeded" },
    { label: t("status.Đạt", {}, lang), count: by["Đạt"], tone: "met" },
    { label: summary.amberLabel, count: tally.nearMiss, tone: "near" },
    { label: t("status.Không đạt", {}, lang), count: by["Không đạt"] - tally.nearMiss, tone: "missed" },
  ];
  if (by["Chưa có số liệu"] > 0) items.push({ label: t("status.Chưa có số liệu", {}, lang), count: by["Chưa có số liệu"], tone: "none" });
  if (by["Chưa đến hạn"] > 0) items.push({ label: t("status.Chưa đến hạn", {}, lang), count: by["Chưa đến hạn"], tone: "none" });
  return { kind: "counts", title: t("chart.counts.title", { year: summary.reportYear }, lang), items, total: items.reduce((s, i) => s + i.count, 0) };
}

/** Share achieved by band: all achieved, most (≥ 80 %), half or more, less. */
function shareTone(share: number | null): Tone {
  if (share === null) return "none";
  if (share >= 100 - 1e-9) return "exceeded";
  if (share >= 80) return "met";
  if (share >= 50) return "near";
  return "missed";
}

/** The units best first, as the consolidation ranked them. */
export function rankingChart(consolidation: Consolidation, lang: Lang = consolidation.lang): RankingChart {
  return {
    kind: "ranking",
    title: t("chart.ranking.title", { year: consolidation.reportYear }, lang),
    bars: consolidation.ranking.map((u) => ({ unit: u.unit, rank: u.rank, share: u.shareAchieved, tone: shareTone(u.shareAchieved), flagged: u.flagged })),
  };
}
