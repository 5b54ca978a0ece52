// One clause of an item ("Tỷ lệ hộ nghèo giảm 0,2%") → the target it states: the number that is the
// target (not a year, a decree number, an age or a qualifier), its unit, its comparator and the name.
import type { Comparator } from "../model";
import { parseVietnameseNumber } from "../numbers";
import {
  COUNT_WORDS_AFTER,
  DENOMINATOR_UNITS,
  GROWTH_NAME,
  LEAD_PHRASES,
  LEADING_CONNECTORS,
  LOWER_IS_BETTER_NAME,
  MULTIPLIERS,
  NOT_A_QUANTITY_AFTER,
  NUMBER_WORDS,
  GOVERNING_VERBS,
  QUALIFIER_BEFORE,
  REFERENCE_WORDS,
  UNITS,
  type LeadPhrase,
  type LexiconUnit,
} from "./lexicon";
import { slice, trim, type MappedText } from "./mapped";

export interface Candidate {
  /** Offsets in the clause: the lead phrases, the number, and the end of unit and trailing words. */
  leadStart: number;
  numberStart: number;
  end: number;
  value: number;
  valueMax?: number;
  unit: string;
  leads: LeadPhrase[];
  trailing: ">=" | "<=" | null;
  excluded: boolean;
  fromWords: boolean;
  zeroPhrase: boolean;
  /** Where the counted noun starts, for "không còn hộ nghèo" (the noun belongs to the name). */
  unitStart?: number;
  score: number;
  atStart: boolean;
  atEnd: boolean;
  introduced: boolean;
}

export interface ReadOptions {
  /** The document lost its diacritics (OCR): units are matched loosely and written in their usual form. */
  ocr: boolean;
}

// "%0" is how plans type ‰ (per mille) without the sign.
const NUMBER_TOKEN = /(?<![\p{L}\d])(\d+(?:[.,]\d+)*)(?![\p{L}\d])(\s*(?:%0(?![\d.,]\d)|[%‰]))?/gu;
const NUMBER_WORD_TOKEN = /(?<![\p{L}])(hai muoi|muoi mot|muoi hai|muoi lam|mot|hai|ba|bon|nam|sau|bay|tam|chin|muoi)(?=\s)/gu;
const ZERO_PHRASE = /(?<![\p{L}])kh[a-z0-9]{0,2}ng (?:con|co|de (?:xay ra|phat sinh))\s+/gu;
const LETTER = /\p{L}/u;
const ZERO_TARGET_STATE = /yeu kem|ngheo|nha tam|dot nat|vi pham|toi pham|ma tuy|khieu kien|dac biet kho khan|mu chu|bo hoc|o nhiem|ton dong|tham nhung|tieu cuc|diem nong|khong hoan thanh|tai nan|chay no|dich benh/;

// The same clause is read several ways (split on commas, on "và", as an aim): its candidates are
// computed once per import. A memo keyed by the clause's text and where it starts; bounded, cleared per import.
const CANDIDATE_CACHE = new Map<string, Candidate[]>();
const CANDIDATE_CACHE_MAX = 4000;

/** Forgets the clauses of the previous text (called when an import starts, so no figure outlives it). */
export function clearCandidateCache(): void {
  CANDIDATE_CACHE.clear();
}

/** Every number in the clause that could be a target, with the words around it read. */
export function findCandidates(clause: MappedText, options: ReadOptions): Candidate[] {
  const key = `${options.ocr ? 1 : 0}|${clause.starts[0] ?? -1}|${clause.starts[clause.starts.length - 1] ?? -1}|${clause.text}`;
  const cached = CANDIDATE_CACHE.get(key);
  if (cached) return cached.slice();
  const found = computeCandidates(clause, options);
  if (CANDIDATE_CACHE.size >= CANDIDATE_CACHE_MAX) CANDIDATE_CACHE.clear();
  CANDIDATE_CACHE.set(key, found);
  return found.slice();
}

