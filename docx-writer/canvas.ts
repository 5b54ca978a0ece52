// A chart's SVG (shared/chart/svg.ts) as PNG, drawn by the browser's canvas at twice its size (the
// CLI's LibreOffice pictures are the same SVG at the same scale), and the report's .docx with those
// pictures. Without a DOM (Node) a picture is null and the report keeps the chart's caption only.
// Kept apart from the SVG drawing so the Sheets sidebar's writer, which gets the SVG from the
// server, does not carry the core's messages and number formatting.
import type { ChartModel } from "../shared/chart/model";
import type { ReportDocument } from "../shared/report-doc/model";
import { renderReportDocx, type ChartPicture } from "./render";

/** Pixels per SVG unit in the PNG (the CLI's pictures use the same). */
export const SCALE = 2;

export interface DrawnSvg {
  svg: string;
  width: number;
  height: number;
}

/** The PNG of an SVG, or null where the web view cannot draw. */
export async function pngOfSvg(drawn: DrawnSvg): Promise<ChartPicture | null> {
  try {
    if (typeof document === "undefined" || typeof Image === "undefined") return null;
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

/** The .docx bytes of the report model; `svgOf` gives each chart's drawing, in the order of the body. */
export async function reportBytesWith(doc: ReportDocument, svgOf: (chart: ChartModel, index: number) => DrawnSvg | null): Promise<Uint8Array> {
  const pictures = new Map<ChartModel, ChartPicture>();
  let index = 0;
  for (const block of doc.body) {
    if (block.kind !== "chart") continue;
    const drawn = svgOf(block.chart, index++);
    const picture = drawn ? await pngOfSvg(drawn) : null;
    if (picture) pictures.set(block.chart, picture);
  }
  return renderReportDocx(doc, { picture: (chart) => pictures.get(chart) ?? null });
}
