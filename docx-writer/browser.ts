// The Word report built in the Excel task pane, loaded on the click only (with the `docx` writer
// about 76 KB gzipped, outside the pane's start weight): the report model's charts drawn as the
// core's SVG (shared/chart/svg.ts) and turned into PNG by the canvas (canvas.ts), then the same
// writer as `chitieu report` (render.ts).
import { chartSvg } from "../shared/chart/svg";
import type { Lang } from "../shared/model";
import type { ReportDocument } from "../shared/report-doc/model";
import { reportBytesWith } from "./canvas";

/** The .docx bytes of the report model, with the charts drawn here. */
export function reportBytes(doc: ReportDocument, lang: Lang): Promise<Uint8Array> {
  return reportBytesWith(doc, (chart) => chartSvg(chart, lang));
}
