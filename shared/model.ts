// The data contract of ../shared/spec/indicators.md as zod schemas; every type is inferred from them.
import { z } from "zod";

export const COMPARATORS = [
  ">=",
  ">",
  "<=",
  "<",
  "=",
  "approx",
  "range",
  "decrease-by",
  "increase-by",
  "boolean",
] as const;
export const ComparatorSchema = z.enum(COMPARATORS);
export type Comparator = z.infer<typeof ComparatorSchema>;

export const LEVELS = ["tinh", "huyen", "xa"] as const;
export const LevelSchema = z.enum(LEVELS);
export type Level = z.infer<typeof LevelSchema>;

const finiteNumber = z.number().refine(Number.isFinite, { message: "not-finite" });
const year = z.number().int().min(1900).max(2200);

export const IndicatorSchema = z
  .object({
    code: z.string().regex(/^\d+(\.\d+)*$/, { message: "code-format" }),
    name: z.string().trim().min(1),
    group: z.string().nullable(),
    unit: z.string(),
    comparator: ComparatorSchema.nullable(),
    target: finiteNumber.nullable(),
    targetMin: finiteNumber.optional(),
    targetMax: finiteNumber.optional(),
    deadlineYear: year.nullable(),
    note: z.string().nullable(),
    /** The children are parts of this amount (e.g. the main revenue sources): their sum may not exceed it. */
    childrenAreParts: z.boolean().optional(),
    /** A second target the text gives for the same indicator ("đạt 4.000 tỷ đồng, tăng 10% so với năm 2025"):
     *  kept for the reader and the report, not judged by the rules. */
    secondary: z
      .object({
        target: finiteNumber.nullable(),
        targetMin: finiteNumber.optional(),
        targetMax: finiteNumber.optional(),
        unit: z.string(),
        comparator: ComparatorSchema,
        note: z.string().optional(),
      })
      .optional(),
    /** How a partial period (6 or 9 months) judges it, when the core's rule (periodKindOf, shared/period.ts) would
     *  class it wrongly: an amount that adds up over the year, a level judged any time, or measured at year end. */
    periodKind: z.enum(["cumulative", "level", "year-end"]).optional(),
    /** Next year's indicator carried over before its target is issued (`next-year --same`): no target yet. */
    targetPending: z.literal(true).optional(),
  })
  .superRefine((ind, ctx) => {
    const c = ind.comparator;
    if (c === "range" && !ind.targetPending) {
      if (ind.targetMin === undefined) ctx.addIssue({ code: "custom", path: ["targetMin"], message: "range-needs-min" });
      if (ind.targetMax === undefined) ctx.addIssue({ code: "custom", path: ["targetMax"], message: "range-needs-max" });
      if (ind.targetMin !== undefined && ind.targetMax !== undefined && ind.targetMin > ind.targetMax)
        ctx.addIssue({ code: "custom", path: ["targetMin"], message: "range-min-above-max" });
    } else if (c !== "range") {
      if (ind.targetMin !== undefined || ind.targetMax !== undefined)
        ctx.addIssue({ code: "custom", path: ["targetMin"], message: "bounds-only-for-range" });
    }
    if (c !== null && c !== "range" && c !== "boolean" && ind.target === null && !ind.targetPending)
      ctx.addIssue({ code: "custom", path: ["target"], message: "target-required" });
    if ((c === null || c === "boolean") && ind.target !== null)
      ctx.addIssue({ code: "custom", path: ["target"], message: "target-not-allowed" });
  });
export type Indicator = z.infer<typeof IndicatorSchema>;

export const PlanSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: "id-format" }),
    title: z.string().trim().min(1),
    issuer: z.string().trim().min(1),
    level: LevelSchema,
    year,
    source: z.string().nullable(),
    indicators: z.array(IndicatorSchema).min(1),
  })
  .superRefine((plan, ctx) => {
    for (const issue of codeStructureIssues(plan.indicators)) ctx.addIssue({ code: "custom", ...issue });
  });
export type Plan = z.infer<typeof PlanSchema>;

export interface CodeStructureIssue {
  path: (string | number)[];
  message: "duplicate-code" | "parent-missing";
  params: Record<string, string>;
}

/** Codes unique, and every "4.1" after its "4". Works on unvalidated data too, so a file with other
 *  errors still gets these reported in the same pass. */
export function codeStructureIssues(indicators: readonly unknown[]): CodeStructureIssue[] {
  const issues: CodeStructureIssue[] = [];
  const seen = new Set<string>();
  indicators.forEach((ind, i) => {
    const code = (ind as { code?: unknown } | null)?.code;
    if (typeof code !== "string") return;
    if (seen.has(code)) {
      issues.push({ path: ["indicators", i, "code"], message: "duplicate-code", params: { code } });
      return;
    }
    const parent = parentCode(code);
    if (parent !== null && !seen.has(parent)) issues.push({ path: ["indicators", i, "code"], message: "parent-missing", params: { code, parent } });
    seen.add(code);
  });
  return issues;
}

/** "4.1" → "4"; "4" → null. */
export function parentCode(code: string): string | null {
  const dot = code.lastIndexOf(".");
  return dot < 0 ? null : code.slice(0, dot);
}

/** Nesting depth: "4" → 0, "4.1" → 1. */
export function depthOf(code: string): number {
  let depth = 0;
  for (const ch of code) if (ch === ".") depth++;
  return depth;
}

export function isTopLevel(ind: Pick<Indicator, "code">): boolean {
  return depthOf(ind.code) === 0;
}

