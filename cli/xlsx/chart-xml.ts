// The DrawingML chart part (c:chartSpace) of one bound chart, and the drawing part that places it
// on a sheet (xdr:wsDr). ExcelJS writes no charts, so these are written by hand, in the element
// order of dml-chart.xsd (test/charts/ validates them against it). The series point at the sheet's
// cells (c:f) and carry the values as caches, so a program shows the chart before recalculating
// and redraws it when a figure changes.
import { absoluteRef } from "../../shared/sheet/a1";
import type { CellValue, Rect } from "../../shared/sheet/types";
import type { BoundChart } from "../../shared/chart/binding";

const NS_C = "http://schemas.openxmlformats.org/drawingml/2006/chart";
const NS_A = "http://schemas.openxmlformats.org/drawingml/2006/main";
const NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const NS_XDR = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing";
const FONT = "Times New Roman";

export function xmlEscape(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** 'Tổng hợp kết quả'!$B$8:$B$37 */
export function sheetRef(sheet: string, rect: Rect): string {
  return absoluteRef(sheet, rect);
}

function cellsOf(grid: readonly (readonly CellValue[])[], rect: Rect): CellValue[] {
  const out: CellValue[] = [];
  for (let r = rect.row; r < rect.row + rect.rows; r++) for (let c = rect.col; c < rect.col + rect.cols; c++) out.push(grid[r]?.[c] ?? null);
  return out;
}

function font(size: number, bold = false): string {
  return `<a:defRPr sz="${size}" b="${bold ? 1 : 0}"><a:solidFill><a:srgbClr val="000000"/></a:solidFill><a:latin typeface="${FONT}"/><a:cs typeface="${FONT}"/></a:defRPr>`;
}

function txPr(size: number, bold = false): string {
  return `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr>${font(size, bold)}</a:pPr><a:endParaRPr lang="vi-VN"/></a:p></c:txPr>`;
}

function fill(hex: string): string {
  return `<a:solidFill><a:srgbClr val="${hex.replace("#", "").toUpperCase()}"/></a:solidFill>`;
}

/** The chart part of a bound chart; `grid` is the sheet's cells, for the caches. */
export function chartSpaceXml(chart: BoundChart, grid: readonly (readonly CellValue[])[]): string {
  const categories = cellsOf(grid, chart.categories);
  const values = cellsOf(grid, chart.values);
  const n = categories.length;
  const strPts = categories.map((v, i) => (v === null || v === "" ? "" : `<c:pt idx="${i}"><c:v>${xmlEscape(String(v))}</c:v></c:pt>`)).join("");
  const numPts = values.map((v, i) => (typeof v === "number" && Number.isFinite(v) ? `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>` : "")).join("");
  const points = chart.pointColors.map((color, i) => `<c:dPt><c:idx val="${i}"/><c:invertIfNegative val="0"/><c:bubble3D val="0"/><c:spPr>${fill(color)}</c:spPr></c:dPt>`).join("");
  const horizontal = chart.direction === "bar";
  const dLbls =
    `<c:dLbls><c:numFmt formatCode="${xmlEscape(chart.numberFormat)}" sourceLinked="0"/><c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>${txPr(900)}` +
    `<c:dLblPos val="outEnd"/><c:showLegendKey val="0"/><c:showVal val="1"/><c:showCatName val="0"/><c:showSerName val="0"/><c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbls>`;
  const series =
    `<c:ser><c:idx val="0"/><c:order val="0"/><c:tx><c:v>${xmlEscape(chart.seriesName)}</c:v></c:tx><c:spPr>${fill("#9E9E9E")}</c:spPr><c:invertIfNegative val="0"/>` +
    points +
    dLbls +
    `<c:cat><c:strRef><c:f>${xmlEscape(sheetRef(chart.sheet, chart.categories))}</c:f><c:strCache><c:ptCount val="${n}"/>${strPts}</c:strCache></c:strRef></c:cat>` +
    `<c:val><c:numRef><c:f>${xmlEscape(sheetRef(chart.sheet, chart.values))}</c:f><c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${n}"/>${numPts}</c:numCache></c:numRef></c:val>` +
    `</c:ser>`;
  const scaling = `<c:scaling><c:orientation val="minMax"/>${chart.axis.max !== null ? `<c:max val="${chart.axis.max}"/>` : ""}<c:min val="${chart.axis.min}"/></c:scaling>`;
  // The major gridline at 100 is the target line: dark and dashed; the minor ones at every 20 light.
  const hundredLine = chart.axis.majorUnit === 100;
  const majorGrid = hundredLine
    ? `<c:majorGridlines><c:spPr><a:ln w="19050">${fill("#000000")}<a:prstDash val="dash"/></a:ln></c:spPr></c:majorGridlines><c:minorGridlines><c:spPr><a:ln w="6350">${fill("#D9D9D9")}</a:ln></c:spPr></c:minorGridlines>`
    : `<c:majorGridlines><c:spPr><a:ln w="6350">${fill("#D9D9D9")}</a:ln></c:spPr></c:majorGridlines>`;
  const catAx =
    `<c:catAx><c:axId val="500001"/><c:scaling><c:orientation val="${horizontal ? "maxMin" : "minMax"}"/></c:scaling><c:delete val="0"/><c:axPos val="${horizontal ? "l" : "b"}"/>` +
    `<c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>${txPr(900)}` +
    `<c:crossAx val="500002"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>`;
  const valAx =
    `<c:valAx><c:axId val="500002"/>${scaling}<c:delete val="0"/><c:axPos val="${horizontal ? "b" : "l"}"/>${majorGrid}` +
    `<c:numFmt formatCode="0" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>${txPr(900)}` +
    // With the categories top-down, the value axis crosses at the last one: at the bottom.
    `<c:crossAx val="500001"/><c:crosses val="${horizontal ? "max" : "autoZero"}"/><c:crossBetween val="between"/>` +
    (chart.axis.majorUnit !== null ? `<c:majorUnit val="${chart.axis.majorUnit}"/>` : "") +
    (hundredLine ? `<c:minorUnit val="20"/>` : "") +
    `</c:valAx>`;
  const title =
    `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr>${font(1200, true)}</a:pPr><a:r><a:rPr lang="vi-VN" sz="1200" b="1"><a:latin typeface="${FONT}"/></a:rPr><a:t>${xmlEscape(chart.title)}</a:t></a:r></a:p></c:rich></c:tx>` +
    `<c:overlay val="0"/></c:title>`;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<c:chartSpace xmlns:c="${NS_C}" xmlns:a="${NS_A}" xmlns:r="${NS_R}"><c:roundedCorners val="0"/>` +
    `<c:chart>${title}<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>` +
    `<c:barChart><c:barDir val="${horizontal ? "bar" : "col"}"/><c:grouping val="clustered"/><c:varyColors val="0"/>${series}<c:gapWidth val="${horizontal ? 40 : 80}"/><c:axId val="500001"/><c:axId val="500002"/></c:barChart>` +
    catAx +
    valAx +
    `</c:plotArea><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>` +
    `<c:spPr>${fill("#FFFFFF")}<a:ln><a:noFill/></a:ln></c:spPr>${txPr(1000)}` +
    `</c:chartSpace>`
  );
}

/** The drawing part placing the charts (by relationship id "rIdChart<i>") over their anchors. */
export function drawingXml(anchors: Rect[]): string {
  const frames = anchors
    .map(
      (a, i) =>
        `<xdr:twoCellAnchor editAs="oneCell">` +
        `<xdr:from><xdr:col>${a.col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${a.row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>` +
        `<xdr:to><xdr:col>${a.col + a.cols}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${a.row + a.rows}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>` +
        `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="${xmlEscape(`Biểu đồ ${i + 1}`)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
        `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
        `<a:graphic><a:graphicData uri="${NS_C}"><c:chart xmlns:c="${NS_C}" r:id="rIdChart${i + 1}"/></a:graphicData></a:graphic></xdr:graphicFrame>` +
        `<xdr:clientData/></xdr:twoCellAnchor>`,
    )
    .join("");
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="${NS_XDR}" xmlns:a="${NS_A}" xmlns:r="${NS_R}">${frames}</xdr:wsDr>`;
}

export function relationshipsXml(rels: { id: string; type: string; target: string }[]): string {
  const body = rels.map((r) => `<Relationship Id="${r.id}" Type="${r.type}" Target="${xmlEscape(r.target)}"/>`).join("");
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${body}</Relationships>`;
}
