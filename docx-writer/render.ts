// The Word renderer of the report's content model (shared/report-doc/), through the `docx` package,
// in the layout of Decree 30/2020/NĐ-CP Appendix I: A4 portrait; Times New Roman 14 (tables 12-13);
// margins top/bottom 20 mm, left 30 mm, right 15 mm; the header block as a borderless two-column
// table with a short line under the issuing body and under the motto (paragraph borders, never
// shapes or text boxes); page numbers centred in the top margin from page 2 (a different first
// page); real headings and paragraphs; the signature block and "Nơi nhận" side by side; then the
// appendix table in a landscape section whose header row repeats on every page.
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeadingLevel,
  ImageRun,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  LineRuleType,
  VerticalAlign,
  WidthType,
  type IBorderOptions,
  type ISectionOptions,
} from "docx";
import type { Block, ReportDocument, ReportTable, Run, TableCell as CellModel } from "../shared/report-doc/model";
import type { ChartModel } from "../shared/chart/model";

export const FONT = "Times New Roman";
/** Half-points, as Word counts font sizes. */
const SIZE_BODY = 28;
const SIZE_HEADER = 26;
const SIZE_TABLE = 24;
const SIZE_RECIPIENTS = 22;

/** Millimetres to twips, rounded (docx's own conversion truncates: 297 mm would be 16837 instead of A4's 16838). */
const mm = (value: number): number => Math.round((value * 1440) / 25.4);
const A4 = { width: mm(210), height: mm(297) };
export const MARGINS_MM = { top: 20, bottom: 20, left: 30, right: 15, header: 10, footer: 10 };
const MARGIN = {
  top: mm(MARGINS_MM.top),
  bottom: mm(MARGINS_MM.bottom),
  left: mm(MARGINS_MM.left),
  right: mm(MARGINS_MM.right),
  header: mm(MARGINS_MM.header),
  footer: mm(MARGINS_MM.footer),
};
/** Text width of the portrait pages and of the landscape appendix, in twips. */
const PORTRAIT_TEXT = A4.width - MARGIN.left - MARGIN.right;
const LANDSCAPE_TEXT = A4.height - MARGIN.left - MARGIN.right;

/** A picture of a chart: PNG bytes and their pixel size (the CLI draws them from the chart's SVG). */
export interface ChartPicture {
  png: Uint8Array;
  width: number;
  height: number;
}

export interface RenderOptions {
  /** The picture of each chart of the body, or null to leave the chart out (its caption says so). */
  picture?: (chart: ChartModel) => ChartPicture | null;
}

const NONE: IBorderOptions = { style: BorderStyle.NONE, size: 0, color: "FFFFFF" };
const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };
const THIN: IBorderOptions = { style: BorderStyle.SINGLE, size: 4, color: "000000" };
const THIN_BORDERS = { top: THIN, bottom: THIN, left: THIN, right: THIN, insideHorizontal: THIN, insideVertical: THIN };

function run(text: string, o: { bold?: boolean; italic?: boolean; size?: number } = {}): TextRun {
  return new TextRun({ text, bold: o.bold ?? false, italics: o.italic ?? false, size: o.size ?? SIZE_BODY, font: FONT });
}

function centered(text: string, o: { bold?: boolean; italic?: boolean; size?: number; after?: number } = {}): Paragraph {
  return new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 0, after: o.after ?? 0 }, children: [run(text, o)] });
}

/**
 * The short solid line under the issuing body, the motto and the title: an empty paragraph whose
 * top border is the line, narrowed by indents to `lengthTwips` inside a column `widthTwips` wide.
 */
function shortLine(widthTwips: number, lengthTwips: number): Paragraph {
  const indent = Math.max(0, Math.round((widthTwips - lengthTwips) / 2));
  return new Paragraph({
    indent: { left: indent, right: indent },
    spacing: { before: 50, after: 0, line: 120, lineRule: LineRuleType.EXACT },
    border: { top: { style: BorderStyle.SINGLE, size: 6, color: "000000", space: 1 } },
    children: [run("", { size: 8 })],
  });
}

/** Rough printed width of capitals/lower case in Times New Roman at a size (half-points), in twips. */
function textWidth(text: string, halfPoints: number, bold: boolean): number {
  const em = halfPoints * 10; // twips per em
  let width = 0;
  for (const ch of text) width += ch === " " ? 0.25 : ch === ch.toLocaleUpperCase("vi") && ch !== ch.toLocaleLowerCase("vi") ? 0.68 : 0.46;
  return Math.round(width * em * (bold ? 1.05 : 1));
}

