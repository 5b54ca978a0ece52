// What each command of the Excel add-in costs in requests (context.sync), counted by the strict fake
// on a plan of `rows` rows: every adapter command the task pane calls, each in its own Excel.run as
// the pane runs it. Shared by the sync test (test/excel/command-syncs.test.ts) and the bench
// (bench/excel.bench.ts). Syncs, and the largest request's size, per command.
import { withMetadataSheet } from "../../xlsx-reader/metadata";
import { writeXlsxBuffer } from "../../cli/xlsx/write";
import { buildFillInWorkbook } from "../../shared/sheet/fill-in";
import type { Plan } from "../../shared/model";
import { checkSheet, dashboard, fixNumberAsText, readDocumentSettings, saveDocumentSettings, selectCell, setOverride } from "../../excel-addin/src/adapter/commands";
import { loadPlan } from "../../excel-addin/src/adapter/load-command";
import { buildSummary } from "../../excel-addin/src/adapter/report-commands";
import { consolidateUnitFiles, writeAssignmentForm } from "../../excel-addin/src/adapter/units-commands";
import { readReceivedFiles } from "../../excel-addin/src/units-files";
import { enterReport, readReport } from "../../excel-addin/src/adapter/enter-report";
import { makeNextYear } from "../../excel-addin/src/adapter/next-year-command";
import { buildWordReport } from "../../excel-addin/src/adapter/word-report-command";
import { columnLetters, createFakeExcel, type FakeExcelHost } from "../fakes/excel";
import { LOAD_REQUEST, planOfSize, readBack } from "./helpers";

export interface CommandSyncs {
  syncs: number;
  /** The largest request of the command, in bytes. */
  maxPayload: number;
}

export const SYNC_SIZES = [30, 300, 3000];
const FEATURES = { pageLayout: true };

/** The one-read, one-write limit per command (a command that only reads: 1). */
export const SYNC_GOALS: Record<string, number> = {
  load: 2,
  reload: 2,
  validate: 1,
  fix: 2,
  selectCell: 1,
  override: 2,
  dashboard: 1,
  "settings.get": 1,
  "settings.save": 2,
  summary: 2,
  "summary.rerun": 2,
  assignmentForm: 2,
  readReport: 1,
  enterReport: 2,
  wordReport: 1,
  nextYear: 2,
  consolidate: 2,
};

function costOfLast(fake: FakeExcelHost): CommandSyncs {
  const syncs = fake.contexts[fake.contexts.length - 1]!.syncs;
  let maxPayload = 0;
  for (const s of syncs) maxPayload = Math.max(maxPayload, s.payloadBytes);
  return { syncs: syncs.length, maxPayload };
}

function leafCodes(plan: Plan): string[] {
  return plan.indicators.filter((i) => i.comparator !== null && i.comparator !== "boolean" && i.target !== null).map((i) => i.code);
}

export async function excelCommandSyncs(rows: number): Promise<Record<string, CommandSyncs>> {
  const plan = planOfSize(rows);
  const fake = createFakeExcel();
  const out: Record<string, CommandSyncs> = {};
  const measure = async (name: string, command: () => Promise<{ ok: boolean; message?: string } | boolean | null | void>) => {
    const result = await command();
    if (result && typeof result === "object" && !result.ok) throw new Error(`${name} at ${rows} rows: ${result.message}`);
    out[name] = costOfLast(fake);
  };
  const request = { plan, ...LOAD_REQUEST };
  await measure("load", () => fake.run((context) => loadPlan(context, request, FEATURES)));
  const code = leafCodes(plan)[0]!;
  const layout = readBack(fake.state, plan);
  const cell = `${columnLetters(layout.layout!.columns.actual!)}${layout.rowsByCode.get(code)! + 1}`;
  fake.state.typeIn("Chỉ tiêu", cell, "1.234,5");
  // A reload reads what was typed before writing: the heavier case.
  await measure("reload", () => fake.run((context) => loadPlan(context, request, FEATURES)));
  let finding = null as Parameters<typeof fixNumberAsText>[1] | null;
  await measure("validate", () =>
    fake.run(async (context) => {
      const checked = await checkSheet(context, "vi");
      if (checked.ok) finding = checked.findings.find((f) => f.rule === "number-as-text" && f.cell === cell) ?? null;
      return checked;
    }),
  );
  if (!finding) throw new Error(`no number-as-text finding on ${cell}`);
  await measure("fix", () => fake.run((context) => fixNumberAsText(context, finding!, "vi")));
  await measure("selectCell", () => fake.run((context) => selectCell(context, "Chỉ tiêu", cell)));
  await measure("override", () => fake.run((context) => setOverride(context, leafCodes(plan)[1]!, "Đạt", "Đã hoàn thành theo báo cáo quý", "vi")));
  await measure("dashboard", () => fake.run((context) => dashboard(context, "vi")));
  let settings = null as Awaited<ReturnType<typeof readDocumentSettings>>;
  await measure("settings.get", () => fake.run(async (context) => void (settings = await readDocumentSettings(context))));
  if (!settings) throw new Error("no settings");
  await measure("settings.save", () => fake.run(async (context) => (await saveDocumentSettings(context, { ...settings!, amberBand: 0.8 })) || { ok: false, message: "not saved" }));
  await measure("summary", () => fake.run((context) => buildSummary(context, "vi", FEATURES)));
  fake.state.typeIn("Chỉ tiêu", cell, 2000);
  await measure("summary.rerun", () => fake.run((context) => buildSummary(context, "vi", FEATURES)));
  await measure("assignmentForm", () => fake.run((context) => writeAssignmentForm(context, "vi", FEATURES)));
  // Dán báo cáo: the review reads only; the write is one read and one write.
  const [first, second] = leafCodes(plan);
  await measure("readReport", () => fake.run((context) => readReport(context, `${plan.indicators.find((i) => i.code === first)!.name} đạt 150.`, "vi")));
  await measure("enterReport", () => fake.run((context) => enterReport(context, { figures: [{ code: second!, figure: "160" }], tally: null }, "vi")));
  await measure("wordReport", () => fake.run((context) => buildWordReport(context, "vi")));
  await measure("nextYear", () => fake.run((context) => makeNextYear(context, { plan: "same", year: 2026, lang: "vi" }, FEATURES)));

  // Three units' workbooks of the same plan, picked as files, as the pane reads them.
  const files: File[] = [];
  for (let i = 0; i < 3; i++) {
    const unit = `Đơn vị ${i + 1}`;
    const model = buildFillInWorkbook(plan, { unit, year: 2025, lang: "vi", entries: leafCodes(plan).slice(0, 5).map((c) => ({ code: c, raw: 100 + i })) });
    files.push(new File([new Uint8Array(await writeXlsxBuffer(withMetadataSheet(model)))], `don-vi-${i + 1}.xlsx`, { lastModified: Date.UTC(2025, 11, 1 + i) }));
  }
  const received = await readReceivedFiles(files, () => undefined, "vi");
  await measure("consolidate", () => fake.run((context) => consolidateUnitFiles(context, received, {}, "vi", FEATURES)));
  return out;
}
