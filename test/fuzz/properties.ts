// The fuzz properties, defined once: the jest tests (test/fuzz/*.test.ts, a fixed seed, a modest
// run count) and `npm run fuzz` (test/fuzz/run.ts, many more runs) both run these.
import fc from "fast-check";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { readBooleanWord } from "../../shared/actual";
import { builtInPlans } from "../../shared/catalog";
import { evaluatePlan } from "../../shared/evaluate";
import { importPlanText } from "../../shared/import";
import { t } from "../../shared/i18n";
import { childrenByCode, defaultSettings, IndicatorSchema, PlanSchema, STATUSES, type ActualEntry, type Indicator, type Lang, type Plan } from "../../shared/model";
import { buildFillInWorkbook, FILL_IN_SHEET } from "../../shared/sheet/fill-in";
import { readFillInSheet } from "../../shared/sheet/read-back";
import { isFormula, type SheetModel } from "../../shared/sheet/types";
import { summarize } from "../../shared/summary";
import { validateEntries } from "../../shared/validate";
import { cellValue } from "./arbitraries";
import { compareEntries, editSequence, missingLayoutFindings, moveGrid, newExpectations, recordOp, resolveEdit, type Expectations, type InputField } from "./sheet-edits";

export interface FuzzProperty {
  name: string;
  /** What one run tries: "cases" or "edit sequences". */
  unit: string;
  /** Runs in `npm test`; `npm run fuzz` multiplies them. */
  runs: number;
  make(): fc.IRawProperty<never, boolean>;
}

export const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 20250909);

/** Runs a property the way jest needs it: a fixed seed, the run count from the environment. */
export async function assertProperty(property: FuzzProperty, runs = Number(process.env.FUZZ_RUNS ?? property.runs)): Promise<void> {
  await fc.assert(property.make() as fc.IRawProperty<unknown, boolean>, { seed: FUZZ_SEED, numRuns: runs });
}

/** A built-in plan, shown by its id in a counterexample. */
export class PlanPick {
  constructor(readonly id: string) {}
  get plan(): Plan {
    return builtInPlans().find((p) => p.id === this.id) as Plan;
  }
  toString(): string {
    return this.id;
  }
  [Symbol.for("fast-check/toStringMethod")](): string {
    return this.id;
  }
}
export const plans = (): fc.Arbitrary<PlanPick> => fc.constantFrom(...builtInPlans().map((p) => new PlanPick(p.id)));

// ---------------------------------------------------------------------------------------------
// Cell values into validate / evaluate / summarize.

function isBlank(raw: unknown): boolean {
  return raw === null || raw === undefined || (typeof raw === "string" && raw.trim() === "");
}

/** Whether a value typed for this indicator must get a finding: anything but a clean number or boolean. */
export function needsFinding(raw: unknown, indicator: Indicator, isHeading: boolean, previous: boolean): boolean {
  if (isBlank(raw)) return false;
  const takesWords = !previous && (indicator.comparator === "boolean" || (indicator.comparator === null && !isHeading));
  if (typeof raw === "boolean") return !takesWords;
  if (typeof raw === "number") {
    if (!Number.isFinite(raw) || Math.abs(raw) >= 1e15) return true;
    return !previous && indicator.comparator === "boolean" && raw !== 0 && raw !== 1;
  }
  if (typeof raw === "string") return !(takesWords && readBooleanWord(raw) !== null);
  return true;
}

