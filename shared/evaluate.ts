// Completion % and status of every indicator of a plan, from the rules of shared/rules/comparators.ts
// (the same rules the fill-in sheet's formulas are printed from). Actuals are read with readActual;
// what cannot be read (text, cell errors, impossible numbers) evaluates as "Chưa có số liệu" with a
// null actual, and validation reports it.
//
// The figure judged is the one typed in "Thực hiện" (the final figure), or, while that cell is blank,
// the estimate ("Số ước thực hiện"), as the sheet's formulas do. In a partial period (Settings.period)
// the rules give the progress labels of shared/period.ts; `status` then holds the status each counts
// as and `label` what the sheet shows.
import { plainNumber, readActual } from "./actual";
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
import { periodOf, progressShareOf, statusOfLabel } from "./period";
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

function knownRefs(indicator: Indicator, settings: Settings): Pick<RuleEnv, "target" | "targetMin" | "targetMax" | "deadline" | "reportYear" | "tolerance" | "share"> {
  return {
    share: progressShareOf(settings),
    target: indicator.target,
    targetMin: indicator.targetMin ?? null,
    targetMax: indicator.targetMax ?? null,
    deadline: indicator.deadlineYear,
    reportYear: settings.reportYear,
    tolerance: settings.approxTolerance,
  };
}

export function compileIndicator(indicator: Indicator, settings: Settings): CompiledIndicator {
  return compileWith(indicator, settings, knownRefs(indicator, settings));
}

