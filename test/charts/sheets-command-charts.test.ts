// The charts drawn by the Sheets add-on's own "Lập biểu tổng hợp", run from the built Code.js in the
// strict Apps Script fake: the bar chart bound to the summary sheet's names and Tỷ lệ TH/KH ranges and
// the column chart to its totals block; our charts listed before any write and redrawn after the
// render with writes only, so the summary stays within two flushes; a re-run over the same table
// leaves them as they are (bound to the cells, they follow the figures: no call); another table
// replaces ours (no duplicate) and keeps the user's chart.
import type { FakeEmbeddedChart } from "../fakes/gas/charts";
import type { FakeSheet } from "../fakes/gas/spreadsheet";
import { buildToTemp, columnOf, FILL_IN, loadRequest, rowOfCode, run, sandbox, userTypes, type Built } from "../gas/support";

let built: Built;
beforeAll(async () => {
  built = await buildToTemp();
}, 120_000);

const COMPLETION = "Tỷ lệ thực hiện so với kế hoạch năm 2025 (%)";
const COUNTS = "Số chỉ tiêu theo kết quả đánh giá năm 2025";

function titles(sheet: FakeSheet): unknown[] {
  return sheet.getCharts().map((c) => (c as FakeEmbeddedChart).options.get("title"));
}

describe("Sheets: the summary command draws the charts bound to its sheet", () => {
  it("binds them to the sheet's ranges in at most two flushes; a re-run leaves them (no call), another table replaces them", async () => {
    const box = sandbox(built);
    expect(run(box, "loadPlan", loadRequest("dong-hai-2025")).ok).toBe(true);
    const fill = box.world.active.sheet(FILL_IN);
    userTypes(fill, rowOfCode(fill, "1"), columnOf("actual"), 38000);
    userTypes(fill, rowOfCode(fill, "3"), columnOf("actual"), 85);

    box.world.log.reset();
    const first = run<{ sheet: string }>(box, "buildSummary", "vi");
    expect(first.ok).toBe(true);
    expect(box.world.log.flushes).toBeLessThanOrEqual(2);
    const sheet = box.world.active.sheet(first.sheet);
    expect(titles(sheet)).toEqual([COMPLETION, COUNTS]);
    const [bars, counts] = sheet.getCharts() as [FakeEmbeddedChart, FakeEmbeddedChart];
    const [names, percents] = bars.ranges as [FakeEmbeddedChart["ranges"][0], FakeEmbeddedChart["ranges"][0]];
    expect(names.sheet).toBe(first.sheet);
    expect(sheet.peek(names.row - 1, names.col).value).toBe("Chỉ tiêu");
    expect(sheet.peek(percents.row - 1, percents.col).value).toBe("Tỷ lệ TH/KH (%)");
    expect(sheet.peek(names.row, names.col).value).toBe("Thu ngân sách nhà nước trên địa bàn");
    expect(percents.rows).toBe(names.rows);
    // The bound % cell of indicator 1 is what the sheet computed: 38.000 against its target.
    expect(typeof sheet.peek(percents.row, percents.col).value === "number" || sheet.peek(percents.row, percents.col).formula !== null).toBe(true);
    const [headers, totals] = counts.ranges as [FakeEmbeddedChart["ranges"][0], FakeEmbeddedChart["ranges"][0]];
    expect(Array.from({ length: headers.cols }, (_, i) => sheet.peek(headers.row, headers.col + i).value)).toEqual(["Vượt", "Đạt", "Không đạt", "Chưa có số liệu", "Chưa đến hạn"]);
    expect(sheet.peek(totals.row, 0).value).toBe("Toàn bộ kế hoạch");

    // The user's own chart on the summary sheet is kept. A re-run with the same table: our charts are
    // bound to its cells and follow the new figure by themselves, so none is touched (no call).
    const own = sheet as unknown as GoogleAppsScript.Spreadsheet.Sheet;
    own.insertChart(own.newChart().asColumnChart().addRange(own.getRange("D5:D6")).setOption("title", "Của tôi").build());
    const before = sheet.getCharts();
    userTypes(fill, rowOfCode(fill, "2"), columnOf("actual"), 100);
    box.world.log.reset();
    expect(run(box, "buildSummary", "vi").ok).toBe(true);
    expect(box.world.log.flushes).toBe(1);
    let methods = box.world.log.byMethod();
    expect([methods["Sheet.getCharts"], methods["Sheet.removeChart"], methods["Sheet.insertChart"]]).toEqual([undefined, undefined, undefined]);
    expect(sheet.getCharts()).toEqual(before);
    expect((sheet.getCharts()[0] as FakeEmbeddedChart).ranges).toEqual(bars.ranges);

    // Another plan in the workbook (another table): ours are replaced, not added again; the user's kept.
    expect(run(box, "loadPlan", { ...loadRequest("kien-an-2025"), confirmSetAside: true }).ok).toBe(true);
    box.world.log.reset();
    expect(run(box, "buildSummary", "vi").ok).toBe(true);
    expect(box.world.log.flushes).toBeLessThanOrEqual(2);
    methods = box.world.log.byMethod();
    expect([methods["Sheet.getCharts"], methods["Sheet.removeChart"], methods["Sheet.insertChart"]]).toEqual([1, 2, 2]);
    const titlesNow = titles(box.world.active.sheet(first.sheet));
    expect(titlesNow[0]).toBe("Của tôi");
    expect(titlesNow).toHaveLength(3);
    // Bound to the new table: its names, not the old plan's.
    const [, newBars] = box.world.active.sheet(first.sheet).getCharts() as [FakeEmbeddedChart, FakeEmbeddedChart];
    const { findBuiltInPlan } = await import("../../shared/catalog");
    const bound = Array.from({ length: newBars.ranges[0]!.rows }, (_, i) => box.world.active.sheet(first.sheet).peek(newBars.ranges[0]!.row + i, newBars.ranges[0]!.col).value);
    expect(bound).toContain(findBuiltInPlan("kien-an-2025")!.indicators[0]!.name);
  });
});

