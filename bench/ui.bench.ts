// The shared UI's start weight in both hosts, gzipped (goal ≤ 150 KB, aim 100): the Excel task pane
// (what it loads before it shows; Office.js from Microsoft's CDN not counted — the same figure as
// excel.taskpane.startKB) and the Sheets sidebar (its one HTML file, which holds the whole UI).
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { BenchEntry } from "./run";
import { buildTaskpane, START_WEIGHT_GOAL_KB } from "../excel-addin/scripts/build";
import { sidebarStartKB } from "../gas-addon/scripts/build";

export async function entries(): Promise<BenchEntry[]> {
  const out: BenchEntry[] = [];
  const excel = await buildTaskpane({ outDir: mkdtempSync(join(tmpdir(), "bench-ui-")), baseUrl: null, quiet: true });
  out.push({ name: "ui.excel.startKB", size: Object.keys(excel.startFiles).length, value: excel.startKB, unit: "KB gz", goal: START_WEIGHT_GOAL_KB });
  out.push({ name: "gas.sidebar.startKB", size: 1, value: await sidebarStartKB(), unit: "KB gz", goal: START_WEIGHT_GOAL_KB });
  return out;
}
