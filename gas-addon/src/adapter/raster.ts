// Rasterises a SheetModel into the 2-D arrays the plural Range setters take (setValues,
// setNumberFormats, setBackgrounds, setTextStyles, setHorizontalAlignments…), so a sheet of any
// length is written with the same handful of calls. Pure: no Apps Script API here.
import { isFormula, type CellStyle, type CellValue, type Rect, type SheetModel } from "../../../shared/sheet/types";

export interface TextStyleSpec {
  family: string;
  size: number;
  bold: boolean;
  italic: boolean;
  underline: boolean;
  color: string;
}

export type SheetsInput = string | number | boolean;
export type WrapStrategy = "WRAP" | "OVERFLOW";
export type Horizontal = "left" | "center" | "right";
export type Vertical = "top" | "middle" | "bottom";

export interface Raster {
  rows: number;
  cols: number;
  /** For setValues: literal text is written behind an apostrophe, formulas as "=…". */
  values: SheetsInput[][];
  numberFormats: string[][];
  backgrounds: (string | null)[][];
  /** Keys into `textStyles`. */
  textStyleKeys: string[][];
  textStyles: Map<string, TextStyleSpec>;
  horizontal: (Horizontal | null)[][];
  vertical: (Vertical | null)[][];
  wraps: WrapStrategy[][];
  /** Rectangles with thin borders on every edge. */
  borders: Rect[];
  /** Whether any cell departs from the default, so a setter with nothing to say can be skipped. */
  uses: { backgrounds: boolean; horizontal: boolean; vertical: boolean; wraps: boolean };
}

/** The Sheets number format of an invariant (Excel) code; null is the default "General". */
export function sheetsNumberFormat(code: string | null | undefined): string {
  return code === null || code === undefined || code === "" ? "General" : code;
}

/**
 * What setValues receives for one model value. Sheets reads a written string as if typed: "=…" is a
 * formula, "+…", "-…", "@…" try to be one, "1.234" or "01/02" become numbers or dates. A literal
 * string is therefore always written behind an apostrophe, which Sheets drops and keeps the text.
 */
export function sheetsInput(value: CellValue | undefined): SheetsInput {
  if (value === null || value === undefined) return "";
  if (isFormula(value)) return value.formula.startsWith("=") ? value.formula : `=${value.formula}`;
  if (typeof value === "string") return value.length === 0 ? "" : `'${value}`;
  if (typeof value === "number") return Number.isFinite(value) ? value : "";
  return value;
}

/** The text a literal cell shows, from what setValues was given (the inverse of sheetsInput). */
export function literalFromInput(input: SheetsInput): string | number | boolean | null {
  if (input === "") return null;
  if (typeof input === "string" && input.startsWith("'")) return input.slice(1);
  return input;
}

interface ResolvedStyle {
  fill: string | null;
  horizontal: Horizontal | null;
  vertical: Vertical | null;
  wrap: boolean;
  border: boolean;
  bold: boolean;
  italic: boolean;
  underline: boolean;
  color: string;
  size: number;
  family: string;
}

function fill2d<T>(rows: number, cols: number, value: T): T[][] {
  const out: T[][] = [];
  for (let r = 0; r < rows; r++) out.push(new Array<T>(cols).fill(value));
  return out;
}

function clip(rect: Rect, rows: number, cols: number): Rect | null {
  const row = Math.max(0, rect.row);
  const col = Math.max(0, rect.col);
  const lastRow = Math.min(rows - 1, rect.row + rect.rows - 1);
  const lastCol = Math.min(cols - 1, rect.col + rect.cols - 1);
  return lastRow < row || lastCol < col ? null : { row, col, rows: lastRow - row + 1, cols: lastCol - col + 1 };
}

/** The model's width: the longest row, the column specs and every rectangle it mentions. */
export function modelSize(model: SheetModel): { rows: number; cols: number } {
  let rows = model.cells.length;
  let cols = model.columns.length;
  for (const row of model.cells) cols = Math.max(cols, row.length);
  const rects: Rect[] = [
    ...model.merges,
    ...model.editable,
    ...model.conditionalRules.map((r) => r.range),
    ...model.validations.map((v) => v.range),
  ];
  for (const rect of rects) {
    rows = Math.max(rows, rect.row + rect.rows);
    cols = Math.max(cols, rect.col + rect.cols);
  }
  return { rows: Math.max(rows, 1), cols: Math.max(cols, 1) };
}

function applyStyle(target: ResolvedStyle, style: CellStyle): void {
  if (style.fill !== undefined) target.fill = style.fill.toLowerCase();
  if (style.horizontal !== undefined) target.horizontal = style.horizontal;
  if (style.vertical !== undefined) target.vertical = style.vertical;
  if (style.wrap !== undefined) target.wrap = style.wrap;
  if (style.border !== undefined) target.border = style.border === "thin-all";
  const font = style.font;
  if (font) {
    if (font.bold !== undefined) target.bold = font.bold;
    if (font.italic !== undefined) target.italic = font.italic;
    if (font.underline !== undefined) target.underline = font.underline;
    if (font.color !== undefined) target.color = font.color.toLowerCase();
    if (font.size !== undefined) target.size = font.size;
    if (font.name !== undefined) target.family = font.name;
  }
}

