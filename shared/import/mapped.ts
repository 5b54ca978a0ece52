// Text that remembers where each of its characters came from in the user's original, so every
// indicator can point back at the exact span the review step should highlight, even after NFC
// normalisation, joined PDF lines and removed markup.

export interface MappedText {
  text: string;
  /** Lower case, without diacritics, đ → d, dashes → "-": the same length as `text`, index for index. */
  folded: string;
  /** Offset in the original of the first code unit behind each character. */
  starts: number[];
  /** Offset in the original just after the last code unit behind each character. */
  ends: number[];
}

const COMBINING = (code: number) =>
  (code >= 0x0300 && code <= 0x036f) || (code >= 0x1ab0 && code <= 0x1aff) || (code >= 0x1dc0 && code <= 0x1dff) || (code >= 0x20d0 && code <= 0x20ff);
// Tabs are kept: a tab-separated line is a table row (outline.ts reads it, then turns other tabs into spaces).
const ODD_SPACE = /[\v\f\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/;
const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/;
const DASHES = /[\u2010-\u2015\u2212]/;

const foldCache = new Map<string, string>();

/** One character folded to one character, so folded text stays aligned with the text. */
export function foldChar(ch: string): string {
  const cached = foldCache.get(ch);
  if (cached !== undefined) return cached;
  let out: string;
  if (ch === "đ" || ch === "Đ") out = "d";
  else if (DASHES.test(ch)) out = "-";
  else {
    const base = ch.normalize("NFD").charAt(0).toLowerCase();
    out = base.length === 1 ? base : ch;
  }
  foldCache.set(ch, out);
  return out;
}

export function foldString(text: string): string {
  let out = "";
  for (let i = 0; i < text.length; i++) out += foldChar(text[i]);
  return out;
}

/** NFC, CRLF → LF, odd spaces → " ", invisible characters dropped; each output character mapped to its source. */
export function normalizeSource(original: string): MappedText {
  const chars: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  let i = 0;
  const n = original.length;
  while (i < n) {
    let j = i + 1;
    const code = original.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff && j < n) j++;
    while (j < n && COMBINING(original.charCodeAt(j))) j++;
    let cluster = original.slice(i, j);
    if (cluster === "\r") cluster = original[j] === "\n" ? "" : "\n";
    else if (ODD_SPACE.test(cluster)) cluster = " ";
    else if (INVISIBLE.test(cluster)) cluster = "";
    else if (cluster.length > 1 || code >= 0x80) cluster = cluster.normalize("NFC");
    for (let k = 0; k < cluster.length; k++) {
      chars.push(cluster[k]);
      starts.push(i);
      ends.push(j);
    }
    i = j;
  }
  const text = chars.join("");
  return { text, folded: foldString(text), starts, ends };
}

export function slice(m: MappedText, from: number, to: number = m.text.length): MappedText {
  return { text: m.text.slice(from, to), folded: m.folded.slice(from, to), starts: m.starts.slice(from, to), ends: m.ends.slice(from, to) };
}

export function trim(m: MappedText): MappedText {
  let a = 0;
  let b = m.text.length;
  while (a < b && /\s/.test(m.text[a])) a++;
  while (b > a && /\s/.test(m.text[b - 1])) b--;
  return a === 0 && b === m.text.length ? m : slice(m, a, b);
}

/** Joins pieces with `separator`; separator characters map to the point where the previous piece ends. */
export function join(pieces: MappedText[], separator = " "): MappedText {
  const out: MappedText = { text: "", folded: "", starts: [], ends: [] };
  const texts: string[] = [];
  const foldeds: string[] = [];
  pieces.forEach((piece, index) => {
    if (index > 0 && separator) {
      const at = out.ends.length ? out.ends[out.ends.length - 1] : piece.starts[0] ?? 0;
      texts.push(separator);
      foldeds.push(foldString(separator));
      for (let k = 0; k < separator.length; k++) {
        out.starts.push(at);
        out.ends.push(at);
      }
    }
    texts.push(piece.text);
    foldeds.push(piece.folded);
    for (let k = 0; k < piece.starts.length; k++) {
      out.starts.push(piece.starts[k]);
      out.ends.push(piece.ends[k]);
    }
  });
  out.text = texts.join("");
  out.folded = foldeds.join("");
  return out;
}

/** Replaces every match of `pattern` (global, run on the text) with `replacement`; the replacement maps to the match. */
export function replace(m: MappedText, pattern: RegExp, replacement: string): MappedText {
  const flags = pattern.flags.includes("g") ? pattern.flags : pattern.flags + "g";
  const re = new RegExp(pattern.source, flags);
  const pieces: MappedText[] = [];
  let last = 0;
  let match: RegExpExecArray | null;
  while ((match = re.exec(m.text)) !== null) {
    if (match[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    pieces.push(slice(m, last, match.index));
    if (replacement) {
      const at = m.starts[match.index];
      const end = m.ends[match.index + match[0].length - 1];
      pieces.push({
        text: replacement,
        folded: foldString(replacement),
        starts: Array.from({ length: replacement.length }, () => at),
        ends: Array.from({ length: replacement.length }, () => end),
      });
    }
    last = match.index + match[0].length;
  }
  if (pieces.length === 0) return m;
  pieces.push(slice(m, last));
  return join(pieces, "");
}

/** Splits at each match of `separator` (the separator itself is dropped). */
export function split(m: MappedText, separator: RegExp): MappedText[] {
  const flags = separator.flags.includes("g") ? separator.flags : separator.flags + "g";
  const re = new RegExp(separator.source, flags);
  const out: MappedText[] = [];
  let last = 0;
  let match: RegExpExecArray | null;
  while ((match = re.exec(m.folded)) !== null) {
    if (match[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    out.push(slice(m, last, match.index));
    last = match.index + match[0].length;
  }
  out.push(slice(m, last));
  return out;
}

/** The original offsets a mapped text covers. */
export function originalRange(m: MappedText): { start: number; end: number } {
  if (m.starts.length === 0) return { start: 0, end: 0 };
  let start = m.starts[0];
  let end = m.ends[m.ends.length - 1];
  for (let k = 0; k < m.starts.length; k++) if (m.starts[k] < start) start = m.starts[k];
  for (let k = 0; k < m.ends.length; k++) if (m.ends[k] > end) end = m.ends[k];
  return { start, end };
}

/** 1-based line number of an original offset. */
export function lineAt(lineStarts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lineStarts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

export function lineStartsOf(original: string): number[] {
  const out = [0];
  for (let i = 0; i < original.length; i++) if (original.charCodeAt(i) === 10) out.push(i + 1);
  return out;
}
