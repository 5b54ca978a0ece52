// The list of units expected to report: a plain text file (one unit a line) or a sheet (the
// assignment table, or any sheet with a "Đơn vị" column, or just names in the first column).
import { foldDiacritics } from "../actual";
import { unitKey } from "./assignment";

export interface ExpectedUnit {
  unit: string;
  group: string | null;
}

/**
 * One unit a line. Blank lines and lines starting with "#" are skipped; a leading number
 * ("1.", "2)", "3 -", "4<tab>") is the list's numbering, not part of the name; a unit named twice
 * is kept once.
 */
export function readUnitListText(text: string): ExpectedUnit[] {
  const out: ExpectedUnit[] = [];
  const seen = new Set<string>();
  for (const raw of text.replace(/^\uFEFF/, "").split(/\r?\n/)) {
    const line = raw.normalize("NFC").trim();
    if (line === "" || line.startsWith("#")) continue;
    // Tab-separated (pasted from a sheet): numbering cells and empty cells before the name are dropped.
    const fields = line.split("\t").map((f) => f.trim());
    while (fields.length > 1 && /^\d*[.)]?$/.test(fields[0] as string)) fields.shift();
    const [namePart, groupPart] = fields;
    const name = (namePart ?? "").replace(/^\d+\s*(?:[.)\-–:]\s*|\s+(?=\D))/, "").replace(/\s+/g, " ").trim();
    if (name === "") continue;
    const key = unitKey(name);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ unit: name, group: groupPart?.trim() || null });
  }
  return out;
}

const UNIT_HEADER = new Set(["don vi", "ten don vi", "unit", "unit name", "co quan, don vi", "co quan don vi"]);
const GROUP_HEADER = new Set(["cum", "khoi", "cum/khoi", "cum, khoi", "cum khoi", "cum thi dua", "khoi thi dua", "cum/khoi thi dua", "group"]);

/** Names from a sheet: the column headed "Đơn vị" (and "Cụm/Khối" beside it), else the first text column. */
export function readUnitListGrid(grid: readonly (readonly unknown[] | undefined)[]): ExpectedUnit[] {
  let headerRow = -1;
  let unitCol = -1;
  let groupCol = -1;
  for (let r = 0; r < grid.length && headerRow < 0; r++) {
    const row = grid[r] ?? [];
    row.forEach((v, c) => {
      if (typeof v !== "string") return;
      const folded = foldDiacritics(v);
      if (unitCol < 0 && UNIT_HEADER.has(folded)) unitCol = c;
      else if (groupCol < 0 && GROUP_HEADER.has(folded)) groupCol = c;
    });
    if (unitCol >= 0) headerRow = r;
    else groupCol = -1;
  }
  if (headerRow < 0) {
    headerRow = -1;
    unitCol = 0;
    for (let c = 0; c < 5; c++) {
      if (grid.some((row) => typeof row?.[c] === "string" && /\p{L}/u.test(row[c] as string))) {
        unitCol = c;
        break;
      }
    }
  }
  const lines: string[] = [];
  for (let r = headerRow + 1; r < grid.length; r++) {
    const row = grid[r] ?? [];
    const name = row[unitCol];
    if (typeof name !== "string" || name.trim() === "") continue;
    const group = groupCol >= 0 && typeof row[groupCol] === "string" ? (row[groupCol] as string) : "";
    lines.push(`\t${name.replace(/\t/g, " ")}\t${group.replace(/\t/g, " ")}`);
  }
  return readUnitListText(lines.join("\n"));
}
