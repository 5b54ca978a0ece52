// Service calls and flushes of every server function of the Google Sheets add-on, counted by the
// strict fakes while the built Code.js runs in a vm sandbox, on synthetic plans of 30, 300 and 3000
// indicators (test/gas/command-costs.ts, the runs test/gas/flushes.test.ts pins). Apps Script caches
// writes and sends them when a read follows or the run ends: `gas.<command>.flushes` counts those
// round trips (test/fakes/gas/calls.ts, callKind), goal ≤ 2; `gas.<command>.calls` stays flat in the
// rows (a new sheet has 1,000 rows: a bigger table takes one more call to add rows). `gas.load` and
// `gas.summary` are the first run on a new spreadsheet (they create the sheets: one plural setter per
// property, column widths, merges; what remains and why is in gas-addon/README.md, "Service calls per
// command"); `gas.reload` loads the plan again after figures were typed, `gas.summary.rerun` rebuilds
// the summary after a change; `gas.consolidate.*` are the rounds of a consolidation of three units
// (start, continue: the last round writes the sheets; `.again.*` over the sheets it wrote), measured
// up to CONSOLIDATION_MAX_ROWS (a 3,000-indicator plan leaves no room in the document properties
// for the job between rounds).
import type { BenchEntry } from "./run";
import { buildToTemp } from "../test/gas/support";
import { commandCosts, COST_SIZES } from "../test/gas/command-costs";

const FLUSH_GOAL = 2;

export async function entries(): Promise<BenchEntry[]> {
  const built = await buildToTemp();
  const out: BenchEntry[] = [];
  for (const size of COST_SIZES) {
    for (const [command, cost] of Object.entries(commandCosts(built, size))) {
      out.push({ name: `gas.${command}.calls`, size, value: cost.calls, unit: "calls" });
      out.push({ name: `gas.${command}.flushes`, size, value: cost.flushes, unit: "flushes", goal: FLUSH_GOAL });
    }
  }
  return out;
}
