// The columns of the fill-in sheet and their header texts: one list for the writer
// (shared/sheet/fill-in.ts) and the reader (shared/sheet/read-back.ts), which finds columns by
// these texts, never by letter.
import { foldDiacritics } from "../actual";
import type { Period } from "../model";
import { isPartial, periodPhrase } from "../period";
import type { ColumnKey, ColumnSpec } from "./types";

/** What the header texts depend on. */
export interface HeaderContext {
  year: number;
  estimate: boolean;
  /** The whole year when absent: the headers of a year-end workbook are those it always had. */
  period?: Period;
}

/** "năm 2026" at year end, "6 tháng đầu năm 2026" for a partial period. */
function phrase(ctx: HeaderContext): string {
  return periodPhrase(ctx.period ?? "ca-nam", ctx.year);
}

export interface FillInColumn {
  key: ColumnKey;
  /** Header text, from the year, the period and whether the actual column holds estimates. */
  header: (ctx: HeaderContext) => string;
  width: number;
  hidden?: boolean;
  /** A cell the user types into. */
  input?: boolean;
}

/** In sheet order. The first nine are the contract of ../../spec/cli.md; the rest stand after them. */
export const FILL_IN_COLUMNS: readonly FillInColumn[] = [
  { key: "stt", header: () => "STT", width: 6 },
  { key: "code", header: () => "Mã", width: 7 },
  { key: "name", header: () => "Chỉ tiêu", width: 46 },
  { key: "unit", header: () => "Đơn vị tính", width: 12 },
  { key: "target", header: ({ year }) => `Kế hoạch năm ${year}`, width: 14 },
  { key: "actual", header: (ctx) => `${ctx.estimate ? "Ước thực hiện" : "Thực hiện"} ${phrase(ctx)}`, width: 14, input: true },
  { key: "percent", header: ({ period }) => (isPartial(period) ? "Tỷ lệ TH/KH năm (%)" : "Tỷ lệ TH/KH (%)"), width: 10 },
  { key: "status", header: () => "Đánh giá", width: 14 },
  { key: "note", header: () => "Ghi chú", width: 24, input: true },
  {
    key: "previous",
    header: ({ year, period }) => (isPartial(period) ? `Thực hiện năm trước (${periodPhrase(period, year - 1)})` : `Thực hiện năm trước (${year - 1})`),
    width: 14,
    input: true,
  },
  { key: "yoy", header: () => "So cùng kỳ (%)", width: 10 },
  { key: "override", header: () => "Đánh giá điều chỉnh", width: 16, input: true },
  { key: "overrideReason", header: () => "Giải trình", width: 30, input: true },
  // The estimate stands after the columns older workbooks have, so theirs keep their places; its
  // header starts "Số ước", never "Ước thực hiện", which older --estimate workbooks give the actual.
  { key: "estimate", header: (ctx) => `Số ước thực hiện ${phrase(ctx)}`, width: 14, input: true },
  { key: "targetValue", header: () => "_KeHoachSo", width: 12, hidden: true },
  { key: "comparator", header: () => "_SoSanh", width: 10, hidden: true },
  { key: "targetMin", header: () => "_CanDuoi", width: 10, hidden: true },
  { key: "targetMax", header: () => "_CanTren", width: 10, hidden: true },
  { key: "deadline", header: () => "_NamHoanThanh", width: 10, hidden: true },
  { key: "depth", header: () => "_Cap", width: 6, hidden: true },
  { key: "measure", header: () => "_GiaTriDanhGia", width: 12, hidden: true },
  { key: "ruledStatus", header: () => "_DanhGiaTheoQuyTac", width: 14, hidden: true },
  { key: "rollupDepth", header: () => "_CapTongHop", width: 6, hidden: true },
  { key: "figure", header: () => "_SoLieuDanhGia", width: 12, hidden: true },
];

/** The header texts a table must have, by the beginning of the cell (../../spec/cli.md). */
export const REQUIRED_HEADERS: readonly { key: ColumnKey; begins: string }[] = [
  { key: "stt", begins: "STT" },
  { key: "code", begins: "Mã" },
  { key: "name", begins: "Chỉ tiêu" },
  { key: "unit", begins: "Đơn vị tính" },
  { key: "target", begins: "Kế hoạch" },
  { key: "actual", begins: "Thực hiện" },
  { key: "percent", begins: "Tỷ lệ" },
  { key: "status", begins: "Đánh giá" },
  { key: "note", begins: "Ghi chú" },
];

/** Folded beginnings, most specific first ("thuc hien nam truoc" before "thuc hien"). */
const RECOGNIZED: readonly { key: ColumnKey; begins: string }[] = [
  { key: "estimate", begins: "so uoc thuc hien" },
  { key: "previous", begins: "thuc hien nam truoc" },
  { key: "actual", begins: "uoc thuc hien" },
  { key: "actual", begins: "thuc hien" },
  { key: "override", begins: "danh gia dieu chinh" },
  { key: "status", begins: "danh gia" },
  { key: "stt", begins: "stt" },
  { key: "stt", begins: "tt" },
  { key: "code", begins: "ma" },
  { key: "name", begins: "chi tieu" },
  { key: "unit", begins: "don vi tinh" },
  { key: "unit", begins: "don vi" },
  { key: "target", begins: "ke hoach" },
  { key: "percent", begins: "ty le" },
  { key: "yoy", begins: "so cung ky" },
  { key: "note", begins: "ghi chu" },
  { key: "overrideReason", begins: "giai trinh" },
];

const HELPER_KEYS = new Map<string, ColumnKey>(
  FILL_IN_COLUMNS.filter((c) => c.hidden).map((c) => [c.header({ year: 0, estimate: false }).toLowerCase(), c.key]),
);

/** Header texts already recognised: a consolidation reads the same few headers in thousands of files. */
const keyByHeader = new Map<string, ColumnKey | null>();
const KEY_CACHE_LIMIT = 4096;

/** The column a header cell names, or null: by its beginning, case and diacritics aside. */
export function columnKeyOfHeader(cell: unknown): ColumnKey | null {
  if (typeof cell !== "string") return null;
  let key = keyByHeader.get(cell);
  if (key === undefined) {
    key = keyOfHeaderText(cell);
    if (keyByHeader.size >= KEY_CACHE_LIMIT) keyByHeader.clear();
    keyByHeader.set(cell, key);
  }
  return key;
}

function keyOfHeaderText(cell: string): ColumnKey | null {
  const trimmed = cell.normalize("NFC").trim();
  if (trimmed.startsWith("_")) return HELPER_KEYS.get(trimmed.toLowerCase()) ?? null;
  const folded = foldDiacritics(trimmed);
  for (const { key, begins } of RECOGNIZED) {
    if (folded === begins || (folded.startsWith(begins) && !/[a-z0-9]/.test(folded[begins.length]))) return key;
  }
  return null;
}

export function columnSpecs(year: number, estimate: boolean, period?: Period): ColumnSpec[] {
  const ctx: HeaderContext = { year, estimate, ...(period ? { period } : {}) };
  return FILL_IN_COLUMNS.map((c) => ({ key: c.key, header: c.header(ctx), width: c.width, ...(c.hidden ? { hidden: true } : {}) }));
}

export function columnIndex(key: ColumnKey): number {
  const index = FILL_IN_COLUMNS.findIndex((c) => c.key === key);
  if (index < 0) throw new Error(`no fill-in column ${key}`);
  return index;
}
