// The headline tally: "có 18/22 chỉ tiêu đạt và vượt kế hoạch, trong đó 10 chỉ tiêu vượt",
// "hoàn thành và hoàn thành vượt 18/20 chỉ tiêu", "12 chỉ tiêu đạt, 06 chỉ tiêu vượt, 02 chỉ tiêu
// xấp xỉ đạt". A text can hold several: this year's, the term's ("nhiệm kỳ", "giai đoạn"), next
// year's plan count ("21 chỉ tiêu năm 2027"), criteria of the new countryside ("12/19 tiêu chí");
// the one kept is this year's, and a title repeating the body is the same tally.
import type { MappedText } from "../import/mapped";
import type { Sentence } from "./sentences";

export type CountCategory = "achievedOrExceeded" | "exceeded" | "achieved" | "notAchieved" | "nearMiss" | "total";

interface Count {
  category: CountCategory;
  value: number;
  /** Of a total written in the same phrase ("18/22"). */
  over: number | null;
  /** Introduced by "trong đó": a part of the count before it, not an addition. */
  within: boolean;
  start: number;
  end: number;
}

export interface TallyDraft {
  total: number | null;
  achievedOrExceeded: number | null;
  exceeded: number | null;
  notAchieved: number | null;
  nearMiss: number | null;
  notAchievedDerived: boolean;
  start: number;
  end: number;
  /** The term's or a plan count, kept only when nothing else is found. */
  term: boolean;
  year: number | null;
}

const N = String.raw`(\d{1,3})`;
const INDICATOR = String.raw`chi tieu(?:\s+(?:chu yeu|chu yeu|co ban|kinh te\s*-\s*xa hoi|kinh te,? xa hoi|ktxh|kt-xh|nghi quyet|thi dua|ke hoach|de ra|duoc giao|giao))*`;
/** Category words, longest first; matched right after or right before the count. */
const CATEGORY_WORDS: [RegExp, CountCategory][] = [
  [/^(?:hoan thanh(?:,| va| dat va)? (?:hoan thanh )?vuot(?: muc)?|dat(?:,| va) vuot(?: muc)?|dat va vuot|dat tro len|hoan thanh va vuot|hoan thanh dat va vuot)/, "achievedOrExceeded"],
  [/^(?:xap xi dat|tiem can(?: dat)?|dung huong|co kha nang dat|co ban dat|gan dat)/, "nearMiss"],
  [/^(?:khong dat|chua dat|khong hoan thanh|chua hoan thanh)/, "notAchieved"],
  [/^(?:hoan thanh vuot(?: muc)?|vuot(?: muc)?)/, "exceeded"],
  [/^(?:dat|hoan thanh)/, "achieved"],
];
/** Criteria, not indicators: "12/19 tiêu chí nông thôn mới", "số chỉ tiêu đạt 44/57" of a criteria set. */
const NOT_INDICATORS = /^\s*(?:tieu chi|xa|thon|ap|hs|ho|nguoi|%)/;
const TERM = /nhiem ky|giai doan|5 nam|nam nam|\b\d{4}\s*-\s*\d{4}\b|ca nhiem ky/;
const PLAN_COUNT = /\bde ra\b|phan dau|\bgiao\b|\bxay dung\b|\bthong qua\b/;

function categoryAt(text: string): { category: CountCategory; length: number } | null {
  for (const [re, category] of CATEGORY_WORDS) {
    const m = re.exec(text);
    if (m) return { category, length: m[0].length };
  }
  return null;
}

/** The counts of one sentence ("18/22 chỉ tiêu đạt và vượt", "có 06 chỉ tiêu vượt"). */
function countsOf(folded: string, from: number, to: number): Count[] {
  const s = folded.slice(from, to);
  const counts: Count[] = [];
  const fraction = new RegExp(String.raw`${N}\s*/\s*${N}(?!\d)`, "g");
  const single = new RegExp(String.raw`(?:^|[^\d/.,])${N}\s+${INDICATOR}`, "g");
  let m: RegExpExecArray | null;
  while ((m = fraction.exec(s)) !== null) {
    const after = s.slice(m.index + m[0].length);
    const before = s.slice(Math.max(0, m.index - 60), m.index);
    if (NOT_INDICATORS.test(after)) continue;
    const named = new RegExp(String.raw`^\s*${INDICATOR}`).exec(after);
    const catBefore = /(hoan thanh(?:,| va| dat va)? (?:hoan thanh )?vuot(?: muc)?|dat(?:,| va) vuot(?: muc)?|hoan thanh(?: dat)?|dat|vuot|khong dat|chua dat)\s*(?:duoc\s+)?$/.exec(before);
    const afterName = named ? after.slice(named[0].length).replace(/^\s*(?:(?:da|deu|duoc)\s+)?/, "") : "";
    const catAfter = named ? categoryAt(afterName) : null;
    // "số chỉ tiêu đạt 44/57" names a criteria set before the figures; a fraction needs "chỉ tiêu" next to it.
    if (!named && !/chi tieu[^.;]{0,40}$/.test(before)) continue;
    if (!named && /\bso chi tieu\b/.test(before)) continue;
    const category = catBefore ? (categoryAt(catBefore[1])?.category ?? "achieved") : (catAfter?.category ?? "achieved");
    counts.push({ category: category === "achieved" ? "achievedOrExceeded" : category, value: Number(m[1]), over: Number(m[2]), within: false, start: from + m.index, end: from + m.index + m[0].length + (named ? named[0].length + (catAfter ? after.length - named[0].length - afterName.length + catAfter.length : 0) : 0) });
  }
  while ((m = single.exec(s)) !== null) {
    const at = m.index + m[0].indexOf(m[1]);
    if (counts.some((c) => c.start - from <= at && at < c.end - from)) continue;
    const rest = s.slice(m.index + m[0].length);
    const after = rest.replace(/^\s*(?:(?:da|deu|duoc|co)\s+)?/, "");
    const skipped = rest.length - after.length;
    const before = s.slice(Math.max(0, at - 40), at);
    const within = /trong do\s*(?:co\s*)?[:,]?\s*$/.test(before);
    const catAfter = categoryAt(after);
    const catBefore = /(?:^|\s)(hoan thanh(?:,| va| dat va)? (?:hoan thanh )?vuot(?: muc)?|dat(?:,| va) vuot(?: muc)?|hoan thanh(?: dat)?|xap xi dat|tiem can|dat|vuot|khong dat|chua dat)\s*:?\s+(?:duoc\s+)?$/.exec(before);
    const category: CountCategory = catAfter ? catAfter.category : catBefore ? (categoryAt(catBefore[1])?.category ?? "achieved") : "total";
    counts.push({ category, value: Number(m[1]), over: null, within, start: from + at, end: from + m.index + m[0].length + (catAfter ? skipped + catAfter.length : 0) });
  }
  return counts.sort((a, b) => a.start - b.start);
}

