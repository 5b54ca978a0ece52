// One unit's workbook as a consolidation reads it: the file read, its figures evaluated and checked,
// or why it cannot be used. The same function runs on the main thread (few files, or
// CHITIEU_WORKERS=0) and in the reading workers (unit-worker.ts), so both paths read alike; what
// crosses between threads is plain structured-cloneable data, with each plan sent once per thread
// (unit-read-parallel.ts puts the shared plan objects back, as the sequential reader's plan cache has them).
import { createHash } from "node:crypto";
import { readFileSync, statSync } from "node:fs";
import type { UnitInput } from "../../shared/consolidate";
import { evaluatePlan } from "../../shared/evaluate";
import type { ActualEntry, Evaluation, Indicator, Lang, Plan, Settings } from "../../shared/model";
import { validateEntries } from "../../shared/validate";
import { localIsoDate } from "../../shared/workflow/units";
import { findingsOf } from "../../shared/workflow/findings";
import { fileProblemMessage } from "./files";
import { readFilledWorkbook } from "./filled-workbook";
import { XlsxFileError } from "./open";

/**
 * How the files are read. "units": `summary`'s and `report`'s consolidation (the plan given wins,
 * the core's findings, the unit named by its file when the workbook names none). "register":
 * `summary --expected/--deadline/--scoring` (the unit's own targets kept, the file's date and
 * SHA-256, its entries and settings for judging again against the assignment).
 */
export interface UnitReadJob {
  mode: "units" | "register";
  lang: Lang;
  /** The plan given on the command line (`--plan`), if any. */
  plan?: Plan;
  /** Laid over each unit's stored settings ({ lang }, and `report --period`'s period). */
  settings: Partial<Settings>;
}

/** One file as read: usable (with `errors` error findings) or not (with the reason). */
export type UnitRead =
  | { ok: true; input: UnitInput; settings: Settings; errors: number; entries?: ActualEntry[]; date?: string | null; sha256?: string | null }
  | { ok: false; reason: string; date?: string | null; sha256?: string | null };

/** "phuong-dong-hai.xlsx" → "phuong-dong-hai": the unit's name when the workbook names none. */
export function unitNameFromFile(file: string): string {
  return (file.split(/[\\/]/).pop() ?? file).replace(/\.xlsx$/i, "");
}

function fileFacts(path: string): { date: string | null; sha256: string | null } {
  try {
    const date = localIsoDate(statSync(path).mtime);
    return { date, sha256: createHash("sha256").update(readFileSync(path)).digest("hex") };
  } catch {
    return { date: null, sha256: null };
  }
}

/** Reads one unit's file (`path` absolute, `file` as the user named it). Throws only what is not the file's fault. */
export function readUnitFile(path: string, file: string, job: UnitReadJob): UnitRead {
  const register = job.mode === "register";
  const facts = register ? fileFacts(path) : {};
  try {
    const filled = readFilledWorkbook(path, { plan: job.plan, lang: job.lang, displayName: file, unitRule: true, ...(register ? { keepOwnTargets: true } : {}) });
    const settings: Settings = { ...filled.settings, ...job.settings };
    const evaluations = evaluatePlan(filled.plan, filled.entries, settings);
    const findings = register ? [...filled.problems, ...validateEntries(filled.plan, filled.entries, settings)] : findingsOf(filled.plan, filled, settings);
    const unit = filled.unit ?? (register ? "" : unitNameFromFile(file));
    let errors = 0;
    for (const f of findings) if (f.severity === "error") errors++;
    // Only the register judges the figures again (against the assignment): its reads keep the entries.
    return { ok: true, input: { unit, file, plan: filled.plan, evaluations, findings }, settings, errors, ...(register ? { entries: filled.entries } : {}), ...facts };
  } catch (error) {
    if (!(error instanceof XlsxFileError)) throw error;
    return { ok: false, reason: fileProblemMessage(error, job.lang), ...facts };
  }
}

/** A read as it crosses threads: the plan by its number in the thread's list, each evaluation's indicator by its row. */
export type WireRead =
  | (Omit<Extract<UnitRead, { ok: true }>, "input"> & { input: Omit<UnitInput, "plan" | "evaluations"> & { plan: number; evaluations: WireEvaluation[] } })
  | Extract<UnitRead, { ok: false }>;

type WireEvaluation = Omit<Evaluation, "indicator"> & { indicator: number | Indicator };

/** The sending side: numbers the plans it has seen (new ones go in `newPlans`, sent with the reads). */
export class PlanNumbering {
  private readonly numbers = new Map<Plan, number>();
  private readonly rows = new Map<Plan, Map<Indicator, number>>();
  newPlans: Plan[] = [];

  encode(read: UnitRead): WireRead {
    if (!read.ok) return read;
    const plan = read.input.plan;
    let number = this.numbers.get(plan);
    let rows = this.rows.get(plan);
    if (number === undefined || rows === undefined) {
      number = this.numbers.size;
      this.numbers.set(plan, number);
      rows = new Map(plan.indicators.map((ind, i) => [ind, i]));
      this.rows.set(plan, rows);
      this.newPlans.push(plan);
    }
    const known = rows;
    const evaluations = read.input.evaluations.map((e) => ({ ...e, indicator: known.get(e.indicator) ?? e.indicator }));
    return { ...read, input: { ...read.input, plan: number, evaluations } };
  }

  takeNewPlans(): Plan[] {
    const plans = this.newPlans;
    this.newPlans = [];
    return plans;
  }
}

/**
 * The receiving side, one per sending thread: its plans by number, each the one object of equal
 * plans across threads (`canonical`, keyed by the plan's JSON), so every unit of one plan shares it.
 */
export class PlanDecoding {
  private readonly plans: Plan[] = [];

  constructor(private readonly canonical: Map<string, Plan>) {}

  addPlans(plans: readonly Plan[]): void {
    for (const plan of plans) {
      const key = JSON.stringify(plan);
      let shared = this.canonical.get(key);
      if (!shared) this.canonical.set(key, (shared = plan));
      this.plans.push(shared);
    }
  }

  decode(read: WireRead): UnitRead {
    if (!read.ok) return read;
    const plan = this.plans[read.input.plan];
    if (!plan) throw new Error(`unit reading: plan ${read.input.plan} was never sent`);
    // The received copy is this side's own: its evaluations take the shared plan's rows in place.
    const evaluations = read.input.evaluations as unknown as Evaluation[];
    for (const e of read.input.evaluations) if (typeof e.indicator === "number") (e as unknown as Evaluation).indicator = plan.indicators[e.indicator];
    return { ...read, input: { ...read.input, plan, evaluations } };
  }
}
