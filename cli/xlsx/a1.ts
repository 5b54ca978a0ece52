// A1 addresses from the sheet model's 0-based coordinates, and back.
import type { Rect } from "../../shared/sheet/types";

/** 0 → "A", 25 → "Z", 26 → "AA". */
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

/** "AA" → 26; -1 when the text is not column letters. */
export function columnIndex(letters: string): number {
  if (!/^[A-Z]{1,3}$/.test(letters)) return -1;
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export function cellA1(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

export function rectA1(rect: Rect): string {
  const topLeft = cellA1(rect.row, rect.col);
  if (rect.rows === 1 && rect.cols === 1) return topLeft;
  return `${topLeft}:${cellA1(rect.row + rect.rows - 1, rect.col + rect.cols - 1)}`;
}

/** `'Chỉ tiêu'!$A$1:$B$2`: sheet names are always quoted, quotes inside doubled. */
export function absoluteRef(sheet: string, rect: Rect): string {
  const abs = (row: number, col: number) => `$${columnLetters(col)}$${row + 1}`;
  const first = abs(rect.row, rect.col);
  const last = abs(rect.row + rect.rows - 1, rect.col + rect.cols - 1);
  return `'${sheet.replace(/'/g, "''")}'!${first}${rect.rows === 1 && rect.cols === 1 ? "" : `:${last}`}`;
}

/** "F12" → { row: 11, col: 5 }; null when it is not a cell reference. */
export function parseCellA1(ref: string): { row: number; col: number } | null {
  const match = /^([A-Z]{1,3})(\d{1,7})$/.exec(ref);
  if (!match) return null;
  const col = columnIndex(match[1]);
  const row = Number(match[2]) - 1;
  return col < 0 || row < 0 ? null : { row, col };
}
