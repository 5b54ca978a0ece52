// The units' workbooks of a consolidation, read one by one with a progress line each: `summary`
// and `report` both consolidate, so both read them here. A file that cannot be used becomes a
// register row with its reason, never a stop; the findings are the core's one assembly.
import { resolve } from "node:path";
import type { ConsolidationInput } from "../../shared/consolidate";
import { evaluatePlan } from "../../shared/evaluate";
import { t } from "../../shared/i18n";
import type { Plan, Settings } from "../../shared/model";
import { findingsOf } from "../../shared/workflow/findings";
import type { CliContext } from "../context";
import { fileProblemMessage } from "./files";
import { readFilledWorkbook, type FilledWorkbook } from "./filled-workbook";
import { XlsxFileError } from "./open";
import "../messages-xlsx";

export interface UnitWorkbooks {
  units: ConsolidationInput[];
  /** The first usable unit's settings (the consolidation's), or null when none was usable. */
  settings: Settings | null;
  /** The first usable workbook, e.g. for its issuer. */
  first: FilledWorkbook | null;
  /** How many files were unusable or carry errors. */
  problems: number;
}

/** "phuong-dong-hai.xlsx" → "phuong-dong-hai": the unit's name when the workbook names none. */
export function unitNameFromFile(file: string): string {
  return (file.split(/[\\/]/).pop() ?? file).replace(/\.xlsx$/i, "");
}

export function readUnitWorkbooks(ctx: CliContext, files: string[], plan: Plan | undefined, settingsOf: (filled: FilledWorkbook) => Settings): UnitWorkbooks {
  const out: UnitWorkbooks = { units: [], settings: null, first: null, problems: 0 };
  files.forEach((file, i) => {
    const progress = { index: i + 1, total: files.length, file };
    try {
      const filled = readFilledWorkbook(resolve(ctx.cwd, file), { plan, lang: ctx.lang, displayName: file });
      const settings = settingsOf(filled);
      out.settings ??= settings;
      out.first ??= filled;
      const evaluations = evaluatePlan(filled.plan, filled.entries, settings);
      const findings = findingsOf(filled.plan, filled, settings);
      out.units.push({ unit: filled.unit ?? unitNameFromFile(file), file, plan: filled.plan, evaluations, findings });
      const errors = findings.filter((f) => f.severity === "error").length;
      if (errors > 0) out.problems++;
      ctx.stderr(t(errors > 0 ? "xlsx.summary.progress-errors" : "xlsx.summary.progress-ok", { ...progress, errors }, ctx.lang) + "\n");
    } catch (error) {
      if (!(error instanceof XlsxFileError)) throw error;
      const reason = fileProblemMessage(error, ctx.lang);
      out.units.push({ file, reason });
      out.problems++;
      ctx.stderr(t("xlsx.summary.progress-failed", { ...progress, reason }, ctx.lang) + "\n");
    }
  });
  return out;
}
