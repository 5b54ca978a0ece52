// Reading a unit's year-end report: its text (pasted, a .txt, or a .docx's text) → every result it
// states and its headline tally, each with the span it came from, plus warnings for figures that
// look like results but could not be placed. Pure: the CLI and both add-ins call this.
import { t } from "../i18n";
import { foldString, lineAt, lineStartsOf, normalizeSource, type MappedText } from "../import/mapped";
import { isPlanning, resultsOfClause, type DraftResult, type Unplaced } from "./results";
import { containment } from "./names";
import { CELL_MARK, sentencesOf } from "./sentences";
import { readTables, type TableReading } from "./table";
import { pickTally, talliesOf, type TallyDraft } from "./tally";
import type { ReportReading, ReportResult, ReportTally, ReportWarning, TextSpan } from "./types";
import type { Lang } from "../model";

export * from "./types";

export interface ReadReportOptions {
  /** The year the report is about; found in the text when not given. */
  year?: number;
  lang?: Lang;
}

/** Longest text read: a report is tens of kilobytes. */
export const MAX_REPORT_CHARS = 2_000_000;

/** Reads a report's text. Never throws: an internal failure becomes a warning. */
export function readReport(text: string, options: ReadReportOptions = {}): ReportReading {
  const lang: Lang = options.lang === "en" ? "en" : "vi";
  try {
    return run(typeof text === "string" ? text : String(text ?? ""), options, lang);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { tally: null, results: [], warnings: [{ line: 0, text: "", message: t("report.warning.internal", { detail }, lang) }], year: null };
  }
}

function run(original: string, options: ReadReportOptions, lang: Lang): ReportReading {
  const warnings: ReportWarning[] = [];
  if (original.length > MAX_REPORT_CHARS) {
    original = original.slice(0, MAX_REPORT_CHARS);
    warnings.push({ line: 0, text: "", message: t("report.warning.truncated", { chars: MAX_REPORT_CHARS }, lang) });
  }
  // Tabs separate table cells; the normaliser turns them into spaces, so they travel as CELL_MARK
  // (one character for one, so every offset stays the original's).
  const m = normalizeSource(original.replace(/\t/g, CELL_MARK));
  const lines = lineStartsOf(original);
  const spanOf = (start: number, end: number): TextSpan => mapSpan(m, original, lines, start, end);
  const sentences = sentencesOf(m);
  const year = options.year ?? reportYearOf(m.folded);

  const drafts: DraftResult[] = [];
  const levels: number[] = [];
  const unplaced: Unplaced[] = [];
  const tables = readTables(m, sentences);
  const inTable = (at: number) => tables.some((tb) => tb.start <= at && at < tb.end);
  // Once a paragraph turns to next year's plan, its later sentences are targets too, unless they
  // use a result's words ("ước đạt", "so với kế hoạch", "so cùng kỳ").
  let planningLine = -1;
  const paragraphStarts = lineStartsOf(m.text);
  for (const sentence of sentences) {
    if (sentence.row || inTable(sentence.start)) continue;
    const folded = m.folded.slice(sentence.start, sentence.end);
    const line = lineAt(paragraphStarts, sentence.start);
    const carried = planningLine === line && !RESULT_WORDS.test(folded);
    for (const clause of sentence.clauses) resultsOfClause(m, clause, sentence.start, drafts, unplaced, levels, year, carried);
    if (isPlanning(folded, year) && !RESULT_WORDS.test(folded)) planningLine = line;
  }
  for (const table of tables) for (const result of table.results) drafts.push(result);
  for (const sentence of sentences) {
    if (sentence.row || inTable(sentence.start)) continue;
    for (const named of namedFailures(m, sentence.start, sentence.end)) drafts.push(named);
    const verdict = yesNoResult(m, sentence.start, sentence.end);
    if (verdict) drafts.push(verdict);
  }
  drafts.sort((a, b) => a.start - b.start);
  // "19/22 chỉ tiêu đạt và vượt (chiếm 86,4%)": a share of the tally, not an indicator's result.
  const kept = withoutRepeats(drafts).filter((d) => !TALLY_NAME.test(foldString(d.name)));

  const results: ReportResult[] = kept.map(({ start, end, ...rest }) => ({ ...rest, span: spanOf(start, end) }));
  for (const u of unplaced) {
    const span = spanOf(u.start, u.end);
    warnings.push({ line: span.line, text: span.text, message: t(u.key, { line: span.line }, lang) });
  }
  const picked = pickTally(talliesOf(m, sentences.filter((s) => !inTable(s.start))), year) ?? tableTally(tables);
  const tally: ReportTally | null = picked
    ? {
        total: picked.total,
        achievedOrExceeded: picked.achievedOrExceeded,
        exceeded: picked.exceeded,
        notAchieved: picked.notAchieved,
        nearMiss: picked.nearMiss,
        notAchievedDerived: picked.notAchievedDerived,
        span: spanOf(picked.start, picked.end),
      }
    : null;
  if (!tally && results.length === 0) warnings.push({ line: 0, text: "", message: t("report.warning.nothing-found", {}, lang) });
  return { tally, results, warnings, year };
}

