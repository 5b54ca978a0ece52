// The "paste text" step of loading a plan: reads the text into indicators for the user to review
// in the sidebar, least certain first; nothing is written to the sheet until the user confirms.
import { importPlanText } from "../../../../shared/import";
import { t } from "../../../../shared/i18n";
import type { Lang } from "../../../../shared/model";
import type { Outcome, PreviewResult, ReviewRow } from "../../api-types";

export function previewPlanTextCommand(text: string, lang: Lang): Outcome<PreviewResult> {
  // Nothing to read, or nothing found: an empty review, which the pane says in its own words (as in Excel).
  if (text.trim().length === 0) return { ok: true, plan: null, rows: [], results: [], warnings: [] };
  const result = importPlanText(text, { lang });
  if (!result.plan || result.indicators.length === 0) return { ok: true, plan: null, rows: [], results: [], warnings: result.warnings.map((w) => (w.line > 0 ? `${w.line}: ${w.message}` : w.message)) };
  const rows: ReviewRow[] = result.indicators.map((ind) => ({
    group: ind.group,
    confidence: ind.confidence,
    reasons: (ind.reasons ?? []).map((key) => t(key, {}, lang)),
    span: ind.span ? { line: ind.span.line, start: ind.span.start, end: ind.span.end, text: ind.span.text } : null,
    secondary: ind.secondary ?? null,
    code: ind.code,
    name: ind.name,
    unit: ind.unit,
    comparator: ind.comparator,
    target: ind.target,
    targetMin: ind.targetMin ?? null,
    targetMax: ind.targetMax ?? null,
    deadlineYear: ind.deadlineYear,
  }));
  // JSON round trip: the plan crosses google.script.run and comes back on confirmation.
  const results = (result.results ?? []).map((r) => ({ name: r.name, actual: r.actual, unit: r.unit, percentOfPlan: r.percentOfPlan, estimate: r.estimate, span: { line: r.span.line, text: r.span.text } }));
  return { ok: true, plan: JSON.parse(JSON.stringify(result.plan)), rows, results, warnings: result.warnings.map((w) => (w.line > 0 ? `${w.line}: ${w.message}` : w.message)) };
}
