// The consolidation of many units (past MATRIX_MAX_UNITS): units as rows, one row per unit with a
// figure and a status per indicator, frozen header and unit column, a filter on the header, as many
// sheets as keep each within MAX_SHEET_COLUMNS; and the long table, one row per unit and indicator,
// as an Excel table a PivotTable or a filter uses (both layouts carry it).
import type { Consolidation, MatrixRow } from "../consolidate";
import { t } from "../i18n";
import type { Lang } from "../model";
import { formatNumberFor } from "../validate";
import { SheetBuilder } from "./builder";
import { actualValue, matrixTarget, statusCells, titleBlock, totalCell } from "./consolidation-cells";
import { decree30Print, SHEET_FONT, STYLES } from "./style";
import { NUMBER_FORMAT, PERCENT_FORMAT } from "./summary-sheet";
import type { SheetModel } from "./types";

export interface RowsOptions {
  title?: string;
  issuer?: string;
}

/** The widest sheet written (Excel allows 16,384; a person reading and filtering, far fewer). */
export const MAX_SHEET_COLUMNS = 200;
/** Columns before the indicators in the rows layout: STT, unit, rank, share achieved. */
const ROWS_FIXED_COLUMNS = 4;

function indicatorHeader(r: MatrixRow, year: number, lang: Lang): string {
  const target = matrixTarget(r, year, lang);
  const targetText = typeof target === "number" ? formatNumberFor(target, lang) : String(target ?? "");
  return t("sheet.consolidation.indicator-header", { code: r.code, name: r.name, unit: r.unit, target: targetText }, lang).replace(/ \(\)/, "");
}

/**
 * Units as rows: STT, unit, rank, share achieved, then per indicator its figure and status. As many
 * sheets as it takes to keep each within MAX_SHEET_COLUMNS.
 */
export function rowsSheets(c: Consolidation, year: number, lang: Lang, options: RowsOptions): SheetModel[] {
  const perSheet = Math.floor((MAX_SHEET_COLUMNS - ROWS_FIXED_COLUMNS) / 2);
  const chunks: MatrixRow[][] = [];
  for (let i = 0; i < c.rows.length; i += perSheet) chunks.push(c.rows.slice(i, i + perSheet));
  if (chunks.length === 0) chunks.push([]);
  const baseName = t("sheet.consolidation.matrix-name", {}, lang);
  return chunks.map((rows, part) => {
    const name = chunks.length === 1 ? baseName : t("sheet.consolidation.rows-name-part", { part: part + 1 }, lang);
    return rowsSheet(c, rows, name, year, lang, options);
  });
}

function rowsSheet(c: Consolidation, rows: MatrixRow[], name: string, year: number, lang: Lang, options: RowsOptions): SheetModel {
  const width = ROWS_FIXED_COLUMNS + rows.length * 2;
  const b = new SheetBuilder(name, "consolidation", SHEET_FONT);
  [6, 30, 9, 11].forEach((w, i) => b.width(i, w));
  rows.forEach((_, i) => {
    b.width(ROWS_FIXED_COLUMNS + i * 2, 14);
    b.width(ROWS_FIXED_COLUMNS + i * 2 + 1, 12);
  });
  const top = titleBlock(b, Math.min(width, 12), options.title ?? t("sheet.consolidation.title", { year }, lang), year, options.issuer);
  const fixed = [t("sheet.col.stt", {}, lang), t("sheet.consolidation.col.unit", {}, lang), t("sheet.consolidation.col.rank", {}, lang), t("sheet.consolidation.col.share", {}, lang)];
  fixed.forEach((text, col) => {
    b.set(top, col, text);
    b.set(top + 1, col, null);
    b.merge({ row: top, col, rows: 2, cols: 1 });
  });
  rows.forEach((r, i) => {
    const col = ROWS_FIXED_COLUMNS + i * 2;
    b.set(top, col, indicatorHeader(r, year, lang));
    b.set(top, col + 1, null);
    b.merge({ row: top, col, rows: 1, cols: 2 });
    b.set(top + 1, col, t("sheet.consolidation.col.actual", {}, lang));
    b.set(top + 1, col + 1, t("sheet.consolidation.col.status", {}, lang));
  });
  b.style({ row: top, col: 0, rows: 2, cols: width }, STYLES.tableHeader);
  b.rowHeight(top, 96);
  const first = top + 2;
  const columnOf = new Map(rows.map((r, i) => [r, ROWS_FIXED_COLUMNS + i * 2] as const));
  const status = statusCells(lang);
  const notInPlan = t("sheet.consolidation.not-in-plan", {}, lang);
  c.units.forEach((unit, u) => {
    const row = first + u;
    b.set(row, 0, u + 1, "0");
    b.set(row, 1, unit.unit);
    b.set(row, 2, unit.rank, "0");
    b.set(row, 3, unit.shareAchieved, PERCENT_FORMAT);
    for (const r of rows) {
      const col = columnOf.get(r) as number;
      const cell = r.cells[u];
      if (!cell) {
        b.set(row, col, notInPlan);
        continue;
      }
      const actual = actualValue(cell, lang);
      b.set(row, col, actual, typeof actual === "number" ? NUMBER_FORMAT : null);
      b.set(row, col + 1, status.label(cell.status));
      b.style({ row, col: col + 1, rows: 1, cols: 1 }, status.style(cell.status));
    }
  });
  const last = first + c.units.length - 1;
  if (c.units.length > 0) {
    b.style({ row: first, col: 0, rows: c.units.length, cols: width }, STYLES.body);
    b.style({ row: first, col: 0, rows: c.units.length, cols: 1 }, { horizontal: "center" });
    b.style({ row: first, col: 2, rows: c.units.length, cols: 2 }, { horizontal: "right" });
  }
  // The totals of amounts, under the filtered block (a blank row between keeps them out of a sort).
  const totals = last + 2;
  b.set(totals, 1, t("sheet.consolidation.col.total", {}, lang));
  rows.forEach((r) => {
    const total = totalCell(r, lang);
    b.set(totals, columnOf.get(r) as number, total, typeof total === "number" ? NUMBER_FORMAT : null);
  });
  b.style({ row: totals, col: 0, rows: 1, cols: width }, { ...STYLES.body, font: { bold: true } });

  const sheet = b.finish(width);
  sheet.frozen = { rows: top + 2, cols: 2 };
  sheet.autoFilter = { row: top + 1, col: 0, rows: c.units.length + 1, cols: width };
  sheet.print = decree30Print({ first: top, last: top + 1 });
  return sheet;
}

