// A workbook that lost its hidden plan sheet (_chitieu): Google Sheets' download, some converters
// and "copy the sheet to a new workbook" all drop a very hidden sheet. The indicator table itself is
// still there, so a BUILT-IN plan can be recognised from it — but only when the table is that plan
// exactly (every code with the same name, the same number of rows). Anything less is never a
// guess: the caller says so and names the closest built-in plan for `--plan`, because reading a
// unit's figures against the wrong targets is worse than asking.
import { foldDiacritics } from "./actual";
import type { Plan } from "./model";

/** One row of the indicator table as the sheet shows it (code and name columns). */
export interface TableRow {
  code: string;
  name: string;
}

export type Recognition =
  | { kind: "recognised"; plan: Plan }
  /** Not one plan exactly; `closest` shares at least half of its rows with the table. */
  | { kind: "not-recognised"; closest: { plan: Plan; matched: number; rows: number } | null };

/** The form names are compared in: folded, without punctuation, remarks in parentheses kept out. */
function nameKey(name: string): string {
  return foldDiacritics(name.replace(/\([^()]*\)/g, " "))
    .replace(/[^a-z0-9%]+/g, " ")
    .trim();
}

function matchedRows(rows: readonly TableRow[], plan: Plan): number {
  const byCode = new Map(plan.indicators.map((ind) => [ind.code, nameKey(ind.name)]));
  let matched = 0;
  for (const row of rows) if (byCode.get(row.code) === nameKey(row.name)) matched++;
  return matched;
}

/** The built-in plan whose indicator table this is, exactly; or the closest one, for the message. */
export function recognisePlan(rows: readonly TableRow[], plans: readonly Plan[]): Recognition {
  if (rows.length === 0) return { kind: "not-recognised", closest: null };
  let best: { plan: Plan; matched: number; rows: number } | null = null;
  const exact: Plan[] = [];
  for (const plan of plans) {
    const matched = matchedRows(rows, plan);
    if (matched === rows.length && rows.length === plan.indicators.length) exact.push(plan);
    if (!best || matched > best.matched) best = { plan, matched, rows: plan.indicators.length };
  }
  // Two built-in plans with the very same table (a plan and its amended copy) cannot be told apart.
  if (exact.length === 1) return { kind: "recognised", plan: exact[0] };
  const closest = best && best.matched * 2 >= Math.max(rows.length, best.rows) ? best : null;
  return { kind: "not-recognised", closest };
}
