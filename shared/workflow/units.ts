// The units' work of the office that consolidates ("Đơn vị" tab), for both add-ins and the CLI's
// rules: the blank assignment form written into the document, and the consolidation of the units'
// files with the register of who reported (expected units, deadline), each unit judged against its
// own targets (the assignment sheet), and the points (the scoring sheet, else the defaults).
// Everything is decided here from what the host read; the host reads the document's assignment and
// scoring sheets by name with its other reads, dates and hashes the files, and applies the Outcome.
import { consolidationInputOf, type UnitReading } from "./consolidate";
import { planForUnit, readAssignmentTable, unitKey, type AssignmentTable, type UnitAssignment } from "../consolidation/assignment";
import { consolidateReports } from "../consolidation/pipeline";
import { DEADLINE, showDate, type ReceivedReport, type RegisterRow, type RegisterStatus, type UnitRegister } from "../consolidation/register";
import { DEFAULT_SCORING, type ScoringRules } from "../consolidation/scoring";
import { readScoringSheet } from "../consolidation/scoring-sheet";
import { readUnitListText, type ExpectedUnit } from "../consolidation/unit-list";
import { t } from "../i18n";
import type { Lang, Plan } from "../model";
import { ASSIGNMENT_SHEET, buildAssignmentWorkbook } from "../sheet/assignment-sheet";
import { buildConsolidationWorkbook } from "../sheet/consolidation-sheet";
import { buildRankingSheet } from "../sheet/ranking-sheet";
import { buildRegisterSheet } from "../sheet/register-sheet";
import type { WorkbookModel } from "../sheet/types";
import { done, refused, type DocumentInfo, type Outcome, type UserMessage } from "./outcome";
import { say } from "./say";
import { assignableIndicators } from "../consolidation/assignment";

/** The scoring sheet the consolidation reads from the document, when there is one. */
export const SCORING_SHEET = { vi: "Chấm điểm", en: "Scoring" } as const;

/** The names of the document's sheets the units' commands read (any case): the host reads these, when present, in its one read. */
export const UNITS_INPUT_SHEETS: readonly string[] = [ASSIGNMENT_SHEET.vi, ASSIGNMENT_SHEET.en, SCORING_SHEET.vi, SCORING_SHEET.en];

export interface GridSheet {
  name: string;
  grid: readonly (readonly unknown[])[];
}

export interface UnitsInput {
  document: DocumentInfo | null;
  /** The document's sheets among UNITS_INPUT_SHEETS that exist, with their values. */
  sheets: readonly GridSheet[];
}

function sheetNamed(sheets: readonly GridSheet[], names: readonly string[]): GridSheet | null {
  const wanted = names.map((n) => n.toLowerCase());
  return sheets.find((s) => wanted.includes(s.name.toLowerCase())) ?? null;
}

const assignmentSheetOf = (sheets: readonly GridSheet[]) => sheetNamed(sheets, [ASSIGNMENT_SHEET.vi, ASSIGNMENT_SHEET.en]);
const scoringSheetOf = (sheets: readonly GridSheet[]) => sheetNamed(sheets, [SCORING_SHEET.vi, SCORING_SHEET.en]);

export interface AssignmentFormReport {
  sheet: string;
  codes: number;
}

/**
 * "Tạo mẫu giao chỉ tiêu": the blank assignment form of the loaded plan as a sheet of the document.
 * An assignment sheet that already lists units is never overwritten (what the office typed is kept).
 */
export function assignmentFormCommand(input: UnitsInput, lang: Lang): Outcome<AssignmentFormReport> {
  const doc = input.document;
  if (!doc) return refused(lang, [say(lang, "error", "wf.no-document", {}, { next: "wf.no-document.next" })]);
  const codes = assignableIndicators(doc.plan).length;
  if (codes === 0) return refused(lang, [say(lang, "error", "wf.units.form-nothing", { plan: doc.plan.title })]);
  const existing = assignmentSheetOf(input.sheets);
  if (existing) {
    const read = readAssignmentTable(existing.grid, doc.plan, { sheet: existing.name, lang });
    const units = read.table?.units.length ?? countTypedUnits(existing.grid);
    if (units > 0) return refused(lang, [say(lang, "error", "wf.units.form-kept", { sheet: existing.name, units }, { next: "wf.units.form-kept.next" })]);
  }
  const model = buildAssignmentWorkbook(doc.plan, { year: doc.year, lang });
  const sheet = model.sheets[0].name;
  const sheets = { ...doc.sheets, [sheet]: model.sheets[0].role };
  return done(lang, { sheet, codes }, [{ kind: "sheets", model, activate: sheet }, { kind: "document", info: { ...doc, sheets } }], [say(lang, "success", "wf.units.form-done", { sheet, codes })]);
}

