// "Dán báo cáo" on Sheets keeps the report's tally where the CLI reads it too: a hidden `_chitieu`
// sheet, row `reportTally`, in the CLI's own format, queued with the figures (still one flush). The
// spreadsheet downloaded as .xlsx gives `chitieu check` the `report-tally` finding; a spreadsheet
// whose properties lack the tally (a converted .xlsx the CLI filled) reads it from the sheet.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { CellValue, SheetModel } from "../../shared/sheet/types";
import { writeXlsxBuffer } from "../../cli/xlsx/write";
import { readMetadata, withMetadataSheet } from "../../xlsx-reader/metadata";
import { REPORT_TALLY_KEY } from "../../shared/report/tally-check";
import type { GasSandbox } from "../fakes/gas/sandbox";
import type { FakeSheet } from "../fakes/gas/spreadsheet";
import { buildToTemp, FILL_IN, loadRequest, run, sandbox, type Built } from "./support";
import { cli, tempDir } from "../cli/support";
import { REPORT, REPORT_PLAN_ID } from "../workflow/report-text";
import type { ReportReviewView } from "../../shared/workflow/enter-report";
import { joinValue, splitValue } from "../../gas-addon/src/server/document-state";

const CLAIM = "Năm 2025, phường hoàn thành 30/30 chỉ tiêu đạt và vượt kế hoạch.\nTỷ lệ người dân tham gia bảo hiểm y tế đạt 90%, không đạt kế hoạch.";

let built: Built;
beforeAll(async () => {
  built = await buildToTemp();
}, 120_000);

type Review = { view: ReportReviewView; messages: string[] };
type Entered = { kind: "done"; result: { cells: string[] }; messages: string[] } | { kind: "ask" };

function loaded(): GasSandbox {
  const box = sandbox(built);
  const done = run(box, "loadPlan", loadRequest(REPORT_PLAN_ID));
  if (!done.ok) throw new Error(done.message);
  return box;
}

function gridOf(sheet: FakeSheet): unknown[][] {
  const { lastRow, lastCol } = sheet.extent();
  return Array.from({ length: lastRow }, (_, r) => Array.from({ length: lastCol }, (_, c) => sheet.peek(r, c).value ?? ""));
}

function enter(box: GasSandbox, text: string): ReportReviewView {
  const review = run<Review>(box, "readReport", text, "vi");
  if (!review.ok) throw new Error(review.message);
  const figures = review.view.rows.filter((r) => r.figure !== null).map((r) => ({ code: r.code, figure: r.figure! }));
  box.world.log.reset();
  const entered = run<Entered>(box, "enterReport", { figures, tally: review.view.tallyToStore, answers: { "report-overwrite": true } }, "vi");
  if (!entered.ok || entered.kind !== "done") throw new Error("not written");
  return review.view;
}

test("the tally goes into a hidden _chitieu sheet in the CLI's format, in the same single flush; the fill-in sheet stays in front", () => {
  const box = loaded();
  const view = enter(box, REPORT);
  expect(box.world.log.flushes).toBe(1);
  const meta = box.world.active.sheet("_chitieu");
  expect(meta.hidden).toBe(true);
  expect(box.world.active.activeSheet?.name).toBe(FILL_IN);
  // Byte for byte what `chitieu read-report --into` stores (JSON.stringify of the review's tallyToStore).
  expect(readMetadata(gridOf(meta))[REPORT_TALLY_KEY]).toBe(JSON.stringify(view.tallyToStore));
  expect(JSON.parse(readMetadata(gridOf(meta))[REPORT_TALLY_KEY])).toMatchObject({ total: 30, achievedOrExceeded: 25 });
  // A second report replaces the row (one flush again), never adds one.
  enter(box, CLAIM);
  expect(box.world.log.flushes).toBe(1);
  const rows = gridOf(meta).filter((row) => row[0] === REPORT_TALLY_KEY);
  expect(rows).toHaveLength(1);
  expect(JSON.parse(String(rows[0][1]))).toMatchObject({ total: 30, achievedOrExceeded: 30 });
});

