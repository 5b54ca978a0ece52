// `read-report --into`: a COPY of the unit's workbook with the report's figures typed into the
// "Thực hiện" cells, and the report's tally kept in the plan sheet (_chitieu, key reportTally) so
// `check` can repeat the tally check. The copy is the original's parts with only those cells
// changed (styles, formulas, validations, other sheets untouched), through the same guarded zip
// reader as every .xlsx the CLI opens. Formula results cached in the changed sheet are dropped and
// the workbook asks for a full recalculation on open, so no stale "Tỷ lệ" or "Đánh giá" shows.
import { zipParts } from "../xlsx/zip-write";
import { openXlsxSafely } from "../xlsx/open";
import { bookFromPackage } from "../../xlsx-reader/read";
import { METADATA_SHEET } from "../../xlsx-reader/metadata";
import { columnIndex } from "../../shared/sheet/a1";

export type CellWrite = { cell: string; value: number | string };

const encoder = new TextEncoder();
const decoder = new TextDecoder("utf-8");

function escapeXml(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, "");
}

function cellXml(ref: string, value: number | string, style: string): string {
  if (typeof value === "number") return `<c r="${ref}"${style}><v>${String(value)}</v></c>`;
  return `<c r="${ref}"${style} t="inlineStr"><is><t xml:space="preserve">${escapeXml(value)}</t></is></c>`;
}

const ROW = (n: number) => new RegExp(String.raw`<((?:\w+:)?row)\b([^>]*?\br="${n}"[^>]*?)(?:/>|>([\s\S]*?)</\1>)`);
const CELL = /<((?:\w+:)?c)\b([^>]*?)(?:\/>|>([\s\S]*?)<\/\1>)/g;

/** The sheet XML with one cell set (the row and the cell are added in order when missing). */
export function setCell(xml: string, ref: string, value: number | string): string {
  const m = /^([A-Z]{1,3})(\d+)$/.exec(ref);
  if (!m) return xml;
  const row = Number(m[2]);
  const col = columnIndex(m[1]);
  const rowMatch = ROW(row).exec(xml);
  if (!rowMatch) {
    const newRow = `<row r="${row}">${cellXml(ref, value, "")}</row>`;
    if (/<(?:\w+:)?sheetData\s*\/>/.test(xml)) return xml.replace(/<((?:\w+:)?sheetData)\s*\/>/, `<$1>${newRow}</$1>`);
    // Before the first row numbered after it, else at the end of the sheet data.
    for (const r of xml.matchAll(/<(?:\w+:)?row\b[^>]*?\br="(\d+)"/g)) {
      if (Number(r[1]) > row) return xml.slice(0, r.index) + newRow + xml.slice(r.index);
    }
    return xml.replace(/<\/((?:\w+:)?sheetData)>/, `${newRow}</$1>`);
  }
  const [whole, tag, attrs, inner = ""] = rowMatch;
  let body = "";
  let placed = false;
  let last = 0;
  CELL.lastIndex = 0;
  let c: RegExpExecArray | null;
  while ((c = CELL.exec(inner)) !== null) {
    const cref = /\br="([A-Z]{1,3})(\d+)"/.exec(c[2]);
    const ccol = cref ? columnIndex(cref[1]) : -1;
    if (!placed && ccol === col) {
      const style = /\bs="\d+"/.exec(c[2]);
      body += inner.slice(last, c.index) + cellXml(ref, value, style ? ` ${style[0]}` : "");
      placed = true;
      last = c.index + c[0].length;
    } else if (!placed && ccol > col) {
      body += inner.slice(last, c.index) + cellXml(ref, value, "");
      placed = true;
      last = c.index;
    }
  }
  body += inner.slice(last);
  if (!placed) body += cellXml(ref, value, "");
  const cleanAttrs = attrs.replace(/\s*\/$/, "");
  return xml.replace(whole, `<${tag}${cleanAttrs}>${body}</${tag}>`);
}

/** Formula cells lose their cached result, so every program computes them afresh. */
export function dropCachedResults(xml: string): string {
  return xml.replace(/<((?:\w+:)?c)\b([^>]*)>((?:(?!<\/\1>)[\s\S])*?<(?:\w+:)?f\b(?:(?!<\/\1>)[\s\S])*?)<(?:\w+:)?v>[\s\S]*?<\/(?:\w+:)?v>/g, "<$1$2>$3");
}

/** workbook.xml asking for a full recalculation when opened. */
export function withFullCalcOnLoad(xml: string): string {
  if (/<(?:\w+:)?calcPr\b/.test(xml)) {
    return xml.replace(/<((?:\w+:)?calcPr)\b([^>]*?)(\/?)>/, (_w, tag: string, attrs: string, close: string) => `<${tag}${attrs.replace(/\s*fullCalcOnLoad="[^"]*"/, "")} fullCalcOnLoad="1"${close}>`);
  }
  const at = /<\/(?:\w+:)?definedNames>/.exec(xml) ?? /<\/(?:\w+:)?sheets>/.exec(xml);
  if (!at) return xml;
  const end = at.index + at[0].length;
  const prefix = /<(\w+):workbook\b/.exec(xml)?.[1];
  return `${xml.slice(0, end)}<${prefix ? prefix + ":" : ""}calcPr fullCalcOnLoad="1"/>${xml.slice(end)}`;
}

export interface CopyRequest {
  source: string;
  sheet: string;
  writes: CellWrite[];
  /** Facts to set in the plan sheet (_chitieu), one row per key; null when the workbook has none. */
  metadata: Record<string, string>;
}

/** The copy's bytes; `stored` says whether the metadata could be kept (the workbook has its plan sheet). */
export function copyWithFigures(request: CopyRequest): { bytes: Uint8Array; stored: boolean } {
  const pkg = openXlsxSafely(request.source, () => true);
  const book = bookFromPackage(pkg);
  const parts = new Map(pkg.parts);
  const text = (part: string) => decoder.decode(parts.get(part) ?? new Uint8Array());
  const sheet = book.sheets.find((s) => s.name === request.sheet);
  if (sheet?.part && parts.has(sheet.part)) {
    let xml = text(sheet.part);
    for (const write of request.writes) xml = setCell(xml, write.cell, write.value);
    parts.set(sheet.part, encoder.encode(dropCachedResults(xml)));
  }
  let stored = false;
  const meta = book.sheets.find((s) => s.name === METADATA_SHEET);
  if (meta?.part && parts.has(meta.part) && Object.keys(request.metadata).length) {
    const grid = book.grid(METADATA_SHEET);
    let xml = text(meta.part);
    let next = grid.length + 1;
    for (const [key, value] of Object.entries(request.metadata)) {
      const index = grid.findIndex((row) => row?.[0] === key);
      const row = index >= 0 ? index + 1 : next++;
      xml = setCell(setCell(xml, `A${row}`, key), `B${row}`, value);
    }
    parts.set(meta.part, encoder.encode(xml));
    stored = true;
  }
  if (parts.has("xl/workbook.xml")) parts.set("xl/workbook.xml", encoder.encode(withFullCalcOnLoad(text("xl/workbook.xml"))));
  const ordered: [string, Uint8Array][] = pkg.names.filter((n) => parts.has(n)).map((n) => [n, parts.get(n) as Uint8Array]);
  return { bytes: zipParts(ordered), stored };
}
