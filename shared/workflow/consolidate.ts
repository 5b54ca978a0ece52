// "Tổng hợp nhiều đơn vị": other units' files, as each host reads them (Excel: picked .xlsx files
// through xlsx-reader/; Sheets: spreadsheets by link, over several runs; the CLI: paths), judged by
// one rule (unit-file.ts) with one findings assembly; the consolidation itself is units.ts's
// unitsConsolidateCommand (register, own targets, points), the one every host calls.
import type { ConsolidationInput } from "../consolidate";
import { evaluatePlan } from "../evaluate";
import type { ActualEntry, Finding, Lang, Plan, Settings } from "../model";
import { readFillInSheet } from "../sheet/read-back";
import { t } from "../i18n";
import { findingsOf } from "./findings";
import { unusableLayout, unusableReason } from "./unit-file";

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
  if (broken.length > 0) return { ok: false, file, reason: unusableReason(broken) };
  return { ok: true, file, unit: unit?.trim() || file.replace(/\.xlsx$/i, ""), entries: reading.entries, problems: reading.problems };
}

export function consolidationInputOf(reading: UnitReading, plan: Plan, settings: Settings): ConsolidationInput {
  if (!reading.ok) return { file: reading.file, reason: reading.reason };
  return { unit: reading.unit, file: reading.file, plan, evaluations: evaluatePlan(plan, reading.entries, settings), findings: findingsOf(plan, reading, settings) };
}
