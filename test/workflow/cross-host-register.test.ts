// The same units' reports, three hosts, one register: the CLI (`summary --plan --expected
// giao-chi-tieu.xlsx --json` on .xlsx files), the Excel adapter on its fake (the same files, picked,
// with the assignment sheet in the office's workbook) and the Sheets bundle on its fake (the units'
// spreadsheets by link, the assignment sheet in the office's spreadsheet) must give the same
// register (without --plan: the plan the files are on; with --plan the CLI reads every file with that
// plan's targets and flags own-target units "Mẫu cũ", see the report): the same units, statuses, files used and error counts, and the same sentence. One unit
// has its own target, one has an error, one sent twice, one sent nothing. Round trips are counted:
// Excel two requests per command, Sheets a bounded number of calls.
import { utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { findBuiltInPlan } from "../../shared/catalog";
import { planForUnit } from "../../shared/consolidation/assignment";
import type { ActualEntry, Plan } from "../../shared/model";
import { ASSIGNMENT_HEADER_ROW, buildAssignmentWorkbook } from "../../shared/sheet/assignment-sheet";
import { cellA1 } from "../../shared/sheet/a1";
import { buildFillInWorkbook } from "../../shared/sheet/fill-in";
import { localIsoDate } from "../../shared/workflow/units";
import { PLAN_JSON_KEY, withMetadataSheet } from "../../xlsx-reader/metadata";
import { writeXlsxBuffer } from "../../cli/xlsx/write";
import { loadPlan } from "../../excel-addin/src/adapter/load-command";
import { consolidateUnitFiles, writeAssignmentForm, type ReceivedFile } from "../../excel-addin/src/adapter/units-commands";
import { readXlsx } from "../../excel-addin/src/xlsx-reader";
import { createFakeExcel } from "../fakes/excel";
import { LOAD_REQUEST } from "../excel/helpers";
import { buildToTemp, columnOf, FILL_IN, loadRequest, rowOfCode, run, sandbox, userTypes, type Built } from "../gas/support";
import { cli, readGrid, tempDir } from "../cli/support";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";

const FEATURES = { pageLayout: true };
const PLAN_ID = "dong-hai-2025";
const plan = findBuiltInPlan(PLAN_ID) as Plan;
const OFFICE = "UBND phường Đông Hải";
const numberIndicators = plan.indicators.filter((i) => i.comparator !== null && i.comparator !== "boolean");
const CODE = numberIndicators.find((i) => typeof i.target === "number" && i.comparator === ">=")!.code;
const TARGET = plan.indicators.find((i) => i.code === CODE)!.target as number;

/** The units expected (the assignment table), and what each sends. Tổ 1 has its own target (twice the plan's). */
const UNITS = [
  { unit: "Tổ dân phố 1", group: "Cụm 1", own: TARGET * 2 },
  { unit: "Tổ dân phố 2", group: "Cụm 1" },
  { unit: "Tổ dân phố 3", group: "Cụm 2" },
  { unit: "Tổ dân phố 4", group: "Cụm 2" },
];
/** The reports that come in, in order: Tổ 3 twice (the second newer), Tổ 4 nothing. */
const SENT: { unit: string; file: string; share: number; text?: string; mtime: string }[] = [
  { unit: "Tổ dân phố 1", file: "to-1.xlsx", share: 1, mtime: "2026-12-08T09:00:00" },
  { unit: "Tổ dân phố 2", file: "to-2.xlsx", share: 1, text: "khoảng mười", mtime: "2026-12-09T09:00:00" },
  { unit: "Tổ dân phố 3", file: "to-3-cu.xlsx", share: 0.5, mtime: "2026-12-07T09:00:00" },
  { unit: "Tổ dân phố 3", file: "to-3-moi.xlsx", share: 1, mtime: "2026-12-09T15:00:00" },
];

/** Each number indicator at `share` of the plan's target (the same figures whatever the unit's own target). */
function entriesOf(s: (typeof SENT)[number]): ActualEntry[] {
  return numberIndicators
    .filter((ind) => typeof ind.target === "number")
    .map((ind) => ({ code: ind.code, raw: ind.code === CODE && s.text ? s.text : Math.round((ind.target as number) * s.share * 100) / 100 }));
}

/** The assignment table's grid with the units and Tổ 1's own target typed in. */
function assignmentModel() {
  const model = buildAssignmentWorkbook(plan, { units: UNITS.map((u) => ({ unit: u.unit, group: u.group })), year: 2025 });
  const sheet = model.sheets[0];
  const col = (sheet.cells[ASSIGNMENT_HEADER_ROW] as unknown[]).indexOf(CODE);
  sheet.cells[ASSIGNMENT_HEADER_ROW + 1][col] = UNITS[0].own!;
  sheet.numberFormats[ASSIGNMENT_HEADER_ROW + 1] ??= [];
  return { model, col };
}

type Comparable = { unit: string; statuses: string[]; used: boolean; errorCount: number; group: string | null };
const comparable = (rows: readonly { unit: string; statuses: readonly string[]; used: boolean; errorCount: number; group: string | null }[]): Comparable[] =>
  rows.map((r) => ({ unit: r.unit, statuses: [...r.statuses], used: r.used, errorCount: r.errorCount, group: r.group }));

let built: Built;
const dir = tempDir();
const files: string[] = [];

beforeAll(async () => {
  built = await buildToTemp();
  for (const s of SENT) {
    const assigned = UNITS.find((u) => u.unit === s.unit)!;
    // Each unit's template carries its own targets (as `template --targets` writes it).
    const own = assigned.own ? planForUnit(plan, { targets: { [CODE]: assigned.own } }) : plan;
    const model = buildFillInWorkbook(own, { unit: s.unit, year: 2025, lang: "vi", entries: entriesOf(s) });
    const path = join(dir.dir, s.file);
    writeFileSync(path, await writeXlsxBuffer(withMetadataSheet(model, { [PLAN_JSON_KEY]: JSON.stringify(own) })));
    const when = new Date(s.mtime);
    utimesSync(path, when, when);
    files.push(s.file);
  }
  writeFileSync(join(dir.dir, "giao-chi-tieu.xlsx"), await writeXlsxBuffer(withMetadataSheet(assignmentModel().model)));
}, 120_000);
afterAll(() => dir.cleanup());

async function viaCli(deadline: string | null) {
  const args = ["summary", ...files, "-o", `tong-hop-${deadline ?? "none"}.xlsx`, "--force", "--expected", "giao-chi-tieu.xlsx", "--json", ...(deadline ? ["--deadline", deadline] : [])];
  const out = await cli(dir.dir, ...args);
  const json = JSON.parse(out.stdout) as { sentence: string; counts: Record<string, number>; register: (Comparable & { file: { file: string } | null })[] };
  return json;
}

/** The office's workbook in Excel: the plan loaded, the assignment form made from the pane, the units typed in. */
async function viaExcel(deadline: string | null, more: string[] = []) {
  const fake = createFakeExcel();
  const loaded = await fake.run((context) => loadPlan(context, { plan, ...LOAD_REQUEST, unit: OFFICE }, FEATURES));
  if (!loaded.ok) throw new Error(loaded.message);
  const form = await fake.run((context) => writeAssignmentForm(context, "vi", FEATURES));
  if (!form.ok) throw new Error(form.message);
  const formSyncs = fake.contexts[fake.contexts.length - 1].syncs.length;
  const { col } = assignmentModel();
  UNITS.forEach((u, i) => {
    fake.state.typeIn(form.sheet, cellA1(ASSIGNMENT_HEADER_ROW + 1 + i, 1), u.unit);
    fake.state.typeIn(form.sheet, cellA1(ASSIGNMENT_HEADER_ROW + 1 + i, 2), u.group);
  });
  fake.state.typeIn(form.sheet, cellA1(ASSIGNMENT_HEADER_ROW + 1, col), UNITS[0].own!);
  // As the pane reads picked files (excel-addin/src/units-files.ts): the stored unit and plan id, the date, the hash.
  const received: ReceivedFile[] = [...SENT.map((s) => ({ file: s.file, mtime: s.mtime })), ...more.map((file) => ({ file, mtime: "2026-12-09T10:00:00" }))].map((s) => {
    const bytes = readFileSync(join(dir.dir, s.file));
    const book = readXlsx(new Uint8Array(bytes), s.file);
    return {
      file: { name: s.file, read: { ok: true, sheets: book.sheets, unit: book.metadata.unit ?? null } },
      date: localIsoDate(new Date(s.mtime)),
      sha256: createHash("sha256").update(bytes).digest("hex"),
      planId: book.metadata.planId ?? null,
      unit: book.metadata.unit ?? null,
    };
  });
  const outcome = await fake.run((context) => consolidateUnitFiles(context, received, { deadline }, "vi", FEATURES));
  if (!outcome.ok) throw new Error(outcome.message);
  return { outcome, formSyncs, syncs: fake.contexts[fake.contexts.length - 1].syncs.length, sheets: fake.state.sheets.map((s) => s.name), grid: (name: string) => fake.state.grid(name) as unknown[][] };
}

/** The office's spreadsheet in Sheets: the same, the units' spreadsheets opened by link. */
function viaSheets() {
  const box = sandbox(built, "consolidation");
  run(box, "loadPlan", loadRequest(PLAN_ID, OFFICE));
  box.world.log.reset();
  const form = run<{ sheet: string }>(box, "writeAssignmentForm", "vi");
  expect(form.ok).toBe(true);
  const formCalls = box.world.log.count;
  const sheet = box.world.active.sheet(form.sheet);
  const { col } = assignmentModel();
  UNITS.forEach((u, i) => {
    userTypes(sheet, ASSIGNMENT_HEADER_ROW + 1 + i, 1, u.unit);
    userTypes(sheet, ASSIGNMENT_HEADER_ROW + 1 + i, 2, u.group);
  });
  userTypes(sheet, ASSIGNMENT_HEADER_ROW + 1, col, UNITS[0].own!);
  const urls = SENT.map((s, i) => {
    const unit = sandbox(built, "standard", { activeId: `unit-${i}`, activeName: s.unit });
    run(unit, "loadPlan", loadRequest(PLAN_ID, s.unit));
    const book = unit.world.active;
    const fill = book.sheet(FILL_IN);
    for (const e of entriesOf(s)) userTypes(fill, rowOfCode(fill, e.code), columnOf("actual"), e.raw as string | number);
    box.world.byUrl.set(book.url, book);
    return book.url;
  });
  box.world.log.reset();
  const result = run<{ finished: boolean; registerView: { sentence: string; counts: Record<string, number>; rows: (Comparable & { file: string | null })[] } }>(box, "startConsolidation", urls, "vi", { expected: null, deadline: null });
  expect(result.ok).toBe(true);
  expect(result.finished).toBe(true);
  return { view: result.registerView, urls, formCalls, calls: box.world.log.count };
}

describe("the register of who reported: CLI, Excel and Sheets alike", () => {
  test("same units, statuses, files used, error counts and sentence in the three hosts", async () => {
    const fromCli = await viaCli(null);
    const excel = await viaExcel(null);
    const sheets = viaSheets();

    // What the register must say, host-independent: the cases built above.
    const expected = [
      { unit: "Tổ dân phố 1", statuses: ["received"], used: true, errorCount: 0, group: "Cụm 1" },
      { unit: "Tổ dân phố 2", statuses: ["received", "errors"], used: true, errorCount: 1, group: "Cụm 1" },
      { unit: "Tổ dân phố 3", statuses: ["received", "duplicate"], used: true, errorCount: 0, group: "Cụm 2" },
      { unit: "Tổ dân phố 4", statuses: ["missing"], used: false, errorCount: 0, group: "Cụm 2" },
    ];
    expect(comparable(fromCli.register)).toEqual(expected);
    expect(comparable(excel.outcome.rows)).toEqual(expected);
    expect(comparable(sheets.view.rows)).toEqual(expected);
    expect(fromCli.sentence).toBe("3/4 đơn vị đã gửi báo cáo; 1 đơn vị chưa gửi: Tổ dân phố 4.");
    expect(excel.outcome.sentence).toBe(fromCli.sentence);
    expect(sheets.view.sentence).toBe(fromCli.sentence);
    for (const counts of [excel.outcome.counts, sheets.view.counts]) expect(counts).toMatchObject(fromCli.counts);

    // The file used for Tổ 3 is the newer one (Sheets has no file dates: the last link given, the same file).
    expect(fromCli.register[2].file?.file).toBe("to-3-moi.xlsx");
    expect(excel.outcome.rows[2].file).toBe("to-3-moi.xlsx");
    expect(sheets.view.rows[2].file).toBe(sheets.urls[3]);

    // Excel: the register and points sheets in the workbook; two requests per command.
    expect(excel.sheets).toEqual(expect.arrayContaining(["Giao chỉ tiêu", "Tổng hợp", "Điểm thi đua", "Tình hình gửi báo cáo"]));
    expect(excel.formSyncs).toBe(2);
    expect(excel.syncs).toBe(2);
    // Sheets: a bounded number of service calls for the form and for a 4-link consolidation.
    // (measured: 28 calls for the form, 169 for the consolidation of 4 links with its 6 sheets)
    expect(sheets.formCalls).toBeLessThanOrEqual(30);
    expect(sheets.calls).toBeLessThanOrEqual(180);
  }, 180_000);

  test("Tổ 1 is judged against its own target (twice the plan's) in the CLI's file and Excel's sheet alike, and the matrix shows it", async () => {
    await viaCli(null);
    const excel = await viaExcel(null);
    const check = (grid: unknown[][]) => {
      const header = grid.findIndex((r) => r.includes("Tổ dân phố 1"));
      const col = grid[header].indexOf("Tổ dân phố 1");
      const other = grid[header].indexOf("Tổ dân phố 2");
      const at = grid.findIndex((r) => r[0] === CODE);
      expect(grid[at][col + 1]).toBe("Không đạt");
      expect(grid[at][3]).toBe("Giao theo đơn vị (dòng dưới)");
      expect(grid[at + 1][1]).toBe("Kế hoạch giao cho đơn vị");
      expect([grid[at + 1][col], grid[at + 1][other]]).toEqual([TARGET * 2, TARGET]);
    };
    check(excel.grid("Tổng hợp"));
    check(readGrid(join(dir.dir, "tong-hop-none.xlsx"), "Tổng hợp") as unknown[][]);
    check(excel.grid("Tổng hợp"));
    expect(excel.outcome.rows[0].statuses).toEqual(["received"]);
  }, 120_000);

  test("a file on another plan: \"Sai kế hoạch\" in the CLI and in Excel (which reads the file's stored plan)", async () => {
    const other = findBuiltInPlan("do-son-2025") as Plan;
    const model = buildFillInWorkbook(other, { unit: "Tổ dân phố 4", year: 2025, lang: "vi", entries: [] });
    writeFileSync(join(dir.dir, "to-4.xlsx"), await writeXlsxBuffer(withMetadataSheet(model, { [PLAN_JSON_KEY]: JSON.stringify(other) })));
    const out = await cli(dir.dir, "summary", ...files, "to-4.xlsx", "-o", "tong-hop-other.xlsx", "--force", "--expected", "giao-chi-tieu.xlsx", "--json");
    const fromCli = JSON.parse(out.stdout) as { register: Comparable[]; sentence: string };
    const excel = await viaExcel(null, ["to-4.xlsx"]);
    expect(fromCli.register[3].statuses).toContain("other-plan");
    expect(comparable(excel.outcome.rows)).toEqual(comparable(fromCli.register));
    expect(excel.outcome.sentence).toBe(fromCli.sentence);
  }, 120_000);

  test("with a deadline, the CLI and Excel (which date the files alike) find the same late units", async () => {
    const fromCli = await viaCli("2026-12-08");
    const excel = await viaExcel("2026-12-08");
    expect(comparable(excel.outcome.rows)).toEqual(comparable(fromCli.register));
    expect(excel.outcome.rows.filter((r) => r.statuses.includes("late")).map((r) => r.unit)).toEqual(["Tổ dân phố 2", "Tổ dân phố 3"]);
    expect(excel.outcome.sentence).toBe(fromCli.sentence);
  }, 120_000);
});
