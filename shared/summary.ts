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
// - A partial period (settings.period "6-thang" / "9-thang") has its own sentence: "6 tháng đầu năm,
//   có X/Y chỉ tiêu đạt tiến độ (trong đó Z chỉ tiêu đã vượt kế hoạch); B chỉ tiêu chậm tiến độ: tên …;
//   M chỉ tiêu chưa có số liệu: tên …; N chỉ tiêu chưa đến kỳ đánh giá (đánh giá vào cuối năm); P chỉ
//   tiêu chưa đến hạn đánh giá." X counts what is on track ("Đạt tiến độ") and the levels already met
//   (Đạt, Vượt); B what is behind (Chậm tiến độ) and the levels missed (Không đạt); Y leaves out what
//   can only be judged at year end and what is not due, both counted at the end.
import { foldDiacritics } from "./actual";
import { isPartial, periodOf, periodOpening } from "./period";
import { t } from "./i18n";
import { message } from "./message-templates";
import {
  childrenByCode,
  parentCode,
  depthOf,
  type CountLevel,
  type Evaluation,
  type Indicator,
  type Lang,
  type Period,
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
      /** What "Đánh giá" shows: the status, or a partial period's label ("Đạt tiến độ" …). */
      label: string;
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
  /** The period reported on ("ca-nam" at year end). */
  period: Period;
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
  /** In a partial period: the counted indicators behind schedule or missed, and those judged only at year end. */
  behind: NamedIndicator[];
  notYet: NamedIndicator[];
  sentence: string;
}

export interface SummaryOptions {
  /** Write the counts with two digits when the total has two ("03/26"). Default false. */
  padCounts?: boolean;
}

export function emptyTally(): Tally {
  // In the order of STATUSES.
  const byStatus: Record<Status, number> = { Vượt: 0, Đạt: 0, "Không đạt": 0, "Chưa có số liệu": 0, "Chưa đến hạn": 0 };
  return { byStatus, counted: 0, due: 0, achieved: 0, nearMiss: 0 };
}

export function addToTally(tally: Tally, status: Status, nearMiss: boolean): void {
  const byStatus = tally.byStatus;
  // One named field per status rather than byStatus[status]: the hot path of every summary.
  switch (status) {
    case "Vượt":
      byStatus["Vượt"] += 1;
      tally.achieved += 1;
      break;
    case "Đạt":
      byStatus["Đạt"] += 1;
      tally.achieved += 1;
      break;
    case "Không đạt":
      byStatus["Không đạt"] += 1;
      if (nearMiss) tally.nearMiss += 1;
      break;
    case "Chưa có số liệu":
      byStatus["Chưa có số liệu"] += 1;
      break;
    case "Chưa đến hạn":
      byStatus["Chưa đến hạn"] += 1;
      break;
    default:
      // Not a status (an evaluation built by hand): counted under its own name, as it always was.
      (byStatus as Record<string, number>)[status as string] += 1;
  }
  tally.counted += 1;
  if (status !== "Chưa đến hạn") tally.due += 1;
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
  const names = (list: NamedIndicator[]) => list.map((n) => sentenceName(n.name));
  return sentenceOf(tally, names(named.missed), names(named.noData), settings, options.padCounts ?? false);
}

let lastAmberLabel: { label: string; lower: string } | null = null;

function lowerCaseLabel(label: string): string {
  if (lastAmberLabel?.label !== label) lastAmberLabel = { label, lower: label.toLocaleLowerCase("vi") };
  return lastAmberLabel.lower;
}

function namesPart(names: readonly string[], lang: Lang): string {
  if (names.length === 0) return "";
  // Concatenated rather than joined: join copies every (two-byte) name into a new flat string.
  let list = names[0];
  for (let k = 1; k < names.length; k++) list += ", " + names[k];
  return message("summary.sentence.names", { names: list }, lang);
}

