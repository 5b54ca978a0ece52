// Writing output files without losing anything of the user's, and turning file problems into one line.
import { closeSync, openSync, renameSync, unlinkSync, writeSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { t } from "../i18n";
import type { Lang } from "../../shared/model";
import { UsageError } from "../context";
import { XlsxFileError } from "./open";

/**
 * Writes bytes to `path`. Without `force` an existing file is never touched (the open fails
 * atomically with EEXIST); with `force` the new content is written beside it first and moved over
 * it, so a failed write never leaves half a file where the user's file was.
 */
export function writeNewFile(path: string, bytes: Uint8Array, force: boolean, lang: Lang): void {
  const shown = basename(path);
  try {
    if (!force) {
      const fd = openSync(path, "wx");
      try {
        writeSync(fd, bytes);
      } finally {
        closeSync(fd);
      }
      return;
    }
    const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
    try {
      const fd = openSync(temporary, "w");
      try {
        writeSync(fd, bytes);
      } finally {
        closeSync(fd);
      }
      renameSync(temporary, path);
    } catch (error) {
      try {
        unlinkSync(temporary);
      } catch {
        // nothing was left behind
      }
      throw error;
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EEXIST") throw new UsageError(t("xlsx.out-exists", { file: shown }, lang));
    const reason: Record<string, string> = { ENOENT: "xlsx.write.no-folder", EACCES: "xlsx.write.no-permission", EPERM: "xlsx.write.no-permission", EISDIR: "xlsx.write.is-folder" };
    const detail = code && reason[code] ? t(reason[code], {}, lang) : (error as Error).message;
    throw new UsageError(t("xlsx.write-failed", { file: shown, detail }, lang));
  }
}

export function requireXlsxName(path: string, lang: Lang): void {
  if (!/\.xlsx$/i.test(path)) throw new UsageError(t("xlsx.out-not-xlsx", { file: path }, lang));
}

/** One line for a file that cannot be used. */
export function fileProblemMessage(error: XlsxFileError, lang: Lang): string {
  return t(error.key, error.params, lang);
}
