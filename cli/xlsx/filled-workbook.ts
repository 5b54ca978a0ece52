// A filled workbook as the commands need it: the plan it was made from, the settings, the entered
// actuals read by the key column, and the layout problems. Anything that makes the file unusable
// is an XlsxFileError (exit 2); problems with the figures are findings (exit 1).
import { basename } from "node:path";
import type { ActualEntry, Finding, Lang, Plan, Settings } from "../../shared/model";
import { defaultSettings, SettingsSchema } from "../../shared/model";
import { validatePlan } from "../../shared/plan-io";
import { builtInPlans, findBuiltInPlan } from "../../shared/catalog";
import { t } from "../i18n";
import { recognisePlan, type TableRow } from "../../shared/plan-recognition";
import { readFillInSheet, type ReadLayout } from "../../shared/sheet/read-back";
import { figureDates } from "../../shared/period-figures";
import { planShape } from "../../shared/consolidation/register";
import { unusableLayout, unusableReason } from "../../shared/workflow/unit-file";
import type { Grid, XlsxBook } from "../../xlsx-reader/read";
import { readXlsxFile, XlsxFileError } from "./open";
import { INDICATOR_SHEET_KEY, METADATA_SHEET, PLAN_JSON_KEY, readMetadata } from "../../xlsx-reader/metadata";

export interface FilledWorkbook {
  file: string;
  plan: Plan;
  settings: Settings;
  metadata: Record<string, string>;
  sheet: string;
  entries: ActualEntry[];
  /** Layout problems found while reading (duplicate codes, rows missing …), as findings. */
  problems: Finding[];
  /** The unit named in the workbook, if any. */
  unit: string | null;
  /** The dates typed above the final and the estimate columns ("05/12/2026"), or null. */
  dates?: { final: string | null; estimate: string | null };
}

export interface ReadFilledOptions {
  /** A plan given on the command line wins over the one stored in the file. */
  plan?: Plan;
  /**
   * A consolidation against units' own targets: the stored plan is kept when it is the given plan
   * with other targets (same id and indicators), since those targets are the unit's assignment;
   * a stored plan of another id or shape still yields to the given one.
   */
  keepOwnTargets?: boolean;
  lang: Lang;
  /** Name shown in messages; the path's base name by default. */
  displayName?: string;
  /**
   * A unit's file in a consolidation: whether its sheet can be used is the core's one rule
   * (shared/workflow/unit-file.ts, as in Excel and Sheets), and the reason its words.
   */
  unitRule?: boolean;
}

export function readFilledWorkbook(path: string, options: ReadFilledOptions): FilledWorkbook {
  const file = options.displayName ?? basename(path);
  const book = withFileName(() => readXlsxFile(path), file);
  return withFileName(() => fromBook(book, file, options), file);
}

/** The stored plan when it is `given` with the unit's own targets, else `given`. */
function ownTargetsOf(metadata: Record<string, string>, given: Plan): Plan {
  let stored: Plan;
  try {
    stored = storedPlan(metadata);
  } catch {
    return given;
  }
  return stored.id === given.id && planShape(stored) === planShape(given) ? stored : given;
}

/** Gives every XlsxFileError the file's name, so each message names the file. */
function withFileName<T>(fn: () => T, file: string): T {
  try {
    return fn();
  } catch (error) {
    if (error instanceof XlsxFileError) throw new XlsxFileError(error.key, { ...error.params, file });
    throw error;
  }
}

