// What goes into `range.formulas` for one model cell. A string of the model is literal text, and
// Excel parses what it is given: "=…", "+…", "-…", "@…" would become formulas, "1.234" or "95 %" a
// number, "TRUE" a boolean, "#N/A" an error, "Mar 5" a date. Those get the leading apostrophe that
// makes Excel keep the text as typed (the apostrophe itself is not part of the value).
import { isFormula, type CellValue } from "../../../shared/sheet/types";

const STARTS_LIKE_NON_TEXT = /^[\s=+\-@#'0-9.,$€£¥%(]/;
const BOOLEAN_WORD = /^\s*(true|false)\s*$/i;
const ENGLISH_DATE = /^(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?[\s\-/]*\d/i;

export function needsTextGuard(text: string): boolean {
  return STARTS_LIKE_NON_TEXT.test(text) || BOOLEAN_WORD.test(text) || ENGLISH_DATE.test(text);
}

export type ExcelInput = string | number | boolean;

export function toExcelInput(value: CellValue | undefined): ExcelInput {
  if (value === null || value === undefined) return "";
  if (isFormula(value)) return value.formula.startsWith("=") ? value.formula : `=${value.formula}`;
  if (typeof value === "string") return value.length > 0 && needsTextGuard(value) ? `'${value}` : value;
  if (typeof value === "number") return Number.isFinite(value) ? value : "";
  return value;
}
