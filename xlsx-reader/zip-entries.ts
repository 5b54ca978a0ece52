// The entries of a zip, read from its central directory, and one entry's bytes, inflated by a
// function the caller supplies: fflate's pure inflate in the task pane, Node's native zlib on the
// command line (several times faster on a hundred workbooks). Pure: no Node or DOM API. Reads the
// directory as fflate's unzipSync does (the same names, sizes and zip64 handling), so the checks
// xlsx-reader/package.ts makes on each entry see the same values whichever inflater runs.
import { inflateSync } from "fflate";

export interface ZipEntry {
  name: string;
  /** 0 = stored, 8 = deflated; anything else cannot be read. */
  method: number;
  /** Bytes in the file, as the central directory declares them. */
  compressedSize: number;
  /** Bytes once inflated, as declared; what a reader allocates, never more. */
  originalSize: number;
  /** Offset of the entry's local header. */
  headerOffset: number;
}

/**
 * Inflates raw deflate data (no zlib header) into at most `declaredSize` bytes: a part that holds
 * more than it declares is cut at its declaration, so the lie costs what was declared, not what
 * the part holds. Throws on data that is not deflate.
 */
export type RawInflate = (data: Uint8Array, declaredSize: number) => Uint8Array;

/** A zip whose structure cannot be read (truncated, no directory, sizes pointing outside the file). */
export class ZipFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ZipFormatError";
  }
}

const EOCD = 0x06054b50;
const EOCD64_LOCATOR = 0x07064b50;
const EOCD64 = 0x06064b50;
const CENTRAL_HEADER = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const NO_32BIT_VALUE = 0xffffffff;
/** The end record (22 bytes) plus the longest comment a zip may carry. */
const MAX_EOCD_DISTANCE = 22 + 0xffff;

function u16(bytes: Uint8Array, at: number): number {
  if (at < 0 || at + 2 > bytes.length) throw new ZipFormatError("zip structure points outside the file");
  return bytes[at] | (bytes[at + 1] << 8);
}

function u32(bytes: Uint8Array, at: number): number {
  if (at < 0 || at + 4 > bytes.length) throw new ZipFormatError("zip structure points outside the file");
  return (bytes[at] | (bytes[at + 1] << 8) | (bytes[at + 2] << 16) | (bytes[at + 3] << 24)) >>> 0;
}

function u64(bytes: Uint8Array, at: number): number {
  return u32(bytes, at) + u32(bytes, at + 4) * 0x1_0000_0000;
}

const utf8 = new TextDecoder("utf-8");

/** Names are UTF-8 when the entry says so (flag bit 11), otherwise one byte per character. */
function entryName(bytes: Uint8Array, flags: number): string {
  if (flags & 0x800) return utf8.decode(bytes);
  let out = "";
  for (let i = 0; i < bytes.length; i++) out += String.fromCharCode(bytes[i]);
  return out;
}

/**
 * The entries in directory order, one at a time, so a caller can stop (too many entries, too much
 * declared) before the rest of a hostile directory is even read.
 */
export function* zipEntries(bytes: Uint8Array): Generator<ZipEntry> {
  let end = bytes.length - 22;
  while (end >= 0 && u32(bytes, end) !== EOCD) {
    if (end === 0 || bytes.length - end >= MAX_EOCD_DISTANCE) throw new ZipFormatError("no end of central directory");
    end--;
  }
  if (end < 0) throw new ZipFormatError("no end of central directory");
  let count = u16(bytes, end + 10);
  let offset = u32(bytes, end + 16);
  let zip64 = end >= 20 && u32(bytes, end - 20) === EOCD64_LOCATOR;
  if (zip64) {
    const record = u64(bytes, end - 12);
    zip64 = record + 56 <= bytes.length && u32(bytes, record) === EOCD64;
    if (zip64) {
      count = u64(bytes, record + 32);
      offset = u64(bytes, record + 48);
    }
  }
  for (let i = 0; i < count; i++) {
    if (u32(bytes, offset) !== CENTRAL_HEADER) throw new ZipFormatError("damaged central directory");
    const flags = u16(bytes, offset + 8);
    const method = u16(bytes, offset + 10);
    let compressedSize = u32(bytes, offset + 20);
    let originalSize = u32(bytes, offset + 24);
    const nameLength = u16(bytes, offset + 28);
    const extraLength = u16(bytes, offset + 30);
    const commentLength = u16(bytes, offset + 32);
    let headerOffset = u32(bytes, offset + 42);
    const nameStart = offset + 46;
    if (nameStart + nameLength > bytes.length) throw new ZipFormatError("zip structure points outside the file");
    const name = entryName(bytes.subarray(nameStart, nameStart + nameLength), flags);
    const extraStart = nameStart + nameLength;
    if (zip64 && (compressedSize === NO_32BIT_VALUE || originalSize === NO_32BIT_VALUE || headerOffset === NO_32BIT_VALUE)) {
      const sizes = zip64Sizes(bytes, extraStart, extraLength, compressedSize, originalSize, headerOffset);
      ({ compressedSize, originalSize, headerOffset } = sizes);
    }
    offset = extraStart + extraLength + commentLength;
    yield { name, method, compressedSize, originalSize, headerOffset };
  }
}

/** The 64-bit values that replace the 32-bit fields set to 0xFFFFFFFF, from the zip64 extra field. */
function zip64Sizes(bytes: Uint8Array, start: number, length: number, compressedSize: number, originalSize: number, headerOffset: number) {
  const end = start + length;
  for (let at = start; at + 4 < end; at += 4 + u16(bytes, at + 2)) {
    if (u16(bytes, at) !== 1) continue;
    // The extra field lists only the values that overflowed, in this order.
    let field = at + 4;
    const next = () => {
      const value = u64(bytes, field);
      field += 8;
      return value;
    };
    const original = originalSize === NO_32BIT_VALUE ? next() : originalSize;
    const compressed = compressedSize === NO_32BIT_VALUE ? next() : compressedSize;
    const offset = headerOffset === NO_32BIT_VALUE ? next() : headerOffset;
    return { compressedSize: compressed, originalSize: original, headerOffset: offset };
  }
  throw new ZipFormatError("zip64 entry without its sizes");
}

/** The entry's bytes: stored ones copied, deflated ones inflated by `inflateRaw` into at most the declared size. */
export function readZipEntry(bytes: Uint8Array, entry: ZipEntry, inflateRaw: RawInflate): Uint8Array {
  if (u32(bytes, entry.headerOffset) !== LOCAL_HEADER) throw new ZipFormatError(`damaged local header of ${entry.name}`);
  const start = entry.headerOffset + 30 + u16(bytes, entry.headerOffset + 26) + u16(bytes, entry.headerOffset + 28);
  const end = start + entry.compressedSize;
  if (end > bytes.length) throw new ZipFormatError(`${entry.name} is cut off`);
  const data = bytes.subarray(start, end);
  if (entry.method === 0) return data.slice();
  if (entry.method === 8) return inflateRaw(data, entry.originalSize);
  throw new ZipFormatError(`unknown compression type ${entry.method}`);
}

/** The pure inflater: fflate, into a buffer of the declared size (it stops writing at its end). */
export const inflateRawPure: RawInflate = (data, declaredSize) => inflateSync(data, { out: new Uint8Array(declaredSize) });
