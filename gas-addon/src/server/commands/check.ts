// "Kiểm tra số liệu": every finding on the typed figures, with its cell; the one-click fix of a number
// typed as text; and moving the cursor to a finding's cell.
import type { Finding, Lang } from "../../../../shared/model";
import { TABLE_NAME } from "../../../../shared/sheet/fill-in";
import { checkCommand as checkWorkflow } from "../../../../shared/workflow/check";
import { fixCommand as fixWorkflow } from "../../../../shared/workflow/fix";
import { messageLines } from "../../../../shared/workflow/outcome";
import type { CheckResult, FindingView, Outcome } from "../../api-types";
import { refusal, tg } from "../../messages";
import { anchoredSheet } from "../../adapter/sheet-io";
import { fail, notDone, openDocument, rememberFillInName, requireFillIn, requireStored } from "../host";
import { documentWithKeptTally } from "../kept-tally";

const CELL = /^\$?[A-Z]{1,3}\$?[1-9]\d{0,6}$/;

function view(f: Finding): FindingView {
  return { severity: f.severity, rule: f.rule, code: f.code, sheet: f.sheet ?? null, cell: f.cell ?? null, message: f.message, fixValue: f.fix ? f.fix.value : null, fixFrom: f.fix?.from ?? null, section: f.section ?? null };
}

export function checkCommand(lang: Lang): Outcome<CheckResult> {
  const doc = openDocument();
  const { plan } = requireStored(doc, lang);
  const { target } = requireFillIn(doc, plan, lang);
  // The report's tally: the properties', else the hidden `_chitieu` sheet's (../kept-tally.ts).
  const document = documentWithKeptTally(doc);
  rememberFillInName(doc, target.name);
  const outcome = checkWorkflow({ document, fillIn: { sheet: target.name, grid: target.values ?? [] } }, lang);
  if (outcome.status !== "done" || !outcome.result) return notDone(outcome.messages);
  const { errors, warnings, checked } = outcome.result;
  return { ok: true, findings: outcome.findings.map(view), errors, warnings, checked, message: messageLines(outcome).join(" ") };
}

function rangeOf(sheetName: string, cell: string, lang: Lang): GoogleAppsScript.Spreadsheet.Range | { ok: false; message: string } {
  if (typeof cell !== "string" || !CELL.test(cell)) return fail(tg("sheets.bad-cell", { cell: String(cell) }, lang));
  // Findings are on the fill-in sheet: renamed since the check, it is found by its table anchor.
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const sheet = ss.getSheetByName(sheetName) ?? anchoredSheet(ss, TABLE_NAME);
  if (!sheet) return fail(refusal("wf.fill-in-missing", "wf.reload.next", { sheet: sheetName }, lang));
  return sheet.getRange(cell);
}

export function activateCommand(sheetName: string, cell: string, lang: Lang): Outcome<{ cell: string }> {
  const range = rangeOf(sheetName, cell, lang);
  if ("ok" in range) return range;
  range.activate();
  return { ok: true, cell };
}

/**
 * Replaces a number typed as text by the number it was read as, only when the cell still holds
 * text that reads as that very number: a figure changed since the check is never overwritten.
 */
export function fixCommand(sheetName: string, cell: string, value: number, lang: Lang, from?: number | string | null): Outcome<{ cell: string; value: number; message: string }> {
  if (typeof value !== "number" || !Number.isFinite(value)) return fail(tg("sheets.bad-cell", { cell: String(cell) }, lang));
  const range = rangeOf(sheetName, cell, lang);
  if ("ok" in range) return range;
  const outcome = fixWorkflow({ sheet: sheetName, cell, current: range.getValue() }, value, lang, from);
  if (outcome.status !== "done") return notDone(outcome.messages);
  range.setValue(value);
  return { ok: true, cell, value, message: messageLines(outcome).join(" ") };
}
