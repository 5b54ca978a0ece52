// The year-end summary of one unit (report.md, "One unit"): rows under the plan's sections, the
// tallies per status overall and per section, the overrides, and the sentence for the report.
//
// Counting rules, documented in the README:
// - Counted indicators: the top-level numbered ones (settings.countLevel "top", the default), or
//   every indicator without children ("leaf").
// - The sentence: "Có X/Y chỉ tiêu đạt và vượt kế hoạch (trong đó Z chỉ tiêu vượt); N chỉ tiêu
//   không đạt (trong đó A chỉ tiêu gần đạt): tên, tên; M chỉ tiêu chưa có số liệu: tên; K chỉ tiêu
//   chưa đến hạn đánh giá."
//   Y is the counted indicators that are due this year: "Chưa đến hạn" ones are left out of Y and
//   only counted at the end (their goal is for a later year, so they are neither a success nor a
//   failure), while "Chưa có số liệu" ones stay in Y and are named (missing data is a gap the
//   reader must see). A part whose count is 0 is left out; the near-miss part uses
//   settings.amberLabel. Names are written without their parenthesised remarks; a sub-item (leaf
//   counting) is named after its parent: "Giáo dục tiểu học - Tổng số lớp học".
// - Numbers are written plainly (3/26) by default, as most published reports do; `padCounts`
//   writes them with two digits when Y has two ("03/26"), as some districts do.
import { foldDiacritics } from "./actual";
import { t } from "./i18n";
import "./i18n/judgement";
import {
  childrenByCode,
  parentCode,
  STATUSES,
  depthOf,
  type CountLevel,
  type Evaluation,
  type Indicator,
  type Lang,
  type Plan,
  type Settings,
  type Status,
} from "./model";

export interface Tally {
  byStatus: Record<Status, number>;
  /** Indicators counted (every status). */
  counted: number;
  /** Counted and due this year: the Y of "X/Y". */
  due: number;
  /** Vượt + Đạt: the X of "X/Y". */
  achieved: number;
  /** Không đạt, but within the amber band. */
  nearMiss: number;
}

export interface SummarySection {
  /** 0-based position among the sections. */
  index: number;
  /** The plan's own heading (indicator.group), or null when the plan has no sections or for those outside any. */
  title: string | null;
  /** As printed: "I. Chỉ tiêu kinh tế" ("V. Chỉ tiêu khác" for those outside any); "" when the plan has no sections. */
  label: string;
  codes: string[];
  tally: Tally;
}

export type SummaryRow =
  | { kind: "section"; section: number; label: string }
  | {
      kind: "indicator";
      section: number;
      code: string;
      indicator: Indicator;
      /** null when no evaluation was given for it (shown as no data / not due). */
      evaluation: Evaluation | null;
      status: Status;
      depth: number;
      hasChildren: boolean;
      /** Whether it is one of the indicators the tallies and the sentence count. */
      counted: boolean;
    };

export interface SummaryOverride {
  code: string;
  name: string;
  computedStatus: Status;
  status: Status;
  reason: string;
}

export interface NamedIndicator {
  code: string;
  name: string;
}

export interface Summary {
  planId: string;
  planTitle: string;
  issuer: string;
  reportYear: number;
  countLevel: CountLevel;
  lang: Lang;
  amberLabel: string;
  rows: SummaryRow[];
  sections: SummarySection[];
  /** Whether the plan has its own sections (then section rows and per-section totals are shown). */
  hasSections: boolean;
  tally: Tally;
  overrides: SummaryOverride[];
  /** Counted indicators by status, in plan order, for the sentence and the narrative (sub-items named "parent - item"). */
  exceeded: NamedIndicator[];
  missed: NamedIndicator[];
  noData: NamedIndicator[];
  notDue: NamedIndicator[];
  sentence: string;
}

export interface SummaryOptions {
  /** Write the counts with two digits when the total has two ("03/26"). Default false. */
  padCounts?: boolean;
}

export function emptyTally(): Tally {
  const byStatus = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
  return { byStatus, counted: 0, due: 0, achieved: 0, nearMiss: 0 };
}

