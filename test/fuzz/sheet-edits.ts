// What a user does to a fill-in sheet between two loads of the plan: rows inserted, deleted, moved
// and sorted, a column inserted, the sheet renamed, a header retyped, and values typed into the
// input cells. An edit is generated as data, resolved against what the sheet shows at that moment
// (`resolveEdit`), and applied the same way to a bare grid (the core) or to a fake host's cells.
import fc from "fast-check";
import { foldDiacritics } from "../../shared/actual";
import { STATUSES, type ActualEntry, type Finding } from "../../shared/model";
import { readFillInSheet } from "../../shared/sheet/read-back";
import { REQUIRED_HEADERS } from "../../shared/sheet/fill-in-columns";
import { noteText, overrideStatus, typedValue } from "./arbitraries";

export type InputField = "actual" | "previous" | "note" | "override" | "overrideReason";
export const INPUT_FIELDS: readonly InputField[] = ["actual", "previous", "note", "override", "overrideReason"];

export type HeaderStyle = "upper" | "lower" | "ascii" | "spaces" | "nfd";

export type Edit =
  | { kind: "insert-rows"; at: number; count: number }
  | { kind: "delete-blank-row"; pick: number }
  | { kind: "delete-indicator-row"; pick: number }
  | { kind: "move-row"; from: number; to: number }
  | { kind: "sort"; by: "name" | "code-desc" | "shuffle"; seed: number }
  | { kind: "insert-column"; at: number }
  | { kind: "rename-sheet"; name: string }
  | { kind: "header-cosmetic"; pick: number; style: HeaderStyle }
  | { kind: "header-destroy"; pick: number }
  | { kind: "type"; pick: number; field: InputField; value: string | number | boolean | null };

export const SHEET_NAMES = ["Báo cáo", "Chỉ tiêu (2)", "Sheet1", "ĐÔNG HẢI 2025", "Bảng số liệu", "2025"];

const typeEdit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant("type" as const), pick: fc.nat(), field: fc.constant("actual" as const), value: typedValue }),
  fc.record({ kind: fc.constant("type" as const), pick: fc.nat(), field: fc.constant("previous" as const), value: typedValue }),
  fc.record({ kind: fc.constant("type" as const), pick: fc.nat(), field: fc.constant("note" as const), value: fc.option(noteText, { nil: null }) }),
  fc.record({ kind: fc.constant("type" as const), pick: fc.nat(), field: fc.constant("override" as const), value: fc.option(overrideStatus, { nil: null }) }),
  fc.record({ kind: fc.constant("type" as const), pick: fc.nat(), field: fc.constant("overrideReason" as const), value: fc.option(noteText, { nil: null }) }),
);

export interface EditOptions {
  /** Whether the host follows a renamed sheet (the Sheets add-on finds its sheet by name). */
  rename: boolean;
  /** Whether a header may be retyped beyond recognition. */
  destroyHeader: boolean;
}

export function editArbitrary(options: EditOptions): fc.Arbitrary<Edit> {
  const structural: fc.Arbitrary<Edit>[] = [
    fc.record({ kind: fc.constant("insert-rows" as const), at: fc.nat(), count: fc.integer({ min: 1, max: 3 }) }),
    fc.record({ kind: fc.constant("delete-blank-row" as const), pick: fc.nat() }),
    fc.record({ kind: fc.constant("delete-indicator-row" as const), pick: fc.nat() }),
    fc.record({ kind: fc.constant("move-row" as const), from: fc.nat(), to: fc.nat() }),
    fc.record({ kind: fc.constant("sort" as const), by: fc.constantFrom("name" as const, "code-desc" as const, "shuffle" as const), seed: fc.nat() }),
    fc.record({ kind: fc.constant("insert-column" as const), at: fc.nat() }),
    fc.record({ kind: fc.constant("header-cosmetic" as const), pick: fc.nat(), style: fc.constantFrom<HeaderStyle>("upper", "lower", "ascii", "spaces", "nfd") }),
  ];
  if (options.rename) structural.push(fc.record({ kind: fc.constant("rename-sheet" as const), name: fc.constantFrom(...SHEET_NAMES) }));
  if (options.destroyHeader) structural.push(fc.record({ kind: fc.constant("header-destroy" as const), pick: fc.nat() }));
  return fc.oneof({ weight: 3, arbitrary: typeEdit }, { weight: 2, arbitrary: fc.oneof(...structural) });
}

