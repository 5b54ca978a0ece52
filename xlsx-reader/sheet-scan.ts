// The sheet XML read as bytes, not as one decoded string: a unit's indicator sheet is mostly
// formulas (Vietnamese text in IF(...)), and decoding all of it as UTF-8 cost more than reading
// the values. Tags are ASCII and a UTF-8 multibyte character never holds an ASCII byte, so byte
// offsets find the same tags a search over the decoded text finds; only the values are decoded.
// It reproduces, for the XML every writer produces, exactly what the regular expressions of
// xlsx-reader/read.ts's readSheetXml find; whatever falls outside that (a cell never closed, a
// value holding markup, an inline string, non-ASCII in attributes) goes to those same string
// functions, so a result never differs (test/cli/xlsx-read-fast.test.ts compares both on random
// workbooks).
import type { Grid, GridValue } from "./read";

/** What the string reader does, for the parts of a sheet the byte scan leaves to it. */
export interface StringReader {
  /** The whole sheet, from its decoded text. */
  sheet(xml: string): Grid;
  /** One cell's value from its type and its decoded content (what lies between <c ...> and </c>). */
  cell(type: string | undefined, content: string): GridValue;
  /** A row's attributes (the text after "<row"), parsed as the string reader parses them. */
  rowNumber(attrs: string, previous: number): number;
  /** Throws the reader's error for a sheet past `maxCells` values. */
  tooManyCells(): never;
  /** Makes rows and columns dense, as readSheetXml leaves them. */
  fillHoles(grid: Grid): void;
  maxRows: number;
  maxCells: number;
}

const utf8 = new TextDecoder("utf-8");
// A value may begin with U+FEFF; only the start of a whole part is a byte-order mark.
const utf8Inner = new TextDecoder("utf-8", { ignoreBOM: true });

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const COLON = 0x3a;

function isWord(b: number): boolean {
  return (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a) || b === 0x5f;
}

/** \s restricted to ASCII; a non-ASCII attribute goes to the string reader. */
function isSpace(b: number): boolean {
  return b === 0x20 || (b >= 0x09 && b <= 0x0d);
}

function isQuote(b: number): boolean {
  return b === 0x22 || b === 0x27;
}

function indexOfBytes(bytes: Uint8Array, needle: readonly number[], from: number): number {
  for (let i = bytes.indexOf(needle[0], from); i >= 0; i = bytes.indexOf(needle[0], i + 1)) {
    let j = 1;
    while (j < needle.length && bytes[i + j] === needle[j]) j++;
    if (j === needle.length) return i;
  }
  return -1;
}

function lastIndexOfBytes(bytes: Uint8Array, needle: readonly number[]): number {
  for (let i = bytes.lastIndexOf(needle[0]); i >= 0; i = i > 0 ? bytes.lastIndexOf(needle[0], i - 1) : -1) {
    let j = 1;
    while (j < needle.length && bytes[i + j] === needle[j]) j++;
    if (j === needle.length) return i;
  }
  return -1;
}

const codes = (text: string) => [...text].map((ch) => ch.charCodeAt(0));
const SHEET_DATA = codes("<sheetData");
const SHEET_DATA_END = codes("</sheetData>");

/** The text of bytes[start, end): ASCII built directly (short values), anything else through the decoder. */
function text(bytes: Uint8Array, start: number, end: number): string {
  if (end - start > 32) return utf8Inner.decode(bytes.subarray(start, end));
  let out = "";
  for (let i = start; i < end; i++) {
    const b = bytes[i];
    if (b >= 0x80) return utf8Inner.decode(bytes.subarray(start, end));
    out += String.fromCharCode(b);
  }
  return out;
}

/** End of the word run starting at `at`. */
function wordEnd(bytes: Uint8Array, at: number, end: number): number {
  while (at < end && isWord(bytes[at])) at++;
  return at;
}

function isName(bytes: Uint8Array, start: number, end: number, name: string): boolean {
  if (end - start !== name.length) return false;
  for (let i = 0; i < name.length; i++) if (bytes[start + i] !== name.charCodeAt(i)) return false;
  return true;
}

/** Which of the names the last tagName call matched (a variable, not an object per tag: no garbage). */
let tagKind = 0;