/** The block `rows × cols` from A1 (at least the model's size) as plural-setter arrays. */
export function rasterize(model: SheetModel, rows: number, cols: number): Raster {
  const base: ResolvedStyle = {
    fill: null,
    horizontal: null,
    vertical: null,
    wrap: false,
    border: false,
    bold: false,
    italic: false,
    underline: false,
    color: "#000000",
    size: model.font.size,
    family: model.font.name,
  };
  // Cells that no rectangle touches share `base`; a touched cell gets its own copy.
  const styles: (ResolvedStyle | null)[][] = fill2d<ResolvedStyle | null>(rows, cols, null);
  for (const { range, style } of model.styles) {
    const rect = clip(range, rows, cols);
    if (!rect) continue;
    for (let r = rect.row; r < rect.row + rect.rows; r++) {
      const line = styles[r]!;
      for (let c = rect.col; c < rect.col + rect.cols; c++) {
        const cell = line[c] ?? { ...base };
        applyStyle(cell, style);
        line[c] = cell;
      }
    }
  }

  const values = fill2d<SheetsInput>(rows, cols, "");
  const numberFormats = fill2d(rows, cols, "General");
  const backgrounds = fill2d<string | null>(rows, cols, null);
  const textStyleKeys = fill2d(rows, cols, "");
  const horizontal = fill2d<Horizontal | null>(rows, cols, null);
  const vertical = fill2d<Vertical | null>(rows, cols, null);
  const wraps = fill2d<WrapStrategy>(rows, cols, "OVERFLOW");
  const textStyles = new Map<string, TextStyleSpec>();
  const uses = { backgrounds: false, horizontal: false, vertical: false, wraps: false };

  for (let r = 0; r < rows; r++) {
    const modelRow = model.cells[r] ?? [];
    const formatRow = model.numberFormats[r] ?? [];
    for (let c = 0; c < cols; c++) {
      values[r]![c] = sheetsInput(modelRow[c]);
      numberFormats[r]![c] = sheetsNumberFormat(formatRow[c]);
      const s = styles[r]![c] ?? base;
      backgrounds[r]![c] = s.fill;
      horizontal[r]![c] = s.horizontal;
      vertical[r]![c] = s.vertical;
      wraps[r]![c] = s.wrap ? "WRAP" : "OVERFLOW";
      if (s.fill !== null) uses.backgrounds = true;
      if (s.horizontal !== null) uses.horizontal = true;
      if (s.vertical !== null) uses.vertical = true;
      if (s.wrap) uses.wraps = true;
      const key = `${s.family}|${s.size}|${s.bold ? 1 : 0}${s.italic ? 1 : 0}${s.underline ? 1 : 0}|${s.color}`;
      if (!textStyles.has(key)) textStyles.set(key, { family: s.family, size: s.size, bold: s.bold, italic: s.italic, underline: s.underline, color: s.color });
      textStyleKeys[r]![c] = key;
    }
  }

  // Bordered cells, merged into one rectangle per run of rows with the same bordered columns.
  const borders: Rect[] = [];
  let open: Rect | null = null;
  let openSignature = "";
  for (let r = 0; r < rows; r++) {
    const line = styles[r]!;
    let first = -1;
    let last = -1;
    let contiguous = true;
    for (let c = 0; c < cols; c++) {
      if (line[c]?.border) {
        if (first < 0) first = c;
        else if (last !== c - 1) contiguous = false;
        last = c;
      }
    }
    const signature = first < 0 || !contiguous ? "" : `${first}-${last}`;
    if (signature !== "" && signature === openSignature && open) open.rows++;
    else {
      if (open) borders.push(open);
      open = signature === "" ? null : { row: r, col: first, rows: 1, cols: last - first + 1 };
      openSignature = signature;
      if (signature === "" && first >= 0) {
        // Bordered cells with gaps in the row: one rectangle per run of columns.
        let start = -1;
        for (let c = 0; c <= cols; c++) {
          const on = c < cols && Boolean(line[c]?.border);
          if (on && start < 0) start = c;
          if (!on && start >= 0) {
            borders.push({ row: r, col: start, rows: 1, cols: c - start });
            start = -1;
          }
        }
      }
    }
  }
  if (open) borders.push(open);

  return { rows, cols, values, numberFormats, backgrounds, textStyleKeys, textStyles, horizontal, vertical, wraps, borders, uses };
}

/** Pixel width of a column given in Excel characters (Calibri 11 maxDigitWidth 7 + padding). */
export function columnPixels(characters: number): number {
  return Math.max(2, Math.round(characters * 7 + 5));
}
