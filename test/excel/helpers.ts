// Shared by the Excel add-in tests: plans of a chosen size, a fake workbook, and the comparison of
// what the fake holds with the sheet model the core built.
import { readFillInSheet } from "../../shared/sheet/read-back";
import { isFormula, type SheetModel, type WorkbookModel } from "../../shared/sheet/types";
import { defaultSettings, type Indicator, type Plan } from "../../shared/model";
import { columnLetters, type FakeWorkbookState } from "../fakes/excel";
import { charactersToPoints } from "../../excel-addin/src/adapter/render";

/** A plan of `rows` indicators in sections of ten, mixing comparators as real plans do. */
export function planOfSize(rows: number): Plan {
  const indicators: Indicator[] = [];
  let top = 0;
  while (indicators.length < rows) {
    top++;
    indicators.push({ code: String(top), name: `Nhóm chỉ tiêu ${top}`, group: null, unit: "", comparator: null, target: null, deadlineYear: null, note: null });
    for (let i = 1; i <= 9 && indicators.length < rows; i++) {
      const kind = (top * 10 + i) % 4;
      indicators.push({
        code: `${top}.${i}`,
        name: kind === 3 ? `Tỷ lệ hộ nghèo khu ${top}.${i}` : `Chỉ tiêu ${top}.${i}`,
        group: null,
        unit: kind === 0 ? "tỷ đồng" : kind === 1 ? "người" : "%",
        comparator: kind === 3 ? "<=" : kind === 2 ? ">" : ">=",
        target: kind === 0 ? 1250.5 : kind === 1 ? 300 : kind === 3 ? 2.5 : 95,
        deadlineYear: null,
        note: null,
      });
    }
  }
  return { id: `synthetic-${rows}`, title: `Kế hoạch thử ${rows} chỉ tiêu`, issuer: "UBND phường Thử", level: "xa", year: 2025, source: null, indicators };
}

export const LOAD_REQUEST = { unit: "Phường Đông Hải", year: 2025, estimate: false, issuer: null, lang: "vi" as const };

/** Every value, formula and number format of the model's sheet, as Excel would hold it. */
export function gridMismatches(state: FakeWorkbookState, sheet: SheetModel): string[] {
  const problems: string[] = [];
  const fake = state.sheet(sheet.name);
  sheet.cells.forEach((row, r) =>
    row.forEach((value, c) => {
      const at = `${sheet.name}!${columnLetters(c)}${r + 1}`;
      const cell = fake.cells.get(`${r},${c}`);
      if (isFormula(value)) {
        const expected = value.formula.startsWith("=") ? value.formula : `=${value.formula}`;
        if (cell?.formula !== expected) problems.push(`${at}: formula ${JSON.stringify(cell?.formula)} ≠ ${expected}`);
      } else if (value === null || value === "") {
        if (cell && (cell.value !== null || cell.formula !== null)) problems.push(`${at}: should be blank`);
      } else if (cell?.formula !== null && cell?.formula !== undefined) problems.push(`${at}: literal ${JSON.stringify(value)} became a formula ${cell.formula}`);
      else if (cell?.value !== value) problems.push(`${at}: ${JSON.stringify(cell?.value)} (${typeof cell?.value}) ≠ ${JSON.stringify(value)} (${typeof value})`);
      const format = sheet.numberFormats[r]?.[c] ?? null;
      if ((format ?? "General") !== (cell?.numberFormat ?? "General")) problems.push(`${at}: number format ${cell?.numberFormat} ≠ ${format}`);
    }),
  );
  sheet.columns.forEach((column, c) => {
    if (fake.columnWidths.get(c) !== charactersToPoints(column.width)) problems.push(`${sheet.name} column ${columnLetters(c)}: width ${fake.columnWidths.get(c)}`);
    if (Boolean(column.hidden) !== fake.hiddenColumns.has(c)) problems.push(`${sheet.name} column ${columnLetters(c)}: hidden ${fake.hiddenColumns.has(c)}`);
  });
  if (fake.conditionalFormats.length !== sheet.conditionalRules.length) problems.push(`${sheet.name}: ${fake.conditionalFormats.length} conditional formats ≠ ${sheet.conditionalRules.length}`);
  sheet.conditionalRules.forEach((rule, i) => {
    const written = fake.conditionalFormats[i];
    if (!written || written.rect.row !== rule.range.row || written.rect.rows !== rule.range.rows || written.rect.col !== rule.range.col || written.rect.cols !== rule.range.cols)
      problems.push(`${sheet.name}: rule ${rule.id} on another range`);
    const formula = rule.formula.startsWith("=") ? rule.formula : `=${rule.formula}`;
    if (written?.formula !== formula) problems.push(`${sheet.name}: rule ${rule.id} formula ${written?.formula}`);
  });
  // Validations may be joined over consecutive rows: the cells covered, and each one's kind, must match.
  const covered = (list: { rect: { row: number; col: number; rows: number; cols: number }; kind: string }[]) => {
    const cells = new Map<string, string>();
    for (const { rect, kind } of list)
      for (let r = rect.row; r < rect.row + rect.rows; r++) for (let c = rect.col; c < rect.col + rect.cols; c++) cells.set(`${r},${c}`, kind);
    return cells;
  };
  const kindOf = (rule: Record<string, unknown>) => (rule.list ? "list" : rule.wholeNumber ? "whole" : "decimal");
  const expectedCells = covered(sheet.validations.map((v) => ({ rect: v.range, kind: v.rule.kind })));
  const writtenCells = covered(fake.validations.map((v) => ({ rect: v.rect, kind: kindOf(v.rule) })));
  if (expectedCells.size !== writtenCells.size || [...expectedCells].some(([key, kind]) => writtenCells.get(key) !== kind))
    problems.push(`${sheet.name}: validations cover ${writtenCells.size} cells, the model ${expectedCells.size}`);
  if (fake.merges.length !== sheet.merges.length) problems.push(`${sheet.name}: ${fake.merges.length} merges ≠ ${sheet.merges.length}`);
  if (sheet.protection.enabled !== fake.protection.protected) problems.push(`${sheet.name}: protection ${fake.protection.protected}`);
  for (const rect of sheet.editable)
    for (let r = rect.row; r < rect.row + rect.rows; r++)
      for (let c = rect.col; c < rect.col + rect.cols; c++)
        if (fake.cells.get(`${r},${c}`)?.locked !== false) problems.push(`${sheet.name}!${columnLetters(c)}${r + 1}: should be unlocked`);
  return problems;
}

export function workbookMismatches(state: FakeWorkbookState, model: WorkbookModel): string[] {
  return model.sheets.flatMap((sheet) => gridMismatches(state, sheet));
}

/** Reads the fake's indicator sheet back with the core's reader, as the add-in does. */
export function readBack(state: FakeWorkbookState, plan: Plan, sheet = "Chỉ tiêu") {
  return readFillInSheet(state.grid(sheet), sheet, { plan, lang: "vi" });
}

export const SETTINGS_2025 = defaultSettings(2025);
