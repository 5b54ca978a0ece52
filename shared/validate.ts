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
import { foldDiacritics, namesARate, plainNumber, readActual, type ReadActual } from "./actual";
import type { MessageParams } from "./i18n";
import { fillTemplate, messageTemplate, partialTemplate, type MessageTemplate } from "./message-templates";
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
    const isRate = namesARate(indicator.name);
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

/** A number as the message language writes it: "1.234,5" in Vietnamese, "1,234.5" in English
 *  (formatVietnameseNumber with 4 decimals, 6 below 1, trailing zeros dropped). */
export function formatNumberFor(value: number, lang: Lang): string {
  const magnitude = Math.abs(value);
  const decimals = magnitude >= 1 ? 4 : 6;
  const factor = decimals === 4 ? 1e4 : 1e6;
  const scaled = Math.round(magnitude * factor);
  // Below 10^13 once scaled, the rounded double prints exactly as the scaled integer's digits.
  if (!(scaled < 1e13)) {
    const vi = formatVietnameseNumber(value, { decimals, trimZeros: true });
    return lang === "vi" ? vi : vi.replace(/[.,]/g, (mark) => (mark === "." ? "," : "."));
  }
  // Exact: below 10^13 the quotient cannot round up to the next integer.
  const integer = Math.floor(scaled / factor);
  let fraction = scaled - integer * factor;
  let fractionDigits = decimals;
  while (fraction !== 0 && fraction % 10 === 0) {
    fraction /= 10;
    fractionDigits--;
  }
  let body = integer < 1000 ? String(integer) : groupDigits(String(integer), lang === "vi" ? "." : ",");
  if (fraction !== 0) body += (lang === "vi" ? "," : ".") + String(fraction).padStart(fractionDigits, "0");
  const negative = value < 0 || Object.is(value, -0);
  return negative && (integer !== 0 || fraction !== 0) ? `-${body}` : body;
}