/** A sequence: values typed first (so there is something to lose), then edits and more typing mixed. */
export function editSequence(options: EditOptions): fc.Arbitrary<Edit[]> {
  return fc.tuple(fc.array(typeEdit, { minLength: 3, maxLength: 12 }), fc.array(editArbitrary(options), { minLength: 1, maxLength: 14 })).map(([typing, rest]) => {
    // At most one header retyped beyond recognition per sequence: two would hide the table.
    let destroyed = false;
    const edits = [...typing, ...rest].filter((e) => e.kind !== "header-destroy" || (!destroyed && (destroyed = true)));
    return edits;
  });
}

/** What an edit does to cell positions: where the cell at (row, col) goes, or null when deleted. */
export type Move = (row: number, col: number) => [number, number] | null;

export type Op =
  | { kind: "move"; move: Move }
  | { kind: "set"; row: number; col: number; value: string | number | boolean | null; code: string; field: InputField }
  | { kind: "header"; row: number; col: number; text: string; destroyed: boolean; begins?: string }
  | { kind: "rename"; name: string }
  | { kind: "delete-code"; move: Move; code: string }
  | { kind: "none" };

function seeded(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state / 2 ** 32;
  };
}

function rowPermutation(first: number, order: number[]): Move {
  // order[i] = the old row now at position first + i
  const target = new Map<number, number>();
  order.forEach((oldRow, i) => target.set(oldRow, first + i));
  return (row, col) => [target.get(row) ?? row, col];
}

export function cosmetic(text: string, style: HeaderStyle): string {
  switch (style) {
    case "upper":
      return text.toUpperCase();
    case "lower":
      return text.toLowerCase();
    case "ascii":
      return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "D");
    case "spaces":
      return `  ${text.replace(/ /g, "  ")} `;
    case "nfd":
      return text.normalize("NFD");
  }
}