/**
 * Where the name of a tag opening at `lt` ends if it is one of `names` (with or without a prefix),
 * as /<(?:\w+:)?row\b/ and /<(?:\w+:)?c\b/ decide it; tagKind says which. -1 if none.
 */
function tagName(bytes: Uint8Array, lt: number, end: number, names: readonly string[]): number {
  const w1 = wordEnd(bytes, lt + 1, end);
  if (w1 === lt + 1) return -1;
  const prefixed = w1 < end && bytes[w1] === COLON;
  const w2 = prefixed ? wordEnd(bytes, w1 + 1, end) : -1;
  for (let kind = 0; kind < names.length; kind++) {
    tagKind = kind;
    if (prefixed && isName(bytes, w1 + 1, w2, names[kind])) return w2;
    if (isName(bytes, lt + 1, w1, names[kind])) return w1;
  }
  return -1;
}

const ROW_OR_CELL = ["row", "c"];
const V_NAME = ["v"];

/** The first "</c>" or "</p:c>" at or after `from`, as /<\/(?:\w+:)?c>/ finds it; -1 if none. */
function closeTag(bytes: Uint8Array, from: number, end: number, names: readonly string[]): { at: number; after: number } {
  for (let lt = bytes.indexOf(LT, from); lt >= 0 && lt < end; lt = bytes.indexOf(LT, lt + 1)) {
    if (bytes[lt + 1] !== SLASH) continue;
    const w1 = wordEnd(bytes, lt + 2, end);
    if (w1 === lt + 2) continue;
    let nameEnd = -1;
    if (isName(bytes, lt + 2, w1, names[0])) nameEnd = w1;
    else if (bytes[w1] === COLON) {
      const w2 = wordEnd(bytes, w1 + 1, end);
      if (isName(bytes, w1 + 1, w2, names[0])) nameEnd = w2;
    }
    if (nameEnd >= 0 && bytes[nameEnd] === GT) return { at: lt, after: nameEnd + 1 };
  }
  return { at: -1, after: -1 };
}

const NO_TYPE = 0;
const TYPE_S = 1;
const TYPE_SLOW = 2;

/** Reads the cell attributes' r="AB12" (into `ref`) and t="…" like CELL_REF and CELL_TYPE; false if non-ASCII. */
function cellAttributes(bytes: Uint8Array, start: number, end: number, ref: { col: number; row: number; found: boolean; type: number }): boolean {
  ref.found = false;
  ref.type = NO_TYPE;
  let typeFound = false;
  for (let i = start; i < end; i++) {
    const b = bytes[i];
    if (b >= 0x80) return false;
    if (i !== start && !isSpace(bytes[i - 1])) continue;
    if (b === 0x72 /* r */ && !ref.found) {
      let j = i + 1;
      while (j < end && isSpace(bytes[j])) j++;
      if (bytes[j] !== 0x3d || j >= end) continue;
      j++;
      while (j < end && isSpace(bytes[j])) j++;
      if (j >= end || !isQuote(bytes[j])) continue;
      j++;
      const lettersStart = j;
      let col = 0;
      while (j < end && bytes[j] >= 0x41 && bytes[j] <= 0x5a) col = col * 26 + (bytes[j++] - 64);
      const letters = j - lettersStart;
      if (letters < 1 || letters > 3) continue;
      const digitsStart = j;
      let row = 0;
      while (j < end && bytes[j] >= 0x30 && bytes[j] <= 0x39) row = row * 10 + (bytes[j++] - 0x30);
      if (j === digitsStart || j >= end || !isQuote(bytes[j])) continue;
      ref.found = true;
      ref.col = col - 1;
      ref.row = j - digitsStart > 15 ? Number(text(bytes, digitsStart, j)) - 1 : row - 1;
    } else if (b === 0x74 /* t */ && !typeFound) {
      let j = i + 1;
      while (j < end && isSpace(bytes[j])) j++;
      if (bytes[j] !== 0x3d || j >= end) continue;
      j++;
      while (j < end && isSpace(bytes[j])) j++;
      if (j >= end || !isQuote(bytes[j])) continue;
      const wordStart = ++j;
      j = wordEnd(bytes, j, end);
      if (j === wordStart || j >= end || !isQuote(bytes[j])) continue;
      typeFound = true;
      ref.type = isName(bytes, wordStart, j, "s") ? TYPE_S : isName(bytes, wordStart, j, "n") ? NO_TYPE : TYPE_SLOW;
    }
  }
  return true;
}