/** Every tally the text holds, in order. */
export function talliesOf(m: MappedText, sentences: readonly Sentence[]): TallyDraft[] {
  const drafts: TallyDraft[] = [];
  for (const sentence of sentences) {
    const counts = countsOf(m.folded, sentence.start, sentence.end);
    if (!counts.some((c) => c.category !== "total")) continue;
    const folded = m.folded.slice(sentence.start, sentence.end);
    const draft = combine(counts);
    if (!draft) continue;
    const around = m.folded.slice(Math.max(sentence.start, draft.start - 80), Math.min(sentence.end, draft.end + 60));
    draft.term = TERM.test(around) || (draft.achievedOrExceeded === null && PLAN_COUNT.test(folded));
    const year = /(?:nam|ca nam)\s+(\d{4})/.exec(around);
    draft.year = year ? Number(year[1]) : null;
    drafts.push(draft);
  }
  return drafts;
}

function combine(counts: Count[]): TallyDraft | null {
  let total: number | null = null;
  let aoe: number | null = null;
  let exceeded: number | null = null;
  let achieved: number | null = null;
  let exceededWithin = false;
  let notAchieved: number | null = null;
  let nearMiss: number | null = null;
  for (const c of counts) {
    if (c.over !== null && total === null) total = c.over;
    if (c.category === "total") {
      if (total === null && c.over === null) total = c.value;
      continue;
    }
    if (c.category === "achievedOrExceeded" && aoe === null) aoe = c.value;
    else if (c.category === "achieved" && achieved === null) achieved = c.value;
    else if (c.category === "exceeded" && exceeded === null) {
      exceeded = c.value;
      exceededWithin = c.within;
    } else if (c.category === "notAchieved") notAchieved = (notAchieved ?? 0) + c.value;
    else if (c.category === "nearMiss") nearMiss = (nearMiss ?? 0) + c.value;
  }
  // "12 chỉ tiêu đạt, 06 chỉ tiêu vượt": disjoint counts add up; "15 đạt, trong đó 5 vượt" does not.
  if (aoe === null && achieved !== null) aoe = exceeded !== null && !exceededWithin ? achieved + exceeded : achieved;
  if (aoe === null && exceeded !== null && notAchieved !== null) aoe = exceeded;
  if (aoe === null && notAchieved === null && nearMiss === null) return null;
  const missed = notAchieved !== null || nearMiss !== null ? (notAchieved ?? 0) + (nearMiss ?? 0) : null;
  if (total === null && aoe !== null && missed !== null) total = aoe + missed;
  let derived = false;
  let notAchievedOut = missed;
  if (notAchievedOut === null && total !== null && aoe !== null) {
    notAchievedOut = total - aoe;
    derived = true;
  }
  const start = counts.reduce((a, c) => Math.min(a, c.start), Infinity);
  const end = counts.reduce((a, c) => Math.max(a, c.end), -Infinity);
  return { total, achievedOrExceeded: aoe, exceeded, notAchieved: notAchievedOut, nearMiss, notAchievedDerived: derived, start, end, term: false, year: null };
}

/**
 * This year's tally: not the term's nor a plan count, of the report's year when the text names
 * years; the most complete of those (a title "18/20" and a body "18/20 …, trong đó 6 vượt" agree,
 * and the body says more).
 */
export function pickTally(drafts: readonly TallyDraft[], reportYear: number | null): TallyDraft | null {
  const usable = drafts.filter((d) => d.total !== null && d.achievedOrExceeded !== null);
  const thisYear = usable.filter((d) => !d.term && (reportYear === null || d.year === null || d.year === reportYear));
  const pool = thisYear.length ? thisYear : usable.filter((d) => !d.term);
  if (!pool.length) return null;
  const first = pool[0];
  const same = pool.filter((d) => d.total === first.total && d.achievedOrExceeded === first.achievedOrExceeded);
  const score = (d: TallyDraft) => (d.exceeded !== null ? 1 : 0) + (d.notAchieved !== null && !d.notAchievedDerived ? 1 : 0);
  return same.reduce((best, d) => (score(d) > score(best) ? { ...d, start: best.start < d.start ? d.start : d.start, end: d.end } : best), first);
}