const TALLY_NAME = /\d+\s*\/\s*\d+\s*chi tieu|\d+\s+chi tieu\s+(?:dat|vuot|khong|chua|hoan thanh)|^(?:so )?chi tieu (?:dat|vuot|hoan thanh)/;
const RESULT_WORDS = /\buoc dat\b|\buoc thuc hien\b|\bda dat\b|so voi (?:ke hoach|du toan|cung ky)|so cung ky|% (?:ke hoach|du toan)/;

/** "Các chỉ tiêu không đạt gồm: thu nhập bình quân đầu người và tỷ lệ hộ nghèo": failures named without figures. */
const NAMED_FAILURES = /(?:^|[\s,;(])(?:cac |con |\d+ )?chi tieu (?:khong|chua) (?:dat|hoan thanh)(?: (?:ke hoach|muc tieu|chi tieu))?(?: (?:de ra|duoc giao|giao))?\s*(?:(?:la|gom|bao gom|,? do la)\s*:?|:)\s*/;

function namedFailures(m: MappedText, from: number, to: number): DraftResult[] {
  const folded = m.folded.slice(from, to);
  const hit = NAMED_FAILURES.exec(folded);
  if (!hit) return [];
  const out: DraftResult[] = [];
  let start = from + hit.index + hit[0].length;
  const listEnd = to;
  const pieces = m.folded.slice(start, listEnd).split(/(\s*(?:[,;]|\bva\b)\s*)/);
  for (let k = 0; k < pieces.length; k += 2) {
    const piece = pieces[k];
    const a = start;
    const b = start + piece.length;
    start = b + (pieces[k + 1]?.length ?? 0);
    const name = m.text.slice(a, b).replace(/[.\s]+$/, "").trim();
    if (!/\p{L}{2}/u.test(name) || /\d/.test(name) || name.split(/\s+/).length > 14) continue;
    out.push({
      name,
      actual: null,
      unit: "",
      percentOfPlan: null,
      plans: [],
      target: null,
      status: "Không đạt",
      statusFrom: "word",
      nearMiss: null,
      approximate: null,
      yearOnYear: [],
      parent: null,
      confidence: 0.6,
      reasons: ["report.reason.named-without-figure"],
      start: a,
      end: b,
    });
  }
  return out;
}

/** "Xã đạt chuẩn nông thôn mới nâng cao: hoàn thành": a yes/no result, as a list line gives it. */
const YES_NO = /^(\D{3,140}?)\s*[:–-]\s*(hoan thanh vuot(?: muc)?|vuot(?: ke hoach)?|hoan thanh|dat|khong dat|chua dat|khong hoan thanh|chua hoan thanh)\s*[.;]?$/;

function yesNoResult(m: MappedText, from: number, to: number): DraftResult | null {
  const hit = YES_NO.exec(m.folded.slice(from, to));
  if (!hit || (/\bchi tieu\b/.test(hit[1]) && /\d/.test(hit[1]))) return null;
  const word = hit[2];
  const achieved = !/^(?:khong|chua)/.test(word);
  const name = m.text.slice(from, from + hit[1].length).replace(/^[-+•*\s]+/, "").trim();
  if (name.split(/\s+/).length < 2) return null;
  return {
    name,
    actual: achieved,
    unit: "",
    percentOfPlan: null,
    plans: [],
    target: null,
    status: !achieved ? "Không đạt" : /vuot/.test(word) ? "Vượt" : "Đạt",
    statusFrom: "word",
    nearMiss: null,
    approximate: null,
    yearOnYear: [],
    parent: null,
    confidence: 0.75,
    reasons: ["report.reason.yes-no"],
    start: from,
    end: to,
  };
}

/**
 * A table whose numbered rows carry the table's own verdicts ("Đạt", "Không đạt") gives the tally
 * when the text writes none: counted over the numbered rows only, as a clerk counts them.
 */
function tableTally(tables: TableReading[]): TallyDraft | null {
  const table = tables.find((tb) => tb.numberedStatuses.filter((s) => s !== null).length >= 3);
  if (!table) return null;
  const statuses = table.numberedStatuses;
  const count = (s: string) => statuses.filter((x) => x === s).length;
  const aoe = count("Vượt") + count("Đạt");
  return {
    total: statuses.length,
    achievedOrExceeded: aoe,
    exceeded: count("Vượt"),
    notAchieved: count("Không đạt"),
    nearMiss: null,
    notAchievedDerived: false,
    start: table.start,
    end: table.end,
    term: false,
    year: null,
  };
}

/**
 * A title or a summary line repeating a result of the body ("Tổng giá trị sản xuất đạt 99,59% kế
 * hoạch" above "… ước đạt 14.759,03 tỷ đồng, đạt 99,59% kế hoạch") is the same result: the one
 * with more figures stays.
 */
function withoutRepeats(drafts: DraftResult[]): DraftResult[] {
  const info = (d: DraftResult) => (d.actual !== null ? 2 : 0) + (d.percentOfPlan !== null ? 1 : 0) + (d.target !== null ? 1 : 0);
  // Only results with the same figure can repeat each other: compare within those groups alone.
  const groups = new Map<string, DraftResult[]>();
  for (const d of drafts) {
    if (d.actual === null && d.percentOfPlan === null) continue;
    for (const key of keysOf(d)) {
      const list = groups.get(key);
      if (list) list.push(d);
      else groups.set(key, [d]);
    }
  }
  const dropped = new Set<DraftResult>();
  for (const list of groups.values()) {
    for (let i = 0; i < list.length; i++) {
      if (dropped.has(list[i])) continue;
      for (let j = i + 1; j < list.length; j++) {
        const a = list[i];
        const b = list[j];
        if (dropped.has(a) || dropped.has(b) || !sameResult(a, b)) continue;
        dropped.add(info(a) < info(b) || (info(a) === info(b) && a.start > b.start) ? a : b);
      }
    }
  }
  return drafts.filter((d) => !dropped.has(d));
}

/** "a:<figure>" for a result with a figure, "p:<percent>" for one with a percent (a title may give only that). */
function keysOf(d: DraftResult): string[] {
  const keys: string[] = [];
  if (d.actual !== null) keys.push(`a:${JSON.stringify(d.actual)}`);
  if (d.percentOfPlan !== null) keys.push(`p:${d.percentOfPlan}`);
  return keys;
}

function sameResult(a: DraftResult, b: DraftResult): boolean {
  if (a.actual !== null && b.actual !== null && JSON.stringify(a.actual) !== JSON.stringify(b.actual)) return false;
  if (a.percentOfPlan !== null && b.percentOfPlan !== null && a.percentOfPlan !== b.percentOfPlan) return false;
  // Two results without a figure in common are not a repeat: "đạt 100% kế hoạch" of two indicators.
  const shared = (a.actual !== null && b.actual !== null) || (a.percentOfPlan !== null && b.percentOfPlan !== null);
  return shared && containment(a.name, b.name) >= 0.75;
}

/** The year most of the text's "năm YYYY" name, before a later year only a goal names. */
function reportYearOf(folded: string): number | null {
  const counts = new Map<number, number>();
  for (const match of folded.matchAll(/(?:nam|ca nam|trong nam)\s+(\d{4})\b/g)) {
    const y = Number(match[1]);
    if (y >= 1990 && y <= 2100) counts.set(y, (counts.get(y) ?? 0) + 1);
  }
  let best: number | null = null;
  for (const [y, n] of counts) if (best === null || n > (counts.get(best) ?? 0) || (n === counts.get(best) && y < best)) best = y;
  return best;
}

function mapSpan(m: MappedText, original: string, lines: number[], start: number, end: number): TextSpan {
  const a = Math.min(Math.max(0, start), m.starts.length - 1);
  const b = Math.min(Math.max(a, end - 1), m.ends.length - 1);
  const s = m.starts.length ? m.starts[a] : 0;
  const e = m.ends.length ? Math.max(s, m.ends[b]) : 0;
  return { start: s, end: e, line: lineAt(lines, s), text: original.slice(s, e) };
}
