// "Kế hoạch năm sau": the core's next-year command (shared/workflow/next-year.ts) on the open
// workbook. One read (the document state, this year's fill-in and plan sheets, every sheet's name),
// then one write: next year's sheets ("Chỉ tiêu 2026", "Danh mục 2026") beside this year's, which
// are not touched. The core decides what carries and refuses a name already in use.
import type { Lang, Period, Plan } from "../../../shared/model";
import { nextYearCommand, type NextYearReport } from "../../../shared/workflow/next-year";
import { messageLines } from "../../../shared/workflow/outcome";
import { readFilled } from "./commands";
import { fail, type HostFeatures, type Outcome } from "./sheets";
import { applyOutcome } from "./workflow-io";

export interface NextYearRequest {
  plan: Plan | "same";
  year: number;
  period?: Period;
  lang: Lang;
}

export async function makeNextYear(context: Excel.RequestContext, request: NextYearRequest, features: HostFeatures): Promise<Outcome<NextYearReport & { messages: string[] }>> {
  const { lang } = request;
  const read = await readFilled(context, lang);
  if (!read.ok) return read;
  const outcome = nextYearCommand({ ...read.input, sheetNames: read.snapshot.sheetNames }, { plan: request.plan, year: request.year, ...(request.period ? { period: request.period } : {}), lang });
  if (outcome.status !== "done" || !outcome.result) return fail(outcome.messages.map((m) => [m.text, m.next].filter(Boolean).join(" ")).join(" "));
  // The document state stays this year's: next year's sheets are new, and this year's plan is still the one in use.
  await applyOutcome(context, outcome, read.snapshot, new Map(), features, read.doc);
  return { ok: true, ...outcome.result, messages: messageLines(outcome) };
}
