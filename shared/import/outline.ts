// The document's shape: physical lines joined back into blocks (PDF extraction breaks sentences and
// even words across lines), each block's list marker, headings, and the sections that hold targets.
import { INDICATOR_HEADING, INDICATOR_INTRO_TAIL, MISSION_HEADING } from "./lexicon";
import { findCellTables } from "./cell-table";
import { join, replace, slice, split, trim, type MappedText } from "./mapped";

export type MarkerStyle = "roman" | "upper" | "num" | "num2" | "paren" | "letter" | "dash" | "plus" | "star" | "bullet";

export interface Block {
  /** The whole block, marker included. */
  text: MappedText;
  /** The block without its list marker. */
  body: MappedText;
  style: MarkerStyle | null;
  /** 1 for parts (I., II., markdown and capitals headings), 2 for "1.", 3 for "1.1." and "a)", 4 for bullets. */
  rank: number;
  headingLike: boolean;
}

const MARKER =
  /^(?:[-–•●▪+]\s*(?=\(\d))?(\(\d{1,3}\)|1{2,3}[.,](?=\s+\p{Lu}{2})|\d{1,2}(?:\.\d{1,2}){1,3}\.?(?=\s)|\d{1,3}[.)](?=\s|$)|[a-zđ¢][).](?=\s)|[A-Z][.)](?=\s)|[IVXL]{1,6}[.,)](?=\s)|[-–•●▪+*](?=\s)|[-–](?=\p{L}))\s*/u;

function styleOf(marker: string): MarkerStyle {
  const m = marker.trim();
  if (/\(\d/.test(m)) return "paren";
  if (/^\d{1,2}(\.\d{1,2}){1,3}\.?$/.test(m)) return "num2";
  if (/^1{2,3}[.,]$/.test(m)) return "roman"; // OCR reads "II." as "11."
  if (/^[IVXL]{1,6}[.,)]$/.test(m)) return "roman";
  if (/^\d/.test(m)) return "num";
  if (/^[A-Z][.)]$/.test(m)) return "upper";
  if (/^[a-zđ¢][).]$/.test(m)) return "letter";
  if (m.startsWith("+")) return "plus";
  if (m.startsWith("*")) return "star";
  if (/^[•●▪]/.test(m)) return "bullet";
  return "dash";
}

const RANK: Record<MarkerStyle, number> = { roman: 1, upper: 2, num: 2, num2: 3, letter: 3, paren: 4, dash: 4, plus: 4, star: 4, bullet: 4 };

interface Line {
  text: MappedText;
  markdownHeading: boolean;
  /** A cell of a table pasted one cell per line. */
  cell?: boolean;
}

/** Non-empty lines with markdown emphasis and page numbers removed. */
function cleanLines(source: MappedText): Line[] {
  const out: Line[] = [];
  const raws = split(source, /\n/)
    .map(trim)
    .filter((l) => l.text.length > 0);
  // A bare "1" line is a page number, unless it is the Stt cell of a table pasted one cell per line.
  const cells = new Set<number>();
  for (const table of findCellTables(raws.map((text) => ({ text })))) for (let k = table.start; k < table.end; k++) cells.add(k);
  for (const [index, raw] of raws.entries()) {
    let line = raw;
    if (cells.has(index)) {
      out.push({ text: line, markdownHeading: false, cell: true });
      continue;
    }
    if (/^(?:-\s*)?\d{1,3}(?:\s*-)?$/.test(line.text) || /^trang \d+/.test(line.folded)) continue; // page numbers
    let markdownHeading = false;
    const hashes = /^#{1,6}\s*/.exec(line.text);
    if (hashes) {
      markdownHeading = true;
      line = slice(line, hashes[0].length);
    }
    if (line.text.includes("*")) {
      const keepBullet = /^\*\s/.test(line.text);
      const body = replace(keepBullet ? slice(line, 1) : line, /\*+/g, "");
      line = keepBullet ? join([slice(line, 0, 1), body], "") : body;
      line = trim(line);
    }
    // A row copied from a spreadsheet or Word table arrives tab-separated: read it as a pipe row.
    if (/\S\t+\S[^\t]*\t+\S/.test(line.text)) {
      const at = line.starts[0] ?? 0;
      line = join([{ text: "| ", folded: "| ", starts: [at, at], ends: [at, at] }, replace(line, /\s*\t+\s*/g, " | ")], "");
    } else if (line.text.includes("\t")) line = replace(line, /\t+/g, " ");
    if (line.text.includes("|")) line = trim(replace(line, /\s*\|\s*/g, " | "));
    if (line.text.length === 0 || /^[|\s:-]+$/.test(line.text)) continue; // table rules
    out.push({ text: line, markdownHeading });
  }
  return out;
}

