// What each server function of the Sheets add-on costs, as Apps Script costs it: service calls and
// flushes (a read after pending writes, flush(), the end of the run: test/fakes/gas/calls.ts),
// counted by the strict fakes while the built Code.js runs, on a synthetic plan of `size` rows.
// Shared by the flush test (test/gas/flushes.test.ts) and the bench (bench/gas.bench.ts), so both
// measure the same runs of every command the sidebar calls.
import type { CallRecord } from "../fakes/gas/calls";
import { a1Of } from "../fakes/gas/spreadsheet";
import type { GasSandbox } from "../fakes/gas/sandbox";
import type { FakeSpreadsheet } from "../fakes/gas/spreadsheet";
import { columnOf, FILL_IN, loadRequest, rowOfCode, run, sandbox, syntheticPlan, userTypes, type Built } from "./support";

export interface CommandCost {
  /** Service calls of the run (on the open spreadsheet, and on the units' spreadsheets it opens). */
  calls: number;
  /** Round trips that send writes. */
  flushes: number;
  /**
   * A new sheet has 1,000 rows and 26 columns: a bigger table asks for more, once each
   * (Sheet.insertRowsAfter; Sheet.insertColumnsAfter for the assignment form's column per code).
   */
  grow: number;
}

/** The rows the costs are measured at. */
export const COST_SIZES = [30, 300, 3000];
/** Units a consolidation reads in the measure (fixed: the rows vary, not the units). */
const UNITS = 3;
/**
 * The largest plan a consolidation is measured on. A plan of 3,000 indicators alone takes 482 KB
 * of the document properties' 500 KB (the stored plan), leaving no room for the job a
 * consolidation keeps between its rounds: Sheets cannot consolidate a plan that size at all.
 */
export const CONSOLIDATION_MAX_ROWS = 300;

/**
 * Every command the sidebar calls, in the order a user meets them, each measured alone:
 * the sidebar's state, reading a pasted plan, the first load, a reload after typing, the check, fixing a number typed as
 * text, going to a cell, the selected row's code, an override, the summary and its rebuild, the
 * dashboard, the settings read and saved, Dán báo cáo (review, write), the Word report's model (its writer, an HtmlService file, touches no sheet),
 * the assignment form, next year's sheets; then a consolidation of three units in rounds (start,
 * continue, the last round writing the sheets), the same again over the sheets it wrote, and a
 * third one cancelled.
 */
