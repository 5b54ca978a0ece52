// Points for commendation (điểm thi đua): the office's rules turn each unit's results into points,
// rank the units within their group (cụm, khối thi đua) and propose a title for the first ones.
//
// A unit's points (documented in the README):
//   base  = Σ over its counted indicators due this year of weight(code) × points(status)
//   total = "sum":     base + bonuses − penalties
//           "percent": 100 × base / Σ weight × (the most points a status gives), + bonuses − penalties
//   bonus   = for each bonus rule whose indicator the unit exceeded (Vượt) with completion ≥ 100 + margin %
//   penalty = late (report after the deadline) + errors (a report with validation errors)
//             + perError × the number of errors
// Ties on points are broken by the number of Vượt, then the mean completion (as today's ranking);
// units equal on all three share a rank (1, 2, 2, 4). A unit with no indicator due ranks last.
// The defaults (Vượt 1, Đạt 1, others 0, weight 1, "percent", no bonus, no penalty) make the points
// the share achieved, so the default ranking is today's ranking exactly.
import { foldDiacritics } from "../actual";
import type { Consolidation, UnitResult } from "../consolidate";
import { t } from "../i18n";
import { STATUSES, type Lang, type Status } from "../model";
import { unitKey } from "./assignment";

export type ScoredStatus = Exclude<Status, "Chưa đến hạn">;
export const SCORED_STATUSES: ScoredStatus[] = ["Vượt", "Đạt", "Không đạt", "Chưa có số liệu"];

export interface BonusRule {
  code: string;
  /** Exceeded by at least this many percentage points of completion (10 = completion ≥ 110 %). */
  margin: number;
  points: number;
}

export interface TitleRule {
  /** Ranks within the group, inclusive. */
  from: number;
  to: number;
  title: string;
  /** Only units with at least these points. */
  minPoints?: number;
}

export interface ScoringRules {
  points: Record<ScoredStatus, number>;
  weights: Record<string, number>;
  bonuses: BonusRule[];
  penalties: { late: number; errors: number; perError: number };
  total: "percent" | "sum";
  /** Group name → its units. Units in no group are ranked together in one group. */
  groups: Record<string, string[]>;
  titles: TitleRule[];
}

export const DEFAULT_SCORING: ScoringRules = {
  points: { "Vượt": 1, "Đạt": 1, "Không đạt": 0, "Chưa có số liệu": 0 },
  weights: {},
  bonuses: [],
  penalties: { late: 0, errors: 0, perError: 0 },
  total: "percent",
  groups: {},
  titles: [{ from: 1, to: 1, title: "đề nghị tặng Cờ thi đua" }],
};

export interface ScoringProblem {
  /** Where in the rules: a JSON path ("bonuses[0].code") or a cell ("Điểm thi đua!C7"). */
  where: string;
  message: string;
}

export interface ScoringContext {
  /** Indicator codes of the plan, to refuse weights and bonuses for codes it lacks. */
  codes?: readonly string[];
  /** Units of the consolidation, to refuse group members that are not among them. */
  units?: readonly string[];
  lang?: Lang;
}

const KNOWN_KEYS = new Set(["points", "weights", "bonuses", "penalties", "total", "groups", "titles"]);
const PENALTY_KEYS = ["late", "errors", "perError"] as const;

/** A status written by a person: "Vượt", "vuot", "Khong dat", "exceeded" … */
export function statusOfWord(word: string): Status | null {
  const folded = foldDiacritics(word);
  const english: Record<string, Status> = { exceeded: "Vượt", met: "Đạt", achieved: "Đạt", "not met": "Không đạt", "no data": "Chưa có số liệu", "not due": "Chưa đến hạn" };
  return STATUSES.find((s) => foldDiacritics(s) === folded) ?? english[folded] ?? null;
}

/** The most points any status gives. */
function mostPoints(rules: ScoringRules): number {
  return SCORED_STATUSES.reduce((most, s) => Math.max(most, rules.points[s]), -Infinity);
}

const isNumber = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);

