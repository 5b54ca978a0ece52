// The reader as it was before the byte-level sheet scan (xlsx-reader/sheet-scan.ts): kept verbatim as
// the reference test/cli/xlsx-read-fast.test.ts compares the fast reader against. Do not optimise.
// Reads an .xlsx's sheets as grids of values straight from the sheet XML (no ExcelJS: loading 114
// workbooks through it is many times slower than this). A grid holds what a user typed or a
// formula last computed: numbers, strings, booleans, { error: "#DIV/0!" } for error cells, null for
// blank. Formula cells give their cached result (null if never calculated). Pure (bytes in, grids
// out), so the Excel task pane reads units' files with it too; reading from a path is cli/xlsx/open.ts.
import { unzipXlsx, XlsxFileError, type XlsxPackage } from "../../xlsx-reader/package";
import { columnIndex } from "../../shared/sheet/a1";

export type GridValue = string | number | boolean | { error: string } | null;
export type Grid = GridValue[][];

export interface SheetInfo {
  name: string;
  state: "visible" | "hidden" | "veryHidden";
  /** Part name in the zip, e.g. "xl/worksheets/sheet1.xml"; null if the workbook points nowhere. */
  part: string | null;
}

export interface XlsxBook {
  sheets: SheetInfo[];
  definedNames: { name: string; ref: string; localSheetId?: number }[];
  /** The grid of a sheet by name; throws XlsxFileError if its part is missing or unreadable. */
  grid(sheetName: string): Grid;
}

/** Cells beyond these are not an indicator sheet; refusing them keeps a hostile file from eating memory. */
const MAX_ROWS = 1_048_576;
const MAX_CELLS = 2_000_000;

/** With `name`, the file's name and size are checked too (a .xlsm is refused by name). */
export function readXlsxBytes(bytes: Uint8Array, name?: string): XlsxBook {
  return bookFromPackage(unzipXlsx(bytes, undefined, name));
}

const decoder = new TextDecoder("utf-8");

export function bookFromPackage(pkg: XlsxPackage): XlsxBook {
  const text = (name: string): string | null => {
    const data = pkg.parts.get(name);
    return data ? decoder.decode(data) : null;
  };
  const workbookXml = text("xl/workbook.xml");
  if (workbookXml === null) throw new XlsxFileError("xlsx.not-workbook");
  const rels = relationships(text("xl/_rels/workbook.xml.rels") ?? "");
  const sheets: SheetInfo[] = [];
  for (const match of workbookXml.matchAll(/<(?:\w+:)?sheet\b([^>]*?)\/?>/g)) {
    const attrs = attributes(match[1]);
    const relId = attrs["r:id"] ?? Object.entries(attrs).find(([k]) => k.endsWith(":id"))?.[1];
    const target = relId ? rels.get(relId) : undefined;
    const state = attrs.state === "hidden" || attrs.state === "veryHidden" ? attrs.state : "visible";
    sheets.push({ name: decodeEntities(attrs.name ?? ""), state, part: target ? partName(target) : null });
  }
  const definedNames = [...workbookXml.matchAll(/<(?:\w+:)?definedName\b([^>]*)>([\s\S]*?)<\/(?:\w+:)?definedName>/g)].map((m) => {
    const attrs = attributes(m[1]);
    return {
      name: decodeEntities(attrs.name ?? ""),
      ref: decodeEntities(m[2]),
      ...(attrs.localSheetId !== undefined ? { localSheetId: Number(attrs.localSheetId) } : {}),
    };
  });
  let shared: string[] | null = null;
  const sharedStrings = () => (shared ??= readSharedStrings(text("xl/sharedStrings.xml") ?? ""));
  return {
    sheets,
    definedNames,
    grid(sheetName) {
      const sheet = sheets.find((s) => s.name === sheetName);
      const xml = sheet?.part ? text(sheet.part) : null;
      if (xml === null) throw new XlsxFileError("xlsx.sheet-part-missing", { sheet: sheetName });
      return readSheetXml(xml, sharedStrings);
    },
  };
}

function relationships(xml: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const match of xml.matchAll(/<(?:\w+:)?Relationship\b([^>]*?)\/?>/g)) {
    const attrs = attributes(match[1]);
    if (attrs.Id && attrs.Target) map.set(attrs.Id, decodeEntities(attrs.Target));
  }
  return map;
}

/** "worksheets/sheet1.xml" or "/xl/worksheets/sheet1.xml" → "xl/worksheets/sheet1.xml". */
function partName(target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = ["xl"];
  for (const piece of target.split("/")) {
    if (piece === "..") parts.pop();
    else if (piece !== ".") parts.push(piece);
  }
  return parts.join("/");
}

function attributes(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const match of text.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) out[match[1]] = match[2] ?? match[3] ?? "";
  return out;
}