/** Resolves an edit against the grid a host shows now (values, 0-based, "" or null for blanks). */
export function resolveEdit(edit: Edit, view: readonly unknown[][], sheetName: string): Op {
  const reading = readFillInSheet(view, sheetName);
  const layout = reading.layout;
  const height = view.length;
  const width = Math.max(0, ...view.map((r) => (Array.isArray(r) ? r.length : 0)));
  const codeCol = layout?.columns.code;
  const dataRows: { row: number; code: string }[] = [];
  if (layout && codeCol !== undefined) {
    for (let row = layout.headerRow + 1; row < height; row++) {
      const cell = view[row]?.[codeCol];
      const code = typeof cell === "string" ? cell.trim() : typeof cell === "number" ? String(cell) : "";
      if (/^\d+(\.\d+)*$/.test(code)) dataRows.push({ row, code });
    }
  }
  switch (edit.kind) {
    case "insert-rows": {
      const at = edit.at % (height + 1);
      return { kind: "move", move: (row, col) => [row >= at ? row + edit.count : row, col] };
    }
    case "delete-blank-row": {
      const blanks: number[] = [];
      for (let row = 0; row < height; row++) {
        if (layout && row === layout.headerRow) continue;
        const line = view[row] ?? [];
        if (line.every((v) => v === null || v === undefined || v === "")) blanks.push(row);
        else if (layout && row < layout.headerRow) blanks.push(row); // a title row above the table
      }
      if (blanks.length === 0) return { kind: "none" };
      const at = blanks[edit.pick % blanks.length];
      return { kind: "move", move: (row, col) => (row === at ? null : [row > at ? row - 1 : row, col]) };
    }
    case "delete-indicator-row": {
      if (dataRows.length <= 1) return { kind: "none" };
      const { row: at, code } = dataRows[edit.pick % dataRows.length];
      return { kind: "delete-code", code, move: (row, col) => (row === at ? null : [row > at ? row - 1 : row, col]) };
    }
    case "move-row": {
      if (dataRows.length < 2) return { kind: "none" };
      const rows = dataRows.map((d) => d.row);
      const first = rows[0];
      const last = rows[rows.length - 1];
      const span = Array.from({ length: last - first + 1 }, (_, i) => first + i);
      const from = span[edit.from % span.length];
      const order = span.filter((r) => r !== from);
      order.splice(edit.to % (order.length + 1), 0, from);
      return { kind: "move", move: rowPermutation(first, order) };
    }
    case "sort": {
      if (dataRows.length < 2 || !layout) return { kind: "none" };
      const first = dataRows[0].row;
      const last = dataRows[dataRows.length - 1].row;
      const span = Array.from({ length: last - first + 1 }, (_, i) => first + i);
      const nameCol = layout.columns.name ?? codeCol ?? 0;
      const random = seeded(edit.seed);
      const keyed = span.map((row) => ({ row, name: String(view[row]?.[nameCol] ?? ""), code: String(view[row]?.[codeCol ?? 0] ?? ""), r: random() }));
      if (edit.by === "name") keyed.sort((a, b) => a.name.localeCompare(b.name, "vi"));
      else if (edit.by === "code-desc") keyed.sort((a, b) => b.code.localeCompare(a.code, "en", { numeric: true }));
      else keyed.sort((a, b) => a.r - b.r);
      return { kind: "move", move: rowPermutation(first, keyed.map((k) => k.row)) };
    }
    case "insert-column": {
      const at = edit.at % (width + 1);
      return { kind: "move", move: (row, col) => [row, col >= at ? col + 1 : col] };
    }
    case "rename-sheet":
      return { kind: "rename", name: edit.name };
    case "header-cosmetic": {
      if (!layout) return { kind: "none" };
      const cols = Object.values(layout.columns).filter((c): c is number => typeof c === "number");
      const visible = cols.filter((c) => typeof view[layout.headerRow]?.[c] === "string" && !String(view[layout.headerRow][c]).startsWith("_"));
      if (visible.length === 0) return { kind: "none" };
      const col = visible[edit.pick % visible.length];
      return { kind: "header", row: layout.headerRow, col, text: cosmetic(String(view[layout.headerRow][col]), edit.style), destroyed: false };
    }
    case "header-destroy": {
      if (!layout) return { kind: "none" };
      const present = REQUIRED_HEADERS.filter((h) => layout.columns[h.key] !== undefined);
      if (present.length === 0) return { kind: "none" };
      const header = present[edit.pick % present.length];
      return { kind: "header", row: layout.headerRow, col: layout.columns[header.key] as number, text: "Cột 1", destroyed: true, begins: header.begins };
    }
    case "type": {
      if (!layout || dataRows.length === 0) return { kind: "none" };
      const col = layout.columns[edit.field];
      if (col === undefined) return { kind: "none" };
      const { row, code } = dataRows[edit.pick % dataRows.length];
      return { kind: "set", row, col, value: edit.value, code, field: edit.field };
    }
  }
}

/** Applies a cell move to a dense grid. */
export function moveGrid(grid: unknown[][], move: Move): unknown[][] {
  const out: unknown[][] = [];
  grid.forEach((line, row) =>
    (line ?? []).forEach((value, col) => {
      if (value === null || value === undefined || value === "") return;
      const to = move(row, col);
      if (!to) return;
      const [r, c] = to;
      while (out.length <= r) out.push([]);
      const target = out[r];
      while (target.length < c) target.push(null);
      target[c] = value;
    }),
  );
  return out.map((line) => Array.from({ length: line.length }, (_, i) => (line[i] === undefined ? null : line[i])));
}

// ---------------------------------------------------------------------------------------------
// What must hold after the edits: every value typed at a code whose row and column survive is read
// back at that code; every deleted indicator row and every destroyed header is a layout finding.

