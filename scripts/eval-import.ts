// `npm run eval:import [-- --json] [--half dev|test] [--worst N] [--quiet]`: scores the plan-text
// importer on the real public plan texts of ../shared/corpus/plans (matching rules in
// test/import/corpus-score.ts). Dev half = odd-numbered files, test half = even-numbered.
import { scoreCorpus, totals, type FileScore, type Half, type Totals } from "../test/import/corpus-score";

function describe(ind: { target?: number | null; targetMin?: number; targetMax?: number; unit: string; comparator: string | null; deadlineYear?: number | null }): string {
  const value = ind.targetMin !== undefined ? `${ind.targetMin}–${ind.targetMax}` : ind.target === null || ind.target === undefined ? "—" : String(ind.target);
  return `${ind.comparator} ${value} ${ind.unit ? `[${ind.unit}]` : "[]"}${ind.deadlineYear ? ` @${ind.deadlineYear}` : ""}`;
}

const pct = (x: number) => `${(100 * x).toFixed(1)} %`;

function line(label: string, t: Totals): string {
  return `${label.padEnd(10)} F1 ${t.f1.toFixed(3)}  P ${t.precision.toFixed(3)}  R ${t.recall.toFixed(3)}  (${t.matched}/${t.expected} expected, ${t.found} found)  polarity ${t.polarity.toFixed(3)}  comparator ${t.comparator.toFixed(3)}  unit ${t.unit.toFixed(3)}  deadline ${t.deadline.toFixed(3)}`;
}

function main(): void {
  const args = process.argv.slice(2);
  const json = args.includes("--json");
  const quiet = args.includes("--quiet");
  const halfArg = args.includes("--half") ? args[args.indexOf("--half") + 1] : undefined;
  if (halfArg !== undefined && halfArg !== "dev" && halfArg !== "test") {
    console.error("--half takes dev or test");
    process.exitCode = 2;
    return;
  }
  const worstArg = args.includes("--worst") ? Number(args[args.indexOf("--worst") + 1]) : 6;
  const scores = scoreCorpus(halfArg as Half | undefined);
  const all = totals(scores);
  const byHalf = halfArg ? null : { dev: totals(scores.filter((s) => s.half === "dev")), test: totals(scores.filter((s) => s.half === "test")) };

  if (json) {
    const out = {
      half: halfArg ?? "all",
      overall: all,
      halves: byHalf,
      files: scores.map((s) => ({
        file: s.file,
        half: s.half,
        ...totals([s]),
        misses: s.misses.map((m) => ({ code: m.code, name: m.name, target: describe(m) })),
        spurious: s.spurious.map((f) => ({ code: f.code, name: f.name, target: describe(f) })),
        wrong: s.pairs
          .filter((p) => !p.polarity || !p.unit || !p.deadline)
          .map((p) => ({ name: p.expected.name, expected: describe(p.expected), found: describe(p.found), polarity: p.polarity, unit: p.unit, deadline: p.deadline })),
      })),
    };
    console.log(JSON.stringify(out, null, 2));
    return;
  }

  console.log(`Plan-text importer on ${scores.length} real plan texts (${halfArg ?? "both halves"})\n`);
  console.log(line("overall", all));
  if (byHalf) {
    console.log(line("dev", byHalf.dev));
    console.log(line("test", byHalf.test));
  }
  console.log("\nper file:");
  for (const s of scores) {
    const t = totals([s]);
    console.log(`  ${s.file.padEnd(46)} ${s.half.padEnd(4)} F1 ${t.f1.toFixed(2)}  ${s.pairs.length}/${s.expected} matched, ${s.spurious.length} spurious, polarity ${pct(t.polarity)}, unit ${pct(t.unit)}, deadline ${pct(t.deadline)}`);
  }
  if (quiet) return;
  const worst = [...scores].sort((a, b) => errors(b) - errors(a)).slice(0, worstArg);
  console.log(`\nworst ${worst.length} files:`);
  for (const s of worst) printFile(s);
}

function errors(s: FileScore): number {
  return s.misses.length + s.spurious.length + s.pairs.filter((p) => !p.polarity || !p.unit || !p.deadline).length;
}

function printFile(s: FileScore): void {
  console.log(`\n== ${s.file} (${s.half})`);
  for (const m of s.misses) console.log(`  miss      ${m.code ?? ""} ${m.name} — ${describe(m)}`);
  for (const f of s.spurious) console.log(`  spurious  ${f.code} ${f.name} — ${describe(f)}  «${f.span?.text?.replace(/\s+/g, " ").slice(0, 100) ?? ""}»`);
  for (const p of s.pairs) {
    const wrong = [!p.polarity && "polarity", !p.unit && "unit", !p.deadline && "deadline"].filter(Boolean);
    if (wrong.length) console.log(`  wrong ${wrong.join("+")}: ${p.expected.name} — expected ${describe(p.expected)}, found ${describe(p.found)} (${p.found.name})`);
  }
}

main();
