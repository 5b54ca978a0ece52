// A figure as reports write it, read at a position of the folded text: "36.900 tỉ đồng",
// "12 tỷ 350 triệu đồng", "3,5 vạn lượt khách", "71,37tấn/ha", "61,2/60 ha", "07 xã", "109,3%".
// The number itself is read by the core's Vietnamese reader (shared/numbers.ts); the unit words come
// from the importer's lexicon, so a plan and its report agree on what a unit is.
import { parseVietnameseNumber } from "../numbers";
import { DENOMINATOR_UNITS, UNITS } from "../import/lexicon";

export interface Quantity {
  /** Offsets in the folded text the figure covers (number through unit), end exclusive. */
  start: number;
  end: number;
  /** Where the number itself ends (before the unit). */
  numberEnd: number;
  value: number;
  /** "61,2/60 ha": the figure after the slash (a target), when the slash is not a rank or a tally. */
  over: number | null;
  /** "7,5 - 8": the upper end of a range. */
  upTo: number | null;
  /** The unit as written in the original text, scale words included; "" when none. */
  unit: string;
  /** The unit folded, for comparisons. */
  unitFolded: string;
  percent: boolean;
  /** "vạn" (ten thousand) was multiplied out. */
  scaled: boolean;
}

const NUMBER = /\d[\d.,]*\d|\d/y;
/** Scale words before a unit; "vạn" is multiplied out because no plan counts in tens of thousands. */
const SCALES: { folded: string; factor: number }[] = [
  { folded: "nghin", factor: 1 },
  { folded: "ngan", factor: 1 },
  { folded: "trieu", factor: 1 },
  { folded: "ty", factor: 1 },
  { folded: "ti", factor: 1 },
  { folded: "van", factor: 1e4 },
];
/** Units reports use that the plan lexicon does not list. */
const EXTRA_UNITS = ["dong", "usd", "ha", "tan", "ta", "m2", "km", "luot nguoi", "luot khach", "nguoi", "ho", "xa", "thon", "chi tieu", "tieu chi", "diem", "lao dong", "tre", "hoc sinh", "san pham", "doanh nghiep", "con", "cay", "tau", "ky", "vu"];
const BASE_UNITS: string[] = [...new Set([...UNITS.map((u) => u.folded), ...EXTRA_UNITS])].sort((a, b) => b.length - a.length);
const DENOMINATORS: string[] = [...new Set([...DENOMINATOR_UNITS.map((u) => u.folded), "nguoi", "nam", "ha", "thang"])].sort((a, b) => b.length - a.length);

function wordAt(folded: string, at: number, word: string): boolean {
  if (!folded.startsWith(word, at)) return false;
  const after = folded[at + word.length];
  return after === undefined || !/[a-z0-9]/.test(after);
}

function skipSpaces(folded: string, at: number, max = 2): number {
  let i = at;
  while (i < folded.length && i - at < max && folded[i] === " ") i++;
  return i;
}

function longest(folded: string, at: number, words: readonly string[]): string | null {
  for (const w of words) if (wordAt(folded, at, w)) return w;
  return null;
}

/** Reads the bare number at `at` (no unit); null when none starts there. */
export function numberAt(folded: string, at: number): { value: number; end: number } | null {
  NUMBER.lastIndex = at;
  const m = NUMBER.exec(folded);
  if (!m) return null;
  let text = m[0];
  // A sentence-final dot or a grouping-looking tail that does not parse: shorten until it reads.
  while (text.length > 0) {
    const parsed = parseVietnameseNumber(text);
    if (parsed) return { value: parsed.value, end: at + text.length };
    const cut = Math.max(text.lastIndexOf("."), text.lastIndexOf(","));
    if (cut <= 0) break;
    text = text.slice(0, cut);
  }
  return null;
}