function computeCandidates(clause: MappedText, options: ReadOptions): Candidate[] {
  const f = clause.folded;
  const depth = parenthesisDepth(f);
  const out: Candidate[] = [];
  let previousExcludedEnd = -10;
  let previousExcludedShort = false;
  NUMBER_TOKEN.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = NUMBER_TOKEN.exec(f)) !== null) {
    const numberStart = match.index;
    const digits = clause.text.slice(numberStart, numberStart + match[1].length);
    let end = numberStart + match[0].length;
    const percentSign = match[2] ? match[2].trim() : "";
    const before = f.slice(Math.max(0, numberStart - 48), numberStart);
    const after = f.slice(end, end + 48);
    let excluded = depth[numberStart] > 0 || isReference(digits, before, after, percentSign !== "") || (!percentSign && COUNT_WORDS_AFTER.test(after)) || /(?:https?:\/\/|www\.)\S*$/.test(before);
    // "mức độ 3, 4": the 4 continues a list of excluded grades, not a target.
    if (!excluded && previousExcludedShort && /\d\s*(?:,|va|hoac)\s*$/.test(before) && numberStart - previousExcludedEnd < 8) excluded = true;
    if (!excluded && QUALIFIER_BEFORE.test(before)) excluded = true;
    const parsed = parseVietnameseNumber(digits);
    if (!parsed) excluded = true;
    if (excluded) {
      previousExcludedEnd = end;
      previousExcludedShort = match[1].length <= 2;
      continue;
    }
    let value = parsed!.value;
    let valueMax: number | undefined;
    let unit = percentSign;
    // "14/14 thôn": the first number is the target, the second the total.
    const ratio = /^\/(\d+)(?=\s+\p{L})/u.exec(f.slice(end));
    if (ratio) {
      end += ratio[0].length;
      // "bằng 1/2 bình quân chung": a fraction, when no counted noun follows (unlike "14/14 thôn").
      const den = Number(ratio[1]);
      if (den >= 2 && den <= 10 && value < den && !matchUnit(clause, end, options)) value = value / den;
    }
    const range = /^\s*(?:-|den|toi)\s*(\d+(?:[.,]\d+)*)(\s*[%‰])?/.exec(f.slice(end));
    if (range) {
      const max = parseVietnameseNumber(clause.text.slice(end + range[0].indexOf(range[1]), end + range[0].indexOf(range[1]) + range[1].length));
      if (max && max.value > value && !isYearLike(digits)) {
        valueMax = max.value;
        end += range[0].length;
        if (range[2]) unit = range[2].trim();
      }
    }
    let factor = 1;
    if (!unit) {
      const read = readUnit(clause, end, options);
      unit = read.unit;
      factor = read.factor;
      end = read.end;
      // "từ 80,4 triệu đồng đến 80,8 triệu đồng": the unit written after both bounds.
      const upper = valueMax === undefined && unit ? /^\s*(?:-|den|toi)\s*(\d+(?:[.,]\d+)*)/.exec(f.slice(end)) : null;
      if (upper) {
        const at = end + upper[0].indexOf(upper[1]);
        const max = parseVietnameseNumber(clause.text.slice(at, at + upper[1].length));
        const again = readUnit(clause, at + upper[1].length, options);
        if (max && foldUnit(again.unit) === foldUnit(unit) && max.value * again.factor > value * factor) {
          valueMax = max.value;
          end = again.end;
        }
      }
    } else {
      // "100% chỉ tiêu": a share of the quota, the unit the text writes.
      const quota = /^\s+chi tieu(?=\s*(?:[;,.]|$))/.exec(f.slice(end));
      if (quota) {
        unit += clause.text.slice(end, end + quota[0].length).replace(/^\s+/, " ");
        end += quota[0].length;
      }
      let denominator = readDenominator(clause, end);
      while (denominator) {
        unit += "/" + denominator.unit;
        end = denominator.end;
        denominator = readDenominator(clause, end);
      }
    }
    value *= factor;
    if (valueMax !== undefined) valueMax *= factor;
    const trailingMatch = /^\s*(tro len|tro xuong)/.exec(f.slice(end));
    let trailing: Candidate["trailing"] = null;
    if (trailingMatch) {
      trailing = trailingMatch[1] === "tro len" ? ">=" : "<=";
      end += trailingMatch[0].length;
      // "từ 10 đảng viên trở lên/năm": the pieces of the unit are joined.
      const denominator = unit ? readDenominator(clause, end) : null;
      if (denominator) {
        unit += "/" + denominator.unit;
        end = denominator.end;
      }
    }
    NUMBER_TOKEN.lastIndex = Math.max(NUMBER_TOKEN.lastIndex, end);
    const { leads, leadStart } = peelLeads(f, numberStart);
    out.push(finish(clause, { leadStart, numberStart, end, value, valueMax, unit, leads, trailing, excluded: false, fromWords: false, zeroPhrase: false }, depth));
  }
  for (const word of wordNumbers(clause, options, depth)) out.push(word);
  for (const zero of zeroPhrases(clause, options, depth)) out.push(zero);
  out.sort((a, b) => a.numberStart - b.numberStart);
  return out;
}

