// Workbook names written as the cells they stand for. Each named range is one service call to
// define in Sheets, so the adapter defines only the table anchor (what finds the fill-in sheet
// again) and writes every other name of the model into its formulas as an absolute reference:
// `ChiTieu_ThucHien` becomes `$F$9:$F$38`, `ChiTieu_NguongGanDat` becomes `'Danh mục'!$F$4`.
// Sheets shifts and stretches such references exactly as it does a named range when rows or
// columns are inserted, so the formulas compute the same. A conditional format cannot refer to
// another sheet at all, so there a reference to another sheet goes through INDIRECT.
import { quoteSheet, rangeA1 } from "../../../shared/sheet/builder";
import { rewriteIdentifiers } from "../../../shared/sheet/formula-text";
import type { DefinedName } from "../../../shared/sheet/types";

/**
 * Replaces each name token of `formula` for which `replacement` answers, leaving text in double
 * quotes (string literals), quoted sheet names, function names (followed by "("), sheet prefixes
 * (followed by "!") and the column part of references ("$F", "Sheet1!A1") as they are.
 */
export function replaceNameTokens(formula: string, replacement: (name: string) => string | undefined): string {
  return rewriteIdentifiers(formula, (token, before, after) =>
    after === "(" || after === "!" || before === "$" || before === "!" ? token : (replacement(token) ?? token),
  );
}

/**
 * `formula` with the given names written as references, for a cell (or, with `inRule`, a
 * conditional format) on the sheet `onSheet`. Names are matched case-insensitively, as spreadsheets do.
 */
export function inlineNames(formula: string, names: readonly DefinedName[], onSheet: string, inRule = false): string {
  if (names.length === 0) return formula;
  const byName = new Map(names.map((n) => [n.name.toUpperCase(), n]));
  return replaceNameTokens(formula, (token) => {
    const name = byName.get(token.toUpperCase());
    if (!name) return undefined;
    const cells = rangeA1(name.range, true);
    if (name.sheet === onSheet) return cells;
    const reference = `${quoteSheet(name.sheet)}!${cells}`;
    return inRule ? `INDIRECT("${reference.replace(/"/g, '""')}")` : reference;
  });
}
