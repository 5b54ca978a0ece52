// One pure call for every host (CLI, Excel task pane, Sheets sidebar, the workflow layer): the
// reports that came in (each already read and evaluated by the host, with its file date and hash)
// → the register of who reported, the consolidation of the files chosen, and the points.
import { consolidate, type ConsolidateOptions, type Consolidation, type ConsolidationInput } from "../consolidate";
import type { Plan, Settings } from "../model";
import { evaluatePlan } from "../evaluate";
import { validateEntries } from "../validate";
import { differingTargets, planForUnit, unitKey, type AssignmentTable, type UnitAssignment } from "./assignment";
import { buildRegister, planShape, type ReceivedReport } from "./register";
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

/**
 * With the assignment and the plan known, a file whose targets are not its unit's assignment (a
 * template made before the table changed) is judged again against the assignment's targets, when it
 * is on the same version of the plan and its entries came with it; the register says so.
 */
function withAssignedTargets(report: ReceivedReport, plan: Plan, shape: string, assignedByUnit: ReadonlyMap<string, UnitAssignment>): ReceivedReport {
  const read = report.read;
  if (!("evaluations" in read) || !report.entries || !report.settings || read.plan.id !== plan.id || planShape(read.plan) !== shape) return report;
  const assigned = assignedByUnit.get(unitKey(read.unit));
  if (!assigned) return report;
  const expected = planForUnit(plan, assigned);
  const codes = differingTargets(read.plan, expected);
  if (codes.length === 0) return report;
  const entries = [...report.entries];
  const evaluations = evaluatePlan(expected, entries, report.settings);
  // Findings about the sheet's layout stay; those about the figures are made again against the new targets.
  const layout = read.findings.filter((f) => f.rule.startsWith("layout-"));
  const findings = [...layout, ...validateEntries(expected, entries, report.settings)];
  return { ...report, read: { ...read, plan: expected, evaluations, findings }, retargeted: codes };
}

export function consolidateReports(reports: readonly ReceivedReport[], settings: Settings, options: ConsolidateReportsOptions = {}): Consolidation {
  const plan = options.plan ?? null;
  const assignment = options.assignment ?? null;
  if (plan && assignment) {
    const shape = planShape(plan);
    const assignedByUnit = new Map(assignment.units.map((u) => [unitKey(u.unit), u]));
    reports = reports.map((r) => withAssignedTargets(r, plan, shape, assignedByUnit));
  }
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
