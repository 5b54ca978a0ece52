// The same units' files, three hosts, one consolidation: the CLI (`summary a.xlsx b.xlsx … --json`),
// the Excel adapter on its fake (the same files picked in the pane, read by units-files.ts as the pane
// reads them) and the Sheets bundle on its fake (the same units' spreadsheets by link) must give the
// same result: the units consolidated, the counts, the sentence, the files not used with the same
// reason, and the same cells in the consolidation sheets. (The register's own cases — own targets, a
// unit sent twice or not at all — are test/workflow/cross-host-register.test.ts.)
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { findBuiltInPlan } from "../../shared/catalog";
import type { ActualEntry, Plan } from "../../shared/model";
import { buildFillInWorkbook } from "../../shared/sheet/fill-in";
import { t } from "../../shared/i18n";
import { PLAN_JSON_KEY, withMetadataSheet } from "../../xlsx-reader/metadata";
import { writeXlsxBuffer } from "../../cli/xlsx/write";
import { loadPlan } from "../../excel-addin/src/adapter/load-command";
import { consolidateUnitFiles } from "../../excel-addin/src/adapter/units-commands";
import { readReceivedFiles } from "../../excel-addin/src/units-files";
import { createFakeExcel } from "../fakes/excel";
import { LOAD_REQUEST } from "../excel/helpers";
import { buildToTemp, columnOf, FILL_IN, loadRequest, rowOfCode, run, sandbox, userTypes, type Built } from "../gas/support";
import { cli, readGrid, tempDir } from "../cli/support";

const FEATURES = { pageLayout: true };
const PLAN_ID = "hai-phong-232-2025";
const plan = findBuiltInPlan(PLAN_ID) as Plan;
const OFFICE = "UBND thành phố Hải Phòng";
const numbers = plan.indicators.filter((i) => (i.comparator === ">=" || i.comparator === "<=") && typeof i.target === "number");

/** Three units at different shares of the plan's targets, one with a number typed as text. */
const UNITS = [
  { unit: "Quận Hồng Bàng", file: "hong-bang.xlsx", share: 1.2 },
  { unit: "Quận Lê Chân", file: "le-chan.xlsx", share: 0.9, text: "1.234,5" },
  { unit: "Huyện Thủy Nguyên", file: "thuy-nguyen.xlsx", share: 0.5 },
];
/** A unit whose sheet lost its "Mã" header (the key column): not usable, in every host, for the same reason. */
const BROKEN = { unit: "Quận Ngô Quyền", file: "ngo-quyen.xlsx", share: 1 };

function entriesOf(u: { share: number; text?: string }): ActualEntry[] {
  return numbers.map((ind, i) => ({ code: ind.code, raw: i === 1 && u.text ? u.text : Math.round((ind.target as number) * u.share * 100) / 100 }));
}

/** The "Mã" header cell of the fill-in sheet, as the model lays it out. */
function codeHeader(): { row: number; col: number } {
  const model = buildFillInWorkbook(plan, { unit: "x", year: 2025, lang: "vi" });
  const sheet = model.sheets.find((s) => s.role === "fill-in")!;
  const table = sheet.table!;
  return { row: table.firstDataRow - 1, col: table.columns.findIndex((c) => c.key === "code") };
}

type Result = {
  units: number;
  sentence: string;
  counts: Record<string, number>;
  unusable: { source: string; reason: string }[];
  sheets: Record<string, unknown[][]>;
};

const dir = tempDir();
afterAll(() => dir.cleanup());
let built: Built;
const results: Record<"cli" | "excel" | "sheets", Result> = {} as never;
const OUTPUT_SHEETS = [t("sheet.consolidation.matrix-name", {}, "vi"), t("ranking-sheet.name", {}, "vi")];

/** Trailing blanks trimmed, "" and null alike: what a user sees in the cells. */
function shown(grid: readonly (readonly unknown[])[]): unknown[][] {
  const rows = grid.map((row) => {
    const out = row.map((v) => (v === "" || v === undefined ? null : v));
    while (out.length > 0 && out[out.length - 1] === null) out.pop();
    return out;
  });
  while (rows.length > 0 && rows[rows.length - 1]!.length === 0) rows.pop();
  return rows;
}

