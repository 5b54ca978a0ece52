// Renders the core's WorkbookModel into the open workbook through Office.js, within the batching
// model: every command below is only queued; the caller's request is sent by `context.sync()`.
// Cells go as one 2-D `numberFormat` then one 2-D `formulas` per block of rows (number formats
// first, so Excel does not re-guess types); styles, rules and validations one call per rectangle,
// always on the exact rectangle the model gives, never a whole column.
//
// A request to Excel on the web may not exceed 5 MB. The commands are packed into requests under
// a budget estimated from their JSON length; the usual sheets (up to several thousand rows) fit in
// one request, a giant one takes one more sync per extra block (see README, "Giới hạn").
import type { CellStyle, ConditionalRule, DataValidationSpec, PrintSetup, Rect, SheetModel, StyledRect, WorkbookModel } from "../../../shared/sheet/types";
import { absoluteRef } from "../../../shared/sheet/a1";
import { toExcelInput, type ExcelInput } from "./cell-input";

/** What the workbook already holds of a sheet the model writes (found in an earlier sync). */
export interface ExistingSheet {
  name: string;
  /** The used rectangle (formats included), cleared before writing; null when the sheet is empty. */
  used: Rect | null;
  protected: boolean;
}

export interface RenderOptions {
  /** Sheets of the model that already exist and belong to the add-in, by name. */
  existing: Map<string, ExistingSheet>;
  /** Workbook names that already exist (they are replaced, so the anchor follows the new table). */
  existingNames: Set<string>;
  /** `worksheet.pageLayout` needs ExcelApi 1.9; without it the print setup is skipped. */
  pageLayout: boolean;
  /** Bytes per request; below Excel on the web's 5 MB with room for the protocol's own overhead. */
  requestBudget?: number;
  /** Extra commands to queue in the last request (e.g. settings), with their size. */
  finish?: (context: Excel.RequestContext) => void;
  password?: string;
}

/** Under Excel on the web's 5 MB per request, with a margin for what the estimate does not see. */
export const DEFAULT_REQUEST_BUDGET = 4.5 * 1024 * 1024;
/** A block of cells stays well under a request so styles and rules can share its request. */
const CELL_BLOCK_BUDGET = 1024 * 1024;
/** Bytes of one command in a request, beyond its values (measured with the fake: 60–100). */
const OP_OVERHEAD = 100;

interface Step {
  size: number;
  queue: (context: Excel.RequestContext) => void;
}

export interface RenderResult {
  syncs: number;
  requests: number[];
}

/** Queues the whole model and sends it in as few requests as the budget allows (usually one). */
export async function renderWorkbook(context: Excel.RequestContext, model: WorkbookModel, options: RenderOptions): Promise<RenderResult> {
  const requests = packRequests(planSteps(model, options), options.requestBudget ?? DEFAULT_REQUEST_BUDGET);
  const sizes = requests.map((steps) => steps.reduce((sum, step) => sum + step.size, 0));
  await requests.reduce(async (previous, steps) => {
    await previous;
    context.application.suspendApiCalculationUntilNextSync();
    for (const step of steps) step.queue(context);
    // One sync per request-sized block is the documented way to write more than 5 MB.
    await context.sync();
  }, Promise.resolve());
  return { syncs: requests.length, requests: sizes };
}

/** Splits the steps into requests under the budget, in order. */
export function packRequests(steps: Step[], budget: number): Step[][] {
  const requests: Step[][] = [[]];
  let used = 0;
  for (const step of steps) {
    if (used + step.size > budget && requests[requests.length - 1].length > 0) {
      requests.push([]);
      used = 0;
    }
    requests[requests.length - 1].push(step);
    used += step.size;
  }
  return requests;
}

/** The estimated request size of everything the model needs, for tests and the benchmark. */
export function estimateModelPayload(model: WorkbookModel): number {
  return planSteps(model, { existing: new Map(), existingNames: new Set(), pageLayout: true }).reduce((sum, s) => sum + s.size, 0);
}

function planSteps(model: WorkbookModel, options: RenderOptions): Step[] {
  const prepare: Step[] = [];
  const content: Step[] = [];
  const finish: Step[] = [];
  for (const sheet of model.sheets) {
    const existing = options.existing.get(sheet.name);
    prepare.push(prepareSheet(sheet, existing, options.password));
    for (const step of contentSteps(sheet, options)) content.push(step);
    for (const step of finishSteps(sheet, options)) finish.push(step);
  }
  const names = nameSteps(model, options);
  const last: Step[] = options.finish ? [{ size: 2000, queue: options.finish }] : [];
  return [...prepare, ...content, ...finish, ...names, ...last];
}

