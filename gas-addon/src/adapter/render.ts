// Renders the core's SheetModel into a Google sheet with a fixed number of service calls, whatever
// the number of rows: one block range from A1, then one plural setter per property over the whole
// block; conditional rules merged with the user's; protection leaving the input cells editable; the
// table anchored by a named range. A sheet still as the add-on left it (see fingerprint.ts) gets
// only the property groups that changed. Where Sheets has no API for what the model says (print
// setup, indent, row heights, protection passwords), nothing is written: the README lists these.
import { columnLetter, quoteSheet, rangeA1 } from "../../../shared/sheet/builder";
import { isFormula, type ConditionalRule, type DataValidationSpec, type DefinedName, type Rect, type SheetModel, type WorkbookModel } from "../../../shared/sheet/types";
import { isOwnRule, markedFormula } from "./conditional-rules";
import { inlineNames } from "./names";
import { hashGrid, hashOf, isLiteralOnly, readbackOf, type SheetFingerprint } from "./fingerprint";
import { columnPixels, modelSize, rasterize, type Raster } from "./raster";
import { sheetOf, type TargetSheet } from "./sheet-io";

export type { TargetSheet } from "./sheet-io";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;

/** A new sheet's size in Google Sheets. */
const NEW_SHEET = { rows: 1000, cols: 26 };

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

/**
 * A rule's formula as Sheets takes it: a conditional format cannot refer to another sheet, even
 * through a name, so names on other sheets become INDIRECT references to their cells.
 */
export function sheetsRuleFormula(formula: string, inlined: readonly DefinedName[], onSheet: string): string {
  return inlineNames(formula, inlined, onSheet, true);
}

/** The model with its workbook names written into the cell formulas as references (names.ts). */
function withNamesInlined(model: SheetModel, inlined: readonly DefinedName[]): SheetModel {
  if (inlined.length === 0) return model;
  const cells = model.cells.map((row) => row.map((v) => (v !== null && isFormula(v) ? { formula: inlineNames(v.formula, inlined, model.name) } : v)));
  return { ...model, cells };
}

function ruleFor(rule: ConditionalRule, range: Range, inlined: readonly DefinedName[], onSheet: string): GoogleAppsScript.Spreadsheet.ConditionalFormatRule {
  const formula = markedFormula({ ...rule, formula: sheetsRuleFormula(rule.formula, inlined, onSheet) });
  let builder = SpreadsheetApp.newConditionalFormatRule().whenFormulaSatisfied(formula).setRanges([range]);
  if (rule.style.fill) builder = builder.setBackground(rule.style.fill);
  if (rule.style.fontColor) builder = builder.setFontColor(rule.style.fontColor);
  if (rule.style.bold !== undefined) builder = builder.setBold(rule.style.bold);
  return builder.build();
}

export interface WidthCall {
  start: number;
  count: number;
  px: number;
}

/** Runs of consecutive columns of `widths` (from column `from`) sharing a width, skipping `base`. */
function runsOf(widths: readonly number[], from: number, base: number | null): WidthCall[] {
  const runs: WidthCall[] = [];
  widths.forEach((px, i) => {
    if (px === base) return;
    const last = runs[runs.length - 1];
    if (last && last.px === px && last.start + last.count === from + i) last.count++;
    else runs.push({ start: from + i, count: 1, px });
  });
  return runs;
}

/**
 * The setColumnWidths calls for the visible columns, as few as possible: for each stretch of
 * visible columns, either one call per run of equal widths, or one call giving the whole stretch
 * its commonest width followed by one per run of the other widths, whichever is fewer. (Hidden
 * columns get no width: they are not shown.)
 */