beforeAll(async () => {
  built = await buildToTemp();
  const header = codeHeader();
  for (const u of [...UNITS, BROKEN]) {
    const model = withMetadataSheet(buildFillInWorkbook(plan, { unit: u.unit, year: 2025, lang: "vi", entries: entriesOf(u) }), { [PLAN_JSON_KEY]: JSON.stringify(plan) });
    if (u === BROKEN) model.sheets.find((s) => s.role === "fill-in")!.cells[header.row]![header.col] = null;
    writeFileSync(join(dir.dir, u.file), await writeXlsxBuffer(model));
  }
  const files = [...UNITS, BROKEN].map((u) => u.file);

  // The CLI.
  {
    const out = await cli(dir.dir, "summary", ...files, "-o", "tong-hop.xlsx", "--json");
    const json = JSON.parse(out.stdout) as { sentence: string; counts: Record<string, number>; register: { unit: string; used: boolean; file: { file: string } | null; note: string }[] };
    results.cli = {
      units: json.register.filter((r) => r.used).length,
      sentence: json.sentence,
      counts: json.counts,
      unusable: json.register.filter((r) => r.file && !r.used).map((r) => ({ source: r.file!.file, reason: r.note })),
      sheets: Object.fromEntries(OUTPUT_SHEETS.map((name) => [name, shown(readGrid(join(dir.dir, "tong-hop.xlsx"), name))])),
    };
  }

  // Excel: the files picked in the pane, read as the pane reads them.
  {
    const fake = createFakeExcel();
    const loaded = await fake.run((c) => loadPlan(c, { plan, ...LOAD_REQUEST, unit: OFFICE }, FEATURES));
    if (!loaded.ok) throw new Error(loaded.message);
    const picked = files.map((name) => new File([readFileSync(join(dir.dir, name))], name, { lastModified: Date.parse("2026-12-09T09:00:00") }));
    const received = await readReceivedFiles(picked, () => undefined, "vi");
    const outcome = await fake.run((c) => consolidateUnitFiles(c, received, { deadline: null }, "vi", FEATURES));
    if (!outcome.ok) throw new Error(outcome.message);
    results.excel = {
      units: outcome.units,
      sentence: outcome.sentence,
      counts: outcome.counts,
      unusable: outcome.unusable,
      sheets: Object.fromEntries(OUTPUT_SHEETS.map((name) => [name, shown(fake.state.grid(name))])),
    };
  }

  // Sheets: each unit's spreadsheet (loaded, typed in), reached by its link.
  {
    const box = sandbox(built, "consolidation");
    run(box, "loadPlan", loadRequest(PLAN_ID, OFFICE));
    const urls = [...UNITS, BROKEN].map((u, i) => {
      const unit = sandbox(built, "standard", { activeId: `unit-${i}`, activeName: u.unit });
      run(unit, "loadPlan", loadRequest(PLAN_ID, u.unit));
      const book = unit.world.active;
      const fill = book.sheet(FILL_IN);
      for (const e of entriesOf(u)) userTypes(fill, rowOfCode(fill, e.code), columnOf("actual"), e.raw as string | number);
      if (u === BROKEN) userTypes(fill, header.row, header.col, null);
      box.world.byUrl.set(book.url, book);
      return book.url;
    });
    const r = run<{ finished: boolean; register: { source: string; reason: string }[]; registerView: { sentence: string; counts: Record<string, number>; rows: { used: boolean }[] } }>(box, "startConsolidation", urls, "vi", { expected: null, deadline: null });
    if (!r.ok || !r.finished) throw new Error(r.message ?? "not finished");
    results.sheets = {
      units: r.registerView.rows.filter((row) => row.used).length,
      sentence: r.registerView.sentence,
      counts: r.registerView.counts,
      unusable: r.register.map((u) => ({ source: urls.indexOf(u.source) >= 0 ? [...UNITS, BROKEN][urls.indexOf(u.source)]!.file : u.source, reason: u.reason })),
      sheets: Object.fromEntries(OUTPUT_SHEETS.map((name) => [name, shown((box.world.active.sheet(name).getDataRange() as { getValues(): unknown[][] }).getValues())])),
    };
  }
}, 300_000);

