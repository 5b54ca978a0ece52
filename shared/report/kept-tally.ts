// Where a workbook keeps the tally of the unit's report ("Dán báo cáo" in the add-ins,
// `read-report --into` in the CLI), and which copy counts when there are two.
//
// The one source of truth is the hidden plan sheet `_chitieu`, row `reportTally` (key in A, the
// JSON of a StoredTally in B): it is the only copy every reader sees — the CLI (`check`, `summary`)
// reads nothing else, and it travels with the file (saved from Excel, downloaded from Sheets).
// The add-ins also keep it in their document state (Excel's add-in setting, Sheets' document
// properties), written in the same request as the sheet, so the two agree whenever an add-in wrote
// last. They differ only when another program wrote the file: `read-report --into` sets the sheet
// alone, leaving an older tally in the document state — so the SHEET WINS. The document state is the
// fallback, for a workbook whose `_chitieu` sheet lost the row or holds one that does not read
// (deleted sheet, a file from before the row existed, a cell edited by hand).
import { cellA1 } from "../sheet/a1";
import type { StoredTally } from "./tally-check";

/** The metadata key (sheet _chitieu); the same as REPORT_TALLY_KEY in tally-check.ts. */
export const KEPT_TALLY_KEY = "reportTally";

/** The `_chitieu` value as written for a tally: the CLI's format, JSON of the five fields in order. */
export function tallyValue(tally: StoredTally): string {
  return JSON.stringify({ total: tally.total, achievedOrExceeded: tally.achievedOrExceeded, exceeded: tally.exceeded, notAchieved: tally.notAchieved, text: tally.text });
}

const count = (v: unknown): v is number | null => v === null || (typeof v === "number" && Number.isFinite(v));

/** A `_chitieu` value read back as a tally; null when it is missing or does not read as one. */
export function tallyFromValue(value: string | undefined | null): StoredTally | null {
  if (typeof value !== "string" || value.trim() === "") return null;
  let raw: unknown;
  try {
    raw = JSON.parse(value);
  } catch {
    return null;
  }
  if (typeof raw !== "object" || raw === null) return null;
  const t = raw as Record<string, unknown>;
  if (!count(t.total) || !count(t.achievedOrExceeded) || !count(t.exceeded ?? null) || !count(t.notAchieved ?? null)) return null;
  return { total: t.total, achievedOrExceeded: t.achievedOrExceeded, exceeded: (t.exceeded ?? null) as number | null, notAchieved: (t.notAchieved ?? null) as number | null, text: typeof t.text === "string" ? t.text : "" };
}

/** The tally that counts: the `_chitieu` sheet's when it reads, else the document state's (see the head of this file). */
export function keptTally(sheetValue: string | undefined | null, state: StoredTally | null | undefined): StoredTally | null {
  return tallyFromValue(sheetValue) ?? state ?? null;
}

/**
 * The cells that set `key` in a metadata sheet whose values are `grid` (A1-based, key in column A):
 * the key's row when it has one, else the first row after the grid; the value in B, and any longer
 * old value's continuation cells (C, D …) emptied. Addresses are A1; values are plain text.
 */
export function metadataRowCells(grid: readonly (readonly unknown[] | undefined)[], key: string, value: string): { cell: string; value: string }[] {
  const index = grid.findIndex((row) => row?.[0] === key);
  const row = index >= 0 ? index : lastUsedRow(grid) + 1;
  const old = index >= 0 ? (grid[index] ?? []) : [];
  const cells = [
    { cell: cellA1(row, 0), value: key },
    { cell: cellA1(row, 1), value },
  ];
  for (let c = 2; c < old.length; c++) if (old[c] !== "" && old[c] !== null && old[c] !== undefined) cells.push({ cell: cellA1(row, c), value: "" });
  return cells;
}

function lastUsedRow(grid: readonly (readonly unknown[] | undefined)[]): number {
  for (let r = grid.length - 1; r >= 0; r--) if ((grid[r] ?? []).some((v) => v !== "" && v !== null && v !== undefined)) return r;
  return -1;
}
