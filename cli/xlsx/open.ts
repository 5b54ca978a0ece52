// Opening an .xlsx from a path: what only the file system can tell (missing, a folder, its size)
// is checked before the file is read whole; everything about the bytes is xlsx-reader/package.ts.
import { readFileSync, statSync } from "node:fs";
import { inflateRawSync } from "node:zlib";
import { bookFromPackage, type XlsxBook } from "../../xlsx-reader/read";
import { isNeededPart, refuseByNameAndSize, unzipXlsx, XlsxFileError, type XlsxPackage } from "../../xlsx-reader/package";
import { inflateRawPure, type RawInflate } from "../../xlsx-reader/zip-entries";

// The CLI's modules and tests import these from here.
export { LIMITS, XlsxFileError } from "../../xlsx-reader/package";

/** Reads the file and inflates only the parts a reader needs, after checking size, format and ratios. */
export function openXlsxSafely(path: string, wanted: (name: string) => boolean = isNeededPart): XlsxPackage {
  let size: number;
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) throw new XlsxFileError("xlsx.is-directory");
    size = stat.size;
  } catch (error) {
    if (error instanceof XlsxFileError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new XlsxFileError(code === "ENOENT" ? "xlsx.missing" : "xlsx.unreadable", { detail: code ?? String(error) });
  }
  refuseByNameAndSize(path, size);
  return unzipXlsx(readFileSync(path), wanted, undefined, inflateRawNative);
}

/**
 * Node's zlib, several times faster than the pure inflater. zlib stops with an error, not a cut,
 * at the declared size, so a part holding more than it declares is left to the pure inflater,
 * which cuts it there: both read such a file the same way, and neither allocates beyond the
 * declaration.
 */
export const inflateRawNative: RawInflate = (data, declaredSize) => {
  let inflated: Buffer;
  try {
    inflated = inflateRawSync(data, { maxOutputLength: Math.max(1, declaredSize) });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE") return inflateRawPure(data, declaredSize);
    throw error;
  }
  if (inflated.length > declaredSize) return inflateRawPure(data, declaredSize);
  return new Uint8Array(inflated.buffer, inflated.byteOffset, inflated.length);
};

export function readXlsxFile(path: string): XlsxBook {
  return bookFromPackage(openXlsxSafely(path));
}
