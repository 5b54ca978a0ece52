// `chitieu template --plan <id|file> --targets giao-chi-tieu.xlsx -o <folder>/ [--unit …] [--year …] [--period 6|9|nam] [--estimate] [--password …] [--force]`
// One template per unit of the assignment table, each named after its unit (a Windows-safe name;
// the exact name is inside the workbook) and each carrying the unit's own targets. Nothing is
// written when the table has a problem, or (without --force) when one of the files already exists.
import { existsSync, mkdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { planForUnit, unitKey, type UnitAssignment } from "../../shared/consolidation/assignment";
import { unitFileNames } from "../../shared/consolidation/file-name";
import { t } from "../i18n";
import { boolFlag, stringFlag, type ParsedArgs } from "../args";
import { UsageError, type CliContext, type ExitCode } from "../context";
import { loadPlanArgument } from "../plan-source";
import { writeNewFile } from "../xlsx/files";
import { fillInWorkbookBytes, periodArgument } from "./template";
import { readAssignmentFile } from "./units-files";

/** Metadata keys a unit's template carries beside the plan: its group and the codes assigned to it. */
export const GROUP_KEY = "unitGroup";
export const ASSIGNED_KEY = "assignedCodes";

export async function runTemplateWithTargets(ctx: CliContext, args: ParsedArgs): Promise<ExitCode> {
  const lang = ctx.lang;
  const targetsFile = stringFlag(args, "targets") as string;
  const planArg = stringFlag(args, "plan");
  const output = stringFlag(args, "output");
  if (!planArg) throw new UsageError(t("cli.missing-argument", { what: "--plan", usage: t("targets.usage", {}, lang) }, lang));
  if (!output) throw new UsageError(t("cli.missing-argument", { what: "-o <thư-mục>/", usage: t("targets.usage", {}, lang) }, lang));
  if (/\.xlsx$/i.test(output)) throw new UsageError(t("targets.output-is-file", { output }, lang));
  const yearText = stringFlag(args, "year");
  const year = yearText === undefined ? undefined : Number(yearText);
  if (yearText !== undefined && (!/^\d{4}$/.test(yearText.trim()) || (year as number) < 1900 || (year as number) > 2200)) throw new UsageError(t("xlsx.bad-year", { value: yearText }, lang));

  const period = periodArgument(stringFlag(args, "period"), lang);
  const plan = loadPlanArgument(planArg, ctx.cwd, lang);
  const read = readAssignmentFile(targetsFile, ctx.cwd, plan, lang);
  if (read.problems.length > 0 || !read.table) {
    for (const problem of read.problems) ctx.stderr(`${targetsFile}: ${problem.message}\n`);
    throw new UsageError(t("targets.table-has-problems", { file: targetsFile, count: read.problems.length }, lang));
  }
  let units: UnitAssignment[] = read.table.units;
  const only = stringFlag(args, "unit")?.normalize("NFC").trim();
  if (only) {
    units = units.filter((u) => unitKey(u.unit) === unitKey(only));
    if (units.length === 0) throw new UsageError(t("targets.unit-not-in-table", { unit: only, file: targetsFile }, lang));
  }

  const folder = resolve(ctx.cwd, output);
  if (existsSync(folder) && !statSync(folder).isDirectory()) throw new UsageError(t("targets.output-not-folder", { output }, lang));
  const names = unitFileNames(units.map((u) => u.unit));
  const force = boolFlag(args, "force");
  const existing = names.filter((name) => existsSync(join(folder, name)));
  if (existing.length > 0 && !force) throw new UsageError(t("targets.files-exist", { count: existing.length, first: existing[0] as string, output }, lang));
  mkdirSync(folder, { recursive: true });

  let assignedCells = 0;
  for (const [i, unit] of units.entries()) {
    const codes = Object.keys(unit.targets);
    assignedCells += codes.length;
    const bytes = await fillInWorkbookBytes(planForUnit(plan, unit), {
      unit: unit.unit,
      ...(year ? { year } : {}),
      estimate: boolFlag(args, "estimate"),
      period,
      lang,
      password: stringFlag(args, "password"),
      metadata: { [GROUP_KEY]: unit.group ?? "", [ASSIGNED_KEY]: codes.join(",") },
    });
    // Existence was checked for all files before the first was written; --force replaces safely.
    writeNewFile(join(folder, names[i] as string), bytes, force, lang);
  }
  ctx.stdout(t("targets.written", { count: units.length, output, assigned: assignedCells, plan: plan.title }, lang) + "\n");
  return 0;
}