function groupDigits(digits: string, mark: string): string {
  if (digits.length <= 3) return digits;
  const head = digits.length % 3 || 3;
  let out = digits.slice(0, head);
  for (let i = head; i < digits.length; i += 3) out += mark + digits.slice(i, i + 3);
  return out;
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

/** The messages validation fills, per language. */
interface Templates {
  lang: Lang;
  whereCell: MessageTemplate;
  whereCellPrevious: MessageTemplate;
  kind: Record<"money" | "count" | "rate", string>;
  byKey: Map<string, MessageTemplate>;
}

const templatesByLang = new Map<Lang, Templates>();

function templatesFor(lang: Lang): Templates {
  let templates = templatesByLang.get(lang);
  if (!templates) {
    templates = {
      lang,
      whereCell: messageTemplate("judge.where.cell", lang),
      whereCellPrevious: messageTemplate("judge.where.cell-previous", lang),
      kind: {
        money: messageTemplate("validate.kind.money", lang).text,
        count: messageTemplate("validate.kind.count", lang).text,
        rate: messageTemplate("validate.kind.rate", lang).text,
      },
      byKey: new Map(),
    };
    templatesByLang.set(lang, templates);
  }
  return templates;
}

function fill(templates: Templates, key: string, params: MessageParams): string {
  let template = templates.byKey.get(key);
  if (!template) templates.byKey.set(key, (template = messageTemplate(key, templates.lang)));
  return fillTemplate(template, params);
}

/** What validation needs of one indicator, worked out once per plan, language and report year. */
interface IndicatorCheck {
  indicator: Indicator;
  code: string;
  comparator: Indicator["comparator"];
  kind: UnitKind;
  /** No comparator, and judged from children. */
  isHeading: boolean;
  /** The deadline is after the report year. */
  notDue: boolean;
  /** The figure the scale checks compare with (target, or targetMin for a range); null when there are none. */
  reference: number | null;
  unitIsPercent: boolean;
  /** The money scale of the unit ("triệu đồng"), for the unit-slip hint. */
  moneyScale: number | null;
  shortName: string;
  /** "Chỉ tiêu 5 \"…\"" and its previous-year form, for an entry that has no cell. */
  whereCode: string;
  whereCodePrevious: string;
  /** For a heading whose children are parts of it: the children in plan order, and whether each
   *  shares its unit (so its figure is summed). Null otherwise. */
  parts: { slot: number; code: string; sameUnit: boolean }[] | null;
  /** The index of the first indicator with this code (the plan's codes are unique unless it was never checked). */
  slot: number;
  /** Message templates with the code-based "where" (and what depends only on the indicator) filled
   *  in, by key (and year: this one or the previous one), built on first use. */
  messages: Map<string, MessageTemplate> | null;
}

interface CompiledValidation {
  checks: IndicatorCheck[];
  slotByCode: Map<string, number>;
  /** Whether two indicators share a code (an unchecked plan): findings are then kept per code. */
  sharedCodes: boolean;
  hasParts: boolean;
  templates: Templates;
}

const compiledValidations = new WeakMap<Plan, Map<string, CompiledValidation>>();

/** The checks of a plan for the language and report year, built once per plan object and settings
 *  (like compilePlan in evaluate.ts, it takes a plan as fixed once it is in use). */
function compileValidation(plan: Plan, settings: Settings): CompiledValidation {
  let bySettings = compiledValidations.get(plan);
  if (!bySettings) compiledValidations.set(plan, (bySettings = new Map()));
  const key = `${settings.lang}|${settings.reportYear}`;
  let compiled = bySettings.get(key);
  if (compiled) return compiled;
  // A plan that differs from one already compiled only in targets (a unit's own plan): its checks
  // are that plan's, with the scale reference of the changed rows worked out again.
  const shape = `${key}\u0001${targetlessKey(plan)}`;
  const sameShape = validationsByShape.get(shape);
  if (sameShape) {
    compiled = { ...sameShape, checks: sameShape.checks.map((check, i) => retargeted(check, plan.indicators[i])) };
    bySettings.set(key, compiled);
    return compiled;
  }

  const templates = templatesFor(settings.lang);
  const indicators = plan.indicators;
  const children = childrenByCode(indicators);
  const slotByCode = new Map<string, number>();
  let sharedCodes = false;
  indicators.forEach((ind, i) => {
    if (slotByCode.has(ind.code)) sharedCodes = true;
    else slotByCode.set(ind.code, i);
  });
  let hasParts = false;
  const checks = indicators.map((indicator): IndicatorCheck => {
    const comparator = indicator.comparator;
    const name = shortName(indicator.name);
    const params = { code: indicator.code, name };
    const reference = comparator === null || comparator === "boolean" ? null : comparator === "range" ? indicator.targetMin ?? null : indicator.target;
    const scale = MONEY_SCALES.find((s) => s.folded === foldDiacritics(indicator.unit));
    const childList = children.get(indicator.code) ?? [];
    let parts: IndicatorCheck["parts"] = null;
    if (indicator.childrenAreParts && childList.length > 0) {
      hasParts = true;
      const unit = foldDiacritics(indicator.unit);
      parts = childList.map((child) => ({
        slot: slotByCode.get(child.code) as number,
        code: child.code,
        sameUnit: child.unit.trim() === "" || foldDiacritics(child.unit) === unit,
      }));
    }
    return {
      indicator,
      code: indicator.code,
      comparator,
      kind: classifyUnit(indicator),
      isHeading: comparator === null && children.has(indicator.code),
      notDue: indicator.deadlineYear !== null && indicator.deadlineYear > settings.reportYear,
      reference: reference === null || reference === 0 ? null : reference,
      unitIsPercent: indicator.unit.trim() === "%",
      moneyScale: scale ? scale.factor : null,
      shortName: name,
      whereCode: fill(templates, "judge.where.code", params),
      whereCodePrevious: fill(templates, "judge.where.code-previous", params),
      parts,
      slot: slotByCode.get(indicator.code) as number,
      messages: null,
    };
  });
  compiled = { checks, slotByCode, sharedCodes, hasParts, templates };
  bySettings.set(key, compiled);
  if (validationsByShape.size >= 64) validationsByShape.clear();
  validationsByShape.set(shape, compiled);
  return compiled;
}

/** Compiled checks by plan content without the targets (bounded): see compileValidation. */
const validationsByShape = new Map<string, CompiledValidation>();

/** Each indicator's content without its targets, once per indicator object (a unit's plan keeps the unchanged ones). */
const targetlessKeys = new WeakMap<Indicator, string>();

/** The plan's indicators as a key, targets left out. */
function targetlessKey(plan: Plan): string {
  let key = "";
  for (const ind of plan.indicators) {
    let one = targetlessKeys.get(ind);
    if (one === undefined) targetlessKeys.set(ind, (one = JSON.stringify({ ...ind, target: undefined, targetMin: undefined, targetMax: undefined })));
    key += one + "\n";
  }
  return key;
}

/** The check of the same indicator with other targets: only the reference figure depends on them. */
function retargeted(check: IndicatorCheck, indicator: Indicator): IndicatorCheck {
  if (check.indicator === indicator) return check;
  const comparator = indicator.comparator;
  const reference = comparator === null || comparator === "boolean" ? null : comparator === "range" ? indicator.targetMin ?? null : indicator.target;
  const same = check.indicator.target === indicator.target && check.indicator.targetMin === indicator.targetMin && check.indicator.targetMax === indicator.targetMax;
  return { ...check, indicator, reference: reference === null || reference === 0 ? null : reference, messages: same ? check.messages : null };
}

/** One validation call: the messages of its language and, for a plan with parts, the figures read
 *  (by slot) that the parts check sums. */
interface Run {
  templates: Templates;
  numeric: (number | undefined)[] | null;
}

function where(run: Run, check: IndicatorCheck, entry: ActualEntry | undefined, previous: boolean): string {
  const cell = previous ? entry?.location?.previousCell : entry?.location?.cell;
  if (cell) return fillTemplate(previous ? run.templates.whereCellPrevious : run.templates.whereCell, { code: check.code, name: check.shortName, cell });
  return previous ? check.whereCodePrevious : check.whereCode;
}

function finding(
  run: Run,
  check: IndicatorCheck,
  entry: ActualEntry | undefined,
  previous: boolean,
  severity: Finding["severity"],
  rule: string,
  key: string,
  params: MessageParams,
  fix?: Finding["fix"],
  /** Parameters that depend only on the indicator (its unit, the kind of quantity). */
  fixed?: MessageParams,
): Finding {
  const location = entry?.location;
  const cell = previous ? location?.previousCell : location?.cell;
  let message: string;
  if (cell) {
    params.where = where(run, check, entry, previous);
    message = fill(run.templates, key, fixed ? { ...fixed, ...params } : params);
  } else {
    // Without a cell, the where part is the indicator's own: filled once per indicator and key.
    const messages = (check.messages ??= new Map());
    const cacheKey = previous ? `${key}\u0001` : key;
    let template = messages.get(cacheKey);
    if (template === undefined) {
      const known = { ...fixed, where: previous ? check.whereCodePrevious : check.whereCode };
      messages.set(cacheKey, (template = partialTemplate(messageTemplate(key, run.templates.lang), known)));
    }
    message = fillTemplate(template, params);
  }
  const result: Finding = { severity, rule, code: check.code, message };
  if (location?.sheet) result.sheet = location.sheet;
  if (cell) result.cell = cell;
  if (fix) result.fix = fix;
  return result;
}

/** "36692000" against "36.692 triệu đồng" was most likely typed in nghìn đồng: name that scale. */
function slipHint(run: Run, check: IndicatorCheck, factor: number, high: boolean): string {
  if (check.moneyScale === null) return "";
  const typedFactor = high ? check.moneyScale / factor : check.moneyScale * factor;
  const typed = MONEY_SCALES.find((s) => Math.abs(s.factor - typedFactor) < 1e-9 * s.factor);
  return typed ? fill(run.templates, "validate.unit-slip-hint", { typed: typed.label, unit: check.indicator.unit }) : "";
}

/** The numeric plausibility checks shared by this year's actual and last year's; how many it found. */
function plausibility(run: Run, check: IndicatorCheck, entry: ActualEntry | undefined, previous: boolean, value: number, out: Finding[]): number {
  const kind = check.kind;
  const lang = run.templates.lang;
  let found = 0;
  if (value < 0 && (kind === "money" || kind === "count" || kind === "rate")) {
    out.push(finding(run, check, entry, previous, "error", "negative", "validate.negative", { value: formatNumberFor(value, lang) }, undefined, { kind: run.templates.kind[kind] }));
    found++;
  }
  if (kind === "rate" && value > 100) {
    out.push(finding(run, check, entry, previous, "error", "rate-above-100", "validate.rate-above-100", { value: formatNumberFor(value, lang) }));
    found++;
  }
  if (kind === "count" && !Number.isInteger(value)) {
    const params = { value: formatNumberFor(value, lang) };
    out.push(finding(run, check, entry, previous, "error", "fractional-count", "validate.fractional-count", params, undefined, { unit: check.indicator.unit }));
    found++;
  }
  return found;
}

/** The checks that compare this year's actual with the target. */
function againstTarget(run: Run, check: IndicatorCheck, entry: ActualEntry | undefined, value: number, out: Finding[]): void {
  const reference = check.reference;
  if (reference === null || value === 0) return;
  const lang = run.templates.lang;
  if (check.unitIsPercent && value > 0 && value < 1 && Math.abs(reference) > 1) {
    const params = {
      value: formatNumberFor(value, lang),
      target: formatNumberFor(reference, lang),
      suggested: formatNumberFor(Number((value * 100).toPrecision(12)), lang),
    };
    out.push(finding(run, check, entry, false, "warning", "fraction-of-rate", "validate.fraction-of-rate", params));
    return;
  }
  const ratio = Math.abs(value) / Math.abs(reference);
  const high = ratio > 10;
  const low = ratio < 0.1 && !check.notDue;
  if (!high && !low) return;
  const factor = 10 ** Math.round(Math.log10(high ? ratio : 1 / ratio));
  const params = {
    value: formatNumberFor(value, lang),
    factor: formatNumberFor(factor, lang),
    target: `${formatNumberFor(reference, lang)} ${check.indicator.unit}`.trim(),
  };
  // The one-click "÷ 1.000" (or "× 1.000"): the figure in the plan's unit, the typed figure kept as `from`.
  const scaled = Number((high ? value / factor : value * factor).toPrecision(12));
  const result = finding(run, check, entry, false, "warning", "unit-slip", high ? "validate.unit-slip-high" : "validate.unit-slip-low", params, { value: scaled, from: value });
  result.message += slipHint(run, check, factor, high);
  out.push(result);
}

/** Reading problems of one value: cell errors, text, impossible numbers, typed-as-text numbers.
 *  `comparator` is the one the value was read with (">=" for a heading's own figure). */
function readingFindings(
  run: Run,
  check: IndicatorCheck,
  entry: ActualEntry | undefined,
  previous: boolean,
  comparator: Indicator["comparator"],
  raw: unknown,
  read: ReadActual,
  out: Finding[],
): void {
  switch (read.kind) {
    case "error":
      out.push(finding(run, check, entry, previous, "error", "cell-error", "validate.cell-error", { text: read.text }));
      return;
    case "impossible":
      out.push(finding(run, check, entry, previous, "error", "impossible", "validate.impossible", { text: typeof read.value === "number" ? String(read.value) : read.value }));
      return;
    case "text":
      if (comparator === "boolean" && !previous) out.push(finding(run, check, entry, previous, "error", "boolean-word", "validate.boolean-word", { text: read.text }));
      else out.push(finding(run, check, entry, previous, "error", "not-a-number", "validate.not-a-number", { text: read.text }));
      return;
    case "number":
      if (comparator === "boolean" && !previous) {
        out.push(finding(run, check, entry, previous, "error", "boolean-word", "validate.boolean-word", { text: rawText(raw) }));
      } else if (read.fromText) {
        const params = { text: rawText(raw), value: formatNumberFor(read.value, run.templates.lang) };
        out.push(finding(run, check, entry, previous, "warning", "number-as-text", "validate.number-as-text", params, { value: read.value }));
      }
      return;
    case "boolean":
      if (comparator === "boolean" || (comparator === null && !previous)) return;
      out.push(finding(run, check, entry, previous, "error", "not-a-number", "validate.not-a-number", { text: rawText(raw) }));
      return;
    case "blank":
      return;
  }
}

/** Every finding on one indicator's entry, in the order the rules are listed. */
function checkIndicator(run: Run, check: IndicatorCheck, list: readonly ActualEntry[] | null, entry: ActualEntry | undefined, out: Finding[]): void {
  if (list !== null && list.length > 1) {
    const cells = list.map((e) => e.location?.cell).filter((c): c is string => Boolean(c));
    out.push({
      severity: "error",
      rule: "layout-duplicate-code",
      code: check.code,
      ...(entry?.location?.sheet ? { sheet: entry.location.sheet } : {}),
      ...(cells[1] ? { cell: cells[1] } : {}),
      message: fill(run.templates, "validate.duplicate-code", { where: where(run, check, entry, false), code: check.code, count: list.length, cells: cells.join(", ") || "—" }),
    });
  }

  const comparator = check.comparator;
  const raw = entry === undefined ? null : entry.raw ?? null;
  // A plain number cell has no reading problem: only its figure is checked (the common case).
  const plain = typeof raw === "number" && comparator !== "boolean" ? plainNumber(raw, check.isHeading ? ">=" : comparator) : null;
  if (plain !== null) {
    if (run.numeric !== null) run.numeric[check.slot] = plain;
    // One clear message per value: a scale warning adds nothing to a sign or range error.
    if (plausibility(run, check, entry, false, plain, out) === 0 && !check.isHeading) againstTarget(run, check, entry, plain, out);
  } else if (!check.isHeading) {
    const read = readActual(raw, comparator);
    if (read.kind === "blank") {
      if (!check.notDue) out.push(finding(run, check, entry, false, "warning", "blank", "validate.blank", {}));
    } else {
      readingFindings(run, check, entry, false, comparator, raw, read, out);
      if (read.kind === "number" && comparator !== "boolean") {
        if (run.numeric !== null) run.numeric[check.slot] = read.value;
        // One clear message per value: a scale warning adds nothing to a sign or range error.
        if (plausibility(run, check, entry, false, read.value, out) === 0) againstTarget(run, check, entry, read.value, out);
      }
    }
  } else {
    // A heading's own figure (e.g. the revenue total) still feeds the parts check.
    const read = readActual(raw, ">=");
    if (read.kind !== "blank") {
      readingFindings(run, check, entry, false, ">=", raw, read, out);
      if (read.kind === "number") {
        if (run.numeric !== null) run.numeric[check.slot] = read.value;
        plausibility(run, check, entry, false, read.value, out);
      }
    }
  }

  const previousRaw = entry?.previous;
  if (comparator !== "boolean" && previousRaw !== undefined) {
    const plainPrevious = typeof previousRaw === "number" ? plainNumber(previousRaw, comparator ?? ">=") : null;
    if (plainPrevious !== null) plausibility(run, check, entry, true, plainPrevious, out);
    else {
      const read = readActual(previousRaw, comparator ?? ">=");
      if (read.kind !== "blank") {
        readingFindings(run, check, entry, true, comparator, previousRaw, read, out);
        if (read.kind === "number") plausibility(run, check, entry, true, read.value, out);
      }
    }
  }

  const override = entry?.override;
  if (override && (typeof override.reason !== "string" || override.reason.trim().length === 0)) {
    out.push(finding(run, check, entry, false, "warning", "override-no-reason", "validate.override-no-reason", { status: override.status }));
  }
}

/** The parts of a heading add up to more than its own figure: the finding, or null. */
function partsFinding(run: Run, check: IndicatorCheck, entry: ActualEntry | undefined): Finding | null {
  const numeric = run.numeric as (number | undefined)[];
  const total = numeric[check.slot];
  if (total === undefined || check.parts === null) return null;
  const known: string[] = [];
  let sum = 0;
  for (const part of check.parts) {
    const value = numeric[part.slot];
    if (!part.sameUnit || value === undefined) continue;
    known.push(part.code);
    sum += value;
  }
  if (known.length === 0 || !(sum > total + Math.abs(total) * 1e-9)) return null;
  const lang = run.templates.lang;
  return finding(run, check, entry, false, "error", "parts-exceed-parent", "validate.parts-exceed-parent", {
    parts: known.join(", "),
    sum: formatNumberFor(sum, lang),
    value: formatNumberFor(total, lang),
  });
}

/** Every finding on the entered actuals of a plan, in plan order. */
/**
 * The entry as it is judged: with no final figure typed, the estimate stands in for it (as
 * judgedRaw in evaluate.ts and the sheet's _SoLieuDanhGia do), its findings pointing at the estimate's cell.
 */
function judgedEntry(entry: ActualEntry | undefined): ActualEntry | undefined {
  if (!entry || entry.estimate === undefined || entry.estimate === null || (typeof entry.estimate === "string" && entry.estimate.trim() === "")) return entry;
  if (!(entry.raw === null || entry.raw === undefined || (typeof entry.raw === "string" && entry.raw.trim() === ""))) return entry;
  const cell = entry.location?.estimateCell ?? entry.location?.cell;
  return { ...entry, raw: entry.estimate, ...(entry.location ? { location: { ...entry.location, ...(cell ? { cell } : {}) } } : {}) };
}

export function validateEntries(plan: Plan, entries: ActualEntry[], settings: Settings): Finding[] {
  const compiled = compileValidation(plan, settings);
  const { checks, templates } = compiled;
  const n = checks.length;
  const findings: Finding[] = [];
  const run: Run = { templates, numeric: compiled.hasParts ? new Array<number | undefined>(n) : null };

  // The first entry of each indicator (by slot) and, when a code is entered twice, all of them.
  let firstEntry: readonly (ActualEntry | undefined)[];
  let lists: Map<number, ActualEntry[]> | null = null;
  let inPlanOrder = !compiled.sharedCodes && entries.length === n;
  for (let i = 0; inPlanOrder && i < n; i++) inPlanOrder = entries[i].code === checks[i].code;
  if (inPlanOrder) {
    firstEntry = entries;
  } else {
    const first = new Array<ActualEntry | undefined>(n);
    for (const entry of entries) {
      const code = String(entry.code ?? "").trim();
      const slot = compiled.slotByCode.get(code);
      if (slot === undefined) {
        const cell = entry.location?.cell;
        const whereText = cell ? fill(templates, "judge.where.cell-only", { cell }) : fill(templates, "judge.where.line", { code });
        findings.push({
          severity: "error",
          rule: "layout-unknown-code",
          code: code.length ? code : null,
          ...(entry.location?.sheet ? { sheet: entry.location.sheet } : {}),
          ...(cell ? { cell } : {}),
          message: fill(templates, "validate.unknown-code", { where: whereText, code, plan: plan.title }),
        });
        continue;
      }
      if (first[slot] === undefined) {
        first[slot] = entry;
        continue;
      }
      lists ??= new Map();
      const list = lists.get(slot);
      if (list) list.push(entry);
      else lists.set(slot, [first[slot] as ActualEntry, entry]);
    }
    firstEntry = first;
  }

  if (compiled.sharedCodes) return validateSharedCodes(run, compiled, firstEntry, lists, findings);

  // Each indicator's findings go straight into the list; a parts finding goes after its heading's own.
  const partsAt: number[] = [];
  for (let i = 0; i < n; i++) {
    const check = checks[i];
    checkIndicator(run, check, lists === null ? null : lists.get(i) ?? null, judgedEntry(firstEntry[i]), findings);
    if (check.parts !== null) partsAt.push(i, findings.length);
  }
  for (let k = partsAt.length - 2; k >= 0; k -= 2) {
    const i = partsAt[k];
    const extra = partsFinding(run, checks[i], firstEntry[i]);
    if (extra) findings.splice(partsAt[k + 1], 0, extra);
  }
  return findings;
}

/** A plan that was never checked may give two indicators one code: the findings are then kept per
 *  code, the last indicator's standing for both, as they always were. */
function validateSharedCodes(
  run: Run,
  compiled: CompiledValidation,
  firstEntry: readonly (ActualEntry | undefined)[],
  lists: Map<number, ActualEntry[]> | null,
  findings: Finding[],
): Finding[] {
  const { checks } = compiled;
  const bySlot = new Map<number, Finding[]>();
  for (const check of checks) {
    const out: Finding[] = [];
    checkIndicator(run, check, lists?.get(check.slot) ?? null, firstEntry[check.slot], out);
    bySlot.set(check.slot, out);
  }
  for (const check of checks) {
    if (check.parts === null) continue;
    const extra = partsFinding(run, check, firstEntry[check.slot]);
    if (extra) bySlot.get(check.slot)?.push(extra);
  }
  for (const check of checks) for (const finding of bySlot.get(check.slot) ?? []) findings.push(finding);
  return findings;
}