export function addToTally(tally: Tally, status: Status, nearMiss: boolean): void {
  tally.byStatus[status] += 1;
  tally.counted += 1;
  if (status !== "Chưa đến hạn") tally.due += 1;
  if (status === "Vượt" || status === "Đạt") tally.achieved += 1;
  if (status === "Không đạt" && nearMiss) tally.nearMiss += 1;
}

/** Which indicators the tallies count: top-level ones, or every one without children. */
export function countedCodes(plan: Plan, level: CountLevel): Set<string> {
  const children = childrenByCode(plan.indicators);
  return new Set(plan.indicators.filter((ind) => (level === "top" ? depthOf(ind.code) === 0 : !children.has(ind.code))).map((ind) => ind.code));
}

/** The status shown for an indicator that has no evaluation. */
function statusWithoutEvaluation(indicator: Indicator, reportYear: number): Status {
  return indicator.deadlineYear !== null && indicator.deadlineYear > reportYear ? "Chưa đến hạn" : "Chưa có số liệu";
}

const ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV"];

/** "Chỉ tiêu kinh tế" → "I. Chỉ tiêu kinh tế"; a heading that already carries its numeral keeps it. */
export function sectionLabel(index: number, title: string): string {
  const clean = title.replace(/\s+/g, " ").replace(/[:\s]+$/, "").trim();
  if (/^[IVXLC]+[.)]\s/.test(clean)) return clean;
  return `${ROMAN[index] ?? String(index + 1)}. ${clean}`;
}

/** A name for a sentence: without "(…)" remarks and trailing punctuation. */
export function sentenceName(name: string): string {
  const stripped = name.replace(/\s*\([^()]*\)/g, "").replace(/\s+/g, " ").replace(/[\s,;:.]+$/, "").trim();
  return stripped.length > 0 ? stripped : name.trim();
}

/** A sub-item is named with its parent ("Giáo dục tiểu học - Tổng số lớp học"): alone, its name may be ambiguous. */
function sentenceNameInPlan(indicator: Indicator, byCode: Map<string, Indicator>): string {
  const parent = parentCode(indicator.code);
  const parentIndicator = parent === null ? undefined : byCode.get(parent);
  return parentIndicator ? `${sentenceName(parentIndicator.name)} - ${sentenceName(indicator.name)}` : indicator.name;
}

function topAncestor(code: string): string {
  let current = code;
  for (let parent = parentCode(current); parent !== null; parent = parentCode(current)) current = parent;
  return current;
}

function count(value: number, total: number, pad: boolean): string {
  return pad && total >= 10 && value < 10 ? `0${value}` : String(value);
}

/** The sentence the report writer pastes into the narrative. */
export function summarySentence(
  tally: Tally,
  named: { missed: NamedIndicator[]; noData: NamedIndicator[] },
  settings: Pick<Settings, "lang" | "amberLabel" | "reportYear">,
  options: SummaryOptions = {},
): string {
  const lang = settings.lang;
  const pad = options.padCounts ?? false;
  const notDue = tally.byStatus["Chưa đến hạn"];
  if (tally.due === 0) return t("summary.sentence.none", { notDue, year: settings.reportYear }, lang) + t("summary.sentence.end", {}, lang);
  const total = tally.due;
  const names = (list: NamedIndicator[]) =>
    list.length > 0 ? t("summary.sentence.names", { names: list.map((n) => sentenceName(n.name)).join(", ") }, lang) : "";
  let sentence = t("summary.sentence.achieved", { achieved: count(tally.achieved, total, pad), total }, lang);
  const exceeded = tally.byStatus["Vượt"];
  if (exceeded > 0) sentence += t("summary.sentence.exceeded", { exceeded: count(exceeded, total, pad) }, lang);
  const missed = tally.byStatus["Không đạt"];
  if (missed > 0) {
    sentence += t("summary.sentence.missed", { missed: count(missed, total, pad) }, lang);
    if (tally.nearMiss > 0)
      sentence += t("summary.sentence.near-miss", { nearMiss: count(tally.nearMiss, total, pad), amberLabel: settings.amberLabel.toLocaleLowerCase("vi") }, lang);
    sentence += names(named.missed);
  }
  const noData = tally.byStatus["Chưa có số liệu"];
  if (noData > 0) sentence += t("summary.sentence.no-data", { noData: count(noData, total, pad) }, lang) + names(named.noData);
  if (notDue > 0) sentence += t("summary.sentence.not-due", { notDue: count(notDue, total, pad) }, lang);
  return sentence + t("summary.sentence.end", {}, lang);
}

