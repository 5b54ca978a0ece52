// News articles and council reports carry their targets in running prose, between page chrome
// (dates, bylines, captions, counters) and the results of the year before. This module decides, one
// sentence at a time, what a sentence is about: the targets ahead, results already achieved, or
// neither; and which year the targets are for.
import { slice, type MappedText } from "./mapped";

export type SentenceKind = "target" | "result" | "neutral" | "skip";

/** Money allotted to a programme and general objectives: neither targets nor results (corpus README). */
const SKIP_WORDS = /\b(?:bo tri cho|tong muc von|von ngan sach|von tin dung|von long ghep|von doanh nghiep|nguon von|kinh phi thuc hien|huy dong thuc hien|muc tieu tong quat)\b/;

/** Words that set a target ahead: the sentence states what is to be reached. */
const TARGET_WORDS =
  /\b(?:phan dau|de ra|dat ra|dat muc tieu|muc tieu|chi tieu|quyet nghi|giao muc tieu|huong toi|ke hoach nam|nhiem vu nam|phuong huong|can dat|se dat|du kien dat|duy tri|giu vung)\b/;
/** Words of a figure already achieved: estimates, year-on-year comparisons, "đã …". */
const RESULT_WORDS =
  /\b(?:uoc thuc hien|uoc dat|uoc tinh|uoc ca nam|da dat|dat duoc|da giai quyet|da tao|da hoan thanh|hoan thanh vuot|ket qua|nam qua|vua qua|qua \d+ nam|nhiem ky qua|giai doan qua|thuc hien duoc|luy ke|nam truoc)\b|\b\d+\s*\/\s*\d+\s+chi tieu\b/;
/** Words of the present state: a result (a place's profile) unless the sentence also sets a target. */
const PRESENT_WORDS = /\b(?:hien nay|hien co|hien tai|tinh den)\b/;
/** Year-on-year comparison: a result when nothing in the sentence sets a target. */
const YEAR_ON_YEAR = /\bso (?:voi )?cung ky\b/;

