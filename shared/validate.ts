// Validation of entered actuals (evaluation.md, "Validation of entered actuals"): one finding per
// problem, naming the indicator and the cell, in Vietnamese or English.
//
// Refinements, documented here and in the README:
// - An indicator missing from `entries` counts as blank, like an empty cell.
// - Blank is not reported for an indicator whose deadline is after the report year (nothing is due
//   yet) nor for a heading judged from its children.
// - "Rate" means a `%` indicator whose name says "tỷ lệ"/"tỉ lệ"/"tỷ trọng", unless it measures a
//   change ("tăng"/"giảm", or the increase-by/decrease-by comparators), which may legitimately be
//   negative.
// - The unit-slip check compares with the target (targetMin for a range). It stays silent for an
//   actual of 0, and its "less than 1/10" half is skipped for indicators not yet due (a 2030 goal
//   is legitimately far off in 2025). A `%` value below 1 that looks like a fraction gets the
//   fraction-of-rate warning instead of a unit slip.
// - The target comparisons are skipped for a value that already has a plausibility error
//   (negative, rate above 100, fractional count): one clear message per value.
// - The previous-year column gets the reading checks (cell error, text, number-as-text, impossible)
//   and the plausibility checks (negative, rate above 100, fractional count), not the ones that
//   compare with this year's target.
import { readActual, foldDiacritics, type ReadActual } from "./actual";
import { t, type MessageParams } from "./i18n";
import "./i18n/judgement";
import { childrenByCode, type ActualEntry, type Finding, type Indicator, type Lang, type Plan, type Settings } from "./model";
import { formatVietnameseNumber } from "./numbers";

export type UnitKind = "money" | "count" | "rate" | "percent" | "other";

const SCALE_WORDS = ["nghin", "ngan", "trieu", "ty"];

/** Units counted in whole things: "3,5 người" is a slip. Folded, without diacritics. */
const COUNT_WORDS = [
  "nguoi", "ho", "luot", "truong", "lop", "can", "doanh nghiep", "hoc sinh", "chau", "thon", "buoi",
  "lao dong", "xa", "phuong", "to dan pho", "nha", "tram", "cong trinh", "du an", "mo hinh", "gia dinh",
  "tuyen", "cong dan", "tre", "benh nhan", "chi tieu", "khu", "cum", "cai", "chiec", "con", "vu", "hop tac xa",
  "co so", "diem", "thanh vien", "dang vien", "hoi vien", "suat", "tau", "xe",
];

/** What kind of quantity a unit measures, for the sign, integer and summing rules. */
export function classifyUnit(indicator: Pick<Indicator, "unit" | "name" | "comparator">): UnitKind {
  const unit = foldDiacritics(indicator.unit);
  if (unit === "%") {
    const name = foldDiacritics(indicator.name);
    const isRate = /\b(ty le|ti le|ty trong|ti trong)\b/.test(name);
    const isChange = /\b(tang|giam)\b/.test(name) || indicator.comparator === "increase-by" || indicator.comparator === "decrease-by";
    return isRate && !isChange ? "rate" : "percent";
  }
  if (unit.length === 0) return "other";
  if (/\b(dong|vnd|usd)\b/.test(unit)) return unit.includes("/") ? "other" : "money";
  if (unit.includes("/")) return "other";
  const firstWord = unit.split(" ")[0] ?? "";
  if (SCALE_WORDS.includes(firstWord)) return "other";
  if (COUNT_WORDS.some((word) => unit === word || unit.startsWith(word + " "))) return "count";
  return "other";
}

/** Amounts add up across units; rates, per-capita figures and the like do not. */
export function isAdditiveUnit(indicator: Pick<Indicator, "unit" | "name" | "comparator">): boolean {
  if (indicator.comparator === "boolean" || indicator.comparator === null) return false;
  if (indicator.comparator === "increase-by" || indicator.comparator === "decrease-by") return false;
  const kind = classifyUnit(indicator);
  if (kind === "money" || kind === "count") return true;
  // "triệu lượt người", "nghìn tấn": scaled counts and quantities add up too.
  const unit = foldDiacritics(indicator.unit);
  return kind === "other" && unit.length > 0 && !unit.includes("/") && !unit.includes("%") && /^(nghin|ngan|trieu|ty) /.test(unit);
}

