// The register of who reported (sổ theo dõi): for each unit expected, what came in and whether it
// can be used. Pure: the host reads the files, hashes them (SHA-256) and gives each file's date;
// this decides, per unit, which file is used and says why.
//
// Rules (documented in the README):
// - A file belongs to the unit its workbook names (the template carries it), else to the expected
//   unit whose safe file name is the file's name, else to its file name.
// - Statuses: received; missing (expected, no file); late (file date after the deadline, compared
//   by the calendar date written in the file date); other-plan (the file is on another plan than
//   the consolidation's: not used); old-version (the same plan, but its indicators differ from the
//   consolidation's, or its targets differ from what the assignment gives the unit: used, rows
//   match by name, to be checked); duplicate (more than one file); errors (validation errors: used
//   and flagged, with how many and which cells); unreadable (the file cannot be read: not used);
//   not-expected (a unit not on the list: used, to be checked).
// - Several files for a unit: the usable ones first (readable, same plan), then the current
//   version, then the newest by file date, then the last given; the register names the one used,
//   the others, and the reason. Files with the same SHA-256 are the same report sent again: the
//   first sending is the one used, and its date decides whether the report was late.
// - The consolidation's plan, when not given, is the plan most files are on (ties: the first
//   file's), and its version the one most of those files carry.
import { normaliseName, type ConsolidationInput, type UnitInput } from "../consolidate";
import { t } from "../i18n";
import type { ActualEntry, Lang, Plan, Settings } from "../model";
import { differingTargets, planForUnit, unitKey, type AssignmentTable } from "./assignment";
import { safeFileBase } from "./file-name";
import type { ExpectedUnit } from "./unit-list";

export interface ReceivedReport {
  /** The file's name as shown to the user. */
  file: string;
  /** What the user calls the file when `file` is a link (a spreadsheet's name, Sheets): it names the
   *  unit whose sheet cannot be read, as a file's name does. */
  name?: string | null;
  /** The file's date as ISO 8601 in the office's local time ("2026-12-09T16:40:00+07:00"); null if unknown. */
  date: string | null;
  /** SHA-256 of the file's bytes, hex; computed by the host. */
  sha256: string | null;
  /** The unit's input for consolidation, or why the file cannot be used. */
  read: ConsolidationInput;
  /** What the unit entered and its settings: lets the consolidation judge the figures again against
   *  the unit's assignment when the file carries other targets (consolidateReports). */
  entries?: readonly ActualEntry[];
  settings?: Settings;
  /** Codes whose targets were replaced by the assignment's before judging (set by consolidateReports). */
  retargeted?: string[];
}

export type RegisterStatus = "received" | "missing" | "late" | "other-plan" | "old-version" | "duplicate" | "errors" | "unreadable" | "not-expected";

export interface RegisterFile {
  file: string;
  date: string | null;
  sha256: string | null;
}

export interface RegisterRow {
  unit: string;
  group: string | null;
  statuses: RegisterStatus[];
  /** The file used (or, when none could be used, the one that came in). */
  file: RegisterFile | null;
  /** Whether a file of this unit went into the consolidation. */
  used: boolean;
  /** The unit's other files, not used, each with why. */
  others: (RegisterFile & { why: string })[];
  errorCount: number;
  /** Cells of the validation errors, as "Chỉ tiêu!F12". */
  errorCells: string[];
  /** One or more sentences for the clerk: what came in, what was used and why, what to do. */
  note: string;
}

export interface RegisterOptions {
  /** The units expected; without it, the units that sent files. */
  expected?: readonly ExpectedUnit[] | null;
  /** "2026-12-10": a file dated after this day is late. */
  deadline?: string | null;
  /** The consolidation's plan; by default the plan most files are on. */
  plan?: Plan | null;
  /** The assignment table, to tell a file whose targets are not the unit's assignment. */
  assignment?: AssignmentTable | null;
  lang?: Lang;
}

export interface UnitRegister {
  rows: RegisterRow[];
  deadline: string | null;
  planId: string | null;
  counts: { expected: number; sent: number; missing: number; late: number; unusable: number; duplicates: number; withErrors: number; notExpected: number };
  /** "114/114 đơn vị đã gửi báo cáo." or "111/114 đơn vị đã gửi báo cáo; 3 đơn vị chưa gửi: A, B, C." */
  sentence: string;
  /** The inputs to consolidate: one per unit, in the register's order. */
  used: UnitInput[];
}

export const DEADLINE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isUsable(read: ConsolidationInput): read is UnitInput {
  return "evaluations" in read;
}

/** What identifies a version of a plan regardless of targets: the indicators' codes, names, units and rules. */
const shapes = new WeakMap<Plan, string>();

export function planShape(plan: Plan): string {
  let shape = shapes.get(plan);
  if (shape === undefined) {
    shape = plan.indicators.map((i) => `${i.code}|${normaliseName(i.name)}|${i.unit}|${i.comparator ?? ""}|${i.deadlineYear ?? ""}`).join("\n");
    shapes.set(plan, shape);
  }
  return shape;
}

