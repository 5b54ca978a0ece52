// `chitieu next-year <this-year.xlsx> (--plan <id|file.json|file.txt> | --same) -o <next-year.xlsx>
//   [--unit …] [--year 2026] [--period 6|9|nam] [--force]`
// Next year's fill-in workbook, its "Thực hiện năm trước" column filled from this year's figures by
// the core (shared/period-next-year.ts); what could not be matched is listed on stdout.
import { readFileSync } from "node:fs";
import { extname, resolve } from "node:path";
import { t } from "../i18n";
import { importPlanText } from "../../shared/import";
import type { Lang, Plan } from "../../shared/model";
import { nextYearCarry, samePlanNextYear } from "../../shared/period-next-year";
import { boolFlag, parseArgs, stringFlag } from "../args";
import { UsageError, type Command } from "../context";
import { loadPlanArgument, MAX_PLAN_FILE_BYTES } from "../plan-source";
import { requireXlsxName, writeNewFile } from "../xlsx/files";
import { loadFilledForCommand, requireOneFile } from "../xlsx/input-args";
import { fillInWorkbookBytes, periodArgument } from "./template";

const USAGE = "chitieu next-year <this-year.xlsx> (--plan <id|file.json|file.txt> | --same) -o <next-year.xlsx> [--unit …] [--year 2026] [--period 6|9|nam] [--force]";

/** A built-in id or a JSON plan file as `template --plan` takes them; a text file (.txt, .md) is read by the importer. */
function nextPlanArgument(arg: string, cwd: string, year: number, lang: Lang): Plan {
  const ext = extname(arg).toLowerCase();
  if (ext !== ".txt" && ext !== ".md" && ext !== ".text") return loadPlanArgument(arg, cwd, lang);
  let text: string;
  try {
    text = readFileSync(resolve(cwd, arg), "utf8").slice(0, MAX_PLAN_FILE_BYTES);
  } catch (error) {
    throw new UsageError(t("cli.file-unreadable", { file: arg, detail: (error as NodeJS.ErrnoException).code ?? String(error) }, lang));
  }
  const imported = importPlanText(text, { year, source: arg, lang });
  if (!imported.plan) throw new UsageError(t("nextyear.text-no-plan", { file: arg }, lang));
  return imported.plan;
}

const list = (items: { code: string; name: string }[]): string => items.map((i) => `${i.code} ${i.name}`).join("; ");

export const command: Command = {
  summary: { vi: "bảng nhập năm sau, cột \"Thực hiện năm trước\" lấy từ số năm nay", en: "next year's workbook, last year's figures carried from this one" },
  async run(ctx) {
    const args = parseArgs(
      ctx.args,
      {
        plan: { value: true },
        same: { value: false },
        output: { value: true, alias: "o" },
        unit: { value: true },
        year: { value: true },
        period: { value: true },
        force: { value: false },
      },
      ctx.lang,
    );
    const fileArg = requireOneFile(args.positionals, USAGE, ctx.lang);
    const output = stringFlag(args, "output");
    const planArg = stringFlag(args, "plan");
    const same = boolFlag(args, "same");
    if (planArg && same) throw new UsageError(t("nextyear.same-needs-no-plan", {}, ctx.lang));
    if (!planArg && !same) throw new UsageError(t("nextyear.needs-plan", {}, ctx.lang));
    if (!output) throw new UsageError(t("cli.missing-argument", { what: "-o <next-year.xlsx>", usage: USAGE }, ctx.lang));
    requireXlsxName(output, ctx.lang);
    if (resolve(ctx.cwd, output) === resolve(ctx.cwd, fileArg)) throw new UsageError(t("xlsx.out-is-input", { file: output }, ctx.lang));
    const period = periodArgument(stringFlag(args, "period"), ctx.lang);

    const thisYear = loadFilledForCommand(fileArg, ctx.cwd, ctx.lang);
    const yearText = stringFlag(args, "year");
    const year = yearText === undefined ? thisYear.settings.reportYear + 1 : Number(yearText);
    if (!/^\d{4}$/.test(String(yearText ?? year)) || year < 1900 || year > 2200) throw new UsageError(t("xlsx.bad-year", { value: String(yearText) }, ctx.lang));
    const nextPlan = planArg ? nextPlanArgument(planArg, ctx.cwd, year, ctx.lang) : samePlanNextYear(thisYear.plan, year);

    const carry = nextYearCarry(thisYear.plan, thisYear.entries, nextPlan, ctx.lang);
    const unit = stringFlag(args, "unit")?.normalize("NFC").trim() || thisYear.unit || undefined;
    const bytes = await fillInWorkbookBytes(nextPlan, { unit, year, period, entries: carry.entries, headerNote: carry.headerNote, lang: ctx.lang });
    writeNewFile(resolve(ctx.cwd, output), bytes, boolFlag(args, "force"), ctx.lang);

    const fromEstimate = carry.carried.filter((c) => c.source === "estimate");
    const lines = [
      t("nextyear.written", { file: output, year, matched: carry.carried.length, final: carry.carried.length - fromEstimate.length, estimate: fromEstimate.length }, ctx.lang),
    ];
    if (fromEstimate.length > 0) lines.push(t("nextyear.from-estimate", { codes: fromEstimate.map((c) => c.code).join(", ") }, ctx.lang));
    if (carry.notCarried.length > 0) {
      const items = carry.notCarried.map((n) => ({ code: n.code, name: n.reason === "unit-differs" ? `${n.name} (${t("nextyear.unit-differs", {}, ctx.lang)})` : n.name }));
      lines.push(t("nextyear.unmatched-old", { list: list(items) }, ctx.lang));
    }
    if (carry.withoutFigure.length > 0) lines.push(t("nextyear.unmatched-new", { list: list(carry.withoutFigure) }, ctx.lang));
    ctx.stdout(lines.join("\n") + "\n");
    return 0;
  },
};
