// What a typed actual means: one reading shared by evaluation and validation, so they never disagree.
import type { Comparator } from "./model";
import { parseVietnameseNumber } from "./numbers";

export type ReadActual =
  | { kind: "blank" }
  /** A number; `fromText` when it was typed as text ("1.234,5", "95 %") and read by the Vietnamese rules. */
  | { kind: "number"; value: number; fromText: boolean }
  | { kind: "boolean"; value: boolean; fromText: boolean }
  /** A spreadsheet error value such as #DIV/0!. */
  | { kind: "error"; text: string }
  /** Text that is neither a number nor a boolean word. */
  | { kind: "text"; text: string }
  /** A number that no report can hold (not finite, or ≥ 10^15). */
  | { kind: "impossible"; value: number | string };

export const MAX_REPORTABLE = 1e15;

const ERROR_VALUE = /^#(?:NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|GETTING_DATA|SPILL!|CALC!|FIELD!|BLOCKED!|UNKNOWN!|CONNECT!|BUSY!|ERROR!)$/i;

/** Folds Vietnamese to ASCII lower case without diacritics: "Không Đạt" → "khong dat". */
export function foldDiacritics(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * The yes/no words of a boolean indicator, written as people type them. The one list: the reader
 * below folds them (any case, with or without diacritics), and the fill-in sheet's formulas
 * compare LOWER(TRIM(cell)) with every written and folded form (spreadsheetWordForms).
 */
export const YES_WORDS = ["đạt", "x", "có", "hoàn thành", "yes", "true", "achieved", "v", "✓", "✔"] as const;
export const NO_WORDS = ["không đạt", "không", "chưa đạt", "không hoàn thành", "chưa hoàn thành", "no", "false", "not achieved"] as const;

const TRUE_WORDS = new Set(YES_WORDS.map(foldDiacritics));
const FALSE_WORDS = new Set(NO_WORDS.map(foldDiacritics));

/** Each word as written and as folded (a formula has no diacritic folding), without repeats, in order. */
export function spreadsheetWordForms(words: readonly string[]): string[] {
  const out: string[] = [];
  for (const word of words) for (const form of [word, foldDiacritics(word)]) if (!out.includes(form)) out.push(form);
  return out;
}

/**
 * Whether an indicator's name says it is a rate or a share ("Tỷ lệ hộ nghèo", "Tỷ trọng công nghiệp
 * trong GRDP"): the one definition, used by validation (a rate is 0–100) and by the rules (a rate
 * changes in points, not relatively).
 */
export function namesARate(name: string): boolean {
  return /\b(ty|ti) (le|trong)\b/.test(foldDiacritics(name));
}

/** Reads a boolean word: Đạt / Không đạt in any case, with or without diacritics, x / có / không. */
export function readBooleanWord(text: string): boolean | null {
  const folded = foldDiacritics(text);
  if (TRUE_WORDS.has(folded)) return true;
  if (FALSE_WORDS.has(folded)) return false;
  return null;
}

/** What readActual reads a number cell as when it is a plain number ({ kind: "number", fromText: false }):
 *  its value (-0 as 0), or null when it reads otherwise (impossible, or 0/1 as a boolean). Lets a
 *  caller with a numeric cell skip building the reading. */
export function plainNumber(raw: number, comparator: Comparator | null): number | null {
  if (!Number.isFinite(raw) || Math.abs(raw) >= MAX_REPORTABLE) return null;
  if (comparator === "boolean" && (raw === 0 || raw === 1)) return null;
  return raw === 0 ? 0 : raw;
}

/** Reads what a cell or a form holds for an indicator with the given comparator. Never throws.
 *  A reading of text may be shared between calls: treat it as read-only. */
export function readActual(raw: unknown, comparator: Comparator | null): ReadActual {
  if (raw === null || raw === undefined) return { kind: "blank" };
  if (typeof raw === "boolean") return { kind: "boolean", value: raw, fromText: false };
  if (typeof raw === "number") {
    const value = plainNumber(raw, comparator);
    if (value !== null) return { kind: "number", value, fromText: false };
    if (!Number.isFinite(raw) || Math.abs(raw) >= MAX_REPORTABLE) return { kind: "impossible", value: raw };
    return { kind: "boolean", value: raw === 1, fromText: false };
  }
  if (typeof raw === "string") return raw.length <= REMEMBERED_LENGTH ? readRemembered(raw, comparator) : readText(raw, comparator);
  if (raw instanceof Date) return { kind: "text", text: raw.toISOString().slice(0, 10) };
  if (typeof raw === "object" && raw !== null && "error" in raw) return { kind: "error", text: String((raw as { error: unknown }).error) };
  return readText(String(raw), comparator);
}

// The same text is read again and again: by evaluation then validation of one entry, and by every
// unit that types "Đạt" or "chưa có". Its reading depends only on whether the comparator is
// "boolean", null or another one, so the last few thousand short texts read are remembered per kind.
const REMEMBERED_TEXTS = 4096;
const REMEMBERED_LENGTH = 64;
const rememberedForBoolean = new Map<string, ReadActual>();
const rememberedForNull = new Map<string, ReadActual>();
const rememberedForOther = new Map<string, ReadActual>();

function readRemembered(raw: string, comparator: Comparator | null): ReadActual {
  const remembered = comparator === "boolean" ? rememberedForBoolean : comparator === null ? rememberedForNull : rememberedForOther;
  let read = remembered.get(raw);
  if (read === undefined) {
    read = Object.freeze(readText(raw, comparator)) as ReadActual;
    if (remembered.size >= REMEMBERED_TEXTS) remembered.clear();
    remembered.set(raw, read);
  }
  return read;
}

function readText(raw: string, comparator: Comparator | null): ReadActual {
  const text = raw.normalize("NFC").trim();
  if (text.length === 0) return { kind: "blank" };
  if (text.charCodeAt(0) === 35 /* # */ && ERROR_VALUE.test(text)) return { kind: "error", text: text.toUpperCase() };
  if (comparator === "boolean") {
    const word = readBooleanWord(text);
    if (word !== null) return { kind: "boolean", value: word, fromText: true };
  }
  const digits = plainDigits(text);
  if (digits !== null) return digits >= MAX_REPORTABLE ? { kind: "impossible", value: text } : { kind: "number", value: digits, fromText: true };
  const parsed = parseVietnameseNumber(text);
  if (parsed) {
    if (Math.abs(parsed.value) >= MAX_REPORTABLE) return { kind: "impossible", value: text };
    return { kind: "number", value: parsed.value, fromText: true };
  }
  if (/^[+-]?(\d+\.?\d*|\.\d+)e[+-]?\d+$/i.test(text.replace(/\s/g, ""))) {
    const value = Number(text.replace(/\s/g, ""));
    if (!Number.isFinite(value) || Math.abs(value) >= MAX_REPORTABLE) return { kind: "impossible", value: text };
    return { kind: "number", value, fromText: true };
  }
  if (/^[+-]?(nan|infinity|inf|∞)$/i.test(text)) return { kind: "impossible", value: text };
  const word = readBooleanWord(text);
  if (word !== null && comparator === null) return { kind: "boolean", value: word, fromText: true };
  return { kind: "text", text };
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** `digits` split by `mark` into a head of 1–3 digits and groups of exactly 3 ("1.234.567"), joined; or null. */
function ungrouped(digits: string, mark: number): string | null {
  let groupStart = 0;
  let out = "";
  for (let i = 0; i <= digits.length; i++) {
    if (i < digits.length && digits.charCodeAt(i) !== mark) continue;
    const length = i - groupStart;
    if (groupStart === 0 ? length < 1 || length > 3 : length !== 3) return null;
    out += digits.slice(groupStart, i);
    groupStart = i + 1;
  }
  return out;
}

/** The value of a short text of digits with dots and commas ("1.234,5", "36.692", "12,5"), read
 *  exactly as parseVietnameseNumber reads it; null when the text is anything else or is not read as
 *  a number there (the full reading then decides). Numbers typed as text are mostly this shape. */
function plainDigits(text: string): number | null {
  const length = text.length;
  if (length === 0 || length > 24 || !isDigit(text.charCodeAt(0))) return null;
  let lastDot = -1;
  let lastComma = -1;
  let dots = 0;
  let commas = 0;
  for (let i = 1; i < length; i++) {
    const code = text.charCodeAt(i);
    if (isDigit(code)) continue;
    if (code === 46) {
      dots++;
      lastDot = i;
    } else if (code === 44) {
      commas++;
      lastComma = i;
    } else return null;
  }
  let canonical: string | null;
  if (dots === 0 && commas === 0) {
    canonical = text;
  } else if (dots > 0 && commas > 0) {
    // The mark that comes last is the decimal mark; the other one groups thousands before it.
    const cut = Math.max(lastDot, lastComma);
    const groupMark = cut === lastDot ? 44 : 46;
    const integer = ungrouped(text.slice(0, cut), groupMark);
    const fraction = text.slice(cut + 1);
    if (integer === null || fraction.length === 0 || (cut === lastDot ? dots : commas) > 1) return null;
    canonical = `${integer}.${fraction}`;
  } else {
    const mark = dots > 0 ? 46 : 44;
    if (dots + commas > 1) {
      canonical = ungrouped(text, mark);
    } else {
      const at = dots > 0 ? lastDot : lastComma;
      const integer = text.slice(0, at);
      const fraction = text.slice(at + 1);
      if (fraction.length === 0) canonical = integer;
      else if (mark === 46 && fraction.length === 3 && integer.length <= 3 && !/^0+$/.test(integer)) canonical = integer + fraction;
      else canonical = `${integer}.${fraction}`;
    }
  }
  if (canonical === null) return null;
  const value = Number(canonical);
  return value === 0 ? 0 : value;
}