/** The summary model of one unit's evaluated plan. */
export function summarize(plan: Plan, evaluations: Evaluation[], settings: Settings, options: SummaryOptions = {}): Summary {
  const byCode = new Map(evaluations.map((e) => [e.code, e]));
  const children = childrenByCode(plan.indicators);
  const counted = countedCodes(plan, settings.countLevel);
  const indicatorByCode = new Map(plan.indicators.map((ind) => [ind.code, ind]));
  const hasSections = plan.indicators.some((ind) => depthOf(ind.code) === 0 && ind.group !== null && ind.group.trim().length > 0);

  const sections: SummarySection[] = [];
  const sectionByKey = new Map<string, SummarySection>();
  const sectionOf = (ind: Indicator): SummarySection => {
    const top = indicatorByCode.get(topAncestor(ind.code)) ?? ind;
    const title = hasSections ? top.group?.trim() || null : null;
    const key = title === null ? "\u0000" : foldDiacritics(title);
    let section = sectionByKey.get(key);
    if (!section) {
      const index = sections.length;
      // In a plan with sections, indicators outside any get their own "Chỉ tiêu khác" section.
      const label = !hasSections ? "" : sectionLabel(index, title ?? t("summary.section.other", {}, settings.lang));
      section = { index, title, label, codes: [], tally: emptyTally() };
      sections.push(section);
      sectionByKey.set(key, section);
    }
    return section;
  };

  const tally = emptyTally();
  const named = { exceeded: [] as NamedIndicator[], missed: [] as NamedIndicator[], noData: [] as NamedIndicator[], notDue: [] as NamedIndicator[] };
  const indicatorRows = plan.indicators.map((indicator) => {
    const evaluation = byCode.get(indicator.code) ?? null;
    const status = evaluation?.status ?? statusWithoutEvaluation(indicator, settings.reportYear);
    const section = sectionOf(indicator);
    const isCounted = counted.has(indicator.code);
    section.codes.push(indicator.code);
    if (isCounted) {
      const nearMiss = evaluation?.nearMiss ?? false;
      addToTally(tally, status, nearMiss);
      addToTally(section.tally, status, nearMiss);
      const item = { code: indicator.code, name: sentenceNameInPlan(indicator, indicatorByCode) };
      if (status === "Vượt") named.exceeded.push(item);
      else if (status === "Không đạt") named.missed.push(item);
      else if (status === "Chưa có số liệu") named.noData.push(item);
      else if (status === "Chưa đến hạn") named.notDue.push(item);
    }
    return {
      kind: "indicator" as const,
      section: section.index,
      code: indicator.code,
      indicator,
      evaluation,
      status,
      depth: depthOf(indicator.code),
      hasChildren: children.has(indicator.code),
      counted: isCounted,
    };
  });

  // Section rows go before the first indicator of each section; a plan whose sections are not
  // contiguous still lists each indicator under its own section, in plan order within it.
  const rows: SummaryRow[] = [];
  for (const section of sections) {
    if (hasSections) rows.push({ kind: "section", section: section.index, label: section.label });
    rows.push(...indicatorRows.filter((row) => row.section === section.index));
  }

  const overrides: SummaryOverride[] = plan.indicators.flatMap((indicator) => {
    const evaluation = byCode.get(indicator.code);
    if (!evaluation?.override) return [];
    return [{ code: indicator.code, name: indicator.name, computedStatus: evaluation.computedStatus, status: evaluation.status, reason: evaluation.override.reason }];
  });

  return {
    planId: plan.id,
    planTitle: plan.title,
    issuer: plan.issuer,
    reportYear: settings.reportYear,
    countLevel: settings.countLevel,
    lang: settings.lang,
    amberLabel: settings.amberLabel,
    rows,
    sections,
    hasSections,
    tally,
    overrides,
    ...named,
    sentence: summarySentence(tally, named, settings, options),
  };
}
