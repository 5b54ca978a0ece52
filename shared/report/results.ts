// The results of a report's prose: the figures of each clause (marks.ts) grouped into results, each
// named by the words before its first figure, with its status from the text's own words, else from
// the percent of plan, else from the actual against a printed target.
import { LOWER_IS_BETTER_NAME } from "../import/lexicon";
import type { MappedText } from "../import/mapped";
import { marksOf, type Mark } from "./marks";
import type { Clause } from "./sentences";
import type { ReportResult, ReportStatus } from "./types";

/** A result before its span is mapped back to the original text. */
export interface DraftResult extends Omit<ReportResult, "span"> {
  /** Offsets in the normalised text. */
  start: number;
  end: number;
}

export interface Unplaced {
  start: number;
  end: number;
  key: string;
}

/** Words that open a clause without being part of the indicator's name. */
const LEAD_IN = new RegExp(
  String.raw`^(?:(?:theo do|tuy nhien|ngoai ra|ben canh do|dong thoi|trong do|cu the|dac biet(?: la)?|dang chu y(?: la)?|nhin chung|nhu vay|rieng|ve|doi voi|trong nam(?: \d{4})?|nam \d{4}|ca nam(?: \d{4})?|tinh den(?: het)?(?: ngay)?(?: [\d/.-]+)?|den nay|hien nay|chi tieu|va|con|voi|ket qua|so lieu|trong ky|trong \d+ thang(?: dau nam)?(?: \d{4})?|date [\d-]+|[-+•*]|\d+[.)]|[a-z][.)])(?:[\s,:]+|$))+`,
);
const TRAILING_VERBS = /(?:\s+(?:uoc tinh|uoc thuc hien|uoc|du kien|thuc hien|da|deu|cung|van|chi|tiep tuc|dat|duoc|la|co|tang|giam)(?:\s+ca nam)?(?:\s+(?:nam\s+)?\d{4})?)+$/;
/** A verb inside a piece that ends the subject: "Thu ngân sách đạt mức tăng trưởng cao, vượt …". */
const SUBJECT_END = /\s(?:uoc\s+)?(?:dat(?!\s+chuan)|tiep tuc|duy tri|co buoc|deu|da|van|tang truong (?:cao|kha|manh)|dat muc)\s/;
const SUBJECT_PREDICATE = /\s(?:uoc\s+)?(?:dat muc|dat ket qua|dat toc do|tiep tuc|co buoc|tang truong (?:cao|kha|manh|on dinh))(?:\s|$)/;
const NAME_VERB = /(?:^|\s)(?:dat|tang|giam|vuot|la|duoc|tiep tuc|thuc hien|trong boi canh|nhung|song)(?:\s|$)/;
const STATUS_WORDS: { re: RegExp; status: ReportStatus; nearMiss?: boolean }[] = [
  { re: /xap xi dat|tiem can|dung huong|co kha nang dat|co ban dat|gan dat/, status: "Không đạt", nearMiss: true },
  { re: /(?:khong|chua) (?:dat|hoan thanh)|thap hon (?:so voi )?(?:ke hoach|chi tieu|muc tieu)/, status: "Không đạt" },
  { re: /hoan thanh vuot|vuot (?:xa |muc )?(?:ke hoach|chi tieu|du toan|nghi quyet|muc tieu|kh\b)/, status: "Vượt" },
  { re: /(?:dat|hoan thanh) (?:ke hoach|chi tieu|muc tieu|nghi quyet)|hoan thanh(?= *$)/, status: "Đạt" },
];

interface Building {
  draft: DraftResult;
  level: number;
  actual: Mark | null;
  marks: Mark[];
}

/**
 * Words that make what follows a target, not a result: a report's closing section sets next year's
 * plan ("Năm 2026, phấn đấu thu ngân sách đạt 340 tỷ đồng"), a term report sets the goals "đến năm
 * 2030". `laterYear` is the pattern of years after the report's.
 */
const PLANNING = /\bphan dau\b|\bhuong toi\b|\bdat muc tieu\b|\bmuc tieu (?:la|den|nam|phan dau|cu the|chu yeu|tong quat|dat ra|de ra)|\bde ra (?:\d+ )?(?:chi tieu|muc tieu)|\bdat ra\b|\bdu kien ke hoach\b|\bphuong huong\b/;