/** A run of at most 15 ASCII digits as a number (what Number() gives for it); -1 otherwise. */
function digits(bytes: Uint8Array, start: number, end: number): number {
  if (start >= end || end - start > 15) return -1;
  let n = 0;
  for (let i = start; i < end; i++) {
    const b = bytes[i];
    if (b < 0x30 || b > 0x39) return -1;
    n = n * 10 + (b - 0x30);
  }
  return n;
}

/**
 * The grid of a sheet part's bytes, equal to readSheetXml(its decoded text). `reader` supplies the
 * string functions for what the scan leaves to them.
 */
export function readSheetBytes(bytes: Uint8Array, sharedStrings: () => string[], reader: StringReader): Grid {
  const slow = () => reader.sheet(utf8.decode(bytes));
  const grid: Grid = [];
  const dataStart = indexOfBytes(bytes, SHEET_DATA, 0);
  const end = lastIndexOfBytes(bytes, SHEET_DATA_END);
  if (dataStart < 0 || end < 0) return grid;
  if (end < dataStart) return slow();
  let row = -1;
  let col = -1;
  let cells = 0;
  const ref = { col: 0, row: 0, found: false, type: NO_TYPE };
  const content = { close: 0, after: 0, value: VALUE_NONE, valueStart: 0, valueEnd: 0 };
  let at = dataStart;
  for (let lt = bytes.indexOf(LT, at); lt >= 0 && lt < end; lt = bytes.indexOf(LT, at)) {
    at = lt + 1;
    const tagAfter = tagName(bytes, lt, end, ROW_OR_CELL);
    if (tagAfter < 0) continue;
    const gt = bytes.indexOf(GT, tagAfter);
    if (gt < 0 || gt >= end) break; // No tag after this one can close either.
    const selfClosing = gt - 1 >= tagAfter && bytes[gt - 1] === SLASH;
    if (tagKind === 0) {
      const attrsEnd = selfClosing ? gt - 1 : gt;
      const r = plainRowNumber(bytes, tagAfter, attrsEnd);
      row = r >= 0 ? r - 1 : reader.rowNumber(text(bytes, tagAfter, attrsEnd), row);
      col = -1;
      at = gt + 1;
      continue;
    }
    const contentStart = gt + 1;
    let contentEnd = gt + 1;
    if (selfClosing) {
      at = gt + 1;
    } else {
      if (!scanCellContent(bytes, gt + 1, end, content)) return slow();
      contentEnd = content.close;
      at = content.after;
    }
    const attrsEnd = selfClosing ? gt - 1 : gt;
    if (!cellAttributes(bytes, tagAfter, attrsEnd, ref)) return slow();
    if (ref.found) {
      col = ref.col;
      row = ref.row;
    } else {
      col += 1;
    }
    if (row < 0 || row >= reader.maxRows || col < 0) continue;
    if (contentEnd === contentStart) continue; // No content: no value, whatever the type.
    let value: GridValue;
    if (ref.type === TYPE_SLOW || content.value === VALUE_SLOW) {
      value = reader.cell(slowType(bytes, tagAfter, attrsEnd), text(bytes, contentStart, contentEnd));
    } else if (content.value === VALUE_NONE) {
      continue; // No <v>: no value.
    } else if (ref.type === TYPE_S) {
      const index = digits(bytes, content.valueStart, content.valueEnd);
      const shared = sharedStrings()[index >= 0 ? index : Number(text(bytes, content.valueStart, content.valueEnd))];
      value = shared === undefined ? null : shared;
    } else {
      const number = digits(bytes, content.valueStart, content.valueEnd);
      value = number >= 0 ? number : reader.cell(undefined, `<v>${text(bytes, content.valueStart, content.valueEnd)}</v>`);
    }
    if (value === null) continue;
    if (++cells > reader.maxCells) reader.tooManyCells();
    (grid[row] ??= [])[col] = value;
  }
  reader.fillHoles(grid);
  return grid;
}

