// core.evaluate.ratio: evaluating, validating and summarising 100,000 entered rows, against a
// baseline that only reads the same rows (JSON.parse and one loop touching every field), both
// measured in the same run; the median of several runs each. Goal: ≤ 3.
//
// The rows are the five seed plans' indicators filled in by many units (as a city consolidating
// its wards would see them), with the actuals clerks type: numbers, Vietnamese number text,
// boolean words, blanks and the odd text or cell error.
import { builtInPlans } from "../shared/catalog";
import { evaluatePlan } from "../shared/evaluate";
import { defaultSettings, type ActualEntry, type Indicator, type Plan } from "../shared/model";
import { formatVietnameseNumber } from "../shared/numbers";
import { summarize } from "../shared/summary";
import { validateEntries } from "../shared/validate";
import type { BenchEntry } from "./run";

const ROWS = 100_000;
const RUNS = 7;

interface Row {
  unit: number;
  plan: string;
  code: string;
  raw: unknown;
  previous?: unknown;
  note?: string;
}

/** A fixed pseudo-random sequence, so every run measures the same rows. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function typedActual(ind: Indicator, next: () => number): unknown {
  const roll = next();
  if (roll < 0.05) return null;
  if (roll < 0.07) return "chưa có";
  if (roll < 0.08) return "#DIV/0!";
  if (ind.comparator === "boolean") return next() < 0.7 ? "Đạt" : "khong dat";
  const target = ind.target ?? ind.targetMin ?? 100;
  const value = Math.round(target * (0.7 + next() * 0.6) * 100) / 100;
  return roll < 0.2 ? formatVietnameseNumber(value) : value;
}

export function buildRows(count: number): string {
  const plans = builtInPlans();
  const next = random(20251122);
  const rows: Row[] = [];
  let unit = 0;
  while (rows.length < count) {
    const plan = plans[unit % plans.length];
    for (const ind of plan.indicators) {
      if (rows.length >= count) break;
      const row: Row = { unit, plan: plan.id, code: ind.code, raw: typedActual(ind, next) };
      if (next() < 0.3) row.previous = Math.round((ind.target ?? 50) * (0.8 + next() * 0.3) * 100) / 100;
      if (next() < 0.1) row.note = "Số liệu ước đến 30/11";
      rows.push(row);
    }
    unit++;
  }
  return JSON.stringify(rows);
}

/** Reading only: parse and touch every field once. */
function baseline(text: string): number {
  const rows = JSON.parse(text) as Row[];
  let touched = 0;
  for (const row of rows) {
    touched += row.unit + row.plan.length + row.code.length;
    if (row.raw !== null) touched++;
    if (row.previous !== undefined) touched++;
    if (row.note !== undefined) touched++;
  }
  return touched;
}

/** The real work: group by unit, evaluate, validate and summarise each unit's plan (or only evaluate). */
function measured(text: string, plansById: Map<string, Plan>, evaluateOnly = false): number {
  const rows = JSON.parse(text) as Row[];
  const settings = defaultSettings(2025);
  let work = 0;
  let start = 0;
  while (start < rows.length) {
    const unit = rows[start].unit;
    const plan = plansById.get(rows[start].plan) as Plan;
    const entries: ActualEntry[] = [];
    let end = start;
    for (; end < rows.length && rows[end].unit === unit; end++) {
      const row = rows[end];
      entries.push({ code: row.code, raw: row.raw, previous: row.previous, note: row.note ?? null });
    }
    const evaluations = evaluatePlan(plan, entries, settings);
    if (evaluateOnly) {
      work += evaluations.length;
      start = end;
      continue;
    }
    const findings = validateEntries(plan, entries, settings);
    const summary = summarize(plan, evaluations, settings);
    work += evaluations.length + findings.length + summary.sentence.length;
    start = end;
  }
  return work;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function time(fn: () => number): number {
  const start = process.hrtime.bigint();
  const result = fn();
  const elapsed = Number(process.hrtime.bigint() - start) / 1e6;
  if (result < 0) throw new Error("unreachable");
  return elapsed;
}

export async function entries(): Promise<BenchEntry[]> {
  const text = buildRows(ROWS);
  const plansById = new Map(builtInPlans().map((p) => [p.id, p]));
  // Warm up both paths so the JIT has compiled them before measuring.
  baseline(text);
  measured(text, plansById);
  const base: number[] = [];
  const work: number[] = [];
  const evaluateOnly: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    base.push(time(() => baseline(text)));
    work.push(time(() => measured(text, plansById)));
    evaluateOnly.push(time(() => measured(text, plansById, true)));
  }
  return [
    { name: "core.evaluate.ratio", size: ROWS, value: median(work) / median(base), unit: "ratio", goal: 3 },
    // The evaluation's own share, so a change in it shows apart from validation and the summary.
    { name: "core.evaluate-only.ratio", size: ROWS, value: median(evaluateOnly) / median(base), unit: "ratio" },
  ];
}