function sheetOf(context: Excel.RequestContext, name: string): Excel.Worksheet {
  return context.workbook.worksheets.getItem(name);
}

function prepareSheet(sheet: SheetModel, existing: ExistingSheet | undefined, password: string | undefined): Step {
  return {
    size: OP_OVERHEAD * 6,
    queue: (context) => {
      if (!existing) {
        context.workbook.worksheets.add(sheet.name);
        return;
      }
      const ws = sheetOf(context, sheet.name);
      if (existing.protected) ws.protection.unprotect(password ?? sheet.protection.password);
      if (existing.used) {
        const used = rangeOf(ws, existing.used);
        used.conditionalFormats.clearAll();
        used.dataValidation.clear();
        used.unmerge();
        used.clear("All");
      }
    },
  };
}

function rangeOf(ws: Excel.Worksheet, rect: Rect): Excel.Range {
  return ws.getRangeByIndexes(rect.row, rect.col, rect.rows, rect.cols);
}

function widthOf(sheet: SheetModel): number {
  let width = sheet.columns.length;
  for (const row of sheet.cells) width = Math.max(width, row.length);
  for (const row of sheet.numberFormats) width = Math.max(width, row.length);
  return width;
}

function contentSteps(sheet: SheetModel, options: RenderOptions): Step[] {
  const steps: Step[] = [];
  const width = widthOf(sheet);
  const height = sheet.cells.length;
  if (width > 0 && height > 0) {
    steps.push({
      size: OP_OVERHEAD * 2,
      queue: (context) => {
        const font = rangeOf(sheetOf(context, sheet.name), { row: 0, col: 0, rows: height, cols: width }).format.font;
        font.name = sheet.font.name;
        font.size = sheet.font.size;
      },
    });
    for (const step of cellBlocks(sheet, width)) steps.push(step);
  }
  sheet.columns.forEach((column, col) => {
    steps.push({
      size: OP_OVERHEAD * 2,
      queue: (context) => {
        const range = sheetOf(context, sheet.name).getRangeByIndexes(0, col, 1, 1);
        range.format.columnWidth = charactersToPoints(column.width);
        if (column.hidden) range.columnHidden = true;
      },
    });
  });
  for (const { row, rows, height: points } of rowHeightRuns(sheet.rowHeights ?? []))
    steps.push({ size: OP_OVERHEAD, queue: (context) => (sheetOf(context, sheet.name).getRangeByIndexes(row, 0, rows, 1).format.rowHeight = points) });
  for (const merge of sheet.merges) steps.push({ size: OP_OVERHEAD, queue: (context) => rangeOf(sheetOf(context, sheet.name), merge).merge(false) });
  for (const styled of coalesceStyles(sheet.styles)) steps.push(styleStep(sheet.name, styled.range, styled.style));
  sheet.conditionalRules.forEach((rule, index) => steps.push(conditionalStep(sheet.name, rule, index)));
  if (options.pageLayout && sheet.print) steps.push(printStep(sheet.name, sheet.print));
  return steps;
}

/** Consecutive rows of the same height, as one command each. */
export function rowHeightRuns(heights: readonly { row: number; height: number }[]): { row: number; rows: number; height: number }[] {
  const runs: { row: number; rows: number; height: number }[] = [];
  for (const { row, height } of [...heights].sort((a, b) => a.row - b.row)) {
    const last = runs[runs.length - 1];
    if (last && last.height === height && last.row + last.rows === row) last.rows++;
    else runs.push({ row, rows: 1, height });
  }
  return runs;
}

function intersects(a: Rect, b: Rect): boolean {
  return a.row < b.row + b.rows && b.row < a.row + a.rows && a.col < b.col + b.cols && b.col < a.col + a.cols;
}

/** The properties a style sets ("font.bold", "fill", "border"…): two styles conflict only on shared ones. */
function propertiesOf(style: CellStyle): Set<string> {
  const props = new Set<string>();
  for (const [key, value] of Object.entries(style)) {
    if (value === undefined) continue;
    if (key === "font") for (const [fontKey, fontValue] of Object.entries(value as object)) if (fontValue !== undefined) props.add(`font.${fontKey}`);
    else props.add(key);
  }
  return props;
}