/** The indicator's rule compiled with `known` refs folded in (all of them, or all but its targets). */
function compileWith(indicator: Indicator, settings: Settings, known: KnownRefs): CompiledIndicator {
  const rule = ruleOf(indicator, periodOf(settings));
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

/**
 * Rows compiled once per indicator content and settings, shared by every plan object holding an equal
 * indicator: each unit's plan (planForUnit, or the plan a unit's file carries) differs from the
 * office's in a few targets, so the whole plan is never compiled again for a unit. A row whose
 * indicator is seen with a second set of targets is compiled once more with its targets left open
 * (read from the row's env, not folded in), and that rule serves every other target: thousands of
 * units with their own targets compile each indicator at most twice. Compiled functions are shared
 * (evaluation is synchronous); each row keeps its own plan's indicator (and, when open, its env).
 * Bounded: past ROW_CACHE_LIMIT entries the caches start again.
 */
const sharedRows = new Map<string, CompiledIndicator>();
const openRows = new Map<string, CompiledIndicator | null>();
const ROW_CACHE_LIMIT = 20_000;
const TARGET_REFS = ["target", "targetMin", "targetMax"] as const;

function openRow(indicator: Indicator, settings: Settings): CompiledIndicator {
  const known: KnownRefs = { ...knownRefs(indicator, settings) };
  for (const ref of TARGET_REFS) delete known[ref];
  return compileWith(indicator, settings, known);
}

/** An indicator's content as a key, once per object (planForUnit keeps the rows it does not change). */
const contentKeys = new WeakMap<Indicator, string>();
function contentKey(indicator: Indicator): string {
  let key = contentKeys.get(indicator);
  if (key === undefined) contentKeys.set(indicator, (key = JSON.stringify(indicator)));
  return key;
}

function sharedRow(indicator: Indicator, settings: Settings, settingsKey: string): CompiledIndicator {
  const key = `${settingsKey}\u0001${contentKey(indicator)}`;
  const cached = sharedRows.get(key);
  if (cached) return cached.indicator === indicator ? cached : { ...cached, indicator, statusWithOverride: null };
  if (sharedRows.size >= ROW_CACHE_LIMIT || openRows.size >= ROW_CACHE_LIMIT) {
    sharedRows.clear();
    openRows.clear();
  }
  const shapeKey = `${settingsKey}\u0001${JSON.stringify({ ...indicator, target: undefined, targetMin: undefined, targetMax: undefined })}`;
  const open = openRows.get(shapeKey);
  if (open === undefined) {
    // First targets seen for this indicator: the folded rule, the fastest to run.
    openRows.set(shapeKey, null);
    const row = compileIndicator(indicator, settings);
    sharedRows.set(key, row);
    return row;
  }
  const rule = open ?? openRow(indicator, settings);
  if (open === null) openRows.set(shapeKey, rule);
  return { ...rule, indicator, statusWithOverride: null, env: newEnv(indicator, settings) };
}

/** The compiled rules of a plan for the settings the rules read, built once per plan object and settings. */
export function compilePlan(plan: Plan, settings: Settings): CompiledPlan {
  let bySettings = compiledPlans.get(plan);
  if (!bySettings) compiledPlans.set(plan, (bySettings = new Map()));
  const key = `${settings.reportYear}|${settings.approxTolerance}|${periodOf(settings)}|${progressShareOf(settings)}`;
  let compiled = bySettings.get(key);
  if (!compiled) {
    const rows = plan.indicators.map((ind) => sharedRow(ind, settings, key));
    const headings = rows.flatMap((row, i) => (row.rule.kind === "heading" ? [i] : []));
    compiled = { rows, rollup: rollupOf(plan.indicators), headings };
    bySettings.set(key, compiled);
  }
  return compiled;
}

function newEnv(indicator: Indicator, settings: Settings): RuleEnv {
  return {
    ...knownRefs(indicator, settings),
    measure: null,
    actual: null,
    previous: null,
    overrideStatus: null,
    overrideReason: null,
    childCount: 0,
    childVuot: 0,
    childDat: 0,
    childKhongDat: 0,
    childChuaCoSoLieu: 0,
    childChuaDenHan: 0,
    childDatTienDo: 0,
    childChamTienDo: 0,
    childChuaDenKy: 0,
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

/** Evaluates one row with its compiled rule; a heading needs the statuses of the rows it is judged
 *  from, already counted into its env (childCount…) when `judgedFromChildren`. */
function evaluateRow(row: CompiledIndicator, entry: ActualEntry | undefined, settings: Settings): Evaluation {
  const { indicator, rule, env } = row;
  const comparator = indicator.comparator;
  env.actual = null;
  env.previous = null;
  env.overrideStatus = null;
  env.overrideReason = null;
  const raw = entry === undefined ? null : judgedRaw(entry);
  let actual: number | boolean | null = null;
  // A plain number cell needs no reading built (the common case); anything else is read in full.
  const plain = typeof raw === "number" ? plainNumber(raw, comparator) : null;
  if (plain !== null) {
    if (rule.kind === "number") actual = env.actual = plain;
    else if (rule.kind === "heading") actual = plain;
  } else {
    const read = readActual(raw, comparator);
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
  }
  let previous: number | null = null;
  if (rule.kind === "number" && entry !== undefined && entry.previous !== undefined) {
    const raw = entry.previous;
    const plainPrevious = typeof raw === "number" ? plainNumber(raw, comparator) : null;
    if (plainPrevious !== null) previous = env.previous = plainPrevious;
    else {
      const prev = readActual(raw, comparator);
      if (prev.kind === "number") previous = env.previous = prev.value;
    }
  }
  const measure = row.measure(env);
  env.measure = measure;
  const percentValue = row.percent(env);
  const percent = typeof percentValue === "number" && Number.isFinite(percentValue) ? percentValue : null;
  const computedLabel = row.status(env) as string;
  let label = computedLabel;
  let override: Override | null = null;
  const wanted = entry?.override;
  if (wanted && isStatus(wanted.status) && typeof wanted.reason === "string") {
    env.overrideStatus = wanted.status;
    env.overrideReason = wanted.reason;
    row.statusWithOverride ??= compileExpr(specialize(rule.status, row.known));
    label = row.statusWithOverride(env) as string;
    if (label === wanted.status && wanted.reason.trim().length > 0) override = { status: wanted.status, reason: wanted.reason.trim() };
  }
  const computedStatus = statusOfLabel(computedLabel);
  const status = statusOfLabel(label);
  const yoy = row.yoy(env);
  return {
    code: indicator.code,
    indicator,
    actual,
    previous,
    percent,
    yoyPercent: typeof yoy === "number" && Number.isFinite(yoy) ? yoy : null,
    computedStatus,
    status,
    override,
    nearMiss: label === "Không đạt" && percent !== null && percent >= settings.amberBand * 100,
    depth: row.depth,
    fromChildren: rule.kind === "heading",
    label,
  };
}

function setChildCounts(env: RuleEnv, children: ChildCounts): void {
  env.childCount = children.total;
  env.childVuot = children.byStatus["Vượt"];
  env.childDat = children.byStatus["Đạt"];
  env.childKhongDat = children.byStatus["Không đạt"];
  env.childChuaCoSoLieu = children.byStatus["Chưa có số liệu"];
  env.childChuaDenHan = children.byStatus["Chưa đến hạn"];
}

function isBlank(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === "string" && value.trim().length === 0);
}

/** The final figure when typed, else the estimate (the sheet's helper column does the same). */
export function judgedRaw(entry: ActualEntry): unknown {
  if (!isBlank(entry.raw) || entry.estimate === undefined) return entry.raw ?? null;
  return isBlank(entry.estimate) ? null : entry.estimate;
}

/** Counts the statuses of the rows a heading is judged from straight into its env. */
function countChildren(env: RuleEnv, from: readonly number[], out: readonly Evaluation[]): void {
  let vuot = 0;
  let dat = 0;
  let khongDat = 0;
  let noData = 0;
  let notDue = 0;
  let onTrack = 0;
  let behind = 0;
  let notYet = 0;
  for (const j of from) {
    const status = out[j].label ?? out[j].status;
    if (status === "Vượt") vuot++;
    else if (status === "Đạt") dat++;
    else if (status === "Không đạt") khongDat++;
    else if (status === "Chưa có số liệu") noData++;
    else if (status === "Chưa đến hạn") notDue++;
    else if (status === "Đạt tiến độ") onTrack++;
    else if (status === "Chậm tiến độ") behind++;
    else if (status === "Chưa đến kỳ đánh giá") notYet++;
  }
  env.childCount = from.length;
  env.childVuot = vuot;
  env.childDat = dat;
  env.childKhongDat = khongDat;
  env.childChuaCoSoLieu = noData;
  env.childChuaDenHan = notDue;
  env.childDatTienDo = onTrack;
  env.childChamTienDo = behind;
  env.childChuaDenKy = notYet;
}

/** One Evaluation per indicator, in plan order. When several entries share a code, the first counts. */
export function evaluatePlan(plan: Plan, entries: readonly ActualEntry[], settings: Settings): Evaluation[] {
  const compiled = compilePlan(plan, settings);
  const rows = compiled.rows;
  const n = rows.length;
  // The entry of each row: by position when the entries follow the plan (hosts write them so), else by code.
  let inPlanOrder = entries.length === n;
  for (let i = 0; inPlanOrder && i < n; i++) inPlanOrder = entries[i].code === rows[i].indicator.code;
  let byCode: Map<string, ActualEntry> | null = null;
  if (!inPlanOrder) {
    byCode = new Map();
    for (const entry of entries) if (!byCode.has(entry.code)) byCode.set(entry.code, entry);
  }
  const out: Evaluation[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const row = rows[i];
    if (row.rule.kind !== "heading") out[i] = evaluateRow(row, byCode === null ? entries[i] : byCode.get(row.indicator.code), settings);
  }
  for (const i of compiled.headings) {
    const row = rows[i];
    countChildren(row.env, compiled.rollup.get(i) ?? [], out);
    out[i] = evaluateRow(row, byCode === null ? entries[i] : byCode.get(row.indicator.code), settings);
  }
  return out;
}

/** One indicator on its own; a heading is judged from `children` (the statuses of the rows under it). */
export function evaluateOne(indicator: Indicator, entry: ActualEntry | undefined, settings: Settings, children: readonly Status[] = []): Evaluation {
  const row = compileIndicator(indicator, settings);
  if (row.rule.kind === "heading") setChildCounts(row.env, countStatuses(children));
  return evaluateRow(row, entry, settings);
}
