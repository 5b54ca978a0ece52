// `npm run bench [-- --json]`: every bench/*.bench.ts module adds its entries; counts and ratios
// against a baseline measured in the same run, never absolute timings compared to a constant.
import { readdirSync } from "node:fs";
import { join } from "node:path";

export interface BenchEntry {
  name: string;
  /** The input size the value was measured at (rows, files, pages…). */
  size: number;
  value: number;
  unit: string;
  /** Where the goal is known: the value must stay at or under it. */
  goal?: number;
}

export interface BenchModule {
  entries(): Promise<BenchEntry[]>;
}

async function main(): Promise<void> {
  const json = process.argv.includes("--json");
  const only = process.argv.find((a) => a.startsWith("--only="))?.slice("--only=".length);
  const files = readdirSync(__dirname)
    .filter((f) => f.endsWith(".bench.ts"))
    .filter((f) => !only || f.startsWith(only))
    .sort();
  const all: BenchEntry[] = [];
  for (const file of files) {
    const mod = (await import(join(__dirname, file))) as BenchModule;
    const entries = await mod.entries();
    for (const entry of entries) all.push(entry);
    if (!json) for (const e of entries) console.log(formatEntry(e));
  }
  if (json) console.log(JSON.stringify(all.map(({ name, size, value, unit }) => ({ name, size, value, unit })), null, 2));
  else {
    const missed = all.filter((e) => e.goal !== undefined && e.value > e.goal);
    console.log(`\n${all.length} measures, ${missed.length} over their goal${missed.length ? ": " + missed.map((e) => e.name).join(", ") : ""}`);
  }
}

function formatEntry(e: BenchEntry): string {
  const goal = e.goal === undefined ? "" : e.value <= e.goal ? `  (goal ≤ ${e.goal}: met)` : `  (goal ≤ ${e.goal}: MISSED)`;
  return `${e.name.padEnd(34)} size ${String(e.size).padStart(6)}  ${round(e.value).toString().padStart(10)} ${e.unit}${goal}`;
}

function round(v: number): number {
  return Math.abs(v) >= 100 ? Math.round(v) : Math.round(v * 1000) / 1000;
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