function finish(clause: MappedText, c: Omit<Candidate, "score" | "atStart" | "atEnd" | "introduced">, depth: number[]): Candidate {
  const f = clause.folded;
  let head = f.slice(0, c.leadStart).replace(LEADING_CONNECTORS, "").trim();
  // "Tỉnh phấn đấu có 3.188 doanh nghiệp": what precedes the governing verb is the subject, not the name.
  const governed = /(?:^|\s)phan dau\s+(?:(?:dat|co)\s*)?$|(?:^|\s)phan dau\s+(co|dat)?\s*$/.exec(head);
  if (governed) head = (governed[1] ?? "").trim();
  const atStart = head.length === 0 || /^(?:hoan thanh|co|thu hut|hinh thanh|xay dung|giai quyet|tao|dao tao|ho tro|phan dau co|dat|trong|trong moi|moi|co them)$/.test(head);
  const rest = f.slice(c.end);
  // "…từ 8% trở lên, làm nền tảng cho …": a purpose clause after a comma is neither name nor target.
  const atEnd = isTail(rest, depth, c.end) || (/^[^,]*,\s*(?:lam|gop phan|nham|de|tao|huong toi xay dung|phan dau tro thanh)\b/.test(rest) && isTail(rest.slice(0, rest.indexOf(",")), depth, c.end));
  const strong = c.leads.some((l) => l.introducer);
  const weakPreposition = !strong && c.leads.length > 0 && !atStart;
  const introduced = strong || (c.leads.length > 0 && atStart);
  let score = 1;
  if (introduced) score += 3;
  else if (weakPreposition) score -= 0.5;
  if (atStart) score += head.length === 0 ? 3.5 : 2.5;
  if (c.unit) score += 1;
  if (atEnd) score += 1;
  return { ...c, score, atStart, atEnd, introduced };
}

