// The pictures of the report's charts: each chart drawn as SVG by the core (shared/chart/svg.ts)
// and turned into PNG by LibreOffice (Draw's SVG import), all in one soffice run. PNG rather than
// SVG in the .docx: every Word since 2007, LibreOffice and the PDF printers show it the same.
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ChartModel } from "../../shared/chart/model";
import { chartSvg } from "../../shared/chart/svg";
import type { Lang } from "../../shared/model";
import type { ReportDocument } from "../../shared/report-doc/model";
import { convertWithLibreOffice } from "../libreoffice";
import type { ChartPicture } from "../../docx-writer/render";

/** Pixels per SVG unit in the PNG: about 290 dpi once the picture is as wide as the text. */
const SCALE = 2;

/** The charts of the report's body, in order. */
export function chartsOf(doc: ReportDocument): ChartModel[] {
  return doc.body.flatMap((b) => (b.kind === "chart" ? [b.chart] : []));
}

/** An SVG at `SCALE` times its size, so LibreOffice rasterises it sharp enough to print. */
export function scaledSvg(chart: ChartModel, lang: Lang): { svg: string; width: number; height: number } {
  const drawn = chartSvg(chart, lang);
  const svg = drawn.svg.replace(`width="${drawn.width}" height="${drawn.height}"`, `width="${drawn.width * SCALE}" height="${drawn.height * SCALE}"`);
  return { svg, width: drawn.width * SCALE, height: drawn.height * SCALE };
}

/** Width and height of a PNG, from its IHDR chunk. */
export function pngSize(png: Uint8Array): { width: number; height: number } {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/**
 * The PNG of every chart, or an empty map with the reason when LibreOffice is missing or fails (the
 * report is then written without pictures, and says why on stderr).
 */
export async function renderChartPictures(charts: ChartModel[], lang: Lang, soffice: string | null): Promise<{ pictures: Map<ChartModel, ChartPicture>; problem: string | null }> {
  const pictures = new Map<ChartModel, ChartPicture>();
  if (charts.length === 0) return { pictures, problem: null };
  if (!soffice) return { pictures, problem: "no-soffice" };
  const dir = mkdtempSync(join(tmpdir(), "chitieu-chart-"));
  try {
    const files = charts.map((chart, i) => {
      const file = join(dir, `bieu-do-${i + 1}.svg`);
      writeFileSync(file, scaledSvg(chart, lang).svg, "utf8");
      return file;
    });
    const result = await convertWithLibreOffice(soffice, files, "png", dir, { timeoutMs: 120_000 });
    charts.forEach((chart, i) => {
      const png = join(dir, `bieu-do-${i + 1}.png`);
      if (!existsSync(png)) return;
      const bytes = new Uint8Array(readFileSync(png));
      pictures.set(chart, { png: bytes, ...pngSize(bytes) });
    });
    const problem = pictures.size === charts.length ? null : result.output.split(/\r?\n/).filter(Boolean).pop() ?? "?";
    return { pictures, problem };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
