// report.*: the report reader scored on the corpus of real reports (the same count as
// `npm run eval:reports`), overall and per half (dev = odd file numbers, test = even), and its speed
// as a ratio: reading a ~20-page report over normalising the same text once, so slow and fast
// machines give the same figure. Scores are shares (1 = all right); the goals are in the issue:
// tally ≥ 0.95, actuals F1 ≥ 0.9, percent and status ≥ 0.95.
import type { BenchEntry } from "./run";
import { corpusFiles, corpusText, scoreFile, totalsOf } from "../scripts/eval-reports";
import { readReport } from "../shared/report";
import { normalizeSource } from "../shared/import/mapped";

const TARGET_CHARS = 60_000;
const CHARS_PER_PAGE = 3000;
const RUNS = 7;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function time(fn: () => void): number {
  const start = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

export async function entries(): Promise<BenchEntry[]> {
  const out: BenchEntry[] = [];
  for (const half of ["all", "dev", "test"] as const) {
    const files = corpusFiles(half);
    const totals = totalsOf(files.map(scoreFile));
    const suffix = half === "all" ? "" : `.${half}`;
    out.push(
      { name: `report.tally${suffix}`, size: totals.tallyCount, value: totals.tally, unit: "share" },
      { name: `report.f1${suffix}`, size: files.length, value: totals.f1, unit: "F1" },
      { name: `report.percent${suffix}`, size: files.length, value: totals.percent, unit: "share" },
      { name: `report.status${suffix}`, size: files.length, value: totals.status, unit: "share" },
    );
  }
  const parts = corpusFiles("all").map(corpusText);
  let document = "";
  for (let i = 0; document.length < TARGET_CHARS && parts.length; i++) document += parts[i % parts.length] + "\n\n";
  let results = 0;
  for (let i = 0; i < 2; i++) {
    normalizeSource(document);
    results = readReport(document).results.length;
  }
  const base: number[] = [];
  const read: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    base.push(time(() => normalizeSource(document)));
    read.push(time(() => readReport(document)));
  }
  out.push(
    { name: "report.ratio", size: Math.round(document.length / CHARS_PER_PAGE), value: median(read) / median(base), unit: "ratio" },
    { name: "report.results", size: Math.round(document.length / CHARS_PER_PAGE), value: results, unit: "results" },
  );
  return out;
}
