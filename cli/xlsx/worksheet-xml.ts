// What a worksheet is dressed in, and the package parts around the sheets, written as SpreadsheetML
// text by the .xlsx writer (write.ts): the sheet's properties, view (frozen panes), column widths,
// protection, merges, conditional formats and page setup (ECMA-376 Part 1 §18.3, in CT_Worksheet's
// order), the workbook part, its relationships, the content types and the document properties.
// ExcelJS used to write these; doing it here spares loading it (a fifth of a second at every write)
// and keeps every attribute the model's own.
import { createHash, randomBytes } from "node:crypto";
import type { ConditionalRule, PrintSetup, SheetModel } from "../../shared/sheet/types";
import { cellA1, rectA1 } from "../../shared/sheet/a1";
import { toFileFormula } from "../../shared/sheet/formula-text";
import { xmlText } from "./sheet-xml";

export const NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
export const NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const NS_PACKAGE_REL = "http://schemas.openxmlformats.org/package/2006/relationships";
const XML_HEAD = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n`;
const MM_PER_INCH = 25.4;
/** The spin count Excel uses for a sheet password's SHA-512 hash. */
const SPIN_COUNT = 100000;

/** The worksheet's opening, up to (not including) <sheetData>: sheetPr, dimension, sheetViews, sheetFormatPr, cols. */
export function worksheetHead(model: SheetModel, dimension: string, firstSheet: boolean): string {
  const parts: string[] = [XML_HEAD, `<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">`];
  if (model.print?.fitToWidth) parts.push(`<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>`);
  parts.push(dimension);
  parts.push(`<sheetViews>${sheetViewXml(model.frozen, firstSheet && !model.hidden)}</sheetViews>`);
  parts.push(`<sheetFormatPr defaultRowHeight="15"/>`);
  parts.push(colsXml(model.columns));
  return parts.join("");
}

function sheetViewXml(frozen: SheetModel["frozen"], selected: boolean): string {
  const open = `<sheetView${selected ? ` tabSelected="1"` : ""} workbookViewId="0"`;
  const rows = frozen?.rows ?? 0;
  const cols = frozen?.cols ?? 0;
  if (rows <= 0 && cols <= 0) return `${open}/>`;
  const pane = rows > 0 && cols > 0 ? "bottomRight" : rows > 0 ? "bottomLeft" : "topRight";
  const split = (cols > 0 ? ` xSplit="${cols}"` : "") + (rows > 0 ? ` ySplit="${rows}"` : "");
  return `${open}><pane${split} topLeftCell="${cellA1(rows, cols)}" activePane="${pane}" state="frozen"/><selection pane="${pane}"/></sheetView>`;
}

/** `<cols>`: one entry per run of equal adjacent columns. */
function colsXml(columns: SheetModel["columns"]): string {
  const out: string[] = [];
  for (let i = 0; i < columns.length; ) {
    const { width, hidden } = columns[i];
    let j = i + 1;
    while (j < columns.length && columns[j].width === width && !!columns[j].hidden === !!hidden) j++;
    if (Number.isFinite(width) || hidden) {
      const w = Number.isFinite(width) ? ` width="${width}" customWidth="1"` : "";
      out.push(`<col min="${i + 1}" max="${j}"${w}${hidden ? ` hidden="1"` : ""}/>`);
    }
    i = j;
  }
  return out.length === 0 ? "" : `<cols>${out.join("")}</cols>`;
}

/**
 * `<sheetProtection>`: what a clerk may still do on a protected sheet — select, resize rows and
 * columns, sort and filter ("0" = not prevented). Inserting or deleting rows stays locked: it
 * would cut through the formulas' ranges. With a password, its salted SHA-512 hash as Excel
 * computes it (ECMA-376 Part 1 §18.3.1.85; the password as UTF-16LE, then `spinCount` rounds of
 * hash(previous ‖ round as 32-bit little-endian)).
 */
