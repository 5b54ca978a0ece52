// Adds the native charts to the parts of an .xlsx the writer produced (ExcelJS writes none): for
// every chart the workbook model's sheets carry (shared/chart/binding.ts: the summary sheet's
// completion and counts charts, the ranking sheet's units chart), a chart part, one drawing part
// per sheet, their relationships, the content types and the sheet's <drawing r:id>. A step on the
// zip's entries, so the writer itself is untouched but for one call.
import { strFromU8, strToU8 } from "fflate";
import { workbookChartBindings, type BoundChart } from "../../shared/chart/binding";
import type { Lang } from "../../shared/model";
import type { WorkbookModel } from "../../shared/sheet/types";
import { chartSpaceXml, drawingXml, relationshipsXml } from "./chart-xml";

const REL_DRAWING = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing";
const REL_CHART = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart";
const CT_DRAWING = "application/vnd.openxmlformats-officedocument.drawing+xml";
const CT_CHART = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml";

function unescapeXml(text: string): string {
  return text.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
}

/** Sheet name → its part ("xl/worksheets/sheet2.xml"), from workbook.xml and its relationships. */
export function sheetParts(parts: Map<string, Uint8Array>): Map<string, string> {
  const workbook = parts.get("xl/workbook.xml");
  const rels = parts.get("xl/_rels/workbook.xml.rels");
  const out = new Map<string, string>();
  if (!workbook || !rels) return out;
  const targets = new Map<string, string>();
  for (const m of strFromU8(rels).matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]+)"/.exec(m[0])?.[1];
    const target = /\bTarget="([^"]+)"/.exec(m[0])?.[1];
    if (id && target) targets.set(id, target.startsWith("/") ? target.slice(1) : `xl/${target}`);
  }
  for (const m of strFromU8(workbook).matchAll(/<sheet\b[^>]*>/g)) {
    const name = /\bname="([^"]*)"/.exec(m[0])?.[1];
    const id = /\br:id="([^"]+)"/.exec(m[0])?.[1];
    const target = id ? targets.get(id) : undefined;
    if (name !== undefined && target) out.set(unescapeXml(name), target);
  }
  return out;
}

/** The elements a <drawing> must come before in CT_Worksheet (sml.xsd). */
const AFTER_DRAWING = ["<legacyDrawing", "<legacyDrawingHF", "<drawingHF", "<picture", "<oleObjects", "<controls", "<webPublishItems", "<tableParts", "<extLst", "</worksheet>"];

function withDrawing(sheetXml: string, relId: string): string {
  let at = -1;
  for (const tag of AFTER_DRAWING) {
    const i = sheetXml.indexOf(tag);
    if (i >= 0 && (at < 0 || i < at)) at = i;
  }
  let xml = sheetXml.slice(0, at) + `<drawing r:id="${relId}"/>` + sheetXml.slice(at);
  if (!/<worksheet\b[^>]*\bxmlns:r=/.test(xml)) xml = xml.replace(/<worksheet\b/, `<worksheet xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`);
  return xml;
}

function relsPathOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash)}/_rels/${part.slice(slash + 1)}.rels`;
}

/** The model's language, from its metadata when it says, else Vietnamese. */
function langOf(model: WorkbookModel): Lang {
  return model.metadata["lang"] === "en" ? "en" : "vi";
}

/**
 * Adds the charts to `parts` (the zip's entries by name) in place; returns the charts added. Sheets whose part cannot be found
 * are left without (the workbook stays valid).
 */
export function addChartParts(parts: Map<string, Uint8Array>, model: WorkbookModel, lang: Lang = langOf(model)): BoundChart[] {
  const charts = workbookChartBindings(model.sheets, lang);
  if (charts.length === 0) return [];
  const partOf = sheetParts(parts);
  const bySheet = new Map<string, BoundChart[]>();
  for (const chart of charts) {
    const list = bySheet.get(chart.sheet) ?? [];
    list.push(chart);
    bySheet.set(chart.sheet, list);
  }
  const overrides: string[] = [];
  const added: BoundChart[] = [];
  let chartNo = 0;
  let drawingNo = 0;
  for (const [sheetName, list] of bySheet) {
    const sheetPart = partOf.get(sheetName);
    const sheetModel = model.sheets.find((s) => s.name === sheetName);
    const sheetBytes = sheetPart ? parts.get(sheetPart) : undefined;
    if (!sheetPart || !sheetModel || !sheetBytes) continue;
    drawingNo++;
    const drawingPart = `xl/drawings/drawing${drawingNo}.xml`;
    const chartRels: { id: string; type: string; target: string }[] = [];
    list.forEach((chart, i) => {
      chartNo++;
      const chartPart = `xl/charts/chart${chartNo}.xml`;
      parts.set(chartPart, strToU8(chartSpaceXml(chart, sheetModel.cells)));
      chartRels.push({ id: `rIdChart${i + 1}`, type: REL_CHART, target: `../charts/chart${chartNo}.xml` });
      overrides.push(`<Override PartName="/${chartPart}" ContentType="${CT_CHART}"/>`);
      added.push(chart);
    });
    parts.set(drawingPart, strToU8(drawingXml(list.map((c) => c.anchor))));
    parts.set(relsPathOf(drawingPart), strToU8(relationshipsXml(chartRels)));
    overrides.push(`<Override PartName="/${drawingPart}" ContentType="${CT_DRAWING}"/>`);

    // The sheet's relationships: ExcelJS may already have some (hyperlinks, tables).
    const sheetRelsPath = relsPathOf(sheetPart);
    const existing = parts.get(sheetRelsPath);
    const relId = "rIdChitieuDrawing1";
    const rel = `<Relationship Id="${relId}" Type="${REL_DRAWING}" Target="../drawings/drawing${drawingNo}.xml"/>`;
    parts.set(
      sheetRelsPath,
      existing
        ? strToU8(strFromU8(existing).replace("</Relationships>", `${rel}</Relationships>`))
        : strToU8(relationshipsXml([{ id: relId, type: REL_DRAWING, target: `../drawings/drawing${drawingNo}.xml` }])),
    );
    parts.set(sheetPart, strToU8(withDrawing(strFromU8(sheetBytes), relId)));
  }
  const types = parts.get("[Content_Types].xml");
  if (types && overrides.length > 0) parts.set("[Content_Types].xml", strToU8(strFromU8(types).replace("</Types>", `${overrides.join("")}</Types>`)));
  return added;
}
