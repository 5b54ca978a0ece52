// "Xuất báo cáo Word" in Excel: one read request (the document state, the indicator sheet and the
// plan copy, as every command reads them), the core's report model (shared/workflow/report.ts, the
// one `chitieu report` uses), nothing written. Laying it out and offering the file is the pane's part
// (excel-addin/src/taskpane/word-report.ts).
import type { Lang } from "../../../shared/model";
import { messageLines } from "../../../shared/workflow/outcome";
import { wordReportCommand, type WordReport } from "../../../shared/workflow/report";
import { readFilled } from "./commands";
import { fail, type Outcome } from "./sheets";

export async function buildWordReport(context: Excel.RequestContext, lang: Lang): Promise<Outcome<WordReport & { messages: string[] }>> {
  const read = await readFilled(context, lang);
  if (!read.ok) return read;
  const outcome = wordReportCommand(read.input, {}, lang);
  if (outcome.status !== "done" || !outcome.result) return fail(messageLines(outcome).join(" "));
  return { ok: true, ...outcome.result, messages: messageLines(outcome) };
}
