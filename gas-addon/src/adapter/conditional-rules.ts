// Conditional formats in Sheets: setConditionalFormatRules replaces every rule of the sheet, so the
// adapter reads the rules, keeps the user's, and replaces only its own. Its own rules carry their
// stable id inside the formula, as a term that is always true: =AND(<condition>,N("chitieu:<id>")=0).
// The mark travels with the rule when a user copies or moves it, and needs no extra storage.
import type { ConditionalRule } from "../../../shared/sheet/types";

const MARK = /,N\("chitieu:([^"]+)"\)=0\)$/;

/** The formula Sheets receives for one of the model's rules. */
export function markedFormula(rule: ConditionalRule): string {
  const body = rule.formula.startsWith("=") ? rule.formula.slice(1) : rule.formula;
  return `=AND(${body},N("chitieu:${rule.id}")=0)`;
}

/** The id of one of our rules from its Sheets formula, or null for a user's rule. */
export function ruleIdOf(formula: unknown): string | null {
  if (typeof formula !== "string") return null;
  const m = MARK.exec(formula);
  return m ? m[1]! : null;
}

/** The model's formula back from a marked one ("=" + condition); other formulas unchanged. */
export function unmarkFormula(formula: string): string {
  const m = MARK.exec(formula);
  if (!m || !formula.startsWith("=AND(")) return formula;
  return "=" + formula.slice("=AND(".length, m.index);
}

/** Whether a rule read from the sheet is one the add-on wrote. */
export function isOwnRule(rule: GoogleAppsScript.Spreadsheet.ConditionalFormatRule): boolean {
  const condition = rule.getBooleanCondition();
  if (!condition) return false;
  return ruleIdOf(condition.getCriteriaValues()[0]) !== null;
}