export function commandCosts(built: Built, size: number, trace?: (command: string, calls: CallRecord[]) => void): Record<string, CommandCost> {
  const out: Record<string, CommandCost> = {};
  const plan = syntheticPlan(size);
  const request = { ...loadRequest("x"), source: { kind: "reviewed", plan } };
  const remotes: GasSandbox[] = [];
  const measure = (box: GasSandbox, name: string, fn: () => { ok: boolean; message?: string }) => {
    box.world.log.reset();
    for (const r of remotes) r.world.log.reset();
    const result = fn();
    if (!result.ok) throw new Error(`${name} at ${size} rows: ${result.message}`);
    let remoteCalls = 0;
    for (const r of remotes) remoteCalls += r.world.log.count;
    out[name] = { calls: box.world.log.count + remoteCalls, flushes: box.world.log.flushes, grow: (box.world.log.byMethod()["Sheet.insertRowsAfter"] ?? 0) + (box.world.log.byMethod()["Sheet.insertColumnsAfter"] ?? 0) };
    trace?.(name, box.world.log.since());
  };

  const box = sandbox(built);
  measure(box, "sidebar", () => run(box, "getSidebarState"));
  measure(box, "preview", () => run(box, "previewPlanText", "1. Thu ngân sách nhà nước đạt 36.692 triệu đồng.\n2. Tỷ lệ hộ nghèo dưới 1%.", "vi"));
  measure(box, "load", () => run(box, "loadPlan", request));
  const sheet = box.world.active.sheet(FILL_IN);
  userTypes(sheet, rowOfCode(sheet, "1"), columnOf("actual"), "1.234,5");
  measure(box, "reload", () => run(box, "loadPlan", request));
  measure(box, "validate", () => run(box, "checkFigures", "vi"));
  const cell = a1Of(rowOfCode(sheet, "1"), columnOf("actual"));
  measure(box, "activateCell", () => run(box, "activateCell", FILL_IN, cell, "vi"));
  measure(box, "fix", () => run(box, "fixNumberAsText", FILL_IN, cell, 1234.5, "vi"));
  measure(box, "selectedCode", () => run(box, "getSelectedCode", "vi"));
  measure(box, "override", () => run(box, "setOverride", "2", "Đạt", "Đã hoàn thành theo báo cáo quý", "vi"));
  measure(box, "summary", () => run(box, "buildSummary", "vi"));
  userTypes(sheet, rowOfCode(sheet, "3"), columnOf("actual"), 1);
  measure(box, "summary.rerun", () => run(box, "buildSummary", "vi"));
  measure(box, "dashboard", () => run(box, "getDashboard", "vi"));
  measure(box, "settings.get", () => run(box, "getSettings", "vi"));
  measure(box, "settings.save", () => run(box, "saveSettings", { amberBand: 0.8 }, "vi"));
  // Dán báo cáo: the review (nothing written), then two figures written (not over typed ones).
  const report = "Chỉ tiêu thử số 1 đạt 150 tỷ đồng, đạt 150% kế hoạch.\nChỉ tiêu thử số 4 đạt 160 tỷ đồng.";
  measure(box, "readReport", () => run(box, "readReport", report, "vi"));
  measure(box, "enterReport", () => run(box, "enterReport", { figures: [{ code: "4", figure: "160" }, { code: "5", figure: "8,2" }], tally: null }, "vi"));
  measure(box, "wordReport", () => run(box, "getWordReport", "vi"));
  measure(box, "assignmentForm", () => run(box, "writeAssignmentForm", "vi"));
  measure(box, "nextYear", () => run(box, "makeNextYear", { source: { kind: "same" }, year: 2026, lang: "vi" }));

  if (size > CONSOLIDATION_MAX_ROWS) return out;
  // A consolidation: the units' spreadsheets filled in on the same plan, opened by URL.
  const parent = sandbox(built, "consolidation");
  const urls: string[] = [];
  for (let i = 0; i < UNITS; i++) {
    const name = `Đơn vị ${i + 1}`;
    const unit = sandbox(built, "standard", { activeId: `unit-${size}-${i + 1}`, activeName: name });
    const loaded = run(unit, "loadPlan", { ...request, unit: name });
    if (!loaded.ok) throw new Error(`unit ${name}: ${loaded.message}`);
    const unitSheet = unit.world.active.sheet(FILL_IN);
    for (const ind of plan.indicators.slice(0, 5)) if (ind.comparator !== "boolean") userTypes(unitSheet, rowOfCode(unitSheet, ind.code), columnOf("actual"), 100 + i);
    const book: FakeSpreadsheet = unit.world.active;
    parent.world.byUrl.set(book.url, book);
    urls.push(book.url);
    remotes.push(unit);
  }
  const loadedParent = run(parent, "loadPlan", { ...request, unit: "UBND cấp trên" });
  if (!loadedParent.ok) throw new Error(`parent: ${loadedParent.message}`);
  // Each file takes two minutes to open: the first round reads two units and stops before Apps
  // Script's six-minute limit, the next reads the last one and writes the consolidation.
  parent.world.openCostMs = 2 * 60 * 1000;
  const rounds = (prefix: string) => {
    measure(parent, `${prefix}.start`, () => run(parent, "startConsolidation", urls, "vi"));
    let round = 0;
    for (let finished = false; !finished && round < 5; round++) {
      measure(parent, round === 0 ? `${prefix}.continue` : `${prefix}.continue${round + 1}`, () => {
        const result = run<{ finished: boolean }>(parent, "continueConsolidation", "vi");
        finished = result.finished;
        return result;
      });
    }
  };
  // The first consolidation inserts its sheets; the second rewrites them.
  rounds("consolidate");
  rounds("consolidate.again");
  measure(parent, "consolidate.third.start", () => run(parent, "startConsolidation", urls, "vi"));
  measure(parent, "consolidate.cancel", () => run(parent, "cancelConsolidation", "vi"));
  return out;
}