/** The sentence, from the names as the sentence writes them. */
function sentenceOf(
  tally: Tally,
  missedNames: readonly string[],
  noDataNames: readonly string[],
  settings: Pick<Settings, "lang" | "amberLabel" | "reportYear">,
  pad: boolean,
): string {
  const lang = settings.lang;
  const notDue = tally.byStatus["Chưa đến hạn"];
  if (tally.due === 0) return message("summary.sentence.none", { notDue, year: settings.reportYear }, lang) + message("summary.sentence.end", {}, lang);
  const total = tally.due;
  let sentence = message("summary.sentence.achieved", { achieved: count(tally.achieved, total, pad), total }, lang);
  const exceeded = tally.byStatus["Vượt"];
  if (exceeded > 0) sentence += message("summary.sentence.exceeded", { exceeded: count(exceeded, total, pad) }, lang);
  const missed = tally.byStatus["Không đạt"];
  if (missed > 0) {
    sentence += message("summary.sentence.missed", { missed: count(missed, total, pad) }, lang);
    if (tally.nearMiss > 0)
      sentence += message("summary.sentence.near-miss", { nearMiss: count(tally.nearMiss, total, pad), amberLabel: lowerCaseLabel(settings.amberLabel) }, lang);
    sentence += namesPart(missedNames, lang);
  }
  const noData = tally.byStatus["Chưa có số liệu"];
  if (noData > 0) sentence += message("summary.sentence.no-data", { noData: count(noData, total, pad) }, lang) + namesPart(noDataNames, lang);
  if (notDue > 0) sentence += message("summary.sentence.not-due", { notDue: count(notDue, total, pad) }, lang);
  return sentence + message("summary.sentence.end", {}, lang);
}

/** What a summary of a plan always holds, whatever the statuses: worked out once per plan object,
 *  count level and language (the plan is taken as fixed once it is in use). */
interface SkeletonIndicator {
  indicator: Indicator;
  code: string;
  section: number;
  depth: number;
  hasChildren: boolean;
  counted: boolean;
  /** As the named lists give it ("parent - item" for a sub-item). */
  namedAs: string;
  /** As the sentence writes it: namedAs without its "(…)" remarks. */
  sentenceText: string;
}

interface SkeletonSection {
  title: string | null;
  label: string;
  codes: string[];
  /** The indicators under it, by index, in plan order. */
  members: number[];
}

interface Skeleton {
  indicators: SkeletonIndicator[];
  sections: SkeletonSection[];
  hasSections: boolean;
  /** Two indicators share a code (a plan never checked): evaluations are then found by code. */
  sharedCodes: boolean;
}

const skeletons = new WeakMap<Plan, Map<string, Skeleton>>();

function skeletonOf(plan: Plan, settings: Settings): Skeleton {
  let byKey = skeletons.get(plan);
  if (!byKey) skeletons.set(plan, (byKey = new Map()));
  const key = `${settings.countLevel}|${settings.lang}`;
  let skeleton = byKey.get(key);
  if (skeleton) return skeleton;

  const children = childrenByCode(plan.indicators);
  const counted = countedCodes(plan, settings.countLevel);
  const indicatorByCode = new Map(plan.indicators.map((ind) => [ind.code, ind]));
  const hasSections = plan.indicators.some((ind) => depthOf(ind.code) === 0 && ind.group !== null && ind.group.trim().length > 0);
  const sections: SkeletonSection[] = [];
  const sectionByKey = new Map<string, number>();
  const sectionOf = (ind: Indicator): number => {
    const top = indicatorByCode.get(topAncestor(ind.code)) ?? ind;
    const title = hasSections ? top.group?.trim() || null : null;
    const key = title === null ? "\u0000" : foldDiacritics(title);
    let index = sectionByKey.get(key);
    if (index === undefined) {
      index = sections.length;
      // In a plan with sections, indicators outside any get their own "Chỉ tiêu khác" section.
      const label = !hasSections ? "" : sectionLabel(index, title ?? t("summary.section.other", {}, settings.lang));
      sections.push({ title, label, codes: [], members: [] });
      sectionByKey.set(key, index);
    }
    return index;
  };
  const indicators = plan.indicators.map((indicator, i): SkeletonIndicator => {
    const section = sectionOf(indicator);
    sections[section].codes.push(indicator.code);
    sections[section].members.push(i);
    const namedAs = sentenceNameInPlan(indicator, indicatorByCode);
    return {
      indicator,
      code: indicator.code,
      section,
      depth: depthOf(indicator.code),
      hasChildren: children.has(indicator.code),
      counted: counted.has(indicator.code),
      namedAs,
      sentenceText: sentenceName(namedAs),
    };
  });
  skeleton = { indicators, sections, hasSections, sharedCodes: indicatorByCode.size !== plan.indicators.length };
  byKey.set(key, skeleton);
  return skeleton;
}

