// A1 references from the sheet model's 0-based coordinates, and back: one implementation for the
// core's formulas, the .xlsx writer and reader, and both add-ins.
import type { Rect } from "./types";

/** 0 → "A", 25 → "Z", 26 → "AA". */
export function columnLetters(col: number): string {
  let out = "";
  let n = col + 1;
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

/** "C12" for row 11, col 2; with `absolute`, "$C$12". */
export function cellA1(row: number, col: number, absolute = false): string {
  return absolute ? `$${columnLetters(col)}$${row + 1}` : `${columnLetters(col)}${row + 1}`;
}

/** "A1:C3" for a rectangle (one cell: "A1"); with `absolute`, "$A$1:$C$3". */
export function rectA1(rect: Rect, absolute = false): string {
  const start = cellA1(rect.row, rect.col, absolute);
  const end = cellA1(rect.row + rect.rows - 1, rect.col + rect.cols - 1, absolute);
  return start === end ? start : `${start}:${end}`;
}

/** A sheet name as a formula needs it: quoted unless it is a plain identifier. */
export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** `'Chỉ tiêu'!$A$1:$B$2`, always quoted: the form defined names and list sources take. */
export function absoluteRef(sheet: string, rect: Rect): string {
  return `'${sheet.replace(/'/g, "''")}'!${rectA1(rect, true)}`;
}

/** "F12" or "$F$12" → { row: 11, col: 5 }; null when it is not one cell. */
export function parseCell(ref: string): { row: number; col: number } | null {
  const match = /^\$?([A-Z]{1,3})\$?(\d{1,7})$/.exec(ref.trim().toUpperCase());
  if (!match) return null;
  const col = columnIndex(match[1]);
  const row = Number(match[2]) - 1;
  return col < 0 || row < 0 ? null : { row, col };
}

/** `'Chỉ tiêu'!$A$5:$S$40` or `Sheet1!A1` (as a defined name's value reads) → sheet and rectangle. */
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
