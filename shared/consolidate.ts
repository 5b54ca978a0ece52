// Consolidation of many units' results (report.md, "Many units"): the indicator × unit matrix,
// per-unit tallies, share achieved, mean completion and rank, and the register of what could not
// be used.
//
// Rules, documented in the README:
// - Matrix rows are the union of the units' indicators. Two indicators are the same row when their
//   normalised name paths match (the names of the indicator and of its parents, folded to ASCII
//   lower case without diacritics, punctuation and "(…)" remarks) and their normalised units match.
//   Codes are not part of the key, because plans of different units number the same indicator
//   differently; two sub-items with the same name under different parents ("Tổng số lớp học" under
//   primary and under lower secondary) stay apart. Rows come in the first unit's plan order, then
//   rows only later units have, in their order.
// - Per unit, the counted indicators are those of settings.countLevel (as in the summary).
//   Share achieved = (Vượt + Đạt) / counted indicators due this year, in percent ("Chưa đến hạn"
//   left out, "Chưa có số liệu" kept in: missing data does not help a unit).
// - Mean completion = the mean, over counted due indicators that have a completion %, of that %
//   clamped to [0, completionCap] (150 by default), so one 1000 % outlier cannot dominate.
// - Rank: share achieved (higher first), then the number of Vượt, then mean completion. Units equal
//   on all three share a rank (1, 2, 2, 4) and are listed by name. A unit with no due indicator
//   ranks last.
// - Totals across units only for amounts (money, counts, scaled quantities such as "triệu lượt
//   người"); never for rates, percentages, per-capita figures, qualitative indicators or
//   increase/decrease targets. Σ numerator / Σ denominator would be right for rates, but the plans
//   do not carry them, so rates stay per unit.
// - A unit whose findings include errors is still consolidated and ranked, flagged, and also listed
//   in the register with its error count and first error, so the collecting office can send it
//   back. A unit passed as unusable ({ unit/file, reason }), a unit with no evaluation, and a second
//   file for a unit already consolidated go to the register only.
import { foldDiacritics } from "./actual";
import { t } from "./i18n";
import { depthOf, parentCode, type Comparator, type Evaluation, type Finding, type Indicator, type Plan, type Settings, type Status } from "./model";
import { addToTally, countedCodes, emptyTally, type Tally } from "./summary";
import { isAdditiveUnit } from "./validate";
import type { UnitRegister } from "./consolidation/register";
import type { ScoringResult } from "./consolidation/scoring";

export interface UnitInput {
  unit: string;
  file?: string;
  plan: Plan;
  evaluations: Evaluation[];
  findings: Finding[];
}

/** A unit or file that could not be used (unreadable, wrong layout…), with why. */
export interface UnusableUnit {
  unit?: string;
  file?: string;
  reason: string;
}

export type ConsolidationInput = UnitInput | UnusableUnit;

export function isUnusable(input: ConsolidationInput): input is UnusableUnit {
  return "reason" in input && !("evaluations" in input);
}

export interface ConsolidateOptions {
  /** Upper bound of one indicator's completion in the mean, in percent. Default 150. */
  completionCap?: number;
}

export const DEFAULT_COMPLETION_CAP = 150;

export interface MatrixCell {
  code: string;
  target: number | null;
  targetMin?: number;
  targetMax?: number;
  actual: number | boolean | null;
  percent: number | null;
  status: Status;
  /** Whether the indicator counts in the unit's tally (settings.countLevel), as the scoring needs. */
  counted: boolean;
}

export interface MatrixRow {
  /** The matching key (normalised name path and unit). */
  key: string;
  code: string;
  name: string;
  unit: string;
  depth: number;
  group: string | null;
  comparator: Comparator | null;
  /** The target when every unit that has the row shares it; null otherwise (see targetVaries). */
  target: number | null;
  targetMin?: number;
  targetMax?: number;
  targetVaries: boolean;
  /** One per consolidated unit, in `units` order; null when that unit's plan lacks the indicator. */
  cells: (MatrixCell | null)[];
  /** Whether actuals of this row may be added across units. */
  additive: boolean;
  /** Present for additive rows: Σ actuals of the units that entered a number. */
  total: { actual: number; target: number | null; contributing: number; missing: number } | null;
}

export interface UnitResult {
  unit: string;
  file?: string;
  planId: string;
  tally: Tally;
  /** (Vượt + Đạt) / counted due indicators × 100; null when none is due. */
  shareAchieved: number | null;
  /** Mean of clamped completion %, null when no counted indicator has one. */
  meanCompletion: number | null;
  /** How many indicators the mean is over. */
  completionBasis: number;
  rank: number;
  errorCount: number;
  warningCount: number;
  /** Validation errors: consolidated, but to be checked. */
  flagged: boolean;
}

export interface RegisterEntry {
  unit?: string;
  file?: string;
  /** "unusable": not consolidated; "duplicate": a second file for a unit; "validation-errors": consolidated and flagged. */
  kind: "unusable" | "duplicate" | "validation-errors";
  reason: string;
}

