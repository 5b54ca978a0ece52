// The assignment table (giao chỉ tiêu): the city's plan gives city-wide targets and the city gives
// each unit its own share. One row per unit, one column per indicator code, the unit's target in
// the cell; a blank cell means the plan's target. An optional "Cụm/Khối" column names the unit's
// emulation group (cụm, khối thi đua), which the scoring ranks separately.
//
// Reading is pure (a grid in, the table and one problem per bad cell out) so the CLI, both add-ins
// and the workflow layer read the same way. Rules:
// - The header row is the first row holding a unit column ("Đơn vị", "Tên đơn vị", "Unit") and at
//   least one cell that looks like an indicator code ("1", "4.1"). Rows above it (names, units and
//   the plan's targets in the blank form) are for the person filling it in and are not read.
// - Codes typed as numbers are read as the number's text (4.1 → "4.1"); a header that is not a code
//   of the plan is an error, and so is a code whose indicator has no single number to assign
//   (a heading, a yes/no indicator, a range).
// - A target must be a number ≥ 0. Text is refused even when it reads as a number ("8,5" typed as
//   text): the message says which number it reads as, so the fix is one retype.
// - A unit named twice (ignoring case, diacritics and spacing) is an error naming both rows.
import { foldDiacritics } from "../actual";
import { t } from "../i18n";
import type { Indicator, Lang, Plan } from "../model";
import { parseNumber } from "../numbers";
import { cellA1 } from "../sheet/a1";

export interface UnitAssignment {
  /** The unit's name exactly as written (NFC, trimmed). */
  unit: string;
  /** The emulation group (cụm/khối), when the table has that column. */
  group: string | null;
  /** Spreadsheet row (1-based), for messages. */
  row: number;
  /** Code → the unit's own target; codes left blank are absent (the plan's target applies). */
  targets: Record<string, number>;
}

export interface AssignmentTable {
  planId: string;
  /** Codes of the columns, in order. */
  codes: string[];
  units: UnitAssignment[];
}

export type AssignmentRule =
  | "no-header"
  | "code-not-in-plan"
  | "code-has-no-target"
  | "code-twice"
  | "unit-twice"
  | "unit-missing"
  | "target-text"
  | "target-negative"
  | "target-not-number"
  | "no-units";

export interface AssignmentProblem {
  rule: AssignmentRule;
  /** A1 reference of the cell, with the sheet when known ("Giao chỉ tiêu!D9"). */
  cell: string | null;
  message: string;
}

export interface AssignmentReadResult {
  table: AssignmentTable | null;
  problems: AssignmentProblem[];
}

const CODE = /^\d+(\.\d+)*$/;
const UNIT_HEADERS = new Set(["don vi", "ten don vi", "unit", "unit name", "co quan, don vi", "co quan don vi"]);
const GROUP_HEADERS = new Set(["cum", "khoi", "cum/khoi", "cum, khoi", "cum khoi", "cum thi dua", "khoi thi dua", "cum/khoi thi dua", "group"]);
const IGNORED_HEADERS = new Set(["stt", "tt", "no", "no.", "ghi chu", "note", "notes"]);

/** Abbreviations of administrative levels as offices write them ("P. Đông Hải", "TT.Núi Đèo"). */
const LEVEL_ABBREVIATIONS: Record<string, string> = { p: "phuong", x: "xa", tt: "thi tran", q: "quan", h: "huyen", tp: "thanh pho", tx: "thi xa" };

/**
 * The form two unit names are compared by: case, diacritics and spacing ignored, the people's
 * committee prefix dropped ("UBND phường Đông Hải", "Ủy ban nhân dân phường Đông Hải" are
 * "Phường Đông Hải") and level abbreviations written out ("P. Đông Hải").
 */
export function unitKey(name: string): string {
  let key = unitKeys.get(name);
  if (key === undefined) {
    key = computeUnitKey(name);
    if (unitKeys.size > 50_000) unitKeys.clear();
    unitKeys.set(name, key);
  }
  return key;
}

