// Workbook names written as the cells they stand for. Each named range is one service call to
// define in Sheets, so the adapter defines only the table anchor (what finds the fill-in sheet
// again) and writes every other name of the model into its formulas as an absolute reference:
// `ChiTieu_ThucHien` becomes `$F$9:$F$38`, `ChiTieu_NguongGanDat` becomes `'Danh mục'!$F$4`.
// Sheets shifts and stretches such references exactly as it does a named range when rows or
// columns are inserted, so the formulas compute the same. A conditional format cannot refer to
// another sheet at all, so there a reference to another sheet goes through INDIRECT.
import { quoteSheet, rangeA1 } from "../../../shared/sheet/builder";
import type { DefinedName } from "../../../shared/sheet/types";

const NAME_START = /[A-Za-z_\\]/;
const NAME_PART = /[A-Za-z0-9_.\\]/;

/**
 * Replaces each name token of `formula` for which `replacement` answers, leaving text in double
 * quotes (string literals), quoted sheet names, function names (followed by "(") and sheet
 * prefixes (followed by "!") as they are.
 */
export function replaceNameTokens(formula: string, replacement: (name: string) => string | undefined): string {
  let out = "";
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i]!;
    if (ch === '"' || ch === "'") {
      let j = i + 1;
      while (j < formula.length) {
        if (formula[j] === ch) {
          if (formula[j + 1] === ch) j += 2;
          else break;
        } else j++;
      }
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    const before = i > 0 ? formula[i - 1]! : "";
    if (NAME_START.test(ch) && !NAME_PART.test(before) && before !== "$" && before !== "!") {
      let j = i + 1;
      while (j < formula.length && NAME_PART.test(formula[j]!)) j++;
      const token = formula.slice(i, j);
      const next = formula[j] ?? "";
      const swapped = next === "(" || next === "!" ? undefined : replacement(token);
      out += swapped ?? token;
      i = j;
      continue;
    }
    out += ch;
    i++;
  }
  return out;
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