/** Rows under the form's header with a unit name typed, when the table cannot be read (its problems are the consolidation's to tell). */
function countTypedUnits(grid: readonly (readonly unknown[])[]): number {
  const header = grid.findIndex((row) => row.some((v) => typeof v === "string" && /^(đơn vị|tên đơn vị|unit)$/i.test(v.trim())));
  if (header < 0) return 0;
  const col = grid[header].findIndex((v) => typeof v === "string" && /^(đơn vị|tên đơn vị|unit)$/i.test(v.trim()));
  return grid.slice(header + 1).filter((row) => typeof row[col] === "string" && (row[col] as string).trim() !== "").length;
}

/** What the user set in the Units tab. */
export interface UnitsRequest {
  /** Pasted list of the units expected (one a line, "tên<TAB>cụm"); blank: the assignment sheet's units, if any. */
  expected?: string | null;
  /** "2026-12-10"; blank: no deadline. */
  deadline?: string | null;
}

/** One unit's file as the host read it, with the file's date (local ISO 8601) and SHA-256 when the host has them. */
export interface ReceivedUnitFile {
  reading: UnitReading;
  date: string | null;
  sha256: string | null;
  /** The plan the file says it was made from (its stored plan id), when the host can read it: a file on
   *  another plan is "Sai kế hoạch" and not consolidated, as in the CLI. */
  planId?: string | null;
  /** The unit the file names, when the host read it (used when its sheet could not be read). */
  unit?: string | null;
  /** What the user calls the file when `reading.file` is a link: the spreadsheet's name (Sheets). */
  fileName?: string | null;
}

/** One register row as the pane lists it (labels in the user's language). */
export interface RegisterRowView {
  unit: string;
  group: string | null;
  statuses: RegisterStatus[];
  labels: string[];
  file: string | null;
  date: string;
  used: boolean;
  errorCount: number;
  note: string;
}

export interface UnitsConsolidationReport {
  sheet: string;
  registerSheet: string;
  rankingSheet: string;
  units: number;
  sentence: string;
  /** The register's counts, and the units whose file is on another plan or an old version of the template. */
  counts: UnitRegister["counts"] & { otherPlan: number };
  rows: RegisterRowView[];
  /** Files that could not be used, with why (the pane's list). */
  unusable: { source: string; reason: string }[];
}

