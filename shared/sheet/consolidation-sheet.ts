// The consolidation workbook (report.md, "Many units"): the units' figures and statuses with the
// plan target and the totals of amounts, a long table of every unit × indicator (an Excel table
// for filters and PivotTables), the per-unit results and rank, and the register of what could not
// be used. Static values; status colours as cell styles.
//
// Layout by size: a district's handful of wards reads best as the indicator × unit matrix (units
// as column pairs). Past MATRIX_MAX_UNITS units that matrix is wider than anyone reads across
// (30 units are already 65 columns, a landscape A4 page at fit-to-width shrinks it below 6 pt),
// and at the country's 3,321 it would be 6,646 columns; so units become rows: one row per unit,
// each indicator a figure and a status column, frozen header and unit column, a filter on the
// header. No sheet is wider than MAX_SHEET_COLUMNS: a plan with more indicators than fit continues
// on another sheet with the same unit column.
import type { Consolidation } from "../consolidate";
import { t } from "../i18n";
import type { Lang, Status } from "../model";
import { SheetBuilder } from "./builder";
import { actualValue, matrixTarget, titleBlock, totalCell } from "./consolidation-cells";
import { dataSheet, MAX_SHEET_COLUMNS, rowsSheets } from "./consolidation-rows";
import { decree30Print, SHEET_FONT, STYLES } from "./style";
import { NUMBER_FORMAT, PERCENT_FORMAT, statusStyle } from "./summary-sheet";
import type { CellStyle, LiteralValue, SheetModel, WorkbookModel } from "./types";
import { formatNumberFor } from "../validate";

export { MAX_SHEET_COLUMNS };

/** Up to this many units, the matrix (units as column pairs: 4 + 2 × 30 + 1 = 65 columns); beyond, units as rows. */
export const MATRIX_MAX_UNITS = 30;

export interface ConsolidationWorkbookOptions {
  title?: string;
  year?: number;
  /** The collecting body (e.g. "UBND thành phố Hải Phòng"): adds the Decree 30 header block. */
  issuer?: string;
  lang?: Lang;
}

const STATUS_COLUMNS: Status[] = ["Vượt", "Đạt", "Không đạt", "Chưa có số liệu", "Chưa đến hạn"];

/** Under a row whose units have their own targets: each unit's target in its column pair (the figure's column). */
function unitTargetRow(b: SheetBuilder, row: number, r: Consolidation["rows"][number], width: number, lang: Lang): number {
  b.set(row, 1, t("sheet.consolidation.target-row", {}, lang));
  b.style({ row, col: 0, rows: 1, cols: width }, STYLES.body);
  b.style({ row, col: 1, rows: 1, cols: 1 }, { indent: r.depth + 1, font: { italic: true } });
  r.cells.forEach((cell, i) => {
    const col = 4 + i * 2;
    if (cell === null) return;
    const own: LiteralValue =
      typeof cell.target === "number" ? cell.target : cell.targetMin !== undefined && cell.targetMax !== undefined ? `${formatNumberFor(cell.targetMin, lang)} – ${formatNumberFor(cell.targetMax, lang)}` : null;
    b.set(row, col, own, typeof own === "number" ? NUMBER_FORMAT : null);
    b.style({ row, col, rows: 1, cols: 1 }, { horizontal: "right", font: { italic: true } });
  });
  return row + 1;
}

