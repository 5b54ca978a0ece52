// A unit's report as a .docx, read from its bytes alone with the limits every .xlsx is read with
// (size, number of parts, inflated size and ratio per part, checked before anything is inflated),
// then its body's text (shared/report/docx-text.ts). Pure: the CLI (read-report) passes Node's
// zlib, both add-ins' panes the pure inflater; all refuse the same files with the same keys.
import { docxBodyText } from "../shared/report/docx-text";
import { LIMITS } from "./package";
import { inflateRawPure, readZipEntry, zipEntries, type RawInflate, type ZipEntry } from "./zip-entries";

/** Why a .docx cannot be read; the caller says it in its own words, naming the file. */
export type DocxProblem = "not-zip" | "old-doc" | "pdf" | "not-docx" | "too-big" | "damaged" | "empty" | "not-text";

/** Longest text file read as a report (a report is tens of kilobytes). */
export const MAX_REPORT_TEXT_BYTES = 10 * 1024 * 1024;

/** A picked report file's text: a .docx's body, or a text file in UTF-8 (a BOM dropped); throws DocxFileError. */
export function reportFileText(bytes: Uint8Array, inflate: RawInflate = inflateRawPure): string {
  if (bytes.length === 0) throw new DocxFileError("empty");
  const kind = fileKindOf(bytes);
  if (kind === "zip") return readDocxText(bytes, inflate);
  if (kind !== "text") throw new DocxFileError(kind);
  if (bytes.length > MAX_REPORT_TEXT_BYTES) throw new DocxFileError("too-big");
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\uFEFF/, "");
  } catch {
    throw new DocxFileError("not-text");
  }
}

export class DocxFileError extends Error {
  constructor(readonly problem: DocxProblem) {
    super(problem);
    this.name = "DocxFileError";
  }
}

/** A picked file's kind from its first bytes: a zip (.docx), Word 97-2003, PDF, or text. */
export function fileKindOf(bytes: Uint8Array): "zip" | "old-doc" | "pdf" | "text" {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return "zip";
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) return "old-doc";
  if (bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46 && bytes[4] === 0x2d) return "pdf";
  return "text";
}

/** word/document.xml (or the main part the package's relationships name) as text; throws DocxFileError. */
export function readDocxText(bytes: Uint8Array, inflate: RawInflate = inflateRawPure): string {
  if (bytes.length === 0) throw new DocxFileError("empty");
  if (bytes.length > LIMITS.fileBytes) throw new DocxFileError("too-big");
  const kind = fileKindOf(bytes);
  if (kind !== "zip") throw new DocxFileError(kind === "text" ? "not-zip" : kind);
  const read = (entry: ZipEntry): Uint8Array => {
    const ratio = entry.compressedSize > 0 ? entry.originalSize / entry.compressedSize : 0;
    if (entry.originalSize > LIMITS.inflatedBytes || ratio > LIMITS.ratio) throw new DocxFileError("too-big");
    return readZipEntry(bytes, entry, inflate);
  };
  const decoder = new TextDecoder("utf-8");
  try {
    const entries: ZipEntry[] = [];
    for (const entry of zipEntries(bytes)) {
      entries.push(entry);
      if (entries.length > LIMITS.entries) throw new DocxFileError("too-big");
    }
    // The main part is word/document.xml, or where the package's relationships say (some tools name it otherwise).
    let main = entries.find((e) => e.name === "word/document.xml");
    if (!main) {
      const rels = entries.find((e) => e.name === "_rels/.rels");
      const xml = rels ? decoder.decode(read(rels)) : "";
      const target = /Type="[^"]*\/officeDocument"[^>]*Target="\/?([^"]+)"|Target="\/?([^"]+)"[^>]*Type="[^"]*\/officeDocument"/.exec(xml);
      main = target ? entries.find((e) => e.name === (target[1] ?? target[2])) : undefined;
    }
    if (!main) throw new DocxFileError("not-docx");
    return docxBodyText(decoder.decode(read(main)));
  } catch (error) {
    if (error instanceof DocxFileError) throw error;
    throw new DocxFileError("damaged");
  }
}

/** A picked file (a browser File, or anything with its name, size and bytes): its text, or why not, the size checked before reading. */
export async function readReportFile(file: { name: string; size: number; arrayBuffer(): Promise<ArrayBuffer> }): Promise<{ ok: true; text: string } | { ok: false; problem: DocxProblem }> {
  if (file.size > LIMITS.fileBytes) return { ok: false, problem: "too-big" };
  try {
    return { ok: true, text: reportFileText(new Uint8Array(await file.arrayBuffer())) };
  } catch (error) {
    return { ok: false, problem: error instanceof DocxFileError ? error.problem : "damaged" };
  }
}
