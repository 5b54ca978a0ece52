// Cutting a report into sentences and clauses without cutting its numbers: "36.900" and "24,511"
// keep their marks, "(KBTT: 7,87%)" stays inside its clause, and "trong đó" opens a part of the
// result before it. Positions are offsets into the normalised text (shared/import/mapped.ts).
import type { MappedText } from "../import/mapped";

/** Stands for a tab (a table cell boundary) in the normalised text. */
export const CELL_MARK = "\uE000";

export interface Piece {
  /** Offsets into the normalised text, end exclusive. */
  start: number;
  end: number;
}

export interface Clause extends Piece {
  /** 0 for a result of its own; 1 after "trong đó" (a part of the result before), 2 for a part of a part. */
  level: number;
  /** "Cơ cấu kinh tế: nông nghiệp chiếm 27,6%; …": the short heading before a colon that the clause lists under. */
  heading?: string;
}

export interface Sentence extends Piece {
  clauses: Clause[];
  /** The sentence is a table row: cells separated by tabs. */
  row: boolean;
}

/** Sentences: cut at line ends and at ". " / "! " / "? " before a capital, a digit or a bullet. */
export function sentencesOf(m: MappedText): Sentence[] {
  const out: Sentence[] = [];
  const text = m.text;
  let start = 0;
  const push = (end: number) => {
    let a = start;
    let b = end;
    while (a < b && /\s/.test(text[a])) a++;
    while (b > a && /\s/.test(text[b - 1])) b--;
    if (b > a) {
      const row = text.slice(a, b).includes(CELL_MARK);
      out.push({ start: a, end: b, row, clauses: row ? [] : clausesOf(m, a, b) });
    }
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === "\n") {
      push(i);
      start = i + 1;
      continue;
    }
    if ((ch === "." || ch === "!" || ch === "?" || ch === "…") && /\s/.test(text[i + 1] ?? " ")) {
      // "…" and "..." end a sentence too; a dot between digits never reaches here (no space after it).
      let j = i + 1;
      while (j < text.length && text[j] === " ") j++;
      const next = text[j];
      if (next === undefined || next === "\n" || /[\p{Lu}\d\-–•+("“]/u.test(next)) {
        push(i + 1);
        start = i + 1;
      }
    }
  }
  push(text.length);
  return out;
}

const PART_OPENER = /(?:^|[\s,;:(])trong do\s*[:,]?\s*/g;

/** Clauses of one sentence: cut at ";" and ":" outside brackets, and before "trong đó". */
function clausesOf(m: MappedText, from: number, to: number): Clause[] {
  const folded = m.folded;
  const sentence = folded.slice(from, to);
  // "Trong đó: A …; B …": every clause of the sentence is a part of the result before it.
  const base = /^\s*trong do\s*[:,]/.test(sentence) ? 1 : 0;
  const cuts: { at: number; skip: number; part: boolean }[] = [];
  let depth = 0;
  for (let i = from; i < to; i++) {
    const ch = folded[i];
    if (ch === "(" || ch === "[") depth++;
    else if ((ch === ")" || ch === "]") && depth > 0) depth--;
    else if (depth === 0 && (ch === ";" || (ch === ":" && !/\d/.test(folded[i + 1] ?? "") && !/\d/.test(folded[i + 2] ?? "")))) cuts.push({ at: i, skip: 1, part: false });
  }
  PART_OPENER.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = PART_OPENER.exec(sentence)) !== null) {
    const at = from + match.index + (match[0].startsWith("t") ? 0 : 1);
    if (depthAt(folded, from, at) === 0) cuts.push({ at, skip: from + match.index + match[0].length - at, part: true });
  }
  cuts.sort((a, b) => a.at - b.at);
  const clauses: Clause[] = [];
  let start = from;
  let level = base;
  let heading: string | undefined;
  for (const cut of cuts) {
    if (cut.at < start) {
      if (cut.part && cut.at > from) level = base + 1;
      start = Math.max(start, cut.at + cut.skip);
      continue;
    }
    const before = m.text.slice(start, cut.at).replace(/^[\s\-+•*\d.)]+/, "").trim();
    if (folded[cut.at] === ":" && !cut.part && before && !/\d/.test(before) && before.split(/\s+/).length <= 6 && !/^trong do\b/.test(folded.slice(start, cut.at).trim())) {
      heading = before;
      start = cut.at + cut.skip;
      continue;
    }
    pushClause(clauses, m, start, cut.at, level, heading);
    start = cut.at + cut.skip;
    // After an inline "trong đó" the clauses that follow in the sentence list more parts.
    if (cut.part && cut.at > from) level = Math.max(level, base) + (level > base ? 0 : 1);
  }
  pushClause(clauses, m, start, to, level, heading);
  return clauses;
}

function pushClause(out: Clause[], m: MappedText, a: number, b: number, level: number, heading?: string): void {
  while (a < b && /[\s,:.]/.test(m.text[a])) a++;
  while (b > a && /[\s,;:]/.test(m.text[b - 1])) b--;
  if (b > a) out.push({ start: a, end: b, level, ...(heading ? { heading } : {}) });
}

function depthAt(folded: string, from: number, at: number): number {
  let depth = 0;
  for (let i = from; i < at; i++) {
    if (folded[i] === "(" || folded[i] === "[") depth++;
    else if ((folded[i] === ")" || folded[i] === "]") && depth > 0) depth--;
  }
  return depth;
}
