// Items → draft indicators: one item may state one target, a target with its "trong đó" parts, a
// heading with sub-targets ("Tỷ lệ …: ở đô thị 95%; nông thôn 90%"), several targets, or a
// qualitative aim ("Giữ vững an ninh chính trị").
import type { Comparator } from "../model";
import { findCandidates, readClause, cleanName, type Candidate, type ClauseTarget, type ReadOptions } from "./clause";
import { QUALITATIVE_START, UNITS } from "./lexicon";
import { parseVietnameseNumber } from "../numbers";
import { join, slice, trim, type MappedText } from "./mapped";

export interface Draft {
  name: string;
  unit: string;
  comparator: Comparator | null;
  target: number | null;
  targetMin?: number;
  targetMax?: number;
  deadlineYear: number | null;
  note: string | null;
  group: string | null;
  reasons: string[];
  source: MappedText;
  children: Draft[];
  childrenAreParts?: boolean;
  secondary?: { target: number | null; targetMin?: number; targetMax?: number; unit: string; comparator: Comparator; note?: string };
}

export interface ItemContext extends ReadOptions {
  /** A sentence of running prose that sets targets: its clauses without a figure may be qualitative targets. */
  prose?: boolean;
  planYear: number;
  /** The last year of the term the text names ("nhiệm kỳ 2025-2030"), for "đến cuối nhiệm kỳ". */
  termEnd?: number | null;
  group: string | null;
  /** Deadline given by the heading the item stands under. */
  headingDeadline: number | null;
  /** A list item of the indicator section: a clause without a number is a qualitative target. */
  listItem: boolean;
}

export interface ItemResult {
  drafts: Draft[];
  /** Clauses with digits that yielded nothing: reported to the user. */
  unplaced: MappedText[];
}

