// Completion % and status of every indicator of a plan, from the rules of shared/rules/comparators.ts
// (the same rules the fill-in sheet's formulas are printed from). Actuals are read with readActual;
// what cannot be read (text, cell errors, impossible numbers) evaluates as "Chưa có số liệu" with a
// null actual, and validation reports it.
import { readActual } from "./actual";
import {
  depthOf,
  parentCode,
  type ActualEntry,
  type Evaluation,
  type Indicator,
  type Override,
  type Plan,
  type Settings,
  type Status,
} from "./model";
import { ruleOf, isStatus, type IndicatorRule } from "./rules/comparators";
import { compileExpr, specialize, type Compiled, type KnownRefs, type RuleEnv } from "./rules/compile";
import type { Expr } from "./rules/expr";

/** One indicator's rule compiled for given settings: what is known is folded in, so a row costs only
 *  what depends on the entry. The env is reused from row to row (evaluation is synchronous). */
interface CompiledIndicator {
  indicator: Indicator;
  rule: IndicatorRule;
  depth: number;
  measure: Compiled;
  percent: Compiled;
  /** The status when the entry has no override (the override references folded away). */
  status: Compiled;
  /** The status with an override, compiled on first use. */
  statusWithOverride: Compiled | null;
  yoy: Compiled;
  known: KnownRefs;
  env: RuleEnv;
}

export interface CompiledPlan {
  rows: CompiledIndicator[];
  /** For each heading (by index): the indices of the rows it is judged from. */
  rollup: Map<number, number[]>;
  /** Headings in plan order. */
  headings: number[];
}

const compiledPlans = new WeakMap<Plan, Map<string, CompiledPlan>>();

function knownRefs(indicator: Indicator, settings: Settings): KnownRefs {
  return {
    target: indicator.target,
    targetMin: indicator.targetMin ?? null,
    targetMax: indicator.targetMax ?? null,
    deadline: indicator.deadlineYear,
    reportYear: settings.reportYear,
    tolerance: settings.approxTolerance,
  };
}

export function compileIndicator(indicator: Indicator, settings: Settings): CompiledIndicator {
  const rule = ruleOf(indicator);
  const known = knownRefs(indicator, settings);
  const build = (expr: Expr, extra: KnownRefs = {}): Compiled => compileExpr(specialize(expr, { ...known, ...extra }));
  return {
    indicator,
    rule,
    depth: depthOf(indicator.code),
    measure: build(rule.measure),
    percent: build(rule.percent),
    status: build(rule.status, { overrideStatus: null, overrideReason: null }),
    statusWithOverride: null,
    yoy: build(rule.yoy),
    known,
    env: newEnv(indicator, settings),
  };
}

/** The rows a heading is judged from: rows with a rule, reached from it through headings only. */
export function rollupOf(indicators: readonly Indicator[]): Map<number, number[]> {
  const indexByCode = new Map<string, number>();
  indicators.forEach((ind, i) => indexByCode.set(ind.code, i));
  const rollup = new Map<number, number[]>();
  indicators.forEach((ind, i) => {
    if (ind.comparator === null) {
      if (!rollup.has(i)) rollup.set(i, []);
      return;
    }
    let parent = parentCode(ind.code);
    while (parent !== null) {
      const p = indexByCode.get(parent);
      if (p === undefined || indicators[p].comparator !== null) break;
      const list = rollup.get(p);
      if (list) list.push(i);
      else rollup.set(p, [i]);
      parent = parentCode(parent);
    }
  });
  return rollup;
}

/** The compiled rules of a plan for the settings the rules read, built once per plan object and settings. */
export function compilePlan(plan: Plan, settings: Settings): CompiledPlan {
  let bySettings = compiledPlans.get(plan);
  if (!bySettings) compiledPlans.set(plan, (bySettings = new Map()));
  const key = `${settings.reportYear}|${settings.approxTolerance}`;
  let compiled = bySettings.get(key);
  if (!compiled) {
    const rows = plan.indicators.map((ind) => compileIndicator(ind, settings));
    const headings = rows.flatMap((row, i) => (row.rule.kind === "heading" ? [i] : []));
    compiled = { rows, rollup: rollupOf(plan.indicators), headings };
    bySettings.set(key, compiled);
  }
  return compiled;
}

function newEnv(indicator: Indicator, settings: Settings): RuleEnv {
  return {
    measure: null,
    actual: null,
    previous: null,
    target: indicator.target,
    targetMin: indicator.targetMin ?? null,
    targetMax: indicator.targetMax ?? null,
    deadline: indicator.deadlineYear,
    reportYear: settings.reportYear,
    tolerance: settings.approxTolerance,
    overrideStatus: null,
    overrideReason: null,
    childCount: 0,
    childVuot: 0,
    childDat: 0,
    childKhongDat: 0,
    childChuaCoSoLieu: 0,
    childChuaDenHan: 0,
    ruleStatus: null,
  };
}