/**
 * The model styles rectangle by rectangle, often one row at a time (an indent here, an input fill
 * there): 3000 rows make 8000 rectangles, each a command in the request. Rectangles of the same
 * style over the same columns on consecutive rows become one, unless a rectangle between them in
 * the list sets one of the same properties on the same cells (later rectangles win there, so the
 * order keeps its meaning).
 */
export function coalesceStyles(styles: readonly StyledRect[]): StyledRect[] {
  interface Group {
    rect: Rect;
    style: CellStyle;
    props: Set<string>;
    first: number;
    last: number;
  }
  const props = styles.map((s) => propertiesOf(s.style));
  const byRow = new Map<number, number[]>();
  styles.forEach((s, i) => {
    for (let r = s.range.row; r < s.range.row + s.range.rows; r++) {
      const list = byRow.get(r);
      if (list) list.push(i);
      else byRow.set(r, [i]);
    }
  });
  // Whether a rectangle listed strictly between `from` and `to` sets a shared property on `area`.
  const conflict = (area: Rect, from: number, to: number, group: Group): boolean => {
    for (let r = area.row; r < area.row + area.rows; r++)
      for (const j of byRow.get(r) ?? []) {
        if (j <= from || j >= to || !intersects(styles[j].range, area)) continue;
        for (const prop of props[j]) if (group.props.has(prop)) return true;
      }
    return false;
  };
  const groups: Group[] = [];
  const open = new Map<string, Group>();
  styles.forEach((s, i) => {
    const key = `${JSON.stringify(s.style)}|${s.range.col}|${s.range.cols}`;
    const group = open.get(key);
    const r = s.range;
    if (group && group.rect.row + group.rect.rows === r.row && !conflict(r, group.first, i, group) && !conflict(group.rect, group.last, i, group)) {
      group.rect = { ...group.rect, rows: group.rect.rows + r.rows };
      group.last = i;
      return;
    }
    const created: Group = { rect: { ...r }, style: s.style, props: props[i], first: i, last: i };
    groups.push(created);
    open.set(key, created);
  });
  return groups.sort((a, b) => a.last - b.last).map((g) => ({ range: g.rect, style: g.style }));
}

/** Validations with the same rule on consecutive rows of the same columns, as one (they never overlap). */
export function coalesceValidations(validations: readonly DataValidationSpec[]): DataValidationSpec[] {
  const out: DataValidationSpec[] = [];
  const open = new Map<string, DataValidationSpec>();
  for (const v of validations) {
    const key = JSON.stringify({ ...v, range: { col: v.range.col, cols: v.range.cols } });
    const last = open.get(key);
    if (last && last.range.row + last.range.rows === v.range.row) {
      last.range = { ...last.range, rows: last.range.rows + v.range.rows };
      continue;
    }
    const copy = { ...v, range: { ...v.range } };
    out.push(copy);
    open.set(key, copy);
  }
  return out;
}

/** Rows of cells in blocks under the block budget: numberFormat first, then formulas. */
function cellBlocks(sheet: SheetModel, width: number): Step[] {
  const steps: Step[] = [];
  const rowInputs = (r: number): { formats: string[]; inputs: ExcelInput[] } => {
    const formats: string[] = [];
    const inputs: ExcelInput[] = [];
    const cells = sheet.cells[r] ?? [];
    const fmts = sheet.numberFormats[r] ?? [];
    for (let c = 0; c < width; c++) {
      formats.push(fmts[c] ?? "General");
      inputs.push(toExcelInput(cells[c]));
    }
    return { formats, inputs };
  };
  let start = 0;
  while (start < sheet.cells.length) {
    const formats: string[][] = [];
    const inputs: ExcelInput[][] = [];
    let size = OP_OVERHEAD * 2;
    let r = start;
    while (r < sheet.cells.length && (r === start || size < CELL_BLOCK_BUDGET)) {
      const row = rowInputs(r);
      size += JSON.stringify(row.formats).length + JSON.stringify(row.inputs).length + 4;
      formats.push(row.formats);
      inputs.push(row.inputs);
      r++;
    }
    const top = start;
    steps.push({
      size,
      queue: (context) => {
        const range = rangeOf(sheetOf(context, sheet.name), { row: top, col: 0, rows: inputs.length, cols: width });
        range.numberFormat = formats;
        range.formulas = inputs;
      },
    });
    start = r;
  }
  return steps;
}

/** Excel's column width unit is one character of the default font; the API takes points. */
export function charactersToPoints(characters: number): number {
  return Math.round((characters * 7 + 5) * 0.75 * 100) / 100;
}

