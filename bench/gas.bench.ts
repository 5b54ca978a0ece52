// Service calls and flushes per command of the Google Sheets add-on, counted by the strict fakes while
// the built Code.js runs in a vm sandbox, on synthetic plans of 30, 300 and 3000 indicators. Apps
// Script caches writes and sends them when a read follows or the run ends: `gas.<command>.flushes`
// counts those round trips (test/fakes/gas/calls.ts, callKind), goal ≤ 2; calls stay flat in rows. `gas.load.calls` and `gas.summary.calls` are the first run on a new spreadsheet (they create
// the sheets: one plural setter per property, column widths, merges; what remains and why is in
// gas-addon/README.md, "Service calls per command"); `gas.reload.calls` loads the plan
// again after figures were typed, `gas.summary.rerun.calls` rebuilds the summary after a change.
import type { BenchEntry } from "./run";
import { buildToTemp, columnOf, FILL_IN, loadRequest, rowOfCode, run, sandbox, syntheticPlan, userTypes } from "../test/gas/support";

const SIZES = [30, 300, 3000];
const GOAL = 12;
const FLUSH_GOAL = 2;

export async function entries(): Promise<BenchEntry[]> {
  const built = await buildToTemp();
  const out: BenchEntry[] = [];
  for (const size of SIZES) {
    const box = sandbox(built);
    const plan = syntheticPlan(size);
    const measure = (name: string, fn: () => { ok: boolean; message?: string }) => {
      box.world.log.reset();
      const result = fn();
      if (!result.ok) throw new Error(`${name} at ${size}: ${result.message}`);
      out.push({ name, size, value: box.world.log.count, unit: "calls", goal: GOAL });
      out.push({ name: name.replace(/\.calls$/, ".flushes"), size, value: box.world.log.flushes, unit: "flushes", goal: FLUSH_GOAL });
    };
    const request = { ...loadRequest("x"), source: { kind: "reviewed", plan } };
    measure("gas.load.calls", () => run(box, "loadPlan", request));
    const sheet = box.world.active.sheet(FILL_IN);
    const type = (code: string, value: number) => userTypes(sheet, rowOfCode(sheet, code), columnOf("actual"), value);
    type("1", 150);
    measure("gas.reload.calls", () => run(box, "loadPlan", request));
    measure("gas.validate.calls", () => run(box, "checkFigures", "vi"));
    measure("gas.summary.calls", () => run(box, "buildSummary", "vi"));
    type("2", 1);
    measure("gas.summary.rerun.calls", () => run(box, "buildSummary", "vi"));
  }
  return out;
}
