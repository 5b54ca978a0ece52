// Plan-text import: a plan's text as pasted, exported or OCR'd → the indicator list to review.
// Used by `chitieu parse` and by the "paste text" step of the Excel task pane and the Sheets sidebar.
import { IndicatorSchema, PlanSchema, type Indicator, type Lang, type Level, type Plan } from "../model";
import { t } from "../i18n";
import { headingDraft, looksLikeTarget, readItem, tableColumns, tableRow, type Draft, type ItemContext, type TableColumns } from "./build";
import { clearCandidateCache, cleanName } from "./clause";
import { foldString, lineAt, lineStartsOf, normalizeSource, originalRange, split, trim, type MappedText } from "./mapped";
import { detectMeta, planIdFrom } from "./meta";
import { findRegions, isIndicatorIntro, isMissionHeading, readBlocks, type Block, type MarkerStyle } from "./outline";
import { findCellTables } from "./cell-table";
import { classifySentence, isChrome, publicationYear, sentencesOf, targetYear, type SentenceKind } from "./prose";
import { readResults, type ImportedResult } from "./results";

export interface ImportOptions {
  id?: string;
  title?: string;
  issuer?: string;
  level?: Level;
  year?: number;
  source?: string | null;
  lang?: Lang;
}

export interface TextSpan {
  /** Offsets into the original text (UTF-16 code units), end exclusive. */
  start: number;
  end: number;
  /** 1-based line of `start` in the original text. */
  line: number;
  text: string;
}

export type ImportedIndicator = Indicator & {
  /** 0..1: how sure the importer is; the review step shows the lowest first. */
  confidence: number;
  span: TextSpan;
  /** Message keys (import.reason.*) of what lowered the confidence. */
  reasons?: string[];
};

export interface ImportWarning {
  line: number;
  text: string;
  message: string;
}

export interface ImportResult {
  /** null only when nothing was found. */
  plan: Plan | null;
  indicators: ImportedIndicator[];
  /** Figures already achieved (last year's results, estimates, a place's profile): never offered as targets. */
  results: ImportedResult[];
  warnings: ImportWarning[];
  meta: { detectedYear?: number; detectedIssuer?: string; detectedLevel?: Level; title?: string };
}

/** Longest text read; a plan is tens of kilobytes, so anything larger is cut rather than read for minutes. */
export const MAX_IMPORT_CHARS = 2_000_000;

const REASON_WEIGHT: Record<string, number> = {
  "import.reason.no-unit": 0.12,
  "import.reason.weak-context": 0.15,
  "import.reason.several-numbers": 0.08,
  "import.reason.number-words": 0.1,
  "import.reason.polarity-inferred": 0.15,
  "import.reason.unit-inherited": 0.08,
  "import.reason.unit-from-name": 0.08,
  "import.reason.deadline-from-heading": 0.05,
  "import.reason.qualitative": 0.35,
  "import.reason.ocr": 0.1,
  "import.reason.outside-section": 0.2,
  "import.reason.prose": 0.1,
};

/** Reads a plan's text into indicators. Never throws: an internal failure becomes a warning. */
export function importPlanText(text: string, options: ImportOptions = {}): ImportResult {
  const lang: Lang = options.lang === "en" ? "en" : "vi";
  try {
    clearCandidateCache();
    return run(typeof text === "string" ? text : String(text ?? ""), options, lang);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { plan: null, indicators: [], results: [], warnings: [{ line: 0, text: "", message: t("import.warning.internal", { detail }, lang) }], meta: {} };
  }
}

interface Placed {
  draft: Draft;
  /** Found outside the indicator section (or in a document without one). */
  outside: boolean;
  /** Read from running prose (a news article, a council report), sentence by sentence. */
  prose?: boolean;
}