// The string forms of Office.js enums: the adapter does not need the `Excel` global at load time.
const HORIZONTAL: Record<NonNullable<CellStyle["horizontal"]>, `${Excel.HorizontalAlignment}`> = { left: "Left", center: "Center", right: "Right" };
const VERTICAL: Record<NonNullable<CellStyle["vertical"]>, `${Excel.VerticalAlignment}`> = { top: "Top", middle: "Center", bottom: "Bottom" };
const BORDER_EDGES = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideVertical", "InsideHorizontal"] as const;

function styleStep(sheetName: string, rect: Rect, style: CellStyle): Step {
  const ops = Object.keys(style.font ?? {}).length + (style.fill ? 1 : 0) + (style.horizontal ? 1 : 0) + (style.vertical ? 1 : 0) + 2 + (style.border ? 12 : 0);
  return {
    size: OP_OVERHEAD * (ops + 1),
    queue: (context) => {
      const format = rangeOf(sheetOf(context, sheetName), rect).format;
      const font = style.font;
      if (font) {
        if (font.name !== undefined) format.font.name = font.name;
        if (font.size !== undefined) format.font.size = font.size;
        if (font.bold !== undefined) format.font.bold = font.bold;
        if (font.italic !== undefined) format.font.italic = font.italic;
        if (font.color !== undefined) format.font.color = font.color;
        if (font.underline !== undefined) format.font.underline = font.underline ? "Single" : "None";
      }
      if (style.fill) format.fill.color = style.fill;
      if (style.horizontal) format.horizontalAlignment = HORIZONTAL[style.horizontal] as Excel.HorizontalAlignment;
      if (style.vertical) format.verticalAlignment = VERTICAL[style.vertical] as Excel.VerticalAlignment;
      if (style.wrap !== undefined) format.wrapText = style.wrap;
      if (style.indent !== undefined) format.indentLevel = style.indent;
      if (style.border) {
        const edges = rect.rows === 1 && rect.cols === 1 ? BORDER_EDGES.slice(0, 4) : BORDER_EDGES.filter((e) => (e === "InsideVertical" ? rect.cols > 1 : e === "InsideHorizontal" ? rect.rows > 1 : true));
        for (const edge of edges) {
          const border = format.borders.getItem(edge);
          border.style = style.border === "thin-all" ? "Continuous" : "None";
          if (style.border === "thin-all") border.weight = "Thin";
        }
      }
    },
  };
}

function conditionalStep(sheetName: string, rule: ConditionalRule, index: number): Step {
  return {
    size: OP_OVERHEAD * 6 + rule.formula.length,
    queue: (context) => {
      const cf = rangeOf(sheetOf(context, sheetName), rule.range).conditionalFormats.add("Custom" as Excel.ConditionalFormatType);
      // Invariant (en-US) syntax: `formula`, never `formulaLocal`, so a vi-VN Excel reads it right.
      cf.custom.rule.formula = rule.formula.startsWith("=") ? rule.formula : `=${rule.formula}`;
      if (rule.style.fill) cf.custom.format.fill.color = rule.style.fill;
      if (rule.style.fontColor) cf.custom.format.font.color = rule.style.fontColor;
      if (rule.style.bold !== undefined) cf.custom.format.font.bold = rule.style.bold;
      cf.stopIfTrue = rule.stopIfTrue ?? false;
      cf.priority = index;
    },
  };
}

function printStep(sheetName: string, print: PrintSetup): Step {
  const points = (mm: number) => Math.round((mm * 72) / 25.4);
  return {
    size: OP_OVERHEAD * 10,
    queue: (context) => {
      const layout = sheetOf(context, sheetName).pageLayout;
      layout.orientation = (print.orientation === "landscape" ? "Landscape" : "Portrait") as Excel.PageOrientation;
      layout.paperSize = "A4" as Excel.PaperType;
      layout.topMargin = points(print.margins.top);
      layout.bottomMargin = points(print.margins.bottom);
      layout.leftMargin = points(print.margins.left);
      layout.rightMargin = points(print.margins.right);
      layout.headerMargin = points(print.margins.header);
      layout.footerMargin = points(print.margins.footer);
      if (print.fitToWidth) layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
      if (print.repeatRows) layout.setPrintTitleRows(`$${print.repeatRows.first + 1}:$${print.repeatRows.last + 1}`);
    },
  };
}