/** The per-unit inputs: the assignment sheet (its problems refuse), the expected list, the scoring rules (their problems refuse). */
function unitsSetup(input: UnitsInput, request: UnitsRequest, plan: Plan, lang: Lang, unitNames: readonly string[]):
  | { ok: true; assignment: AssignmentTable | null; expected: ExpectedUnit[] | null; scoring: ScoringRules; messages: UserMessage[] }
  | { ok: false; messages: UserMessage[] } {
  const messages: UserMessage[] = [];
  const problems: UserMessage[] = [];
  let assignment: AssignmentTable | null = null;
  const assignmentSheet = assignmentSheetOf(input.sheets);
  if (assignmentSheet) {
    const read = readAssignmentTable(assignmentSheet.grid, plan, { sheet: assignmentSheet.name, lang });
    // The blank form with no unit typed yet is not an error: there is simply no assignment.
    const real = read.problems.filter((p) => p.rule !== "no-units");
    for (const p of real) problems.push(say(lang, "error", "wf.units.assignment-problem", { message: p.message, sheet: assignmentSheet.name }, { next: "wf.units.assignment-problem.next", ...(p.cell ? { at: atOf(p.cell, assignmentSheet.name) } : {}) }));
    if (real.length === 0 && read.table && read.table.units.length > 0) {
      assignment = read.table;
      messages.push(say(lang, "info", "wf.units.assignment-used", { sheet: assignmentSheet.name, units: assignment.units.length }));
    }
  }
  const pasted = request.expected?.trim() ? readUnitListText(request.expected) : [];
  let expected: ExpectedUnit[] | null = null;
  if (pasted.length > 0) {
    // A pasted unit without a group takes its group from the assignment sheet.
    const groups = new Map((assignment?.units ?? []).map((u) => [unitKey(u.unit), u.group]));
    expected = pasted.map((u) => ({ unit: u.unit, group: u.group ?? groups.get(unitKey(u.unit)) ?? null }));
    messages.push(say(lang, "info", "wf.units.list-used", { units: expected.length }));
    if (assignment) messages.push(say(lang, "info", "wf.units.list-over-assignment", { sheet: assignmentSheet!.name }));
  } else if (!assignment) messages.push(say(lang, "info", "wf.units.no-list"));

  let scoring: ScoringRules = DEFAULT_SCORING;
  const scoringSheet = scoringSheetOf(input.sheets);
  if (scoringSheet) {
    const units = [...(expected ?? assignment?.units ?? []).map((u) => u.unit), ...unitNames];
    const read = readScoringSheet(scoringSheet.grid, scoringSheet.name, { codes: plan.indicators.map((i) => i.code), units, lang });
    for (const p of read.problems) problems.push(say(lang, "error", "wf.units.scoring-problem", { message: p.message, sheet: scoringSheet.name }, { next: "wf.units.scoring-problem.next", ...(atOf(p.where, scoringSheet.name) ? { at: atOf(p.where, scoringSheet.name)! } : {}) }));
    if (read.rules) {
      scoring = read.rules;
      messages.push(say(lang, "info", "wf.units.scoring-used", { sheet: scoringSheet.name }));
    }
  } else messages.push(say(lang, "info", "wf.units.scoring-default", { sheet: SCORING_SHEET[lang] }));
  if (problems.length > 0) return { ok: false, messages: problems };
  return { ok: true, assignment, expected, scoring, messages };
}

/** "Giao chỉ tiêu!D9" (or "D9") → the cell to select; null when it is not a cell. */
function atOf(ref: string, sheet: string): { sheet: string; cell: string } | undefined {
  const m = /^(?:(.+)!)?\$?([A-Z]{1,3})\$?(\d+)$/.exec(ref);
  return m ? { sheet: m[1] ?? sheet, cell: `${m[2]}${m[3]}` } : undefined;
}

/** Which reading is a unit's: the plan it is judged by is the document's plan with the unit's own targets. */
function planOf(plan: Plan, assignedByUnit: ReadonlyMap<string, UnitAssignment> | null, unit: string): Plan {
  const assigned = assignedByUnit?.get(unitKey(unit));
  return assigned ? planForUnit(plan, assigned) : plan;
}

function registerView(row: RegisterRow, lang: Lang): RegisterRowView {
  return {
    unit: row.unit,
    group: row.group,
    statuses: row.statuses,
    labels: row.statuses.map((s) => t(`register.status.${s}`, {}, lang)),
    file: row.file?.file ?? null,
    date: showDate(row.file?.date ?? null),
    used: row.used,
    errorCount: row.errorCount,
    note: row.note,
  };
}

/**
 * "Tổng hợp" in the Units tab: the units' files → the consolidation sheets, the register of who
 * reported ("Tình hình gửi báo cáo") and the points ("Điểm thi đua"), through consolidateReports:
 * the CLI's `summary --expected --deadline --scoring` gives the same register from the same files.
 */
