// One pure call for every host (CLI, Excel task pane, Sheets sidebar, the workflow layer): the
// reports that came in (each already read and evaluated by the host, with its file date and hash)
// → the register of who reported, the consolidation of the files chosen, and the points.
import { consolidate, type ConsolidateOptions, type Consolidation, type ConsolidationInput } from "../consolidate";
import type { Plan, Settings } from "../model";
import { unitKey, type AssignmentTable } from "./assignment";
import { buildRegister, type ReceivedReport } from "./register";
import { DEFAULT_SCORING, scoreUnits, type ScoringRules } from "./scoring";
import type { ExpectedUnit } from "./unit-list";

export interface ConsolidateReportsOptions extends ConsolidateOptions {
  expected?: readonly ExpectedUnit[] | null;
  /** "2026-12-10". */
  deadline?: string | null;
  plan?: Plan | null;
  assignment?: AssignmentTable | null;
  /** Validated rules (validateScoringRules / readScoringSheet); the defaults when absent. */
  scoring?: ScoringRules | null;
}

export function consolidateReports(reports: readonly ReceivedReport[], settings: Settings, options: ConsolidateReportsOptions = {}): Consolidation {
  const expected = options.expected ?? options.assignment?.units.map((u) => ({ unit: u.unit, group: u.group })) ?? null;
  const register = buildRegister(reports, { expected, deadline: options.deadline ?? null, plan: options.plan ?? null, assignment: options.assignment ?? null, lang: settings.lang });
  // The chosen file of each unit, and the files of units that sent nothing usable, so the
  // consolidation's own list of unusable files stays complete.
  const inputs: ConsolidationInput[] = [...register.used];
  for (const row of register.rows) if (row.file && !row.used) inputs.push({ unit: row.unit, file: row.file.file, reason: row.note });
  const consolidation = consolidate(inputs, settings, options);
  consolidation.reporting = register;
  const late = new Set(register.rows.filter((r) => r.statuses.includes("late")).map((r) => r.unit));
  const groupOf = new Map<string, string | null>(register.rows.map((r) => [unitKey(r.unit), r.group]));
  consolidation.scoring = scoreUnits(consolidation, options.scoring ?? DEFAULT_SCORING, { late, groupOf });
  return consolidation;
}