/** A name short enough for a message: the first words, cut at a word boundary. */
export function shortName(name: string, max = 70): string {
  const text = name.replace(/\s+/g, " ").trim();
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(" ");
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[,;:(–-]+$/, "").trim()}…`;
}

/** A number as the message language writes it: "1.234,5" in Vietnamese, "1,234.5" in English. */
export function formatNumberFor(value: number, lang: Lang): string {
  const vi = formatVietnameseNumber(value, { decimals: Math.abs(value) >= 1 ? 4 : 6, trimZeros: true });
  if (lang === "vi") return vi;
  return vi.replace(/[.,]/g, (mark) => (mark === "." ? "," : "."));
}

interface EntryContext {
  indicator: Indicator;
  entry: ActualEntry | undefined;
  lang: Lang;
}

function where(ctx: EntryContext, previous: boolean): string {
  const params: MessageParams = { code: ctx.indicator.code, name: shortName(ctx.indicator.name) };
  const cell = previous ? ctx.entry?.location?.previousCell : ctx.entry?.location?.cell;
  if (cell) return t(previous ? "judge.where.cell-previous" : "judge.where.cell", { ...params, cell }, ctx.lang);
  return t(previous ? "judge.where.code-previous" : "judge.where.code", params, ctx.lang);
}

function finding(
  ctx: EntryContext,
  previous: boolean,
  severity: Finding["severity"],
  rule: string,
  key: string,
  params: MessageParams,
  fix?: { value: number },
): Finding {
  const location = ctx.entry?.location;
  const cell = previous ? location?.previousCell : location?.cell;
  const result: Finding = {
    severity,
    rule,
    code: ctx.indicator.code,
    message: t(key, { where: where(ctx, previous), ...params }, ctx.lang),
  };
  if (location?.sheet) result.sheet = location.sheet;
  if (cell) result.cell = cell;
  if (fix) result.fix = fix;
  return result;
}

function rawText(raw: unknown): string {
  if (typeof raw === "boolean") return raw ? "TRUE" : "FALSE";
  return String(raw).normalize("NFC").trim();
}

const MONEY_SCALES: { folded: string; label: string; factor: number }[] = [
  { folded: "dong", label: "đồng", factor: 1 },
  { folded: "nghin dong", label: "nghìn đồng", factor: 1e3 },
  { folded: "trieu dong", label: "triệu đồng", factor: 1e6 },
  { folded: "ty dong", label: "tỷ đồng", factor: 1e9 },
];

/** "36692000" against "36.692 triệu đồng" was most likely typed in nghìn đồng: name that scale. */
function slipHint(unit: string, factor: number, high: boolean, lang: Lang): string {
  const folded = foldDiacritics(unit);
  const scale = MONEY_SCALES.find((s) => s.folded === folded);
  if (!scale) return "";
  const typedFactor = high ? scale.factor / factor : scale.factor * factor;
  const typed = MONEY_SCALES.find((s) => Math.abs(s.factor - typedFactor) < 1e-9 * s.factor);
  return typed ? t("validate.unit-slip-hint", { typed: typed.label, unit }, lang) : "";
}

/** The numeric plausibility checks shared by this year's actual and last year's. */
function plausibility(ctx: EntryContext, previous: boolean, value: number): Finding[] {
  const out: Finding[] = [];
  const kind = classifyUnit(ctx.indicator);
  const shown = formatNumberFor(value, ctx.lang);
  if (value < 0 && (kind === "money" || kind === "count" || kind === "rate")) {
    out.push(finding(ctx, previous, "error", "negative", "validate.negative", { value: shown, kind: t(`validate.kind.${kind}`, {}, ctx.lang) }));
  }
  if (kind === "rate" && value > 100) {
    out.push(finding(ctx, previous, "error", "rate-above-100", "validate.rate-above-100", { value: shown }));
  }
  if (kind === "count" && !Number.isInteger(value)) {
    out.push(finding(ctx, previous, "error", "fractional-count", "validate.fractional-count", { value: shown, unit: ctx.indicator.unit }));
  }
  return out;
}

/** The checks that compare this year's actual with the target. */
function againstTarget(ctx: EntryContext, value: number, settings: Settings): Finding[] {
  const ind = ctx.indicator;
  if (ind.comparator === null || ind.comparator === "boolean") return [];
  const reference = ind.comparator === "range" ? ind.targetMin ?? null : ind.target;
  if (reference === null || reference === 0 || value === 0) return [];
  const lang = ctx.lang;
  const unitIsPercent = ind.unit.trim() === "%";
  if (unitIsPercent && value > 0 && value < 1 && Math.abs(reference) > 1) {
    return [
      finding(ctx, false, "warning", "fraction-of-rate", "validate.fraction-of-rate", {
        value: formatNumberFor(value, lang),
        target: formatNumberFor(reference, lang),
        suggested: formatNumberFor(Number((value * 100).toPrecision(12)), lang),
      }),
    ];
  }
  const ratio = Math.abs(value) / Math.abs(reference);
  const notDue = ind.deadlineYear !== null && ind.deadlineYear > settings.reportYear;
  const high = ratio > 10;
  const low = ratio < 0.1 && !notDue;
  if (!high && !low) return [];
  const factor = 10 ** Math.round(Math.log10(high ? ratio : 1 / ratio));
  const params = {
    value: formatNumberFor(value, lang),
    factor: formatNumberFor(factor, lang),
    target: `${formatNumberFor(reference, lang)} ${ind.unit}`.trim(),
  };
  const result = finding(ctx, false, "warning", "unit-slip", high ? "validate.unit-slip-high" : "validate.unit-slip-low", params);
  result.message += slipHint(ind.unit, factor, high, lang);
  return [result];
}

/** Reading problems of one value: cell errors, text, impossible numbers, typed-as-text numbers. */
function readingFindings(ctx: EntryContext, previous: boolean, raw: unknown, read: ReadActual): Finding[] {
  const text = rawText(raw);
  switch (read.kind) {
    case "error":
      return [finding(ctx, previous, "error", "cell-error", "validate.cell-error", { text: read.text })];
    case "impossible":
      return [finding(ctx, previous, "error", "impossible", "validate.impossible", { text: typeof read.value === "number" ? String(read.value) : read.value })];
    case "text":
      return ctx.indicator.comparator === "boolean" && !previous
        ? [finding(ctx, previous, "error", "boolean-word", "validate.boolean-word", { text: read.text })]
        : [finding(ctx, previous, "error", "not-a-number", "validate.not-a-number", { text: read.text })];
    case "number":
      if (ctx.indicator.comparator === "boolean" && !previous)
        return [finding(ctx, previous, "error", "boolean-word", "validate.boolean-word", { text })];
      return read.fromText
        ? [finding(ctx, previous, "warning", "number-as-text", "validate.number-as-text", { text, value: formatNumberFor(read.value, ctx.lang) }, { value: read.value })]
        : [];
    case "boolean":
      if (ctx.indicator.comparator === "boolean" || (ctx.indicator.comparator === null && !previous)) return [];
      return [finding(ctx, previous, "error", "not-a-number", "validate.not-a-number", { text })];
    case "blank":
      return [];
  }
}

function isBlankRaw(raw: unknown): boolean {
  return readActual(raw, null).kind === "blank";
}

/** Every finding on the entered actuals of a plan, in plan order. */
export function validateEntries(plan: Plan, entries: ActualEntry[], settings: Settings): Finding[] {
  const lang = settings.lang;
  const children = childrenByCode(plan.indicators);
  const byCode = new Map<string, ActualEntry[]>();
  const findings: Finding[] = [];
  const codes = new Set(plan.indicators.map((ind) => ind.code));

  for (const entry of entries) {
    const code = String(entry.code ?? "").trim();
    if (!codes.has(code)) {
      const cell = entry.location?.cell;
      const whereText = cell ? t("judge.where.cell-only", { cell }, lang) : t("judge.where.line", { code }, lang);
      findings.push({
        severity: "error",
        rule: "layout-unknown-code",
        code: code.length ? code : null,
        ...(entry.location?.sheet ? { sheet: entry.location.sheet } : {}),
        ...(cell ? { cell } : {}),
        message: t("validate.unknown-code", { where: whereText, code, plan: plan.title }, lang),
      });
      continue;
    }
    const list = byCode.get(code);
    if (list) list.push(entry);
    else byCode.set(code, [entry]);
  }

  const perIndicator = new Map<string, Finding[]>();
  const numericActual = new Map<string, number>();

  for (const indicator of plan.indicators) {
    const list = byCode.get(indicator.code) ?? [];
    const entry = list[0];
    const ctx: EntryContext = { indicator, entry, lang };
    const out: Finding[] = [];
    if (list.length > 1) {
      const cells = list.map((e) => e.location?.cell).filter((c): c is string => Boolean(c));
      out.push({
        severity: "error",
        rule: "layout-duplicate-code",
        code: indicator.code,
        ...(entry?.location?.sheet ? { sheet: entry.location.sheet } : {}),
        ...(cells[1] ? { cell: cells[1] } : {}),
        message: t("validate.duplicate-code", { where: where(ctx, false), code: indicator.code, count: list.length, cells: cells.join(", ") || "—" }, lang),
      });
    }

    const isHeading = indicator.comparator === null && children.has(indicator.code);
    const notDue = indicator.deadlineYear !== null && indicator.deadlineYear > settings.reportYear;
    const raw = entry?.raw ?? null;
    if (!isHeading) {
      const read = readActual(raw, indicator.comparator);
      if (read.kind === "blank") {
        if (!notDue) out.push(finding(ctx, false, "warning", "blank", "validate.blank", {}));
      } else {
        out.push(...readingFindings(ctx, false, raw, read));
        if (read.kind === "number" && indicator.comparator !== "boolean") {
          numericActual.set(indicator.code, read.value);
          const implausible = plausibility(ctx, false, read.value);
          out.push(...implausible);
          // One clear message per value: a scale warning adds nothing to a sign or range error.
          if (implausible.length === 0) out.push(...againstTarget(ctx, read.value, settings));
        }
      }
    } else if (!isBlankRaw(raw)) {
      // A heading's own figure (e.g. the revenue total) still feeds the parts check.
      const read = readActual(raw, ">=");
      out.push(...readingFindings({ ...ctx, indicator: { ...indicator, comparator: ">=" } }, false, raw, read));
      if (read.kind === "number") {
        numericActual.set(indicator.code, read.value);
        out.push(...plausibility(ctx, false, read.value));
      }
    }

    const previousRaw = entry?.previous;
    if (indicator.comparator !== "boolean" && previousRaw !== undefined && !isBlankRaw(previousRaw)) {
      const read = readActual(previousRaw, indicator.comparator ?? ">=");
      out.push(...readingFindings(ctx, true, previousRaw, read));
      if (read.kind === "number") out.push(...plausibility(ctx, true, read.value));
    }

    const override = entry?.override;
    if (override && (typeof override.reason !== "string" || override.reason.trim().length === 0)) {
      out.push(finding(ctx, false, "warning", "override-no-reason", "validate.override-no-reason", { status: override.status }));
    }
    perIndicator.set(indicator.code, out);
  }

  for (const parent of plan.indicators) {
    if (!parent.childrenAreParts) continue;
    const total = numericActual.get(parent.code);
    const parts = children.get(parent.code) ?? [];
    if (total === undefined || parts.length === 0) continue;
    const sameUnit = (child: Indicator) => child.unit.trim() === "" || foldDiacritics(child.unit) === foldDiacritics(parent.unit);
    const known = parts.filter((child) => sameUnit(child) && numericActual.has(child.code));
    const sum = known.reduce((acc, child) => acc + (numericActual.get(child.code) ?? 0), 0);
    if (known.length > 0 && sum > total + Math.abs(total) * 1e-9) {
      const ctx: EntryContext = { indicator: parent, entry: byCode.get(parent.code)?.[0], lang };
      perIndicator.get(parent.code)?.push(
        finding(ctx, false, "error", "parts-exceed-parent", "validate.parts-exceed-parent", {
          parts: known.map((c) => c.code).join(", "),
          sum: formatNumberFor(sum, lang),
          value: formatNumberFor(total, lang),
        }),
      );
    }
  }

  for (const indicator of plan.indicators) findings.push(...(perIndicator.get(indicator.code) ?? []));
  return findings;
}
