import { t } from "../i18n";
import type { Indicator, Lang } from "../../shared/model";
import { depthOf } from "../../shared/model";
import { formatVietnameseNumber } from "../../shared/numbers";
import { boolFlag, parseArgs } from "../args";
import { UsageError, type Command } from "../context";
import { loadPlanArgument } from "../plan-source";
import { renderTable } from "../table";

const USAGE = "chitieu plan <id|file.json> [--json]";

export const command: Command = {
  summary: { vi: "in các chỉ tiêu của một kế hoạch <mã|tệp.json> [--json]", en: "print one plan's indicators <id|file.json> [--json]" },
  async run(ctx) {
    const args = parseArgs(ctx.args, { json: { value: false } }, ctx.lang);
    const [source, ...extra] = args.positionals;
    if (!source) throw new UsageError(t("cli.missing-argument", { what: ctx.lang === "en" ? "the plan id or file" : "mã hoặc tệp kế hoạch", usage: USAGE }, ctx.lang));
    if (extra.length) throw new UsageError(t("cli.too-many-arguments", { extra: extra.join(" "), usage: USAGE }, ctx.lang));
    const plan = loadPlanArgument(source, ctx.cwd, ctx.lang);
    if (boolFlag(args, "json")) {
      ctx.stdout(JSON.stringify(plan, null, 2) + "\n");
      return 0;
    }
    const header = t("cli.plan.columns", {}, ctx.lang).split("|");
    const rows = plan.indicators.map((ind) => [
      ind.code,
      "  ".repeat(depthOf(ind.code)) + ind.name,
      ind.unit,
      describeTarget(ind, ctx.lang),
      ind.deadlineYear ? t("cli.plan.by-year", { year: ind.deadlineYear }, ctx.lang) : "",
      ind.group ?? "",
    ]);
    ctx.stdout(t("cli.plan.heading", { title: plan.title, issuer: plan.issuer, year: plan.year, count: plan.indicators.length }, ctx.lang) + "\n\n");
    ctx.stdout(renderTable(header, rows, [8, 70, 16, 22, 10, 28]));
    return 0;
  },
};

/** The target as a reader writes it: "≥ 12,35", "< 2,5", "8 – 8,5", "Đạt/Không đạt". */
export function describeTarget(ind: Indicator, lang: Lang): string {
  const n = (v: number | null | undefined) => (v === null || v === undefined ? "" : formatVietnameseNumber(v));
  switch (ind.comparator) {
    case null:
      return "";
    case "boolean":
      return t("cli.plan.qualitative", {}, lang);
    case "range":
      return `${n(ind.targetMin)} – ${n(ind.targetMax)}`;
    case "approx":
      return `≈ ${n(ind.target)}`;
    case "decrease-by":
      return `${lang === "en" ? "down" : "giảm"} ${n(ind.target)}`;
    case "increase-by":
      return `${lang === "en" ? "up" : "tăng"} ${n(ind.target)}`;
    case ">=":
      return `≥ ${n(ind.target)}`;
    case "<=":
      return `≤ ${n(ind.target)}`;
    default:
      return `${ind.comparator} ${n(ind.target)}`;
  }
}
