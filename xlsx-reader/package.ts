// Unpacking an .xlsx someone sent, from its bytes alone: every check that a file is what it claims
// to be, and small enough to read whole, before any byte is inflated. Pure (no node:fs, no Buffer),
// so the CLI and the Excel task pane refuse the same hostile files with the same messages.
import { inflateRawPure, readZipEntry, zipEntries, type RawInflate } from "./zip-entries";

/** A problem with the file itself; `key` is a message of xlsx-reader/messages.ts, filled with `params`. */
export class XlsxFileError extends Error {
  constructor(
    readonly key: string,
    readonly params: Record<string, string | number> = {},
  ) {
    super(key);
    this.name = "XlsxFileError";
  }
}

export const LIMITS = {
  /** A fill-in workbook is tens of kilobytes; a hundred megabytes is not one. */
  fileBytes: 100 * 1024 * 1024,
  entries: 10_000,
  /** Inflated size of the parts we read, all together. */
  inflatedBytes: 400 * 1024 * 1024,
  /** Inflated ÷ compressed per part; sheet XML compresses well, but not a thousandfold. */
  ratio: 1000,
};

export interface XlsxPackage {
  /** The parts read, by name inside the zip ("xl/workbook.xml"). */
  parts: Map<string, Uint8Array>;
  /** Every part name in the zip, read or not. */
  names: string[];
}

/** The parts of an .xlsx a reader needs: the workbook, its relationships, shared strings, worksheets. */
export function isNeededPart(name: string): boolean {
  return (
    name === "xl/workbook.xml" ||
    name === "xl/_rels/workbook.xml.rels" ||
    name === "xl/sharedStrings.xml" ||
    /^xl\/worksheets\/[^/]+\.xml$/.test(name)
  );
}

/**
 * What can be refused from the file's name and size alone, before its bytes are read: callers that
 * can see the size first (a path, a picked File) call this before reading, so a 2 GB file is never
 * loaded into memory just to be refused.
 */
export function refuseByNameAndSize(name: string, size: number): void {
  if (size === 0) throw new XlsxFileError("xlsx.empty");
  if (size > LIMITS.fileBytes) throw new XlsxFileError("xlsx.too-big", { mb: Math.round(size / 1024 / 1024), limit: LIMITS.fileBytes / 1024 / 1024 });
  if (/\.(xlsm|xltm|xlam)$/i.test(name)) throw new XlsxFileError("xlsx.macro");
  if (/\.xlsb$/i.test(name)) throw new XlsxFileError("xlsx.binary-workbook");
}

/** Stream names of an encrypted Office file (an OLE compound file), as its directory stores them: UTF-16LE. */
const ENCRYPTED_STREAMS = ["EncryptionInfo", "EncryptedPackage"].map((name) => Uint8Array.from([...name].flatMap((ch) => [ch.charCodeAt(0), 0])));

function includesBytes(haystack: Uint8Array, needle: Uint8Array): boolean {
  outer: for (let i = haystack.indexOf(needle[0]); i >= 0 && i <= haystack.length - needle.length; i = haystack.indexOf(needle[0], i + 1)) {
    for (let j = 1; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

/** A password-protected .xlsx is not a zip but an OLE compound file holding the encrypted package. */
function isEncryptedOffice(bytes: Uint8Array): boolean {
  return ENCRYPTED_STREAMS.some((name) => includesBytes(bytes, name));
}

/** Macro-enabled workbooks (.xlsm, .xltm, .xlam) carry a VBA project; they are refused, not read with macros ignored. */
const MACRO_PART = /(^|\/)vbaProject\.bin$/i;
const MACRO_CONTENT_TYPE = /macroEnabled|vbaProject/i;

/**
 * Inflates only the parts `wanted` names, after checking the format and, while listing the zip,
 * the number of entries, the total inflated size and each part's ratio. With `name`, the file name
 * and the byte count are checked first (refuseByNameAndSize). `inflateRaw` is fflate's by default;
 * the command line passes Node's native zlib (cli/xlsx/open.ts).
 */
export function unzipXlsx(bytes: Uint8Array, wanted: (name: string) => boolean = isNeededPart, name?: string, inflateRaw: RawInflate = inflateRawPure): XlsxPackage {
  if (name !== undefined) refuseByNameAndSize(name, bytes.length);
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) throw new XlsxFileError(isEncryptedOffice(bytes) ? "xlsx.encrypted" : "xlsx.old-xls");
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04)) throw new XlsxFileError("xlsx.not-zip");
  const names: string[] = [];
  const parts = new Map<string, Uint8Array>();
  let inflated = 0;
  try {
    for (const file of zipEntries(bytes)) {
      names.push(file.name);
      if (names.length > LIMITS.entries) throw new XlsxFileError("xlsx.too-many-entries", { limit: LIMITS.entries });
      if (!wanted(file.name) && file.name !== "[Content_Types].xml") continue;
      inflated += file.originalSize;
      if (inflated > LIMITS.inflatedBytes) throw new XlsxFileError("xlsx.inflates-too-much", { limit: LIMITS.inflatedBytes / 1024 / 1024 });
      if (file.compressedSize > 0 && file.originalSize / file.compressedSize > LIMITS.ratio) throw new XlsxFileError("xlsx.inflates-too-much", { limit: LIMITS.inflatedBytes / 1024 / 1024 });
      parts.set(file.name, readZipEntry(bytes, file, inflateRaw));
    }
  } catch (error) {
    if (error instanceof XlsxFileError) throw error;
    throw new XlsxFileError("xlsx.damaged", { detail: error instanceof Error ? error.message : String(error) });
  }
  const contentTypes = parts.get("[Content_Types].xml");
  if (names.some((part) => MACRO_PART.test(part)) || (contentTypes && MACRO_CONTENT_TYPE.test(new TextDecoder().decode(contentTypes)))) throw new XlsxFileError("xlsx.macro");
  if (!wanted("[Content_Types].xml")) parts.delete("[Content_Types].xml");
  if (!names.includes("xl/workbook.xml")) throw new XlsxFileError(names.includes("xl/workbook.bin") ? "xlsx.binary-workbook" : "xlsx.not-workbook");
  return { parts, names };
}