function run(original: string, options: ImportOptions, lang: Lang): ImportResult {
  const warnings: ImportWarning[] = [];
  let input = original;
  if (input.length > MAX_IMPORT_CHARS) {
    input = input.slice(0, MAX_IMPORT_CHARS);
    warnings.push({ line: 0, text: "", message: t("import.warning.truncated", { chars: MAX_IMPORT_CHARS }, lang) });
  }
  const lineStarts = lineStartsOf(input);
  const source = normalizeSource(input);
  const blocks = readBlocks(source);
  const detected = detectMeta(blocks);
  const published = publicationYear(source.folded);
  const announced = targetYear(source.folded, foldString(options.title ?? ""), published);
  // A term text with no year of its own ("nhiệm kỳ 2020-2025") belongs to the term's first year.
  const term = /(?:nhiem ky|giai doan)\s+((?:19|20)\d{2})\s*-\s*((?:19|20)\d{2})/.exec(source.folded);
  const termEnd = term ? Number(term[2]) : null;
  const planYear = options.year ?? announced?.year ?? published ?? detected.year ?? (term ? Number(term[1]) : new Date().getFullYear());
  // In an annual plan a deadline equal to the plan's year is no deadline; in a term plan it is one.
  const deadlineBase = options.year !== undefined || announced !== null ? planYear : 0;
  const ocr = looksLikeOcr(source);
  const regions = findRegions(blocks);
  const spanOf = (m: MappedText): TextSpan => {
    const { start, end } = originalRange(m);
    return { start, end, line: lineAt(lineStarts, start), text: input.slice(start, end) };
  };
  const warn = (m: MappedText, key: string) => {
    const span = spanOf(m);
    warnings.push({ line: span.line, text: span.text.replace(/\s+/g, " ").trim().slice(0, 200), message: t(key, { line: span.line }, lang) });
  };

  const placed: Placed[] = [];
  const regionBlock = new Set<number>();
  for (const table of findCellTables(blocks)) {
    const columns = tableColumns(table.header);
    for (let k = table.start; k < table.end; k++) regionBlock.add(k);
    if (!columns) continue;
    for (const row of table.rows) {
      const ctx: ItemContext = { planYear: deadlineBase, termEnd, ocr, group: row.group, headingDeadline: null, listItem: true };
      const draft = tableRow(row.cells, columns, ctx);
      if (draft) placed.push({ draft, outside: false });
    }
  }
  for (const region of regions) {
    if (regionBlock.has(region.intro)) continue;
    // A section stops where a table already read begins.
    let end = region.start;
    while (end < region.end && !regionBlock.has(end)) end++;
    for (let k = region.intro; k < end; k++) regionBlock.add(k);
    readRegion(blocks, region.intro, region.start, end, { planYear: deadlineBase, termEnd, ocr }, placed, warn);
  }

  // Outside the indicator sections: with a section, only report; without one, take what is found.
  const outside: Draft[] = [];
  const resultTexts: MappedText[] = [];
  let inMission = false;
  // Prose: each sentence is read as a target only when it sets one (or continues a sentence that
  // does); sentences of results go to `results`. A text with no such sentence is a bare list.
  const kinds = blocks.map((block, k) => (regionBlock.has(k) ? [] : sentencesOf(block.style ? block.body : block.text).map((s) => ({ s, kind: classifySentence(s.folded, planYear) }))));
  const prose = regions.length === 0 && kinds.some((list) => list.some((x) => x.kind === "target"));
  // A sentence of neither kind continues the one before it, across paragraphs too (a list may run on).
  let mode: SentenceKind = "neutral";
  let leadDeadline: number | null = null;
  for (let k = 0; k < blocks.length; k++) {
    const block = blocks[k];
    if (/^(?:noi nhan|noi nhgn)/.test(block.body.folded)) break;
    if (isMissionHeading(block)) inMission = true;
    else if (block.rank === 1 && block.headingLike) inMission = false;
    if (regionBlock.has(k) || inMission) continue;
    if (isChrome(block.text.folded)) continue;
    const ctx: ItemContext = { planYear: deadlineBase, termEnd, ocr, group: null, headingDeadline: null, listItem: false, prose };
    const pieces: MappedText[] = [];
    const deadlines: (number | null)[] = [];
    if (prose) {
      for (const { s, kind } of kinds[k]) {
        if (isChrome(s.folded)) continue;
        mode = kind === "neutral" ? mode : kind;
        if (mode !== "target") leadDeadline = null;
        if (mode === "target") {
          pieces.push(s);
          deadlines.push(leadDeadline);
          // "… các chỉ tiêu chủ yếu đến năm 2025: …": the lead-in's year governs the sentences that follow.
          const colon = s.folded.indexOf(":");
          if (colon > 0 && /\b(?:chi tieu|muc tieu)\b/.test(s.folded.slice(0, colon))) {
            const year = /\b(?:den|toi)\s+(?:het\s+|cuoi\s+)?nam\s+((?:19|20)\d{2})\b/.exec(s.folded.slice(0, colon));
            leadDeadline = year && Number(year[1]) !== deadlineBase ? Number(year[1]) : null;
          }
        } else if (mode === "result") resultTexts.push(s);
      }
    } else {
      pieces.push(block.style ? block.body : block.text);
      deadlines.push(null);
    }
    for (const [index, piece] of pieces.entries()) {
      const result = readItem(piece, { ...ctx, headingDeadline: deadlines[index] ?? null });
      for (const draft of result.drafts) outside.push(draft);
      if (regions.length === 0) for (const clause of result.unplaced) warn(clause, "import.warning.unplaced");
    }
  }
  if (regions.length === 0) {
    for (const draft of outside) placed.push({ draft, outside: true, prose });
  } else {
    const inside = placed.map((p) => p.draft);
    for (const draft of outside) {
      if (draft.comparator === null || draft.comparator === "boolean") continue;
      if (inside.some((d) => sameTarget(d, draft) || d.children.some((c) => sameTarget(c, draft)))) continue;
      if (draft.unit && !draft.reasons.includes("import.reason.weak-context")) warn(draft.source, "import.warning.outside-section");
    }
  }

  const kept = dedupe(placed);
  const indicators = toIndicators(kept, ocr, spanOf, warnings, lang);
  const results = readResults(resultTexts, { ocr }, spanOf);
  const issuer = options.issuer ?? detected.issuer;
  const level = options.level ?? detected.level;
  const meta: ImportResult["meta"] = {};
  if (detected.year !== undefined) meta.detectedYear = detected.year;
  if (detected.issuer !== undefined) meta.detectedIssuer = detected.issuer;
  if (detected.level !== undefined) meta.detectedLevel = detected.level;
  if (detected.title !== undefined) meta.title = detected.title;
  if (indicators.length === 0) {
    if (!warnings.some((w) => w.line > 0)) warnings.push({ line: 0, text: "", message: t("import.warning.nothing-found", {}, lang) });
    return { plan: null, indicators, results, warnings, meta };
  }
  const plan: Plan = {
    id: options.id && /^[a-z0-9]+(-[a-z0-9]+)*$/.test(options.id) ? options.id : planIdFrom(detected.placeName, planYear, detected.number),
    title: options.title?.trim() || detected.title || t("import.default-title", { year: planYear }, lang),
    issuer: issuer?.trim() || t("import.default-issuer", {}, lang),
    level: level ?? "xa",
    year: planYear,
    source: options.source ?? null,
    indicators: indicators.map(plainIndicator),
  };
  const checked = PlanSchema.safeParse(plan);
  if (!checked.success) {
    warnings.push({ line: 0, text: "", message: t("import.warning.internal", { detail: checked.error.issues.map((i) => i.message).join("; ") }, lang) });
    return { plan: null, indicators, results, warnings, meta };
  }
  return { plan: checked.data, indicators, results, warnings, meta };
}