export interface ChildCounts {
  total: number;
  byStatus: Record<Status, number>;
}

function countStatuses(statuses: readonly Status[]): ChildCounts {
  const byStatus: Record<Status, number> = { Vượt: 0, Đạt: 0, "Không đạt": 0, "Chưa có số liệu": 0, "Chưa đến hạn": 0 };
  for (const status of statuses) byStatus[status]++;
  return { total: statuses.length, byStatus };
}

function finiteOrNull(value: unknown): number | null {
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}

/** Evaluates one row with its compiled rule; a heading needs the statuses of the rows it is judged from. */
function evaluateRow(row: CompiledIndicator, entry: ActualEntry | undefined, settings: Settings, children: ChildCounts | null): Evaluation {
  const { indicator, rule, env } = row;
  env.actual = null;
  env.previous = null;
  env.overrideStatus = null;
  env.overrideReason = null;
  const read = readActual(entry?.raw ?? null, indicator.comparator);
  let actual: number | boolean | null = null;
  if (rule.kind === "boolean") {
    if (read.kind === "boolean") {
      actual = read.value;
      env.actual = read.value ? 1 : 0;
    }
  } else if (rule.kind === "number") {
    if (read.kind === "number") actual = env.actual = read.value;
  } else if (read.kind === "number" || read.kind === "boolean") {
    actual = read.value;
  }
  let previous: number | null = null;
  if (rule.kind === "number" && entry?.previous !== undefined) {
    const prev = readActual(entry.previous, indicator.comparator);
    if (prev.kind === "number") previous = env.previous = prev.value;
  }
  if (children) {
    env.childCount = children.total;
    env.childVuot = children.byStatus["Vượt"];
    env.childDat = children.byStatus["Đạt"];
    env.childKhongDat = children.byStatus["Không đạt"];
    env.childChuaCoSoLieu = children.byStatus["Chưa có số liệu"];
    env.childChuaDenHan = children.byStatus["Chưa đến hạn"];
  }
  env.measure = row.measure(env);
  const percent = finiteOrNull(row.percent(env));
  const computedStatus = row.status(env) as Status;
  let status = computedStatus;
  let override: Override | null = null;
  const wanted = entry?.override;
  if (wanted && isStatus(wanted.status) && typeof wanted.reason === "string") {
    env.overrideStatus = wanted.status;
    env.overrideReason = wanted.reason;
    row.statusWithOverride ??= compileExpr(specialize(rule.status, row.known));
    status = row.statusWithOverride(env) as Status;
    if (status === wanted.status && wanted.reason.trim().length > 0) override = { status: wanted.status, reason: wanted.reason.trim() };
  }
  return {
    code: indicator.code,
    indicator,
    actual,
    previous,
    percent,
    yoyPercent: finiteOrNull(row.yoy(env)),
    computedStatus,
    status,
    override,
    nearMiss: status === "Không đạt" && percent !== null && percent >= settings.amberBand * 100,
    depth: row.depth,
    fromChildren: rule.kind === "heading",
  };
}

/** One Evaluation per indicator, in plan order. When several entries share a code, the first counts. */
export function evaluatePlan(plan: Plan, entries: readonly ActualEntry[], settings: Settings): Evaluation[] {
  const compiled = compilePlan(plan, settings);
  const rows = compiled.rows;
  const entryOf = entryLookup(rows, entries);
  const out: Evaluation[] = new Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    if (rows[i].rule.kind !== "heading") out[i] = evaluateRow(rows[i], entryOf(i), settings, null);
  }
  for (const i of compiled.headings) {
    const from = compiled.rollup.get(i) ?? [];
    const counts = countStatuses(from.map((j) => out[j].status));
    out[i] = evaluateRow(rows[i], entryOf(i), settings, counts);
  }
  return out;
}

/** The entry of each row: by position when the entries follow the plan (hosts write them so), else by code. */
function entryLookup(rows: readonly CompiledIndicator[], entries: readonly ActualEntry[]): (i: number) => ActualEntry | undefined {
  let inPlanOrder = entries.length === rows.length;
  for (let i = 0; inPlanOrder && i < rows.length; i++) inPlanOrder = entries[i].code === rows[i].indicator.code;
  if (inPlanOrder) return (i) => entries[i];
  const byCode = new Map<string, ActualEntry>();
  for (const entry of entries) if (!byCode.has(entry.code)) byCode.set(entry.code, entry);
  return (i) => byCode.get(rows[i].indicator.code);
}

/** One indicator on its own; a heading is judged from `children` (the statuses of the rows under it). */
export function evaluateOne(indicator: Indicator, entry: ActualEntry | undefined, settings: Settings, children: readonly Status[] = []): Evaluation {
  const row = compileIndicator(indicator, settings);
  return evaluateRow(row, entry, settings, row.rule.kind === "heading" ? countStatuses(children) : null);
}
