// A report's results against a plan: which indicator each result is about, and the actual to
// enter in the plan's own unit. Names differ between a plan and its report ("Thu NSNN trên địa bàn"
// / "Tổng thu ngân sách nhà nước trên địa bàn"), so names are compared without diacritics or case,
// word by word, with the parents' names ("trong đó, ngành công nghiệp …" under its total) and the
// units (a % result is not a tỷ đồng indicator); each match says how sure it is.
import { parentCode, type Indicator, type Plan } from "../model";
import { containment, similarity } from "./names";
import { foldUnit, unitScale } from "./quantity";
import type { ReportResult } from "./types";

/** Words naming each level's own plan in a report ("kế hoạch huyện giao", "dự toán HĐND tỉnh giao"). */
const LEVEL_WORDS: Record<Plan["level"], RegExp> = { tinh: /\btinh\b/, huyen: /\bhuyen\b|\bquan\b|thi xa|thanh pho/, xa: /\bxa\b|\bphuong\b|thi tran/ };

/**
 * Which of the report's percents of plan the sheet uses: with two ("214,5% kế hoạch tỉnh giao và
 * 121,3% kế hoạch huyện giao"), the one naming the plan's own level, else the first.
 */
export function percentForPlan(result: ReportResult, plan: Pick<Plan, "level">): { percent: number | null; basis: string; chosen: boolean } {
  if (result.plans.length < 2) return { percent: result.percentOfPlan, basis: result.plans[0]?.basis ?? "", chosen: false };
  const level = LEVEL_WORDS[plan.level];
  const fold = (t: string) => t.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[đĐ]/g, "d").toLowerCase();
  const own = result.plans.find((p) => level.test(fold(p.basis)));
  const pick = own ?? result.plans[0];
  return { percent: pick.percent, basis: pick.basis, chosen: true };
}

export interface ResultMatch {
  code: string;
  indicator: Indicator;
  result: ReportResult;
  /** What to enter in the Thực hiện cell, in the indicator's unit; null when nothing can be entered. */
  value: number | boolean | null;
  /** 0..1: how sure the match is (names, parents, units), times how sure the reading was. */
  confidence: number;
  /** Why the value is not the figure as written (unit converted, computed from the percent …): message keys. */
  notes: string[];
  /** The percent of plan the sheet uses (of two stated, the one of the plan's level) and the plan it names. */
  percentOfPlan: number | null;
  percentBasis: string;
}

export interface PlanMatch {
  matches: ResultMatch[];
  /** Indicators of the plan the report says nothing about (headings judged from their children left out). */
  unmentioned: Indicator[];
  /** Results that match no indicator. */
  unmatched: ReportResult[];
}

/** Below this, a result is left unmatched rather than put on the wrong indicator. */
export const MIN_MATCH = 0.42;

type UnitFit = "same" | "scaled" | "unknown" | "different";

function unitFit(result: ReportResult, indicator: Indicator): UnitFit {
  const a = foldUnit(result.unit);
  const b = foldUnit(indicator.unit);
  if (!a || !b) return "unknown";
  if (a === b) return "same";
  const isPercent = (u: string) => u === "%" || u.startsWith("%/");
  if (isPercent(a) || isPercent(b)) return isPercent(a) && isPercent(b) ? "same" : "different";
  const sa = unitScale(a);
  const sb = unitScale(b);
  if (sa.base === sb.base) return "scaled";
  // "triệu" against "triệu đồng", "người" against "lượt người": one unit's words inside the other's.
  if (a.includes(b) || b.includes(a)) return "scaled";
  return "different";
}

/** How well a result's name (and its parent's) fits an indicator (and its parents), 0..1. */
export function nameScore(result: ReportResult, indicator: Indicator, byCode: Map<string, Indicator>): number {
  const parents: string[] = [];
  for (let code = parentCode(indicator.code); code !== null; code = parentCode(code)) {
    const parent = byCode.get(code);
    if (parent) parents.unshift(parent.name);
  }
  const own = Math.max(similarity(result.name, indicator.name), 0.9 * containment(result.name, indicator.name));
  const withParents = parents.length ? similarity(result.name, `${parents.join(" ")} ${indicator.name}`) : 0;
  let score = Math.max(own, withParents);
  if (result.parent && parents.length) {
    const parentFit = parents.reduce((best, p) => Math.max(best, similarity(result.parent as string, p)), 0);
    score += 0.15 * parentFit;
  } else if (result.parent && !parents.length) score -= 0.05;
  return Math.min(1, score);
}