/** Column names of the long table, made distinct (a table's columns must be). */
function distinct(headers: string[]): string[] {
  const seen = new Map<string, number>();
  return headers.map((h) => {
    const n = (seen.get(h) ?? 0) + 1;
    seen.set(h, n);
    return n === 1 ? h : `${h} (${n})`;
  });
}

/** The long table: one row per unit and indicator, as an Excel table a PivotTable or a filter uses. */
export function dataSheet(c: Consolidation, year: number, lang: Lang): SheetModel {
  const headers = distinct([
    t("sheet.consolidation.col.unit", {}, lang),
    t("sheet.consolidation.col.code", {}, lang),
    t("sheet.col.name", {}, lang),
    t("sheet.consolidation.col.group", {}, lang),
    t("sheet.col.unit", {}, lang),
    t("sheet.consolidation.col.target", {}, lang),
    t("sheet.consolidation.col.actual", {}, lang),
    t("sheet.consolidation.col.percent", {}, lang),
    t("sheet.consolidation.col.status", {}, lang),
  ]);
  const width = headers.length;
  const b = new SheetBuilder(t("sheet.consolidation.data-name", {}, lang), "consolidation", SHEET_FONT);
  [30, 8, 46, 20, 13, 14, 14, 11, 15].forEach((w, i) => b.width(i, w));
  b.set(0, 0, t("sheet.consolidation.data-title", { year }, lang));
  b.style({ row: 0, col: 0, rows: 1, cols: 1 }, { font: { bold: true } });
  const header = 2;
  headers.forEach((text, col) => b.set(header, col, text));
  b.style({ row: header, col: 0, rows: 1, cols: width }, { font: { bold: true }, wrap: true, vertical: "middle" });
  let row = header + 1;
  const status = statusCells(lang);
  c.units.forEach((unit, u) => {
    for (const r of c.rows) {
      const cell = r.cells[u];
      if (!cell) continue;
      b.set(row, 0, unit.unit);
      b.set(row, 1, r.code);
      b.set(row, 2, r.name);
      b.set(row, 3, r.group);
      b.set(row, 4, r.unit);
      b.set(row, 5, cell.target, cell.target === null ? null : NUMBER_FORMAT);
      const actual = actualValue(cell, lang);
      b.set(row, 6, actual, typeof actual === "number" ? NUMBER_FORMAT : null);
      b.set(row, 7, cell.percent, cell.percent === null ? null : PERCENT_FORMAT);
      b.set(row, 8, status.label(cell.status));
      row++;
    }
  });
  const sheet = b.finish(width);
  sheet.frozen = { rows: header + 1, cols: 1 };
  // A table needs a data row under its header.
  if (row > header + 1) sheet.tables = [{ name: "DuLieuTongHop", range: { row: header, col: 0, rows: row - header, cols: width } }];
  return sheet;
}
