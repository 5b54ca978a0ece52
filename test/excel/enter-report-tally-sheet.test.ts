// "Dán báo cáo" on Excel keeps the report's tally where the CLI reads it too: the hidden `_chitieu`
// sheet, row `reportTally`, in the CLI's own format (`read-report --into`), within the same write
// request as the figures (still one read + one write). The workbook as Excel would save it, given to
// `chitieu check`, carries the `report-tally` finding; and a tally the CLI wrote into `_chitieu`
// wins over an older one in the add-in's document state (shared/report/kept-tally.ts).
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { findBuiltInPlan } from "../../shared/catalog";
import type { CellValue, SheetModel } from "../../shared/sheet/types";
import { checkSheet } from "../../excel-addin/src/adapter/commands";
import { enterReport, readReport } from "../../excel-addin/src/adapter/enter-report";
import { loadPlan } from "../../excel-addin/src/adapter/load-command";
import { DOCUMENT_SETTING } from "../../excel-addin/src/adapter/workbook-io";
import { writeXlsxBuffer } from "../../cli/xlsx/write";
import { METADATA_SHEET, readMetadata } from "../../xlsx-reader/metadata";
import { REPORT_TALLY_KEY } from "../../shared/report/tally-check";
import { createFakeExcel, type FakeExcelHost } from "../fakes/excel";
import type { FakeWorkbookState } from "../fakes/excel/state";
import { cli, tempDir } from "../cli/support";
import { LOAD_REQUEST } from "./helpers";
import { REPORT, REPORT_PLAN_ID } from "../workflow/report-text";

const PLAN = findBuiltInPlan(REPORT_PLAN_ID)!;
/** The report claims every indicator achieved; its own figure for indicator 18 (90% < plan) says otherwise. */
const CLAIM = "Năm 2025, phường hoàn thành 30/30 chỉ tiêu đạt và vượt kế hoạch.\nTỷ lệ người dân tham gia bảo hiểm y tế đạt 90%, không đạt kế hoạch.";

const syncsOfLast = (fake: FakeExcelHost) => fake.contexts[fake.contexts.length - 1].syncs.length;

async function loaded(): Promise<FakeExcelHost> {
  const fake = createFakeExcel();
  const done = await fake.run((c) => loadPlan(c, { plan: PLAN, ...LOAD_REQUEST }, { pageLayout: true }));
  if (!done.ok) throw new Error(done.message);
  return fake;
}

async function enter(fake: FakeExcelHost, text: string): Promise<void> {
  const review = await fake.run((c) => readReport(c, text, "vi"));
  if (!review.ok) throw new Error(review.message);
  const figures = review.view.rows.filter((r) => r.figure !== null).map((r) => ({ code: r.code, figure: r.figure! }));
  const written = await fake.run((c) => enterReport(c, { figures, tally: review.view.tallyToStore, answers: { "report-overwrite": true } }, "vi"));
  if (!written.ok || written.kind !== "done") throw new Error("not written");
}

/** The workbook as Excel would save it: every sheet's values (formula cells left to the reader), `_chitieu` included. */
async function savedXlsx(state: FakeWorkbookState): Promise<Buffer> {
  const sheets: SheetModel[] = state.sheets.map((s) => {
    const grid = state.grid(s.name);
    const cells: CellValue[][] = grid.map((row, r) => row.map((v, c) => (s.cells.get(`${r},${c}`)?.formula ? null : v === "" ? null : v)));
    return {
      name: s.name,
      role: s.name === METADATA_SHEET ? "lists" : "fill-in",
      cells,
      numberFormats: cells.map((row) => row.map(() => null)),
      styles: [],
      merges: [],
      columns: [],
      conditionalRules: [],
      validations: [],
      editable: [],
      protection: { enabled: false },
      names: [],
      hidden: s.visibility !== "Visible",
      font: { name: "Calibri", size: 11 },
    };
  });
  return writeXlsxBuffer({ sheets, metadata: {} });
}