export function unitsConsolidateCommand(input: UnitsInput, files: readonly ReceivedUnitFile[], request: UnitsRequest, lang: Lang): Outcome<UnitsConsolidationReport> {
  const doc = input.document;
  if (!doc) return refused(lang, [say(lang, "error", "wf.no-document", {}, { next: "wf.no-document.next" })]);
  if (files.length === 0) return refused(lang, [say(lang, "error", "wf.consolidate.no-files")]);
  const deadline = request.deadline?.trim() || null;
  if (deadline !== null && !DEADLINE.test(deadline)) return refused(lang, [say(lang, "error", "wf.units.bad-deadline", { value: deadline })]);
  const plan = doc.plan;
  const settings = { ...doc.settings, lang };
  const names = files.flatMap((f) => (f.reading.ok ? [f.reading.unit] : []));
  const setup = unitsSetup(input, request, plan, lang, names);
  if (!setup.ok) return refused(lang, setup.messages);
  const { assignment, expected, scoring } = setup;
  const assignedByUnit = assignment ? new Map(assignment.units.map((u) => [unitKey(u.unit), u])) : null;

  const reports: ReceivedReport[] = files.map(({ reading, date, sha256, planId, unit, fileName }) => {
    const named = reading.ok ? reading.unit : unit?.trim() || null;
    const name = fileName?.trim() ? { name: fileName.trim() } : {};
    if (planId && planId !== plan.id && named) {
      // On another plan: the register says so; its figures are not consolidated.
      return { file: reading.file, ...name, date, sha256, read: { unit: named, file: reading.file, plan: { ...plan, id: planId }, evaluations: [], findings: [] } };
    }
    const unitPlan = reading.ok ? planOf(plan, assignedByUnit, reading.unit) : plan;
    return {
      file: reading.file,
      ...name,
      date,
      sha256,
      read: consolidationInputOf(reading, unitPlan, settings),
      ...(reading.ok ? { entries: reading.entries, settings } : {}),
    };
  });
  const result = consolidateReports(reports, settings, { expected, deadline, plan, assignment, scoring });
  const register = result.reporting!;
  const model: WorkbookModel = buildConsolidationWorkbook(result, { year: doc.year, issuer: doc.issuer ?? doc.unit, lang });
  const ranking = buildRankingSheet(result, result.scoring!, { lang, year: doc.year });
  const registerSheet = buildRegisterSheet(register, { lang, year: doc.year, issuer: doc.issuer ?? doc.unit });
  model.sheets.push(ranking, registerSheet);
  const sheet = model.sheets.find((s) => !s.hidden)?.name ?? model.sheets[0].name;
  const sheets = { ...doc.sheets };
  for (const s of model.sheets) sheets[s.name] = s.role;
  const unusable = register.rows.filter((r) => r.file !== null && !r.used).map((r) => ({ source: r.file!.file, reason: r.note }));
  return done(
    lang,
    { sheet, registerSheet: registerSheet.name, rankingSheet: ranking.name, units: result.units.length, sentence: register.sentence, counts: { ...register.counts, otherPlan: register.rows.filter((r) => r.statuses.includes("other-plan") || r.statuses.includes("old-version")).length }, rows: register.rows.map((r) => registerView(r, lang)), unusable },
    [{ kind: "sheets", model, activate: registerSheet.name }, { kind: "document", info: { ...doc, sheets } }],
    [
      say(lang, "success", "wf.units.done", { units: result.units.length, sheet, register: registerSheet.name, ranking: ranking.name }),
      { severity: register.counts.missing > 0 || register.counts.late > 0 ? "warning" : "info", key: "register.sentence", text: register.sentence },
      ...setup.messages,
    ],
  );
}

/** The sheets the units' consolidation writes, in both languages: hosts probe them in their one read. */
export function unitsOutputSheets(): string[] {
  const keys = ["sheet.consolidation.matrix-name", "sheet.consolidation.data-name", "sheet.consolidation.ranking-name", "sheet.consolidation.register-name", "register-sheet.name", "ranking-sheet.name"];
  return (["vi", "en"] as const).flatMap((lang) => keys.map((key) => t(key, {}, lang)));
}

/** A file's date as local ISO 8601 with its offset ("2026-12-09T16:40:00+07:00"), as the CLI dates files. */
export function localIsoDate(date: Date): string {
  const pad = (n: number) => String(Math.floor(Math.abs(n))).padStart(2, "0");
  const offset = -date.getTimezoneOffset();
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}` +
    `${offset >= 0 ? "+" : "-"}${pad(offset / 60)}:${pad(offset % 60)}`
  );
}