export function planningYearAfter(folded: string, reportYear: number | null): boolean {
  if (reportYear === null) return false;
  for (const m of folded.matchAll(/(?:den|vao|trong|cho|toi)?\s*(?:nam|cuoi nam|het nam|ke hoach nam|nhiem vu nam|chi tieu nam)\s+(\d{4})/g)) {
    const year = Number(m[1]);
    if (year > reportYear && (/^\s*(?:den|vao|toi|cho)/.test(m[0]) || /ke hoach|nhiem vu|chi tieu/.test(m[0]) || m.index === 0)) return true;
  }
  return /den cuoi nhiem ky/.test(folded);
}

/** The clause (from the sentence's start to `at`) sets a target rather than reporting a result. */
export function isPlanning(folded: string, reportYear: number | null): boolean {
  return PLANNING.test(folded) || planningYearAfter(folded, reportYear);
}

export function resultsOfClause(m: MappedText, clause: Clause, sentenceStart: number, found: DraftResult[], unplaced: Unplaced[], levels: number[], reportYear: number | null = null, planningAlready = false): void {
  const marks = marksOf(m.text, m.folded, clause.start, clause.end, clause.level > 0).filter((mark) => !planningAlready && !isPlanning(m.folded.slice(sentenceStart, mark.lead), reportYear));
  if (marks.length === 0) return;
  const open: Building[] = [];
  let current: Building | null = null;
  let cursor = clause.start;
  for (const mark of marks) {
    const nameInfo = mark.numberFirst ? numberFirstName(m, mark.numberFirst.start, mark.numberFirst.end) : nameBefore(m, cursor, Math.max(cursor, mark.lead));
    const named = nameInfo.name.length > 0;
    const opens = mark.kind === "actual" || mark.kind === "share" || mark.kind === "rank" || mark.kind === "percent";
    if (opens && current && !named) {
      // "…, đạt 60,7% kế hoạch", "vượt 39,1% dự toán … ước đạt 36.900 tỉ đồng": more of the same result.
      if (mark.kind !== "percent" && current.actual === null) current.actual = mark;
      current.marks.push(mark);
    } else if (opens && (named || !current)) {
      let name = nameInfo.name;
      let start = nameInfo.start;
      const reasons: string[] = [];
      if (!named) {
        // "Thu ngân sách đạt mức tăng trưởng cao, vượt 39,1% …": the subject of the piece before.
        const subject = subjectBefore(m, Math.max(sentenceStart, clause.start), mark.lead);
        if (!subject) {
          unplaced.push({ start: mark.lead, end: mark.end, key: "report.warning.no-name" });
          cursor = mark.end;
          continue;
        }
        ({ name, start } = subject);
        reasons.push("report.reason.name-inherited");
      }
      current = { draft: emptyDraft(name, start, reasons), level: clause.level, actual: mark.kind === "percent" ? null : mark, marks: [mark] };
      open.push(current);
    } else if (current) {
      current.marks.push(mark);
    } else if (mark.kind === "target" || mark.kind === "excess") {
      unplaced.push({ start: mark.lead, end: mark.end, key: "report.warning.target-without-result" });
    }
    cursor = Math.max(cursor, mark.end);
  }
  open.forEach((b, index) => {
    const next = open[index + 1];
    const spanEnd = next ? next.draft.start : clause.end;
    finish(m, b, spanEnd);
    const parentLevel = b.level - 1;
    for (let k = found.length - 1; k >= 0 && b.level > 0; k--) {
      if (levels[k] === parentLevel) {
        b.draft.parent = found[k].name;
        break;
      }
      if (levels[k] < parentLevel) break;
    }
    if (b.draft.parent === null && clause.heading) b.draft.parent = clause.heading;
    found.push(b.draft);
    levels.push(b.level);
  });
}

function emptyDraft(name: string, start: number, reasons: string[]): DraftResult {
  return {
    name,
    actual: null,
    unit: "",
    percentOfPlan: null,
    plans: [],
    target: null,
    status: null,
    statusFrom: null,
    nearMiss: null,
    approximate: null,
    yearOnYear: [],
    parent: null,
    confidence: 0.9,
    reasons,
    start,
    end: start,
  };
}

