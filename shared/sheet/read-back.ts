// Reads a fill-in sheet back from its values, as any host gets them (numbers, text, booleans,
// blanks, error strings). Columns are found by their header texts and rows by the key column
// "Mã", so a user who sorts rows, inserts blank rows or moves and hides columns loses nothing.
// What cannot be matched is reported as a `layout-*` finding, never skipped in silence.
import { t } from "../i18n";
import { STATUSES, type ActualEntry, type Finding, type Lang, type Override, type Plan, type Status } from "../model";
import { a1 } from "./builder";
import { columnKeyOfHeader, REQUIRED_HEADERS } from "./fill-in-columns";
import type { ColumnKey } from "./types";

export { FILL_IN_COLUMNS, REQUIRED_HEADERS, columnKeyOfHeader } from "./fill-in-columns";

/** Where the table was found in the grid (0-based rows and columns). */
export interface ReadLayout {
  headerRow: number;
  firstDataRow: number;
  /** The last row holding an indicator code. */
  lastDataRow: number;
  /** Column of each recognised header, the first one from the left when a header repeats. */
  columns: Partial<Record<ColumnKey, number>>;
  /** Codes in sheet order, as found. */
  rowCodes: string[];
}

export interface FillInReadResult {
  entries: ActualEntry[];
  rowsByCode: Map<string, number>;
  /** Null when no header row was found. */
  layout: ReadLayout | null;
  problems: Finding[];
}

export interface ReadOptions {
  /** With the plan, rows of the plan that are missing and codes that are not in it are reported. */
  plan?: Plan;
  lang?: Lang;
}

const CODE = /^\d+(\.\d+)*$/;
/** A header row has at least this many of the nine required headers. */
const MIN_HEADERS = 5;

function cellAt(grid: readonly unknown[][], row: number, col: number): unknown {
  const line = grid[row];
  return Array.isArray(line) ? line[col] : undefined;
}

function blankToNull(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (typeof value === "string" && value.trim().length === 0) return null;
  return value;
}

function codeOf(value: unknown): string | null {
  if (typeof value === "number" && Number.isFinite(value) && value > 0) return String(value);
  if (typeof value !== "string") return null;
  const text = value.normalize("NFC").trim();
  return CODE.test(text) ? text : null;
}

function findHeader(grid: readonly unknown[][]): { row: number; columns: Partial<Record<ColumnKey, number>> } | null {
  for (let row = 0; row < grid.length; row++) {
    const line = grid[row];
    if (!Array.isArray(line)) continue;
    const columns: Partial<Record<ColumnKey, number>> = {};
    line.forEach((cell, col) => {
      const key = columnKeyOfHeader(cell);
      if (key !== null && columns[key] === undefined) columns[key] = col;
    });
    const found = REQUIRED_HEADERS.filter((h) => columns[h.key] !== undefined).length;
    if (found >= MIN_HEADERS) return { row, columns };
  }
  return null;
}

export function readFillInSheet(grid: readonly unknown[][], sheetName: string, langOrOptions: Lang | ReadOptions = {}): FillInReadResult {
  const options: ReadOptions = typeof langOrOptions === "string" ? { lang: langOrOptions } : langOrOptions;
  const lang = options.lang ?? "vi";
  const problems: Finding[] = [];
  const problem = (severity: Finding["severity"], rule: string, key: string, params: Record<string, string | number>, code: string | null = null, cell?: string): void => {
    problems.push({ severity, rule, code, sheet: sheetName, ...(cell ? { cell } : {}), message: t(key, { sheet: sheetName, ...params }, lang) });
  };
  const empty = (layout: ReadLayout | null): FillInReadResult => ({ entries: [], rowsByCode: new Map(), layout, problems });

  const header = findHeader(grid);
  if (!header) {
    problem("error", "layout-header-missing", "layout.header-missing", {});
    return empty(null);
  }
  const { columns } = header;
  const headerRow = header.row;
  const layout: ReadLayout = { headerRow, firstDataRow: headerRow + 1, lastDataRow: headerRow, columns, rowCodes: [] };
  for (const required of REQUIRED_HEADERS) {
    if (columns[required.key] !== undefined) continue;
    if (required.key === "code") problem("error", "layout-key-column-missing", "layout.key-column-missing", { row: headerRow + 1 });
    else problem(required.key === "actual" ? "error" : "warning", "layout-column-missing", "layout.column-missing", { row: headerRow + 1, column: required.begins });
  }
  const codeCol = columns.code;
  const actualCol = columns.actual;
  if (codeCol === undefined || actualCol === undefined) return empty(layout);

  const known = options.plan ? new Map(options.plan.indicators.map((ind) => [ind.code, ind])) : null;
  const entries: ActualEntry[] = [];
  const rowsByCode = new Map<string, number>();
  const duplicates = new Map<string, number[]>();
  for (let row = headerRow + 1; row < grid.length; row++) {
    const code = codeOf(cellAt(grid, row, codeCol));
    if (code === null) continue;
    layout.rowCodes.push(code);
    layout.lastDataRow = row;
    if (rowsByCode.has(code)) {
      const rows = duplicates.get(code) ?? [rowsByCode.get(code) as number];
      rows.push(row);
      duplicates.set(code, rows);
      continue;
    }
    if (known && !known.has(code)) {
      problem("warning", "layout-unknown-code", "layout.unknown-code", { code }, code, a1(row, codeCol));
      continue;
    }
    rowsByCode.set(code, row);
    entries.push(readRow(grid, row, code, columns, sheetName, (text, cell) =>
      problem("warning", "layout-bad-override", "layout.bad-override", { text, cell }, code, cell),
    ));
  }
  for (const [code, rows] of duplicates) {
    const cells = rows.map((r) => a1(r, codeCol)).join(", ");
    problem("error", "layout-duplicate-code", "layout.duplicate-code", { code, cells }, code, a1(rows[1], codeCol));
  }
  if (options.plan) {
    for (const ind of options.plan.indicators) {
      if (!rowsByCode.has(ind.code)) problem("error", "layout-row-missing", "layout.row-missing", { code: ind.code, name: ind.name }, ind.code);
    }
  }
  return { entries, rowsByCode, layout, problems };
}

