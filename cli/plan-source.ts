// `<id|file.json>`: a built-in plan by id, or a plan file validated against the schema.
import { readFileSync, statSync } from "node:fs";
import { resolve } from "node:path";
import { findBuiltInPlan } from "../shared/catalog";
import { parsePlanJson } from "../shared/plan-io";
import { t } from "./i18n";
import type { Lang, Plan } from "../shared/model";
import { UsageError } from "./context";

export const MAX_PLAN_FILE_BYTES = 5 * 1024 * 1024;

export function loadPlanArgument(arg: string, cwd: string, lang: Lang): Plan {
  const builtIn = findBuiltInPlan(arg);
  if (builtIn) return builtIn;
  const path = resolve(cwd, arg);
  let text: string;
  try {
    const size = statSync(path).size;
    if (size > MAX_PLAN_FILE_BYTES) throw new Error(`> ${MAX_PLAN_FILE_BYTES / 1024 / 1024} MB`);
    text = readFileSync(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" && !/[\\/.]/.test(arg)) throw new UsageError(t("plan.not-found", { id: arg }, lang));
    throw new UsageError(t("cli.file-unreadable", { file: arg, detail: code === "ENOENT" ? (lang === "en" ? "no such file" : "không có tệp này") : (error as Error).message }, lang));
  }
  const result = parsePlanJson(text, arg, lang);
  if (!result.ok) throw new UsageError(`${arg}: ${result.problems.map((p) => p.message).join("; ")}`);
  return result.plan;
}