const cellValues: FuzzProperty = {
  name: "cell values → validate, evaluate, summarize",
  unit: "cases",
  runs: 300,
  make: () =>
    fc.property(
      plans(),
      fc.array(fc.record({ pick: fc.nat(), raw: cellValue, previous: fc.option(cellValue, { nil: undefined }), located: fc.boolean() }), { maxLength: 40 }),
      fc.constantFrom<Lang>("vi", "en"),
      (pick, picks, lang) => {
        const plan = pick.plan;
        const settings = defaultSettings(plan.year, { lang });
        const children = childrenByCode(plan.indicators);
        const used = new Set<string>();
        const entries: ActualEntry[] = [];
        for (const p of picks) {
          const index = p.pick % plan.indicators.length;
          const code = plan.indicators[index].code;
          if (used.has(code)) continue;
          used.add(code);
          const row = 9 + index;
          entries.push({ code, raw: p.raw, ...(p.previous !== undefined ? { previous: p.previous } : {}), location: p.located ? { sheet: FILL_IN_SHEET, cell: `F${row}`, previousCell: `J${row}` } : null });
        }
        const findings = validateEntries(plan, entries, settings);
        for (const f of findings) if (typeof f.message !== "string" || f.message.length === 0 || /\{(where|text|value|code|name|cell|unit|target|factor|suggested|kind|status|parts|sum|count|cells|plan|typed)\}/.test(f.message)) throw new Error(`finding without a message: ${JSON.stringify(f)}`);
        for (const entry of entries) {
          const indicator = plan.indicators.find((i) => i.code === entry.code) as Indicator;
          const isHeading = indicator.comparator === null && children.has(indicator.code);
          const checks: [unknown, boolean, string | undefined][] = [[entry.raw, false, entry.location?.cell]];
          if (indicator.comparator !== "boolean" && entry.previous !== undefined) checks.push([entry.previous, true, entry.location?.previousCell]);
          for (const [raw, previous, cell] of checks) {
            if (!needsFinding(raw, indicator, isHeading, previous)) continue;
            const match = findings.find((f) => f.code === entry.code && (cell === undefined ? f.cell === undefined : f.cell === cell));
            if (!match) throw new Error(`${entry.code}${previous ? " (previous)" : ""}: ${describe(raw)} got no finding${cell ? ` at ${cell}` : ""}`);
            if (cell && match.sheet !== FILL_IN_SHEET) throw new Error(`${entry.code}: finding at ${cell} without its sheet`);
          }
        }
        const evaluations = evaluatePlan(plan, entries, settings);
        if (evaluations.length !== plan.indicators.length) throw new Error("an indicator without an evaluation");
        for (const e of evaluations) {
          if (!STATUSES.includes(e.status)) throw new Error(`${e.code}: status ${String(e.status)}`);
          if (e.percent !== null && !Number.isFinite(e.percent)) throw new Error(`${e.code}: percent ${e.percent}`);
          if (e.actual !== null && typeof e.actual === "number" && !Number.isFinite(e.actual)) throw new Error(`${e.code}: actual ${e.actual}`);
        }
        const summary = summarize(plan, evaluations, settings);
        if (typeof summary.sentence !== "string" || summary.sentence.length === 0 || /NaN|undefined|Infinity/.test(summary.sentence)) throw new Error(`sentence: ${summary.sentence}`);
        return true;
      },
    ) as never,
};

function describe(value: unknown): string {
  if (typeof value === "number") return Number.isNaN(value) ? "NaN" : String(value);
  if (value instanceof Date) return `Date(${value.toISOString()})`;
  return JSON.stringify(value);
}

// ---------------------------------------------------------------------------------------------
// Plan texts into the importer.

const FIXTURE_DIR = join(__dirname, "..", "fixtures", "plan-texts");

let planLines: string[] | null = null;
/** Lines of the plan-text fixtures (a numbered city plan, prose, OCR, NFD, tables…). */
export function fixtureLines(): string[] {
  planLines ??= readdirSync(FIXTURE_DIR)
    .filter((f) => f.endsWith(".txt"))
    .sort()
    .flatMap((f) => readFileSync(join(FIXTURE_DIR, f), "utf8").split(/\r?\n/))
    .filter((l) => l.trim().length > 0);
  return planLines;
}

const hostileLine = fc.oneof(
  fc.string({ maxLength: 80 }),
  fc.string({ unit: "grapheme", maxLength: 60 }),
  fc.constantFrom(
    "1. Tổng thu ngân sách đạt 1e308 tỷ đồng",
    "2. Tốc độ tăng trưởng 99999999999999999999999 %",
    "3. Giảm tỷ lệ hộ nghèo xuống dưới -0 %",
    "4. =HYPERLINK(\"http://x\",\"y\") đạt 100 %",
    "5. Thu hút NaN lượt khách; Infinity người",
    "a) b) c) d)",
    "I. II. III. IV.",
    "1.1.1.1.1.1.1.1.1.1.1.1. Chỉ tiêu lồng sâu đạt 5 người",
    "|||||",
    "\u0000\u0001\u0002",
    "\uFEFFKẾ HOẠCH",
    "Năm 99999",
  ),
);

const planText: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      { weight: 4, arbitrary: fc.nat().map((i) => fixtureLines()[i % fixtureLines().length]) },
      { weight: 1, arbitrary: fc.nat().map((i) => fixtureLines()[i % fixtureLines().length].normalize("NFD")) },
      { weight: 2, arbitrary: hostileLine },
    ),
    { maxLength: 60 },
  )
  .chain((lines) => fc.constantFrom("\n", "\r\n", "\n\n", " ").map((sep) => lines.join(sep)));