function isAllCaps(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, "");
  if (letters.length < 4) return false;
  const upper = letters.replace(/[^\p{Lu}]/gu, "").length;
  return upper / letters.length > 0.8;
}

/** Joins lines broken by PDF extraction; a marker, a heading or a finished sentence starts a new block. */
export function readBlocks(source: MappedText): Block[] {
  const lines = cleanLines(source);
  const blocks: Block[] = [];
  let current: MappedText[] = [];
  let currentMarkdown = false;
  const flush = () => {
    if (current.length === 0) return;
    const text = current.length === 1 ? current[0] : joinWrapped(current);
    blocks.push(classify(text, currentMarkdown));
    current = [];
  };
  // A table pasted one cell per line: every cell stays its own block, so the rows can be rebuilt.
  for (const line of lines) {
    if (line.cell) {
      flush();
      current.push(line.text);
      currentMarkdown = false;
      flush();
      continue;
    }
    const startsBlock = line.markdownHeading || MARKER.test(line.text.text) || /^\|/.test(line.text.text) || startsNewParagraph(current, line.text.text);
    if (startsBlock) {
      flush();
      currentMarkdown = line.markdownHeading;
    }
    current.push(line.text);
    if (line.markdownHeading || /\|\s*$/.test(line.text.text)) flush();
  }
  flush();
  return blocks;
}