// On the text, not the folded text: "trong đó" (of which) is not "trong độ tuổi" (of working age).
const TRONG_DO = /(?:^|[\s,;.:(])[Tt]rong (?:đó|Đó|ĐÓ|do)(?![\p{L}])\s*(?:[,:]\s*)?/u;

/** Splits an item into clauses: sentences, then ";", then two targets run together, then commas. */
export function clausesOf(text: MappedText, options: ReadOptions): MappedText[] {
  const out: MappedText[] = [];
  for (const sentence of splitSentences(text)) {
    for (const part of splitOn(sentence, /;/g)) {
      for (const piece of splitRunTogether(part, options)) for (const merged of mergeCommas(piece, options)) out.push(merged);
    }
  }
  return out.map(trim).filter((c) => /[\p{L}\d]/u.test(c.text));
}

function splitSentences(text: MappedText): MappedText[] {
  const cuts: number[] = [];
  const re = /[.!?](?=\s+["“]?\p{Lu})/gu;
  let match: RegExpExecArray | null;
  while ((match = re.exec(text.text)) !== null) {
    const before = text.text.slice(Math.max(0, match.index - 4), match.index);
    if (/\b(?:TP|Tp|TT|ThS|TS|PGS|GS|Q|P)$/.test(before)) continue; // abbreviations: "TP. Hải Phòng"
    cuts.push(match.index + 1);
  }
  return cutAt(text, cuts);
}

function splitOn(text: MappedText, re: RegExp): MappedText[] {
  const pieces: MappedText[] = [];
  let last = 0;
  re.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = re.exec(text.folded)) !== null) {
    pieces.push(slice(text, last, match.index));
    last = match.index + match[0].length;
  }
  pieces.push(slice(text, last));
  return pieces;
}

function cutAt(text: MappedText, cuts: number[]): MappedText[] {
  const out: MappedText[] = [];
  let last = 0;
  for (const cut of cuts) {
    out.push(slice(text, last, cut));
    last = cut;
  }
  out.push(slice(text, last));
  return out;
}

/** "Doanh thu …: 1.809.001,12 triệu đồng Sản xuất …: 83.485,19 triệu đồng" (lines merged by OCR). */
function splitRunTogether(text: MappedText, options: ReadOptions): MappedText[] {
  const candidates = findCandidates(text, options);
  const cuts: number[] = [];
  for (let i = 0; i + 1 < candidates.length; i++) {
    const a = candidates[i];
    const b = candidates[i + 1];
    if (!a.introduced || !b.introduced || !b.leads.some((l) => l.folded === ":" || l.folded === "dat" || l.folded === "la")) continue;
    const gap = text.text.slice(a.end, b.leadStart);
    if (/\p{L}{2,}/u.test(gap) && !/\(/.test(gap)) cuts.push(a.end);
  }
  return cutAt(text, cuts);
}

/** Commas separate targets only when both sides state one ("hình thành 01 khu công nghiệp, tỷ lệ lấp đầy … 100%"). */
function mergeCommas(text: MappedText, options: ReadOptions): MappedText[] {
  const candidates = findCandidates(text, options);
  if (candidates.length < 2) return [text];
  const commas: number[] = [];
  let depth = 0;
  for (let i = 0; i < text.folded.length; i++) {
    const ch = text.folded[i];
    if (ch === "(") depth++;
    else if (ch === ")" && depth > 0) depth--;
    else if (ch === "," && depth === 0 && !/\d/.test(text.folded[i + 1] ?? "")) commas.push(i);
  }
  if (commas.length === 0) return [text];
  const bounds = [0, ...commas.map((c) => c + 1), text.text.length + 1];
  const groups: [number, number][] = [];
  let groupStart = 0;
  let groupHas = false;
  for (let p = 0; p + 1 < bounds.length; p++) {
    const from = bounds[p];
    const to = bounds[p + 1] - 1;
    const has = candidates.some((c) => c.numberStart >= from && c.numberStart < to);
    if (has && groupHas) {
      groups.push([groupStart, from - 1]);
      groupStart = from;
    }
    groupHas = groupHas || has;
  }
  groups.push([groupStart, text.text.length]);
  return groups.map(([a, b]) => slice(text, a, b));
}

function deadlineIn(folded: string, ctx: Pick<ItemContext, "planYear" | "termEnd">, periods = false, leadIn = false): number | null | undefined {
  const planYear = ctx.planYear;
  // "Hằng năm, …" opening the clause is its own time frame (no deadline); inside a name it is only a word.
  if (/^\W*(?:hang nam|moi nam)\b/.test(folded)) return null;
  // "đến năm 2030", "vào năm 2025", "hướng tới 2030", "năm 2030 đạt", a clause opening "Năm 2030, …";
  // a lead-in's "trước năm 2045" is a general goal, not the list's deadline.
  const own = leadIn
    ? /(?:^|[\s,(])(?:(?:den|toi|vao)\s+(?:het\s+|cuoi\s+)?nam|huong toi(?:\s+nam)?)\s+((?:19|20|21)\d{2})\b|^\W*nam\s+((?:19|20|21)\d{2})\s*,/
    : /(?:^|[\s,(])(?:(?:den|toi|vao|truoc|trong)\s+(?:het\s+|cuoi\s+)?nam|huong toi(?:\s+nam)?)\s+((?:19|20|21)\d{2})\b|(?:^\W*|[,;]\s*)nam\s+((?:19|20|21)\d{2})\s*(?:,|dat\b|la\b)/;
  const plain = folded.replace(/\((?:[^()]*)\)/g, (m) => " ".repeat(m.length));
  // "xã A đạt chuẩn năm 2021": a year closing the clause is its deadline, unless it is a baseline or a price base.
  const closing = leadIn ? null : /(?<!so voi |so |gia |chuan ngheo |giai doan |cung ky |so voi cung ky |ke hoach |nghi quyet )(?<!\d\s?-\s?)nam\s+((?:19|20|21)\d{2})\s*[.…]*\s*$/.exec(plain);
  if (!leadIn && /(?:den|toi|vao)\s+cuoi\s+nhiem ky\b/.test(plain) && ctx.termEnd) return ctx.termEnd === planYear ? null : ctx.termEnd;
  const hit = own.exec(plain) ?? closing;
  const match = hit ? ([hit[0], hit[1] ?? hit[2]] as unknown as RegExpExecArray) : null;
  // A target for "giai đoạn 2026-2030" is due when the period ends; only the clause's own period counts.
  // "chuẩn nghèo (đa chiều) giai đoạn 2021-2025" is the poverty standard, not the item's period.
  const period = periods
    ? /giai doan\s+(?:19|20|21)\d{2}\s*-\s*((?:19|20|21)\d{2})\b/.exec(folded.replace(/\([^)]*\)/g, " ").replace(/chuan ngheo[^,;]{0,30}?giai doan\s+\d{4}\s*-\s*\d{4}/g, " "))
    : null;
  const found = match ?? period;
  if (!found) return undefined;
  const year = Number(found[1]);
  return year === planYear ? null : year;
}

function draftFrom(target: ClauseTarget, ctx: ItemContext, itemDeadline: number | null | undefined): Draft {
  const c = target.candidate;
  let window = target.source.folded;
  if (c) {
    const comma = window.indexOf(",", c.end);
    if (comma >= 0 && /^,\s*(?:lam|gop phan|nham|de|tao)\b/.test(window.slice(comma))) window = window.slice(0, comma);
  }
  const own = deadlineIn(window, ctx, true);
  let deadlineYear: number | null;
  const reasons = [...target.reasons];
  if (own !== undefined) deadlineYear = own;
  else if (itemDeadline !== undefined) deadlineYear = itemDeadline;
  else {
    deadlineYear = ctx.headingDeadline;
    if (deadlineYear !== null) reasons.push("import.reason.deadline-from-heading");
  }
  const draft: Draft = {
    name: target.name,
    unit: target.unit,
    comparator: target.comparator,
    target: target.target,
    deadlineYear,
    note: target.note,
    group: ctx.group,
    reasons,
    source: target.source,
    children: [],
  };
  if (target.targetMin !== undefined) draft.targetMin = target.targetMin;
  if (target.targetMax !== undefined) draft.targetMax = target.targetMax;
  return draft;
}

function qualitative(clause: MappedText, ctx: ItemContext, itemDeadline: number | null | undefined): Draft | null {
  const f = clause.folded.trim();
  if (/:\s*$/.test(f) || f.length < 8) return null;
  const stripped = f.replace(/^(?:(?:hang nam|moi nam|den nam \d{4}|phan dau|den het nam \d{4})\s*,?\s*)+/, "");
  if (!QUALITATIVE_START.test(stripped) && !/\bdat chuan\b|\bhoan thanh\b|\bgiu vung\b|\bdat (?:xa |phuong |huyen )?nong thon moi\b|^dat va vuot\b/.test(stripped)) return null;
  const own = deadlineIn(f, ctx);
  const name = capitalize(cleanName(clause.text, clause.folded));
  if (!name) return null;
  return {
    name,
    unit: "",
    comparator: "boolean",
    target: null,
    deadlineYear: own !== undefined ? own : itemDeadline !== undefined ? itemDeadline : ctx.headingDeadline,
    note: null,
    group: ctx.group,
    reasons: ["import.reason.qualitative"],
    source: clause,
    children: [],
  };
}

function capitalize(text: string): string {
  return text ? text[0].toUpperCase() + text.slice(1) : text;
}

/** Targets of the clauses of a text; clauses with digits and no target are returned as unplaced. */
function readClauses(text: MappedText, ctx: ItemContext, itemDeadline: number | null | undefined, parentName?: string): { drafts: Draft[]; unplaced: MappedText[]; numeric: number } {
  const drafts: Draft[] = [];
  const unplaced: MappedText[] = [];
  let numeric = 0;
  const clauses = clausesOf(text, ctx)
    .flatMap((c) => splitOnAnd(c, ctx))
    .flatMap((c) => (ctx.prose ? splitQualitative(c, ctx) : [c]));
  // In prose, a clause without a figure is a qualitative target only inside a list that states figures.
  const list = clauses.length > 1 && (!ctx.prose || parentName !== undefined || clauses.some((c) => findCandidates(c, ctx).length > 0));
  let previous: Draft | null = null;
  for (const clause of clauses) {
    const candidates = findCandidates(clause, ctx);
    const target = readClause(clause, candidates, { ...ctx, parentName });
    if (target) {
      const draft = draftFrom(target, ctx, itemDeadline);
      // "…đạt 4.000 tỷ đồng, tăng 10% so với năm 2025", "…, tương đương 1.584 USD": a second target
      // of the same indicator, not an indicator of its own.
      if (previous && previous.comparator !== null && previous.comparator !== "boolean" && !previous.secondary && SECOND_TARGET.test(clause.folded)) {
        previous.secondary = secondaryOf(draft, clause);
        continue;
      }
      // "hướng tới 2030 là 1,6 con", "và 12 triệu người vào năm 2030": the same indicator for another year.
      if (previous && previous.comparator !== null && isNameless(clause, target)) {
        draft.name = previous.name;
        if (draft.comparator === ">=" && !target.candidate?.leads.some((l) => l.comparator !== null) && previous.comparator === "approx") draft.comparator = "approx";
      }
      drafts.push(draft);
      previous = draft;
      numeric++;
      continue;
    }
    // "Phấn đấu đến năm 2030 xã … đạt xã nông thôn mới nâng cao.": a qualitative aim stated on its own.
    const aimAlone = ctx.prose && /^\W*(?:(?:den|toi)\s+nam\s+\d{4}\s*,?\s*)?phan dau\b.*\bdat\b.*(?:chuan|nong thon moi|danh hieu|do thi loai)/.test(clause.folded);
    if (ctx.listItem || (ctx.prose && (list || aimAlone))) {
      const q = qualitative(clause, ctx, itemDeadline);
      if (q) {
        drafts.push(q);
        continue;
      }
    }
    if (looksLikeTarget(clause.folded)) unplaced.push(clause);
  }
  return { drafts, unplaced, numeric };
}

/** A clause that opens on the verb and its figure, with no subject of its own. */
const SECOND_TARGET = /^\W*(?:tang|giam|tuong duong|tuong ung|bang|gap)\s+(?:them\s+|binh quan\s+|khoang\s+|hon\s+|tren\s+|tu\s+)?\d[^;]*$|^\W*(?:tang|giam)\s+(?:them\s+|khoang\s+|hon\s+|tren\s+)?\d[\d.,]*\s*%\s*(?:so\s+(?:voi\s+)?(?:cung ky|nam))/;

function secondaryOf(draft: Draft, clause: MappedText): NonNullable<Draft["secondary"]> {
  const out: NonNullable<Draft["secondary"]> = { target: draft.target, unit: draft.unit, comparator: draft.comparator ?? ">=", note: clause.text.replace(/^[\s,;]+|[\s,;.]+$/g, "") };
  if (draft.targetMin !== undefined) out.targetMin = draft.targetMin;
  if (draft.targetMax !== undefined) out.targetMax = draft.targetMax;
  return out;
}

/** Nothing but a deadline, a linking word and the figure: the clause repeats the indicator before it. */
function isNameless(clause: MappedText, target: ClauseTarget): boolean {
  const c = target.candidate;
  if (!c) return false;
  // A number-first clause ("85% tổ dân phố …") has its name after the figure.
  const tail = clause.folded.slice(c.end).replace(/\b(?:vao|den|toi)\s+(?:nam\s+)?\d{4}\b|\([^)]*\)?|\b(?:tro len|so voi.*)$/g, " ");
  if (/\p{L}{2,}/u.test(tail)) return false;
  const head = clause.folded
    .slice(0, c.leadStart)
    .replace(/\b(?:va|hoac|con|huong toi|den|vao|toi|nam|\d{4}|la|dat|phan dau|khoang)\b/g, " ")
    .replace(/[\s,;:.-]+/g, "");
  return head.length === 0;
}

/** "xã A đạt chuẩn năm 2021, xã B đạt chuẩn năm 2024": comma-separated aims without figures are one each. */
function splitQualitative(clause: MappedText, ctx: ItemContext): MappedText[] {
  const cuts: number[] = [];
  let depth = 0;
  for (let i = 0; i < clause.folded.length; i++) {
    const ch = clause.folded[i];
    if (ch === "(") depth++;
    else if (ch === ")" && depth > 0) depth--;
    else if (ch === "," && depth === 0) cuts.push(i);
  }
  if (cuts.length === 0) return [clause];
  const bounds = [0, ...cuts.map((c) => c + 1), clause.text.length + 1];
  const parts = bounds.slice(0, -1).map((b, i) => slice(clause, b, bounds[i + 1] - 1));
  const aim = (p: MappedText) => findCandidates(p, ctx).length === 0 && qualitative(trim(p), { ...ctx, listItem: true }, undefined) !== null;
  if (!parts.some(aim)) return [clause];
  const out: MappedText[] = [];
  let start = 0;
  for (let i = 0; i < parts.length; i++) {
    if (!aim(parts[i])) continue;
    // "có 5 tỉnh, thành phố được công nhận …": after a figure, an aim that does not open on its verb continues it.
    if (i > 0 && findCandidates(parts[i - 1], ctx).length > 0 && !QUALITATIVE_START.test(trim(parts[i]).folded)) continue;
    if (i > start) out.push(slice(clause, bounds[start], bounds[i] - 1));
    out.push(parts[i]);
    start = i + 1;
  }
  if (start < parts.length) out.push(slice(clause, bounds[start], clause.text.length));
  return out;
}

/** "có 3.188 doanh nghiệp và 60 hợp tác xã thành lập mới": two counts joined by "và" are two targets. */
function splitOnAnd(clause: MappedText, options: ReadOptions): MappedText[] {
  const candidates = findCandidates(clause, options);
  // "… 135 triệu đồng/người và phấn đấu đến cuối nhiệm kỳ đạt chuẩn …": a new governing verb, a new target.
  const verb = /\s(?:va|dong thoi)\s+(?=phan dau\b)/.exec(clause.folded);
  if (verb && candidates.some((c) => c.end <= verb.index)) return [slice(clause, 0, verb.index), ...splitOnAnd(trim(slice(clause, verb.index)), options)];
  if (candidates.length < 2) return [clause];
  const re = /\s(?:va|cung)\s+(?=(?:khoang\s+|tren\s+|duoi\s+|gan\s+)?\d)/g;
  let match: RegExpExecArray | null;
  while ((match = re.exec(clause.folded)) !== null) {
    const at = match.index;
    const left = candidates.filter((c) => c.end <= at);
    const right = candidates.filter((c) => c.numberStart > at);
    if (left.length === 0 || right.length === 0) continue;
    const a = left[left.length - 1];
    const b = right[0];
    if (!a.unit || !b.unit || a.valueMax !== undefined) continue;
    if (/\p{L}{3,}/u.test(clause.folded.slice(a.end, at)) && !/(?:vao|den)\s+nam\s+\d{4}\s*$/.test(clause.folded.slice(a.end, at))) continue;
    return [slice(clause, 0, at), ...splitOnAnd(trim(slice(clause, at)), options)];
  }
  // "… chiếm 32,77% đến 32,79% và thương mại dịch vụ chiếm 59,13%": "và" between two named figures.
  const named = /\s(?:va)\s+(?=\p{L})/gu;
  while ((match = named.exec(clause.folded)) !== null) {
    const at = match.index;
    const left = candidates.filter((c) => c.end <= at);
    const right = candidates.filter((c) => c.numberStart > at);
    if (left.length === 0 || right.length === 0) continue;
    const a = left[left.length - 1];
    const b = right[0];
    if (clause.folded.slice(a.end, at).trim() !== "" || !b.introduced || b.leads.every((l) => l.comparator === null && l.folded !== "dat")) continue;
    if (!/\p{L}{2,}/u.test(clause.folded.slice(at + match[0].length, b.leadStart))) continue;
    return [slice(clause, 0, at), ...splitOnAnd(trim(slice(clause, at)), options)];
  }
  return [clause];
}

/** A clause with a figure that is not a date, a year, a document number or an ordinal, near a target word. */
export function looksLikeTarget(folded: string): boolean {
  if (/:\s*$/.test(folded)) return false;
  const figures = folded
    .replace(/\d+\s*\/\s*\d+(?:\s*\/\s*\d+)?/g, " ")
    .replace(/\b(?:so|thu|khoa|lan thu|ky hop thu|muc do|dieu)\s+\d+\S*/g, " ")
    .replace(/\d+\s*-\s*[a-z]+\/[a-z-]+/g, " ")
    .replace(/\b(?:19|20)\d{2}\b/g, " ");
  return /\d/.test(figures) && /\b(?:dat|tang|giam|ty le|chi tieu)\b/.test(folded);
}

/**
 * "cơ cấu kinh tế nông nghiệp - công nghiệp - dịch vụ … tương ứng 36,20% - 34,50% - 29,30%, giai đoạn
 * 2026-2030 tương ứng …": shares listed against their sectors (the dashes separate, they are no range);
 * each share is "=" (corpus README: economic structure).
 */
function structureShares(body: MappedText, ctx: ItemContext): Draft[] | null {
  const list = /tuong ung\s+(\d[\d.,]*\s*%(?:\s*-\s*\d[\d.,]*\s*%)+)/g;
  const drafts: Draft[] = [];
  let sectors: string[] | null = null;
  let from = 0;
  let match: RegExpExecArray | null;
  while ((match = list.exec(body.folded)) !== null) {
    const segment = slice(body, from, match.index + match[0].length);
    const named = /co cau (?:kinh te|gia tri|grdp)\s*:?\s*(.+?)\s+(?:cua\s+[^,;]*?\s+)?$/.exec(segment.folded.slice(0, match.index - from));
    if (named) {
      const at = named.index + named[0].indexOf(named[1]);
      sectors = segment.text
        .slice(at, at + named[1].length)
        .split(/\s+[-–]\s+/)
        .map((n) => n.trim());
    }
    const values = [...match[1].matchAll(/\d[\d.,]*/g)].map((m) => parseVietnameseNumber(m[0])?.value ?? NaN);
    if (!sectors || sectors.length !== values.length || values.some((v) => !Number.isFinite(v))) return null;
    const own = deadlineIn(segment.folded, ctx, true);
    values.forEach((value, i) =>
      drafts.push({
        name: capitalize(sectors![i]),
        unit: "%",
        comparator: "=",
        target: value,
        deadlineYear: own === undefined ? ctx.headingDeadline : own,
        note: null,
        group: ctx.group,
        reasons: [],
        source: segment,
        children: [],
      }),
    );
    from = match.index + match[0].length;
  }
  return drafts.length ? drafts : null;
}

/** Reads one item (its body, without the list marker). */
export function readItem(body: MappedText, ctx: ItemContext): ItemResult {
  const shares = structureShares(body, ctx);
  if (shares) return { drafts: shares, unplaced: [] };
  // The item's lead-in (the words before its first figure) gives its deadline to every clause.
  // Only a lead-in governs: words before a colon that opens the list, or a year opening the item
  // ("Đến năm 2030, …", "Phấn đấu đến năm 2025 …"); a year inside the first target is that target's own.
  const first = findCandidates(body, ctx)[0];
  const lead = first ? body.folded.slice(0, first.leadStart) : body.folded;
  const leadColon = lead.lastIndexOf(":");
  // "…, tỉnh phấn đấu đến năm 2030, có …": a year set off by a comma, or governed by "phấn đấu", frames the sentence.
  const opening =
    /^\W*(?:phan dau\s+)?(?:(?:den|toi|vao)\s+(?:het\s+|cuoi\s+)?nam\s+\d{4}|nam\s+\d{4}\s*,)/.test(lead) ||
    /(?:den|toi)\s+(?:het\s+|cuoi\s+)?nam\s+\d{4}\s*,/.test(lead) ||
    /\bphan dau\s+(?:den|toi)\s+(?:het\s+|cuoi\s+)?nam\s+\d{4}/.test(lead);
  const itemDeadline = leadColon >= 0 ? deadlineIn(lead.slice(0, leadColon), ctx, false, true) : opening || !first ? deadlineIn(lead, ctx, false, true) : undefined;
  const td = TRONG_DO.exec(body.text);
  if (td) {
    // In prose the breakdown is the clause around "trong đó", between semicolons.
    if (ctx.prose) {
      let before = body.folded.lastIndexOf(";", td.index);
      let after = body.folded.indexOf(";", td.index + td[0].length);
      // "…8%; trong đó: A …; B …; C …": "trong đó" opening its clause breaks down the clause before it,
      // and with a colon its list runs to the end of the sentence.
      if (before >= 0 && body.folded.slice(before + 1, td.index).trim() === "") before = body.folded.lastIndexOf(";", before - 1);
      if (/:/.test(td[0])) after = -1;
      if (before >= 0 || after >= 0) {
        const a = before >= 0 ? before + 1 : 0;
        const b = after >= 0 ? after : body.text.length;
        const parts = [slice(body, 0, a), slice(body, a, b), slice(body, b + 1)].map(trim).filter((p) => p.text.length > 0);
        const drafts: Draft[] = [];
        const unplaced: MappedText[] = [];
        for (const part of parts) {
          const read = readItem(part, ctx);
          for (const d of read.drafts) drafts.push(d);
          for (const u of read.unplaced) unplaced.push(u);
        }
        return { drafts, unplaced };
      }
    }
    const head = trim(slice(body, 0, td.index));
    let tail = trim(slice(body, td.index + td[0].length));
    const colon = tail.folded.indexOf(":");
    if (colon >= 0 && colon < 70) {
      const leadIn = tail.folded.slice(0, colon);
      if (!/%|\bdat\b/.test(leadIn) && findCandidates(slice(tail, 0, colon), ctx).every((c) => !c.introduced)) tail = trim(slice(tail, colon + 1));
    }
    const parent = readClauses(head, ctx, itemDeadline);
    const parentDraft = parent.drafts.find((d) => d.comparator !== "boolean") ?? null;
    const parentName = parentDraft?.name ?? capitalize(cleanName(head.text, head.folded));
    const children = readClauses(tail, ctx, itemDeadline, parentName);
    const unplaced = [...parent.unplaced, ...children.unplaced];
    if (children.drafts.length === 0) return { drafts: parent.drafts, unplaced };
    // "Năm 2026, xã đề ra 18 chỉ tiêu …, trong đó phấn đấu …": the announcement is no target and no heading.
    if (!parentDraft && /\b(?:chi tieu|muc tieu|nhiem vu|de ra|dat ra)\b/.test(head.folded)) return { drafts: [...parent.drafts, ...children.drafts], unplaced };
    const top: Draft = parentDraft ?? headingDraft(parentName, head, ctx);
    for (const child of children.drafts) {
      if (!child.unit && top.unit && top.unit !== "%" && child.comparator !== "boolean" && (top.target === null || (child.target ?? 0) <= top.target)) {
        child.unit = top.unit;
        child.reasons = child.reasons.filter((r) => r !== "import.reason.no-unit").concat("import.reason.unit-inherited");
      }
    }
    // "tăng bình quân 10% trở lên, trong đó: A tăng bình quân 2% trở lên; B tăng bình quân 16%": the
    // parts of a growth floor share its "trở lên".
    if (top.comparator === ">=" && /\btang\b/.test(head.folded))
      for (const child of children.drafts) if (child.comparator === "increase-by" && /\btang binh quan\b/.test(child.source.folded)) child.comparator = ">=";
    for (const draft of children.drafts) top.children.push(draft);
    if (top.unit && top.unit !== "%" && top.children.every((c) => c.unit === top.unit)) top.childrenAreParts = true;
    const others = parent.drafts.filter((d) => d !== parentDraft);
    return { drafts: [top, ...others], unplaced };
  }
  // "Tỷ lệ chất thải rắn …: ở đô thị đạt 95%; nông thôn đạt 90%": a heading and its parts.
  const colon = body.folded.indexOf(":");
  if (colon > 0) {
    const lead = slice(body, 0, colon);
    const rest = trim(slice(body, colon + 1));
    if (findCandidates(lead, ctx).length === 0 && /;/.test(rest.folded)) {
      const parts = readClauses(rest, ctx, itemDeadline, capitalize(cleanName(lead.text, lead.folded)));
      const named = parts.drafts.filter((d) => d.comparator !== "boolean" && d.name.length > 0 && !startsWithNumber(d));
      if (parts.numeric >= 2 && named.length === parts.numeric) {
        const heading = headingDraft(capitalize(cleanName(lead.text, lead.folded)), body, ctx);
        for (const draft of parts.drafts) heading.children.push(draft);
        return { drafts: [heading], unplaced: parts.unplaced };
      }
    }
  }
  const read = readClauses(body, ctx, itemDeadline);
  if (read.drafts.length <= 1 || !ctx.listItem) return read;
  // Two lines merged by OCR ("…: 1.809.001,12 triệu đồng Sản xuất …: 83.485,19 triệu đồng") are two items.
  const separated = splitSentences(body).length > 1 || /;/.test(body.folded);
  if (!separated && splitRunTogether(body, ctx).length === read.drafts.length) return read;
  // Several targets in one numbered item: the item becomes a heading judged from its parts.
  const heading = headingDraft(headingName(read.drafts), body, ctx);
  for (const draft of read.drafts) heading.children.push(draft);
  return { drafts: [heading], unplaced: read.unplaced };
}

function startsWithNumber(d: Draft): boolean {
  const first = d.source.folded.replace(/^[\s:,;]+/, "");
  return /^\d/.test(first);
}

/** A heading for several targets stated in one item: their names, in order. */
function headingName(drafts: Draft[]): string {
  const names = drafts.map((d, i) => (i === 0 ? d.name : d.name.replace(/^\p{Lu}(?=\p{Ll})/u, (c) => c.toLowerCase())));
  const joined = names.join("; ");
  return joined.length > 160 ? joined.slice(0, joined.lastIndexOf(" ", 158)) + " …" : joined;
}

export function headingDraft(name: string, source: MappedText, ctx: ItemContext): Draft {
  return {
    name: name || capitalize(source.text.trim().slice(0, 120)),
    unit: "",
    comparator: null,
    target: null,
    deadlineYear: null,
    note: null,
    group: ctx.group,
    reasons: [],
    source,
    children: [],
  };
}

/** A table row ("| 1 | Tốc độ tăng trưởng GRDP | % | 8 - 8,5 |") read with the header's columns. */
export interface TableColumns {
  name: number;
  unit: number;
  target: number;
  second?: number;
  secondTitle?: string;
}

export function tableColumns(cells: MappedText[]): TableColumns | null {
  const folded = cells.map((c) => c.folded.trim());
  const name = folded.findIndex((c) => /chi tieu|noi dung|ten/.test(c));
  const unit = folded.findIndex((c) => /don vi|dvt/.test(c));
  const isTarget = (c: string) => /ke hoach|muc tieu|chi tieu nam|nam \d{4}|gia tri/.test(c) && !/chi tieu$/.test(c);
  const target = folded.findIndex(isTarget);
  if (name < 0 || target < 0) return null;
  // A second target column ("Kế hoạch năm 2026 | Kế hoạch năm 2030"): kept as the row's second target.
  const second = folded.findIndex((c, i) => i > target && isTarget(c) && !/ghi chu|thuc hien|uoc/.test(c));
  return second > 0 ? { name, unit, target, second, secondTitle: cells[second].text.trim() } : { name, unit, target };
}

export function tableRow(cells: MappedText[], columns: TableColumns, ctx: ItemContext): Draft | null {
  const nameCell = cells[columns.name];
  const targetCell = cells[columns.target];
  if (!nameCell || !targetCell) return null;
  const unitCell = columns.unit >= 0 ? cells[columns.unit] : undefined;
  // "Kim ngạch xuất khẩu (triệu USD)": a unit in parentheses in the name cell is the row's unit.
  let name = trim(nameCell);
  let nameUnit = "";
  const paren = /\s*\(([^()]{1,24})\)\s*$/.exec(name.folded);
  if (paren && (paren[1].trim() === "%" || UNITS.some((u) => paren[1].trim().startsWith(u.folded)) || /^(?:trieu|ty|nghin|ngan|usd)\b/.test(paren[1].trim()))) {
    nameUnit = name.text.slice(paren.index + paren[0].indexOf("(") + 1, paren.index + paren[0].lastIndexOf(")")).trim();
    name = trim(slice(name, 0, paren.index));
  }
  const clause = join([name, { text: ": ", folded: ": ", starts: [0, 0].map(() => targetCell.starts[0] ?? 0), ends: [0, 0].map(() => targetCell.starts[0] ?? 0) }, trim(targetCell)], "");
  const candidates = findCandidates(clause, ctx).filter((c: Candidate) => c.numberStart >= name.text.length);
  const target = readClause(clause, candidates, ctx);
  if (!target) return null;
  target.name = capitalize(cleanName(name.text, name.folded));
  if (!target.unit && nameUnit) target.unit = nameUnit;
  if (!target.candidate?.unit && unitCell && unitCell.text.trim()) {
    target.unit = unitCell.text.trim();
    target.reasons = target.reasons.filter((r) => r !== "import.reason.no-unit" && r !== "import.reason.unit-from-name");
  }
  if (target.unit === "" && unitCell?.text.trim() === "%") target.unit = "%";
  const draft = draftFrom(target, ctx, deadlineIn(clause.folded, ctx));
  draft.source = join(cells, " | ");
  // "575 (tăng 15%)", "6.065,2 (giảm 28,3% so với …)", "(dự ước 24.500 tỷ)": a second figure for the same row.
  const second = /\((tang|giam|du uoc|uoc|khoang)\s+(?:tu\s+)?([\d.,]+)\s*(%|[^\s)]+)?/.exec(trim(targetCell).folded);
  const secondCell = columns.second !== undefined ? cells[columns.second] : undefined;
  const secondValue = secondCell ? findCandidates(trim(secondCell), ctx)[0] : undefined;
  if (secondValue && !second) {
    draft.secondary = { target: secondValue.valueMax === undefined ? secondValue.value : null, unit: secondValue.unit || draft.unit, comparator: secondValue.valueMax === undefined ? (draft.comparator === "range" ? ">=" : (draft.comparator ?? ">=")) : "range", note: columns.secondTitle };
    if (secondValue.valueMax !== undefined) Object.assign(draft.secondary, { targetMin: secondValue.value, targetMax: secondValue.valueMax });
  }
  if (second) {
    const text = trim(targetCell).text;
    const at = second.index + second[0].indexOf(second[2]);
    const value = parseVietnameseNumber(text.slice(at, at + second[2].length));
    if (value) {
      const unitText = second[3] ? text.slice(at + second[2].length, at + second[2].length + second[0].length - second[0].indexOf(second[2]) - second[2].length).trim() : "";
      const comparator: Comparator = second[1] === "tang" ? "increase-by" : second[1] === "giam" ? "decrease-by" : "approx";
      draft.secondary = { target: value.value, unit: unitText, comparator, note: text.slice(second.index, text.indexOf(")", second.index) + 1 || undefined) };
    }
  }
  return draft;
}