test("downloaded as .xlsx: `chitieu check` gives the report-tally finding, the same words as the sidebar's Check", async () => {
  const box = loaded();
  enter(box, CLAIM);
  const checked = run<{ findings: { rule: string; message: string }[] }>(box, "checkFigures", "vi");
  const inSheets = checked.findings.find((f) => f.rule === "report-tally")!;
  expect(inSheets.message).toContain("chỉ tiêu 18");
  // Sheets' download keeps hidden sheets (as hidden) but no document properties: the plan goes in
  // `_chitieu` as any plan file would (--plan is the other way), the tally row is the sheet's own.
  const sheets: SheetModel[] = box.world.active.sheets.map((s) => {
    const cells = gridOf(s).map((row) => row.map((v) => (v === "" ? null : v))) as CellValue[][];
    return { name: s.name, role: s.name === "_chitieu" ? "lists" : "fill-in", cells, numberFormats: cells.map((r) => r.map(() => null)), styles: [], merges: [], columns: [], conditionalRules: [], validations: [], editable: [], protection: { enabled: false }, names: [], hidden: s.hidden, font: { name: "Arial", size: 10 } };
  });
  const tally = readMetadata(gridOf(box.world.active.sheet("_chitieu")))[REPORT_TALLY_KEY];
  const model = withMetadataSheet({ sheets: sheets.filter((s) => s.name !== "_chitieu"), metadata: {} }, { planId: REPORT_PLAN_ID, [REPORT_TALLY_KEY]: tally });
  const tmp = tempDir();
  try {
    writeFileSync(join(tmp.dir, "tai-ve.xlsx"), await writeXlsxBuffer(model));
    const out = await cli(tmp.dir, "check", "tai-ve.xlsx", "--plan", REPORT_PLAN_ID, "--json");
    const findings = JSON.parse(out.stdout) as { rule: string; message: string }[];
    expect(findings.find((f) => f.rule === "report-tally")?.message).toBe(inSheets.message);
  } finally {
    tmp.cleanup();
  }
}, 60_000);

/** The properties lose the tally (as a spreadsheet converted from a CLI-filled .xlsx never had it). */
function dropTallyFromProperties(box: GasSandbox): void {
  const props = box.world.documentProperties.data;
  const info = JSON.parse(joinValue(Object.fromEntries(props), "info")!);
  expect(info.reportTally).toMatchObject({ achievedOrExceeded: 30 });
  delete info.reportTally;
  for (const key of [...props.keys()]) if (key.startsWith("chitieu.info.")) props.delete(key);
  for (const [key, value] of Object.entries(splitValue("info", JSON.stringify(info)))) props.set(key, value);
  expect(joinValue(Object.fromEntries(props), "info")).not.toContain("reportTally");
}

test("the properties lacking the tally: Check reads it from _chitieu (no flush)", () => {
  const box = loaded();
  enter(box, CLAIM);
  dropTallyFromProperties(box);
  box.world.log.reset();
  const checked = run<{ findings: { rule: string; message: string }[] }>(box, "checkFigures", "vi");
  expect(box.world.log.flushes).toBe(0);
  expect(checked.findings.find((f) => f.rule === "report-tally")?.message).toContain("Báo cáo ghi 30/30");
});

test("the properties lacking the tally: Summary reads it from _chitieu too, under the sentence as `chitieu summary` puts it", () => {
  const box = loaded();
  enter(box, CLAIM);
  const before = run<{ tally: string | null }>(box, "buildSummary", "vi");
  expect(before.tally).toContain("Báo cáo ghi 30/30");
  dropTallyFromProperties(box);
  box.world.log.reset();
  const after = run<{ tally: string | null; message: string }>(box, "buildSummary", "vi");
  expect(after.tally).toBe(before.tally);
  expect(box.world.log.flushes).toBeLessThanOrEqual(2);
});
