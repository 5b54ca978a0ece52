// "Xuất báo cáo Word" in Google Sheets, without any new scope: the server reads the indicator sheet
// and answers the core's report model as plain JSON (shared/workflow/report.ts, the one
// `chitieu report` uses); the sidebar lays it out with the docx writer and offers the download. The
// writer is a second HtmlService file (DocxWriter.html, built from docx-writer/), handed to the
// sidebar on the click only, so the sidebar's own file stays as light as before.
import type { Lang } from "../../../../shared/model";
import type { ReportDocument } from "../../../../shared/report-doc/model";
import { chartSvg } from "../../../../shared/chart/svg";
import { messageLines } from "../../../../shared/workflow/outcome";
import { wordReportCommand } from "../../../../shared/workflow/report";
import type { Outcome } from "../../api-types";
import { notDone, openDocument, requireFillIn, requireStored, workflowDocument } from "../host";

export function wordReportCommandOf(lang: Lang): Outcome<{ document: ReportDocument; charts: { svg: string; width: number; height: number }[]; fileName: string; message: string }> {
  const doc = openDocument();
  const { plan } = requireStored(doc, lang);
  const { target } = requireFillIn(doc, plan, lang);
  const outcome = wordReportCommand({ document: workflowDocument(doc), fillIn: { sheet: target.name, grid: target.values ?? [] } }, {}, lang);
  if (outcome.status !== "done" || !outcome.result) return notDone(outcome.messages);
  // JSON for google.script.run: the model is plain data (texts, numbers, the charts' bars).
  // The charts drawn here as SVG (the core's drawing), so the sidebar's writer only lays out and rasterises.
  const document = outcome.result.document;
  const charts = document.body.flatMap((b) => (b.kind === "chart" ? [chartSvg(b.chart, lang)] : []));
  return { ok: true, document: JSON.parse(JSON.stringify(document)) as ReportDocument, charts, fileName: outcome.result.fileName, message: messageLines(outcome).join(" ") };
}

/** The writer's script (DocxWriter.html), for the sidebar to run when the clerk asks for the report. */
export function docxWriterScript(): Outcome<{ script: string }> {
  return { ok: true, script: HtmlService.createHtmlOutputFromFile("DocxWriter").getContent() };
}