/** The evaluation of each indicator, by code (the last one given for a code counting), or null when
 *  they follow the plan one for one (evaluatePlan gives them so) and are found by position. */
function evaluationsByCode(skeleton: Skeleton, evaluations: readonly Evaluation[]): Map<string, Evaluation> | null {
  const indicators = skeleton.indicators;
  let inPlanOrder = !skeleton.sharedCodes && evaluations.length === indicators.length;
  for (let i = 0; inPlanOrder && i < indicators.length; i++) inPlanOrder = evaluations[i].code === indicators[i].code;
  return inPlanOrder ? null : new Map(evaluations.map((e) => [e.code, e]));
}

type IndicatorRow = Extract<SummaryRow, { kind: "indicator" }>;

/** The summary model of one unit's evaluated plan. */
export function summarize(plan: Plan, evaluations: Evaluation[], settings: Settings, options: SummaryOptions = {}): Summary {
  const skeleton = skeletonOf(plan, settings);
  const byCode = evaluationsByCode(skeleton, evaluations);
  const sectionTallies: Tally[] = [];
  for (let k = 0; k < skeleton.sections.length; k++) sectionTallies.push(emptyTally());
  const tally = emptyTally();
  const named = { exceeded: [] as NamedIndicator[], missed: [] as NamedIndicator[], noData: [] as NamedIndicator[], notDue: [] as NamedIndicator[] };
  const progress: PeriodCounts = { onTrack: 0, exceeded: 0, behind: [], behindNames: [], noData: 0, notYet: [], notDue: 0 };
  const missedNames: string[] = [];
  const noDataNames: string[] = [];
  const overrides: SummaryOverride[] = [];
  const reportYear = settings.reportYear;

  const items = skeleton.indicators;
  const indicatorRows: IndicatorRow[] = new Array(items.length);
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    const indicator = item.indicator;
    const evaluation = byCode === null ? evaluations[i] : byCode.get(item.code) ?? null;
    const status = evaluation?.status ?? statusWithoutEvaluation(indicator, reportYear);
    const label = evaluation?.label ?? status;
    if (item.counted) {
      countProgress(progress, label, item);
      const nearMiss = evaluation?.nearMiss ?? false;
      addToTally(tally, status, nearMiss);
      addToTally(sectionTallies[item.section], status, nearMiss);
      if (status === "Vượt") named.exceeded.push({ code: item.code, name: item.namedAs });
      else if (status === "Không đạt") {
        named.missed.push({ code: item.code, name: item.namedAs });
        missedNames.push(item.sentenceText);
      } else if (status === "Chưa có số liệu") {
        named.noData.push({ code: item.code, name: item.namedAs });
        noDataNames.push(item.sentenceText);
      } else if (status === "Chưa đến hạn") named.notDue.push({ code: item.code, name: item.namedAs });
    }
    if (evaluation?.override) {
      overrides.push({ code: item.code, name: indicator.name, computedStatus: evaluation.computedStatus, status: evaluation.status, reason: evaluation.override.reason });
    }
    indicatorRows[i] = {
      kind: "indicator",
      section: item.section,
      code: item.code,
      indicator,
      evaluation,
      status,
      label,
      depth: item.depth,
      hasChildren: item.hasChildren,
      counted: item.counted,
    };
  }

  // Section rows go before the first indicator of each section; a plan whose sections are not
  // contiguous still lists each indicator under its own section, in plan order within it.
  const rows: SummaryRow[] = [];
  const sections: SummarySection[] = [];
  for (let index = 0; index < skeleton.sections.length; index++) {
    const section = skeleton.sections[index];
    if (skeleton.hasSections) rows.push({ kind: "section", section: index, label: section.label });
    for (const member of section.members) rows.push(indicatorRows[member]);
    sections.push({ index, title: section.title, label: section.label, codes: section.codes.slice(), tally: sectionTallies[index] });
  }

  const period = periodOf(settings);
  const sentence = isPartial(period)
    ? periodSentence(period, progress, noDataNames, settings.lang, options.padCounts ?? false)
    : sentenceOf(tally, missedNames, noDataNames, settings, options.padCounts ?? false);
  return {
    planId: plan.id,
    planTitle: plan.title,
    issuer: plan.issuer,
    reportYear,
    period,
    countLevel: settings.countLevel,
    lang: settings.lang,
    amberLabel: settings.amberLabel,
    rows,
    sections,
    hasSections: skeleton.hasSections,
    tally,
    overrides,
    ...named,
    behind: progress.behind,
    notYet: progress.notYet,
    sentence,
  };
}

