// Office.js charts on the summary sheet (excel-addin/src/adapter/charts.ts) in the strict Excel
// fake: each series bound to the cells that hold the names and Tỷ lệ TH/KH (a user changing a
// figure moves its bar), points coloured by status, our earlier charts replaced and the user's kept,
// two requests.
import { findBuiltInPlan } from "../../shared/catalog";
import { evaluatePlan } from "../../shared/evaluate";
import { defaultSettings, type Plan } from "../../shared/model";
import { buildSummaryWorkbook } from "../../shared/sheet/summary-sheet";
import { rectA1 } from "../../shared/sheet/a1";
import type { WorkbookModel } from "../../shared/sheet/types";
import { summarize } from "../../shared/summary";
import { TONE_COLORS } from "../../shared/chart/model";
import { queueCharts, writeCharts } from "../../excel-addin/src/adapter/charts";
import { createFakeExcel, type FakeExcelHost } from "../fakes/excel";
import { chartsOf } from "../fakes/excel/charts";

const PLAN = findBuiltInPlan("dong-hai-2025") as Plan;

function summaryModel(): WorkbookModel {
  const settings = defaultSettings(2025);
  const entries = Object.entries({ "1": 38000, "2": 100, "3": 85, "7": 99 }).map(([code, raw]) => ({ code, raw }));
  const summary = summarize(PLAN, evaluatePlan(PLAN, entries, settings), settings);
  return buildSummaryWorkbook(PLAN, summary, { unit: "Phường Đông Hải" });
}

/** Writes the sheet's values into the fake as the add-in's render would (values only: enough for the charts). */
async function writeValues(host: FakeExcelHost, model: WorkbookModel): Promise<void> {
  const sheet = model.sheets[0]!;
  host.state.addSheet(sheet.name);
  const width = sheet.cells.reduce((w, r) => Math.max(w, r.length), 0);
  const grid = sheet.cells.map((r) => Array.from({ length: width }, (_, c) => {
    const v = r[c];
    return v === null || v === undefined || typeof v === "object" ? "" : v;
  }));
  await host.run(async (ctx) => {
    ctx.workbook.worksheets.getItem(sheet.name).getRange(rectA1({ row: 0, col: 0, rows: grid.length, cols: width })).values = grid;
    await ctx.sync();
  });
}

function cellValue(host: FakeExcelHost, sheet: string, row: number, col: number): unknown {
  return host.state.findSheet(sheet)!.cells.get(`${row},${col}`)?.value ?? null;
}

describe("Excel: native charts on the summary sheet", () => {
  it("binds the completion bars to the names and Tỷ lệ TH/KH cells, colours each point by status, and the counts to the totals row", async () => {
    const host = createFakeExcel();
    const model = summaryModel();
    await writeValues(host, model);
    const ctx = host.newContext();
    expect(await writeCharts(ctx, model, "vi")).toBe(2);
    expect(ctx.syncCount).toBe(2);
    const sheet = model.sheets[0]!.name;
    const charts = chartsOf(host.state.findSheet(sheet)!).filter((c) => !c.deleted);
    expect(charts.map((c) => [c.name, c.type])).toEqual([
      ["ChiTieu_completion", "BarClustered"],
      ["ChiTieu_counts", "ColumnClustered"],
    ]);
    const [completion, counts] = charts as [(typeof charts)[0], (typeof charts)[0]];
    const bars = completion.series[0]!;
    expect(bars.values!.sheet).toBe(sheet);
    const first = bars.values!.rect.row;
    // The cells right above the bound ranges are the table's headers; the first bound row is indicator 1.
    expect(cellValue(host, sheet, first - 1, bars.xValues!.rect.col)).toBe("Chỉ tiêu");
    expect(cellValue(host, sheet, first - 1, bars.values!.rect.col)).toBe("Tỷ lệ TH/KH (%)");
    expect(cellValue(host, sheet, first, bars.xValues!.rect.col)).toBe("Thu ngân sách nhà nước trên địa bàn");
    expect(bars.values!.rect.rows).toBe(PLAN.indicators.length);
    const offset = (code: string) => PLAN.indicators.findIndex((i) => i.code === code);
    expect(bars.pointFills.get(offset("1"))).toBe(TONE_COLORS.exceeded);
    expect(bars.pointFills.get(offset("3"))).toBe(TONE_COLORS.missed);
    expect(bars.pointFills.get(offset("7"))).toBe(TONE_COLORS.near);
    expect(bars.pointFills.get(offset("4"))).toBe(TONE_COLORS.none);
    expect(completion.valueAxis).toEqual({ minimum: 0, maximum: null, majorUnit: 100 });
    expect(completion.categoryAxis.reversePlotOrder).toBe(true);
    // The counts chart reads the status headers and the overall row of the totals block.
    const c = counts.series[0]!;
    const headers = Array.from({ length: 5 }, (_, i) => cellValue(host, sheet, c.xValues!.rect.row, c.xValues!.rect.col + i));
    expect(headers).toEqual(["Vượt", "Đạt", "Không đạt", "Chưa có số liệu", "Chưa đến hạn"]);
    expect(cellValue(host, sheet, c.values!.rect.row, 0)).toBe("Toàn bộ kế hoạch");
    expect(completion.position).not.toBeNull();
  });

  it("replaces its own charts when the summary is made again, and leaves the user's chart alone", async () => {
    const host = createFakeExcel();
    const model = summaryModel();
    await writeValues(host, model);
    const sheet = model.sheets[0]!.name;
    await host.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(sheet);
      ws.charts.add("Pie", ws.getRange("D5:D6"), "Columns").name = "Biểu đồ của tôi";
      await ctx.sync();
    });
    await writeCharts(host.newContext(), model, "vi");
    await writeCharts(host.newContext(), model, "vi");
    const alive = chartsOf(host.state.findSheet(sheet)!).filter((c) => !c.deleted).map((c) => c.name);
    expect(alive).toEqual(["Biểu đồ của tôi", "ChiTieu_completion", "ChiTieu_counts"]);
  });

  it("queueCharts adds the same charts inside the caller's batch, with no request of its own", async () => {
    const host = createFakeExcel();
    const model = summaryModel();
    await writeValues(host, model);
    const ctx = host.newContext();
    expect(queueCharts(ctx, model, "vi")).toBe(2);
    expect(ctx.syncCount).toBe(0);
    await ctx.sync();
    const charts = chartsOf(host.state.findSheet(model.sheets[0]!.name)!);
    expect(charts.map((c) => c.name)).toEqual(["ChiTieu_completion", "ChiTieu_counts"]);
    expect(charts[0]!.series[0]!.values!.rect.rows).toBe(PLAN.indicators.length);
  });

  it("an Excel older than ExcelApi 1.7 cannot bind series: the fake refuses, as Excel would", async () => {
    const host = createFakeExcel({ excelApi: 1.6 });
    const model = summaryModel();
    await writeValues(host, model);
    await expect(writeCharts(host.newContext(), model, "vi")).rejects.toThrow(/ExcelApi 1\.7/);
  });
});
