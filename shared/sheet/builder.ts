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
    // An empty rectangle styles nothing, and Excel refuses it (getRangeByIndexes with 0 columns):
    // a sheet whose optional columns are absent (no indicator scored) must still render.
    if (range.rows < 1 || range.cols < 1) return this;
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

export { columnLetters as columnLetter, cellA1 as a1, rectA1 as rangeA1, quoteSheet } from "./a1";
