// Vietnamese numbers: "1.234.567,89", "733,3", "36.692", "0.83", "95 %", with NFC/NFD text and odd spaces.
//
// Rules (indicators.md, refined):
// - Dot and comma both present: the one that comes last is the decimal mark ("1.234,5"; "1,234.5").
// - Only commas: one comma is a decimal comma, whatever follows ("67,192" → 67.192), because
//   Vietnamese never groups thousands with a comma and a plan that writes "67,192 triệu" means
//   67 point 192; several commas ("1,234,567") can only be grouping.
// - Only dots: several dots are grouping ("1.234.567"); one dot followed by exactly three digits
//   is grouping ("36.692" → 36692) unless the integer part is 0 ("0.830" → 0.83); any other single
//   dot is a decimal point ("0.83", "12.15", "109.2").
// - Groups after a grouping mark must have exactly three digits, or the text is not a number.

export interface ParsedNumber {
  value: number;
  /** The text carried a percent sign ("95 %"): the value is still 95, not 0.95. */
  percent: boolean;
}

const SPACES = /[\s\u00a0\u2007\u2009\u200a\u200b\u202f\u205f\u3000]+/g;
const MINUS = /^[-\u2212\u2012\u2013]/;

/** Reads a Vietnamese-written number; null when the text is not one. Never throws. */
export function parseVietnameseNumber(input: unknown): ParsedNumber | null {
  if (typeof input === "number") return Number.isFinite(input) ? { value: input, percent: false } : null;
  if (typeof input !== "string") return null;
  let text = input.normalize("NFC").replace(SPACES, "");
  if (text.length === 0 || text.length > 1000) return null;
  let percent = false;
  if (text.endsWith("%")) {
    percent = true;
    text = text.slice(0, -1);
  }
  let sign = 1;
  if (MINUS.test(text)) {
    sign = -1;
    text = text.slice(1);
  } else if (text.startsWith("+")) {
    text = text.slice(1);
  }
  if (!/^[0-9][0-9.,]*$/.test(text) && !/^[.,][0-9]+$/.test(text)) return null;
  const canonical = canonicalDigits(text);
  if (canonical === null) return null;
  const value = sign * Number(canonical);
  if (!Number.isFinite(value)) return null;
  return { value: value === 0 ? 0 : value, percent };
}

/** The number alone, or null. */
export function parseNumber(input: unknown): number | null {
  return parseVietnameseNumber(input)?.value ?? null;
}

/** Turns digits with Vietnamese or English separators into "1234.5", or null. */
function canonicalDigits(text: string): string | null {
  const lastDot = text.lastIndexOf(".");
  const lastComma = text.lastIndexOf(",");
  if (lastDot >= 0 && lastComma >= 0) {
    const decimalMark = lastDot > lastComma ? "." : ",";
    const groupMark = decimalMark === "." ? "," : ".";
    const cut = Math.max(lastDot, lastComma);
    const integer = ungroup(text.slice(0, cut), groupMark);
    const fraction = text.slice(cut + 1);
    if (integer === null || !/^[0-9]+$/.test(fraction)) return null;
    return `${integer}.${fraction}`;
  }
  const mark = lastDot >= 0 ? "." : lastComma >= 0 ? "," : null;
  if (mark === null) return text;
  const parts = text.split(mark);
  if (parts.length > 2) return ungroup(text, mark);
  const [integer, fraction] = parts as [string, string];
  if (fraction.length === 0) return integer.length > 0 ? integer : null;
  if (!/^[0-9]*$/.test(fraction)) return null;
  const dotThousands = mark === "." && fraction.length === 3 && integer.length > 0 && integer.length <= 3 && !/^0+$/.test(integer);
  if (dotThousands) return integer + fraction;
  return `${integer.length ? integer : "0"}.${fraction}`;
}

function ungroup(text: string, mark: string): string | null {
  const groups = text.split(mark);
  const [head, ...rest] = groups as [string, ...string[]];
  if (!/^[0-9]{1,3}$/.test(head)) return null;
  if (rest.some((g) => !/^[0-9]{3}$/.test(g))) return null;
  return groups.join("");
}

export interface FormatOptions {
  /** Fixed number of decimals; by default as many as the number needs (up to 15 significant digits). */
  decimals?: number;
  /** Drop trailing zeros after rounding to `decimals`. */
  trimZeros?: boolean;
}

/** 1234567.89 → "1.234.567,89". Written by hand, not with Intl, so Node and Apps Script agree. */
export function formatVietnameseNumber(value: number, options: FormatOptions = {}): string {
  if (Number.isNaN(value)) return "NaN";
  if (!Number.isFinite(value)) return value > 0 ? "∞" : "-∞";
  const negative = value < 0 || Object.is(value, -0);
  const magnitude = Math.abs(value);
  let digits: string;
  if (options.decimals !== undefined) {
    digits = plainDecimal(roundTo(magnitude, options.decimals), options.decimals);
    if (options.trimZeros) digits = trimFraction(digits);
  } else {
    digits = plainDecimal(magnitude);
  }
  const [integer, fraction] = digits.split(".") as [string, string | undefined];
  const grouped = integer.replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  const body = fraction ? `${grouped},${fraction}` : grouped;
  return negative && /[1-9]/.test(body) ? `-${body}` : body;
}

/** A percentage for messages and reports: 98.456 → "98,46". */
export function formatPercent(value: number, decimals = 2): string {
  return formatVietnameseNumber(value, { decimals, trimZeros: true });
}

function roundTo(value: number, decimals: number): number {
  if (decimals <= 0) return Math.round(value);
  const factor = 10 ** decimals;
  const scaled = Math.round(value * factor);
  return Number.isFinite(scaled) && Math.abs(scaled) < Number.MAX_SAFE_INTEGER ? scaled / factor : value;
}

function trimFraction(digits: string): string {
  return digits.includes(".") ? digits.replace(/0+$/, "").replace(/\.$/, "") : digits;
}

/** The exact decimal text of a non-negative double, without exponent: 1e21 → "1000…0", 1e-7 → "0.0000001". */
function plainDecimal(value: number, fixedDecimals?: number): string {
  if (fixedDecimals !== undefined && value < 1e21) return value.toFixed(Math.min(fixedDecimals, 100));
  const text = String(value);
  const match = /^(\d+)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (!match) return text;
  const [, intPart, fracPart = "", expText] = match as unknown as [string, string, string | undefined, string];
  const exponent = Number(expText);
  const mantissa = intPart + fracPart;
  const pointAt = intPart.length + exponent;
  if (pointAt <= 0) return `0.${"0".repeat(-pointAt)}${mantissa}`;
  if (pointAt >= mantissa.length) return mantissa + "0".repeat(pointAt - mantissa.length);
  return `${mantissa.slice(0, pointAt)}.${mantissa.slice(pointAt)}`;
}