function matrixSheet(c: Consolidation, year: number, lang: Lang, options: ConsolidationWorkbookOptions): SheetModel {
  const unitCount = c.units.length;
  const width = 4 + unitCount * 2 + 1;
  const b = new SheetBuilder(t("sheet.consolidation.matrix-name", {}, lang), "consolidation", SHEET_FONT);
  [6, 46, 12, 15].forEach((w, i) => b.width(i, w));
  for (let i = 0; i < unitCount; i++) {
    b.width(4 + i * 2, 14);
    b.width(5 + i * 2, 12);
  }
  b.width(width - 1, 18);
  let row = titleBlock(b, width, options.title ?? t("sheet.consolidation.title", { year }, lang), year, options.issuer);

  const top = row;
  const fixed = [t("sheet.col.stt", {}, lang), t("sheet.col.name", {}, lang), t("sheet.col.unit", {}, lang), t("sheet.consolidation.col.target", {}, lang)];
  fixed.forEach((text, col) => {
    b.set(top, col, text);
    b.set(top + 1, col, null);
    b.merge({ row: top, col, rows: 2, cols: 1 });
  });
  c.units.forEach((unit, i) => {
    const col = 4 + i * 2;
    b.set(top, col, unit.unit);
    b.set(top, col + 1, null);
    b.merge({ row: top, col, rows: 1, cols: 2 });
    b.set(top + 1, col, t("sheet.consolidation.col.actual", {}, lang));
    b.set(top + 1, col + 1, t("sheet.consolidation.col.status", {}, lang));
  });
  b.set(top, width - 1, t("sheet.consolidation.col.total", {}, lang));
  b.set(top + 1, width - 1, null);
  b.merge({ row: top, col: width - 1, rows: 2, cols: 1 });
  b.style({ row: top, col: 0, rows: 2, cols: width }, STYLES.tableHeader);
  row = top + 2;

  for (const r of c.rows) {
    b.set(row, 0, r.code);
    b.set(row, 1, r.name);
    b.set(row, 2, r.unit);
    const target = r.targetVaries ? t("sheet.consolidation.target-below", {}, lang) : matrixTarget(r, year, lang);
    b.set(row, 3, target, typeof target === "number" ? NUMBER_FORMAT : null);
    b.style({ row, col: 0, rows: 1, cols: width }, STYLES.body);
    b.style({ row, col: 3, rows: 1, cols: 1 }, { horizontal: "right" });
    r.cells.forEach((cell, i) => {
      const col = 4 + i * 2;
      if (cell === null) {
        b.set(row, col, t("sheet.consolidation.not-in-plan", {}, lang));
        b.set(row, col + 1, null);
        b.style({ row, col, rows: 1, cols: 2 }, { horizontal: "center" });
        return;
      }
      const actual = actualValue(cell, lang);
      b.set(row, col, actual, typeof actual === "number" ? NUMBER_FORMAT : null);
      b.set(row, col + 1, t(`status.${cell.status}`, {}, lang));
      b.style({ row, col, rows: 1, cols: 1 }, { horizontal: "right" });
      b.style({ row, col: col + 1, rows: 1, cols: 1 }, { horizontal: "center", ...statusStyle(cell.status, false) });
    });
    const total = totalCell(r, lang);
    b.set(row, width - 1, total, typeof total === "number" ? NUMBER_FORMAT : null);
    b.style({ row, col: width - 1, rows: 1, cols: 1 }, { horizontal: "right", font: { bold: true } });
    if (r.depth > 0) b.style({ row, col: 1, rows: 1, cols: 1 }, { indent: r.depth, font: { italic: true } });
    // Long names wrap in the name column (about 0,85 character per width unit in Times New Roman 13).
    const lines = Math.ceil(r.name.length / Math.max(10, Math.floor(46 * 0.85) - r.depth * 3));
    if (lines > 1) b.rowHeight(row, lines * 17 + 4);
    row++;
    if (r.targetVaries) row = unitTargetRow(b, row, r, width, lang);
  }

  const sheet = b.finish(width);
  sheet.frozen = { rows: top + 2, cols: 2 };
  sheet.print = decree30Print({ first: top, last: top + 1 });
  return sheet;
}

