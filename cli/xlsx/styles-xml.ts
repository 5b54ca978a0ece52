// The style sheet of an .xlsx (xl/styles.xml, ECMA-376 Part 1 §18.8), written as SpreadsheetML text
// by the .xlsx writer (write.ts): fonts, fills, borders, number formats and cell formats, each stored
// once and referred to by index, and the differential formats (dxf) of the conditional formats.
// Indices are handed out as the writer meets each distinct cell style, so the cells' `s="…"` are
// known while the sheets are written and nothing has to be looked up afterwards.
import type { CellStyle, Color, ConditionalRule, SheetModel } from "../../shared/sheet/types";
import { xmlText } from "./sheet-xml";

/** A cell's format as the writer resolves it: its style (or none), number format, and whether it is unlocked. */
export interface CellFormat {
  style: CellStyle | null;
  numFmt: string | null;
  unlocked: boolean;
  /** The sheet's default font, for what the style leaves unsaid. */
  font: SheetModel["font"];
}

/** Excel's built-in number formats (ECMA-376 Part 1 §18.8.30) by their code: written by id, not as custom formats. */
const BUILT_IN_FORMATS = new Map<string, number>([
  ["General", 0],
  ["0", 1],
  ["0.00", 2],
  ["#,##0", 3],
  ["#,##0.00", 4],
  ["0%", 9],
  ["0.00%", 10],
  ["0.00E+00", 11],
  ["# ?/?", 12],
  ["# ??/??", 13],
  ["@", 49],
]);
/** The first id of a custom number format. */
const FIRST_CUSTOM_FORMAT = 164;

/** `FF` + the six hex digits: the ARGB colour SpreadsheetML writes. */
export function argb(color: Color): string {
  const hex = color.replace("#", "").toUpperCase();
  return hex.length === 6 ? `FF${hex}` : hex.padStart(8, "F");
}

/** What <alignment> says of a style, or "" when it says nothing. */
function alignmentXml(style: CellStyle | null): string {
  if (!style) return "";
  const attrs: string[] = [];
  if (style.horizontal) attrs.push(`horizontal="${style.horizontal}"`);
  if (style.vertical) attrs.push(`vertical="${style.vertical === "middle" ? "center" : style.vertical}"`);
  if (style.wrap) attrs.push(`wrapText="1"`);
  if (style.indent) attrs.push(`indent="${Math.round(style.indent)}"`);
  return attrs.length === 0 ? "" : `<alignment ${attrs.join(" ")}/>`;
}

/** An indexed list of distinct XML fragments (fonts, fills, borders, cell formats). */
class Indexed {
  readonly items: string[] = [];
  private readonly byXml = new Map<string, number>();

  constructor(initial: string[] = []) {
    for (const item of initial) this.index(item);
  }

  index(xml: string): number {
    let i = this.byXml.get(xml);
    if (i === undefined) {
      i = this.items.length;
      this.byXml.set(xml, i);
      this.items.push(xml);
    }
    return i;
  }
}

/** The workbook's style sheet, built as the cells are written. */
export class StyleSheet {
  private readonly fonts = new Indexed();
  /** The two fills every style sheet starts with (Excel reserves them). */
  private readonly fills = new Indexed([`<fill><patternFill patternType="none"/></fill>`, `<fill><patternFill patternType="gray125"/></fill>`]);
  private readonly borders = new Indexed([`<border><left/><right/><top/><bottom/><diagonal/></border>`]);
  private readonly formats = new Map<string, number>();
  private readonly xfs: Indexed;
  private readonly dxfs: string[] = [];

  constructor() {
    // Font 0 and cell format 0: what a cell never written shows (Excel's Normal style).
    this.fonts.index(`<font><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font>`);
    this.xfs = new Indexed([`<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>`]);
  }

  /** The cellXfs index of a cell format (equal formats share one; the writer caches it per style object). */
  cellFormat({ style, numFmt, unlocked, font }: CellFormat): number {
    const f = style?.font;
    const fontXml =
      "<font>" +
      (f?.bold ? "<b/>" : "") +
      (f?.italic ? "<i/>" : "") +
      (f?.underline ? "<u/>" : "") +
      `<sz val="${f?.size ?? font.size}"/>` +
      (f?.color ? `<color rgb="${argb(f.color)}"/>` : "") +
      `<name val="${xmlText(f?.name ?? font.name)}"/>` +
      "</font>";
    const fontId = this.fonts.index(fontXml);
    const fillId = style?.fill ? this.fills.index(`<fill><patternFill patternType="solid"><fgColor rgb="${argb(style.fill)}"/><bgColor indexed="64"/></patternFill></fill>`) : 0;
    const thin = `style="thin"><color rgb="FF000000"/>`;
    const borderId = style?.border === "thin-all" ? this.borders.index(`<border><left ${thin}</left><right ${thin}</right><top ${thin}</top><bottom ${thin}</bottom><diagonal/></border>`) : 0;
    const numFmtId = numFmt ? this.numberFormat(numFmt) : 0;
    const alignment = alignmentXml(style);
    const protection = unlocked ? `<protection locked="0"/>` : "";
    const applies =
      (numFmtId ? ` applyNumberFormat="1"` : "") +
      (fontId ? ` applyFont="1"` : "") +
      (fillId ? ` applyFill="1"` : "") +
      (borderId ? ` applyBorder="1"` : "") +
      (alignment ? ` applyAlignment="1"` : "") +
      (protection ? ` applyProtection="1"` : "");
    const open = `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0"${applies}`;
    return this.xfs.index(alignment || protection ? `${open}>${alignment}${protection}</xf>` : `${open}/>`);
  }

  private numberFormat(code: string): number {
    const builtIn = BUILT_IN_FORMATS.get(code);
    if (builtIn !== undefined) return builtIn;
    let id = this.formats.get(code);
    if (id === undefined) this.formats.set(code, (id = FIRST_CUSTOM_FORMAT + this.formats.size));
    return id;
  }

  /** The dxf index of a conditional format's look (one per rule, in the order they are met). */
  differentialFormat(style: ConditionalRule["style"]): number {
    const font = style.bold || style.fontColor ? `<font>${style.bold ? "<b/>" : ""}${style.fontColor ? `<color rgb="${argb(style.fontColor)}"/>` : ""}</font>` : "";
    const fill = style.fill ? `<fill><patternFill patternType="solid"><bgColor rgb="${argb(style.fill)}"/></patternFill></fill>` : "";
    this.dxfs.push(`<dxf>${font}${fill}</dxf>`);
    return this.dxfs.length - 1;
  }

  xml(): string {
    const formats = [...this.formats].map(([code, id]) => `<numFmt numFmtId="${id}" formatCode="${xmlText(code)}"/>`);
    const list = (name: string, items: string[]) => `<${name} count="${items.length}">${items.join("")}</${name}>`;
    return (
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
      `<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
      (formats.length > 0 ? list("numFmts", formats) : "") +
      list("fonts", this.fonts.items) +
      list("fills", this.fills.items) +
      list("borders", this.borders.items) +
      `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
      list("cellXfs", this.xfs.items) +
      `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>` +
      list("dxfs", this.dxfs) +
      `<tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>` +
      `</styleSheet>`
    );
  }
}