function validationStep(sheetName: string, spec: DataValidationSpec): Step {
  return {
    size: OP_OVERHEAD * 5 + (spec.prompt?.message.length ?? 0) + (spec.error?.message.length ?? 0),
    queue: (context) => {
      const validation = rangeOf(sheetOf(context, sheetName), spec.range).dataValidation;
      validation.rule = validationRule(spec);
      validation.ignoreBlanks = spec.allowBlank;
      if (spec.prompt) validation.prompt = { title: spec.prompt.title, message: spec.prompt.message, showPrompt: true };
      if (spec.error)
        validation.errorAlert = {
          title: spec.error.title,
          message: spec.error.message,
          showAlert: true,
          style: (spec.strict ? "Stop" : "Warning") as Excel.DataValidationAlertStyle,
        };
    },
  };
}

function validationRule(spec: DataValidationSpec): Excel.DataValidationRule {
  const rule = spec.rule;
  if (rule.kind === "list")
    // A range, never a comma string: Excel splits a string source on commas (office-js#2128).
    return { list: { inCellDropDown: true, source: `=${absoluteRef(rule.sourceSheet, rule.source)}` } };
  const basic = (): Excel.BasicDataValidation => {
    if (rule.min !== undefined && rule.max !== undefined) return { operator: "Between" as Excel.DataValidationOperator, formula1: rule.min, formula2: rule.max };
    if (rule.min !== undefined) return { operator: "GreaterThanOrEqualTo" as Excel.DataValidationOperator, formula1: rule.min };
    if (rule.max !== undefined) return { operator: "LessThanOrEqualTo" as Excel.DataValidationOperator, formula1: rule.max };
    return { operator: "Between" as Excel.DataValidationOperator, formula1: -1e15, formula2: 1e15 };
  };
  return rule.kind === "whole" ? { wholeNumber: basic() } : { decimal: basic() };
}

function finishSteps(sheet: SheetModel, options: RenderOptions): Step[] {
  const steps: Step[] = coalesceValidations(sheet.validations).map((spec) => validationStep(sheet.name, spec));
  if (sheet.frozen && (sheet.frozen.rows > 0 || sheet.frozen.cols > 0)) {
    const frozen = sheet.frozen;
    steps.push({
      size: OP_OVERHEAD,
      queue: (context) => {
        const ws = sheetOf(context, sheet.name);
        if (frozen.cols === 0) ws.freezePanes.freezeRows(frozen.rows);
        else ws.freezePanes.freezeAt(ws.getRangeByIndexes(0, 0, Math.max(frozen.rows, 1), frozen.cols));
      },
    });
  }
  if (sheet.protection.enabled) {
    steps.push({
      size: OP_OVERHEAD * (sheet.editable.length + 2),
      queue: (context) => {
        const ws = sheetOf(context, sheet.name);
        for (const rect of sheet.editable) rangeOf(ws, rect).format.protection.locked = false;
        ws.protection.protect(
          {
            allowFormatColumns: true,
            allowFormatRows: true,
            allowFormatCells: false,
            allowAutoFilter: true,
            allowSort: true,
            allowInsertRows: false,
            allowDeleteRows: false,
            selectionMode: "Normal" as Excel.ProtectionSelectionMode,
          },
          options.password ?? sheet.protection.password,
        );
      },
    });
  }
  if (sheet.hidden) steps.push({ size: OP_OVERHEAD, queue: (context) => (sheetOf(context, sheet.name).visibility = "Hidden" as Excel.SheetVisibility) });
  return steps;
}

function nameSteps(model: WorkbookModel, options: RenderOptions): Step[] {
  const wanted = new Map<string, { sheet: string; range: Rect }>();
  for (const sheet of model.sheets) {
    for (const name of sheet.names) wanted.set(name.name, { sheet: name.sheet, range: name.range });
    const table = sheet.table;
    if (table && !wanted.has(table.anchorName)) {
      const rows = Math.max(table.lastDataRow, table.headerRow) - table.headerRow + 1;
      wanted.set(table.anchorName, { sheet: sheet.name, range: { row: table.headerRow, col: 0, rows, cols: Math.max(table.columns.length, 1) } });
    }
  }
  return [...wanted].map(([name, target]) => ({
    size: OP_OVERHEAD * 2,
    queue: (context) => {
      if (options.existingNames.has(name.toLowerCase())) context.workbook.names.getItem(name).delete();
      context.workbook.names.add(name, `=${absoluteRef(target.sheet, target.range)}`);
    },
  }));
}
