// The content of the year-end report (báo cáo) as data, in the order of Decree 30/2020/NĐ-CP
// Appendix I: the header block, the title, the body, the signature block and "Nơi nhận", then the
// results table as an appendix. Renderers (cli/docx/) only lay it out; nothing here knows Word.
import type { ChartModel } from "../chart/model";
import type { Lang, Status } from "../model";

/** A run of text inside a paragraph. */
export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
}

export type Block =
  /** A heading of the body ("I. KẾT QUẢ CHUNG" level 1, "1. …" level 2): a real heading a writer can restyle. */
  | { kind: "heading"; level: 1 | 2; text: string }
  /** A body paragraph: justified, first line indented, as administrative prose is set. */
  | { kind: "paragraph"; runs: Run[] }
  /** A line starting with "-", as reports list items. */
  | { kind: "item"; runs: Run[] }
  /** A small table inside the body (e.g. the units' counts and ranks). */
  | { kind: "table"; table: ReportTable }
  /** A chart, drawn as a picture; `caption` under it. */
  | { kind: "chart"; chart: ChartModel; caption: string };

export type CellAlign = "left" | "center" | "right";

export interface TableCell {
  text: string;
  bold?: boolean;
  italic?: boolean;
  align?: CellAlign;
  /** Indent level of a sub-item's name. */
  indent?: number;
  /** Shading by status (hex without "#"), for the appendix's Đánh giá column. */
  fill?: string;
  /** Columns this cell spans (a section row spans the table). */
  span?: number;
}

export interface ReportTable {
  /** The header row, repeated at the top of every page the table runs onto. */
  header: string[];
  /** Relative widths of the columns. */
  widths: number[];
  rows: TableCell[][];
}

export interface HeaderBlock {
  /** Left: "ỦY BAN NHÂN DÂN" / "PHƯỜNG ĐÔNG HẢI" (the second line is bold, a short line under it). */
  issuerParent: string;
  issuer: string;
  /** Right: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" / "Độc lập - Tự do - Hạnh phúc" (a line under it). */
  nation: string;
  motto: string;
  /** "Số:      /BC-UBND" — the number is given by the office's register when the report is issued. */
  numberLine: string;
  /** "Đông Hải, ngày      tháng      năm 2026", italic, under the motto. */
  placeDate: string;
}

export interface SignatureBlock {
  /** "TM. ỦY BAN NHÂN DÂN" (quyền hạn). */
  authority: string;
  /** "CHỦ TỊCH" (chức vụ). */
  position: string;
  /** Left blank for the signer's name (họ tên); the renderer leaves room for the signature and seal. */
  name: string;
}

export interface ReportDocument {
  lang: Lang;
  /** Document properties. */
  properties: { title: string; subject: string; creator: string };
  header: HeaderBlock;
  /** "BÁO CÁO" and the summary line "Kết quả thực hiện các chỉ tiêu thi đua năm 2026". */
  title: { kind: string; summary: string };
  body: Block[];
  signature: SignatureBlock;
  recipients: { label: string; lines: string[] };
  appendix: { title: string; subtitle: string; note: string | null; table: ReportTable };
}

/** The fills of the Đánh giá cells, by status (the sheet's own colours). */
export const STATUS_FILLS: Record<Status | "near", string> = {
  Vượt: "C6EFCE",
  Đạt: "C6EFCE",
  "Không đạt": "FFC7CE",
  near: "FFEB9C",
  "Chưa có số liệu": "E7E6E6",
  "Chưa đến hạn": "E7E6E6",
};

/** Every text of the document, in reading order: what a test or a search compares with. */
export function documentText(doc: ReportDocument): string[] {
  const out: string[] = [doc.header.issuerParent, doc.header.issuer, doc.header.nation, doc.header.motto, doc.header.numberLine, doc.header.placeDate, doc.title.kind, doc.title.summary];
  const table = (tb: ReportTable) => {
    for (const h of tb.header) out.push(h);
    for (const row of tb.rows) for (const cell of row) out.push(cell.text);
  };
  for (const block of doc.body) {
    if (block.kind === "heading") out.push(block.text);
    else if (block.kind === "paragraph" || block.kind === "item") out.push(block.runs.map((r) => r.text).join(""));
    else if (block.kind === "table") table(block.table);
    else out.push(block.caption);
  }
  out.push(doc.signature.authority, doc.signature.position, doc.recipients.label);
  for (const line of doc.recipients.lines) out.push(line);
  out.push(doc.appendix.title, doc.appendix.subtitle);
  table(doc.appendix.table);
  return out.filter((s) => s.length > 0);
}
