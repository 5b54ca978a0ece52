// The arguments every command that reads a filled workbook shares: the file, and `--plan` when the
// file no longer carries its plan.
import { resolve } from "node:path";
import { t } from "../i18n";
import type { Lang, Plan } from "../../shared/model";
import { UsageError } from "../context";
import { loadPlanArgument } from "../plan-source";
import { fileProblemMessage } from "./files";
import { readFilledWorkbook, type FilledWorkbook } from "./filled-workbook";
import { XlsxFileError } from "./open";

/** Reads one filled workbook for a command; an unusable file is a UsageError (one line, exit 2). */
export function loadFilledForCommand(fileArg: string, cwd: string, lang: Lang, planArg?: string): FilledWorkbook {
  const plan: Plan | undefined = planArg ? loadPlanArgument(planArg, cwd, lang) : undefined;
  try {
    return readFilledWorkbook(resolve(cwd, fileArg), { plan, lang, displayName: fileArg });
  } catch (error) {
    if (error instanceof XlsxFileError) throw new UsageError(fileProblemMessage(error, lang));
    throw error;
  }
}

export function requireOneFile(positionals: string[], usage: string, lang: Lang): string {
  const [file, ...extra] = positionals;
  if (!file) throw new UsageError(t("cli.missing-argument", { what: t("xlsx.what.file", {}, lang), usage }, lang));
  if (extra.length) throw new UsageError(t("cli.too-many-arguments", { extra: extra.join(" "), usage }, lang));
  return file;
}