function finish(m: MappedText, b: Building, spanEnd: number): void {
  const d = b.draft;
  const last = b.marks[b.marks.length - 1];
  d.end = Math.max(last.end, d.start);
  let actual = b.actual;
  let target: Mark | null = null;
  let growth: Mark | null = null;
  let wordStatus: ReportStatus | null = null;
  for (const mark of b.marks) {
    if (mark.kind === "percent" && mark.percent !== undefined) {
      d.plans.push({ percent: round(mark.percent), basis: mark.basis ?? "" });
      if (mark.percentAlt !== undefined) d.reasons.push("report.reason.percent-ambiguous");
    } else if (mark.kind === "yoy") d.yearOnYear.push(mark.q.value);
    else if (mark.kind === "target" && mark.boundOnly) d.reasons.push("report.reason.percent-bound");
    else if (mark.kind === "target" && target === null) target = mark;
    else if (mark.kind === "growth" && growth === null) growth = mark;
    else if ((mark.kind === "excess" || mark.kind === "shortfall") && actual && mark.q.unitFolded === actual.q.unitFolded && target === null) {
      d.target = round(mark.kind === "excess" ? actual.q.value - mark.q.value : actual.q.value + mark.q.value);
    }
    if (mark.status && wordStatus === null) wordStatus = mark.status;
  }
  // "ước đạt hơn 100 ngàn tỉ đồng, chỉ tăng 7,11%, thấp hơn mức 8,1% theo kế hoạch": the plan is
  // about the growth, so the growth is the result that counts.
  if (target && growth && growth.q.percent && target.q.percent && (!actual || !actual.q.percent)) actual = growth;
  if (actual) {
    d.actual = actual.q.upTo !== null ? { min: actual.q.value, max: actual.q.upTo } : actual.q.value;
    d.unit = actual.q.percent && actual.q.unit === "" ? "%" : actual.q.unit;
    d.approximate = actual.approximate ?? null;
    if (actual.q.over !== null && actual.kind !== "rank" && target === null && d.target === null) d.target = actual.q.over;
    if (actual.kind === "rank") d.reasons.push("report.reason.rank");
    if (actual === growth) d.reasons.push("report.reason.growth-as-actual");
    if (actual.bare) d.reasons.push("report.reason.bare-figure");
  } else if (d.plans.length) {
    d.reasons.push("report.reason.percent-only");
  }
  if (target) d.target = target.q.value;
  // "2.300 tỷ đồng/KH 2.200 tỷ đồng, đạt 104,5%": a bare percentage that is the actual over the printed
  // target is the percent of plan, though no plan word follows it.
  if (actual && !actual.q.percent && d.target && !d.plans.length) {
    const ratio = (actual.q.value / d.target) * 100;
    const implied = b.marks.find((mk) => mk !== actual && mk.kind === "actual" && mk.q.percent && Math.abs(mk.q.value - ratio) <= 0.6);
    if (implied) d.plans.push({ percent: round(implied.q.value), basis: "" });
  }
  d.percentOfPlan = d.plans.length ? d.plans[0].percent : null;
  const tailStart = b.marks[0].lead;
  const tail = m.folded.slice(tailStart, Math.max(spanEnd, d.end));
  const words = STATUS_WORDS.find((w) => w.re.test(tail));
  if (words?.nearMiss) {
    const hit = words.re.exec(tail);
    if (hit) d.nearMiss = m.text.slice(tailStart + hit.index, tailStart + hit.index + hit[0].length);
  }
  if (wordStatus) setStatus(d, wordStatus, "word");
  else if (words) setStatus(d, words.status, "word");
  else if (d.percentOfPlan !== null) setStatus(d, d.percentOfPlan > 100 ? "Vượt" : d.percentOfPlan === 100 ? "Đạt" : "Không đạt", "percent");
  else if (typeof d.actual === "number" && d.target !== null) {
    const lower = LOWER_IS_BETTER_NAME.test(m.folded.slice(d.start, b.marks[0].lead));
    const better = lower ? d.actual < d.target : d.actual > d.target;
    setStatus(d, d.actual === d.target ? "Đạt" : better ? "Vượt" : "Không đạt", "target");
  }
  if (d.approximate) d.reasons.push("report.reason.approximate");
  if (d.unit === "" && d.actual !== null) d.reasons.push("report.reason.no-unit");
  if (d.name.split(/\s+/).length > 14) d.reasons.push("report.reason.long-name");
  const weights: Record<string, number> = {
    "report.reason.name-inherited": 0.15,
    "report.reason.percent-only": 0.15,
    "report.reason.approximate": 0.05,
    "report.reason.no-unit": 0.1,
    "report.reason.long-name": 0.1,
    "report.reason.rank": 0.1,
    "report.reason.growth-as-actual": 0.1,
    "report.reason.percent-ambiguous": 0.15,
    "report.reason.percent-bound": 0.05,
    "report.reason.bare-figure": 0.15,
  };
  d.confidence = round(Math.max(0.2, 0.95 - d.reasons.reduce((sum, r) => sum + (weights[r] ?? 0.05), 0)));
}

