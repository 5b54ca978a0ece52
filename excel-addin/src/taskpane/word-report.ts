// The Word report built in the Excel task pane, loaded on the click only (the `docx` writer is about
// 75 KB gzipped, outside the pane's start weight): the core's report model from the adapter's
// command, its charts drawn by the browser (the core's SVG on a canvas, as PNG at twice its size, like
// the CLI's LibreOffice pictures), then the same writer as `chitieu report` (docx-writer/render.ts).
import type { ChartModel } from "../../../shared/chart/model";
import { chartSvg } from "../../../shared/chart/svg";
import type { Lang } from "../../../shared/model";
import type { ReportDocument } from "../../../shared/report-doc/model";
import { renderReportDocx, type ChartPicture } from "../../../docx-writer/render";

/** Pixels per SVG unit in the PNG (the CLI's pictures use the same). */
const SCALE = 2;

/** The PNG of a chart, or null where the web view cannot draw (then the report has the caption only). */
export async function chartPicture(chart: ChartModel, lang: Lang): Promise<ChartPicture | null> {
  try {
    if (typeof document === "undefined" || typeof Image === "undefined") return null;
    const drawn = chartSvg(chart, lang);
    const image = new Image();
    const loaded = new Promise<void>((resolve, reject) => {
      image.onload = () => resolve();
      image.onerror = () => reject(new Error("svg"));
    });
    image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(drawn.svg)}`;
    await loaded;
    const canvas = document.createElement("canvas");
    canvas.width = drawn.width * SCALE;
    canvas.height = drawn.height * SCALE;
    const g = canvas.getContext("2d");
    if (!g) return null;
    g.fillStyle = "#FFFFFF";
    g.fillRect(0, 0, canvas.width, canvas.height);
    g.drawImage(image, 0, 0, canvas.width, canvas.height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, "image/png"));
    if (!blob) return null;
    return { png: new Uint8Array(await blob.arrayBuffer()), width: canvas.width, height: canvas.height };
  } catch {
    return null;
  }
}

/** The .docx bytes of the report model, with the charts drawn here. */
export async function reportBytes(doc: ReportDocument, lang: Lang): Promise<Uint8Array> {
  const pictures = new Map<ChartModel, ChartPicture>();
  for (const block of doc.body) {
    if (block.kind !== "chart") continue;
    const picture = await chartPicture(block.chart, lang);
    if (picture) pictures.set(block.chart, picture);
  }
  return renderReportDocx(doc, { picture: (chart) => pictures.get(chart) ?? null });
}