const planTexts: FuzzProperty = {
  name: "plan texts → importPlanText",
  unit: "cases",
  runs: 150,
  make: () =>
    fc.property(planText, fc.constantFrom<Lang>("vi", "en"), (text, lang) => {
      const result = importPlanText(text, { lang });
      const internal = t("import.warning.internal", { detail: "" }, lang).split("(")[0];
      const broken = result.warnings.find((w) => w.message.startsWith(internal));
      if (broken) throw new Error(broken.message);
      for (const ind of result.indicators) {
        const parsed = IndicatorSchema.safeParse({ ...ind, confidence: undefined, span: undefined, reasons: undefined });
        if (!parsed.success) throw new Error(`indicator ${ind.code} does not validate: ${parsed.error.message}`);
        if (!(ind.confidence >= 0 && ind.confidence <= 1)) throw new Error(`indicator ${ind.code}: confidence ${ind.confidence}`);
      }
      if (result.plan) {
        const parsed = PlanSchema.safeParse(result.plan);
        if (!parsed.success) throw new Error(`plan does not validate: ${parsed.error.message}`);
      }
      return true;
    }) as never,
};

// ---------------------------------------------------------------------------------------------
// Sheet edits between two loads, in the core: build → edit → read → rebuild → read.

/** The values a host reads from a sheet model: formulas show "" (not yet calculated), blanks "". */
export function hostView(sheet: SheetModel): unknown[][] {
  return sheet.cells.map((row) => row.map((c) => (c === null || isFormula(c) ? "" : c)));
}

/** The fields a destroyed header makes unreadable. */
export function fieldsLostWith(begins: string | null): InputField[] | "all" {
  if (begins === "Mã" || begins === "Thực hiện") return "all";
  if (begins === "Ghi chú") return ["note"];
  return [];
}

export function withoutFields(expect: Expectations, lost: InputField[]): Expectations {
  if (lost.length === 0) return expect;
  const values = new Map([...expect.values].map(([code, fields]) => {
    const copy = { ...fields };
    for (const f of lost) delete copy[f];
    return [code, copy] as const;
  }));
  return { ...expect, values };
}

const coreSheetEdits: FuzzProperty = {
  name: "sheet edits between loads (core)",
  unit: "edit sequences",
  runs: 200,
  make: () =>
    fc.property(plans(), editSequence({ rename: true, destroyHeader: true }), (pick, edits) => {
      const plan = pick.plan;
      let grid = hostView(buildFillInWorkbook(plan, {}).sheets[0]);
      let name = FILL_IN_SHEET;
      const expect = newExpectations(name);
      for (const edit of edits) {
        const op = resolveEdit(edit, grid, name);
        if (op.kind === "move" || op.kind === "delete-code") grid = moveGrid(grid, op.move);
        else if (op.kind === "set" || op.kind === "header") {
          while (grid.length <= op.row) grid.push([]);
          while (grid[op.row].length <= op.col) grid[op.row].push("");
          grid[op.row][op.col] = op.kind === "set" ? (op.value === null ? "" : op.value) : op.text;
        } else if (op.kind === "rename") name = op.name;
        recordOp(expect, op);
      }
      const read = readFillInSheet(grid, name, { plan });
      const problems = missingLayoutFindings(expect, read.problems);
      if (problems.length) throw new Error(problems.join("\n"));
      const lost = fieldsLostWith(expect.destroyedHeader);
      if (lost === "all") {
        if (read.entries.length !== 0) throw new Error("entries read from a sheet whose key or actual column is gone");
        return true;
      }
      const wanted = withoutFields(expect, lost);
      const diff = compareEntries(wanted, read.entries);
      if (diff.length) throw new Error(`read back:\n${diff.join("\n")}`);
      for (const e of read.entries) if (e.location?.sheet !== name) throw new Error(`${e.code}: location on sheet ${e.location?.sheet}, not ${name}`);
      // Reload: the plan written again with what was read; everything typed is in the new sheet.
      const again = readFillInSheet(hostView(buildFillInWorkbook(plan, { entries: read.entries }).sheets[0]), FILL_IN_SHEET, { plan });
      if (again.problems.length) throw new Error(`reloaded sheet: ${again.problems.map((p) => p.message).join("; ")}`);
      const diff2 = compareEntries(wanted, again.entries);
      if (diff2.length) throw new Error(`after reload:\n${diff2.join("\n")}`);
      return true;
    }) as never,
};

export const CORE_PROPERTIES: FuzzProperty[] = [cellValues, planTexts, coreSheetEdits];