/** The sheet from the row the CLI's starts with: the CLI has no office to name in the Decree 30 header above the title. */
function fromTitle(grid: unknown[][], cli: unknown[][]): unknown[][] {
  const first = JSON.stringify(cli[0]);
  const at = grid.findIndex((row) => JSON.stringify(row) === first);
  return at < 0 ? grid : grid.slice(at);
}

describe("the same units' files consolidated by the CLI, Excel and Sheets", () => {
  test("three units consolidated, the broken one not, with the same counts", () => {
    expect(results.cli.units).toBe(UNITS.length);
    expect(results.excel.units).toBe(results.cli.units);
    expect(results.sheets.units).toBe(results.cli.units);
    expect(results.cli.counts).toMatchObject({ sent: 4, unusable: 1 });
    expect(results.excel.counts).toMatchObject(results.cli.counts);
    expect(results.sheets.counts).toMatchObject(results.cli.counts);
  });

  test("the same sentence in the CLI and Excel", () => {
    expect(results.cli.sentence).toBe("4/4 đơn vị đã gửi báo cáo; 1 đơn vị gửi tệp không sử dụng được: ngo-quyen.");
    expect(results.excel.sentence).toBe(results.cli.sentence);
  });

  // A unit whose sheet cannot be used is named by what the user calls its file: the file's name in the
  // CLI and Excel, the spreadsheet's name in Sheets (a link has no file name; its id says nothing).
  test("the same sentence in Sheets, the unit named by its spreadsheet's name", () => {
    expect(results.sheets.sentence).toBe("4/4 đơn vị đã gửi báo cáo; 1 đơn vị gửi tệp không sử dụng được: Quận Ngô Quyền.");
    expect(results.sheets.sentence).toBe(results.cli.sentence.replace("ngo-quyen", BROKEN.unit));
  });

  test("the file not used is listed in the three hosts, with the core's reason naming the missing column", () => {
    const sources = (r: Result) => r.unusable.map((u) => u.source);
    expect(sources(results.cli)).toEqual([BROKEN.file]);
    expect(sources(results.excel)).toEqual([BROKEN.file]);
    expect(sources(results.sheets)).toEqual([BROKEN.file]);
    const reason = results.excel.unusable[0]!.reason;
    expect(reason).toBe('Tệp không sử dụng được: Trang "Chỉ tiêu", dòng tiêu đề 8: thiếu cột "Mã" (mã chỉ tiêu) — không thể biết mỗi dòng là chỉ tiêu nào. Hãy khôi phục cột Mã từ mẫu.');
    expect(results.sheets.unusable[0]!.reason).toBe(reason);
    expect(results.cli.unusable[0]!.reason).toBe(reason);
  });

  test("the CLI's reason word for word (the core's one rule decides and words it)", () => {
    expect(results.cli.unusable).toEqual(results.excel.unusable);
  });

  test("the same cells in the consolidation sheets (matrix and points)", () => {
    for (const name of OUTPUT_SHEETS) {
      const cells = results.cli.sheets[name]!;
      expect([name, cells.length > UNITS.length]).toEqual([name, true]);
      expect([name, fromTitle(results.excel.sheets[name]!, cells)]).toEqual([name, cells]);
      expect([name, fromTitle(results.sheets.sheets[name]!, cells)]).toEqual([name, cells]);
    }
    // Excel and Sheets put the same office header above the title.
    for (const name of OUTPUT_SHEETS) expect([name, results.sheets.sheets[name]]).toEqual([name, results.excel.sheets[name]]);
    // The units are in the matrix, the broken one is not.
    const text = JSON.stringify(results.cli.sheets[OUTPUT_SHEETS[0]!]);
    for (const u of UNITS) expect(text).toContain(u.unit);
    expect(text).not.toContain(BROKEN.unit);
  });
});
