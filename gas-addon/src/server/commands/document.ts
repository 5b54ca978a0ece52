// What Sheets lacked and Excel had: the status override, the dashboard, the settings and "the row the
// cursor is on". Each reads what the core's workflow command needs and applies its Outcome.
import type { Lang, Settings, Status } from "../../../../shared/model";
import { overrideCommand } from "../../../../shared/workflow/override";
import { dashboardCommand, type DashboardReport } from "../../../../shared/workflow/summary";
import { settingsCommand } from "../../../../shared/workflow/settings";
import { messageLines, writeOf } from "../../../../shared/workflow/outcome";
import type { Outcome } from "../../api-types";
import { sheetsInput } from "../../adapter/raster";
import { documentProperties, writeIfChanged } from "../document-state";
import { notDone, openDocument, requireFillIn, requireStored, workflowDocument } from "../host";

export function setOverrideCommand(code: string, status: Status | null, reason: string, lang: Lang): Outcome<{ message: string; cell: string }> {
  const doc = openDocument();
  const { plan } = requireStored(doc, lang);
  const { target } = requireFillIn(doc, plan, lang);
  const outcome = overrideCommand({ document: workflowDocument(doc), fillIn: { sheet: target.name, grid: target.values ?? [] } }, { code: String(code ?? ""), status, reason: String(reason ?? "") }, lang);
  if (outcome.status !== "done" || !outcome.result) return notDone(outcome.messages);
  const sheet = doc.ss.getSheetByName(target.name);
  if (!sheet) return notDone(outcome.messages);
  // The reason is text whatever it starts with: written behind the apostrophe Sheets drops.
  for (const cell of writeOf(outcome, "cells")?.cells ?? []) sheet.getRange(cell.cell).setValue(cell.text ? sheetsInput(cell.value) : (cell.value ?? ""));
  return { ok: true, cell: outcome.result.cell, message: messageLines(outcome).join(" ") };
}

export function dashboardCommandOf(lang: Lang): Outcome<Omit<DashboardReport, "evaluations" | "countedCodes"> & { amberLabel: string; rows: { code: string; name: string; status: Status; nearMiss: boolean; percent: number | null; counted: boolean }[] }> {
  const doc = openDocument();
  const { plan, info } = requireStored(doc, lang);
  const { target } = requireFillIn(doc, plan, lang);
  const outcome = dashboardCommand({ document: workflowDocument(doc), fillIn: { sheet: target.name, grid: target.values ?? [] } }, lang);
  if (outcome.status !== "done" || !outcome.result) return notDone(outcome.messages);
  const { evaluations, countedCodes, ...rest } = outcome.result;
  const counted = new Set(countedCodes);
  // JSON-safe for google.script.run: the evaluations' indicators are reduced to what the dashboard shows.
  return { ok: true, ...rest, amberLabel: info.settings.amberLabel, rows: evaluations.map((e) => ({ code: e.code, name: e.indicator.name, status: e.status, nearMiss: e.nearMiss, percent: Number.isFinite(e.percent) ? e.percent : null, counted: counted.has(e.code) })) };
}

export function getSettingsCommand(lang: Lang): Outcome<{ settings: { amberBand: number; amberLabel: string; countLevel: Settings["countLevel"] } | null }> {
  const stored = openDocument().stored;
  void lang;
  const s = stored?.info.settings;
  return { ok: true, settings: s ? { amberBand: s.amberBand, amberLabel: s.amberLabel, countLevel: s.countLevel } : null };
}

export function saveSettingsCommand(changes: Partial<Settings>, lang: Lang): Outcome<{ message: string }> {
  const doc = openDocument();
  const stored = doc.stored;
  const outcome = settingsCommand(stored?.info.settings ?? null, { amberBand: changes?.amberBand, amberLabel: changes?.amberLabel, countLevel: changes?.countLevel }, lang);
  if (outcome.status !== "done" || !stored) return notDone(outcome.messages);
  const settings = writeOf(outcome, "settings")!.settings;
  writeIfChanged(doc.store, doc.properties, documentProperties({ ...stored.info, settings }, stored.plan), ["info", "plan"]);
  return { ok: true, message: messageLines(outcome).join(" ") };
}

/** The code of the indicator row the cursor is on, when it is on the fill-in sheet. */
export function selectedCodeCommand(lang: Lang): Outcome<{ code: string | null }> {
  const doc = openDocument();
  const { plan } = requireStored(doc, lang);
  const { target, reading } = requireFillIn(doc, plan, lang);
  const range = doc.ss.getActiveRange();
  if (!range || range.getSheet().getName() !== target.name) return { ok: true, code: null };
  const row = range.getRow() - 1;
  for (const [code, at] of reading.rowsByCode) if (at === row) return { ok: true, code };
  return { ok: true, code: null };
}
