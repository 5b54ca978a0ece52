import { builtInPlans } from "../../shared/catalog";
import { t } from "../i18n";
import { boolFlag, parseArgs } from "../args";
import { UsageError, type Command } from "../context";
import { renderTable } from "../table";

export const command: Command = {
  summary: { vi: "liệt kê các kế hoạch có sẵn [--json]", en: "list the built-in plans [--json]" },
  async run(ctx) {
    const args = parseArgs(ctx.args, { json: { value: false } }, ctx.lang);
    if (args.positionals.length > 0)
      throw new UsageError(t("cli.too-many-arguments", { extra: args.positionals.join(" "), usage: "chitieu plans [--json]" }, ctx.lang));
    const plans = builtInPlans().map((plan) => ({
      id: plan.id,
      title: plan.title,
      issuer: plan.issuer,
      level: plan.level,
      year: plan.year,
      source: plan.source,
      indicators: plan.indicators.length,
    }));
    if (boolFlag(args, "json")) {
      ctx.stdout(JSON.stringify(plans, null, 2) + "\n");
      return 0;
    }
    const header = t("cli.plans.columns", {}, ctx.lang).split("|");
    const rows = plans.map((p) => [p.id, p.level, String(p.year), String(p.indicators), p.issuer, p.source ?? ""]);
    ctx.stdout(t("cli.plans.header", {}, ctx.lang) + "\n\n" + renderTable(header, rows));
    return 0;
  },
};
