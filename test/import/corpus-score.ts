// Scoring the importer on the real public plan texts of ../shared/corpus/plans against what a person
// read in them (the .expected.json beside each text, conventions in ../shared/corpus/README.md).
//
// Matching, per file: an expected target and a found indicator can pair only when they state the same
// value (the same number, or the same two bounds of a range; a qualitative target pairs with a
// qualitative row) and their names share words (similarity ≥ MIN_SIMILARITY). Among the possible
// pairs the closest names pair first, so two "100 %" targets go to the rows that name them. Unit,
// comparator and deadline are NOT part of the match: they are scored on the matched pairs, so a
// wrong unit costs the unit score, not the F1 as well. Headings (comparator null) are structure and
// are not scored; `results` rows are not targets and are not scored here.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { importPlanText, type ImportedIndicator, type ImportResult } from "../../shared/import";
import type { Comparator } from "../../shared/model";
import { foldDiacritics } from "../../shared/actual";

export const CORPUS_PLANS = "/work/shared/corpus/plans";
export const MIN_SIMILARITY = 0.25;

export interface CorpusTarget {
  code?: string;
  name: string;
  unit: string;
  comparator: Comparator;
  target?: number | null;
  targetMin?: number;
  targetMax?: number;
  deadlineYear: number | null;
}

interface ExpectedFile {
  year?: number;
  indicators: CorpusTarget[];
}

export type Half = "dev" | "test";
/** The fixed split: odd-numbered files are the development half, even-numbered the test half. */
export function halfOf(file: string): Half {
  return Number(/^(\d+)/.exec(file)?.[1] ?? 0) % 2 === 1 ? "dev" : "test";
}

export type Polarity = "higher" | "lower" | "equal" | "boolean";
/** Which way the quantity should go: a ceiling and a reduction are "lower"; shares and zero targets "equal". */
export function polarityOf(c: Comparator): Polarity {
  switch (c) {
    case "<=":
    case "<":
    case "decrease-by":
      return "lower";
    case "=":
      return "equal";
    case "boolean":
      return "boolean";
    default:
      return "higher"; // >=, >, increase-by, approx, range: reaching the figure is what counts
  }
}

export interface Pair {
  expected: CorpusTarget;
  found: ImportedIndicator;
  similarity: number;
  polarity: boolean;
  comparator: boolean;
  unit: boolean;
  deadline: boolean;
}

export interface FileScore {
  file: string;
  half: Half;
  expected: number;
  found: number;
  pairs: Pair[];
  misses: CorpusTarget[];
  spurious: ImportedIndicator[];
  result: ImportResult;
}

function words(name: string): string[] {
  return [...new Set(foldDiacritics(name).split(/[^a-z0-9]+/).filter((w) => w.length > 1 || /\d/.test(w)))];
}

/** Shared words over the shorter name's words. */
export function similarity(a: string, b: string): number {
  const x = words(a);
  const y = new Set(words(b));
  if (x.length === 0 || y.size === 0) return 0;
  let common = 0;
  for (const w of x) if (y.has(w)) common++;
  return common / Math.min(x.length, y.size);
}

const close = (a: number | null | undefined, b: number | null | undefined) =>
  a !== null && a !== undefined && b !== null && b !== undefined && Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

function sameValue(f: ImportedIndicator, e: CorpusTarget): boolean {
  if (e.comparator === "boolean" || f.comparator === "boolean") return e.comparator === f.comparator;
  const eRange = e.targetMin !== undefined && e.targetMax !== undefined;
  const fRange = f.targetMin !== undefined && f.targetMax !== undefined;
  if (eRange || fRange) return eRange && fRange && close(f.targetMin, e.targetMin) && close(f.targetMax, e.targetMax);
  return close(f.target, e.target);
}

/** Units compared as written, up to Unicode form and runs of spaces. */
export function sameUnit(a: string, b: string): boolean {
  const norm = (u: string) => u.normalize("NFC").replace(/\s+/g, " ").trim();
  return norm(a) === norm(b);
}