/** What may follow a target at the end of a clause without being part of the name. */
function isTail(rest: string, depth: number[], from: number): boolean {
  const stripped = rest
    .replace(/\([^)]*\)?/g, " ")
    .replace(/\b(?:so voi|so cung ky|so ke hoach|ke hoach|tro len|tro xuong|nam \d{4}|ca nam|moi nam|hang nam|tren dia ban|tai dia ban|theo (?:gia|chuan|ke hoach)[^,;]*|gia (?:hien hanh|so sanh)[^,;]*)\b/g, " ")
    .replace(/[\s.,;:!?"'’”)\]*-]+/g, " ")
    .trim();
  void depth;
  void from;
  return stripped.length === 0;
}

function isYearLike(digits: string): boolean {
  return /^(19|20|21)\d{2}$/.test(digits);
}

function isReference(digits: string, before: string, after: string, percent = false): boolean {
  if (/^\/\s*\d+\s*\/\s*\d+/.test(after) || /^\/\s*\d{4}\b/.test(after) || /^\/\s*\d{1,2}(?!\d)(?!\s+\p{L})/u.test(after)) return true; // dates
  if (!percent && (/^\s*\/\s*\p{L}/u.test(after) || /^-\s?\p{L}{2}/u.test(after))) return true; // 232/KH-UBND, 41-CT/TW (not 10%/năm)
  if (/[/\\]\s*$/.test(before) || /\d\s*\/\s*$/.test(before) || /\p{L}-$/u.test(before)) return true;
  if (/(?:19|20)\d{2}-(?:\d{2}-)?$/.test(before) || /^-\d{2}-\d{2}\b/.test(after)) return true; // ISO dates: 2025-12-23
  if (/\bngay\s+\d{1,2}\s*-\s*$/.test(before)) return true; // "Ngày 28-4"
  if (/^:\d{2}\b/.test(after) || /\d{1,2}:$/.test(before)) return true; // a time of day: 07:40
  if (/[a-z]\s*\.\s*$/.test(before) && /\d\.\s*$/.test(before)) return true;
  if (REFERENCE_WORDS.test(before)) return true;
  if (NOT_A_QUANTITY_AFTER.test(after)) return true;
  if (isYearLike(digits)) {
    if (/^\s*-\s*\d{4}/.test(after) || /\d{4}\s*-\s*$/.test(before)) return true;
    const unitAfter = UNITS.some((u) => after.startsWith(" " + u.folded));
    if (!unitAfter || !/(?:dat|la|:)\s*$/.test(before)) return true;
  }
  if (/^\s*(?:gio|phut|h\b|giay)/.test(after) && /^\d{1,2}$/.test(digits)) return true;
  return false;
}

function parenthesisDepth(f: string): number[] {
  const out = new Array<number>(f.length + 1);
  let depth = 0;
  for (let i = 0; i < f.length; i++) {
    if (f[i] === "(" || f[i] === "[") depth++;
    out[i] = depth;
    if ((f[i] === ")" || f[i] === "]") && depth > 0) depth--;
  }
  out[f.length] = depth;
  return out;
}

/** Peels comparator and introducer phrases off the text before a number, nearest first. */
function peelLeads(f: string, numberStart: number): { leads: LeadPhrase[]; leadStart: number } {
  const leads: LeadPhrase[] = [];
  let at = numberStart;
  for (let round = 0; round < 4; round++) {
    let k = at;
    while (k > 0 && f[k - 1] === " ") k--;
    const window = f.slice(Math.max(0, k - 24), k);
    const phrase = LEAD_PHRASES.find((p) => {
      if (!window.endsWith(p.folded)) return false;
      const startAt = k - p.folded.length;
      return startAt === 0 || !LETTER.test(f[startAt - 1]) || !LETTER.test(p.folded[0]);
    });
    if (!phrase) break;
    // "mức tăng khoảng 3,5%": after "mức", tăng/giảm is the noun the name ends with, unless it governs the number itself.
    if (round > 0 && (phrase.comparator === "increase" || phrase.comparator === "decrease") && /(?:^|\s)muc\s*$/.test(f.slice(0, k - phrase.folded.length))) break;
    leads.push(phrase);
    at = k - phrase.folded.length;
  }
  return { leads, leadStart: leads.length ? at : numberStart };
}

interface UnitRead {
  unit: string;
  factor: number;
  end: number;
}

/** Reads "triệu đồng", "tỷ USD", "lượt người", "doanh nghiệp/1.000 dân" after a number. */
export function readUnit(clause: MappedText, from: number, options: ReadOptions): UnitRead {
  const f = clause.folded;
  let at = from;
  let factor = 1;
  let prefix = "";
  const multiplier = /^\s+(trieu ty|nghin ty|ngan ty|van|nghin|ngan|trieu|ty)(?![\p{L}])/u.exec(f.slice(at));
  if (multiplier) {
    const entry = MULTIPLIERS.find((m) => m.words === multiplier[1])!;
    factor = entry.factor;
    const wordsEnd = at + multiplier[0].length;
    const written = clause.text.slice(wordsEnd - multiplier[1].length, wordsEnd);
    if (entry.keep === null) prefix = "";
    else if (options.ocr) prefix = entry.keep;
    else prefix = entry.factor > 1 ? written.split(/\s+/).pop()! : written;
    at = wordsEnd;
  }
  const unit = matchUnit(clause, at, options);
  let text = prefix;
  if (unit) {
    text = prefix ? `${prefix} ${unit.text}` : unit.text;
    at = unit.end;
  }
  if (text) {
    let denominator = readDenominator(clause, at);
    while (denominator) {
      text += "/" + denominator.unit;
      at = denominator.end;
      denominator = readDenominator(clause, at);
    }
  }
  return { unit: text.replace(/\s+/g, " ").trim(), factor, end: text ? at : from };
}

function matchUnit(clause: MappedText, at: number, options: ReadOptions): { text: string; end: number } | null {
  const f = clause.folded;
  const space = /^\s+/.exec(f.slice(at));
  if (!space) return null;
  const start = at + space[0].length;
  const rest = f.slice(start, start + 40);
  const exact = UNITS.find((u) => rest.startsWith(u.folded) && !LETTER.test(rest[u.folded.length] ?? ""));
  if (exact) return { text: options.ocr ? exact.canonical : clause.text.slice(start, start + exact.folded.length), end: start + exact.folded.length };
  if (!options.ocr) return null;
  const loose = looseUnit(rest);
  return loose ? { text: loose.unit.canonical, end: start + loose.length } : null;
}

/** OCR: "triéu ddng" → triệu đồng, "16p" → lớp: digits read as letters, one wrong letter per word. */
function looseUnit(rest: string): { unit: LexiconUnit; length: number } | null {
  const words = rest.split(" ");
  for (const unit of UNITS) {
    const target = unit.folded.split(" ");
    if (words.length < target.length) continue;
    let ok = true;
    let length = 0;
    for (let i = 0; i < target.length && ok; i++) {
      const raw = words[i].replace(/[.,;:)]+$/, "");
      const word = raw.replace(/1/g, "l").replace(/[60]/g, "o").replace(/4/g, "a");
      ok = word === target[i] || (target[i].length >= 3 && word.length === target[i].length && hamming(word, target[i]) <= 1);
      length += (i > 0 ? 1 : 0) + raw.length;
    }
    if (ok) return { unit, length };
  }
  return null;
}

