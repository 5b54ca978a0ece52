// Reading the many-units inputs from disk: the assignment table (.xlsx) and the list of expected
// units (.txt or .xlsx). The rules are in the core (shared/consolidation/); this only finds the
// sheet and turns unusable files into one line.
import { readFileSync, statSync } from "node:fs";
import { resolve } from "node:path";
import { readAssignmentTable, type AssignmentReadResult } from "../../shared/consolidation/assignment";
import { readUnitListGrid, readUnitListText, type ExpectedUnit } from "../../shared/consolidation/unit-list";
import { t } from "../i18n";
import type { Lang, Plan } from "../../shared/model";
import { UsageError } from "../context";
import { fileProblemMessage } from "../xlsx/files";
import { METADATA_SHEET } from "../../xlsx-reader/metadata";
import { readXlsxFile, XlsxFileError } from "../xlsx/open";
import type { XlsxBook } from "../../xlsx-reader/read";

const MAX_LIST_BYTES = 5 * 1024 * 1024;

function openBook(path: string, shown: string, lang: Lang): XlsxBook {
  try {
    return readXlsxFile(path);
  } catch (error) {
    if (error instanceof XlsxFileError) throw new UsageError(fileProblemMessage(new XlsxFileError(error.key, { ...error.params, file: shown }), lang));
    throw error;
  }
}

function visibleSheets(book: XlsxBook): string[] {
  return book.sheets.filter((s) => s.name !== METADATA_SHEET && s.state === "visible").map((s) => s.name);
}

/** The assignment table of an .xlsx: the first visible sheet that has its header row. */
export function readAssignmentFile(file: string, cwd: string, plan: Plan, lang: Lang): AssignmentReadResult & { sheet: string | null } {
  const book = openBook(resolve(cwd, file), file, lang);
  let first: (AssignmentReadResult & { sheet: string | null }) | null = null;
  for (const sheet of visibleSheets(book)) {
    const result = readAssignmentTable(book.grid(sheet), plan, { sheet, lang });
    if (result.table) return { ...result, sheet };
    first ??= { ...result, sheet };
  }
  return first ?? { table: null, problems: [], sheet: null };
}

/** The expected units: a .txt (one a line) or an .xlsx (the assignment table or a list). */
export function readUnitListFile(file: string, cwd: string, lang: Lang): ExpectedUnit[] {
  const path = resolve(cwd, file);
  let units: ExpectedUnit[];
  if (/\.xlsx$/i.test(file)) {
    const book = openBook(path, file, lang);
    const sheet = visibleSheets(book)[0];
    units = sheet ? readUnitListGrid(book.grid(sheet)) : [];
  } else {
    let text: string;
    try {
      if (statSync(path).size > MAX_LIST_BYTES) throw new Error(`> ${MAX_LIST_BYTES / 1024 / 1024} MB`);
      text = readFileSync(path, "utf8");
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new UsageError(t("cli.file-unreadable", { file, detail: code === "ENOENT" ? t("units.no-such-file", {}, lang) : (error as Error).message }, lang));
    }
    units = readUnitListText(text);
  }
  if (units.length === 0) throw new UsageError(t("units.list-empty", { file }, lang));
  return units;
}