function matchScore(result: ReportResult, indicator: Indicator, byCode: Map<string, Indicator>): number {
  const fit = unitFit(result, indicator);
  const unitBonus = fit === "same" ? 0.12 : fit === "scaled" ? 0.08 : fit === "different" ? -0.25 : 0;
  const headingPenalty = indicator.comparator === null ? 0.15 : 0;
  return nameScore(result, indicator, byCode) + unitBonus - headingPenalty;
}

/** The figure in the indicator's unit: "24,5 tỷ đồng" for a "triệu đồng" indicator is 24 500. */
function valueFor(result: ReportResult, indicator: Indicator, notes: string[], percentOfPlan: number | null): number | boolean | null {
  if (indicator.comparator === "boolean") {
    if (result.status === null) return typeof result.actual === "boolean" ? result.actual : null;
    notes.push("report.match.boolean-from-status");
    return result.status !== "Không đạt";
  }
  let value: number | null = null;
  if (typeof result.actual === "number") value = result.actual;
  else if (result.actual && typeof result.actual === "object") {
    value = result.actual.min;
    notes.push("report.match.range-low-end");
  }
  if (value === null && percentOfPlan !== null && indicator.target !== null && indicator.comparator !== "decrease-by" && indicator.comparator !== "increase-by") {
    notes.push("report.match.from-percent");
    return Math.round(indicator.target * percentOfPlan) / 100;
  }
  if (value === null) return null;
  const a = foldUnit(result.unit);
  const b = foldUnit(indicator.unit);
  if (a && b && a !== b) {
    const sa = unitScale(a);
    const sb = unitScale(b);
    if (sa.base === sb.base && sa.factor !== sb.factor) {
      notes.push("report.match.unit-converted");
      return Math.round(((value * sa.factor) / sb.factor) * 1e9) / 1e9;
    }
  }
  if (result.approximate) notes.push("report.match.approximate");
  return value;
}

export function matchToPlan(results: readonly ReportResult[], plan: Plan): PlanMatch {
  const byCode = new Map(plan.indicators.map((ind) => [ind.code, ind]));
  const pairs: { r: number; i: number; score: number }[] = [];
  results.forEach((result, r) => {
    plan.indicators.forEach((indicator, i) => {
      const score = matchScore(result, indicator, byCode);
      if (score >= MIN_MATCH) pairs.push({ r, i, score });
    });
  });
  // Best pairs first; a result and an indicator are each used once.
  pairs.sort((x, y) => y.score - x.score || x.r - y.r || x.i - y.i);
  const usedResults = new Set<number>();
  const usedIndicators = new Set<number>();
  const matches: ResultMatch[] = [];
  for (const pair of pairs) {
    if (usedResults.has(pair.r) || usedIndicators.has(pair.i)) continue;
    usedResults.add(pair.r);
    usedIndicators.add(pair.i);
    const indicator = plan.indicators[pair.i];
    const result = results[pair.r];
    const notes: string[] = [];
    const percent = percentForPlan(result, plan);
    if (percent.chosen) notes.push("report.match.two-plans");
    const value = valueFor(result, indicator, notes, percent.percent);
    const confidence = Math.round(Math.min(1, pair.score) * result.confidence * 100) / 100;
    matches.push({ code: indicator.code, indicator, result, value, confidence, notes, percentOfPlan: percent.percent, percentBasis: percent.basis });
  }
  const order = new Map(plan.indicators.map((ind, i) => [ind.code, i]));
  matches.sort((a, b) => (order.get(a.code) ?? 0) - (order.get(b.code) ?? 0));
  const matchedCodes = new Set(matches.map((m) => m.code));
  const hasChildren = new Set(plan.indicators.map((ind) => parentCode(ind.code)).filter((c): c is string => c !== null));
  const unmentioned = plan.indicators.filter((ind) => !matchedCodes.has(ind.code) && !(ind.comparator === null && hasChildren.has(ind.code)));
  const unmatched = results.filter((_, r) => !usedResults.has(r));
  return { matches, unmentioned, unmatched };
}