function headerTable(doc: ReportDocument): Table {
  const left = Math.round(PORTRAIT_TEXT * 0.4);
  const right = PORTRAIT_TEXT - left;
  const h = doc.header;
  const cell = (width: number, children: Paragraph[]) =>
    new TableCell({ width: { size: width, type: WidthType.DXA }, borders: NO_BORDERS, margins: { left: 0, right: 0 }, children });
  const issuerLine = Math.min(left - 400, Math.round(textWidth(h.issuer, SIZE_HEADER, true) * 0.4));
  const mottoLine = Math.min(right - 200, textWidth(h.motto, SIZE_BODY, true));
  return new Table({
    width: { size: PORTRAIT_TEXT, type: WidthType.DXA },
    columnWidths: [left, right],
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    rows: [
      new TableRow({
        children: [
          cell(left, [centered(h.issuerParent, { size: SIZE_HEADER }), centered(h.issuer, { size: SIZE_HEADER, bold: true }), shortLine(left, issuerLine)]),
          cell(right, [centered(h.nation, { size: SIZE_HEADER, bold: true }), centered(h.motto, { size: SIZE_BODY, bold: true }), shortLine(right, mottoLine)]),
        ],
      }),
      new TableRow({
        children: [
          cell(left, [centered(h.numberLine, { size: SIZE_HEADER, after: 0 })]),
          cell(right, [centered(h.placeDate, { size: SIZE_BODY, italic: true })]),
        ],
      }),
    ],
  });
}

function runsOf(runs: Run[]): TextRun[] {
  return runs.map((r) => run(r.text, r));
}

function bodyParagraph(runs: Run[], firstLine: boolean): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: firstLine ? { firstLine: mm(10) } : undefined,
    spacing: { before: 60, after: 60, line: 300 },
    children: runsOf(runs),
  });
}

function tableOf(model: ReportTable, totalWidth: number, size: number): Table {
  const sum = model.widths.reduce((a, b) => a + b, 0);
  const widths = model.widths.map((w) => Math.floor((w / sum) * totalWidth));
  const cellParagraph = (c: CellModel, bold = false) =>
    new Paragraph({
      alignment: c.align === "center" ? AlignmentType.CENTER : c.align === "right" ? AlignmentType.RIGHT : AlignmentType.LEFT,
      indent: c.indent ? { left: c.indent * 240 } : undefined,
      spacing: { before: 20, after: 20 },
      children: [run(c.text, { bold: bold || (c.bold ?? false), italic: c.italic ?? false, size })],
    });
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: model.header.map(
      (text, i) =>
        new TableCell({
          width: { size: widths[i] ?? 0, type: WidthType.DXA },
          verticalAlign: VerticalAlign.CENTER,
          shading: { type: ShadingType.CLEAR, color: "auto", fill: "F2F2F2" },
          children: [cellParagraph({ text, align: "center" }, true)],
        }),
    ),
  });
  const rows = model.rows.map((cells) => {
    let col = 0;
    return new TableRow({
      cantSplit: true,
      children: cells.map((c) => {
        const span = c.span ?? 1;
        const width = widths.slice(col, col + span).reduce((a, b) => a + b, 0);
        col += span;
        return new TableCell({
          width: { size: width, type: WidthType.DXA },
          columnSpan: span > 1 ? span : undefined,
          verticalAlign: VerticalAlign.CENTER,
          shading: c.fill ? { type: ShadingType.CLEAR, color: "auto", fill: c.fill } : undefined,
          children: [cellParagraph(c)],
        });
      }),
    });
  });
  return new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: THIN_BORDERS,
    rows: [header, ...rows],
  });
}

function chartBlock(block: Extract<Block, { kind: "chart" }>, options: RenderOptions): Paragraph[] {
  const picture = options.picture?.(block.chart) ?? null;
  const caption = new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 40, after: 160 }, children: [run(block.caption, { italic: true, size: SIZE_TABLE })] });
  if (!picture) return [caption];
  // As wide as the text, the height in proportion; a tall chart (a plan of 60 indicators) is scaled
  // down to fit a page with its caption, never cut by the page end.
  const maxHeightPx = Math.round(((A4.height - MARGIN.top - MARGIN.bottom) / 1440) * 96 * 0.88);
  let widthPx = Math.round((PORTRAIT_TEXT / 1440) * 96);
  let heightPx = Math.round((widthPx * picture.height) / picture.width);
  if (heightPx > maxHeightPx) {
    widthPx = Math.round((widthPx * maxHeightPx) / heightPx);
    heightPx = maxHeightPx;
  }
  const image = new ImageRun({
    type: "png",
    data: picture.png,
    transformation: { width: widthPx, height: heightPx },
    altText: { name: block.caption, title: block.caption, description: block.chart.title },
  });
  return [new Paragraph({ alignment: AlignmentType.CENTER, keepNext: true, spacing: { before: 120, after: 0, line: 240, lineRule: LineRuleType.AUTO }, children: [image] }), caption];
}