function hamming(a: string, b: string): number {
  let d = 0;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) d++;
  return d;
}

function readDenominator(clause: MappedText, at: number): { unit: string; end: number } | null {
  const f = clause.folded;
  const slash = /^\s*\/\s*/.exec(f.slice(at));
  if (!slash) return null;
  const start = at + slash[0].length;
  const rest = f.slice(start, start + 20);
  const unit = DENOMINATOR_UNITS.find((u) => rest.startsWith(u.folded) && !LETTER.test(rest[u.folded.length] ?? ""));
  if (!unit) return null;
  // The unit is kept as written, with the spaces after its slash ("%/ năm", "triệu đồng/ năm").
  const spaces = slash[0].replace(/^\s*\//, "");
  return { unit: spaces + clause.text.slice(start, start + unit.folded.length), end: start + unit.folded.length };
}

function wordNumbers(clause: MappedText, options: ReadOptions, depth: number[]): Candidate[] {
  const f = clause.folded;
  const out: Candidate[] = [];
  NUMBER_WORD_TOKEN.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = NUMBER_WORD_TOKEN.exec(f)) !== null) {
    const numberStart = match.index;
    if (depth[numberStart] > 0) continue;
    const unit = matchUnit(clause, numberStart + match[0].length, options);
    if (!unit || !/^(?:huyen|xa|phuong|thon|truong|nha|khu|cum|du an|san pham|tuyen|cong trinh|doanh nghiep|hop tac xa|to dan pho|lang|cho|tram|mo hinh)/.test(foldUnit(unit.text))) continue;
    const before = f.slice(Math.max(0, numberStart - 30), numberStart);
    if (REFERENCE_WORDS.test(before)) continue;
    const { leads, leadStart } = peelLeads(f, numberStart);
    const candidate = finish(
      clause,
      { leadStart, numberStart, end: unit.end, value: NUMBER_WORDS[match[1]], unit: unit.text, leads, trailing: null, excluded: false, fromWords: true, zeroPhrase: false },
      depth,
    );
    out.push(candidate);
  }
  return out;
}

