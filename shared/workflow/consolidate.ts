// "Tổng hợp nhiều đơn vị": other units' files, as each host reads them (Excel: picked .xlsx files
// through xlsx-reader/; Sheets: spreadsheets by link, over several runs; the CLI: paths), judged by
// one rule (unit-file.ts) with one findings assembly, into the consolidation sheets.
import { consolidate, isUnusable, type ConsolidationInput } from "../consolidate";
import { evaluatePlan } from "../evaluate";
import type { ActualEntry, Finding, Lang, Plan, Settings } from "../model";
import { buildConsolidationWorkbook } from "../sheet/consolidation-sheet";
import { readFillInSheet } from "../sheet/read-back";
import { t } from "../i18n";
import { findingsOf } from "./findings";
import { done, refused, type Outcome } from "./outcome";
import { say } from "./say";
import { unusableLayout } from "./unit-file";
import type { DocumentInfo } from "./outcome";

/** A unit's file as the host read it: its sheets' grids, or why it could not be read at all. */
export interface UnitFile {
  name: string;
  read: { ok: true; sheets: { name: string; grid: readonly (readonly unknown[])[] }[]; unit: string | null } | { ok: false; reason: string };
}

/** A unit's figures once its sheet is read: kept as is between runs (Sheets reads a few files per run). */
export type UnitReading = { ok: true; file: string; unit: string; entries: ActualEntry[]; problems: Finding[] } | { ok: false; file: string; reason: string };

/** Reads a unit's fill-in sheet (by the document's sheet name, any case) and applies the one usability rule. */
export function readUnitFile(file: UnitFile, plan: Plan, fillInSheet: string, lang: Lang): UnitReading {
  if (!file.read.ok) return { ok: false, file: file.name, reason: t("wf.consolidate.unreadable", { detail: file.read.reason }, lang) };
  const wanted = fillInSheet.toLowerCase();
  const sheet = file.read.sheets.find((s) => s.name.toLowerCase() === wanted);
  if (!sheet) return { ok: false, file: file.name, reason: t("wf.consolidate.no-sheet", { plan: plan.title }, lang) };
  return unitReadingOf(file.name, file.read.unit, sheet.name, sheet.grid, plan, lang);
}

/** The same, from one sheet's grid (what Sheets reads from a unit's spreadsheet). */
export function unitReadingOf(file: string, unit: string | null, sheet: string, grid: readonly (readonly unknown[])[], plan: Plan, lang: Lang): UnitReading {
  const reading = readFillInSheet(grid as unknown[][], sheet, { plan, lang });
  const broken = unusableLayout(reading.problems);
  if (broken.length > 0) return { ok: false, file, reason: broken.map((p) => p.message).join("; ") };
  return { ok: true, file, unit: unit?.trim() || file.replace(/\.xlsx$/i, ""), entries: reading.entries, problems: reading.problems };
}

export function consolidationInputOf(reading: UnitReading, plan: Plan, settings: Settings): ConsolidationInput {
  if (!reading.ok) return { file: reading.file, reason: reading.reason };
  return { unit: reading.unit, file: reading.file, plan, evaluations: evaluatePlan(plan, reading.entries, settings), findings: findingsOf(plan, reading, settings) };
}

export interface ConsolidationReport {
  sheet: string;
  units: number;
  unusable: number;
  register: { source: string; reason: string }[];
}

export function consolidateCommand(input: { document: DocumentInfo | null }, readings: readonly UnitReading[], lang: Lang): Outcome<ConsolidationReport> {
  const doc = input.document;
  if (!doc) return refused(lang, [say(lang, "error", "wf.no-document", {}, { next: "wf.no-document.next" })]);
  if (readings.length === 0) return refused(lang, [say(lang, "error", "wf.consolidate.no-files")]);
  const settings = { ...doc.settings, lang };
  const inputs = readings.map((r) => consolidationInputOf(r, doc.plan, settings));
  const model = buildConsolidationWorkbook(consolidate(inputs, settings), { year: doc.year, issuer: doc.issuer ?? doc.unit, lang });
  const sheet = model.sheets.find((s) => !s.hidden)?.name ?? model.sheets[0].name;
  const unusable = inputs.filter(isUnusable);
  const sheets = { ...doc.sheets };
  for (const s of model.sheets) sheets[s.name] = s.role;
  return done(
    lang,
    { sheet, units: inputs.length - unusable.length, unusable: unusable.length, register: unusable.map((u) => ({ source: u.file ?? u.unit ?? "", reason: u.reason })) },
    [{ kind: "sheets", model, activate: sheet }, { kind: "document", info: { ...doc, sheets } }],
    [say(lang, "success", "wf.consolidate.done", { units: inputs.length - unusable.length, sheet, unusable: unusable.length })],
  );
}