/** Validates rules written by an office (parsed JSON, or read from a scoring sheet) and fills defaults. */
export function validateScoringRules(raw: unknown, context: ScoringContext = {}, where: (path: string) => string = (p) => p): { rules: ScoringRules | null; problems: ScoringProblem[] } {
  const lang = context.lang ?? "vi";
  const problems: ScoringProblem[] = [];
  const fail = (path: string, key: string, params: Record<string, string | number> = {}) => problems.push({ where: where(path), message: t(`scoring.${key}`, { where: where(path), ...params }, lang) });
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) {
    fail("", "not-object");
    return { rules: null, problems };
  }
  const input = raw as Record<string, unknown>;
  for (const key of Object.keys(input)) if (!KNOWN_KEYS.has(key)) fail(key, "unknown-key", { key, known: [...KNOWN_KEYS].join(", ") });
  const codes = context.codes ? new Set(context.codes) : null;
  const rules: ScoringRules = {
    ...DEFAULT_SCORING,
    points: { ...DEFAULT_SCORING.points },
    weights: {},
    bonuses: [],
    penalties: { ...DEFAULT_SCORING.penalties },
    groups: {},
    titles: DEFAULT_SCORING.titles.map((x) => ({ ...x })),
  };

  if (input.points !== undefined) {
    if (typeof input.points !== "object" || input.points === null) fail("points", "not-object");
    else {
      for (const [word, value] of Object.entries(input.points)) {
        const status = statusOfWord(word);
        if (status === null) fail(`points.${word}`, "unknown-status", { word });
        else if (status === "Chưa đến hạn") fail(`points.${word}`, "not-due-not-scored");
        else if (!isNumber(value)) fail(`points.${word}`, "not-number", { value: String(value) });
        else rules.points[status] = value;
      }
      if (mostPoints(rules) <= 0) fail("points", "no-positive-points");
    }
  }
  if (input.weights !== undefined) {
    if (typeof input.weights !== "object" || input.weights === null) fail("weights", "not-object");
    else
      for (const [code, value] of Object.entries(input.weights)) {
        if (codes && !codes.has(code)) fail(`weights.${code}`, "code-not-in-plan", { code });
        else if (!isNumber(value) || value <= 0) fail(`weights.${code}`, "weight-positive", { value: String(value) });
        else rules.weights[code] = value;
      }
  }
  if (input.bonuses !== undefined) {
    if (!Array.isArray(input.bonuses)) fail("bonuses", "not-list");
    else {
      rules.bonuses = [];
      input.bonuses.forEach((b: unknown, i) => {
        const path = `bonuses[${i}]`;
        const r = (b ?? {}) as Record<string, unknown>;
        const code = typeof r.code === "number" ? String(r.code) : r.code;
        if (typeof code !== "string" || (codes && !codes.has(code))) return fail(`${path}.code`, "code-not-in-plan", { code: String(code) });
        if (!isNumber(r.margin) || r.margin < 0) return fail(`${path}.margin`, "margin-non-negative", { value: String(r.margin) });
        if (!isNumber(r.points) || r.points < 0) return fail(`${path}.points`, "bonus-non-negative", { value: String(r.points) });
        rules.bonuses.push({ code, margin: r.margin, points: r.points });
      });
    }
  }
  if (input.penalties !== undefined) {
    if (typeof input.penalties !== "object" || input.penalties === null) fail("penalties", "not-object");
    else
      for (const [key, value] of Object.entries(input.penalties)) {
        if (!(PENALTY_KEYS as readonly string[]).includes(key)) fail(`penalties.${key}`, "unknown-key", { key, known: PENALTY_KEYS.join(", ") });
        else if (!isNumber(value) || value < 0) fail(`penalties.${key}`, "penalty-non-negative", { value: String(value) });
        else rules.penalties[key as (typeof PENALTY_KEYS)[number]] = value;
      }
  }
  if (input.total !== undefined) {
    if (input.total !== "percent" && input.total !== "sum") fail("total", "total-kind", { value: String(input.total) });
    else rules.total = input.total;
  }
  if (input.groups !== undefined) {
    if (typeof input.groups !== "object" || input.groups === null || Array.isArray(input.groups)) fail("groups", "not-object");
    else {
      const seen = new Map<string, string>();
      const known = context.units ? new Set(context.units.map(unitKey)) : null;
      for (const [group, members] of Object.entries(input.groups)) {
        if (!Array.isArray(members)) {
          fail(`groups.${group}`, "not-list");
          continue;
        }
        const kept: string[] = [];
        members.forEach((m: unknown, i) => {
          const path = `groups.${group}[${i}]`;
          if (typeof m !== "string" || m.trim() === "") return fail(path, "unit-name", { value: String(m) });
          const key = unitKey(m);
          const other = seen.get(key);
          if (other !== undefined) return fail(path, "unit-in-two-groups", { unit: m, group, other });
          if (known && !known.has(key)) return fail(path, "unit-unknown", { unit: m });
          seen.set(key, group);
          kept.push(m.normalize("NFC").trim());
        });
        rules.groups[group] = kept;
      }
    }
  }
  if (input.titles !== undefined) {
    if (!Array.isArray(input.titles)) fail("titles", "not-list");
    else {
      rules.titles = [];
      input.titles.forEach((tr: unknown, i) => {
        const path = `titles[${i}]`;
        const r = (tr ?? {}) as Record<string, unknown>;
        const from = r.from ?? r.rank;
        const to = r.to ?? from;
        if (!Number.isInteger(from) || (from as number) < 1 || !Number.isInteger(to) || (to as number) < (from as number)) return fail(path, "title-ranks", { from: String(from), to: String(to) });
        if (typeof r.title !== "string" || r.title.trim() === "") return fail(`${path}.title`, "title-text");
        if (r.minPoints !== undefined && !isNumber(r.minPoints)) return fail(`${path}.minPoints`, "not-number", { value: String(r.minPoints) });
        const overlap = rules.titles.find((x) => (from as number) <= x.to && (to as number) >= x.from);
        if (overlap) return fail(path, "title-overlap", { from: from as number, to: to as number, other: overlap.title });
        rules.titles.push({ from: from as number, to: to as number, title: r.title.trim(), ...(isNumber(r.minPoints) ? { minPoints: r.minPoints } : {}) });
      });
    }
  }
  return { rules: problems.length === 0 ? rules : null, problems };
}

