// `chitieu template --plan <id|file.json> -o out.xlsx [--unit …] [--year 2025] [--period 6|9|nam] [--estimate] [--password …] [--force]`
import { resolve } from "node:path";
import { t } from "../i18n";
import type { Lang, Period, Plan } from "../../shared/model";
import { parsePeriod } from "../../shared/period";
import { buildFillInWorkbook, type FillInOptions } from "../../shared/sheet/fill-in";
import type { WorkbookModel } from "../../shared/sheet/types";
import { boolFlag, parseArgs, stringFlag } from "../args";
import { UsageError, type Command } from "../context";
import { loadPlanArgument } from "../plan-source";
import { requireXlsxName, writeNewFile } from "../xlsx/files";
import { INDICATOR_SHEET_KEY, PLAN_JSON_KEY, withMetadataSheet } from "../../xlsx-reader/metadata";
import { writeXlsxBuffer } from "../xlsx/write";
import { runTemplateWithTargets } from "./template-targets";

const USAGE = 'chitieu template --plan <id|file.json> -o <out.xlsx> [--unit "Phường Đông Hải"] [--year 2025] [--period 6|9|nam] [--estimate] [--password <pw>] [--force]  |  --targets <giao-chi-tieu.xlsx> -o <folder>/';

export interface TemplateOptions {
  unit?: string;
  year?: number;
  estimate?: boolean;
  /** Six months, nine months or the whole year (the default). */
  period?: Period;
  lang: Lang;
  password?: string;
  /** A line added to the header block's instruction. */
  headerNote?: string;
  /** Example figures to put in the actual cells (the demo's filled workbook). */
  entries?: FillInOptions["entries"];
  /** A line across the header block, e.g. "Số liệu minh họa" on the demo's example workbook. */
  banner?: string;
  /** Extra facts for the metadata sheet. */
  metadata?: Record<string, string>;
}

/** The fill-in workbook of a plan as .xlsx bytes, carrying the plan it was made from. */
export async function fillInWorkbookBytes(plan: Plan, options: TemplateOptions): Promise<Buffer> {
  const model = buildFillInWorkbook(plan, {
    ...(options.unit ? { unit: options.unit } : {}),
    ...(options.year ? { year: options.year } : {}),
    ...(options.estimate ? { estimate: true } : {}),
    ...(options.entries ? { entries: options.entries } : {}),
    ...(options.password ? { password: options.password } : {}),
    ...(options.period && options.period !== "ca-nam" ? { settings: { period: options.period } } : {}),
    ...(options.headerNote ? { headerNote: options.headerNote } : {}),
    lang: options.lang,
  });
  return writeXlsxBuffer(withPlanMetadata(options.banner ? withBanner(model, options.banner) : model, plan, options));
}

/** Writes the banner into the row just above the table header, in bold red, over the cells left of the date labels. */
function withBanner(model: WorkbookModel, banner: string): WorkbookModel {
  const sheets = model.sheets.map((sheet) => {
    const row = sheet.table ? sheet.table.headerRow - 1 : -1;
    const line = sheet.cells[row] ?? [];
    const free = line.findIndex((v) => v !== null);
    const cols = free < 0 ? Math.min(sheet.table?.columns.filter((c) => !c.hidden).length ?? 1, 9) : free;
    if (sheet.role !== "fill-in" || row < 0 || cols < 1) return sheet;
    const cells = sheet.cells.map((r) => [...r]);
    cells[row] = [banner, ...line.slice(1)];
    const range = { row, col: 0, rows: 1, cols };
    return { ...sheet, cells, merges: [...sheet.merges, range], styles: [...sheet.styles, { range, style: { font: { bold: true, color: "#C00000" as const }, horizontal: "center" as const } }] };
  });
  return { ...model, sheets };
}

/** The model's own metadata (plan id, year, unit, settings), plus the plan itself and where to read. */
function withPlanMetadata(model: WorkbookModel, plan: Plan, options: TemplateOptions): WorkbookModel {
  const indicatorSheet = model.sheets.find((s) => s.role === "fill-in")?.name ?? model.sheets[0]?.name ?? "";
  return withMetadataSheet(model, {
    [INDICATOR_SHEET_KEY]: indicatorSheet,
    [PLAN_JSON_KEY]: JSON.stringify(plan),
    ...options.metadata,
  });
}

export const command: Command = {
  summary: { vi: "ghi bảng nhập chỉ tiêu .xlsx của một kế hoạch", en: "write the fill-in .xlsx workbook of a plan" },
  async run(ctx) {
    const args = parseArgs(
      ctx.args,
      {
        plan: { value: true },
        output: { value: true, alias: "o" },
        unit: { value: true },
        year: { value: true },
        estimate: { value: false },
        period: { value: true },
        password: { value: true },
        force: { value: false },
        targets: { value: true },
      },
      ctx.lang,
    );
    if (args.positionals.length) throw new UsageError(t("cli.too-many-arguments", { extra: args.positionals.join(" "), usage: USAGE }, ctx.lang));
    if (stringFlag(args, "targets") !== undefined) return runTemplateWithTargets(ctx, args);
    const planArg = stringFlag(args, "plan");
    const output = stringFlag(args, "output");
    if (!planArg) throw new UsageError(t("cli.missing-argument", { what: "--plan", usage: USAGE }, ctx.lang));
    if (!output) throw new UsageError(t("cli.missing-argument", { what: "-o <out.xlsx>", usage: USAGE }, ctx.lang));
    requireXlsxName(output, ctx.lang);
    const yearText = stringFlag(args, "year");
    let year: number | undefined;
    if (yearText !== undefined) {
      year = Number(yearText);
      if (!/^\d{4}$/.test(yearText.trim()) || year < 1900 || year > 2200) throw new UsageError(t("xlsx.bad-year", { value: yearText }, ctx.lang));
    }
    const period = periodArgument(stringFlag(args, "period"), ctx.lang);
    const plan = loadPlanArgument(planArg, ctx.cwd, ctx.lang);
    const unit = stringFlag(args, "unit")?.normalize("NFC").trim() || undefined;
    const bytes = await fillInWorkbookBytes(plan, {
      unit,
      year,
      estimate: boolFlag(args, "estimate"),
      period,
      lang: ctx.lang,
      password: stringFlag(args, "password"),
    });
    writeNewFile(resolve(ctx.cwd, output), bytes, boolFlag(args, "force"), ctx.lang);
    const unitText = unit ? t("xlsx.template.unit", { unit }, ctx.lang) : "";
    ctx.stdout(t("xlsx.template.written", { file: output, count: plan.indicators.length, plan: plan.title, unit: unitText }, ctx.lang) + "\n");
    return 0;
  },
};

/** `--period 6 | 9 | nam` (also "6 tháng", "cả năm"); absent: the whole year. */
export function periodArgument(text: string | undefined, lang: Lang): Period {
  if (text === undefined) return "ca-nam";
  const period = parsePeriod(text);
  if (period === null) throw new UsageError(t("period.bad", { value: text }, lang));
  return period;
}
