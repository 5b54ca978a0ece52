// A1 references for Office.js calls, from the sheet model's 0-based rectangles, and back.
import type { Rect } from "../../../shared/sheet/types";

export function columnLetters(col: number): string {
  let n = col + 1;
  let out = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

export function cellA1(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

/** `'Chỉ tiêu'!$A$1:$B$2`, the form `names.add` and a list validation source take. */
export function absoluteReference(sheet: string, rect: Rect): string {
  const abs = (row: number, col: number) => `$${columnLetters(col)}$${row + 1}`;
  const first = abs(rect.row, rect.col);
  const tail = rect.rows === 1 && rect.cols === 1 ? "" : `:${abs(rect.row + rect.rows - 1, rect.col + rect.cols - 1)}`;
  return `'${sheet.replace(/'/g, "''")}'!${first}${tail}`;
}

/** "F12" or "$F$12" → { row: 11, col: 5 }; null when it is not one cell. */
export function parseCell(ref: string): { row: number; col: number } | null {
  const match = /^\$?([A-Z]{1,3})\$?(\d{1,7})$/.exec(ref.trim().toUpperCase());
  if (!match) return null;
  let col = 0;
  for (const ch of match[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(match[2]) - 1, col: col - 1 };
}

/** `'Chỉ tiêu'!$A$5:$S$40` or `Sheet1!A1` (as a NamedItem's value reads) → sheet and rectangle. */
export function parseReference(reference: string): { sheet: string; rect: Rect } | null {
  const text = reference.replace(/^=/, "");
  const bang = text.lastIndexOf("!");
  if (bang < 0) return null;
  let sheet = text.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  const [first, last = first] = text.slice(bang + 1).split(":");
  const a = parseCell(first);
  const b = parseCell(last);
  if (!a || !b) return null;
  return {
    sheet,
    rect: { row: Math.min(a.row, b.row), col: Math.min(a.col, b.col), rows: Math.abs(b.row - a.row) + 1, cols: Math.abs(b.col - a.col) + 1 },
  };
}