test("the tally is written into _chitieu in the CLI's format, in the same write request (1 read + 1 write)", async () => {
  const fake = await loaded();
  const before = readMetadata(fake.state.grid(METADATA_SHEET));
  expect(before[REPORT_TALLY_KEY]).toBeUndefined();
  const review = await fake.run((c) => readReport(c, REPORT, "vi"));
  if (!review.ok) throw new Error(review.message);
  const figures = review.view.rows.filter((r) => r.accept).map((r) => ({ code: r.code, figure: r.figure! }));
  await fake.run((c) => enterReport(c, { figures, tally: review.view.tallyToStore }, "vi"));
  expect(syncsOfLast(fake)).toBe(2);
  const meta = readMetadata(fake.state.grid(METADATA_SHEET));
  // Byte for byte what `chitieu read-report --into` stores (cli/commands/read-report.ts: JSON.stringify(tallyToStore)).
  expect(meta[REPORT_TALLY_KEY]).toBe(JSON.stringify(review.view.tallyToStore));
  expect(JSON.parse(meta[REPORT_TALLY_KEY])).toMatchObject({ total: 30, achievedOrExceeded: 25 });
  // The plan row is untouched, and the document state holds the same tally.
  expect(meta.planJson).toBe(before.planJson);
  expect(JSON.parse(String(fake.state.settings.get(DOCUMENT_SETTING))).reportTally).toEqual(review.view.tallyToStore);
  // A second report replaces the row, never adds one.
  await enter(fake, CLAIM);
  const rows = fake.state.grid(METADATA_SHEET).filter((row) => row[0] === REPORT_TALLY_KEY);
  expect(rows).toHaveLength(1);
  expect(JSON.parse(String(rows[0][1]))).toMatchObject({ total: 30, achievedOrExceeded: 30 });
});

test("the workbook as saved from Excel: `chitieu check` gives the report-tally finding, the same words as the add-in's Check", async () => {
  const fake = await loaded();
  await enter(fake, CLAIM);
  const checked = await fake.run((c) => checkSheet(c, "vi"));
  if (!checked.ok) throw new Error(checked.message);
  const inAddIn = checked.findings.find((f) => f.rule === "report-tally")!;
  expect(inAddIn.message).toContain("chỉ tiêu 18");
  const tmp = tempDir();
  try {
    writeFileSync(join(tmp.dir, "don-vi.xlsx"), await savedXlsx(fake.state));
    const run = await cli(tmp.dir, "check", "don-vi.xlsx", "--json");
    const findings = JSON.parse(run.stdout) as { rule: string; message: string }[];
    const tally = findings.find((f) => f.rule === "report-tally");
    expect(tally?.message).toBe(inAddIn.message);
  } finally {
    tmp.cleanup();
  }
}, 60_000);

test("a tally in _chitieu only (as `read-report --into` leaves it) is read back; it wins over an older one in the document state", async () => {
  const fake = await loaded();
  await enter(fake, REPORT); // 25/30 in both places; the figures agree with it
  const meta = fake.state.grid(METADATA_SHEET);
  const row = meta.findIndex((r) => r[0] === REPORT_TALLY_KEY);
  // Another program rewrites the sheet's row alone: the report now claims 30/30.
  fake.state.sheet(METADATA_SHEET).cells.get(`${row},1`)!.value = JSON.stringify({ total: 30, achievedOrExceeded: 30, exceeded: null, notAchieved: null, text: "hoàn thành 30/30 chỉ tiêu" });
  const checked = await fake.run((c) => checkSheet(c, "vi"));
  expect(syncsOfLast(fake)).toBe(1);
  if (!checked.ok) throw new Error(checked.message);
  expect(checked.findings.find((f) => f.rule === "report-tally")?.message).toContain("Báo cáo ghi 30/30");
  // The document state lacking it altogether: the sheet's row still counts.
  const state = JSON.parse(String(fake.state.settings.get(DOCUMENT_SETTING)));
  delete state.reportTally;
  fake.state.settings.set(DOCUMENT_SETTING, JSON.stringify(state));
  const again = await fake.run((c) => checkSheet(c, "vi"));
  if (!again.ok) throw new Error(again.message);
  expect(again.findings.some((f) => f.rule === "report-tally")).toBe(true);
});
