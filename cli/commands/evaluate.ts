// `chitieu evaluate <filled.xlsx> --json [--plan <id|file.json>]`: per indicator what the core computes.
// Contract (cli.md): {"indicators":[{"code","target","actual","percent","status"}]}; a 6- or 9-month
// workbook adds "label" where the cell shows a period's word ("Đạt tiến độ", "Chậm tiến độ", "Chưa đến kỳ đánh giá").
import { evaluatePlan } from "../../shared/evaluate";
import { t } from "../i18n";
import { findingsOf } from "../../shared/workflow/findings";
import { formatPercent, formatVietnameseNumber } from "../../shared/numbers";
import type { Evaluation } from "../../shared/model";
import { boolFlag, parseArgs, stringFlag } from "../args";
import type { Command } from "../context";
import { renderTable } from "../table";
import { loadFilledForCommand, requireOneFile } from "../xlsx/input-args";

const USAGE = "chitieu evaluate <filled.xlsx> --json [--plan <id|file.json>]";

export interface EvaluatedIndicator {
  code: string;
  target: number | null;
  actual: number | boolean | null;
  percent: number | null;
  status: Evaluation["status"];
  /** What the Đánh giá cell shows, when it is not the status itself (a partial period). */
  label?: string;
}

export function contractRow(evaluation: Evaluation): EvaluatedIndicator {
  const ind = evaluation.indicator;
  const target = ind.comparator === "range" ? (ind.targetMin ?? null) : ind.target;
  const row: EvaluatedIndicator = { code: evaluation.code, target, actual: evaluation.actual, percent: evaluation.percent, status: evaluation.status };
  return evaluation.label && evaluation.label !== evaluation.status ? { ...row, label: evaluation.label } : row;
}

export const command: Command = {
  summary: { vi: "đánh giá từng chỉ tiêu trong tệp .xlsx [--json]", en: "evaluate each indicator of an .xlsx workbook [--json]" },
  async run(ctx) {
    const args = parseArgs(ctx.args, { json: { value: false }, plan: { value: true } }, ctx.lang);
    const fileArg = requireOneFile(args.positionals, USAGE, ctx.lang);
    const filled = loadFilledForCommand(fileArg, ctx.cwd, ctx.lang, stringFlag(args, "plan"));
    const settings = { ...filled.settings, lang: ctx.lang };
    const evaluations = evaluatePlan(filled.plan, filled.entries, settings);
    const rows = evaluations.map(contractRow);
    if (boolFlag(args, "json")) {
      ctx.stdout(JSON.stringify({ indicators: rows }) + "\n");
    } else {
      const header = t("xlsx.evaluate.columns", {}, ctx.lang).split("|");
      const show = (v: number | boolean | null) => (v === null ? "" : typeof v === "boolean" ? t(v ? "xlsx.boolean.true" : "xlsx.boolean.false", {}, ctx.lang) : formatVietnameseNumber(v));
      ctx.stdout(renderTable(header, rows.map((r) => [r.code, show(r.target), show(r.actual), r.percent === null ? "" : formatPercent(r.percent), r.status])));
    }
    const errors = findingsOf(filled.plan, { entries: filled.entries, problems: filled.problems }, settings).filter((f) => f.severity === "error");
    return errors.length > 0 ? 1 : 0;
  },
};
