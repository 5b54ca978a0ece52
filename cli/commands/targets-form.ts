// `chitieu targets-form --plan <id|file.json> -o giao-chi-tieu.xlsx [--units units.txt|.xlsx] [--year 2025] [--force]`
// The blank assignment form (giao chỉ tiêu) of a plan: one row per unit (listed with --units, or
// blank rows), one column per indicator with a target, blank = the plan's target.
import { resolve } from "node:path";
import { t } from "../i18n";
import { assignableIndicators } from "../../shared/consolidation/assignment";
import { buildAssignmentWorkbook } from "../../shared/sheet/assignment-sheet";
import { boolFlag, parseArgs, stringFlag } from "../args";
import { UsageError, type Command } from "../context";
import { loadPlanArgument } from "../plan-source";
import { requireXlsxName, writeNewFile } from "../xlsx/files";
import { withMetadataSheet } from "../../xlsx-reader/metadata";
import { writeXlsxBuffer } from "../xlsx/write";
import { readUnitListFile } from "./units-files";

const USAGE = "chitieu targets-form --plan <id|file.json> -o <giao-chi-tieu.xlsx> [--units <units.txt|.xlsx>] [--year 2025] [--force]";

export const command: Command = {
  summary: { vi: "ghi mẫu bảng giao chỉ tiêu cho các đơn vị (.xlsx)", en: "write the blank form assigning targets to units (.xlsx)" },
  async run(ctx) {
    const args = parseArgs(ctx.args, { plan: { value: true }, output: { value: true, alias: "o" }, units: { value: true }, year: { value: true }, force: { value: false } }, ctx.lang);
    if (args.positionals.length) throw new UsageError(t("cli.too-many-arguments", { extra: args.positionals.join(" "), usage: USAGE }, ctx.lang));
    const planArg = stringFlag(args, "plan");
    const output = stringFlag(args, "output");
    if (!planArg) throw new UsageError(t("cli.missing-argument", { what: "--plan", usage: USAGE }, ctx.lang));
    if (!output) throw new UsageError(t("cli.missing-argument", { what: "-o <giao-chi-tieu.xlsx>", usage: USAGE }, ctx.lang));
    requireXlsxName(output, ctx.lang);
    const yearText = stringFlag(args, "year");
    const year = yearText === undefined ? undefined : Number(yearText);
    if (yearText !== undefined && (!/^\d{4}$/.test(yearText.trim()) || (year as number) < 1900 || (year as number) > 2200)) throw new UsageError(t("xlsx.bad-year", { value: yearText }, ctx.lang));
    const plan = loadPlanArgument(planArg, ctx.cwd, ctx.lang);
    const unitsArg = stringFlag(args, "units");
    const units = unitsArg ? readUnitListFile(unitsArg, ctx.cwd, ctx.lang) : [];
    const model = buildAssignmentWorkbook(plan, { units, ...(year ? { year } : {}), lang: ctx.lang });
    writeNewFile(resolve(ctx.cwd, output), await writeXlsxBuffer(withMetadataSheet(model)), boolFlag(args, "force"), ctx.lang);
    ctx.stdout(t("targets-form.written", { file: output, codes: assignableIndicators(plan).length, units: units.length, plan: plan.title }, ctx.lang) + "\n");
    return 0;
  },
};
