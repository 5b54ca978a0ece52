// The look every printable sheet shares: Times New Roman 13, thin borders, the status colours, the
// Decree 30/2020/NĐ-CP header block (issuing body left, national motto right, place and date) and
// the print setup (A4 landscape, fit to width, Decree 30 margins). Used by the fill-in sheet and
// the summary sheet alike.
import type { SheetBuilder } from "./builder";
import type { CellStyle, Color, PrintSetup, Rect } from "./types";

export const FONT_NAME = "Times New Roman";
export const FONT_SIZE = 13;
export const SHEET_FONT = { name: FONT_NAME, size: FONT_SIZE } as const;

export const COLORS = {
  /** The cells a clerk types into. */
  input: "#FFF2CC",
  headerFill: "#F2F2F2",
  greenFill: "#C6EFCE",
  greenText: "#006100",
  amberFill: "#FFEB9C",
  amberText: "#9C5700",
  redFill: "#FFC7CE",
  redText: "#9C0006",
  greyFill: "#E7E6E6",
  greyText: "#595959",
} as const satisfies Record<string, Color>;

export const STYLES = {
  tableHeader: {
    font: { bold: true },
    horizontal: "center",
    vertical: "middle",
    wrap: true,
    border: "thin-all",
    fill: COLORS.headerFill,
  },
  body: { vertical: "middle", wrap: true, border: "thin-all" },
  bodyCenter: { vertical: "middle", horizontal: "center", wrap: true, border: "thin-all" },
  bodyNumber: { vertical: "middle", horizontal: "right", border: "thin-all" },
  heading: { font: { bold: true } },
  input: { fill: COLORS.input },
  title: { font: { bold: true, size: 14 }, horizontal: "center", vertical: "middle", wrap: true },
  subtitle: { font: { italic: true }, horizontal: "center", vertical: "middle", wrap: true },
  note: { font: { italic: true, size: 12 }, horizontal: "left", vertical: "middle", wrap: true },
} as const satisfies Record<string, CellStyle>;

/** Number formats (Excel invariant codes; the host's locale shows Vietnamese separators). */
export const NUMBER_FORMATS = {
  /** 1.234,5 in a Vietnamese locale; integers without decimals. */
  number: "#,##0.###",
  percent: "0.0",
  integer: "0",
  text: "@",
} as const;

/** Decree 30 margins (mm): top/bottom 20–25, left 30–35, right 15–20; page numbers from page 2. */
export function decree30Print(repeatRows?: { first: number; last: number }, orientation: PrintSetup["orientation"] = "landscape"): PrintSetup {
  return {
    paper: "A4",
    orientation,
    fitToWidth: true,
    ...(repeatRows ? { repeatRows } : {}),
    margins: { top: 20, bottom: 20, left: 30, right: 15, header: 10, footer: 10 },
    pageNumbers: true,
  };
}

const ADMIN_PREFIX = /^(ủy ban nhân dân|uỷ ban nhân dân|ubnd)\s+/i;
const UNIT_KIND = /^(phường|xã|thị trấn|quận|huyện|thị xã|thành phố|tỉnh|đặc khu)\s+/i;

/** "UBND phường Đông Hải" or "Phường Đông Hải" → "Phường Đông Hải". */
export function unitName(text: string): string {
  return text.normalize("NFC").replace(/\s+/g, " ").trim().replace(ADMIN_PREFIX, "");
}

/** The two lines of the issuing body: "ỦY BAN NHÂN DÂN" / "PHƯỜNG ĐÔNG HẢI". */
export function issuingBodyLines(unitOrIssuer: string): [string, string] {
  return ["ỦY BAN NHÂN DÂN", unitName(unitOrIssuer).toLocaleUpperCase("vi")];
}

/** The place of the date line: "Phường Đông Hải" → "Đông Hải"; "thành phố Hải Phòng" → "Hải Phòng". */
export function placeOf(unitOrIssuer: string): string {
  return unitName(unitOrIssuer).replace(UNIT_KIND, "");
}

export interface HeaderBlockOptions {
  /** First row of the block (0-based). */
  row: number;
  /** Columns the block spans (the printed width of the table). */
  width: number;
  /** Columns of the left (issuing body) part; the motto takes the rest. */
  leftCols: number;
  /** Unit or issuer, e.g. "Phường Đông Hải" or "UBND thành phố Hải Phòng". */
  unit: string;
  year: number;
  /** Upper-case title, e.g. "BẢNG THEO DÕI KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU THI ĐUA NĂM 2025". */
  title: string;
  /** Lines under the title (the plan it refers to, an instruction), each on its own merged row. */
  lines?: { text: string; style?: CellStyle }[];
}

/** Writes the Decree 30 header block and returns the first row after it. */
export function addDecree30Header(builder: SheetBuilder, options: HeaderBlockOptions): number {
  const { row, width, leftCols } = options;
  const rightCols = Math.max(1, width - leftCols);
  const left = (r: number): Rect => ({ row: r, col: 0, rows: 1, cols: leftCols });
  const right = (r: number): Rect => ({ row: r, col: leftCols, rows: 1, cols: rightCols });
  const full = (r: number): Rect => ({ row: r, col: 0, rows: 1, cols: width });
  const center: CellStyle = { horizontal: "center", vertical: "middle", wrap: true };
  const [body, unit] = issuingBodyLines(options.unit);
  builder.block(left(row), body, { ...center, font: { bold: true, size: 13 } });
  builder.block(right(row), "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", { ...center, font: { bold: true, size: 13 } });
  builder.block(left(row + 1), unit, { ...center, font: { bold: true, size: 13, underline: true } });
  builder.block(right(row + 1), "Độc lập - Tự do - Hạnh phúc", { ...center, font: { bold: true, size: 14, underline: true } });
  builder.block(right(row + 2), `${placeOf(options.unit)}, ngày      tháng      năm ${options.year}`, { ...center, font: { italic: true } });
  builder.block(full(row + 3), options.title, STYLES.title);
  let next = row + 4;
  for (const line of options.lines ?? []) {
    builder.block(full(next), line.text, line.style ?? STYLES.subtitle);
    next++;
  }
  return next;
}
