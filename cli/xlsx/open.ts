// Opening an .xlsx from a path: what only the file system can tell (missing, a folder, its size)
// is checked before the file is read whole; everything about the bytes is cli/xlsx/package.ts.
import { readFileSync, statSync } from "node:fs";
import { bookFromPackage, type XlsxBook } from "./read";
import { isNeededPart, refuseByNameAndSize, unzipXlsx, XlsxFileError, type XlsxPackage } from "./package";

// The CLI's modules and tests import these from here.
export { LIMITS, XlsxFileError } from "./package";

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
  return unzipXlsx(readFileSync(path), wanted);
}

export function readXlsxFile(path: string): XlsxBook {
  return bookFromPackage(openXlsxSafely(path));
}