function rankingSheet(c: Consolidation, year: number, lang: Lang, options: ConsolidationWorkbookOptions): SheetModel {
  const width = 11;
  const b = new SheetBuilder(t("sheet.consolidation.ranking-name", {}, lang), "units", SHEET_FONT);
  [10, 34, 11, 9, 9, 11, 13, 13, 14, 16, 24].forEach((w, i) => b.width(i, w));
  let row = titleBlock(b, width, t("sheet.consolidation.ranking-title", { year }, lang), year, options.issuer);
  const header = row;
  const headers = [
    t("sheet.consolidation.col.rank", {}, lang),
    t("sheet.consolidation.col.unit", {}, lang),
    t("sheet.consolidation.col.counted", {}, lang),
    ...STATUS_COLUMNS.map((s) => t(`status.${s}`, {}, lang)),
    t("sheet.consolidation.col.share", {}, lang),
    t("sheet.consolidation.col.mean", {}, lang),
    t("sheet.consolidation.col.flag", {}, lang),
  ];
  headers.forEach((text, col) => b.set(header, col, text));
  b.style({ row: header, col: 0, rows: 1, cols: width }, STYLES.tableHeader);
  b.rowHeight(header, 40);
  row++;
  for (const unit of c.ranking) {
    b.set(row, 0, unit.rank, "0");
    b.set(row, 1, unit.unit);
    b.set(row, 2, unit.tally.counted, "0");
    STATUS_COLUMNS.forEach((status, i) => b.set(row, 3 + i, unit.tally.byStatus[status], "0"));
    b.set(row, 8, unit.shareAchieved, PERCENT_FORMAT);
    b.set(row, 9, unit.meanCompletion, PERCENT_FORMAT);
    b.set(row, 10, unit.flagged ? t("sheet.consolidation.flag-errors", { count: unit.errorCount }, lang) : "");
    b.style({ row, col: 0, rows: 1, cols: width }, STYLES.bodyCenter);
    b.style({ row, col: 1, rows: 1, cols: 1 }, { horizontal: "left" });
    if (unit.flagged) b.style({ row, col: 10, rows: 1, cols: 1 }, { font: { color: "#9C0006" }, horizontal: "left" });
    row++;
  }
  row++;
  const rule = t("sheet.consolidation.rank-rule", { cap: c.completionCap }, lang);
  b.block({ row, col: 0, rows: 1, cols: width }, rule, { ...STYLES.note, wrap: true });
  b.rowHeight(row, 36);
  const sheet = b.finish(width);
  sheet.print = decree30Print({ first: header, last: header });
  return sheet;
}

function registerSheet(c: Consolidation, year: number, lang: Lang, options: ConsolidationWorkbookOptions): SheetModel {
  const width = 5;
  const b = new SheetBuilder(t("sheet.consolidation.register-name", {}, lang), "register", SHEET_FONT);
  [6, 28, 30, 18, 70].forEach((w, i) => b.width(i, w));
  let row = titleBlock(b, width, t("sheet.consolidation.register-title", {}, lang), year, options.issuer);
  const header = row;
  [t("sheet.col.stt", {}, lang), t("sheet.consolidation.col.unit", {}, lang), t("sheet.consolidation.col.file", {}, lang), t("sheet.consolidation.col.kind", {}, lang), t("sheet.consolidation.col.reason", {}, lang)].forEach(
    (text, col) => b.set(header, col, text),
  );
  b.style({ row: header, col: 0, rows: 1, cols: width }, STYLES.tableHeader);
  row++;
  if (c.register.length === 0) {
    b.block({ row, col: 0, rows: 1, cols: width }, t("sheet.consolidation.register-empty", {}, lang), STYLES.note);
    row++;
  }
  c.register.forEach((entry, i) => {
    b.set(row, 0, i + 1, "0");
    b.set(row, 1, entry.unit ?? "");
    b.set(row, 2, entry.file ?? "");
    b.set(row, 3, t(entry.kind === "validation-errors" ? "consolidate.kind.errors" : "consolidate.kind.unusable", {}, lang));
    b.set(row, 4, entry.reason);
    const style: CellStyle = { ...STYLES.body, vertical: "top" };
    b.style({ row, col: 0, rows: 1, cols: width }, style);
    b.style({ row, col: 0, rows: 1, cols: 1 }, { horizontal: "center" });
    b.rowHeight(row, Math.max(1, Math.ceil(entry.reason.length / 58)) * 17 + 4);
    row++;
  });
  const sheet = b.finish(width);
  sheet.print = decree30Print({ first: header, last: header });
  return sheet;
}

/**
 * The consolidation workbook: "Tổng hợp" (the matrix, or units as rows past MATRIX_MAX_UNITS),
 * "Dữ liệu" (the long table), "Xếp hạng" (per unit), "Không sử dụng được" (register).
 */
export function buildConsolidationWorkbook(consolidation: Consolidation, options: ConsolidationWorkbookOptions = {}): WorkbookModel {
  const lang = options.lang ?? consolidation.lang;
  const year = options.year ?? consolidation.reportYear;
  const byRows = consolidation.units.length > MATRIX_MAX_UNITS;
  const main = byRows ? rowsSheets(consolidation, year, lang, options) : [matrixSheet(consolidation, year, lang, options)];
  return {
    sheets: [...main, dataSheet(consolidation, year, lang), rankingSheet(consolidation, year, lang, options), registerSheet(consolidation, year, lang, options)],
    metadata: { kind: "consolidation", year: String(year), units: String(consolidation.units.length), countLevel: consolidation.countLevel, layout: byRows ? "rows" : "matrix" },
  };
}