export function sheetProtectionXml(model: SheetModel, password: string | undefined): string {
  if (!model.protection.enabled) return "";
  const secret = password ?? model.protection.password ?? "";
  let hash = "";
  if (secret) {
    const salt = randomBytes(16);
    let key = createHash("sha512").update(salt).update(Buffer.from(secret, "utf16le")).digest();
    const round = Buffer.alloc(4);
    for (let i = 0; i < SPIN_COUNT; i++) {
      round.writeUInt32LE(i, 0);
      key = createHash("sha512").update(key).update(round).digest();
    }
    hash = ` algorithmName="SHA-512" hashValue="${key.toString("base64")}" saltValue="${salt.toString("base64")}" spinCount="${SPIN_COUNT}"`;
  }
  return `<sheetProtection${hash} sheet="1" formatColumns="0" formatRows="0" sort="0" autoFilter="0"/>`;
}

export function mergeCellsXml(merges: SheetModel["merges"]): string {
  if (merges.length === 0) return "";
  return `<mergeCells count="${merges.length}">${merges.map((m) => `<mergeCell ref="${rectA1(m)}"/>`).join("")}</mergeCells>`;
}

/** `<conditionalFormatting>` per rule, with its priority (1 first) and the dxf index of its look. */
export function conditionalFormattingXml(rules: ConditionalRule[], dxfOf: (rule: ConditionalRule) => number): string {
  return rules
    .map((rule, i) => {
      const stop = rule.stopIfTrue ? ` stopIfTrue="1"` : "";
      const formula = xmlText(toFileFormula(rule.formula).replace(/^=/, ""));
      return `<conditionalFormatting sqref="${rectA1(rule.range)}"><cfRule type="expression" dxfId="${dxfOf(rule)}" priority="${i + 1}"${stop}><formula>${formula}</formula></cfRule></conditionalFormatting>`;
    })
    .join("");
}

/** printOptions, pageMargins, pageSetup and headerFooter; Excel's default margins for a sheet without a print setup. */
export function pageXml(print: PrintSetup | undefined): string {
  if (!print) return `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>`;
  const inches = (mm: number) => Math.round((mm / MM_PER_INCH) * 1000) / 1000;
  const m = print.margins;
  return (
    `<printOptions horizontalCentered="1"/>` +
    `<pageMargins left="${inches(m.left)}" right="${inches(m.right)}" top="${inches(m.top)}" bottom="${inches(m.bottom)}" header="${inches(m.header)}" footer="${inches(m.footer)}"/>` +
    // paperSize 9: A4.
    `<pageSetup paperSize="9" orientation="${print.orientation}" fitToWidth="1" fitToHeight="0"/>` +
    (print.pageNumbers ? `<headerFooter differentFirst="1"><oddHeader>&amp;C&amp;P</oddHeader></headerFooter>` : "")
  );
}

/** One sheet of the workbook part. */
export interface WorkbookSheet {
  name: string;
  state: "visible" | "hidden" | "veryHidden";
}

/** The relationship id of sheet `index` (0-based) in xl/_rels/workbook.xml.rels; rId1 and rId2 are the styles and the theme. */
export function sheetRelId(index: number): string {
  return `rId${index + 3}`;
}

export function workbookXml(sheets: WorkbookSheet[], definedNames: string): string {
  const items = sheets.map((s, i) => `<sheet name="${xmlText(s.name)}" sheetId="${i + 1}"${s.state === "visible" ? "" : ` state="${s.state}"`} r:id="${sheetRelId(i)}"/>`);
  const active = Math.max(0, sheets.findIndex((s) => s.state === "visible"));
  return (
    XML_HEAD +
    `<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">` +
    `<workbookPr/><bookViews><workbookView${active > 0 ? ` firstSheet="${active}" activeTab="${active}"` : ""}/></bookViews>` +
    `<sheets>${items.join("")}</sheets>${definedNames}` +
    // Formulas are written without cached results: every program recalculates on open.
    `<calcPr calcId="171027" fullCalcOnLoad="1"/></workbook>`
  );
}

