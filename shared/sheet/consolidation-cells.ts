// Cells the consolidation's sheets share: the title block, the target and total of a row, a unit's
// figure, and the status labels and styles made once per workbook.
import type { MatrixRow } from "../consolidate";
import { t } from "../i18n";
import type { Lang, Status } from "../model";
import { formatNumberFor } from "../validate";
import type { SheetBuilder } from "./builder";
import { addDecree30Header, STYLES } from "./style";
import { statusStyle, targetCell } from "./summary-sheet";
import type { CellStyle, LiteralValue } from "./types";

/** Writes the title block (Decree 30 header when the issuer is known) and returns the next row. */
export function titleBlock(b: SheetBuilder, width: number, title: string, year: number, issuer: string | undefined): number {
  if (issuer) return addDecree30Header(b, { row: 0, width, leftCols: Math.min(3, Math.max(1, Math.floor(width / 2))), unit: issuer, year, title }) + 1;
  b.block({ row: 0, col: 0, rows: 1, cols: width }, title, STYLES.title);
  return 2;
}

export function matrixTarget(row: MatrixRow, year: number, lang: Lang): LiteralValue {
  if (row.targetVaries) return t("sheet.consolidation.target-varies", {}, lang);
  return targetCell(
    {
      code: row.code,
      name: row.name,
      group: row.group,
      unit: row.unit,
      comparator: row.comparator,
      target: row.target,
      ...(row.targetMin !== undefined ? { targetMin: row.targetMin } : {}),
      ...(row.targetMax !== undefined ? { targetMax: row.targetMax } : {}),
      deadlineYear: null,
      note: null,
    },
    year,
    lang,
  );
}

export function totalCell(row: MatrixRow, lang: Lang): LiteralValue {
  if (row.total) {
    if (row.total.missing === 0) return row.total.actual;
    return t("sheet.consolidation.total-partial", { total: formatNumberFor(row.total.actual, lang), missing: row.total.missing }, lang);
  }
  return row.unit.trim() === "%" ? t("sheet.consolidation.total-rate", {}, lang) : null;
}

/** Status labels and cell styles made once per workbook, not once per cell (10⁵ cells at 3,321 units). */
export function statusCells(lang: Lang): { label(status: Status): string; style(status: Status): CellStyle } {
  const labels = new Map<Status, string>();
  const styles = new Map<Status, CellStyle>();
  return {
    label(status) {
      let text = labels.get(status);
      if (text === undefined) labels.set(status, (text = t(`status.${status}`, {}, lang)));
      return text;
    },
    style(status) {
      let style = styles.get(status);
      if (!style) styles.set(status, (style = { horizontal: "center", ...statusStyle(status, false) }));
      return style;
    },
  };
}

export function actualValue(cell: NonNullable<MatrixRow["cells"][number]>, lang: Lang): LiteralValue {
  return typeof cell.actual === "boolean" ? t(cell.actual ? "sheet.boolean.true" : "sheet.boolean.false", {}, lang) : cell.actual;
}