/** Unit names are compared many times over (register, scoring, groups): each is folded once. */
const unitKeys = new Map<string, string>();

function computeUnitKey(name: string): string {
  return foldDiacritics(name.normalize("NFC"))
    .replace(/[.,;:]+$/, "")
    .replace(/^(?:ubnd|uy ban nhan dan)\s+/, "")
    .replace(/^(p|x|tt|q|h|tp|tx)\.\s*/, (_, abbr: string) => `${LEVEL_ABBREVIATIONS[abbr]} `)
    .trim();
}

function text(value: unknown): string | null {
  if (typeof value === "string") return value.normalize("NFC").replace(/\s+/g, " ").trim();
  return null;
}

/** A header cell as a code: "4.1", 4.1 (typed as a number) or "Mã 4.1"; null if it is not one. */
function headerCode(value: unknown): string | null {
  if (typeof value === "number" && Number.isFinite(value) && value > 0) return String(value);
  const s = text(value);
  if (s === null) return null;
  const stripped = s.replace(/^(mã|ma|code)\s*/i, "");
  return CODE.test(stripped) ? stripped : null;
}

/** Whether an assignment may set the indicator's target: it has one number (not a heading, a yes/no
 *  indicator or a range). */
export function isAssignable(indicator: Indicator): boolean {
  return indicator.comparator !== null && indicator.comparator !== "boolean" && indicator.comparator !== "range";
}

/** The plan's indicators an assignment table has columns for, in plan order. */
export function assignableIndicators(plan: Plan): Indicator[] {
  return plan.indicators.filter(isAssignable);
}

function isBlank(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === "string" && value.trim() === "");
}

export interface ReadAssignmentOptions {
  sheet?: string;
  lang?: Lang;
}

