// `npm run eval:reports [-- --half dev|test] [--verbose]`: the report reader scored on the corpus of
// real reports (../shared/corpus/reports/). Measures, per file and overall:
// - tally: total and achieved-or-exceeded both right (files whose truth has a tally, or where one was read);
// - actuals F1: a found result counts when its actual equals the expected one (within rounding) and
//   its name matches (most of the expected name's words are in it, or the reverse);
// - percent and status: on the matched results, the percent of plan and the status agree (null = null).
// Halves: the dev half is the odd file numbers, the test half the even ones.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { readReport, type ReportResult } from "../shared/report";
import { scoreReport, type FileScore, type ExpectedReport } from "../shared/report/score";

export const CORPUS = join(__dirname, "..", "..", "shared", "corpus", "reports");

export function corpusFiles(half: "dev" | "test" | "all" = "all"): string[] {
  return readdirSync(CORPUS)
    .filter((f) => f.endsWith(".txt"))
    .filter((f) => {
      const n = Number(f.slice(0, 2));
      return half === "all" || (half === "dev" ? n % 2 === 1 : n % 2 === 0);
    })
    .sort();
}

/** The report text without the corpus's own "source:" and "title:" lines (the title is kept as a line). */
export function corpusText(file: string): string {
  const raw = readFileSync(join(CORPUS, file), "utf8");
  return raw
    .split("\n")
    .filter((line) => !line.startsWith("source: "))
    .map((line) => (line.startsWith("title: ") ? line.slice(7).replace(/^\[reconstructed from URL slug [^\]]*\]\s*/, "").replace(/\s+—\s+[^—]+$/, "") : line))
    .join("\n");
}

export function scoreFile(file: string): FileScore {
  const expected = JSON.parse(readFileSync(join(CORPUS, file.replace(/\.txt$/, ".expected.json")), "utf8")) as ExpectedReport;
  const reading = readReport(corpusText(file), { year: expected.year });
  return scoreReport(file, expected, reading);
}

export interface Totals {
  tally: number;
  tallyCount: number;
  f1: number;
  precision: number;
  recall: number;
  percent: number;
  status: number;
}

export function totalsOf(scores: FileScore[]): Totals {
  const sum = (f: (s: FileScore) => number) => scores.reduce((a, s) => a + f(s), 0);
  const tp = sum((s) => s.matched.length);
  const found = sum((s) => s.found);
  const expected = sum((s) => s.expected);
  const precision = found ? tp / found : 1;
  const recall = expected ? tp / expected : 1;
  const tallyFiles = scores.filter((s) => s.tally !== null);
  const matched = scores.flatMap((s) => s.matched);
  return {
    tally: tallyFiles.length ? tallyFiles.filter((s) => s.tally).length / tallyFiles.length : 1,
    tallyCount: tallyFiles.length,
    f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0,
    precision,
    recall,
    percent: matched.length ? matched.filter((p) => p.percentRight).length / matched.length : 1,
    status: matched.length ? matched.filter((p) => p.statusRight).length / matched.length : 1,
  };
}

function describe(r: ReportResult): string {
  return `${r.name} = ${JSON.stringify(r.actual)} ${r.unit} (${r.percentOfPlan ?? "–"}%, ${r.status ?? "–"})`;
}

function main(): void {
  const halfArg = process.argv.find((a) => a.startsWith("--half="))?.slice(7) ?? (process.argv.includes("--half") ? process.argv[process.argv.indexOf("--half") + 1] : "all");
  const half = halfArg === "dev" || halfArg === "test" ? halfArg : "all";
  const verbose = !process.argv.includes("--quiet");
  const scores = corpusFiles(half).map(scoreFile);
  const pct = (v: number) => v.toFixed(3);
  for (const s of scores) {
    const t = totalsOf([s]);
    console.log(`${s.file.padEnd(40)} tally ${s.tally === null ? " –  " : s.tally ? "ok  " : "MISS"}  F1 ${pct(t.f1)} (${s.matched.length}/${s.expected} found, ${s.found} read)  percent ${pct(t.percent)}  status ${pct(t.status)}`);
    if (!verbose) continue;
    if (s.tally === false) console.log(`    tally: expected ${s.tallyExpected}, read ${s.tallyRead}`);
    for (const miss of s.misses) console.log(`    miss:     ${miss.name} = ${JSON.stringify(miss.actual)} ${miss.unit}`);
    for (const extra of s.spurious) console.log(`    spurious: ${describe(extra)}`);
    for (const p of s.matched.filter((x) => !x.percentRight || !x.statusRight))
      console.log(`    wrong:    ${describe(p.found)}; expected ${p.expected.pctOfTarget ?? "–"}%, ${p.expected.status ?? "–"}`);
  }
  const t = totalsOf(scores);
  console.log(
    `\n${half} (${scores.length} files): tally ${pct(t.tally)} (${t.tallyCount} files)  actuals F1 ${pct(t.f1)} (P ${pct(t.precision)}, R ${pct(t.recall)})  percent ${pct(t.percent)}  status ${pct(t.status)}`,
  );
}

if (require.main === module) main();
