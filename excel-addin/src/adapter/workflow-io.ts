// Between the workbook and the core's workflow commands: what Excel keeps about the document, as the
// core's DocumentInfo and back, and an Outcome's writes applied in one request (every sheet of the
// outcome in one model, the document state in the same request). No rule here: the core decided.
import { PLAN_JSON_KEY, readMetadata, withMetadataSheet } from "../../../xlsx-reader/metadata";
import { KEPT_TALLY_KEY, keptTally, tallyValue } from "../../../shared/report/kept-tally";
import type { Plan } from "../../../shared/model";
import type { SheetModel, WorkbookModel } from "../../../shared/sheet/types";
import { parseCell } from "../../../shared/sheet/a1";
import { writeOf, type DocumentInfo, type Outcome } from "../../../shared/workflow/outcome";
import { toExcelInput } from "./cell-input";
import type { ExistingSheet } from "./render";
import { actualName, type HostFeatures } from "./sheets";
import { documentState, hasSheet, readSheets, writeDocumentState, writeModel, type DocumentState, type WorkbookSnapshot } from "./workbook-io";

/**
 * The core's DocumentInfo of the add-in's state. With the `_chitieu` sheet's values, the report's
 * tally is the sheet's row when it has one (what the CLI reads and `read-report --into` writes),
 * else the state's: the rule and its reason are in shared/report/kept-tally.ts.
 */
export function documentInfoOf(state: DocumentState, plan: Plan, metadataGrid?: unknown[][] | null): DocumentInfo {
  const reportTally = metadataGrid ? keptTally(readMetadata(metadataGrid)[KEPT_TALLY_KEY], state.reportTally) : (state.reportTally ?? null);
  return { plan, unit: state.unit, year: state.year, estimate: state.estimate, issuer: state.issuer, settings: state.settings, fillInSheet: state.fillInSheet ?? "", sheets: state.sheets, ...(reportTally ? { reportTally } : {}) };
}

export function stateOf(info: DocumentInfo, fillInAnchor: string | null): DocumentState {
  return documentState({
    planId: info.plan.id,
    unit: info.unit,
    year: info.year,
    estimate: info.estimate,
    issuer: info.issuer,
    settings: info.settings,
    sheets: info.sheets,
    fillInSheet: info.fillInSheet,
    fillInAnchor,
    ...(info.reportTally ? { reportTally: info.reportTally } : {}),
  });
}

/** Every sheet model the outcome writes, in order, as one workbook model. */
export function sheetsOf(outcome: Outcome<unknown>): WorkbookModel | null {
  const sheets: SheetModel[] = [];
  const metadata: Record<string, string> = {};
  for (const write of outcome.writes)
    if (write.kind === "sheets" || write.kind === "set-aside") {
      for (const sheet of write.model.sheets) sheets.push(sheet);
      Object.assign(metadata, write.model.metadata);
    }
  return sheets.length > 0 ? { sheets, metadata } : null;
}

/**
 * Applies the outcome's writes in the one write request: its sheets (with the hidden `_chitieu`
 * sheet carrying the plan when the fill-in sheet is written, as the CLI writes it, so a workbook
 * saved from Excel can be checked by `chitieu check`), its cells, and the document state.
 */
export async function applyOutcome(
  context: Excel.RequestContext,
  outcome: Outcome<unknown>,
  snapshot: WorkbookSnapshot,
  existing: Map<string, ExistingSheet>,
  features: HostFeatures,
  previous: DocumentState | null,
  /** Queued in the write request after the sheets (e.g. the charts bound to them: excel-addin/src/adapter/charts.ts). */
  beforeSync?: (context: Excel.RequestContext, model: WorkbookModel) => void,
): Promise<void> {
  let model = sheetsOf(outcome);
  const info = writeOf(outcome, "document")?.info ?? null;
  const fillIn = model?.sheets.find((s) => s.role === "fill-in") ?? null;
  // The report's tally rides along when the plan sheet is rewritten, so `chitieu check` keeps seeing it.
  if (model && fillIn && info) model = withMetadataSheet(model, { [PLAN_JSON_KEY]: JSON.stringify(info.plan), ...(info.reportTally ? { [KEPT_TALLY_KEY]: tallyValue(info.reportTally) } : {}) });
  const anchor = fillIn?.table?.anchorName ?? previous?.fillInAnchor ?? null;
  const state = info ? stateOf(withMetadataRole(info, model), anchor) : previous;
  const activate = writeOf(outcome, "sheets")?.activate ?? null;
  if (model) {
    const targets = new Map<string, ExistingSheet>();
    const unprobed: string[] = [];
    for (const sheet of model.sheets) {
      const found = [...existing.values()].find((e) => e.name.toLowerCase() === sheet.name.toLowerCase());
      if (found) targets.set(sheet.name, found);
      else if (hasSheet(snapshot, sheet.name)) unprobed.push(sheet.name);
    }
    // A sheet the read did not guess is cleared all the same: its used range costs one more request.
    if (unprobed.length > 0) {
      const more = await readSheets(context, null, unprobed.map((name) => actualName(snapshot, name)));
      for (const name of unprobed) targets.set(name, more.existing.get(actualName(snapshot, name))!);
    }
    const shown = activate ?? model.sheets.find((s) => !s.hidden)?.name ?? model.sheets[0].name;
    const written = model;
    await writeModel(context, model, snapshot, targets, features.pageLayout, state!, shown, beforeSync ? (ctx) => beforeSync(ctx, written) : undefined);
    return;
  }
  for (const write of outcome.writes) {
    if (write.kind === "cells")
      for (const cell of write.cells) {
        const at = parseCell(cell.cell);
        if (!at) continue;
        const range = context.workbook.worksheets.getItem(cell.sheet).getRangeByIndexes(at.row, at.col, 1, 1);
        // A number written into a cell formatted as text would stay text: the format goes first.
        if (typeof cell.value === "number") range.numberFormat = [["General"]];
        range.values = [[cell.text ? toExcelInput(cell.value) : (cell.value ?? "")]];
      }
    if (write.kind === "select") {
      const at = parseCell(write.cell);
      const ws = context.workbook.worksheets.getItem(write.sheet);
      ws.activate();
      if (at) ws.getRangeByIndexes(at.row, at.col, 1, 1).select();
    }
  }
  const settings = writeOf(outcome, "settings")?.settings;
  if (info && state) writeDocumentState(context, state);
  else if (settings && previous) writeDocumentState(context, { ...previous, settings });
  await context.sync();
}

/** The hidden plan sheet is the add-in's own too. */
function withMetadataRole(info: DocumentInfo, model: WorkbookModel | null): DocumentInfo {
  if (!model) return info;
  const sheets = { ...info.sheets };
  for (const s of model.sheets) sheets[s.name] = s.role;
  return { ...info, sheets };
}
