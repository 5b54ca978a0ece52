// The register sheet (tình hình gửi báo cáo): one row per unit expected, with what came in (file,
// date, SHA-256), its statuses, errors and cells, and what was done; the sentence above the table
// ("111/114 đơn vị đã gửi báo cáo; 3 đơn vị chưa gửi: …"). Static values; statuses coloured.
import type { RegisterRow, RegisterStatus, UnitRegister } from "../consolidation/register";
import { showDate } from "../consolidation/register";
import { t } from "../i18n";
import type { Lang } from "../model";
import { SheetBuilder } from "./builder";
import { COLORS, decree30Print, SHEET_FONT, STYLES } from "./style";
import type { CellStyle, SheetModel } from "./types";

export interface RegisterSheetOptions {
  lang?: Lang;
  year?: number;
  /** The collecting office, for the title line. */
  issuer?: string;
}

const WIDTHS = [6, 30, 14, 22, 28, 17, 24, 9, 26, 60];

/** Red for what blocks the unit's result, amber for what needs a look, green when all is well. */
function rowStyle(row: RegisterRow): CellStyle {
  const s = row.statuses;
  if (s.includes("missing") || !row.used) return { fill: COLORS.redFill, font: { color: COLORS.redText } };
  if (s.some((x) => x !== "received")) return { fill: COLORS.amberFill, font: { color: COLORS.amberText } };
  return { fill: COLORS.greenFill, font: { color: COLORS.greenText } };
}

export function statusLabel(status: RegisterStatus, lang: Lang): string {
  return t(`register.status.${status}`, {}, lang);
}

export function buildRegisterSheet(register: UnitRegister, options: RegisterSheetOptions = {}): SheetModel {
  const lang = options.lang ?? "vi";
  const width = WIDTHS.length;
  const b = new SheetBuilder(t("register-sheet.name", {}, lang), "register", SHEET_FONT);
  WIDTHS.forEach((w, i) => b.width(i, w));
  b.block({ row: 0, col: 0, rows: 1, cols: width }, t("register-sheet.title", { year: options.year ?? "" }, lang).replace(/\s+$/, ""), STYLES.title);
  if (options.issuer) b.block({ row: 1, col: 0, rows: 1, cols: width }, options.issuer, STYLES.subtitle);
  b.block({ row: 2, col: 0, rows: 1, cols: width }, register.sentence, { ...STYLES.subtitle, font: { bold: true } });
  b.rowHeight(2, Math.max(1, Math.ceil(register.sentence.length / 150)) * 18 + 4);
  if (register.deadline) b.block({ row: 3, col: 0, rows: 1, cols: width }, t("register-sheet.deadline", { deadline: showDate(register.deadline) }, lang), STYLES.note);

  const header = 5;
  ["sheet.col.stt", "register-sheet.col.unit", "register-sheet.col.group", "register-sheet.col.status", "register-sheet.col.file", "register-sheet.col.date", "register-sheet.col.sha", "register-sheet.col.errors", "register-sheet.col.cells", "register-sheet.col.note"].forEach(
    (key, col) => b.set(header, col, t(key, {}, lang)),
  );
  b.style({ row: header, col: 0, rows: 1, cols: width }, STYLES.tableHeader);
  b.rowHeight(header, 36);
  register.rows.forEach((r, i) => {
    const row = header + 1 + i;
    b.set(row, 0, i + 1, "0");
    b.set(row, 1, r.unit);
    b.set(row, 2, r.group ?? "");
    b.set(row, 3, r.statuses.map((s) => statusLabel(s, lang)).join(", "));
    b.set(row, 4, r.file?.file ?? "");
    b.set(row, 5, showDate(r.file?.date ?? null));
    // The full hash, so a file can be checked against it.
    b.set(row, 6, r.file?.sha256 ?? "");
    b.set(row, 7, r.errorCount > 0 ? r.errorCount : null, "0");
    b.set(row, 8, r.errorCells.join(", "));
    b.set(row, 9, r.note);
    b.style({ row, col: 0, rows: 1, cols: width }, { ...STYLES.body, vertical: "top" });
    b.style({ row, col: 0, rows: 1, cols: 1 }, { horizontal: "center" });
    b.style({ row, col: 3, rows: 1, cols: 1 }, rowStyle(r));
    // 64 hex digits in a small font over three lines, so the whole hash stays readable and printable.
    b.style({ row, col: 6, rows: 1, cols: 1 }, { wrap: true, font: { size: 8 } });
    // About 0,85 character per width unit in Times New Roman 13.
    const lines = Math.max(1, Math.ceil(r.note.length / 50), Math.ceil(r.errorCells.join(", ").length / 21), Math.ceil(r.unit.length / 25));
    const height = Math.max(lines * 17 + 4, r.file?.sha256 ? 3 * 11 + 4 : 0);
    if (height > 21) b.rowHeight(row, height);
  });
  const sheet = b.finish(width);
  sheet.frozen = { rows: header + 1, cols: 2 };
  sheet.print = decree30Print({ first: header, last: header });
  return sheet;
}