function fromBook(book: XlsxBook, file: string, options: ReadFilledOptions): FilledWorkbook {
  const metaSheet = book.sheets.find((s) => s.name === METADATA_SHEET);
  const metadata = metaSheet ? readMetadata(book.grid(METADATA_SHEET)) : {};
  // A missing or broken plan is reported only once the file is known to hold an indicator sheet:
  // for a random workbook "no indicator sheet" is the message that helps.
  let plan: Plan | undefined = options.plan;
  let planProblem: XlsxFileError | null = null;
  if (plan && options.keepOwnTargets) plan = ownTargetsOf(metadata, plan);
  if (!plan) {
    try {
      plan = storedPlan(metadata);
    } catch (error) {
      if (!(error instanceof XlsxFileError)) throw error;
      planProblem = error;
    }
  }

  const preferred = metadata[INDICATOR_SHEET_KEY];
  const candidates = [
    ...book.sheets.filter((s) => s.name === preferred),
    ...book.sheets.filter((s) => s.name !== preferred && s.name !== METADATA_SHEET && s.state === "visible"),
  ];
  for (const sheet of candidates) {
    const grid: Grid = book.grid(sheet.name);
    let result = readFillInSheet(grid, sheet.name, { plan, lang: options.lang });
    if (!result.layout) {
      // No header row here; a missing key column on the sheet the workbook names is fatal though.
      if (sheet.name === preferred && result.problems.length > 0) throw unusable(file, sheet.name, result.problems, options.unitRule);
      continue;
    }
    const fatal = options.unitRule
      ? unusableLayout(result.problems)
      : result.problems.filter((p) => p.severity === "error" && p.rule.startsWith("layout-") && result.entries.length === 0);
    if (fatal.length > 0) throw unusable(file, sheet.name, fatal, options.unitRule);
    const recognisedNote: Finding[] = [];
    if (!plan) {
      // A damaged stored plan is its own message; only a missing one is looked for in the table.
      if (planProblem && planProblem.key !== "xlsx.no-plan") throw planProblem;
      // The hidden plan sheet is gone: a built-in plan is recognised from the table, exactly or not at all.
      plan = planFromTable(grid, result.layout);
      result = readFillInSheet(grid, sheet.name, { plan, lang: options.lang });
      recognisedNote.push({ severity: "warning", rule: "plan-recognised", code: null, sheet: sheet.name, message: t("xlsx.plan-recognised", { file, plan: plan.title, id: plan.id }, options.lang) });
    }
    return {
      file,
      plan,
      settings: storedSettings(metadata, plan),
      metadata,
      sheet: sheet.name,
      entries: result.entries,
      problems: [...recognisedNote, ...result.problems],
      unit: metadata.unit?.trim() || null,
      dates: figureDates(grid, result.layout),
    };
  }
  throw new XlsxFileError("xlsx.no-indicator-sheet");
}

/** The built-in plan this indicator table is, exactly; else the message that names the way forward. */
function planFromTable(grid: Grid, layout: ReadLayout): Plan {
  const codeCol = layout.columns.code;
  const nameCol = layout.columns.name;
  const rows: TableRow[] = [];
  if (codeCol !== undefined && nameCol !== undefined) {
    for (let r = layout.firstDataRow; r <= layout.lastDataRow; r++) {
      const code = grid[r]?.[codeCol];
      const name = grid[r]?.[nameCol];
      if ((typeof code === "string" || typeof code === "number") && typeof name === "string") rows.push({ code: String(code).trim(), name });
    }
  }
  const found = recognisePlan(rows, builtInPlans());
  if (found.kind === "recognised") return found.plan;
  if (found.closest) throw new XlsxFileError("xlsx.no-plan-closest", { plan: found.closest.plan.title, id: found.closest.plan.id, matched: found.closest.matched, rows: rows.length });
  throw new XlsxFileError("xlsx.no-plan");
}

function unusable(file: string, sheet: string, problems: Finding[], unitRule = false): XlsxFileError {
  const broken = unitRule ? unusableLayout(problems) : [];
  if (broken.length > 0) return new XlsxFileError("xlsx.unit-unusable", { file, sheet, reason: unusableReason(broken) });
  return new XlsxFileError("xlsx.layout-unusable", { file, sheet, detail: problems.map((p) => p.message).join("; ") });
}

/** Consolidation reads the same plan from every unit's file: parse and validate each text once. */
const planCache = new Map<string, Plan>();

function storedPlan(metadata: Record<string, string>): Plan {
  const json = metadata[PLAN_JSON_KEY];
  const cached = json ? planCache.get(json) : undefined;
  if (cached) return cached;
  if (json) {
    let data: unknown;
    try {
      data = JSON.parse(json);
    } catch (error) {
      throw new XlsxFileError("xlsx.plan-broken", { detail: (error as Error).message });
    }
    const result = validatePlan(data);
    if (!result.ok) throw new XlsxFileError("xlsx.plan-broken", { detail: result.problems.map((p) => p.message).join("; ") });
    if (planCache.size > 50) planCache.clear();
    planCache.set(json, result.plan);
    return result.plan;
  }
  const builtIn = metadata.planId ? findBuiltInPlan(metadata.planId) : undefined;
  if (builtIn) return builtIn;
  throw new XlsxFileError("xlsx.no-plan");
}

/** Settings already validated, by their stored text and year: a consolidation's units mostly carry the same. */
const settingsByText = new Map<string, Settings>();

function storedSettings(metadata: Record<string, string>, plan: Plan): Settings {
  const year = Number(metadata.year);
  const reportYear = Number.isInteger(year) && year >= 1900 && year <= 2200 ? year : plan.year;
  if (metadata.settings) {
    const key = `${reportYear}\u0000${metadata.settings}`;
    const known = settingsByText.get(key);
    if (known) return structuredClone(known);
    try {
      const parsed = SettingsSchema.safeParse({ ...JSON.parse(metadata.settings), reportYear });
      if (parsed.success) {
        if (settingsByText.size >= 256) settingsByText.clear();
        settingsByText.set(key, structuredClone(parsed.data));
        return parsed.data;
      }
    } catch {
      // Broken settings fall back to the defaults: they only tune thresholds.
    }
  }
  return defaultSettings(reportYear);
}