/** Vietnamese sentences: a full stop, "!" or "?" before a capital letter (abbreviations kept whole). */
export function sentencesOf(text: MappedText): MappedText[] {
  const cuts: number[] = [];
  const re = /[.!?…](?=\s+["“(]?\p{Lu})/gu;
  let match: RegExpExecArray | null;
  while ((match = re.exec(text.text)) !== null) {
    const before = text.text.slice(Math.max(0, match.index - 4), match.index);
    if (/\b(?:TP|Tp|TT|ThS|TS|PGS|GS|Q|P|St|Mr)$/.test(before)) continue;
    cuts.push(match.index + 1);
  }
  // Inline numbering in one paragraph ("… 8%. 2. GRDP …"): items 1, 2, 3 … in order start sentences.
  const numbered = /(?:^|\s)(\d{1,2})\.\s+(?=\p{Lu})/gu;
  let expect = 1;
  while ((match = numbered.exec(text.text)) !== null) {
    if (Number(match[1]) !== expect) continue;
    expect++;
    cuts.push(match.index + (match[0].startsWith(" ") ? 1 : 0));
  }
  cuts.sort((a, b) => a - b);
  const out: MappedText[] = [];
  let last = 0;
  for (const cut of [...new Set(cuts)]) {
    if (cut > last) out.push(slice(text, last, cut));
    last = Math.max(last, cut);
  }
  out.push(slice(text, last));
  // The item's own number is no figure of it.
  return out.map((s) => {
    const marker = /^\s*\d{1,2}\.\s+/.exec(s.text);
    return marker ? slice(s, marker[0].length) : s;
  });
}

/** Years a sentence speaks of at its start ("Năm 2025, …", "6 tháng đầu năm 2025, …"). */
function openingYear(folded: string): number | null {
  const m = /^\W*(?:(?:trong|ca|tinh chung|rieng)\s+)?(?:\d+\s+thang\s+(?:dau\s+)?)?nam\s+((?:19|20)\d{2})\b/.exec(folded);
  return m ? Number(m[1]) : null;
}

export function classifySentence(raw: string, planYear: number): SentenceKind {
  // "so với ước thực hiện năm 2017" is a baseline, not an estimate being reported.
  const folded = raw.replace(/(?<!con )\bso\s+(?:voi\s+)?(?:uoc\s+thuc hien|uoc dat|thuc hien|ket qua)\b/g, "so voi");
  if (SKIP_WORDS.test(folded)) return "skip";
  // "Nhiệm kỳ 2020-2025, …" in a text about the next term: what the past term achieved.
  const pastTerm = /^\W*(?:trong\s+)?(?:nhiem ky|giai doan)\s+((?:19|20)\d{2})\s*-\s*((?:19|20)\d{2})\s*,/.exec(folded);
  if (pastTerm && Number(pastTerm[1]) < planYear && Number(pastTerm[2]) <= planYear) return "result";
  if (/\bdat va vuot (?:cac )?chi tieu (?:de ra|ke hoach|duoc giao)\b/.test(folded) && !/\bphan dau\b/.test(folded)) return "result";
  const opening = openingYear(folded);
  // A horizon ahead ("đến năm 2025" in a 2021 text) makes "ước đạt" a target's wording, not a result's.
  const ahead = /\b(?:den|toi)\s+(?:het\s+|cuoi\s+)?nam\s+((?:19|20)\d{2})\b/.exec(folded);
  if (ahead && Number(ahead[1]) > planYear && /\bphan dau\b|\bchi tieu\b|\bmuc tieu\b|^\W*den\s+nam/.test(folded)) return "target";
  if (opening !== null && opening < planYear && !/\bphan dau|\bde ra\b|\bmuc tieu\b/.test(folded)) return "result";
  if (RESULT_WORDS.test(folded)) return "result";
  if (TARGET_WORDS.test(folded) || (opening !== null && opening >= planYear)) return "target";
  if (PRESENT_WORDS.test(folded)) return "result";
  if (/\b(?:den|vao|toi)\s+(?:het\s+|cuoi\s+)?nam\s+(?:19|20)\d{2}\b/.test(folded) && /\bdat\b|\btren\b|\bduoi\b|%/.test(folded)) return "target";
  if (YEAR_ON_YEAR.test(folded)) return "result";
  return "neutral";
}

/** Page chrome: a date or update line, a byline, a counter, a link, a caption with no verb of a target. */
export function isChrome(folded: string): boolean {
  const f = folded.trim();
  if (/^(?:date\s+)?\d{4}-\d{2}-\d{2}$/.test(f)) return true;
  if (/^(?:cap nhat|ngay dang|dang luc|luot xem|chia se|in bai|lien ket website|dang truy cap|tong truy cap|hotline|duong day nong|email|nguon)\b/.test(f)) return true;
  if (/^(?:https?:\/\/|www\.|\/)\S*$/.test(f)) return true;
  if (/^[\d.,\s:/-]+$/.test(f)) return true;
  if (/int\w*=\d+/.test(f)) return true;
  if (/\b(?:lien ket website|dang truy cap|luot truy cap|tong so luot)\b/.test(f)) return true;
  return false;
}

/** The leading "date 2025-12-23" marker of a stored copy, and "Cập nhật: Thứ năm, 14/11/2024 08:15": the page's date. */
export function publicationYear(folded: string): number | null {
  const head = folded.slice(0, 400);
  const iso = /(?:^|\n)\s*(?:date\s+)?((?:19|20)\d{2})-\d{2}-\d{2}\b/.exec(head);
  if (iso) return Number(iso[1]);
  const updated = /(?:cap nhat|ngay dang)\s*:?[^\n]{0,20}?\d{1,2}\/\d{1,2}\/((?:19|20)\d{2})/.exec(head);
  return updated ? Number(updated[1]) : null;
}

export interface PlanYear {
  year: number;
  /** An annual plan: a deadline equal to its year is no deadline. */
  annual: boolean;
}

/**
 * The year the targets are for. The text says it around the targets ("Năm 2026, xã … đề ra",
 * "kế hoạch … năm 2026", "phấn đấu … năm 2026"); a news page dated December announces next year's plan.
 */
export function targetYear(folded: string, titleFolded: string, published: number | null): PlanYear | null {
  const counts = new Map<number, number>();
  // A plan is written the year before it starts or in its own year; later years are horizons.
  const add = (year: number, weight: number) => {
    if (published === null || (year >= published - 1 && year <= published + 1)) counts.set(year, (counts.get(year) ?? 0) + weight);
  };
  const text = `${titleFolded}\n${folded}`;
  let m: RegExpExecArray | null;
  const opening = /(?:^|[.\n]\s*)nam\s+((?:19|20)\d{2})\s*,?[^.\n]{0,160}?\b(?:de ra|phan dau|dat ra|muc tieu|chi tieu)/g;
  while ((m = opening.exec(text)) !== null) add(Number(m[1]), 3);
  const plan = /\b(?:ke hoach|nhiem vu|chi tieu|muc tieu|phuong huong|thi dua|kinh\s*-?\s*te\s*-?\s*xa hoi|ngan sach)(?:[^.\n]{0,40}?)\bnam\s+((?:19|20)\d{2})\b(?!\s*-)/g;
  // "đến năm 2030", "trước năm 2045": a horizon, not the year of the plan.
  const horizon = (match: RegExpExecArray) => /(?:den|toi|vao|truoc|sau)\s+(?:het\s+|cuoi\s+)?$/.test(match[0].slice(0, match[0].lastIndexOf("nam")));
  while ((m = plan.exec(text)) !== null) {
    const before = text.slice(Math.max(0, m.index - 30), m.index);
    if (/ket qua|thuc hien|danh gia|bao cao/.test(before + m[0].slice(0, 20)) || horizon(m)) continue;
    add(Number(m[1]), 2);
  }
  let best: number | null = null;
  let bestCount = 0;
  for (const [year, count] of counts) if (count > bestCount || (count === bestCount && best !== null && year > best)) [best, bestCount] = [year, count];
  return best === null ? null : { year: best, annual: true };
}