function bodyOf(doc: ReportDocument, options: RenderOptions): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [];
  for (const block of doc.body) {
    switch (block.kind) {
      case "heading":
        out.push(
          new Paragraph({
            heading: block.level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2,
            keepNext: true,
            spacing: { before: 180, after: 60 },
            indent: { firstLine: mm(10) },
            children: [run(block.text, { bold: true })],
          }),
        );
        break;
      case "paragraph":
        out.push(bodyParagraph(block.runs, true));
        break;
      case "item":
        out.push(bodyParagraph([{ text: "- " }, ...block.runs], true));
        break;
      case "table":
        out.push(tableOf(block.table, PORTRAIT_TEXT, SIZE_RECIPIENTS), new Paragraph({ spacing: { after: 60 }, children: [] }));
        break;
      case "chart":
        for (const p of chartBlock(block, options)) out.push(p);
        break;
    }
  }
  return out;
}

/** "Nơi nhận" on the left, the signature block on the right (blank lines left for the signature, seal and name). */
function signatureTable(doc: ReportDocument): Table {
  const left = Math.round(PORTRAIT_TEXT * 0.45);
  const right = PORTRAIT_TEXT - left;
  const s = doc.signature;
  const leftChildren = [
    new Paragraph({ spacing: { before: 0, after: 0 }, children: [run(doc.recipients.label, { bold: true, italic: true, size: 24 })] }),
    ...doc.recipients.lines.map((line) => new Paragraph({ spacing: { before: 0, after: 0 }, children: [run(line, { size: SIZE_RECIPIENTS })] })),
  ];
  const rightChildren = [
    centered(s.authority, { bold: true }),
    centered(s.position, { bold: true }),
    ...[0, 1, 2, 3].map(() => centered("")),
    centered(s.name, { bold: true }),
  ];
  const cell = (width: number, children: Paragraph[]) => new TableCell({ width: { size: width, type: WidthType.DXA }, borders: NO_BORDERS, children });
  return new Table({
    width: { size: PORTRAIT_TEXT, type: WidthType.DXA },
    columnWidths: [left, right],
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    rows: [new TableRow({ cantSplit: true, children: [cell(left, leftChildren), cell(right, rightChildren)] })],
  });
}

function pageNumberHeader(): Header {
  return new Header({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: SIZE_BODY })] })] });
}

/** The .docx bytes of the report. Only the `docx` package is used (no Node API), so a task pane can run it too. */
export async function renderReportDocx(doc: ReportDocument, options: RenderOptions = {}): Promise<Uint8Array> {
  const titleLine = Math.round(textWidth(doc.title.summary, SIZE_BODY, true) * 0.35);
  const main: ISectionOptions = {
    properties: {
      titlePage: true,
      page: { size: { width: A4.width, height: A4.height, orientation: PageOrientation.PORTRAIT }, margin: MARGIN, pageNumbers: { start: 1 } },
    },
    headers: { default: pageNumberHeader(), first: new Header({ children: [new Paragraph({ children: [] })] }) },
    footers: { default: new Footer({ children: [new Paragraph({ children: [] })] }) },
    children: [
      headerTable(doc),
      new Paragraph({ spacing: { before: 240, after: 0 }, alignment: AlignmentType.CENTER, children: [run(doc.title.kind, { bold: true })] }),
      centered(doc.title.summary, { bold: true }),
      shortLine(PORTRAIT_TEXT, titleLine),
      new Paragraph({ spacing: { after: 120 }, children: [] }),
      ...bodyOf(doc, options),
      new Paragraph({ spacing: { after: 120 }, children: [] }),
      signatureTable(doc),
    ],
  };
  const appendix: ISectionOptions = {
    properties: {
      titlePage: false,
      // docx swaps width and height for a landscape section.
      page: { size: { width: A4.width, height: A4.height, orientation: PageOrientation.LANDSCAPE }, margin: MARGIN },
    },
    headers: { default: pageNumberHeader() },
    footers: { default: new Footer({ children: [new Paragraph({ children: [] })] }) },
    children: [
      centered(doc.appendix.title, { bold: true }),
      centered(doc.appendix.subtitle, { bold: true }),
      ...(doc.appendix.note ? [centered(doc.appendix.note, { italic: true, size: SIZE_HEADER })] : []),
      new Paragraph({ spacing: { after: 120 }, children: [] }),
      tableOf(doc.appendix.table, LANDSCAPE_TEXT, SIZE_TABLE),
    ],
  };
  const document = new Document({
    title: doc.properties.title,
    subject: doc.properties.subject,
    creator: doc.properties.creator,
    styles: {
      default: {
        document: { run: { font: FONT, size: SIZE_BODY }, paragraph: { spacing: { line: 276, lineRule: LineRuleType.AUTO } } },
        heading1: { run: { font: FONT, size: SIZE_BODY, bold: true, color: "000000" }, paragraph: { spacing: { before: 180, after: 60 } } },
        heading2: { run: { font: FONT, size: SIZE_BODY, bold: true, italics: true, color: "000000" } },
      },
    },
    sections: [main, appendix],
  });
  return new Uint8Array(await Packer.toArrayBuffer(document));
}
