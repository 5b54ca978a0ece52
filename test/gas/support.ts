// Shared by the Sheets add-on tests: the bundle built once per test file into a temp dir, the
// sandbox that runs it with the fakes, and small readers of the fake grid.
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildAll, EDITIONS, type EditionName } from "../../gas-addon/scripts/build";
import { copyForScriptRun, loadBundle, type GasSandbox } from "../fakes/gas/sandbox";
import type { FakeSheet } from "../fakes/gas/spreadsheet";
import type { Plan } from "../../shared/model";

export interface Built {
  root: string;
  code(edition: EditionName): string;
  sidebar: string;
}

export async function buildToTemp(): Promise<Built> {
  const root = mkdtempSync(join(tmpdir(), "gas-build-"));
  await buildAll(root);
  return {
    root,
    code: (edition) => join(root, EDITIONS[edition], "Code.js"),
    sidebar: readFileSync(join(root, EDITIONS.standard, "Sidebar.html"), "utf8"),
  };
}

export function sandbox(built: Built, edition: EditionName = "standard", options: { activeId?: string; activeName?: string } = {}): GasSandbox {
  return loadBundle(built.code(edition), { htmlFiles: { Sidebar: built.sidebar }, ...options });
}

/** Calls a server function as google.script.run does: arguments and result must be JSON-safe. */
export function run<T = Record<string, unknown>>(box: GasSandbox, name: string, ...args: unknown[]): T & { ok: boolean; message?: string } {
  const result = box.call(name, ...args);
  return copyForScriptRun(result, `${name} result`) as T & { ok: boolean; message?: string };
}

export function loadRequest(plan: string | Plan, unit = "Phường Đông Hải", year = 2025) {
  const source = typeof plan === "string" ? { kind: "builtin", id: plan } : { kind: "reviewed", plan };
  return { source, unit, year, estimate: false, lang: "vi" };
}

/** What a cell shows (literal) or holds (formula), as the tests compare it. */
export function cellOf(sheet: FakeSheet, row: number, col: number) {
  const c = sheet.peek(row, col);
  return { value: c.value, formula: c.formula, numberFormat: c.numberFormat, reinterpreted: c.reinterpreted };
}

/** Types into a cell as a user does in Sheets (the apostrophe-free text a user types is read as typed). */
export function userTypes(sheet: FakeSheet, row: number, col: number, value: string | number | boolean | null): void {
  const cell = sheet.cellAt(row, col);
  cell.value = value;
  cell.formula = null;
}

/** A synthetic plan of `n` indicators (mixed comparators and units), for the call-count measures. */
export function syntheticPlan(n: number): Plan {
  const comparators = [">=", "<=", "boolean", ">=", "range", "approx"] as const;
  const indicators = Array.from({ length: n }, (_, i) => {
    const comparator = comparators[i % comparators.length]!;
    const base = { code: String(i + 1), name: `Chỉ tiêu thử số ${i + 1}`, group: i < n / 2 ? "Kinh tế" : "Xã hội", deadlineYear: null, note: null };
    if (comparator === "boolean") return { ...base, unit: "", comparator, target: null };
    if (comparator === "range") return { ...base, unit: "%", comparator, target: null, targetMin: 8, targetMax: 8.5 };
    return { ...base, unit: comparator === "<=" ? "%" : "tỷ đồng", comparator, target: 100 + i };
  });
  return { id: `synthetic-${n}`, title: `Kế hoạch thử ${n} chỉ tiêu`, issuer: "UBND phường Thử", level: "xa", year: 2025, source: null, indicators } as Plan;
}

import { FILL_IN_COLUMNS } from "../../shared/sheet/fill-in-columns";
import type { ColumnKey } from "../../shared/sheet/types";

export const FILL_IN = "Chỉ tiêu";

export function columnOf(key: ColumnKey): number {
  const i = FILL_IN_COLUMNS.findIndex((c) => c.key === key);
  if (i < 0) throw new Error(`no column ${key}`);
  return i;
}

/** The 0-based row of an indicator code on the fake fill-in sheet, found by the "Mã" column. */
export function rowOfCode(sheet: FakeSheet, code: string): number {
  const col = columnOf("code");
  const { lastRow } = sheet.extent();
  for (let r = 0; r < lastRow; r++) if (sheet.peek(r, col).value === code) return r;
  throw new Error(`code ${code} not on sheet ${sheet.name}`);
}

import { nameReference } from "../../shared/sheet/fill-in";
import { rangeA1 } from "../../shared/sheet/builder";
import type { DefinedName } from "../../shared/sheet/types";

/**
 * What the Sheets adapter writes for a model formula: every workbook name but the table anchor is
 * written as the cells it stands for (a name on the formula's own sheet as `$F$9:$F$38`, one on
 * another sheet as `'Danh mục'!$F$4`, or in a conditional format `INDIRECT("'Danh mục'!$F$4")`).
 * Written independently of the adapter (whole-word replacement of the model's own names), so a
 * test comparing with it checks the adapter's rewriting rather than repeating it.
 */
export function withNamesResolved(formula: string, names: readonly DefinedName[], onSheet: string, inRule = false): string {
  const byLength = [...names].filter((n) => n.name !== "ChiTieu_Bang").sort((a, b) => b.name.length - a.name.length);
  return byLength.reduce((f, n) => {
    const reference = n.sheet === onSheet ? rangeA1(n.range, true) : nameReference(n);
    const written = inRule && n.sheet !== onSheet ? `INDIRECT("${reference}")` : reference;
    return f.replace(new RegExp(`(?<![A-Za-z0-9_.$!])${n.name}(?![A-Za-z0-9_.(!])`, "g"), written);
  }, formula);
}
