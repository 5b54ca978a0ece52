// Reads other units' .xlsx files in the browser for consolidation: fflate unzips, and the sheet XML
// is read straight into grids of values (what a user typed, or a formula's cached result). The CLI's
// reader opens files through node:fs, so the task pane has its own; both read the same parts.
import { unzipSync } from "fflate";
import { METADATA_SHEET, readMetadata } from "../../cli/xlsx/metadata";
import type { UnitFile } from "./adapter/report-commands";

/** A unit's file is tens of kilobytes; refusing big ones keeps a zip bomb from freezing Excel. */
const MAX_FILE_BYTES = 20 * 1024 * 1024;
const MAX_INFLATED_BYTES = 200 * 1024 * 1024;
const MAX_CELLS = 2_000_000;

export type GridValue = string | number | boolean | { error: string } | null;

const decoder = new TextDecoder("utf-8");

function decodeEntities(text: string): string {
  return text.replace(/&(lt|gt|amp|quot|apos|#x[0-9a-fA-F]+|#\d+);/g, (whole, name: string) => {
    switch (name) {
      case "lt":
        return "<";
      case "gt":
        return ">";
      case "amp":
        return "&";
      case "quot":
        return '"';
      case "apos":
        return "'";
      default:
        return name.startsWith("#x") ? String.fromCodePoint(parseInt(name.slice(2), 16)) : String.fromCodePoint(Number(name.slice(1)));
    }
  });
}

function attribute(tag: string, name: string): string | null {
  const match = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return match ? decodeEntities(match[1]) : null;
}

/** Text of every <t> in a fragment (rich text runs joined), phonetic runs left out. */
function textOf(fragment: string): string {
  const withoutPhonetic = fragment.replace(/<rPh\b[\s\S]*?<\/rPh>/g, "");
  return [...withoutPhonetic.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)].map((m) => decodeEntities(m[1])).join("");
}

function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export class XlsxReadError extends Error {}

export interface ReadBook {
  sheets: { name: string; grid: GridValue[][] }[];
  metadata: Record<string, string>;
}

export function readXlsx(bytes: Uint8Array): ReadBook {
  if (bytes.length > MAX_FILE_BYTES) throw new XlsxReadError(`> ${MAX_FILE_BYTES / 1024 / 1024} MB`);
  let inflated = 0;
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (file) => {
        inflated += file.originalSize;
        if (inflated > MAX_INFLATED_BYTES) throw new XlsxReadError("zip too large when unpacked");
        return /^xl\/(workbook\.xml|_rels\/workbook\.xml\.rels|sharedStrings\.xml|worksheets\/[^/]+\.xml)$/.test(file.name);
      },
    });
  } catch (error) {
    if (error instanceof XlsxReadError) throw error;
    throw new XlsxReadError("not an .xlsx (zip) file");
  }
  const text = (name: string): string | null => (files[name] ? decoder.decode(files[name]) : null);
  const workbook = text("xl/workbook.xml");
  const rels = text("xl/_rels/workbook.xml.rels");
  if (!workbook || !rels) throw new XlsxReadError("xl/workbook.xml missing");
  const targets = new Map<string, string>();
  for (const tag of rels.match(/<Relationship\b[^>]*>/g) ?? []) {
    const id = attribute(tag, "Id");
    const target = attribute(tag, "Target");
    if (id && target) targets.set(id, target.startsWith("/") ? target.slice(1) : `xl/${target.replace(/^\.\//, "")}`);
  }
  const shared = sharedStrings(text("xl/sharedStrings.xml"));
  let cells = 0;
  const sheets = (workbook.match(/<sheet\b[^>]*>/g) ?? []).map((tag) => {
    const name = attribute(tag, "name") ?? "";
    const part = targets.get(attribute(tag, "r:id") ?? "") ?? "";
    const xml = text(part);
    const grid = xml ? sheetGrid(xml, shared, () => ++cells > MAX_CELLS) : [];
    return { name, grid };
  });
  const metadataSheet = sheets.find((s) => s.name === METADATA_SHEET);
  return { sheets, metadata: metadataSheet ? readMetadata(metadataSheet.grid) : {} };
}

function sharedStrings(xml: string | null): string[] {
  if (!xml) return [];
  return (xml.match(/<si>[\s\S]*?<\/si>|<si\/>/g) ?? []).map(textOf);
}

function sheetGrid(xml: string, shared: string[], tooMany: () => boolean): GridValue[][] {
  const grid: GridValue[][] = [];
  const cellPattern = /<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g;
  for (const match of xml.matchAll(cellPattern)) {
    if (tooMany()) throw new XlsxReadError("too many cells");
    const attrs = match[1];
    const body = match[2] ?? "";
    const ref = /\sr="([A-Z]+)(\d+)"/.exec(attrs);
    if (!ref) continue;
    const row = Number(ref[2]) - 1;
    const col = columnIndex(ref[1]);
    const type = /\st="([^"]*)"/.exec(attrs)?.[1] ?? "n";
    const raw = /<v>([\s\S]*?)<\/v>/.exec(body)?.[1];
    let value: GridValue = null;
    if (type === "inlineStr") value = textOf(body);
    else if (raw !== undefined) {
      const v = decodeEntities(raw);
      if (type === "s") value = shared[Number(v)] ?? null;
      else if (type === "str") value = v;
      else if (type === "b") value = v === "1";
      else if (type === "e") value = { error: v };
      else value = v === "" ? null : Number(v);
    }
    if (value === null) continue;
    while (grid.length <= row) grid.push([]);
    const line = grid[row];
    while (line.length < col) line.push(null);
    line[col] = value;
  }
  return grid;
}

/** Reads picked files for consolidation; a file that cannot be read becomes a reason, never a crash. */
export async function readUnitFiles(files: readonly File[], onProgress: (index: number, total: number, name: string) => void): Promise<UnitFile[]> {
  const out: UnitFile[] = [];
  for (const [index, file] of files.entries()) {
    onProgress(index, files.length, file.name);
    try {
      const book = readXlsx(new Uint8Array(await file.arrayBuffer()));
      out.push({ name: file.name, read: { ok: true, sheets: book.sheets, unit: book.metadata.unit ?? null } });
    } catch (error) {
      out.push({ name: file.name, read: { ok: false, reason: error instanceof XlsxReadError ? error.message : String(error) } });
    }
  }
  return out;
}
