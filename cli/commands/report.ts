// `chitieu report <filled.xlsx>… -o <bao-cao.docx> [--period 6-thang|9-thang|ca-nam] [--unit …] [--date …] [--to …] [--pdf] [--plan …] [--force]`
// One file: the unit's year-end report as a Word document in Decree 30 form (shared/report-doc/).
// Several: the collecting office's consolidated report (counts, ranking, register of the files
// that could not be used), with one progress line per file on stderr. Never overwrites without --force.
import { existsSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { consolidate } from "../../shared/consolidate";
import { t } from "../i18n";
import type { Lang, Period, Plan, Settings } from "../../shared/model";
import { parsePeriod } from "../../shared/period";
import { buildConsolidationReport } from "../../shared/report-doc/consolidation-report";
import { parseReportDate } from "../../shared/report-doc/common";
import type { ReportDocument } from "../../shared/report-doc/model";
import { findingsOf } from "../../shared/workflow/findings";
import { unitReportDocument } from "../../shared/workflow/report";
import { boolFlag, parseArgs, stringFlag } from "../args";
import { UsageError, type CliContext, type Command, type ExitCode } from "../context";
import { chartsOf, renderChartPictures } from "../docx/chart-picture";
import { renderReportDocx } from "../../docx-writer/render";
import { convertWithLibreOffice, findSoffice } from "../libreoffice";
import { loadPlanArgument } from "../plan-source";
import { fileProblemMessage, writeNewFile } from "../xlsx/files";
import { readFilledWorkbook } from "../xlsx/filled-workbook";
import { XlsxFileError } from "../xlsx/open";
import { readUnitWorkbooks } from "../xlsx/unit-workbooks";

const USAGE = "chitieu report <filled.xlsx> [more.xlsx …] -o <bao-cao.docx> [--period 6-thang|9-thang|ca-nam] [--unit <đơn vị>] [--date dd/mm/yyyy] [--to <nơi nhận>] [--pdf] [--plan <id|file.json>] [--force]";

interface ReportFlags {
  period?: Period;
  unit?: string;
  date?: string;
  recipient?: string;
  plan?: Plan;
}

export const command: Command = {
  summary: { vi: "báo cáo kết quả bằng Word theo Nghị định 30 (.docx, có biểu đồ; nhiều tệp: báo cáo tổng hợp)", en: "the results report as a Word document in Decree 30 form (.docx with charts; several files: consolidated)" },
  async run(ctx) {
    const args = parseArgs(
      ctx.args,
      {
        output: { value: true, alias: "o" },
        period: { value: true },
        unit: { value: true },
        date: { value: true },
        to: { value: true },
        plan: { value: true },
        pdf: { value: false },
        force: { value: false },
      },
      ctx.lang,
    );
    const inputs = args.positionals;
    const output = stringFlag(args, "output");
    if (inputs.length === 0) throw new UsageError(t("cli.missing-argument", { what: t("xlsx.what.files", {}, ctx.lang), usage: USAGE }, ctx.lang));
    if (!output) throw new UsageError(t("cli.missing-argument", { what: "-o <bao-cao.docx>", usage: USAGE }, ctx.lang));
    if (!/\.docx$/i.test(output)) throw new UsageError(t("report.cli.out-not-docx", { file: output }, ctx.lang));
    const outPath = resolve(ctx.cwd, output);
    const force = boolFlag(args, "force");
    const flags: ReportFlags = {};
    const periodText = stringFlag(args, "period");
    if (periodText !== undefined) {
      const period = parsePeriod(periodText);
      if (!period) throw new UsageError(t("report.cli.bad-period", { value: periodText }, ctx.lang));
      flags.period = period;
    }
    const date = stringFlag(args, "date");
    if (date !== undefined) {
      if (!parseReportDate(date)) throw new UsageError(t("report.cli.bad-date", { value: date }, ctx.lang));
      flags.date = date;
    }
    const unit = stringFlag(args, "unit");
    if (unit) flags.unit = unit;
    const recipient = stringFlag(args, "to");
    if (recipient) flags.recipient = recipient;
    const planArg = stringFlag(args, "plan");
    if (planArg) flags.plan = loadPlanArgument(planArg, ctx.cwd, ctx.lang);
    const pdfPath = join(dirname(outPath), basename(outPath).replace(/\.docx$/i, "") + ".pdf");
    // Refuse before any work: LibreOffice would overwrite a PDF of the same name without asking.
    if (!force && existsSync(outPath)) throw new UsageError(t("xlsx.out-exists", { file: output }, ctx.lang));
    if (boolFlag(args, "pdf") && !force && existsSync(pdfPath)) throw new UsageError(t("xlsx.out-exists", { file: basename(pdfPath) }, ctx.lang));

    const made = inputs.length === 1 ? unitReport(ctx, inputs[0] as string, flags) : await consolidatedReport(ctx, inputs, flags);
    const soffice = findSoffice();
    const { pictures, problem } = await renderChartPictures(chartsOf(made.doc), ctx.lang, soffice);
    if (problem === "no-soffice") ctx.stderr(t("report.cli.no-pictures-soffice", {}, ctx.lang) + "\n");
    else if (problem) ctx.stderr(t("report.cli.no-pictures-failed", { detail: problem }, ctx.lang) + "\n");
    const bytes = await renderReportDocx(made.doc, { picture: (chart) => pictures.get(chart) ?? null });
    writeNewFile(outPath, bytes, force, ctx.lang);
    ctx.stderr(t("report.cli.written", { file: output, pages: made.what }, ctx.lang) + "\n");
    if (boolFlag(args, "pdf")) await printPdf(outPath, pdfPath, soffice, ctx);
    return made.code;
  },
};

function settingsFor(base: Settings, lang: Lang, flags: ReportFlags): Settings {
  return { ...base, lang, ...(flags.period ? { period: flags.period } : {}) };
}

function readOrExplain(ctx: CliContext, file: string, plan: Plan | undefined) {
  try {
    return readFilledWorkbook(resolve(ctx.cwd, file), { plan, lang: ctx.lang, displayName: file });
  } catch (error) {
    if (error instanceof XlsxFileError) throw new UsageError(fileProblemMessage(error, ctx.lang));
    throw error;
  }
}

function unitReport(ctx: CliContext, file: string, flags: ReportFlags): { doc: ReportDocument; code: ExitCode; what: string } {
  const filled = readOrExplain(ctx, file, flags.plan);
  const settings = settingsFor(filled.settings, ctx.lang, flags);
  const findings = findingsOf(filled.plan, filled, settings);
  // The panes' "Xuất báo cáo Word" builds the same model (shared/workflow/report.ts).
  const { document: doc, summary } = unitReportDocument(filled.plan, filled.entries, settings, {
    unit: flags.unit ?? filled.unit ?? filled.plan.issuer,
    estimate: filled.metadata.estimate === "true",
    ...(flags.period ? { period: flags.period } : {}),
    ...(flags.date ? { date: flags.date } : {}),
    ...(flags.recipient ? { recipient: flags.recipient } : {}),
  }, ctx.lang);
  ctx.stdout(summary.sentence + "\n");
  return { doc, code: findings.some((f) => f.severity === "error") ? 1 : 0, what: t("report.cli.kind-unit", { rows: doc.appendix.table.rows.length }, ctx.lang) };
}

async function consolidatedReport(ctx: CliContext, files: string[], flags: ReportFlags): Promise<{ doc: ReportDocument; code: ExitCode; what: string }> {
  // The same settings as settingsFor lays over each unit's own.
  const { units, settings, firstPlan, problems } = await readUnitWorkbooks(ctx, files, flags.plan, { lang: ctx.lang, ...(flags.period ? { period: flags.period } : {}) });
  const firstIssuer = firstPlan ? firstPlan.issuer : null;
  if (settings === null || firstIssuer === null) throw new UsageError(t("xlsx.summary.none-usable", {}, ctx.lang));
  const used: Settings = settings;
  const result = consolidate(units, used);
  const period = flags.period ?? used.period;
  const doc = buildConsolidationReport(result, {
    unit: flags.unit ?? firstIssuer,
    given: files.length,
    lang: ctx.lang,
    ...(period ? { period } : {}),
    ...(flags.date ? { date: flags.date } : {}),
    ...(flags.recipient ? { recipient: flags.recipient } : {}),
  });
  const failed = result.register.filter((r) => r.kind !== "validation-errors").length;
  ctx.stdout(t("report.cli.consolidated", { used: result.units.length, total: files.length, failed }, ctx.lang) + "\n");
  return { doc, code: problems > 0 ? 1 : 0, what: t("report.cli.kind-consolidated", { units: result.units.length, rows: doc.appendix.table.rows.length }, ctx.lang) };
}

async function printPdf(docxPath: string, pdfPath: string, soffice: string | null, ctx: CliContext): Promise<void> {
  if (!soffice) {
    ctx.stderr(t("report.cli.pdf-no-soffice", {}, ctx.lang) + "\n");
    return;
  }
  const result = await convertWithLibreOffice(soffice, [docxPath], "pdf", dirname(docxPath), { timeoutMs: 180_000 });
  if (!result.ok || !existsSync(pdfPath)) {
    const detail = result.output.split(/\r?\n/).filter(Boolean).pop() ?? "?";
    ctx.stderr(t("report.cli.pdf-failed", { file: basename(docxPath), detail }, ctx.lang) + "\n");
    return;
  }
  ctx.stderr(t("report.cli.pdf-written", { file: pdfPath }, ctx.lang) + "\n");
}
