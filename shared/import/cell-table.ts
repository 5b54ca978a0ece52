// A table copied out of a web page or a PDF often arrives one cell per line: "Stt", "Chỉ tiêu",
// "Kế hoạch năm 2021", then "1", "Tốc độ tăng trưởng …", "8 - 8,5", … This module finds such a table
// by its header (a "Stt"/"TT" cell followed by column titles) and cuts the cells back into rows:
// a number opens a data row of as many cells as the header has, a roman numeral a group row.
import type { MappedText } from "./mapped";

/** A line or a block: anything with its text. */
interface Cell {
  text: MappedText;
}

export interface CellTable {
  /** Blocks the table covers (header included). */
  start: number;
  end: number;
  header: MappedText[];
  rows: { group: string | null; cells: MappedText[] }[];
}

const STT = /^(?:stt|tt|so tt|so thu tu)$/;
const NUMBER_CODE = /^\d{1,3}(?:\.\d{1,2})?\.?$/;
const ROMAN_CODE = /^[ivxl]{1,5}\.?$/;
const HEADER_CELL = /chi tieu|noi dung|don vi|dvt|ke hoach|uoc|thuc hien|muc tieu|nam \d{4}|ghi chu|so sanh|tang truong|\bkh\b|\bth\b/;

export function findCellTables(blocks: readonly Cell[]): CellTable[] {
  const out: CellTable[] = [];
  for (let i = 0; i < blocks.length; i++) {
    if (!STT.test(blocks[i].text.folded.trim())) continue;
    const header: MappedText[] = [blocks[i].text];
    let j = i + 1;
    while (j < blocks.length && header.length < 8 && HEADER_CELL.test(blocks[j].text.folded) && blocks[j].text.text.length < 80 && !isCode(blocks[j])) header.push(blocks[j++].text);
    if (header.length < 3) continue;
    const width = header.length;
    const rows: CellTable["rows"] = [];
    let group: string | null = null;
    while (j < blocks.length) {
      const code = blocks[j].text.folded.trim();
      if (ROMAN_CODE.test(code) && j + 1 < blocks.length && !isCode(blocks[j + 1])) {
        group = blocks[j + 1].text.text.trim();
        j += 2;
        continue;
      }
      if (!NUMBER_CODE.test(code) || j + width - 1 >= blocks.length + 0) {
        if (!NUMBER_CODE.test(code)) break;
      }
      const cells = blocks.slice(j, j + width).map((b) => b.text);
      if (cells.length < width) break;
      rows.push({ group, cells });
      j += width;
    }
    if (rows.length >= 2) {
      out.push({ start: i, end: j, header, rows });
      i = j - 1;
    }
  }
  return out;
}

function isCode(block: Cell): boolean {
  const f = block.text.folded.trim();
  return NUMBER_CODE.test(f) || ROMAN_CODE.test(f);
}
