// Reading a plan from JSON text or data: every problem reported with its JSON path, in the user's language.
import type { z } from "zod";
import { codeStructureIssues, PlanSchema, type Lang, type Plan } from "./model";
import { t } from "./i18n";

export interface PlanProblem {
  /** JSON path, e.g. `indicators[3].target`; "" for the whole document. */
  path: string;
  message: string;
}

export type PlanResult = { ok: true; plan: Plan } | { ok: false; problems: PlanProblem[] };

export function parsePlanJson(text: string, file: string, lang: Lang = "vi"): PlanResult {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, problems: [{ path: "", message: t("plan.invalid-json", { file, detail }, lang) }] };
  }
  return validatePlan(data, lang);
}

export function validatePlan(data: unknown, lang: Lang = "vi"): PlanResult {
  const normalized = normalizeText(data);
  const result = PlanSchema.safeParse(normalized, { reportInput: true });
  if (result.success) return { ok: true, plan: result.data };
  // The plan-level checks only run in zod once everything else is valid: add them now, once.
  const issues: z.core.$ZodIssue[] = [...result.error.issues];
  const indicators = (normalized as { indicators?: unknown } | null)?.indicators;
  if (Array.isArray(indicators)) {
    const known = new Set(issues.map((i) => `${jsonPath(i.path)}|${i.message}`));
    for (const extra of codeStructureIssues(indicators)) {
      if (known.has(`${jsonPath(extra.path)}|${extra.message}`)) continue;
      issues.push({ code: "custom", input: undefined, ...extra } as z.core.$ZodIssue);
    }
  }
  const problems = issues.map((issue) => ({
    path: jsonPath(issue.path),
    message: t("plan.problem", { path: jsonPath(issue.path) || "(gốc)", detail: describeIssue(issue, lang) }, lang),
  }));
  return { ok: false, problems };
}

/** `["indicators", 3, "target"]` → `indicators[3].target`. */
export function jsonPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out;
}

function describeIssue(issue: z.core.$ZodIssue, lang: Lang): string {
  switch (issue.code) {
    case "invalid_type":
      return issue.input === undefined ? t("schema.required", {}, lang) : t("schema.invalid-type", { expected: issue.expected }, lang);
    case "invalid_value":
      return t("schema.invalid-value", { options: issue.values.map((v) => JSON.stringify(v)).join(", ") }, lang);
    case "too_small":
      return t("schema.too-small", {}, lang);
    case "too_big":
      return t("schema.too-big", {}, lang);
    case "invalid_format":
    case "custom": {
      const params = (("params" in issue ? issue.params : undefined) ?? {}) as Record<string, string>;
      const key = `schema.${issue.message}`;
      const text = t(key, params, lang);
      return text === key ? t("schema.other", {}, lang) : text;
    }
    default:
      return t("schema.other", {}, lang);
  }
}

/** Names and units read from files are NFC with normalised whitespace, as the contract says. */
function normalizeText(data: unknown): unknown {
  if (typeof data === "string") return data.normalize("NFC").replace(/\s+/g, " ").trim();
  if (Array.isArray(data)) return data.map(normalizeText);
  if (data !== null && typeof data === "object") {
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(data)) out[key] = normalizeText(value);
    return out;
  }
  return data;
}