/** Characters attributes()'s name pattern [\w:.-] takes. */
function isNameChar(b: number): boolean {
  return isWord(b) || b === COLON || b === 0x2e || b === 0x2d;
}

/**
 * N of row attributes that begin with r="N" and name no other r (an "r" standing alone, which is
 * all attributes() could take for a second r="…"); else -1, for the string reader.
 */
function plainRowNumber(bytes: Uint8Array, start: number, end: number): number {
  if (end - start < 6 || bytes[start] !== 0x20 || bytes[start + 1] !== 0x72 || bytes[start + 2] !== 0x3d || bytes[start + 3] !== 0x22) return -1;
  const close = bytes.indexOf(0x22, start + 4);
  if (close < 0 || close >= end) return -1;
  for (let i = close + 1; i < end; i++) if (bytes[i] === 0x72 && !isNameChar(bytes[i - 1]) && (i + 1 >= end || !isNameChar(bytes[i + 1]))) return -1;
  const n = digits(bytes, start + 4, close);
  return n > 0 ? n : -1;
}

/** The type attribute's text, for the string reader's cellValue. */
function slowType(bytes: Uint8Array, start: number, end: number): string | undefined {
  return /(?:^|\s)t\s*=\s*["'](\w+)["']/.exec(text(bytes, start, end))?.[1];
}

const VALUE_NONE = 0;
const VALUE_FOUND = 1;
const VALUE_SLOW = 2;

/**
 * One pass over a cell's content from `from`: where it closes (the first </c> or </p:c>, as
 * /<\/(?:\w+:)?c>/ finds it) and where the first <v>…</v> before that holds the value, as V_TAG
 * finds it (VALUE_SLOW if that <v> has attributes, a prefix or markup inside: left to the string
 * reader). False if the cell never closes.
 */
function scanCellContent(
  bytes: Uint8Array,
  from: number,
  end: number,
  out: { close: number; after: number; value: number; valueStart: number; valueEnd: number },
): boolean {
  out.value = VALUE_NONE;
  for (let lt = bytes.indexOf(LT, from); lt >= 0 && lt < end; lt = bytes.indexOf(LT, lt + 1)) {
    if (bytes[lt + 1] === SLASH) {
      if (bytes[lt + 2] === 0x63 && bytes[lt + 3] === GT) {
        out.close = lt;
        out.after = lt + 4;
        return true;
      }
      const w1 = wordEnd(bytes, lt + 2, end);
      if (w1 > lt + 2 && bytes[w1] === COLON) {
        const w2 = wordEnd(bytes, w1 + 1, end);
        if (isName(bytes, w1 + 1, w2, "c") && bytes[w2] === GT) {
          out.close = lt;
          out.after = w2 + 1;
          return true;
        }
      } else if (isName(bytes, lt + 2, w1, "c") && bytes[w1] === GT) {
        out.close = lt;
        out.after = w1 + 1;
        return true;
      }
      continue;
    }
    if (out.value !== VALUE_NONE) continue;
    const tagAfter = tagName(bytes, lt, end, V_NAME);
    if (tagAfter < 0) continue;
    if (tagAfter !== lt + 2 || bytes[tagAfter] !== GT) {
      out.value = VALUE_SLOW;
      continue;
    }
    const valueStart = tagAfter + 1;
    const next = bytes.indexOf(LT, valueStart);
    if (next < 0 || next + 3 >= end || bytes[next + 1] !== SLASH || bytes[next + 2] !== 0x76 || bytes[next + 3] !== GT) {
      out.value = VALUE_SLOW;
      continue;
    }
    out.value = VALUE_FOUND;
    out.valueStart = valueStart;
    out.valueEnd = next;
    lt = next;
  }
  return false;
}

/** What the string reader does with shared strings, for the items the byte scan leaves to it. */
export interface SharedStringReader {
  /** Every item, from the part's decoded text. */
  all(xml: string): string[];
  /** One item's text from its decoded content (what lies between <si> and </si>). */
  item(content: string): string;
  decodeEntities(text: string): string;
  /** The second half of decodeEntities: Excel's _xHHHH_ escapes. */
  decodeControlEscapes(text: string): string;
}

const AMP = 0x26;
const ENTITIES: [number[], number][] = [
  [codes("&quot;"), 0x22],
  [codes("&lt;"), 0x3c],
  [codes("&gt;"), 0x3e],
  [codes("&apos;"), 0x27],
  [codes("&amp;"), 0x26],
];

/**
 * The text of `range` with the five named entities decoded in the bytes, before UTF-8 decoding:
 * the plan stored in every workbook is JSON with hundreds of &quot;, and replacing them in the
 * decoded (two-byte) string cost more than the rest of the shared strings. The same as
 * decodeEntities' first step (it replaces the five one after the other; none can form another, so
 * one pass gives the same); null if a numeric reference occurs, which that step decodes otherwise.
 */
function namedEntitiesDecoded(bytes: Uint8Array, firstAmp: number, range: { start: number; end: number }): string | null {
  const out = new Uint8Array(range.end - range.start);
  out.set(bytes.subarray(range.start, firstAmp));
  let length = firstAmp - range.start;
  let i = firstAmp;
  while (i < range.end) {
    const b = bytes[i];
    if (b !== AMP) {
      out[length++] = b;
      i++;
      continue;
    }
    if (i + 1 < range.end && bytes[i + 1] === 0x23) return null;
    let replaced = false;
    for (const [entity, char] of ENTITIES) {
      if (i + entity.length > range.end) continue;
      let j = 1;
      while (j < entity.length && bytes[i + j] === entity[j]) j++;
      if (j === entity.length) {
        out[length++] = char;
        i += entity.length;
        replaced = true;
        break;
      }
    }
    if (!replaced) {
      out[length++] = b;
      i++;
    }
  }
  return utf8Inner.decode(out.subarray(0, length));
}

const SI_NAME = ["si"];
const T_NAME = ["t"];

/** The shared strings of the part's bytes, equal to readSharedStrings(its decoded text). */
export function readSharedStringBytes(bytes: Uint8Array, reader: SharedStringReader): string[] {
  const out: string[] = [];
  const end = bytes.length;
  let at = 0;
  for (let lt = bytes.indexOf(LT, at); lt >= 0; lt = bytes.indexOf(LT, at)) {
    at = lt + 1;
    const tagAfter = tagName(bytes, lt, end, SI_NAME);
    if (tagAfter < 0) continue;
    const gt = bytes.indexOf(GT, tagAfter);
    if (gt < 0) break;
    if (bytes[gt - 1] === SLASH && gt - 1 >= tagAfter) {
      out.push(reader.item(""));
      at = gt + 1;
      continue;
    }
    const close = closeTag(bytes, gt + 1, end, SI_NAME);
    if (close.at < 0) return reader.all(utf8.decode(bytes));
    at = close.after;
    const plain = plainText(bytes, gt + 1, close.at);
    if (plain === null) {
      out.push(reader.item(text(bytes, gt + 1, close.at)));
      continue;
    }
    let amp = plain.start;
    while (amp < plain.end && bytes[amp] !== AMP) amp++;
    const unescaped = amp < plain.end ? namedEntitiesDecoded(bytes, amp, plain) : null;
    const value = unescaped ?? text(bytes, plain.start, plain.end);
    if (unescaped !== null) out.push(value.includes("_x") ? reader.decodeControlEscapes(value) : value);
    else out.push(value.includes("&") || value.includes("_x") ? reader.decodeEntities(value) : value);
  }
  return out;
}

/** Where the text of an item that is one <t>…</t> and nothing else lies; null for anything else. */
function plainText(bytes: Uint8Array, start: number, end: number): { start: number; end: number } | null {
  if (bytes[start] !== LT) return null;
  const tagAfter = tagName(bytes, start, end, T_NAME);
  if (tagAfter < 0 || tagAfter !== start + 2) return null;
  const gt = bytes.indexOf(GT, tagAfter);
  if (gt < 0 || gt >= end || bytes[gt - 1] === SLASH) return null;
  const next = bytes.indexOf(LT, gt + 1);
  if (next !== end - 4 || bytes[next + 1] !== SLASH || bytes[next + 2] !== 0x74 || bytes[next + 3] !== GT) return null;
  return { start: gt + 1, end: next };
}
