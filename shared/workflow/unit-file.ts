// Whether a unit's sheet can be used (consolidated, reloaded over, evaluated): one rule for Excel,
// Sheets (its consolidation included) and the CLI. Rows are matched by the code column, so a sheet
// whose header row or code column cannot be found, or where one code stands on two rows, cannot be
// read safely: which row holds the figure? Such a file is listed as unusable with these reasons.
import type { Finding } from "../model";

export const UNUSABLE_LAYOUT_RULES: readonly string[] = ["layout-header-missing", "layout-key-column-missing", "layout-duplicate-code"];

/** The findings that make a sheet unusable; empty when it can be used. */
export function unusableLayout(problems: readonly Finding[]): Finding[] {
  return problems.filter((p) => UNUSABLE_LAYOUT_RULES.includes(p.rule));
}

/** Why such a sheet cannot be used, in the same words in every host: the findings' own messages. */
export function unusableReason(broken: readonly Finding[]): string {
  return broken.map((p) => p.message).join("; ");
}

/** No fill-in table at all in this grid (as opposed to a damaged one): look for it elsewhere. */
export function holdsNoTable(problems: readonly Finding[]): boolean {
  return problems.some((p) => p.rule === "layout-header-missing" || p.rule === "layout-key-column-missing");
}