function setStatus(d: DraftResult, status: ReportStatus, from: DraftResult["statusFrom"]): void {
  d.status = status;
  d.statusFrom = from;
}

function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

/** The indicator's name in `[from, to)`: the last comma piece, with the short name-like pieces before it. */
function nameBefore(m: MappedText, from: number, to: number): { name: string; start: number } {
  const masked = maskFigures(m.folded, from, to);
  const pieces: { a: number; b: number }[] = [];
  let a = from;
  for (let i = from; i <= to; i++) {
    if (i === to || masked[i - from] === ",") {
      pieces.push({ a, b: i });
      a = i + 1;
    }
  }
  while (pieces.length && cleanFolded(m.folded.slice(pieces[pieces.length - 1].a, pieces[pieces.length - 1].b)).length === 0) pieces.pop();
  if (!pieces.length) return { name: "", start: to };
  let first = pieces.length - 1;
  while (first > 0) {
    const piece = m.folded.slice(pieces[first - 1].a, pieces[first - 1].b).trim();
    const words = piece.split(/\s+/).length;
    if (words > 8 || /\d/.test(piece) || NAME_VERB.test(piece) || LEAD_IN.test(piece + " ") || piece.length === 0) break;
    first--;
  }
  return named(m, pieces[first].a, pieces[pieces.length - 1].b);
}

/** "có 3/4 thôn đạt chuẩn nông thôn mới": the unit and the words after the figure name it. */
function numberFirstName(m: MappedText, from: number, to: number): { name: string; start: number } {
  let a = from;
  while (a < to && /[\s%‰/\d.,]/.test(m.text[a])) a++;
  let b = to;
  while (b > a && /[\s,:;.]/.test(m.text[b - 1])) b--;
  const name = m.text.slice(a, b).replace(/\s+/g, " ").trim();
  return /\p{L}{2}/u.test(name) ? { name, start: a } : { name: "", start: to };
}

/** "Thu ngân sách nhà nước đạt mức tăng trưởng cao vượt bậc, vượt 39,1% …": the words before the verb. */
function subjectBefore(m: MappedText, from: number, to: number): { name: string; start: number } | null {
  const region = m.folded.slice(from, to);
  const cut = SUBJECT_END.exec(region);
  if (!cut) return null;
  const result = named(m, from, from + cut.index);
  return result.name ? result : null;
}

function named(m: MappedText, from: number, to: number): { name: string; start: number } {
  const folded = m.folded.slice(from, to);
  const lead = LEAD_IN.exec(folded.trimStart());
  let a = from + (folded.length - folded.trimStart().length) + (lead ? lead[0].length : 0);
  let b = to;
  while (b > a && /[\s,:;\-–(]/.test(m.text[b - 1])) b--;
  const trail = TRAILING_VERBS.exec(m.folded.slice(a, b));
  if (trail) b = a + trail.index;
  while (b > a && /[\s,:;\-–]/.test(m.text[b - 1])) b--;
  while (a < b && /[\s,:;\-–)]/.test(m.text[a])) a++;
  // "Thu ngân sách nhà nước đạt mức cao": the subject, without what the sentence says about it.
  const said = SUBJECT_PREDICATE.exec(m.folded.slice(a, b));
  if (said && said.index > 0 && m.folded.slice(a, a + said.index).trim().split(/\s+/).length >= 2) b = a + said.index;
  const text = m.text.slice(a, b).replace(/\s*\([^)]*\d[^)]*\)\s*/g, " ").replace(/\s+/g, " ").trim();
  if (!/\p{L}/u.test(text)) return { name: "", start: to };
  // A cut subject that ends with its own subordinate verb ("… của tỉnh đã") or is all connectors.
  return { name: text, start: a };
}

function cleanFolded(piece: string): string {
  return piece.replace(LEAD_IN, "").replace(/[\s,:;.\-–()]+/g, " ").trim().replace(/^(?:va|,)$/, "");
}

/** The folded text with bracketed figures blanked, so commas inside "(KH: 1,5%)" never cut a name. */
function maskFigures(folded: string, from: number, to: number): string {
  let out = "";
  let depth = 0;
  for (let i = from; i < to; i++) {
    const ch = folded[i];
    if (ch === "(") depth++;
    out += depth > 0 ? " " : ch;
    if (ch === ")" && depth > 0) depth--;
  }
  return out;
}