/** "2026-12-09T16:40:00+07:00" → "09/12/2026 16:40" (as written, no time-zone arithmetic). */
export function showDate(date: string | null): string {
  if (!date) return "";
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}))?/.exec(date);
  if (!m) return date;
  return `${m[3]}/${m[2]}/${m[1]}${m[4] ? ` ${m[4]}:${m[5]}` : ""}`;
}

function isLate(date: string | null, deadline: string | null): boolean {
  return deadline !== null && date !== null && DEADLINE.test(date.slice(0, 10)) && date.slice(0, 10) > deadline;
}

function mostCommon<T>(values: T[]): T | undefined {
  const counts = new Map<T, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: T | undefined;
  let bestCount = 0;
  for (const [v, n] of counts) if (n > bestCount) [best, bestCount] = [v, n];
  return best;
}

/** A file's name without folder and extension; a spreadsheet link (Sheets) by its id, not by its last part ("edit"). */
function fileStem(file: string): string {
  const link = /\/spreadsheets\/d\/([\w-]+)/.exec(file);
  return link ? link[1]! : (file.split(/[\\/]/).pop() ?? file).replace(/\.xlsx$/i, "");
}

/** The report's file name as the user knows it: a spreadsheet's name before its link's id. */
function reportStem(report: ReceivedReport): string {
  return report.name?.trim() || fileStem(report.file);
}

function fileBaseKey(report: ReceivedReport): string {
  return unitKey(reportStem(report).replace(/\s*\(\d+\)$/, ""));
}