function startsNewParagraph(current: MappedText[], next: string): boolean {
  if (current.length === 0) return true;
  const previous = current[current.length - 1].text;
  if (/^(?:Nơi nhận|Noi nh|TM\.|KT\.)/.test(next)) return true;
  const ended = /[.;!?:]["”’)]?$/.test(previous) || /\.\/\.$/.test(previous);
  const nextLower = /^[\p{Ll}\d(%]/u.test(next);
  if (isAllCaps(previous) !== isAllCaps(next) && Math.min(previous.length, next.length) < 60) return true;
  // A one-line bullet of web page links ("- Mục tiêu … 8%") then a paragraph of its own: a new block.
  if (current.length === 1 && /^[-–•]\s/.test(previous) && previous.length < 200 && /^\p{Lu}/u.test(next) && next.length > 200 && /[.!?…]["”’)]?$/.test(next)) return true;
  return ended && !nextLower;
}

/** Joins wrapped lines: a hyphen at a line end between lower-case letters was only hyphenation. */
function joinWrapped(lines: MappedText[]): MappedText {
  const pieces: MappedText[] = [];
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i];
    const next = lines[i + 1];
    if (next && /\p{Ll}-$/u.test(line.text) && /^\p{Ll}/u.test(next.text)) {
      line = slice(line, 0, line.text.length - 1);
      pieces.push(line);
      pieces.push({ text: "\u0000", folded: "\u0000", starts: [line.ends[line.ends.length - 1] ?? 0], ends: [line.ends[line.ends.length - 1] ?? 0] });
    } else if (next && /\p{L}-$/u.test(line.text)) {
      pieces.push(line);
      pieces.push({ text: "\u0000", folded: "\u0000", starts: [line.ends[line.ends.length - 1] ?? 0], ends: [line.ends[line.ends.length - 1] ?? 0] });
    } else pieces.push(line);
  }
  const joined = join(pieces, " ");
  // The NUL marks where a hyphenated word was cut at a line end; no text from a plan holds one.
  // eslint-disable-next-line no-control-regex
  return replace(joined, / ?\u0000 ?/g, "");
}

function classify(text: MappedText, markdownHeading: boolean): Block {
  const marker = MARKER.exec(text.text);
  let style: MarkerStyle | null = null;
  let body = text;
  if (marker && marker[0].trim().length) {
    style = styleOf(marker[1] ?? marker[0]);
    if (/^[-–•●▪+]\s*\(\d/.test(marker[0])) style = "paren";
    body = trim(slice(text, marker[0].length));
    if (style === "roman" && /^1/.test(marker[0]) && !isAllCaps(body.text.slice(0, 60))) style = "num";
  }
  const caps = isAllCaps(body.text.slice(0, 120));
  let rank = style ? RANK[style] : 5;
  if (markdownHeading && !style) rank = 1;
  if (caps && rank > 1 && body.text.length < 200 && style !== "dash" && style !== "plus") rank = 1;
  const short = body.text.length <= 100;
  const headingLike =
    markdownHeading || rank === 1 || ((style === "num" || style === "num2" || style === "letter" || style === "upper") && short && !/[.;]$/.test(body.text) && !/\d(?!\d{3})/.test(body.text.replace(/\b(19|20)\d{2}\b/g, "")));
  return { text, body, style, rank, headingLike };
}

export interface Region {
  /** Index of the block that introduced the list (its heading or its opening sentence). */
  intro: number;
  start: number;
  end: number;
}

export function isIndicatorIntro(block: Block): boolean {
  const f = block.body.folded.replace(/\s+/g, " ").trim();
  if (MISSION_HEADING.test(f)) return false;
  if (block.headingLike || f.length < 70) {
    if (/nhiem vu|giai phap/.test(f) && !/chi tieu (thi dua|chu yeu|cu the)/.test(f)) return false;
    if (INDICATOR_HEADING.test(f) && (/^(?:cac |nhom |he thong |mot so )?(?:chi tieu|muc tieu cu the|chi so)/.test(f) || f.length < 70)) return true;
  }
  if (/^(?:cac |nhom )?chi tieu (thi dua|chu yeu|cu the|ke hoach|kinh te|xa hoi|phat trien)/.test(f)) return true;
  return INDICATOR_INTRO_TAIL.test(f);
}

export function isMissionHeading(block: Block): boolean {
  const f = block.body.folded.trim();
  if (!MISSION_HEADING.test(f)) return false;
  return block.headingLike || block.rank <= 3 || f.length < 80;
}

/** The runs of blocks that hold the list of targets. */
export function findRegions(blocks: Block[]): Region[] {
  const regions: Region[] = [];
  let i = 0;
  let lastHeadingRank = 1;
  while (i < blocks.length) {
    const block = blocks[i];
    if (block.headingLike) lastHeadingRank = block.rank;
    if (!isIndicatorIntro(block)) {
      i++;
      continue;
    }
    const introRank = block.style ? block.rank : block.headingLike ? block.rank : Math.min(lastHeadingRank, 2);
    let itemStyle: MarkerStyle | null = null;
    let j = i + 1;
    for (; j < blocks.length; j++) {
      const b = blocks[j];
      if (isMissionHeading(b)) break;
      if (/^(?:noi nhan|tm\.|kt\.)/.test(b.body.folded)) break;
      if (b.style && itemStyle === null && !(b.style === "star" && /:\s*$/.test(b.body.text))) itemStyle = b.style;
      if (b.rank <= introRank && b.style !== itemStyle && !(b.rank > 1 && isIndicatorIntro(b) && b.headingLike)) break;
      if (b.rank === 1 && b.style !== itemStyle && !isIndicatorIntro(b)) break;
    }
    regions.push({ intro: i, start: i + 1, end: j });
    i = Math.max(j, i + 1);
  }
  return regions;
}
