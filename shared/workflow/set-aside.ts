// The one sheet where figures that do not carry over to a new plan are kept (never dropped): the
// same sheet, the same columns, in the user's language, in Excel, Sheets and the CLI. A second
// plan change adds rows under the first one's, so nothing set aside earlier is lost either.
import { t } from "../i18n";
import type { ActualEntry, Lang, Plan } from "../model";
import { SheetBuilder } from "../sheet/builder";
import { SHEET_FONT, STYLES } from "../sheet/style";
import type { LiteralValue, WorkbookModel } from "../sheet/types";

/** The sheet's name in each language; a host looks for any of them (the language may have changed). */
export function setAsideSheetNames(): string[] {
  return [t("wf.set-aside.sheet", {}, "vi"), t("wf.set-aside.sheet", {}, "en")];
}

export function setAsideColumns(lang: Lang): string[] {
  return t("wf.set-aside.columns", {}, lang).split("|");
}

/** A cell as the sheet keeps it: numbers, booleans and text as they are; anything else as its text. */
function literal(value: unknown): LiteralValue {
  if (value === null || value === undefined || value === "") return null;
  if (typeof value === "number") return Number.isFinite(value) ? value : String(value);
  if (typeof value === "string" || typeof value === "boolean") return value;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "object" && value !== null && "error" in value) return String((value as { error: unknown }).error);
  return String(value);
}

export interface SetAsideRows {
  /** Rows already in the sheet, below its header, as read. */
  earlier: readonly (readonly unknown[])[];
  entries: readonly ActualEntry[];
  /** The plan the entries were typed for (names their indicators). */
  from: Plan | null;
}

export function setAsideRowsOf(entries: readonly ActualEntry[], from: Plan | null): LiteralValue[][] {
  const names = new Map((from?.indicators ?? []).map((i) => [i.code, i.name]));
  return entries.map((e) => [e.code, names.get(e.code) ?? null, literal(e.raw), literal(e.previous), literal(e.note), e.override?.status ?? null, e.override?.reason ?? null, from?.title ?? null, literal(e.estimate)]);
}

/** The earlier rows of a set-aside sheet's grid (below the header, blank rows left out). */
export function earlierRows(grid: readonly (readonly unknown[])[] | null | undefined, width: number): LiteralValue[][] {
  if (!grid) return [];
  return grid
    .slice(1)
    .filter((row) => Array.isArray(row) && row.some((v) => v !== "" && v !== null && v !== undefined))
    .map((row) => Array.from({ length: width }, (_, i) => literal(row[i])));
}

/** The whole set-aside sheet: header, what it held, then the newly set-aside entries. */
export function setAsideWorkbook(sheet: string, rows: SetAsideRows, lang: Lang): { model: WorkbookModel; rows: number } {
  const columns = setAsideColumns(lang);
  const b = new SheetBuilder(sheet, "register", SHEET_FONT);
  columns.forEach((h, i) => b.set(0, i, h).width(i, i === 1 || i === 4 || i === 6 || i === 7 ? 36 : 14));
  const all = [...earlierRows(rows.earlier as unknown[][], columns.length), ...setAsideRowsOf(rows.entries, rows.from)];
  all.forEach((cells, r) => cells.forEach((v, c) => b.set(r + 1, c, v, c === 0 ? "@" : null)));
  b.style({ row: 0, col: 0, rows: 1, cols: columns.length }, STYLES.tableHeader);
  return { model: { sheets: [b.finish(columns.length)], metadata: {} }, rows: all.length };
}
