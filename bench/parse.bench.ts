// parse.ratio: importing a ~20-page plan, over reading and normalising the same text once (read from
// disk + NFC + split into lines). A ratio, not a time, so slow and fast machines give the same figure.
import { readdirSync, readFileSync, writeFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { BenchEntry } from "./run";
import { importPlanText } from "../shared/import";

const SEEDS = "/work/shared/seeds";
const CORPUS = resolve(__dirname, "../test/fixtures/plan-texts");
/** Real public plan texts (news pages, tables one cell per line): the prose reader's path is timed too. */
const REAL = "/work/shared/corpus/plans";
/** About 3.000 characters a printed A4 page of a Vietnamese plan. */
const CHARS_PER_PAGE = 3000;
const TARGET_CHARS = 60_000;
const RUNS = 7;

function sources(): string[] {
  const texts: string[] = [];
  for (const dir of [SEEDS, CORPUS, REAL]) {
    try {
      for (const file of readdirSync(dir).filter((f) => f.endsWith(".txt")).sort()) texts.push(readFileSync(join(dir, file), "utf8"));
    } catch {
      // a missing folder only makes the document shorter
    }
  }
  return texts;
}

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
  const parts = sources();
  let document = "";
  for (let i = 0; document.length < TARGET_CHARS && parts.length; i++) document += parts[i % parts.length] + "\n\n";
  const pages = Math.round(document.length / CHARS_PER_PAGE);
  const file = join(mkdtempSync(join(tmpdir(), "chitieu-bench-")), "plan.txt");
  writeFileSync(file, document);

  let lines = 0;
  const baseline = () => {
    const text = readFileSync(file, "utf8").normalize("NFC");
    lines = text.split(/\r?\n/).length;
  };
  let indicators = 0;
  const measured = () => {
    const text = readFileSync(file, "utf8");
    indicators = importPlanText(text).indicators.length;
  };
  // Warm both paths so the JIT has compiled them before anything is timed.
  for (let i = 0; i < 2; i++) {
    baseline();
    measured();
  }
  const base: number[] = [];
  const parse: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    // The baseline is sub-millisecond: repeat it so the timer's resolution does not dominate.
    base.push(time(() => {
      for (let k = 0; k < 20; k++) baseline();
    }) / 20);
    parse.push(time(measured));
  }
  const parseMs = median(parse);
  return [
    { name: "parse.ratio", size: pages, value: parseMs / median(base), unit: "ratio" },
    { name: "parse.rowsPerSecond", size: lines, value: Math.round((lines / parseMs) * 1000), unit: "lines/s" },
    { name: "parse.indicators", size: pages, value: indicators, unit: "indicators" },
  ];
}
