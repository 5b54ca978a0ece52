// Renders the core's SheetModel into a Google sheet with a fixed number of service calls, whatever
// the number of rows: one block range from A1, then one plural setter per property over the whole
// block; conditional rules merged with the user's; protection leaving the input cells editable;
// the table anchored by a named range. Where Sheets has no API for what the model says (print setup,
// indent, row heights, protection passwords), nothing is written: the README lists these.
import { rangeA1 } from "../../../shared/sheet/builder";
import type { ConditionalRule, DataValidationSpec, Rect, SheetModel, WorkbookModel } from "../../../shared/sheet/types";
import { isOwnRule, markedFormula } from "./conditional-rules";
import { columnPixels, modelSize, rasterize, type Raster } from "./raster";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;

/** A new sheet's size in Google Sheets. */
const NEW_SHEET = { rows: 1000, cols: 26 };

/** A sheet about to be (re)written, with what is known of it without further calls. */
export interface TargetSheet {
  sheet: Sheet;
  isNew: boolean;
  /** Rows × columns holding data now (0 × 0 for a new sheet): the block also covers them, to clear them. */
  extent: { rows: number; cols: number };
}

/** Finds a sheet or inserts it (1–2 calls); an existing sheet's data extent costs two more. */
export function targetSheet(ss: Spreadsheet, name: string): TargetSheet {
  const existing = ss.getSheetByName(name);
  if (!existing) return { sheet: ss.insertSheet(name), isNew: true, extent: { rows: 0, cols: 0 } };
  const values = existing.getDataRange().getValues();
  return { sheet: existing, isNew: false, extent: { rows: values.length, cols: values[0]?.length ?? 0 } };
}

/** The same for a sheet whose values were already read (reload): no further call. */
export function knownSheet(sheet: Sheet, values: unknown[][]): TargetSheet {
  return { sheet, isNew: false, extent: { rows: values.length, cols: values[0]?.length ?? 0 } };
}

function textStyleObjects(raster: Raster): GoogleAppsScript.Spreadsheet.TextStyle[][] {
  const built = new Map<string, GoogleAppsScript.Spreadsheet.TextStyle>();
  for (const [key, s] of raster.textStyles) {
    built.set(
      key,
      SpreadsheetApp.newTextStyle()
        .setFontFamily(s.family)
        .setFontSize(s.size)
        .setBold(s.bold)
        .setItalic(s.italic)
        .setUnderline(s.underline)
        .setForegroundColor(s.color)
        .build(),
    );
  }
  return raster.textStyleKeys.map((row) => row.map((key) => built.get(key)!));
}

function validationOf(spec: DataValidationSpec): GoogleAppsScript.Spreadsheet.DataValidation {
  let builder = SpreadsheetApp.newDataValidation();
  const rule = spec.rule;
  if (rule.kind === "list") builder = builder.requireValueInList(rule.items, true);
  else if (rule.min !== undefined && rule.max !== undefined) builder = builder.requireNumberBetween(rule.min, rule.max);
  else if (rule.min !== undefined) builder = builder.requireNumberGreaterThanOrEqualTo(rule.min);
  else if (rule.max !== undefined) builder = builder.requireNumberLessThanOrEqualTo(rule.max);
  else builder = builder.requireNumberBetween(-1e15, 1e15);
  builder = builder.setAllowInvalid(!spec.strict);
  const help = spec.prompt?.message ?? spec.error?.message;
  if (help) builder = builder.setHelpText(help);
  return builder.build();
}

function validationGrid(model: SheetModel, rows: number, cols: number): (GoogleAppsScript.Spreadsheet.DataValidation | null)[][] {
  const grid: (GoogleAppsScript.Spreadsheet.DataValidation | null)[][] = [];
  for (let r = 0; r < rows; r++) grid.push(new Array(cols).fill(null));
  for (const spec of model.validations) {
    const built = validationOf(spec);
    for (let r = spec.range.row; r < Math.min(rows, spec.range.row + spec.range.rows); r++)
      for (let c = spec.range.col; c < Math.min(cols, spec.range.col + spec.range.cols); c++) grid[r]![c] = built;
  }
  return grid;
}

function buildRule(sheet: Sheet, rule: ConditionalRule, range: Range): GoogleAppsScript.Spreadsheet.ConditionalFormatRule {
  let builder = SpreadsheetApp.newConditionalFormatRule().whenFormulaSatisfied(markedFormula(rule)).setRanges([range]);
  if (rule.style.fill) builder = builder.setBackground(rule.style.fill);
  if (rule.style.fontColor) builder = builder.setFontColor(rule.style.fontColor);
  if (rule.style.bold !== undefined) builder = builder.setBold(rule.style.bold);
  void sheet;
  return builder.build();
}

/** Runs of consecutive visible columns sharing a width: one setColumnWidths call each. */
function widthRuns(model: SheetModel): { start: number; count: number; px: number }[] {
  const runs: { start: number; count: number; px: number }[] = [];
  if (model.hidden) return runs;
  model.columns.forEach((col, i) => {
    if (col.hidden) return;
    const px = columnPixels(col.width);
    const last = runs[runs.length - 1];
    if (last && last.px === px && last.start + last.count === i) last.count++;
    else runs.push({ start: i, count: 1, px });
  });
  return runs;
}

function hiddenRuns(model: SheetModel): { start: number; count: number }[] {
  const runs: { start: number; count: number }[] = [];
  model.columns.forEach((col, i) => {
    if (!col.hidden) return;
    const last = runs[runs.length - 1];
    if (last && last.start + last.count === i) last.count++;
    else runs.push({ start: i, count: 1 });
  });
  return runs;
}