function readRow(
  grid: readonly unknown[][],
  row: number,
  code: string,
  columns: Partial<Record<ColumnKey, number>>,
  sheet: string,
  badOverride: (text: string, cell: string) => void,
): ActualEntry {
  const at = (key: ColumnKey): unknown => {
    const col = columns[key];
    return col === undefined ? null : blankToNull(cellAt(grid, row, col));
  };
  const actualCol = columns.actual as number;
  const entry: ActualEntry = { code, raw: at("actual"), location: { sheet, cell: a1(row, actualCol) } };
  if (columns.previous !== undefined) {
    const previous = at("previous");
    if (previous !== null) entry.previous = previous;
    (entry.location as { previousCell?: string }).previousCell = a1(row, columns.previous);
  }
  if (columns.estimate !== undefined) {
    // The estimate column ("Số ước thực hiện"), which workbooks made before it do not have.
    const estimate = at("estimate");
    if (estimate !== null) entry.estimate = estimate;
    (entry.location as { estimateCell?: string }).estimateCell = a1(row, columns.estimate);
  }
  const note = at("note");
  entry.note = note === null ? null : String(note).trim();
  const overrideText = at("override");
  if (overrideText !== null && columns.override !== undefined) {
    const status = String(overrideText).normalize("NFC").trim();
    const reason = at("overrideReason");
    const match = STATUSES.find((s) => s.toLowerCase() === status.toLowerCase());
    if (match) entry.override = { status: match as Status, reason: reason === null ? "" : String(reason).trim() } as Override;
    else badOverride(String(overrideText), a1(row, columns.override));
  }
  return entry;
}

/** The columns a user types into; a reload must find every one of them or it would drop what they hold. */
const INPUT_COLUMNS: readonly { key: ColumnKey; header: string }[] = [
  { key: "actual", header: "Thực hiện" },
  { key: "previous", header: "Thực hiện năm trước" },
  { key: "note", header: "Ghi chú" },
  { key: "override", header: "Đánh giá điều chỉnh" },
  { key: "overrideReason", header: "Giải trình" },
];

const BLOCKING_LAYOUT_RULES = new Set(["layout-header-missing", "layout-key-column-missing", "layout-duplicate-code"]);

/**
 * Why a sheet must not be rewritten by "load the plan again": the table or its key cannot be read,
 * or one of the input columns the sheet was written with is no longer found (a renamed header).
 * Hosts call this before overwriting, and stop with these messages when it is not empty, so nothing
 * a user typed is lost. `writtenColumns` are the input columns the existing sheet was made with
 * (all of them for sheets this product wrote); by default every input column is expected.
 */
export function reloadBlockers(
  read: FillInReadResult,
  sheetName: string,
  lang: Lang = "vi",
  writtenColumns: readonly ColumnKey[] = INPUT_COLUMNS.map((c) => c.key),
): Finding[] {
  const blockers: Finding[] = read.problems
    .filter((p) => BLOCKING_LAYOUT_RULES.has(p.rule))
    .map((p) => ({ ...p, rule: "layout-reload-blocked", message: t("layout.reload-blocked-layout", { sheet: sheetName, problem: p.message }, lang) }));
  if (read.layout === null || blockers.length > 0) return blockers;
  for (const column of INPUT_COLUMNS) {
    if (!writtenColumns.includes(column.key) || read.layout.columns[column.key] !== undefined) continue;
    blockers.push({
      severity: "error",
      rule: "layout-reload-blocked",
      code: null,
      sheet: sheetName,
      message: t("layout.reload-blocked", { sheet: sheetName, column: column.header }, lang),
    });
  }
  return blockers;
}