export interface IndicatorPoints {
  code: string;
  name: string;
  status: ScoredStatus;
  weight: number;
  /** weight × points(status). */
  points: number;
  /** Bonus earned on this indicator. */
  bonus: number;
  percent: number | null;
}

export interface UnitScore {
  unit: string;
  group: string | null;
  /** Σ weight × points over the unit's indicators. */
  base: number;
  /** The most the unit could have scored on them (for "percent"). */
  maxBase: number;
  bonus: number;
  penalty: number;
  penalties: { kind: "late" | "errors" | "perError"; points: number }[];
  /** The points the ranking uses; null when no indicator is due. */
  total: number | null;
  rank: number;
  title: string | null;
  perIndicator: IndicatorPoints[];
  /** Tie-breakers, as in today's ranking. */
  exceeded: number;
  meanCompletion: number | null;
}

export interface ScoringResult {
  rules: ScoringRules;
  /** Groups in order (the rules' order, then first seen), each ranked best first. */
  groups: { group: string | null; units: UnitScore[] }[];
}

export interface ScoringFacts {
  /** Units whose report came in after the deadline. */
  late?: ReadonlySet<string>;
  /** Group of each unit from the assignment table or the list of units (the rules' groups win). */
  groupOf?: ReadonlyMap<string, string | null>;
}

function compareScores(a: UnitScore, b: UnitScore): number {
  const keys = (u: UnitScore) => [u.total ?? -Infinity, u.exceeded, u.meanCompletion ?? -1];
  const [ka, kb] = [keys(a), keys(b)];
  for (let i = 0; i < ka.length; i++) {
    const diff = (kb[i] as number) - (ka[i] as number);
    if (Math.abs(diff) > 1e-9 || (diff !== 0 && !Number.isFinite(diff))) return diff > 0 ? 1 : -1;
  }
  return 0;
}