export function widthCalls(model: SheetModel): WidthCall[] {
  const calls: WidthCall[] = [];
  if (model.hidden) return calls;
  let i = 0;
  while (i < model.columns.length) {
    if (model.columns[i]!.hidden) {
      i++;
      continue;
    }
    const from = i;
    while (i < model.columns.length && !model.columns[i]!.hidden) i++;
    const widths = model.columns.slice(from, i).map((c) => columnPixels(c.width));
    let best = runsOf(widths, from, null);
    for (const base of new Set(widths)) {
      const candidate = [{ start: from, count: widths.length, px: base }, ...runsOf(widths, from, base)];
      if (candidate.length < best.length) best = candidate;
    }
    for (const call of best) calls.push(call);
  }
  return calls;
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

/**
 * The most rows (or columns) up to `wanted` that can be frozen: Sheets refuses to freeze through a
 * merged range (the title block merged across the sheet, for instance), where Excel allows it.
 */
export function freezable(wanted: number, merges: readonly Rect[], axis: "rows" | "cols"): number {
  for (let n = wanted; n > 0; n--) {
    const straddles = merges.some((m) => (axis === "rows" ? m.row < n && m.row + m.rows > n : m.col < n && m.col + m.cols > n));
    if (!straddles) return n;
  }
  return 0;
}

export interface NamedRect {
  name: string;
  range: Rect;
}

export interface RenderInput {
  model: SheetModel;
  /** Names to define on this sheet: its table anchor only. */
  names: NamedRect[];
  /** The workbook's other names, written into the formulas as the cells they stand for. */
  inlined: DefinedName[];
  previous: SheetFingerprint | null;
}

type Group = "values" | "numberFormats" | "backgrounds" | "textStyles" | "horizontal" | "vertical" | "wraps" | "validations" | "rules" | "merges" | "names" | "protection" | "borders" | "layout";

/**
 * Writes the model into the target sheet from A1 and returns the sheet's new fingerprint. Typed
 * input survives only where the model carries it: the caller reads the sheet first and passes the
 * entries to the core, which puts them back in the model.
 */
export function renderSheet(ss: Spreadsheet, target: TargetSheet, input: RenderInput): SheetFingerprint {
  const staged = stageSheet(ss, target, input);
  staged.grow();
  staged.fetchRanges();
  return staged.write();
}

/**
 * A sheet's render in the steps Apps Script's write cache wants apart: what Apps Script must send
 * happens when a read follows writes, so a workbook of several sheets reads everything first
 * (`stageSheet`: the sheet's size and conditional rules), grows every sheet (writes), fetches every
 * sheet's rectangles (one read each, together: one flush), then writes every sheet. Each step of
 * one sheet in this order is renderSheet.
 */
export interface StagedSheet {
  /** Adds the rows and columns the block needs (writes only). */
  grow(): void;
  /** The ranges of the merges, names, input cells and rules (one read). */
  fetchRanges(): void;
  /** Every write of the sheet (no read); its new fingerprint. */
  write(): SheetFingerprint;
}

/** Reads what the render of the sheet needs to know (nothing on a new sheet) and stages its writes. */
export function stageSheet(ss: Spreadsheet, target: TargetSheet, input: RenderInput): StagedSheet {
  const { names, inlined } = input;
  const model = withNamesInlined(input.model, inlined);
  const previous = target.isNew ? null : input.previous;
  const literalOnly = isLiteralOnly(model);
  const size = modelSize(model);

  let trusted = false;
  if (previous && target.values) {
    trusted = literalOnly && previous.readback !== null ? hashGrid(target.values, previous.rows, previous.cols) === previous.readback : target.layoutTrusted;
  }
  // The block covers the model and what was there before, so a shorter table clears the old rows.
  const covered = trusted && previous ? previous : target.extent;
  const rows = Math.max(size.rows, covered.rows);
  const cols = Math.max(size.cols, covered.cols);
  if (trusted && previous && (rows > previous.rows || cols > previous.cols)) trusted = false;
  const raster = rasterize(model, rows, cols);

  const rulesForHash = model.conditionalRules.map((r) => ({ ...r, formula: sheetsRuleFormula(r.formula, inlined, model.name) }));
  const hashes: Record<Group, string> = {
    values: hashGrid(raster.values, rows, cols),
    numberFormats: hashGrid(raster.numberFormats, rows, cols),
    backgrounds: hashGrid(raster.backgrounds, rows, cols),
    textStyles: hashGrid(raster.textStyleKeys, rows, cols),
    horizontal: hashGrid(raster.horizontal, rows, cols),
    vertical: hashGrid(raster.vertical, rows, cols),
    wraps: hashGrid(raster.wraps, rows, cols),
    validations: hashOf([rows, cols, model.validations]),
    rules: hashOf(rulesForHash),
    merges: hashOf(model.merges),
    names: hashOf(names),
    protection: hashOf([model.protection.enabled, model.editable]),
    borders: hashOf(raster.borders),
    layout: hashOf([model.columns, model.frozen ?? null, model.hidden ?? false]),
  };
  const isNew = target.isNew;
  const write = (group: Group, usedOnNewSheet = true): boolean => {
    if (isNew) return usedOnNewSheet;
    return !trusted || previous!.groups[group] !== hashes[group];
  };

  const sheet = (): Sheet => sheetOf(target);
  let maxRows = NEW_SHEET.rows;
  let maxCols = NEW_SHEET.cols;
  const mayGrow = !trusted && (!isNew || rows > NEW_SHEET.rows || cols > NEW_SHEET.cols);
  if (mayGrow && !isNew) {
    maxRows = sheet().getMaxRows();
    maxCols = sheet().getMaxColumns();
  }

  let blockRange: Range | null = null;
  const block = (): Range => {
    if (!blockRange) {
      const read = target.range;
      const sameAsRead = read !== null && target.rangeIsBlock && target.values !== null && target.values.length === rows && (target.values[0]?.length ?? 0) === cols;
      blockRange = sameAsRead ? read : target.sheet ? target.sheet.getRange(1, 1, rows, cols) : ss.getRange(`${quoteSheet(target.name)}!A1:${columnLetter(cols - 1)}${rows}`);
    }
    return blockRange;
  };

  const merges = mergeGroups(model.merges);
  // Every other rectangle the writes need comes from one range list.
  const writeMerges = write("merges", merges.length > 0);
  const writeNames = write("names", names.length > 0);
  const writeProtection = write("protection", model.protection.enabled);
  const writeRules = write("rules", model.conditionalRules.length > 0);
  const wanted: Rect[] = [
    ...(writeMerges ? merges.map((m) => m.range) : []),
    ...(writeNames ? names.map((n) => n.range) : []),
    ...(writeProtection ? model.editable : []),
    ...(writeRules ? model.conditionalRules.map((r) => r.range) : []),
  ];
  // The sheet's own rules, read now: the user's are kept when ours are rewritten.
  const rulesBefore = writeRules && !isNew ? sheet().getConditionalFormatRules() : [];
  let ranges: Range[] = [];

  const grow = (): void => {
    if (!mayGrow) return;
    if (rows > maxRows) sheet().insertRowsAfter(maxRows, rows - maxRows);
    if (cols > maxCols) sheet().insertColumnsAfter(maxCols, cols - maxCols);
  };
  const fetchRanges = (): void => {
    ranges = wanted.length > 0 ? sheet().getRangeList(wanted.map((r) => rangeA1(r))).getRanges() : [];
  };

  const writeAll = (): SheetFingerprint => {
    if (write("merges", false)) block().breakApart();
    // The values of an editable sheet are always written: a user may have typed over a formula.
    if (!literalOnly || write("values")) block().setValues(raster.values);
    if (write("numberFormats")) block().setNumberFormats(raster.numberFormats);
    if (write("backgrounds", raster.uses.backgrounds)) block().setBackgrounds(raster.backgrounds);
    if (write("textStyles")) block().setTextStyles(textStyleObjects(raster));
    if (write("horizontal", raster.uses.horizontal)) block().setHorizontalAlignments(raster.horizontal);
    if (write("vertical", raster.uses.vertical)) block().setVerticalAlignments(raster.vertical);
    if (write("wraps", raster.uses.wraps)) block().setWrapStrategies(raster.wraps.map((row) => row.map((w) => SpreadsheetApp.WrapStrategy[w])));
    if (write("validations", model.validations.length > 0)) block().setDataValidations(validationGrid(model, rows, cols));

    let next = 0;
    const take = (on: boolean, count: number) => (on ? ranges.slice(next, (next += count)) : []);
    const mergeRanges = take(writeMerges, merges.length);
    const nameRanges = take(writeNames, names.length);
    const editableRanges = take(writeProtection, model.editable.length);
    const ruleRanges = take(writeRules, model.conditionalRules.length);

    mergeRanges.forEach((r, i) => (merges[i]!.across ? r.mergeAcross() : r.merge()));
    names.forEach((n, i) => nameRanges[i] && ss.setNamedRange(n.name, nameRanges[i]!));
    if (write("borders", raster.borders.length > 0) && raster.borders.length > 0)
      sheet().getRangeList(raster.borders.map((r) => rangeA1(r))).setBorder(true, true, true, true, true, true, "#000000", SpreadsheetApp.BorderStyle.SOLID);

    if (writeRules) {
      const before = rulesBefore;
      const userRules = before.filter((rule) => !isOwnRule(rule));
      const own = model.conditionalRules.map((rule, i) => ruleFor(rule, ruleRanges[i]!, inlined, model.name));
      if (own.length > 0 || before.length !== userRules.length) sheet().setConditionalFormatRules([...own, ...userRules]);
    }
    // Warning-based: a sheet protection that removes editors would lock out the other clerks who share
    // the spreadsheet; one that keeps them restricts nobody. A warning on every locked cell is the
    // guard-rail Excel's password-less protection gives.
    if (writeProtection && model.protection.enabled) sheet().protect().setWarningOnly(true).setUnprotectedRanges(editableRanges);

    if (write("layout")) {
      for (const call of widthCalls(model)) sheet().setColumnWidths(call.start + 1, call.count, call.px);
      for (const run of hiddenRuns(model)) sheet().hideColumns(run.start + 1, run.count);
      const frozenRows = freezable(model.frozen?.rows ?? 0, model.merges, "rows");
      const frozenCols = freezable(model.frozen?.cols ?? 0, model.merges, "cols");
      if (frozenRows > 0) sheet().setFrozenRows(frozenRows);
      if (frozenCols > 0) sheet().setFrozenColumns(frozenCols);
      if (model.hidden) sheet().hideSheet();
    }
    return { sheet: target.name, rows, cols, readback: literalOnly ? readbackOf(raster) : null, groups: hashes };
  };
  return { grow, fetchRanges, write: writeAll };
}

/** The named ranges to define on one sheet: its table anchor, what finds the table again. */
export function namesOf(workbook: WorkbookModel, model: SheetModel): NamedRect[] {
  if (!model.table) return [];
  const t = model.table;
  const defined = workbook.sheets.flatMap((s) => s.names).find((n) => n.name === t.anchorName && n.sheet === model.name);
  return [{ name: t.anchorName, range: defined?.range ?? { row: t.headerRow, col: 0, rows: Math.max(1, t.lastDataRow - t.headerRow + 1), cols: t.columns.length } }];
}

/** Every name of the workbook but the table anchors: written into formulas instead of defined. */
export function inlinedNamesOf(workbook: WorkbookModel): DefinedName[] {
  const anchors = new Set(workbook.sheets.flatMap((s) => (s.table ? [s.table.anchorName] : [])));
  const seen = new Map<string, DefinedName>();
  for (const sheet of workbook.sheets) for (const n of sheet.names) if (!anchors.has(n.name) && !seen.has(n.name)) seen.set(n.name, n);
  return [...seen.values()];
}