export interface Consolidation {
  reportYear: number;
  countLevel: Settings["countLevel"];
  lang: Settings["lang"];
  completionCap: number;
  /** Consolidated units, in input order (the matrix columns). */
  units: UnitResult[];
  /** The same units, best first. */
  ranking: UnitResult[];
  rows: MatrixRow[];
  register: RegisterEntry[];
  /** Whether any row's target differs between units (each unit's own target, from an assignment):
   *  the matrix then shows each unit's target (cells[i].target) beside its actual. */
  targetsVary: boolean;
  /** Who reported, when the expected units, deadline or files' dates are known (shared/consolidation/register.ts). */
  reporting?: UnitRegister;
  /** Points and ranks by the office's scoring rules (shared/consolidation/scoring.ts). */
  scoring?: ScoringResult;
}

/** Names repeat across every unit's plan: fold each once (bounded, so a long session cannot grow it). */
const normalisedNames = new Map<string, string>();

/** The matching form of a name: folded, without remarks in parentheses and punctuation. */
export function normaliseName(name: string): string {
  let normalised = normalisedNames.get(name);
  if (normalised === undefined) {
    normalised = foldDiacritics(name.replace(/\([^()]*\)/g, " "))
      .replace(/[^a-z0-9%/ ]+/g, " ")
      .replace(/\s+/g, " ")
      .trim();
    if (normalisedNames.size > 20_000) normalisedNames.clear();
    normalisedNames.set(name, normalised);
  }
  return normalised;
}

/** Row keys per indicator object: units read from copies of one plan share its object (the reader's plan cache), so the
 *  country's 3,321 units fold each name once instead of 100,000 times. */
const rowKeys = new WeakMap<Indicator, string>();

const foldedUnits = new Map<string, string>();

function normaliseUnit(unit: string): string {
  let folded = foldedUnits.get(unit);
  if (folded === undefined) {
    folded = foldDiacritics(unit);
    if (foldedUnits.size > 20_000) foldedUnits.clear();
    foldedUnits.set(unit, folded);
  }
  return folded;
}

function rowKey(plan: Plan, indicator: Indicator, byCode: Map<string, Indicator>): string {
  let key = rowKeys.get(indicator);
  if (key === undefined) rowKeys.set(indicator, (key = computeRowKey(indicator, byCode)));
  return key;
}

function computeRowKey(indicator: Indicator, byCode: Map<string, Indicator>): string {
  const path: string[] = [];
  for (let code: string | null = indicator.code; code !== null; code = parentCode(code)) {
    const ind = byCode.get(code);
    path.unshift(ind ? normaliseName(ind.name) : code);
  }
  return `${path.join(" > ")} | ${normaliseUnit(indicator.unit)}`;
}

function statusOf(evaluation: Evaluation | undefined, indicator: Indicator, reportYear: number): Status {
  if (evaluation) return evaluation.status;
  return indicator.deadlineYear !== null && indicator.deadlineYear > reportYear ? "Chưa đến hạn" : "Chưa có số liệu";
}

const foldedNames = new Map<string, string>();
function foldedName(name: string): string {
  let out = foldedNames.get(name);
  if (out === undefined) {
    if (foldedNames.size > 100_000) foldedNames.clear();
    foldedNames.set(name, (out = foldDiacritics(name)));
  }
  return out;
}

function compareNames(a: string, b: string): number {
  const folded = foldedName(a).localeCompare(foldedName(b));
  return folded !== 0 ? folded : a.localeCompare(b);
}

/** Orders best first and gives competition ranks; see the header for the rule. */
export function rankUnits(units: UnitResult[]): UnitResult[] {
  const score = (u: UnitResult): [number, number, number] => [u.shareAchieved ?? -1, u.tally.byStatus["Vượt"], u.meanCompletion ?? -1];
  const compareScore = (a: UnitResult, b: UnitResult): number => {
    const sa = score(a);
    const sb = score(b);
    for (let i = 0; i < sa.length; i++) {
      const diff = (sb[i] as number) - (sa[i] as number);
      if (Math.abs(diff) > 1e-9) return diff;
    }
    return 0;
  };
  const ordered = [...units].sort((a, b) => compareScore(a, b) || compareNames(a.unit, b.unit));
  ordered.forEach((unit, i) => {
    const previous = ordered[i - 1];
    unit.rank = previous && compareScore(previous, unit) === 0 ? previous.rank : i + 1;
  });
  return ordered;
}