function readRegion(
  blocks: Block[],
  intro: number,
  start: number,
  end: number,
  base: { planYear: number; termEnd: number | null; ocr: boolean },
  placed: Placed[],
  warn: (m: MappedText, key: string) => void,
): void {
  const introBlock = blocks[intro];
  const headingDeadline = deadlineOf(introBlock.body.folded, base.planYear);
  let group: string | null = null;
  let groupDeadline: number | null = headingDeadline;
  let stack: MarkerStyle[] = [];
  let top: Draft | null = null;
  let pending: Draft | null = null;
  let columns: TableColumns | null = null;
  // The list's own marker: group headings ("1. Chỉ tiêu kinh tế", "* Chỉ tiêu xã hội:") use another one.
  const itemStyle = blocks.slice(start, end).find((b) => b.style && !b.headingLike && !/:\s*$/.test(b.body.text))?.style ?? null;

  const introColon = introBlock.body.folded.indexOf(":");
  if (introColon >= 0) {
    const introTargets = readItem(trim(sliceFrom(introBlock.body, introColon + 1)), { ...base, group, headingDeadline, listItem: false });
    for (const draft of introTargets.drafts) if (draft.comparator !== "boolean") placed.push({ draft, outside: false });
  }

  for (let k = start; k < end; k++) {
    const block = blocks[k];
    const ctx: ItemContext = { ...base, group, headingDeadline: groupDeadline, listItem: block.style !== null };
    if (block.text.text.startsWith("|")) {
      const cells = split(block.text, /\|/).map(trim);
      const inner = cells.slice(1, cells[cells.length - 1].text === "" ? -1 : undefined);
      if (!columns) {
        columns = tableColumns(inner);
        continue;
      }
      const draft = tableRow(inner, columns, ctx);
      if (draft) placed.push({ draft, outside: false });
      continue;
    }
    const result = readItem(block.body, ctx);
    const numeric = result.drafts.some((d) => d.comparator !== "boolean");
    if (!numeric && /^(?:noi dung|muc dich|yeu cau|muc tieu tong quat)\b/.test(block.body.folded)) continue;
    const isGroup =
      !numeric &&
      ((block.style === "star" && /:\s*$/.test(block.body.text)) ||
        (block.style !== itemStyle && isIndicatorIntro(block)) ||
        (block.headingLike && block.style !== itemStyle && block.body.text.length < 120) ||
        (!block.style && block.body.text.length < 90 && /:\s*$/.test(block.body.text)));
    if (isGroup) {
      group = capitalize(cleanName(block.body.text, block.body.folded)) || null;
      const d = deadlineOf(block.body.folded, base.planYear);
      groupDeadline = d ?? headingDeadline;
      stack = [];
      top = null;
      pending = null;
      continue;
    }
    if (!block.style && !numeric) continue; // an opening or closing sentence of the section
    let level = 0;
    if (block.style === "star") stack = ["star"];
    else if (block.style) {
      const at = stack.indexOf(block.style);
      if (at >= 0) {
        stack = stack.slice(0, at + 1);
        level = at;
      } else {
        stack.push(block.style);
        level = stack.length - 1;
      }
    }
    for (const clause of result.unplaced) warn(clause, "import.warning.unplaced");
    if (level === 0 || (!top && !pending)) {
      pending = null;
      if (result.drafts.length === 0) {
        top = null;
        if (/:\s*$/.test(block.body.text)) pending = headingDraft(capitalize(cleanName(block.body.text, block.body.folded)), block.body, ctx);
        else if (result.unplaced.length === 0 && looksLikeTarget(block.body.folded)) warn(block.body, "import.warning.unplaced");
        continue;
      }
      for (const draft of result.drafts) placed.push({ draft, outside: false });
      top = result.drafts[result.drafts.length - 1];
      continue;
    }
    if (pending) {
      placed.push({ draft: pending, outside: false });
      top = pending;
      pending = null;
    }
    if (top && (top.comparator === "boolean" || top.comparator === null || top.children.length >= 0)) for (const draft of result.drafts) top.children.push(draft);
  }
}