function readSharedStrings(xml: string): string[] {
  const out: string[] = [];
  for (const match of xml.matchAll(/<(?:\w+:)?si\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?si>)/g)) out.push(runText(match[1] ?? ""));
  return out;
}

/** The text of a string item: every <t> run, leaving out phonetic guides (<rPh>). */
function runText(xml: string): string {
  const body = xml.includes("rPh") ? xml.replace(/<(?:\w+:)?rPh\b[\s\S]*?<\/(?:\w+:)?rPh>/g, "") : xml;
  let out = "";
  for (const match of body.matchAll(/<(?:\w+:)?t\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?t>)/g)) out += match[1] ?? "";
  return decodeEntities(out);
}

const CELL_REF = /(?:^|\s)r\s*=\s*["']([A-Z]{1,3})(\d+)["']/;
const CELL_TYPE = /(?:^|\s)t\s*=\s*["'](\w+)["']/;
const CELL_OR_ROW = /<(?:\w+:)?row\b([^>]*?)\/?>|<(?:\w+:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?c>)/g;

export function readSheetXml(xml: string, sharedStrings: () => string[]): Grid {
  const grid: Grid = [];
  const dataStart = xml.indexOf("<sheetData");
  const dataEnd = xml.lastIndexOf("</sheetData>");
  if (dataStart < 0 || dataEnd < 0) return grid;
  const body = xml.slice(dataStart, dataEnd);
  let row = -1;
  let col = -1;
  let cells = 0;
  for (const match of body.matchAll(CELL_OR_ROW)) {
    if (match[1] !== undefined) {
      const r = attributes(match[1]).r;
      row = r ? Number(r) - 1 : row + 1;
      col = -1;
      continue;
    }
    // Only the address and the type matter; two targeted searches beat a general attribute parse.
    const attrText = match[2] ?? "";
    const ref = CELL_REF.exec(attrText);
    if (ref) {
      col = columnIndex(ref[1]);
      row = Number(ref[2]) - 1;
    } else {
      col += 1;
    }
    const type = CELL_TYPE.exec(attrText)?.[1];
    if (row < 0 || row >= MAX_ROWS || col < 0) continue;
    const value = cellValue(type, match[3] ?? "", sharedStrings);
    if (value === null) continue;
    if (++cells > MAX_CELLS) throw new XlsxFileError("xlsx.too-many-cells", { limit: MAX_CELLS });
    (grid[row] ??= [])[col] = value;
  }
  // Dense rows and columns, so readers can index without holes.
  for (let r = 0; r < grid.length; r++) {
    const line = (grid[r] ??= []);
    for (let c = 0; c < line.length; c++) if (line[c] === undefined) line[c] = null;
  }
  return grid;
}

const V_TAG = /<(?:\w+:)?v\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?v>)/;
const IS_TAG = /<(?:\w+:)?is\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?is>)/;

function inner(xml: string, tag: "v" | "is"): string | null {
  if (xml.length === 0) return null;
  const match = (tag === "v" ? V_TAG : IS_TAG).exec(xml);
  return match ? (match[1] ?? "") : null;
}

function cellValue(type: string | undefined, xml: string, sharedStrings: () => string[]): GridValue {
  if (type === "inlineStr") {
    const is = inner(xml, "is");
    return is === null ? null : runText(is);
  }
  const v = inner(xml, "v");
  if (v === null) return null;
  switch (type) {
    case "s": {
      const index = Number(v);
      const text = sharedStrings()[index];
      return text === undefined ? null : text;
    }
    case "str":
      return decodeEntities(v);
    case "b":
      return v.trim() === "1" || v.trim() === "true";
    case "e":
      return { error: decodeEntities(v).trim() };
    case "d":
      return decodeEntities(v);
    default: {
      const text = v.trim();
      if (text === "") return null;
      const number = Number(text);
      // A number Excel could not hold (1e309) is still a number the user typed: keep it as such.
      return Number.isNaN(number) ? decodeEntities(text) : number;
    }
  }
}

const NAMED: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

export function decodeEntities(text: string): string {
  let out = text;
  // The plan stored in every workbook is JSON with hundreds of &quot;: plain replaces are several
  // times faster than a callback per entity. Without numeric references they decode the same,
  // &amp; last, so "&amp;lt;" stays "&lt;". With numeric ones, the single pass below.
  if (out.includes("&") && !out.includes("&#"))
    out = out.replaceAll("&quot;", '"').replaceAll("&lt;", "<").replaceAll("&gt;", ">").replaceAll("&apos;", "'").replaceAll("&amp;", "&");
  else if (out.includes("&"))
    out = out.replace(/&(#x[0-9a-fA-F]+|#\d+|lt|gt|amp|quot|apos);/g, (whole, name: string) => {
      if (name[0] !== "#") return NAMED[name] ?? whole;
      const code = name[1] === "x" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    });
  // Excel escapes control characters as _xHHHH_ inside text.
  if (out.includes("_x")) out = out.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return out;
}
