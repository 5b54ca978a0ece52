// Excel add-in: requests (context.sync) per command at 30, 300 and 3000 rows, through the strict
// fake (goal: one read and one write — load 2, validate 1, summary 2 — flat in the rows; the one
// exception is the 3000-row fill-in sheet, whose write goes in two requests to stay safely under
// Office's 5 MB per request, see excel.request.maxMB and README "Round trips"), and the task pane's start weight, gzipped, from a fresh build (goal:
// ≤ 150 KB; Office.js from Microsoft's CDN is not counted).
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { BenchEntry } from "./run";
import { checkSheet } from "../excel-addin/src/adapter/commands";
import { loadPlan } from "../excel-addin/src/adapter/load-command";
import { buildSummary } from "../excel-addin/src/adapter/report-commands";
import { buildTaskpane, START_WEIGHT_GOAL_KB } from "../excel-addin/scripts/build";
import { createFakeExcel, type FakeExcelHost } from "../test/fakes/excel";
import { LOAD_REQUEST, planOfSize } from "../test/excel/helpers";

const FEATURES = { pageLayout: true };
/** Rows from which the fill-in sheet's write is split in two requests (render.ts, DEFAULT_REQUEST_BUDGET). */
const SPLIT_ROWS = 3000;

function syncsOfLast(fake: FakeExcelHost): number {
  return fake.contexts[fake.contexts.length - 1].syncs.length;
}

function maxPayload(fake: FakeExcelHost): number {
  return fake.contexts.flatMap((c) => c.syncs.map((s) => s.payloadBytes)).reduce((a, b) => Math.max(a, b), -Infinity);
}

export async function entries(): Promise<BenchEntry[]> {
  const out: BenchEntry[] = [];
  for (const rows of [30, 300, 3000]) {
    const plan = planOfSize(rows);
    const fake = createFakeExcel();
    await fake.run((context) => loadPlan(context, { plan, ...LOAD_REQUEST }, FEATURES));
    const firstLoad = syncsOfLast(fake);
    // A reload reads what was typed before writing: the heavier case.
    await fake.run((context) => loadPlan(context, { plan, ...LOAD_REQUEST }, FEATURES));
    out.push({ name: "excel.load.syncs", size: rows, value: Math.max(firstLoad, syncsOfLast(fake)), unit: "syncs", goal: rows >= SPLIT_ROWS ? 3 : 2 });
    await fake.run((context) => checkSheet(context, "vi"));
    out.push({ name: "excel.validate.syncs", size: rows, value: syncsOfLast(fake), unit: "syncs", goal: 1 });
    await fake.run((context) => buildSummary(context, "vi", FEATURES));
    out.push({ name: "excel.summary.syncs", size: rows, value: syncsOfLast(fake), unit: "syncs", goal: 2 });
    out.push({ name: "excel.request.maxMB", size: rows, value: Math.round((maxPayload(fake) / 1024 / 1024) * 100) / 100, unit: "MB", goal: 5 });
  }
  try {
    const build = await buildTaskpane({ outDir: mkdtempSync(join(tmpdir(), "bench-taskpane-")), baseUrl: null, quiet: true });
    out.push({ name: "excel.taskpane.startKB", size: Object.keys(build.startFiles).length, value: build.startKB, unit: "KB gz", goal: START_WEIGHT_GOAL_KB });
  } catch (error) {
    console.error(`excel.taskpane.startKB: the build failed (${error instanceof Error ? error.message : String(error)})`);
  }
  return out;
}