function sliceFrom(m: MappedText, from: number): MappedText {
  return { text: m.text.slice(from), folded: m.folded.slice(from), starts: m.starts.slice(from), ends: m.ends.slice(from) };
}

function deadlineOf(folded: string, planYear: number): number | null {
  const match = /(?:den|toi|vao)\s+(?:het\s+)?nam\s+((?:19|20|21)\d{2})\b/.exec(folded);
  if (!match) return null;
  const year = Number(match[1]);
  return year === planYear ? null : year;
}

function capitalize(text: string): string {
  return text ? text[0].toUpperCase() + text.slice(1) : text;
}

/** OCR'd text has lost most diacritics: units are then matched loosely and confidence is lower. */
function looksLikeOcr(source: MappedText): boolean {
  let letters = 0;
  let marked = 0;
  const n = Math.min(source.text.length, 20000);
  for (let i = 0; i < n; i++) {
    const ch = source.text[i];
    if (!/\p{L}/u.test(ch)) continue;
    letters++;
    if (source.folded[i] !== ch.toLowerCase()) marked++;
  }
  return letters > 200 && marked / letters < 0.15;
}

function sameTarget(a: Draft, b: Draft): boolean {
  if (a.comparator === null || b.comparator === null) return false;
  const value = (d: Draft) => d.target ?? d.targetMin ?? null;
  return value(a) === value(b) && foldString(a.unit) === foldString(b.unit) && a.deadlineYear === b.deadlineYear;
}