export function consolidate(inputs: ConsolidationInput[], settings: Settings, options: ConsolidateOptions = {}): Consolidation {
  const lang = settings.lang;
  const cap = options.completionCap ?? DEFAULT_COMPLETION_CAP;
  const register: RegisterEntry[] = [];
  const accepted: UnitInput[] = [];
  const seenUnits = new Map<string, UnitInput>();

  for (const input of inputs) {
    if (isUnusable(input)) {
      register.push({ ...(input.unit ? { unit: input.unit } : {}), ...(input.file ? { file: input.file } : {}), kind: "unusable", reason: input.reason });
      continue;
    }
    const where = { unit: input.unit, ...(input.file ? { file: input.file } : {}) };
    const key = foldDiacritics(input.unit);
    const first = seenUnits.get(key);
    if (first) {
      register.push({ ...where, kind: "duplicate", reason: t("consolidate.reason.duplicate-unit", { unit: input.unit, first: first.file ?? first.unit }, lang) });
      continue;
    }
    if (input.evaluations.length === 0) {
      register.push({ ...where, kind: "unusable", reason: t("consolidate.reason.no-evaluations", {}, lang) });
      continue;
    }
    seenUnits.set(key, input);
    accepted.push(input);
  }

  const rows: MatrixRow[] = [];
  const rowByKey = new Map<string, MatrixRow>();
  const units: UnitResult[] = [];

  accepted.forEach((input, unitIndex) => {
    const byCode = new Map(input.plan.indicators.map((ind) => [ind.code, ind]));
    const evaluationByCode = new Map(input.evaluations.map((e) => [e.code, e]));
    const counted = countedCodes(input.plan, settings.countLevel);
    const tally = emptyTally();
    const completions: number[] = [];

    for (const indicator of input.plan.indicators) {
      const evaluation = evaluationByCode.get(indicator.code);
      const status = statusOf(evaluation, indicator, settings.reportYear);
      if (counted.has(indicator.code)) {
        addToTally(tally, status, evaluation?.nearMiss ?? false);
        const percent = evaluation?.percent;
        if (status !== "Chưa đến hạn" && typeof percent === "number" && Number.isFinite(percent)) completions.push(Math.min(Math.max(percent, 0), cap));
      }

      const key = rowKey(input.plan, indicator, byCode);
      let row = rowByKey.get(key);
      if (!row) {
        row = {
          key,
          code: indicator.code,
          name: indicator.name,
          unit: indicator.unit,
          depth: depthOf(indicator.code),
          group: indicator.group,
          comparator: indicator.comparator,
          target: indicator.target,
          ...(indicator.targetMin !== undefined ? { targetMin: indicator.targetMin } : {}),
          ...(indicator.targetMax !== undefined ? { targetMax: indicator.targetMax } : {}),
          targetVaries: false,
          cells: [],
          additive: isAdditiveUnit(indicator),
          total: null,
        };
        rowByKey.set(key, row);
        rows.push(row);
      } else if (
        row.cells.some((c) => c !== null) &&
        (row.target !== indicator.target || row.targetMin !== indicator.targetMin || row.targetMax !== indicator.targetMax || row.comparator !== indicator.comparator)
      ) {
        row.targetVaries = true;
      }
      if (row.cells[unitIndex]) continue; // the same name twice in one plan: keep the first
      row.cells[unitIndex] = {
        code: indicator.code,
        target: indicator.target,
        ...(indicator.targetMin !== undefined ? { targetMin: indicator.targetMin } : {}),
        ...(indicator.targetMax !== undefined ? { targetMax: indicator.targetMax } : {}),
        actual: evaluation?.actual ?? null,
        percent: evaluation?.percent ?? null,
        status,
        counted: counted.has(indicator.code),
      };
    }

    const errors = input.findings.filter((f) => f.severity === "error");
    const result: UnitResult = {
      unit: input.unit,
      ...(input.file ? { file: input.file } : {}),
      planId: input.plan.id,
      tally,
      shareAchieved: tally.due > 0 ? (tally.achieved / tally.due) * 100 : null,
      meanCompletion: completions.length > 0 ? completions.reduce((a, b) => a + b, 0) / completions.length : null,
      completionBasis: completions.length,
      rank: 0,
      errorCount: errors.length,
      warningCount: input.findings.length - errors.length,
      flagged: errors.length > 0,
    };
    units.push(result);
    if (errors.length > 0) {
      register.push({
        unit: input.unit,
        ...(input.file ? { file: input.file } : {}),
        kind: "validation-errors",
        reason: t("consolidate.reason.validation-errors", { count: errors.length, first: errors[0]?.message ?? "" }, lang),
      });
    }
  });

  for (const row of rows) {
    // Dense arrays: one slot per unit.
    for (let i = 0; i < accepted.length; i++) row.cells[i] ??= null;
    if (row.targetVaries) {
      row.target = null;
      delete row.targetMin;
      delete row.targetMax;
    }
    if (!row.additive) continue;
    const present = row.cells.filter((c): c is MatrixCell => c !== null);
    const numbers = present.filter((c) => typeof c.actual === "number");
    const targets = present.map((c) => c.target);
    row.total = {
      actual: numbers.reduce((sum, c) => sum + (c.actual as number), 0),
      target: targets.every((v): v is number => typeof v === "number") ? targets.reduce((a, b) => a + b, 0) : null,
      contributing: numbers.length,
      missing: present.length - numbers.length,
    };
  }

  const ranking = rankUnits(units);
  const targetsVary = rows.some((r) => r.targetVaries);
  return { reportYear: settings.reportYear, countLevel: settings.countLevel, lang, completionCap: cap, units, ranking, rows, register, targetsVary };
}