/** Scores and ranks the units of a consolidation by the rules. Pure. */
export function scoreUnits(consolidation: Consolidation, rules: ScoringRules = DEFAULT_SCORING, facts: ScoringFacts = {}): ScoringResult {
  const maxPoints = mostPoints(rules);
  const groupByUnit = new Map<string, string>();
  for (const [group, members] of Object.entries(rules.groups)) for (const m of members) groupByUnit.set(unitKey(m), group);
  const late = new Set([...(facts.late ?? [])].map(unitKey));
  const bonusesByCode = new Map<string, BonusRule[]>();
  for (const b of rules.bonuses) bonusesByCode.set(b.code, [...(bonusesByCode.get(b.code) ?? []), b]);

  const scores: UnitScore[] = consolidation.units.map((unit: UnitResult, index) => {
    const perIndicator: IndicatorPoints[] = [];
    for (const row of consolidation.rows) {
      const cell = row.cells[index];
      if (!cell || !cell.counted || cell.status === "Chưa đến hạn") continue;
      const status = cell.status as ScoredStatus;
      const weight = rules.weights[cell.code] ?? 1;
      const bonus = (bonusesByCode.get(cell.code) ?? [])
        .filter((b) => status === "Vượt" && cell.percent !== null && cell.percent >= 100 + b.margin - 1e-9)
        .reduce((sum, b) => sum + b.points, 0);
      perIndicator.push({ code: cell.code, name: row.name, status, weight, points: weight * rules.points[status], bonus, percent: cell.percent });
    }
    const base = perIndicator.reduce((s, p) => s + p.points, 0);
    const maxBase = perIndicator.reduce((s, p) => s + p.weight * maxPoints, 0);
    const bonus = perIndicator.reduce((s, p) => s + p.bonus, 0);
    const penalties: UnitScore["penalties"] = [];
    if (late.has(unitKey(unit.unit)) && rules.penalties.late > 0) penalties.push({ kind: "late", points: rules.penalties.late });
    if (unit.errorCount > 0 && rules.penalties.errors > 0) penalties.push({ kind: "errors", points: rules.penalties.errors });
    if (unit.errorCount > 0 && rules.penalties.perError > 0) penalties.push({ kind: "perError", points: rules.penalties.perError * unit.errorCount });
    const penalty = penalties.reduce((s, p) => s + p.points, 0);
    const scaled = rules.total === "percent" ? (maxBase > 0 ? (base / maxBase) * 100 : null) : perIndicator.length > 0 ? base : null;
    const group = groupByUnit.get(unitKey(unit.unit)) ?? facts.groupOf?.get(unitKey(unit.unit)) ?? null;
    return {
      unit: unit.unit,
      group,
      base,
      maxBase,
      bonus,
      penalty,
      penalties,
      total: scaled === null ? null : scaled + bonus - penalty,
      rank: 0,
      title: null,
      perIndicator,
      exceeded: unit.tally.byStatus["Vượt"],
      meanCompletion: unit.meanCompletion,
    };
  });

  const order = [...Object.keys(rules.groups)];
  for (const s of scores) if (s.group !== null && !order.includes(s.group)) order.push(s.group);
  const groups = [...order.map((g) => ({ group: g as string | null, units: scores.filter((s) => s.group === g) })), { group: null, units: scores.filter((s) => s.group === null) }].filter((g) => g.units.length > 0);
  const folded = new Map(scores.map((u) => [u, foldDiacritics(u.unit)]));
  for (const g of groups) {
    g.units.sort((a, b) => compareScores(a, b) || (folded.get(a) as string).localeCompare(folded.get(b) as string));
    g.units.forEach((u, i) => {
      const previous = g.units[i - 1];
      u.rank = previous && compareScores(previous, u) === 0 ? previous.rank : i + 1;
      const rule = u.total === null ? undefined : rules.titles.find((r) => u.rank >= r.from && u.rank <= r.to && (r.minPoints === undefined || (u.total as number) >= r.minPoints));
      u.title = rule?.title ?? null;
    });
  }
  return { rules, groups };
}

/** A scoring file's JSON text → validated rules, each problem naming where. */
export function parseScoringJson(text: string, context: ScoringContext = {}): { rules: ScoringRules | null; problems: ScoringProblem[] } {
  try {
    return validateScoringRules(JSON.parse(text.replace(/^\uFEFF/, "")), context);
  } catch (error) {
    return { rules: null, problems: [{ where: "", message: t("scoring.json-broken", { detail: (error as Error).message }, context.lang ?? "vi") }] };
  }
}
