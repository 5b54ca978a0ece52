// "Kế hoạch năm sau": the core's next-year command (shared/workflow/next-year.ts) on the open
// spreadsheet. Reads this year's fill-in sheet and the sheets' names, calls the core, and inserts
// next year's sheets ("Chỉ tiêu 2026", "Danh mục 2026") beside this year's, which are not touched.
// Only the current spreadsheet is written (the add-on's one scope, spreadsheets.currentonly).
import type { Lang } from "../../../../shared/model";
import { nextYearCommand } from "../../../../shared/workflow/next-year";
import { messageLines, writeOf } from "../../../../shared/workflow/outcome";
import type { NextYearRequest, NextYearResult, Outcome } from "../../api-types";
import { newSheet, type TargetSheet } from "../../adapter/sheet-io";
import { fail, openDocument, requireFillIn, requireStored, workflowDocument } from "../host";
import { renderWorkbook } from "../render-workbook";
import { resolvePlan } from "./load";

export function nextYearServerCommand(request: NextYearRequest & { lang: Lang }): Outcome<NextYearResult> {
  const { lang } = request;
  const plan = request.source.kind === "same" ? "same" : resolvePlan(request.source, lang).plan;
  const doc = openDocument();
  const stored = requireStored(doc, lang);
  const { target } = requireFillIn(doc, stored.plan, lang);
  const sheetNames = doc.ss.getSheets().map((s) => s.getName());
  const outcome = nextYearCommand(
    { document: workflowDocument(doc), fillIn: { sheet: target.name, grid: target.values ?? [] }, sheetNames },
    { plan, year: Number(request.year), ...(request.period ? { period: request.period } : {}), lang },
  );
  if (outcome.status !== "done" || !outcome.result) return fail(outcome.messages.map((m) => [m.text, m.next].filter(Boolean).join(" ")).join(" "));
  const model = writeOf(outcome, "sheets")!.model;
  // Known to be absent (the core refused any name in use): each is inserted here, never looked up,
  // so next year's sheet can be shown without a read (a read after the writes would cost a flush).
  const inserted = new Map<string, TargetSheet | null>(model.sheets.map((s) => [s.name, newSheet(doc.ss, s.name)]));
  // Next year's sheets are new and the add-on's fingerprints stay this year's: nothing to store.
  renderWorkbook(doc.ss, model, doc.fingerprints, lang, inserted);
  inserted.get(outcome.result.sheet)?.sheet?.activate();
  const r = outcome.result;
  return { ok: true, sheet: r.sheet, sheets: r.sheets, carried: r.carried.map((c) => ({ code: c.code, name: c.name, value: c.value, source: c.source })), notCarried: r.notCarried, withoutFigure: r.withoutFigure, messages: messageLines(outcome) };
}