export function scoreFile(file: string, found: readonly ImportedIndicator[], expected: readonly CorpusTarget[], result: ImportResult): FileScore {
  const pool = found.filter((f) => f.comparator !== null);
  const candidates: { e: number; f: number; s: number }[] = [];
  expected.forEach((e, ei) =>
    pool.forEach((f, fi) => {
      if (!sameValue(f, e)) return;
      const s = similarity(f.name, e.name);
      if (s >= MIN_SIMILARITY) candidates.push({ e: ei, f: fi, s });
    }),
  );
  candidates.sort((a, b) => b.s - a.s || a.e - b.e || a.f - b.f);
  const usedE = new Set<number>();
  const usedF = new Set<number>();
  const pairs: Pair[] = [];
  for (const c of candidates) {
    if (usedE.has(c.e) || usedF.has(c.f)) continue;
    usedE.add(c.e);
    usedF.add(c.f);
    const e = expected[c.e];
    const f = pool[c.f];
    pairs.push({
      expected: e,
      found: f,
      similarity: c.s,
      polarity: f.comparator !== null && polarityOf(f.comparator) === polarityOf(e.comparator),
      comparator: f.comparator === e.comparator,
      unit: sameUnit(f.unit, e.unit),
      deadline: (f.deadlineYear ?? null) === (e.deadlineYear ?? null),
    });
  }
  pairs.sort((a, b) => expected.indexOf(a.expected) - expected.indexOf(b.expected));
  return {
    file,
    half: halfOf(file),
    expected: expected.length,
    found: pool.length,
    pairs,
    misses: expected.filter((_, i) => !usedE.has(i)),
    spurious: pool.filter((_, i) => !usedF.has(i)),
    result,
  };
}

export interface Totals {
  files: number;
  expected: number;
  found: number;
  matched: number;
  precision: number;
  recall: number;
  f1: number;
  polarity: number;
  comparator: number;
  unit: number;
  deadline: number;
}

export function totals(scores: readonly FileScore[]): Totals {
  const sum = (f: (s: FileScore) => number) => scores.reduce((n, s) => n + f(s), 0);
  const expected = sum((s) => s.expected);
  const found = sum((s) => s.found);
  const matched = sum((s) => s.pairs.length);
  const share = (key: "polarity" | "comparator" | "unit" | "deadline") => (matched ? sum((s) => s.pairs.filter((p) => p[key]).length) / matched : 0);
  const precision = found ? matched / found : 0;
  const recall = expected ? matched / expected : 0;
  return {
    files: scores.length,
    expected,
    found,
    matched,
    precision,
    recall,
    f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0,
    polarity: share("polarity"),
    comparator: share("comparator"),
    unit: share("unit"),
    deadline: share("deadline"),
  };
}

/** Imports every corpus plan (or one half) and scores it. */
export function scoreCorpus(half?: Half, dir = CORPUS_PLANS): FileScore[] {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith(".txt"))
    .sort()
    .filter((f) => !half || halfOf(f) === half);
  return files.map((file) => {
    const text = readFileSync(join(dir, file), "utf8");
    const expected = JSON.parse(readFileSync(join(dir, file.replace(/\.txt$/, ".expected.json")), "utf8")) as ExpectedFile;
    // Line 1 "source: URL" and line 2 "title: …" are the corpus's own header (README); the excerpt a
    // user would paste starts on line 3. The title goes in as the plan's title, as a user would type it.
    const lines = text.split("\n");
    const title = lines[1]?.startsWith("title:") ? lines[1].slice(6).replace(/\[reconstructed[^\]]*\]/, "").trim() : undefined;
    const excerpt = lines.slice(lines[1]?.startsWith("title:") ? 2 : lines[0]?.startsWith("source:") ? 1 : 0).join("\n");
    const result = importPlanText(excerpt, { source: file, title });
    return scoreFile(file, result.indicators, expected.indicators, result);
  });
}
