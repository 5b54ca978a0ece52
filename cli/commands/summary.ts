// `chitieu summary <filled.xlsx>… -o <out.xlsx> [--pdf] [--plan <id|file.json>] [--force]`
// One file: the unit's year-end summary sheet (report.md). Several: the consolidation (matrix,
// per-unit counts and ranking, and the register of files that could not be used, with why), with
// one progress line per file on stderr.
import { existsSync } from "node:fs";
import { basename, resolve } from "node:path";
import { consolidate, type Consolidation, type ConsolidationInput } from "../../shared/consolidate";
import { evaluatePlan } from "../../shared/evaluate";
import { t } from "../i18n";
import type { Lang, Plan, Settings } from "../../shared/model";
import { buildConsolidationWorkbook } from "../../shared/sheet/consolidation-sheet";
import { buildSummaryWorkbook, unitNotesOf } from "../../shared/sheet/summary-sheet";
import { REPORT_TALLY_KEY, reportTallyFinding } from "../../shared/report/tally-check";
import { summarize } from "../../shared/summary";
import { findingsOf } from "../../shared/workflow/findings";
import { parseFigureBasis, summaryFigures, type FigureBasis } from "../../shared/period-figures";
import { boolFlag, parseArgs, stringFlag } from "../args";
import { UsageError, type CliContext, type Command, type ExitCode } from "../context";
import { loadPlanArgument } from "../plan-source";
import { fileProblemMessage, requireXlsxName, writeNewFile } from "../xlsx/files";
import { readFilledWorkbook, type FilledWorkbook } from "../xlsx/filled-workbook";
import { XlsxFileError } from "../xlsx/open";
import { writeXlsxBuffer } from "../xlsx/write";
import { pdfPathFor, printPdf } from "../pdf";
import { readUnitWorkbooks } from "../xlsx/unit-workbooks";
import { consolidateUnits, UNIT_FLAGS, wantsUnitRegister } from "./summary-units";

const USAGE = "chitieu summary <filled.xlsx> [more.xlsx …] -o <out.xlsx> [--pdf] [--plan <id|file.json>] [--force] [--expected <units.txt|giao-chi-tieu.xlsx>] [--deadline 2026-12-10] [--scoring <diem.json|diem.xlsx>] [--json]";

export const command: Command = {
  summary: { vi: "biểu tổng hợp của một đơn vị, hoặc tổng hợp nhiều đơn vị (.xlsx, --pdf)", en: "one unit's year-end summary, or the consolidation of many (.xlsx, --pdf)" },
  async run(ctx) {
    const args = parseArgs(
      ctx.args,
      { output: { value: true, alias: "o" }, pdf: { value: false }, plan: { value: true }, force: { value: false }, from: { value: true }, ...UNIT_FLAGS },
      ctx.lang,
    );
    const inputs = args.positionals;
    const output = stringFlag(args, "output");
    if (inputs.length === 0) throw new UsageError(t("cli.missing-argument", { what: t("xlsx.what.files", {}, ctx.lang), usage: USAGE }, ctx.lang));
    if (!output) throw new UsageError(t("cli.missing-argument", { what: "-o <out.xlsx>", usage: USAGE }, ctx.lang));
    requireXlsxName(output, ctx.lang);
    const outPath = resolve(ctx.cwd, output);
    if (inputs.some((f) => resolve(ctx.cwd, f) === outPath)) throw new UsageError(t("xlsx.out-is-input", { file: output }, ctx.lang));
    const planArg = stringFlag(args, "plan");
    const plan = planArg ? loadPlanArgument(planArg, ctx.cwd, ctx.lang) : undefined;
    const force = boolFlag(args, "force");
    // Said before any file is read: the city office should not wait for 3,321 files to be read to
    // learn that the output's name is taken (the write checks again, for a file made meanwhile).
    if (!force && existsSync(outPath)) throw new UsageError(t("xlsx.out-exists", { file: output }, ctx.lang));
    // LibreOffice would overwrite a PDF of the same name without asking.
    if (boolFlag(args, "pdf") && !force && existsSync(pdfPathFor(outPath))) throw new UsageError(t("xlsx.out-exists", { file: basename(pdfPathFor(outPath)) }, ctx.lang));

    const result = wantsUnitRegister(args) ? await consolidateUnits(ctx, args, inputs, plan, outPath, output, force) : inputs.length === 1 ? await unitSummary(ctx, inputs[0], plan, outPath, force, figureBasisArgument(stringFlag(args, "from"), ctx.lang)) : await consolidation(ctx, inputs, plan, outPath, output, force);
    ctx.stderr(t("xlsx.summary.written", { file: output }, ctx.lang) + "\n");
    if (boolFlag(args, "pdf")) await printPdf(outPath, ctx);
    return result;
  },
};