function nameSimilarity(a: string, b: string): number {
  const words = (s: string) => new Set(foldString(s).split(/[^a-z0-9%]+/).filter((w) => w.length > 1 && !/^\d+$/.test(w)));
  const x = words(a);
  const y = words(b);
  if (x.size === 0 || y.size === 0) return 0;
  let common = 0;
  for (const w of x) if (y.has(w)) common++;
  return common / Math.min(x.size, y.size);
}

/** The same target stated twice (an introduction repeating the list) is kept once. */
function dedupe(placed: Placed[]): Placed[] {
  const out: Placed[] = [];
  for (const p of placed) {
    const twin = out.find((q) => q.draft.comparator === p.draft.comparator && sameTarget(q.draft, p.draft) && nameSimilarity(q.draft.name, p.draft.name) >= 0.6);
    if (twin) {
      if (twin.outside && !p.outside) out[out.indexOf(twin)] = p;
      continue;
    }
    out.push(p);
  }
  return out;
}

function toIndicators(placed: Placed[], ocr: boolean, spanOf: (m: MappedText) => TextSpan, warnings: ImportWarning[], lang: Lang): ImportedIndicator[] {
  const out: ImportedIndicator[] = [];
  let code = 0;
  const make = (draft: Draft, codeText: string, outside: boolean, prose: boolean): ImportedIndicator | null => {
    const where = outside ? [prose ? "import.reason.prose" : "import.reason.outside-section"] : [];
    const reasons = [...new Set([...draft.reasons, ...(ocr ? ["import.reason.ocr"] : []), ...where])];
    let confidence = 0.97 - reasons.reduce((sum, r) => sum + (REASON_WEIGHT[r] ?? 0.05), 0);
    confidence = Math.round(Math.min(1, Math.max(0.05, confidence)) * 100) / 100;
    const indicator: ImportedIndicator = {
      code: codeText,
      name: draft.name.trim() || `Chỉ tiêu ${codeText}`,
      group: draft.group,
      unit: draft.unit,
      comparator: draft.comparator,
      target: draft.comparator === null || draft.comparator === "boolean" || draft.comparator === "range" ? null : draft.target,
      deadlineYear: draft.deadlineYear,
      note: draft.note,
      confidence,
      span: spanOf(draft.source),
    };
    if (draft.comparator === "range") {
      indicator.targetMin = draft.targetMin;
      indicator.targetMax = draft.targetMax;
    }
    if (draft.childrenAreParts) indicator.childrenAreParts = true;
    if (draft.secondary) indicator.secondary = draft.secondary;
    if (reasons.length) indicator.reasons = reasons;
    const valid = IndicatorSchema.safeParse(plainIndicator(indicator));
    if (!valid.success) {
      const span = indicator.span;
      warnings.push({ line: span.line, text: span.text.slice(0, 200), message: t("import.warning.unreadable", { line: span.line }, lang) });
      return null;
    }
    return indicator;
  };
  for (const { draft, outside, prose = false } of placed) {
    const parentCode = String(++code);
    const parent = make(draft, parentCode, outside, prose);
    if (!parent) {
      code--;
      continue;
    }
    out.push(parent);
    let child = 0;
    const children: ImportedIndicator[] = [];
    for (const c of draft.children) {
      const made = make(c, `${parentCode}.${child + 1}`, outside, prose);
      if (made) {
        child++;
        children.push(made);
      }
    }
    if (children.length) {
      for (const made of children) out.push(made);
      if (parent.comparator === null) parent.confidence = children.reduce((min, c) => Math.min(min, c.confidence), Infinity);
    }
  }
  return out;
}

/** The Plan's indicator without the review fields. */
export function plainIndicator(ind: ImportedIndicator | Indicator): Indicator {
  const { confidence: _c, span: _s, reasons: _r, ...rest } = ind as ImportedIndicator;
  void _c;
  void _s;
  void _r;
  const out: Indicator = { ...rest };
  if (out.targetMin === undefined) delete out.targetMin;
  if (out.targetMax === undefined) delete out.targetMax;
  if (out.childrenAreParts === undefined) delete out.childrenAreParts;
  if (out.secondary === undefined) delete out.secondary;
  return out;
}

export { readBlocks } from "./outline";
