// What a workbook carries about itself, so `check`, `evaluate` and `summary` work on a file made on
// another machine from a plan file that is not here:
//
// a very hidden sheet `_chitieu` holds one fact per row, the key in column A and the value from
// column B on. A value longer than one cell may hold (32 767 characters) continues in C, D …; the
// plan itself is stored this way as JSON under the key `planJson`. Nothing in the sheet is a
// formula, and no visible sheet depends on it: deleting it only means `check` needs `--plan`.
import type { SheetModel, WorkbookModel } from "../shared/sheet/types";

export const METADATA_SHEET = "_chitieu";
export const PLAN_JSON_KEY = "planJson";
/** The name of the sheet users type into, so readers look there first. */
export const INDICATOR_SHEET_KEY = "indicatorSheet";
/** Below Excel's 32 767-character cell limit, with room to spare. */
const CHUNK = 30000;

export function metadataSheet(metadata: Record<string, string>): SheetModel {
  const cells = Object.entries(metadata).map(([key, value]) => [key, ...chunks(value)]);
  return {
    name: METADATA_SHEET,
    role: "lists",
    cells,
    numberFormats: cells.map((row) => row.map(() => "@")),
    styles: [],
    merges: [],
    columns: [{ width: 20 }, { width: 60 }],
    conditionalRules: [],
    validations: [],
    editable: [],
    protection: { enabled: false },
    names: [],
    hidden: true,
    font: { name: "Calibri", size: 11 },
  };
}

/** The workbook with its metadata sheet added (replacing one the model may already carry). */
export function withMetadataSheet(model: WorkbookModel, extra: Record<string, string> = {}): WorkbookModel {
  const metadata = { ...model.metadata, ...extra };
  return { ...model, metadata, sheets: [...model.sheets.filter((s) => s.name !== METADATA_SHEET), metadataSheet(metadata)] };
}

/** Reads the facts back from the metadata sheet's grid. */
export function readMetadata(grid: unknown[][]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const row of grid) {
    const key = row?.[0];
    if (typeof key !== "string" || key.length === 0) continue;
    out[key] = row
      .slice(1)
      .map((v) => (v === null || v === undefined ? "" : String(v)))
      .join("");
  }
  return out;
}

function chunks(value: string): string[] {
  if (value.length <= CHUNK) return [value];
  const out: string[] = [];
  let start = 0;
  while (start < value.length) {
    let end = Math.min(start + CHUNK, value.length);
    // Never split a surrogate pair: half a character is not valid XML text.
    const last = value.charCodeAt(end - 1);
    if (end < value.length && last >= 0xd800 && last <= 0xdbff) end--;
    out.push(value.slice(start, end));
    start = end;
  }
  return out;
}