/** Codes of the direct children of each indicator, in plan order. */
export function childrenByCode(indicators: readonly Indicator[]): Map<string, Indicator[]> {
  const map = new Map<string, Indicator[]>();
  for (const ind of indicators) {
    const parent = parentCode(ind.code);
    if (parent === null) continue;
    const list = map.get(parent);
    if (list) list.push(ind);
    else map.set(parent, [ind]);
  }
  return map;
}

export const LOWER_IS_BETTER: ReadonlySet<Comparator> = new Set<Comparator>(["<=", "<"]);

// ---------------------------------------------------------------------------------------------
// Evaluation vocabulary, shared by the core's judgement and every host.

export const STATUSES = ["Vượt", "Đạt", "Không đạt", "Chưa có số liệu", "Chưa đến hạn"] as const;
export const StatusSchema = z.enum(STATUSES);
export type Status = z.infer<typeof StatusSchema>;

export const OverrideSchema = z.object({
  status: StatusSchema,
  reason: z.string().trim().min(1),
});
export type Override = z.infer<typeof OverrideSchema>;

/** What a unit entered for one indicator, from a sheet, a file or a form. */
export interface ActualEntry {
  code: string;
  /** As typed: a number, a boolean word, text, a cell error ("#DIV/0!"), or null when blank. */
  raw: unknown;
  /** Last year's actual ("Thực hiện năm trước"), when entered. */
  previous?: unknown;
  /** The estimate ("Số ước thực hiện"), when the sheet has that column; judged when `raw` is blank. */
  estimate?: unknown;
  note?: string | null;
  override?: Override | null;
  /** Where it came from, for messages: e.g. { sheet: "Chỉ tiêu", cell: "F12" }. */
  location?: { sheet?: string; cell?: string; previousCell?: string; estimateCell?: string } | null;
}

export const COUNT_LEVELS = ["top", "leaf"] as const;
export type CountLevel = (typeof COUNT_LEVELS)[number];
export type Lang = "vi" | "en";

/** The period a workbook reports on: six months, nine months, the whole year (shared/period.ts). */
export const PERIODS = ["6-thang", "9-thang", "ca-nam"] as const;
export type Period = (typeof PERIODS)[number];

export const SettingsSchema = z.object({
  /** The report year; indicators whose deadline is later are "Chưa đến hạn". */
  reportYear: year,
  /** Completion (0–1) from which a miss is shown amber. */
  amberBand: z.number().min(0).max(1).default(0.9),
  amberLabel: z.string().trim().min(1).default("Gần đạt"),
  /** Tolerance of the `approx` comparator (0–1). */
  approxTolerance: z.number().min(0).max(1).default(0.05),
  countLevel: z.enum(COUNT_LEVELS).default("top"),
  lang: z.enum(["vi", "en"]).default("vi"),
  /** The period reported on; absent: the whole year. */
  period: z.enum(PERIODS).optional(),
  /** Share of the annual plan (0–1) an amount must reach to be on track in a partial period; absent: the share of the year elapsed. */
  progressShare: z.number().min(0).max(1).optional(),
});
export type Settings = z.infer<typeof SettingsSchema>;

export function defaultSettings(reportYear: number, overrides: Partial<Settings> = {}): Settings {
  return SettingsSchema.parse({ reportYear, ...overrides });
}

/** The verdict on one indicator, as `evaluatePlan` (shared/evaluate.ts) gives it. */
export interface Evaluation {
  code: string;
  indicator: Indicator;
  /** The actual as read (shared/actual.ts); null when blank or unreadable. */
  actual: number | boolean | null;
  previous: number | null;
  /** Completion against the target, in percent (98.5 = 98,5 %); null when it has no meaning. */
  percent: number | null;
  /** "So cùng kỳ (%)": actual / last year's actual × 100, when both are numbers. */
  yoyPercent: number | null;
  /** The status the rules give. */
  computedStatus: Status;
  /** The status shown: the override's when there is one, else the computed one. */
  status: Status;
  override: Override | null;
  /** Missed, but within the amber band (e.g. ≥ 90 % of the way): shown amber, labelled settings.amberLabel. */
  nearMiss: boolean;
  /** 0 for a top-level indicator, 1 for "4.1" … */
  depth: number;
  /** A heading judged from its children (comparator null). */
  fromChildren: boolean;
  /** What the Đánh giá cell shows: in a partial period "Đạt tiến độ", "Chậm tiến độ" or "Chưa đến kỳ đánh giá"
   *  (status then holds Đạt, Không đạt or Chưa đến hạn); otherwise the status itself. */
  label?: string;
}

/** One problem found in entered actuals or in a sheet's layout (shared/validate.ts). */
export interface Finding {
  severity: "error" | "warning";
  /** Which rule: "blank", "not-a-number", "cell-error", "number-as-text", "negative", "rate-above-100",
   *  "fraction-of-rate", "fractional-count", "unit-slip", "impossible", "parts-exceed-parent",
   *  "boolean-word", "layout-*" … */
  rule: string;
  /** Indicator code, or null for a finding about the sheet itself. */
  code: string | null;
  sheet?: string;
  /** A1 reference of the cell, when the input came from a sheet. */
  cell?: string;
  message: string;
  /** A one-click fix a host can offer: for a number typed as text, the number it reads as; for a
   *  unit slip, the figure divided (or multiplied) by the factor, with `from` the figure as typed. */
  fix?: { value: number; from?: number | string };
  /** The plan section of the indicator ("I. Chỉ tiêu kinh tế", or "4. Giáo dục" for a sub-item in a plan
   *  without sections; "" for the plan's unnamed section), set by the workflow's findingsOf. */
  section?: string;
}