/** The figure starting at `at` in `folded` (with `text` the same text unfolded), or null. */
export function quantityAt(text: string, folded: string, at: number): Quantity | null {
  const first = numberAt(folded, at);
  if (!first) return null;
  let value = first.value;
  let end = first.end;
  const numberEnd = end;
  let over: number | null = null;
  let upTo: number | null = null;
  // "61,2/60 ha": actual over target (the caller decides whether it is a rank or a tally).
  if (folded[end] === "/" && /\d/.test(folded[end + 1] ?? "")) {
    const second = numberAt(folded, end + 1);
    if (second) {
      over = second.value;
      end = second.end;
    }
  } else {
    // "7,5 - 8,0" or "7,5-8": a range, when both sides are plain numbers.
    const dash = /^ ?- ?(?=\d)/.exec(folded.slice(end, end + 3));
    if (dash) {
      const second = numberAt(folded, end + dash[0].length);
      if (second && second.value >= value && !/^[-/]\d/.test(folded.slice(second.end, second.end + 2))) {
        upTo = second.value;
        end = second.end;
      }
    }
  }
  const unitStart = skipSpaces(folded, end, 1);
  let i = unitStart;
  let percent = false;
  let scaled = false;
  if (folded[i] === "%" || folded[i] === "‰") {
    percent = folded[i] === "%";
    i++;
    if (folded[i] === "0") i++; // "%0" written for ‰
    if (folded[i] === "/" || folded.startsWith(" /", i)) {
      const slash = folded.indexOf("/", i);
      const d = longest(folded, skipSpaces(folded, slash + 1), DENOMINATORS);
      if (d) i = skipSpaces(folded, slash + 1) + d.length;
    }
  } else {
    const scale = longest(folded, i, SCALES.map((s) => s.folded));
    let scaleEnd = i;
    if (scale) {
      scaleEnd = i + scale.length;
      // "ngàn tỉ", "nghìn tỷ", "triệu tấn": a second scale word.
      const next = skipSpaces(folded, scaleEnd, 1);
      const second = longest(folded, next, ["ty", "ti", "trieu"]);
      if (second && (scale === "nghin" || scale === "ngan" || scale === "trieu")) scaleEnd = next + second.length;
      // "12 tỷ 350 triệu đồng": the smaller part added, in the larger one's unit.
      if (scale === "ty" || scale === "ti") {
        const partAt = skipSpaces(folded, scaleEnd, 1);
        const part = numberAt(folded, partAt);
        if (part && wordAt(folded, skipSpaces(folded, part.end, 1), "trieu") && part.value < 1000) {
          value += part.value / 1000;
          const afterPart = skipSpaces(folded, part.end, 1) + "trieu".length;
          const base = longest(folded, skipSpaces(folded, afterPart, 1), ["dong"]);
          const unit = `${text.slice(i, i + scale.length)}${base ? " " + text.slice(skipSpaces(folded, afterPart, 1), skipSpaces(folded, afterPart, 1) + base.length) : ""}`;
          const stop = base ? skipSpaces(folded, afterPart, 1) + base.length : afterPart;
          return { start: at, end: stop, numberEnd, value, over, upTo, unit, unitFolded: foldUnit(unit), percent: false, scaled: false };
        }
      }
      const factor = SCALES.find((s) => s.folded === scale)?.factor ?? 1;
      if (factor !== 1) {
        value *= factor;
        if (over !== null) over *= factor;
        if (upTo !== null) upTo *= factor;
        scaled = true;
      }
    }
    const baseAt = scale ? skipSpaces(folded, scaleEnd, 1) : i;
    const base = longest(folded, baseAt, BASE_UNITS);
    if (base) i = baseAt + base.length;
    else if (scale) i = scaleEnd;
    else i = unitStart;
    if (i > unitStart && folded[i] === "/") {
      const d = longest(folded, skipSpaces(folded, i + 1, 1), DENOMINATORS);
      if (d) i = skipSpaces(folded, i + 1, 1) + d.length;
    }
    if (scaled && scale) {
      // "3,5 vạn lượt khách" → 35 000 lượt khách: the unit without the scale word.
      const unit = text.slice(skipSpaces(folded, scaleEnd, 1), i).trim();
      return { start: at, end: i, numberEnd, value, over, upTo, unit, unitFolded: foldUnit(unit), percent, scaled };
    }
  }
  const unit = text.slice(unitStart, i).trim();
  return { start: at, end: i > unitStart ? i : end, numberEnd, value, over, upTo, unit, unitFolded: foldUnit(unit), percent, scaled };
}

export function foldUnit(unit: string): string {
  return unit
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/\s*\/\s*/g, "/")
    .replace(/\s+/g, " ")
    .replace(/\bti\b/g, "ty")
    .trim();
}

/** Scale of a money or count unit relative to its base word: "tỷ đồng" → 1e9, "triệu đồng" → 1e6. */
export function unitScale(unitFolded: string): { base: string; factor: number } {
  const m = /^(nghin ty|ngan ty|trieu ty|nghin|ngan|trieu|ty|van)\s*(.*)$/.exec(unitFolded);
  if (!m) return { base: unitFolded, factor: 1 };
  const factors: Record<string, number> = { "nghin ty": 1e12, "ngan ty": 1e12, "trieu ty": 1e15, nghin: 1e3, ngan: 1e3, trieu: 1e6, ty: 1e9, van: 1e4 };
  return { base: m[2] || "dong", factor: factors[m[1]] };
}