/** The counts of a partial period's sentence, by label. */
interface PeriodCounts {
  onTrack: number;
  exceeded: number;
  behind: NamedIndicator[];
  behindNames: string[];
  noData: number;
  notYet: NamedIndicator[];
  notDue: number;
}

function countProgress(counts: PeriodCounts, label: string, item: SkeletonIndicator): void {
  switch (label) {
    case "Vượt":
      counts.exceeded++;
      counts.onTrack++;
      break;
    case "Đạt":
    case "Đạt tiến độ":
      counts.onTrack++;
      break;
    case "Không đạt":
    case "Chậm tiến độ":
      counts.behind.push({ code: item.code, name: item.namedAs });
      counts.behindNames.push(item.sentenceText);
      break;
    case "Chưa đến kỳ đánh giá":
      counts.notYet.push({ code: item.code, name: item.namedAs });
      break;
    case "Chưa đến hạn":
      counts.notDue++;
      break;
    default:
      counts.noData++;
  }
}

/** "6 tháng đầu năm, có X/Y chỉ tiêu đạt tiến độ …; Z chỉ tiêu chậm tiến độ: …". */
function periodSentence(period: Period, counts: PeriodCounts, noDataNames: readonly string[], lang: Lang, pad: boolean): string {
  const opening = periodOpening(period, lang);
  const notYet = counts.notYet.length;
  const total = counts.onTrack + counts.behind.length + counts.noData;
  const end = message("period.sentence.end", {}, lang);
  if (total === 0) {
    let none = message("period.sentence.none", { period: opening }, lang);
    if (notYet > 0) none += message("period.sentence.not-yet", { notYet }, lang);
    if (counts.notDue > 0) none += message("period.sentence.not-due", { notDue: counts.notDue }, lang);
    return none + end;
  }
  const n = (value: number) => count(value, total, pad);
  const names = (list: readonly string[]) => (list.length === 0 ? "" : message("period.sentence.names", { names: list.join(", ") }, lang));
  let sentence = message("period.sentence.achieved", { period: opening, achieved: n(counts.onTrack), total }, lang);
  if (counts.exceeded > 0) sentence += message("period.sentence.exceeded", { exceeded: n(counts.exceeded) }, lang);
  if (counts.behind.length > 0) sentence += message("period.sentence.behind", { behind: n(counts.behind.length) }, lang) + names(counts.behindNames);
  if (counts.noData > 0) sentence += message("period.sentence.no-data", { noData: n(counts.noData) }, lang) + names(noDataNames);
  if (notYet > 0) sentence += message("period.sentence.not-yet", { notYet: n(notYet) }, lang);
  if (counts.notDue > 0) sentence += message("period.sentence.not-due", { notDue: n(counts.notDue) }, lang);
  return sentence + end;
}