function settingsFor(filled: FilledWorkbook, lang: Lang): Settings {
  return { ...filled.settings, lang };
}

/** `--from uoc|chinh-thuc` (H-H, issue 15): the estimate or the final figures; by default the final one where typed, else the estimate. */
function figureBasisArgument(text: string | undefined, lang: Lang): FigureBasis {
  if (text === undefined) return "latest";
  const basis = parseFigureBasis(text);
  if (basis === null) throw new UsageError(t("period.bad-basis", { value: text }, lang));
  return basis;
}

async function unitSummary(ctx: CliContext, file: string, plan: Plan | undefined, outPath: string, force: boolean, basis: FigureBasis = "latest"): Promise<ExitCode> {
  let filled: FilledWorkbook;
  try {
    filled = readFilledWorkbook(resolve(ctx.cwd, file), { plan, lang: ctx.lang, displayName: file });
  } catch (error) {
    if (error instanceof XlsxFileError) throw new UsageError(fileProblemMessage(error, ctx.lang));
    throw error;
  }
  const settings = settingsFor(filled, ctx.lang);
  const figures = summaryFigures(filled.plan, filled.entries, settings, basis, filled.dates, filled.metadata.estimate === "true");
  const evaluations = evaluatePlan(filled.plan, figures.entries, settings);
  const findings = findingsOf(filled.plan, filled, settings);
  const summary = summarize(filled.plan, evaluations, settings);
  // A workbook filled from the unit's report (read-report --into) keeps the report's tally: the
  // summary says when the figures contradict it, under the sentence, as `check` does.
  const tally = reportTallyFinding(filled.metadata[REPORT_TALLY_KEY], filled.plan, evaluations, settings);
  const notes = [...figures.changes, ...(tally ? [tally.message] : [])];
  const model = buildSummaryWorkbook(filled.plan, summary, {
    unitNotes: unitNotesOf(filled.entries),
    ...(filled.unit ? { unit: filled.unit } : {}),
    estimate: figures.estimate,
    ...(figures.basisLine ? { basisLine: figures.basisLine } : {}),
    changes: notes,
    year: filled.settings.reportYear,
    lang: ctx.lang,
  });
  writeNewFile(outPath, await writeXlsxBuffer(model), force, ctx.lang);
  ctx.stdout([summary.sentence, ...notes].join("\n") + "\n");
  return findings.some((f) => f.severity === "error") ? 1 : 0;
}

async function consolidation(ctx: CliContext, files: string[], plan: Plan | undefined, outPath: string, output: string, force: boolean): Promise<ExitCode> {
  const { units, settings, problems } = await readUnitWorkbooks(ctx, files, plan, { lang: ctx.lang });
  if (settings === null) throw new UsageError(t("xlsx.summary.none-usable", {}, ctx.lang));
  const { result, bytes } = await consolidationWorkbookBytes(units, settings, ctx.lang);
  writeNewFile(outPath, bytes, force, ctx.lang);
  const failed = result.register.filter((r) => r.kind !== "validation-errors").length;
  ctx.stdout(t("xlsx.summary.consolidated", { used: result.units.length, total: files.length, failed, file: output }, ctx.lang) + "\n");
  return problems > 0 ? 1 : 0;
}

/** The consolidation of the units' readings and its workbook's bytes (the path tests take too). */
export async function consolidationWorkbookBytes(units: ConsolidationInput[], settings: Settings, lang: Lang): Promise<{ result: Consolidation; bytes: Buffer }> {
  const result = consolidate(units, settings);
  const model = buildConsolidationWorkbook(result, { lang });
  return { result, bytes: await writeXlsxBuffer(model) };
}

