// Excel add-in: requests (context.sync) of every command at 30, 300 and 3000 rows, through the strict
// fake (goal: one read and one write — 2, or 1 for a command that only reads — flat in the rows; the one
// exception is the 3000-row fill-in sheet, whose write goes in two requests to stay safely under
// Office's 5 MB per request, see excel.request.maxMB and README "Round trips"), and the task pane's start weight, gzipped, from a fresh build (goal:
// ≤ 150 KB; Office.js from Microsoft's CDN is not counted).
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { BenchEntry } from "./run";
import { buildTaskpane, START_WEIGHT_GOAL_KB } from "../excel-addin/scripts/build";
import { excelCommandSyncs, SYNC_GOALS, SYNC_SIZES } from "../test/excel/command-syncs";

/** Rows from which the fill-in sheet's write is split in two requests (render.ts, DEFAULT_REQUEST_BUDGET). */
const SPLIT_ROWS = 3000;

export async function entries(): Promise<BenchEntry[]> {
  const out: BenchEntry[] = [];
  for (const rows of SYNC_SIZES) {
    // Every command the task pane calls, each in its own Excel.run (test/excel/command-syncs.ts).
    const costs = await excelCommandSyncs(rows);
    let maxPayload = 0;
    for (const [command, cost] of Object.entries(costs)) {
      const goal = (SYNC_GOALS[command] ?? 2) + (rows >= SPLIT_ROWS && (command === "load" || command === "reload") ? 1 : 0);
      out.push({ name: `excel.${command}.syncs`, size: rows, value: cost.syncs, unit: "syncs", goal });
      maxPayload = Math.max(maxPayload, cost.maxPayload);
    }
    out.push({ name: "excel.request.maxMB", size: rows, value: Math.round((maxPayload / 1024 / 1024) * 100) / 100, unit: "MB", goal: 5 });
  }
  try {
    const build = await buildTaskpane({ outDir: mkdtempSync(join(tmpdir(), "bench-taskpane-")), baseUrl: null, quiet: true });
    out.push({ name: "excel.taskpane.startKB", size: Object.keys(build.startFiles).length, value: build.startKB, unit: "KB gz", goal: START_WEIGHT_GOAL_KB });
  } catch (error) {
    console.error(`excel.taskpane.startKB: the build failed (${error instanceof Error ? error.message : String(error)})`);
  }
  return out;
}