describe("Sheets: the consolidation draws the units ranking", () => {
  it("bound to the units and their share on the ranking sheet; a second run replaces it", async () => {
    const { findBuiltInPlan } = await import("../../shared/catalog");
    const box = sandbox(built, "consolidation");
    run(box, "loadPlan", loadRequest("dong-hai-2025", "UBND cấp trên"));
    const plan = findBuiltInPlan("dong-hai-2025")!;
    const urls = [["Đơn vị A", 100], ["Đơn vị B", 50]].map(([name, actual]) => {
      const unit = sandbox(built, "standard", { activeId: `unit-${String(name).replace(/\W+/g, "-")}`, activeName: String(name) });
      run(unit, "loadPlan", loadRequest("dong-hai-2025", String(name)));
      const sheet = unit.world.active.sheet(FILL_IN);
      for (const ind of plan.indicators.filter((i) => i.comparator !== null && i.comparator !== "boolean")) userTypes(sheet, rowOfCode(sheet, ind.code), columnOf("actual"), Number(actual));
      box.world.byUrl.set(unit.world.active.url, unit.world.active);
      return unit.world.active.url;
    });
    const consolidate = () => run<{ finished: boolean }>(box, "startConsolidation", urls, "vi");
    expect(consolidate()).toMatchObject({ ok: true, finished: true });
    const ranked = box.world.active.sheets.filter((s) => titles(s).some((t) => String(t).startsWith("Xếp hạng các đơn vị")));
    expect(ranked).toHaveLength(1);
    const sheet = ranked[0]!;
    const chart = sheet.getCharts().find((c) => String((c as FakeEmbeddedChart).options.get("title")).startsWith("Xếp hạng")) as FakeEmbeddedChart;
    const [units, shares] = chart.ranges as [FakeEmbeddedChart["ranges"][0], FakeEmbeddedChart["ranges"][0]];
    expect(units.rows).toBe(2);
    expect([0, 1].map((i) => sheet.peek(units.row + i, units.col).value).sort()).toEqual(["Đơn vị A", "Đơn vị B"]);
    expect(typeof sheet.peek(shares.row, shares.col).value === "number" || sheet.peek(shares.row, shares.col).formula !== null).toBe(true);
    expect(consolidate()).toMatchObject({ ok: true, finished: true });
    expect(titles(sheet).filter((t) => String(t).startsWith("Xếp hạng"))).toHaveLength(1);
  });
});