function foldUnit(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase();
}

/** "không còn hộ nghèo" → 0 hộ (=). */
function zeroPhrases(clause: MappedText, options: ReadOptions, depth: number[]): Candidate[] {
  const f = clause.folded;
  const out: Candidate[] = [];
  ZERO_PHRASE.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = ZERO_PHRASE.exec(f)) !== null) {
    if (depth[match.index] > 0) continue;
    const after = match.index + match[0].length;
    let unit = "";
    let end = after;
    const word = /^(\S+)/.exec(f.slice(after));
    if (word && /^(?:ho|hd|h0|h6|h\u00f4)$/.test(word[1])) {
      unit = options.ocr ? "hộ" : clause.text.slice(after, after + word[1].length);
      end = after + word[1].length;
    } else {
      const lexicon = matchUnit(clause, after - 1, options);
      if (lexicon) {
        unit = lexicon.text;
        end = lexicon.end;
      }
    }
    // "không có chi bộ yếu kém": a zero target needs no unit when it opens the clause (after its verb).
    const head = f.slice(0, match.index).replace(LEADING_CONNECTORS, "").replace(GOVERNING_VERBS, "").trim();
    // Without a unit it must name something to be rid of (what zero targets are about), not "không có số liệu".
    if (!unit && (head.split(/\s+/).filter(Boolean).length > 3 || !ZERO_TARGET_STATE.test(f.slice(after, after + 60).split(/[,;.]/)[0]))) continue;
    end = Math.max(end, after);
    const { leadStart } = peelLeads(f, match.index);
    const candidate = finish(
      clause,
      {
        unitStart: after,
        leadStart,
        numberStart: match.index,
        end,
        value: 0,
        // "không còn hộ nghèo" is 0 hộ (as the built-in plans read it); "không có chi bộ yếu kém" has no unit.
        unit,
        leads: [{ folded: "khong con", comparator: "=", introducer: true }],
        trailing: null,
        excluded: false,
        fromWords: false,
        zeroPhrase: true,
      },
      depth,
    );
    out.push(candidate);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------

export interface ClauseTarget {
  name: string;
  unit: string;
  comparator: Comparator;
  target: number | null;
  targetMin?: number;
  targetMax?: number;
  note: string | null;
  /** The part of the clause the target was read from (for the span). */
  source: MappedText;
  reasons: string[];
  candidate: Candidate | null;
}

/** The best candidate of a clause, or null when it states no number. */
export function bestCandidate(candidates: Candidate[]): Candidate | null {
  let best: Candidate | null = null;
  for (const c of candidates) if (!best || c.score > best.score || (c.score === best.score && c.introduced && !best.introduced)) best = c;
  return best;
}

/** Reads the target of one clause (one candidate chosen); null when no number qualifies. */
export function readClause(clause: MappedText, candidates: Candidate[], options: ReadOptions & { parentName?: string }): ClauseTarget | null {
  const chosen = bestCandidate(candidates);
  if (!chosen) return null;
  const reasons: string[] = [];
  const f = clause.folded;
  const beforeText = clause.text.slice(0, chosen.leadStart);
  const afterText = clause.text.slice(chosen.end);
  let name: string;
  let note: string | null = null;
  if (chosen.zeroPhrase) {
    // Zero targets keep their wording, without the governing verb: "phường không có hộ nghèo, hộ cận nghèo".
    const verb = GOVERNING_VERBS.exec(f.replace(LEADING_CONNECTORS, ""));
    const from = (f.length - f.replace(LEADING_CONNECTORS, "").length) + (verb ? verb[0].length : 0);
    name = cleanName(clause.text.slice(from), f.slice(from));
  } else if (chosen.atStart && (!chosen.atEnd || cleanName(beforeText, f.slice(0, chosen.leadStart)))) {
    // "72 xã đạt chuẩn …", "Hình thành 01 khu công nghiệp": the counted noun belongs to the name.
    const head = cleanName(beforeText, f.slice(0, chosen.leadStart));
    const rest = cleanName(afterText, f.slice(chosen.end));
    const counted = chosen.unit && chosen.unit !== "%" ? chosen.unit : "";
    const prefix = head ? `${head} ${counted}` : chosen.unit === "%" ? "Tỷ lệ" : counted ? `Số ${counted}` : "";
    name = `${prefix} ${rest}`.trim();
  } else {
    name = cleanName(beforeText, f.slice(0, chosen.leadStart));
    const tail = afterText.replace(/^[\s,.;:]+|[\s,.;:]+$/g, "");
    if (chosen.atEnd) {
      if (tail && /[\p{L}\d]/u.test(tail)) note = tail.replace(/\s+/g, " ");
    } else if (tail) {
      // "mở rộng từ 02 đến 04 trường học": the unit word also belongs to the name around it.
      const unitWord = chosen.unit && chosen.unit !== "%" && /^\s*\p{Ll}/u.test(afterText) ? ` ${chosen.unit}` : "";
      name = (name + unitWord + " " + cleanName(afterText, f.slice(chosen.end))).trim();
    }
  }
  if (!name) name = options.parentName ?? clause.text.trim();
  // "Nâng tỷ lệ hộ dùng nước sạch lên 94,5%": "nâng … lên" governs the number; the name is the rate.
  if (/^nang\s+(?!cao\b)/.test(foldUnit(name)) && chosen.leads.some((l) => l.folded === "len")) name = name.replace(/^\S+\s+/, "");
  name = capitalize(name.replace(/\s+/g, " ").trim());
  let unit = chosen.unit;
  if (!unit) {
    // "Số lượt hộ …: 294", "Số Tổ dân phố văn hoá: 25": what is counted is named right after "Số".
    const counted = /^(?:so|tong so)\s+/.exec(foldUnit(name));
    if (counted) {
      const rest = foldUnit(name).slice(counted[0].length);
      const found = UNITS.find((u) => rest.startsWith(u.folded) && !LETTER.test(rest[u.folded.length] ?? "") && u.folded !== "ty le");
      if (found) {
        unit = found.canonical;
        reasons.push("import.reason.unit-from-name");
      }
    }
  }
  const comparator = decideComparator(chosen, name, f, options.parentName);
  if (comparator.inferred) reasons.push("import.reason.polarity-inferred");
  if (!unit) reasons.push("import.reason.no-unit");
  if (!chosen.introduced && !chosen.atStart) reasons.push("import.reason.weak-context");
  if (candidates.length > 1) reasons.push("import.reason.several-numbers");
  if (chosen.fromWords) reasons.push("import.reason.number-words");
  const result: ClauseTarget = {
    name,
    unit,
    comparator: comparator.comparator,
    target: chosen.value,
    note,
    source: clause,
    reasons,
    candidate: chosen,
  };
  if (comparator.comparator === "range") {
    result.target = null;
    result.targetMin = chosen.value;
    result.targetMax = chosen.valueMax;
  }
  return result;
}

function decideComparator(c: Candidate, name: string, folded: string, parentName?: string): { comparator: Comparator; inferred: boolean } {
  if (c.valueMax !== undefined) return { comparator: "range", inferred: false };
  if (c.zeroPhrase) return { comparator: "=", inferred: false };
  const nameFolded = foldUnit(name);
  // Verb-first "Giảm tỷ lệ hộ nghèo … là 3%", "Giảm tai nạn … đạt 5% trở lên": a reduction by the figure,
  // unless a ceiling word governs the number ("giảm … xuống dưới 10%").
  if (/^giam\b/.test(nameFolded) && !c.leads.some((l) => l.comparator === "<" || l.comparator === "<=" || l.comparator === "approx")) return { comparator: "decrease-by", inferred: false };
  for (const lead of c.leads) {
    switch (lead.comparator) {
      case null:
        continue;
      case "from":
        return { comparator: c.trailing ?? ">=", inferred: false };
      case "increase": {
        if (c.trailing) return { comparator: c.trailing, inferred: false };
        const growth = GROWTH_NAME.test(nameFolded) || (parentName !== undefined && GROWTH_NAME.test(foldUnit(parentName)));
        return { comparator: growth ? ">=" : "increase-by", inferred: false };
      }
      case "decrease":
        return { comparator: "decrease-by", inferred: false };
      case "<=":
        if (lead.folded === "con" && !/giam/.test(folded.slice(0, c.leadStart))) continue;
        return { comparator: "<=", inferred: false };
      default:
        return { comparator: lead.comparator, inferred: false };
    }
  }
  if (/^giam\b/.test(nameFolded)) return { comparator: "decrease-by", inferred: false };
  if (c.trailing) return { comparator: c.trailing, inferred: false };
  if (/^tang\b/.test(nameFolded) && !GROWTH_NAME.test(nameFolded)) return { comparator: "increase-by", inferred: false };
  if (c.value === 0) return { comparator: "=", inferred: false };
  const introducedPlainly = c.leads.some((l) => l.folded === "dat" || l.folded === "dat tu" || l.folded === "phan dau" || l.folded === "phan dau dat");
  if (!introducedPlainly && (LOWER_IS_BETTER_NAME.test(nameFolded) || (parentName !== undefined && LOWER_IS_BETTER_NAME.test(foldUnit(parentName)))))
    return { comparator: "<=", inferred: true };
  return { comparator: ">=", inferred: false };
}

/** A name from the words around a target: connectors, deadlines and dangling verbs removed. */
export function cleanName(text: string, folded: string): string {
  let t = text;
  let f = folded;
  // "Khắc phục khó khăn, …, phấn đấu đạt tăng trưởng GRDP": the name starts after the governing phrase.
  const governs = /(?:^|[\s,])(?:phan dau(?:\s+dat)?|(?:dat|dat ra|giao|de ra)\s+muc tieu|quyet nghi)\s+/g;
  let cut = -1;
  let m: RegExpExecArray | null;
  while ((m = governs.exec(f)) !== null) cut = m.index + m[0].length;
  if (cut > 0 && f.slice(cut).trim().split(/\s+/).length >= 2) {
    t = t.slice(cut);
    f = f.slice(cut);
  }
  const lead = LEADING_CONNECTORS.exec(f);
  if (lead && lead[0].length) {
    t = t.slice(lead[0].length);
    f = f.slice(lead[0].length);
  }
  const deadline = /,?\s*(?:(?:den|toi|vao|truoc)\s+(?:het\s+|cuoi\s+)?nam|huong toi(?:\s+nam)?)\s+\d{4}\s*,?|,?\s*(?:den|toi|vao)\s+cuoi\s+nhiem ky\s*,?/.exec(f);
  if (deadline) {
    t = t.slice(0, deadline.index) + " " + t.slice(deadline.index + deadline[0].length);
    f = f.slice(0, deadline.index) + " " + f.slice(deadline.index + deadline[0].length);
  }
  const closingYear = /(?<!so voi |so |gia |chuan ngheo |giai doan |cung ky |ke hoach |nghi quyet )(?<!\d\s?-\s?)\s+nam\s+(?:19|20|21)\d{2}\s*[.…]*\s*$/.exec(f);
  if (closingYear) {
    t = t.slice(0, closingYear.index);
    f = f.slice(0, closingYear.index);
  }
  const tail = /(?:\s|^)(?:dat|la|o muc|bang|phan dau|phan dau dat|deu dat|muc)?[\s:;,.\-–+]*$/.exec(f);
  if (tail && tail[0].length) t = t.slice(0, t.length - tail[0].length);
  return t
    .replace(/^[\s:;,.\-–+*]+/, "")
    .replace(/[\s:;,.\-–+*]+$/, "")
    .replace(/\s+/g, " ")
    .trim();
}

function capitalize(text: string): string {
  return text ? text[0].toUpperCase() + text.slice(1) : text;
}

export function trimmed(m: MappedText): MappedText {
  return trim(m);
}

export function sliceClause(m: MappedText, a: number, b?: number): MappedText {
  return slice(m, a, b);
}