export interface Expectations {
  /** code → field → what the cell holds (as the host stores what was typed). */
  values: Map<string, Partial<Record<InputField, unknown>>>;
  deletedCodes: Set<string>;
  /** The beginning of a required header retyped beyond recognition, if any. */
  destroyedHeader: string | null;
  sheetName: string;
}

export function newExpectations(sheetName: string): Expectations {
  return { values: new Map(), deletedCodes: new Set(), destroyedHeader: null, sheetName };
}

/** Records what an op means for the expectations; `stored` is what the host holds after a `set`. */
export function recordOp(expect: Expectations, op: Op, stored?: unknown): void {
  if (op.kind === "set") {
    const fields = expect.values.get(op.code) ?? {};
    fields[op.field] = stored === undefined ? op.value : stored;
    expect.values.set(op.code, fields);
  } else if (op.kind === "delete-code") {
    expect.deletedCodes.add(op.code);
    expect.values.delete(op.code);
  } else if (op.kind === "header" && op.destroyed) {
    expect.destroyedHeader = op.begins ?? null;
  } else if (op.kind === "rename") {
    expect.sheetName = op.name;
  }
}

function blank(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === "string" && value.trim() === "");
}

/** The value an entry should carry for what a cell holds (the reader trims notes and reasons). */
export function expectedField(field: InputField, stored: unknown): unknown {
  if (blank(stored)) return null;
  if (field === "note" || field === "overrideReason") return String(stored).trim();
  if (field === "override") return STATUSES.find((s) => s.toLowerCase() === String(stored).normalize("NFC").trim().toLowerCase()) ?? null;
  return stored;
}

export function entryField(entry: ActualEntry | undefined, field: InputField): unknown {
  if (!entry) return null;
  switch (field) {
    case "actual":
      return entry.raw ?? null;
    case "previous":
      return entry.previous ?? null;
    case "note":
      return entry.note ?? null;
    case "override":
      return entry.override?.status ?? null;
    case "overrideReason":
      return entry.override ? entry.override.reason || null : null;
  }
}

/** Differences between what was typed and what a reading gives, as lines for a failure message. */
export function compareEntries(expect: Expectations, entries: ActualEntry[], sameValue: (a: unknown, b: unknown) => boolean = Object.is): string[] {
  const byCode = new Map(entries.map((e) => [e.code, e]));
  const out: string[] = [];
  for (const [code, fields] of expect.values) {
    const entry = byCode.get(code);
    const hasOverride = !blank(fields.override) && expectedField("override", fields.override) !== null;
    for (const field of INPUT_FIELDS) {
      if (!(field in fields)) continue;
      // A reason without a status is not an override: the reader has nowhere to put it.
      if (field === "overrideReason" && !hasOverride) continue;
      const want = expectedField(field, fields[field]);
      const got = entryField(entry, field);
      if (!sameValue(want, got)) out.push(`${code}.${field}: typed ${JSON.stringify(fields[field])}, read ${JSON.stringify(got)}`);
    }
  }
  return out;
}

/** Layout findings the expectations require: a missing row per deleted code, one for a destroyed header. */
export function missingLayoutFindings(expect: Expectations, problems: Finding[]): string[] {
  const out: string[] = [];
  const tableGone = expect.destroyedHeader === "Mã" || expect.destroyedHeader === "Thực hiện";
  for (const code of tableGone ? [] : expect.deletedCodes) {
    if (!problems.some((p) => p.rule === "layout-row-missing" && p.code === code && p.message.includes(code))) out.push(`no layout-row-missing finding for deleted row ${code}`);
  }
  if (expect.destroyedHeader !== null) {
    const begins = expect.destroyedHeader;
    const found = problems.some((p) => p.rule.startsWith("layout-") && (p.rule === "layout-header-missing" || foldDiacritics(p.message).includes(foldDiacritics(begins))));
    if (!found) out.push(`no layout finding for the header "${begins}" retyped`);
  }
  return out;
}

/** Two values equal as a cell holds them (NaN-free; -0 and 0 alike). */
export function sameCellValue(a: unknown, b: unknown): boolean {
  if (typeof a === "number" && typeof b === "number") return a === b;
  return a === b;
}