/**
 * Merges as few ranges to merge as possible: one-row merges with the same columns on consecutive
 * rows become one range merged across (one call instead of one per row).
 */
export function mergeGroups(merges: Rect[]): { range: Rect; across: boolean }[] {
  const out: { range: Rect; across: boolean }[] = [];
  const single = merges.filter((m) => m.rows === 1).sort((a, b) => a.col - b.col || a.cols - b.cols || a.row - b.row);
  for (const m of single) {
    const last = out[out.length - 1];
    if (last && last.across && last.range.col === m.col && last.range.cols === m.cols && last.range.row + last.range.rows === m.row) last.range.rows++;
    else out.push({ range: { ...m }, across: true });
  }
  for (const m of merges) if (m.rows > 1) out.push({ range: m, across: false });
  return out;
}

export interface RenderReport {
  sheet: Sheet;
  rows: number;
  cols: number;
}

/**
 * Writes `model` into `target` from A1. Typed input survives only where the model carries it: the
 * caller reads the sheet first and passes the entries to the core, which puts them back in the model.
 */
export function renderSheet(ss: Spreadsheet, target: TargetSheet, model: SheetModel, namesOnSheet: { name: string; range: Rect }[]): RenderReport {
  const { sheet, isNew } = target;
  const size = modelSize(model);
  const rows = Math.max(size.rows, target.extent.rows);
  const cols = Math.max(size.cols, target.extent.cols);
  const raster = rasterize(model, rows, cols);

  if (!isNew || rows > NEW_SHEET.rows || cols > NEW_SHEET.cols) {
    const maxRows = isNew ? NEW_SHEET.rows : sheet.getMaxRows();
    const maxCols = isNew ? NEW_SHEET.cols : sheet.getMaxColumns();
    if (rows > maxRows) sheet.insertRowsAfter(maxRows, rows - maxRows);
    if (cols > maxCols) sheet.insertColumnsAfter(maxCols, cols - maxCols);
  }

  const block = sheet.getRange(1, 1, rows, cols);
  if (!isNew) block.breakApart();
  block.setValues(raster.values);
  block.setNumberFormats(raster.numberFormats);
  if (raster.uses.backgrounds || !isNew) block.setBackgrounds(raster.backgrounds);
  block.setTextStyles(textStyleObjects(raster));
  if (raster.uses.horizontal || !isNew) block.setHorizontalAlignments(raster.horizontal);
  if (raster.uses.vertical || !isNew) block.setVerticalAlignments(raster.vertical);
  if (raster.uses.wraps || !isNew) block.setWrapStrategies(raster.wraps.map((row) => row.map((w) => SpreadsheetApp.WrapStrategy[w])));
  if (model.validations.length > 0 || !isNew) block.setDataValidations(validationGrid(model, rows, cols));

  // Every other rectangle comes from one range list: merges, names, input cells, rule ranges.
  const merges = mergeGroups(model.merges);
  const wanted: Rect[] = [...merges.map((m) => m.range), ...namesOnSheet.map((n) => n.range), ...model.editable, ...model.conditionalRules.map((r) => r.range)];
  const ranges = wanted.length > 0 ? sheet.getRangeList(wanted.map((r) => rangeA1(r))).getRanges() : [];
  let next = 0;
  const take = (count: number) => ranges.slice(next, (next += count));
  const mergeRanges = take(merges.length);
  const nameRanges = take(namesOnSheet.length);
  const editableRanges = take(model.editable.length);
  const ruleRanges = take(model.conditionalRules.length);

  mergeRanges.forEach((r, i) => (merges[i]!.across ? r.mergeAcross() : r.merge()));
  namesOnSheet.forEach((n, i) => ss.setNamedRange(n.name, nameRanges[i]!));
  if (raster.borders.length > 0) sheet.getRangeList(raster.borders.map((r) => rangeA1(r))).setBorder(true, true, true, true, true, true, "#000000", SpreadsheetApp.BorderStyle.SOLID);

  const previous = isNew ? [] : sheet.getConditionalFormatRules();
  const own = model.conditionalRules.map((rule, i) => buildRule(sheet, rule, ruleRanges[i]!));
  const userRules = previous.filter((rule) => !isOwnRule(rule));
  if (own.length > 0 || previous.length !== userRules.length) sheet.setConditionalFormatRules([...own, ...userRules]);

  if (model.protection.enabled) sheet.protect().setUnprotectedRanges(editableRanges);

  for (const run of widthRuns(model)) sheet.setColumnWidths(run.start + 1, run.count, run.px);
  for (const run of hiddenRuns(model)) sheet.hideColumns(run.start + 1, run.count);
  if (model.frozen?.rows) sheet.setFrozenRows(model.frozen.rows);
  if (model.frozen?.cols) sheet.setFrozenColumns(model.frozen.cols);
  if (model.hidden) sheet.hideSheet();
  return { sheet, rows, cols };
}

/** The names of the workbook defined on one sheet (its table anchor included). */
export function namesOf(workbook: WorkbookModel, model: SheetModel): { name: string; range: Rect }[] {
  const out: { name: string; range: Rect }[] = [];
  if (model.table) {
    const t = model.table;
    out.push({ name: t.anchorName, range: { row: t.headerRow, col: 0, rows: Math.max(1, t.lastDataRow - t.headerRow + 1), cols: t.columns.length } });
  }
  for (const sheet of workbook.sheets) for (const n of sheet.names) if (n.sheet === model.name && !out.some((o) => o.name === n.name)) out.push({ name: n.name, range: n.range });
  return out;
}

/** Sheets that Google Sheets does not need: list sources (its validations hold the items). */
export function sheetsToRender(workbook: WorkbookModel): SheetModel[] {
  return workbook.sheets.filter((s) => s.role !== "lists");
}
