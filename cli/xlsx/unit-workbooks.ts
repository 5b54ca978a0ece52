// The units' workbooks of a consolidation, read with a progress line each: `summary` and `report`
// both consolidate, so both read them here. A file that cannot be used becomes a register row with
// its reason, never a stop; the findings are the core's one assembly. Many files are read on every
// core (unit-read-parallel.ts), in the same order and with the same result as one by one.
import { resolve } from "node:path";
import type { ConsolidationInput } from "../../shared/consolidate";
import { t } from "../i18n";
import type { Plan, Settings } from "../../shared/model";
import type { CliContext } from "../context";
import { readUnitFiles } from "./unit-read-parallel";

export { unitNameFromFile } from "./unit-read";

export interface UnitWorkbooks {
  units: ConsolidationInput[];
  /** The first usable unit's settings (the consolidation's), or null when none was usable. */
  settings: Settings | null;
  /** The first usable unit's plan, e.g. for its issuer. */
  firstPlan: Plan | null;
  /** How many files were unusable or carry errors. */
  problems: number;
}

/** Reads the files; `settings` is laid over each unit's stored settings (its `lang` at least). */
export async function readUnitWorkbooks(ctx: CliContext, files: string[], plan: Plan | undefined, settings: Partial<Settings>): Promise<UnitWorkbooks> {
  const out: UnitWorkbooks = { units: [], settings: null, firstPlan: null, problems: 0 };
  const paths = files.map((file) => resolve(ctx.cwd, file));
  await readUnitFiles(paths, files, { mode: "units", lang: ctx.lang, plan, settings }, (i, read) => {
    const file = files[i];
    const progress = { index: i + 1, total: files.length, file };
    if (read.ok) {
      out.settings ??= read.settings;
      out.firstPlan ??= read.input.plan;
      out.units.push(read.input);
      if (read.errors > 0) out.problems++;
      ctx.stderr(t(read.errors > 0 ? "xlsx.summary.progress-errors" : "xlsx.summary.progress-ok", { ...progress, errors: read.errors }, ctx.lang) + "\n");
    } else {
      out.units.push({ file, reason: read.reason });
      out.problems++;
      ctx.stderr(t("xlsx.summary.progress-failed", { ...progress, reason: read.reason }, ctx.lang) + "\n");
    }
  });
  return out;
}
