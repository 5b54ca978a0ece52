// `chitieu check <filled.xlsx> [--plan <id|file.json>] [--json]`: the entered actuals, validated by the core.
// --json prints the findings array: [{ file, severity, rule, code, sheet, cell, message, fix? }].
import { t } from "../i18n";
import type { Finding, Lang } from "../../shared/model";
import { findingsOf, orderFindings } from "../../shared/workflow/findings";
import { evaluatePlan } from "../../shared/evaluate";
import { REPORT_TALLY_KEY, reportTallyFinding } from "../../shared/report/tally-check";
import { boolFlag, parseArgs, stringFlag } from "../args";
import type { Command } from "../context";
import { loadFilledForCommand, requireOneFile } from "../xlsx/input-args";

const USAGE = "chitieu check <filled.xlsx> [--plan <id|file.json>] [--json]";

export const command: Command = {
  summary: { vi: "kiểm tra số liệu đã nhập trong tệp .xlsx", en: "check the actuals entered in an .xlsx workbook" },
  async run(ctx) {
    const args = parseArgs(ctx.args, { json: { value: false }, plan: { value: true } }, ctx.lang);
    const fileArg = requireOneFile(args.positionals, USAGE, ctx.lang);
    const filled = loadFilledForCommand(fileArg, ctx.cwd, ctx.lang, stringFlag(args, "plan"));
    const settings = { ...filled.settings, lang: ctx.lang };
    // A workbook filled from a unit's report (read-report --into) keeps the report's tally: say when the figures contradict it.
    const tally = reportTallyFinding(filled.metadata[REPORT_TALLY_KEY], filled.plan, evaluatePlan(filled.plan, filled.entries, settings), settings);
    // A final figure far from its estimate (shared/period-figures.ts) is in findingsOf, for every host.
    // The one assembly and order of findings (errors first, then by cell), as in Excel and Sheets.
    const findings = orderFindings([...findingsOf(filled.plan, { entries: filled.entries, problems: filled.problems }, settings), ...(tally ? [tally] : [])]);
    const errors = findings.filter((f) => f.severity === "error").length;
    if (boolFlag(args, "json")) {
      ctx.stdout(JSON.stringify(findings.map((f) => ({ file: fileArg, ...f })), null, 2) + "\n");
    } else {
      for (const finding of findings) ctx.stdout(findingLine(fileArg, finding, ctx.lang) + "\n");
      const counts = { file: fileArg, errors, warnings: findings.length - errors, count: filled.entries.length };
      ctx.stdout(t(findings.length ? "xlsx.check.counts" : "xlsx.check.clean", counts, ctx.lang) + "\n");
    }
    return errors > 0 ? 1 : 0;
  },
};

/** `filled.xlsx!'Chỉ tiêu'!F12: Lỗi: …` — file and cell first, so a clerk can go straight to it. */
export function findingLine(file: string, finding: Finding, lang: Lang): string {
  const sheet = finding.sheet ? `${/^[\p{L}\p{N}_]+$/u.test(finding.sheet) ? finding.sheet : `'${finding.sheet}'`}!` : "";
  const where = `${file}${finding.cell || finding.sheet ? "!" : ""}${sheet}${finding.cell ?? ""}`;
  const severity = t(finding.severity === "error" ? "xlsx.severity.error" : "xlsx.severity.warning", {}, lang);
  return t("xlsx.finding", { where, severity, message: finding.message }, lang);
}
