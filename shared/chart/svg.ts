// The charts drawn as SVG, in pure TypeScript: the picture of the Word report and the PDF (the CLI
// turns it into PNG through LibreOffice), and a drawing any web view can show as it is.
// Sizes are in SVG user units (1 unit = 1 px at 96 dpi); text is Times New Roman like the report.
import { formatNumberFor } from "../validate";
import type { Lang } from "../model";
import { t } from "../i18n";
import { TONE_COLORS, type ChartModel, type CompletionChart, type CountsChart, type LegendItem, type RankingChart } from "./model";

export interface SvgChart {
  svg: string;
  width: number;
  height: number;
}

const FONT = "Times New Roman, Liberation Serif, serif";
const WIDTH = 960;
const ROW = 24;
const TITLE_H = 40;
const LEGEND_H = 34;
const AXIS_H = 28;

function esc(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** Cuts a label to about `chars` characters (Times New Roman averages half an em per character). */
function fit(text: string, chars: number): string {
  const clean = text.replace(/\s+/g, " ").trim();
  return clean.length <= chars ? clean : clean.slice(0, Math.max(1, chars - 1)).trimEnd() + "…";
}

function pct(value: number, lang: Lang): string {
  return formatNumberFor(Math.round(value * 10) / 10, lang);
}

function text(x: number, y: number, body: string, attrs: string = ""): string {
  return `<text x="${x.toFixed(1)}" y="${y.toFixed(1)}" font-family="${FONT}" ${attrs}>${esc(body)}</text>`;
}

function frame(width: number, height: number, title: string, body: string[]): SvgChart {
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">` +
    `<rect x="0" y="0" width="${width}" height="${height}" fill="#FFFFFF"/>` +
    text(width / 2, 26, title, `font-size="19" font-weight="bold" text-anchor="middle"`) +
    body.join("") +
    `</svg>`;
  return { svg, width, height };
}

function legend(items: LegendItem[], y: number, width: number): string {
  const parts: string[] = [];
  const widths = items.map((i) => 28 + i.label.length * 7.6);
  let x = (width - widths.reduce((a, b) => a + b, 0)) / 2;
  items.forEach((item, k) => {
    parts.push(`<rect x="${x.toFixed(1)}" y="${y - 11}" width="14" height="14" fill="${TONE_COLORS[item.tone]}"/>`);
    parts.push(text(x + 19, y + 1, item.label, `font-size="15"`));
    x += widths[k] as number;
  });
  return parts.join("");
}

export function completionSvg(chart: CompletionChart, lang: Lang): SvgChart {
  const labelW = 400;
  const plotX = labelW + 12;
  const plotW = WIDTH - plotX - 70;
  const top = TITLE_H + 6;
  const rows = Math.max(1, chart.bars.length);
  const plotH = rows * ROW;
  const height = top + plotH + AXIS_H + LEGEND_H + 8;
  const x = (p: number) => plotX + (Math.min(Math.max(p, 0), chart.axisMax) / chart.axisMax) * plotW;
  const body: string[] = [];
  // Grid and axis ticks every 20 %.
  for (let p = 0; p <= chart.axisMax; p += 20) {
    body.push(`<line x1="${x(p).toFixed(1)}" y1="${top}" x2="${x(p).toFixed(1)}" y2="${top + plotH}" stroke="#E0E0E0" stroke-width="1"/>`);
    body.push(text(x(p), top + plotH + 18, `${p}`, `font-size="14" text-anchor="middle" fill="#424242"`));
  }
  chart.bars.forEach((bar, i) => {
    const y = top + i * ROW;
    const indent = bar.depth * 14;
    body.push(text(labelW - 2, y + ROW / 2 + 5, fit(bar.label, Math.floor((labelW - indent) / 7.4)), `font-size="14" text-anchor="end"${bar.depth > 0 ? ` font-style="italic"` : ""}`));
    if (bar.percent === null) {
      body.push(text(plotX + 6, y + ROW / 2 + 5, bar.note ?? "", `font-size="14" font-style="italic" fill="#616161"`));
      return;
    }
    const end = x(bar.percent);
    body.push(`<rect x="${plotX}" y="${y + 4}" width="${Math.max(1, end - plotX).toFixed(1)}" height="${ROW - 8}" fill="${TONE_COLORS[bar.tone]}"/>`);
    const clipped = bar.percent > chart.axisMax ? " ▸" : "";
    // Values in their own column right of the plot, so none sits on the 100 % line.
    body.push(text(plotX + plotW + 62, y + ROW / 2 + 5, pct(bar.percent, lang) + clipped, `font-size="14" fill="#212121" text-anchor="end"`));
  });
  // The 100 % line over the bars.
  const ref = x(chart.reference);
  body.push(`<line x1="${ref.toFixed(1)}" y1="${top - 4}" x2="${ref.toFixed(1)}" y2="${top + plotH}" stroke="#000000" stroke-width="2" stroke-dasharray="6 4"/>`);
  body.push(`<line x1="${plotX}" y1="${top + plotH}" x2="${plotX + plotW}" y2="${top + plotH}" stroke="#616161" stroke-width="1"/>`);
  body.push(legend(chart.legend, top + plotH + AXIS_H + 18, WIDTH));
  return frame(WIDTH, height, chart.title, body);
}

export function countsSvg(chart: CountsChart, lang: Lang): SvgChart {
  const height = 300;
  const top = TITLE_H + 24;
  const plotH = height - top - 50;
  const n = Math.max(1, chart.items.length);
  const slot = (WIDTH - 120) / n;
  const max = chart.items.reduce((m, i) => Math.max(m, i.count), 1);
  const body: string[] = [];
  chart.items.forEach((item, k) => {
    const h = (item.count / max) * plotH;
    const x0 = 60 + k * slot + slot * 0.2;
    const w = slot * 0.6;
    body.push(`<rect x="${x0.toFixed(1)}" y="${(top + plotH - h).toFixed(1)}" width="${w.toFixed(1)}" height="${Math.max(h, 0.5).toFixed(1)}" fill="${TONE_COLORS[item.tone]}"/>`);
    body.push(text(x0 + w / 2, top + plotH - h - 6, formatNumberFor(item.count, lang), `font-size="17" font-weight="bold" text-anchor="middle"`));
    body.push(text(x0 + w / 2, top + plotH + 22, fit(item.label, Math.floor(slot / 8)), `font-size="15" text-anchor="middle"`));
  });
  body.push(`<line x1="50" y1="${top + plotH}" x2="${WIDTH - 50}" y2="${top + plotH}" stroke="#616161" stroke-width="1"/>`);
  return frame(WIDTH, height, chart.title, body);
}

export function rankingSvg(chart: RankingChart, lang: Lang): SvgChart {
  const labelW = 330;
  const plotX = labelW + 12;
  const plotW = WIDTH - plotX - 150;
  const top = TITLE_H + 6;
  const plotH = Math.max(1, chart.bars.length) * ROW;
  const height = top + plotH + AXIS_H + 8;
  const x = (p: number) => plotX + (Math.min(Math.max(p, 0), 100) / 100) * plotW;
  const body: string[] = [];
  for (let p = 0; p <= 100; p += 20) {
    body.push(`<line x1="${x(p).toFixed(1)}" y1="${top}" x2="${x(p).toFixed(1)}" y2="${top + plotH}" stroke="#E0E0E0" stroke-width="1"/>`);
    body.push(text(x(p), top + plotH + 18, `${p}`, `font-size="14" text-anchor="middle" fill="#424242"`));
  }
  chart.bars.forEach((bar, i) => {
    const y = top + i * ROW;
    body.push(text(labelW - 2, y + ROW / 2 + 5, fit(`${bar.rank}. ${bar.unit}`, Math.floor(labelW / 7.4)), `font-size="14" text-anchor="end"`));
    if (bar.share === null) {
      body.push(text(plotX + 6, y + ROW / 2 + 5, t("chart.no-share", {}, lang), `font-size="14" font-style="italic" fill="#616161"`));
      return;
    }
    const end = x(bar.share);
    body.push(`<rect x="${plotX}" y="${y + 4}" width="${Math.max(1, end - plotX).toFixed(1)}" height="${ROW - 8}" fill="${TONE_COLORS[bar.tone]}"/>`);
    const flag = bar.flagged ? " " + t("chart.flagged", {}, lang) : "";
    body.push(text(end + 5, y + ROW / 2 + 5, pct(bar.share, lang) + flag, `font-size="14"`));
  });
  body.push(`<line x1="${plotX}" y1="${top + plotH}" x2="${plotX + plotW}" y2="${top + plotH}" stroke="#616161" stroke-width="1"/>`);
  return frame(WIDTH, height, chart.title, body);
}

export function chartSvg(chart: ChartModel, lang: Lang): SvgChart {
  switch (chart.kind) {
    case "completion":
      return completionSvg(chart, lang);
    case "counts":
      return countsSvg(chart, lang);
    case "ranking":
      return rankingSvg(chart, lang);
  }
}