export function buildRegister(reports: readonly ReceivedReport[], options: RegisterOptions = {}): UnitRegister {
  const lang = options.lang ?? "vi";
  const deadline = options.deadline ?? null;
  const usable = reports.filter((r) => isUsable(r.read)).map((r) => r.read as UnitInput);
  const planId = options.plan?.id ?? mostCommon(usable.map((u) => u.plan.id)) ?? null;
  const shape = options.plan ? planShape(options.plan) : mostCommon(usable.filter((u) => u.plan.id === planId).map((u) => planShape(u.plan))) ?? null;
  const assignedByUnit = new Map((options.assignment?.units ?? []).map((a) => [unitKey(a.unit), a]));
  const expected = options.expected ?? null;

  // Units in order: the expected ones, then those that sent files without being expected.
  interface Slot { unit: string; group: string | null; expected: boolean; files: ReceivedReport[] }
  const slots = new Map<string, Slot>();
  const byFileName = new Map<string, string>();
  for (const e of expected ?? []) {
    const key = unitKey(e.unit);
    if (slots.has(key)) continue;
    slots.set(key, { unit: e.unit, group: e.group, expected: true, files: [] });
    byFileName.set(unitKey(safeFileBase(e.unit)), key);
  }
  for (const report of reports) {
    const named = report.read.unit?.trim() || null;
    let key = named ? unitKey(named) : null;
    if (key === null || (!slots.has(key) && expected)) {
      const fromFile = byFileName.get(fileBaseKey(report)) ?? (slots.has(fileBaseKey(report)) ? fileBaseKey(report) : undefined);
      if (fromFile && (key === null || !slots.has(key))) key = fromFile;
    }
    const unitName = named ?? reportStem(report);
    key ??= unitKey(unitName);
    let slot = slots.get(key);
    if (!slot) {
      slot = { unit: unitName, group: null, expected: expected === null, files: [] };
      slots.set(key, slot);
    }
    slot.files.push(report);
  }

  const rows: RegisterRow[] = [];
  const used: UnitInput[] = [];
  for (const slot of slots.values()) {
    const statuses: RegisterStatus[] = [];
    const notes: string[] = [];
    if (slot.files.length === 0) {
      rows.push({ unit: slot.unit, group: slot.group, statuses: ["missing"], file: null, used: false, others: [], errorCount: 0, errorCells: [], note: t("register.note.missing", {}, lang) });
      continue;
    }
    const rank = (r: ReceivedReport): [number, number, string, number] => {
      const read = r.read;
      const ok = isUsable(read) && (planId === null || read.plan.id === planId);
      const current = ok && (shape === null || planShape((read as UnitInput).plan) === shape);
      return [ok ? 1 : 0, current ? 1 : 0, r.date ?? "", slot.files.indexOf(r)];
    };
    const ordered = [...slot.files].sort((a, b) => {
      const [ra, rb] = [rank(a), rank(b)];
      return rb[0] - ra[0] || rb[1] - ra[1] || (rb[2] < ra[2] ? -1 : rb[2] > ra[2] ? 1 : 0) || rb[3] - ra[3];
    });
    // The same bytes sent again are one report: its first sending counts (and its date, for lateness).
    const best = ordered[0] as ReceivedReport;
    const copies = best.sha256 === null ? [best] : ordered.filter((r) => r.sha256 === best.sha256);
    const chosen = copies.reduce((a, b) => ((b.date ?? "") < (a.date ?? "") ? b : a));
    ordered.splice(ordered.indexOf(chosen), 1);
    ordered.unshift(chosen);
    const [ok, current] = rank(chosen);
    const fileOf = (r: ReceivedReport): RegisterFile => ({ file: r.file, date: r.date, sha256: r.sha256 });
    statuses.push("received");
    if (!slot.expected) statuses.push("not-expected");
    if (isLate(chosen.date, deadline)) {
      statuses.push("late");
      notes.push(t("register.note.late", { date: showDate(chosen.date), deadline: showDate(deadline) }, lang));
    }
    let errorCount = 0;
    let errorCells: string[] = [];
    const read = chosen.read;
    if (!isUsable(read)) {
      statuses.push("unreadable");
      notes.push(t("register.note.unreadable", { reason: read.reason }, lang));
    } else if (!ok) {
      statuses.push("other-plan");
      notes.push(t("register.note.other-plan", { plan: read.plan.id, expected: planId ?? "" }, lang));
    } else {
      const assigned = assignedByUnit.get(unitKey(slot.unit));
      const changed = assigned && options.plan ? differingTargets(read.plan, planForUnit(options.plan, assigned)) : [];
      if (!current) {
        statuses.push("old-version");
        notes.push(t("register.note.old-version", {}, lang));
      } else if (chosen.retargeted && chosen.retargeted.length > 0) {
        statuses.push("old-version");
        notes.push(t("register.note.targets-reassessed", { codes: chosen.retargeted.join(", ") }, lang));
      } else if (changed.length > 0) {
        statuses.push("old-version");
        notes.push(t("register.note.targets-differ", { codes: changed.join(", ") }, lang));
      }
      const errors = read.findings.filter((f) => f.severity === "error");
      errorCount = errors.length;
      errorCells = errors.map((f) => (f.cell ? (f.sheet ? `${f.sheet}!${f.cell}` : f.cell) : f.code ? `${t("register.code", {}, lang)} ${f.code}` : "")).filter((c) => c !== "");
      if (errorCount > 0) {
        statuses.push("errors");
        notes.push(t("register.note.errors", { count: errorCount, cells: errorCells.slice(0, 10).join(", ") + (errorCells.length > 10 ? " …" : "") }, lang));
      }
      used.push(read);
    }
    const others = ordered.slice(1).map((r) => {
      const same = r.sha256 !== null && r.sha256 === chosen.sha256;
      const [rOk, rCurrent] = rank(r);
      const why = same
        ? t("register.why.same-file", { file: chosen.file }, lang)
        : !rOk && ok
          ? t(isUsable(r.read) ? "register.why.other-plan" : "register.why.unreadable", {}, lang)
          : !rCurrent && current
            ? t("register.why.old-version", {}, lang)
            : (r.date ?? "") < (chosen.date ?? "")
              ? t("register.why.older", { date: showDate(r.date), used: showDate(chosen.date) }, lang)
              : t("register.why.same-date", { file: chosen.file }, lang);
      return { ...fileOf(r), why };
    });
    if (others.length > 0) {
      statuses.push("duplicate");
      notes.unshift(t("register.note.duplicate", { count: slot.files.length, file: chosen.file, reason: others.map((o) => `${o.file}: ${o.why}`).join("; ") }, lang));
    }
    if (!slot.expected) notes.push(t("register.note.not-expected", {}, lang));
    if (statuses.length === 1) notes.push(t("register.note.ok", {}, lang));
    rows.push({ unit: slot.unit, group: slot.group, statuses, file: fileOf(chosen), used: isUsable(read) && ok === 1, others, errorCount, errorCells, note: notes.join(" ") });
  }

  const has = (s: RegisterStatus) => rows.filter((r) => r.statuses.includes(s));
  const expectedRows = rows.filter((r) => !r.statuses.includes("not-expected"));
  const counts = {
    expected: expectedRows.length,
    sent: expectedRows.filter((r) => r.statuses.includes("received")).length,
    missing: has("missing").length,
    late: has("late").length,
    unusable: rows.filter((r) => r.statuses.includes("received") && !r.used).length,
    duplicates: has("duplicate").length,
    withErrors: has("errors").length,
    notExpected: has("not-expected").length,
  };
  return { rows, deadline, planId, counts, sentence: registerSentence(rows, counts, deadline, lang), used };
}

function names(rows: RegisterRow[]): string {
  return rows.map((r) => r.unit).join(", ");
}

export function registerSentence(rows: RegisterRow[], counts: UnitRegister["counts"], deadline: string | null, lang: Lang): string {
  const parts = [t("register.sentence.sent", { sent: counts.sent, expected: counts.expected }, lang)];
  if (counts.missing > 0) parts.push(t("register.sentence.missing", { count: counts.missing, names: names(rows.filter((r) => r.statuses.includes("missing"))) }, lang));
  if (counts.late > 0) parts.push(t("register.sentence.late", { count: counts.late, deadline: showDate(deadline), names: names(rows.filter((r) => r.statuses.includes("late"))) }, lang));
  if (counts.unusable > 0) parts.push(t("register.sentence.unusable", { count: counts.unusable, names: names(rows.filter((r) => r.statuses.includes("received") && !r.used)) }, lang));
  return parts.join("; ") + ".";
}
