// A small mutable helper that fills a SheetModel cell by cell; the model itself stays plain data.
import type { CellStyle, CellValue, Rect, SheetModel, SheetRole } from "./types";

export class SheetBuilder {
  readonly model: SheetModel;

  constructor(name: string, role: SheetRole, font: { name: string; size: number }) {
    this.model = {
      name,
      role,
      cells: [],
      numberFormats: [],
      styles: [],
      merges: [],
      columns: [],
      conditionalRules: [],
      validations: [],
      editable: [],
      protection: { enabled: false },
      names: [],
      font,
    };
  }

  set(row: number, col: number, value: CellValue, numberFormat: string | null = null): this {
    while (this.model.cells.length <= row) this.model.cells.push([]);
    while (this.model.numberFormats.length <= row) this.model.numberFormats.push([]);
    const cells = this.model.cells[row];
    const formats = this.model.numberFormats[row];
    while (cells.length < col) cells.push(null);
    while (formats.length < col) formats.push(null);
    cells[col] = value;
    formats[col] = numberFormat;
    return this;
  }

  style(range: Rect, style: CellStyle): this {
    this.model.styles.push({ range, style });
    return this;
  }

  merge(range: Rect): this {
    if (range.rows > 1 || range.cols > 1) this.model.merges.push(range);
    return this;
  }

  /** A merged block holding one value, with its style. */
  block(range: Rect, value: CellValue, style: CellStyle): this {
    this.set(range.row, range.col, value);
    this.merge(range);
    return this.style(range, style);
  }

  width(col: number, width: number, hidden = false): this {
    while (this.model.columns.length <= col) this.model.columns.push({ width: 10 });
    this.model.columns[col] = hidden ? { width, hidden } : { width };
    return this;
  }

  rowHeight(row: number, height: number): this {
    (this.model.rowHeights ??= []).push({ row, height });
    return this;
  }

  /** Pads every row to the same width so hosts can write rectangles. */
  finish(width: number): SheetModel {
    const rows = this.model.cells.length;
    for (let r = 0; r < rows; r++) {
      const cells = this.model.cells[r];
      const formats = this.model.numberFormats[r] ?? (this.model.numberFormats[r] = []);
      while (cells.length < width) cells.push(null);
      while (formats.length < width) formats.push(null);
    }
    return this.model;
  }
}

/** 0 → "A", 25 → "Z", 26 → "AA". */
export function columnLetter(col: number): string {
  let out = "";
  let n = col + 1;
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** "C12" for row 11, col 2 (0-based); with `absolute`, "$C$12". */
export function a1(row: number, col: number, absolute = false): string {
  return absolute ? `$${columnLetter(col)}$${row + 1}` : `${columnLetter(col)}${row + 1}`;
}

/** "A1:C3" for a rectangle; with `absolute`, "$A$1:$C$3". */
export function rangeA1(rect: Rect, absolute = false): string {
  const start = a1(rect.row, rect.col, absolute);
  const end = a1(rect.row + rect.rows - 1, rect.col + rect.cols - 1, absolute);
  return start === end ? start : `${start}:${end}`;
}

/** A sheet name as formulas need it: 'Chỉ tiêu'!A1. */
export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}