export function workbookRelsXml(sheetCount: number, sharedStrings: boolean): string {
  const rels = [
    `<Relationship Id="rId1" Type="${NS_REL}/styles" Target="styles.xml"/>`,
    `<Relationship Id="rId2" Type="${NS_REL}/theme" Target="theme/theme1.xml"/>`,
  ];
  for (let i = 0; i < sheetCount; i++) rels.push(`<Relationship Id="${sheetRelId(i)}" Type="${NS_REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`);
  if (sharedStrings) rels.push(`<Relationship Id="rIdStrings" Type="${NS_REL}/sharedStrings" Target="sharedStrings.xml"/>`);
  return relationshipsXml(rels);
}

export function relationshipsXml(rels: string[]): string {
  return `${XML_HEAD}<Relationships xmlns="${NS_PACKAGE_REL}">${rels.join("")}</Relationships>`;
}

export function rootRelsXml(): string {
  return relationshipsXml([
    `<Relationship Id="rId1" Type="${NS_REL}/officeDocument" Target="xl/workbook.xml"/>`,
    `<Relationship Id="rId2" Type="${NS_PACKAGE_REL}/metadata/core-properties" Target="docProps/core.xml"/>`,
    `<Relationship Id="rId3" Type="${NS_REL}/extended-properties" Target="docProps/app.xml"/>`,
  ]);
}

const CT = "application/vnd.openxmlformats-officedocument";

/** `[Content_Types].xml`: the package's fixed parts, its sheets, and the `extra` overrides (tables…). */
export function contentTypesXml(sheetCount: number, sharedStrings: boolean, extra: string[]): string {
  const overrides = [
    `<Override PartName="/xl/workbook.xml" ContentType="${CT}.spreadsheetml.sheet.main+xml"/>`,
    `<Override PartName="/xl/styles.xml" ContentType="${CT}.spreadsheetml.styles+xml"/>`,
    `<Override PartName="/xl/theme/theme1.xml" ContentType="${CT}.theme+xml"/>`,
  ];
  for (let i = 0; i < sheetCount; i++) overrides.push(`<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="${CT}.spreadsheetml.worksheet+xml"/>`);
  if (sharedStrings) overrides.push(`<Override PartName="/xl/sharedStrings.xml" ContentType="${CT}.spreadsheetml.sharedStrings+xml"/>`);
  overrides.push(`<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>`);
  overrides.push(`<Override PartName="/docProps/app.xml" ContentType="${CT}.extended-properties+xml"/>`);
  return (
    XML_HEAD +
    `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
    `${overrides.join("")}${extra.join("")}</Types>`
  );
}

/** docProps/core.xml: who wrote the workbook, and when (W3C date-time, UTC, whole seconds). */
export function corePropsXml(creator: string, when: Date): string {
  const at = when.toISOString().replace(/\.\d+Z$/, "Z");
  return (
    XML_HEAD +
    `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
    `<dc:creator>${xmlText(creator)}</dc:creator><cp:lastModifiedBy>${xmlText(creator)}</cp:lastModifiedBy>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${at}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${at}</dcterms:modified></cp:coreProperties>`
  );
}

/** docProps/app.xml: the application and the sheets' titles. */
export function appPropsXml(sheetNames: string[]): string {
  return (
    XML_HEAD +
    `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">` +
    `<Application>Chỉ tiêu thi đua</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>` +
    `<HeadingPairs><vt:vector size="2" baseType="variant"><vt:variant><vt:lpstr>Worksheets</vt:lpstr></vt:variant><vt:variant><vt:i4>${sheetNames.length}</vt:i4></vt:variant></vt:vector></HeadingPairs>` +
    `<TitlesOfParts><vt:vector size="${sheetNames.length}" baseType="lpstr">${sheetNames.map((n) => `<vt:lpstr>${xmlText(n)}</vt:lpstr>`).join("")}</vt:vector></TitlesOfParts>` +
    `<LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged></Properties>`
  );
}
