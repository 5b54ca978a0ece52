// The blank assignment form (giao chỉ tiêu) of a loaded plan: one row per unit, one column per
// indicator that has a single target number, with the indicator's name, unit and the plan's own
// target above the code row so the person filling it sees what a blank means. The header row is
// the one readAssignmentTable (shared/consolidation/assignment.ts) finds: "STT | Đơn vị | Cụm/Khối |
// <codes>". Codes are written as text, so "4.10" stays "4.10" in every host.
import { assignableIndicators } from "../consolidation/assignment";
import { t } from "../i18n";
import type { Lang, Plan } from "../model";
import { SheetBuilder } from "./builder";
import { COLORS, decree30Print, SHEET_FONT, STYLES } from "./style";
import { NUMBER_FORMAT, targetCell } from "./summary-sheet";
import type { WorkbookModel } from "./types";

export interface AssignmentFormOptions {
  /** Units to list (and their groups); blank rows otherwise. */
  units?: readonly { unit: string; group?: string | null }[];
  /** Blank rows after the listed units, for units added by hand. Default 20 with no units, 5 with. */
  blankRows?: number;
  year?: number;
  lang?: Lang;
}

export const ASSIGNMENT_SHEET = { vi: "Giao chỉ tiêu", en: "Targets by unit" } as const;
/** Where the header row (STT | Đơn vị | Cụm/Khối | codes) stands, 0-based. */
export const ASSIGNMENT_HEADER_ROW = 7;
const FIXED = 3;

export function buildAssignmentWorkbook(plan: Plan, options: AssignmentFormOptions = {}): WorkbookModel {
  const lang = options.lang ?? "vi";
  const year = options.year ?? plan.year;
  const indicators = assignableIndicators(plan);
  const units = options.units ?? [];
  const blank = options.blankRows ?? (units.length > 0 ? 5 : 20);
  const width = FIXED + indicators.length;
  const b = new SheetBuilder(ASSIGNMENT_SHEET[lang], "units", SHEET_FONT);
  [6, 34, 14].forEach((w, i) => b.width(i, w));
  indicators.forEach((_, i) => b.width(FIXED + i, 14));

  b.block({ row: 0, col: 0, rows: 1, cols: Math.max(width, 4) }, t("assignment-form.title", { year }, lang), STYLES.title);
  b.block({ row: 1, col: 0, rows: 1, cols: Math.max(width, 4) }, t("assignment-form.plan-line", { plan: plan.title }, lang), STYLES.subtitle);
  b.block({ row: 2, col: 0, rows: 1, cols: Math.max(width, 4) }, t("assignment-form.instruction", {}, lang), STYLES.note);
  b.rowHeight(2, 36);

  const [nameRow, unitRow, targetRow, header] = [4, 5, 6, ASSIGNMENT_HEADER_ROW];
  b.set(nameRow, 1, t("assignment-form.row.name", {}, lang));
  b.set(unitRow, 1, t("assignment-form.row.unit", {}, lang));
  b.set(targetRow, 1, t("assignment-form.row.plan-target", {}, lang));
  [t("sheet.col.stt", {}, lang), t("assignment-form.col.unit", {}, lang), t("assignment-form.col.group", {}, lang)].forEach((text, col) => b.set(header, col, text));
  indicators.forEach((ind, i) => {
    const col = FIXED + i;
    b.set(nameRow, col, ind.name);
    b.set(unitRow, col, ind.unit);
    const target = targetCell(ind, year, lang);
    b.set(targetRow, col, target, typeof target === "number" ? NUMBER_FORMAT : null);
    b.set(header, col, ind.code, "@");
  });
  b.style({ row: nameRow, col: 0, rows: 3, cols: width }, { ...STYLES.body, font: { italic: true, size: 11 } });
  b.style({ row: nameRow, col: 1, rows: 3, cols: 1 }, { font: { bold: true, size: 11 }, horizontal: "right" });
  b.style({ row: header, col: 0, rows: 1, cols: width }, STYLES.tableHeader);
  b.rowHeight(nameRow, 80);

  const rows = units.length + blank;
  for (let i = 0; i < rows; i++) {
    const row = header + 1 + i;
    const listed = units[i];
    b.set(row, 0, i + 1, "0");
    b.set(row, 1, listed?.unit ?? null);
    b.set(row, 2, listed?.group ?? null);
    for (let c = 0; c < indicators.length; c++) b.set(row, FIXED + c, null, NUMBER_FORMAT);
  }
  if (rows > 0) {
    const data = { row: header + 1, col: 0, rows, cols: width };
    b.style(data, STYLES.body);
    b.style({ row: header + 1, col: 0, rows, cols: 1 }, { horizontal: "center" });
    const inputs = { row: header + 1, col: 1, rows, cols: width - 1 };
    b.style(inputs, { fill: COLORS.input });
    b.model.editable.push(inputs);
    if (indicators.length > 0) {
      b.model.validations.push({
        range: { row: header + 1, col: FIXED, rows, cols: indicators.length },
        rule: { kind: "decimal", min: 0 },
        allowBlank: true,
        strict: true,
        error: { title: t("assignment-form.validation.title", {}, lang), message: t("assignment-form.validation.message", {}, lang) },
      });
    }
  }
  const sheet = b.finish(width);
  sheet.frozen = { rows: header + 1, cols: FIXED };
  sheet.print = decree30Print({ first: header, last: header });
  return { sheets: [sheet], metadata: { kind: "chitieu-assignment", planId: plan.id, year: String(year) } };
}