/** Reads an assignment table from a grid of cell values (rows of the sheet, 0-based). */
export function readAssignmentTable(grid: readonly (readonly unknown[] | undefined)[], plan: Plan, options: ReadAssignmentOptions = {}): AssignmentReadResult {
  const lang = options.lang ?? "vi";
  const where = (row: number, col: number) => (options.sheet ? `${options.sheet}!${cellA1(row, col)}` : cellA1(row, col));
  const problems: AssignmentProblem[] = [];
  const problem = (rule: AssignmentRule, row: number | null, col: number | null, params: Record<string, string | number>) => {
    const cell = row === null || col === null ? null : where(row, col);
    problems.push({ rule, cell, message: t(`assignment.${rule}`, { cell: cell ?? "", ...params }, lang) });
  };

  let headerRow = -1;
  let unitCol = -1;
  for (let r = 0; r < grid.length && headerRow < 0; r++) {
    const row = grid[r] ?? [];
    const u = row.findIndex((v) => {
      const s = text(v);
      return s !== null && UNIT_HEADERS.has(foldDiacritics(s));
    });
    if (u >= 0 && row.some((v, c) => c !== u && headerCode(v) !== null)) {
      headerRow = r;
      unitCol = u;
    }
  }
  if (headerRow < 0) {
    problem("no-header", null, null, { sheet: options.sheet ? ` "${options.sheet}"` : "" });
    return { table: null, problems };
  }

  const byCode = new Map(plan.indicators.map((ind) => [ind.code, ind]));
  const header = grid[headerRow] ?? [];
  let groupCol = -1;
  const columns: { col: number; code: string }[] = [];
  const seenCodes = new Map<string, number>();
  header.forEach((value, col) => {
    if (col === unitCol || isBlank(value)) return;
    const s = text(value);
    const folded = s === null ? "" : foldDiacritics(s);
    if (s !== null && GROUP_HEADERS.has(folded)) {
      groupCol = col;
      return;
    }
    if (s !== null && IGNORED_HEADERS.has(folded)) return;
    const code = headerCode(value);
    if (code === null || !byCode.has(code)) {
      problem("code-not-in-plan", headerRow, col, { code: code ?? String(value), plan: plan.id });
      return;
    }
    const indicator = byCode.get(code) as Indicator;
    if (!isAssignable(indicator)) {
      problem("code-has-no-target", headerRow, col, { code, name: indicator.name });
      return;
    }
    const first = seenCodes.get(code);
    if (first !== undefined) {
      problem("code-twice", headerRow, col, { code, first: where(headerRow, first) });
      return;
    }
    seenCodes.set(code, col);
    columns.push({ col, code });
  });

  const units: UnitAssignment[] = [];
  const seenUnits = new Map<string, number>();
  for (let r = headerRow + 1; r < grid.length; r++) {
    const row = grid[r] ?? [];
    const name = text(row[unitCol]) ?? (typeof row[unitCol] === "number" ? String(row[unitCol]) : null);
    const hasTargets = columns.some(({ col }) => !isBlank(row[col]));
    if (!name) {
      if (hasTargets) problem("unit-missing", r, unitCol, {});
      continue;
    }
    const key = unitKey(name);
    const firstRow = seenUnits.get(key);
    if (firstRow !== undefined) {
      problem("unit-twice", r, unitCol, { unit: name, first: where(firstRow, unitCol) });
      continue;
    }
    seenUnits.set(key, r);
    const targets: Record<string, number> = {};
    for (const { col, code } of columns) {
      const value = row[col];
      if (isBlank(value)) continue;
      if (typeof value === "number" && Number.isFinite(value)) {
        if (value < 0) problem("target-negative", r, col, { unit: name, code, value: String(value).replace(".", lang === "vi" ? "," : ".") });
        else targets[code] = value;
        continue;
      }
      const s = text(value);
      const reads = s !== null ? parseNumber(s) : null;
      if (s !== null && reads !== null) problem("target-text", r, col, { unit: name, code, value: s });
      else problem("target-not-number", r, col, { unit: name, code, value: s ?? describe(value) });
    }
    const groupText = groupCol >= 0 ? (text(row[groupCol]) ?? (typeof row[groupCol] === "number" ? String(row[groupCol]) : null)) : null;
    units.push({ unit: name, group: groupText || null, row: r + 1, targets });
  }
  if (units.length === 0 && problems.length === 0) problem("no-units", headerRow, unitCol, {});
  return { table: { planId: plan.id, codes: columns.map((c) => c.code), units }, problems };
}

function describe(value: unknown): string {
  if (value && typeof value === "object" && "error" in value) return String((value as { error: unknown }).error);
  return String(value);
}

/** The plan as one unit receives it: the same indicators, its own targets where it has them. */
export function planForUnit(plan: Plan, assignment: Pick<UnitAssignment, "targets">): Plan {
  const targets = assignment.targets;
  if (Object.keys(targets).length === 0) return plan;
  return {
    ...plan,
    indicators: plan.indicators.map((ind) => (Object.prototype.hasOwnProperty.call(targets, ind.code) ? { ...ind, target: targets[ind.code] as number } : ind)),
  };
}

/** Codes whose target differs between two versions of a unit's plan (e.g. the file it sent and the
 *  plan its assignment gives it): a file made before the assignment changed. */
export function differingTargets(sent: Plan, expected: Plan): string[] {
  const byCode = new Map(expected.indicators.map((ind) => [ind.code, ind]));
  const same = (a: number | null | undefined, b: number | null | undefined) =>
    a === b || (typeof a === "number" && typeof b === "number" && Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b)));
  return sent.indicators
    .filter((ind) => {
      const other = byCode.get(ind.code);
      return other !== undefined && !(same(ind.target, other.target) && same(ind.targetMin, other.targetMin) && same(ind.targetMax, other.targetMax));
    })
    .map((ind) => ind.code);
}
