// Google Sheets embedded charts on the summary sheet (gas-addon/src/adapter/charts.ts) in the
// strict Apps Script fake: the chart's data are the sheet's ranges holding the names and Tỷ lệ
// TH/KH (and the totals block), so it follows the cells; ours are replaced, the user's kept.
import { findBuiltInPlan } from "../../shared/catalog";
import { evaluatePlan } from "../../shared/evaluate";
import { defaultSettings, type Plan } from "../../shared/model";
import { rectA1 } from "../../shared/sheet/a1";
import { buildSummaryWorkbook } from "../../shared/sheet/summary-sheet";
import type { WorkbookModel } from "../../shared/sheet/types";
import { summarize } from "../../shared/summary";
import { writeSheetCharts } from "../../gas-addon/src/adapter/charts";
import { createGasWorld } from "../fakes/gas/services";
import type { FakeEmbeddedChart } from "../fakes/gas/charts";

const PLAN = findBuiltInPlan("dong-hai-2025") as Plan;

function summaryModel(lang: "vi" | "en" = "vi"): WorkbookModel {
  const settings = defaultSettings(2025, { lang });
  const entries = Object.entries({ "1": 38000, "2": 100, "3": 85, "7": 99 }).map(([code, raw]) => ({ code, raw }));
  return buildSummaryWorkbook(PLAN, summarize(PLAN, evaluatePlan(PLAN, entries, settings), settings), { unit: "Phường Đông Hải", lang });
}

function setUp(model: WorkbookModel) {
  const world = createGasWorld();
  const sheetModel = model.sheets[0]!;
  const book = world.active.wrap(world.active, "Spreadsheet") as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet;
  const sheet = book.insertSheet(sheetModel.name);
  const width = sheetModel.cells.reduce((w, r) => Math.max(w, r.length), 0);
  const grid = sheetModel.cells.map((r) => Array.from({ length: width }, (_, c) => {
    const v = r[c];
    return v === null || v === undefined || typeof v === "object" ? "" : v;
  }));
  sheet.getRange(rectA1({ row: 0, col: 0, rows: grid.length, cols: width })).setValues(grid);
  const fakeSheet = world.active.sheet(sheetModel.name);
  const value = (row: number, col: number) => fakeSheet.peek(row, col).value;
  return { world, book, fakeSheet, value };
}

describe("Google Sheets: embedded charts on the summary sheet", () => {
  it("binds the bar chart to the names and Tỷ lệ TH/KH ranges and the column chart to the totals block", () => {
    const model = summaryModel();
    const { book, fakeSheet, value } = setUp(model);
    expect(writeSheetCharts(book, model, "vi")).toBe(2);
    const [bars, counts] = fakeSheet.getCharts() as [FakeEmbeddedChart, FakeEmbeddedChart];
    expect(bars.type).toBe("BAR");
    const [names, percents] = bars.ranges as [FakeEmbeddedChart["ranges"][0], FakeEmbeddedChart["ranges"][0]];
    expect(names.sheet).toBe(model.sheets[0]!.name);
    expect(value(names.row - 1, names.col)).toBe("Chỉ tiêu");
    expect(value(percents.row - 1, percents.col)).toBe("Tỷ lệ TH/KH (%)");
    expect(value(names.row, names.col)).toBe("Thu ngân sách nhà nước trên địa bàn");
    expect([names.rows, percents.rows]).toEqual([PLAN.indicators.length, PLAN.indicators.length]);
    expect(bars.options.get("title")).toBe("Tỷ lệ thực hiện so với kế hoạch năm 2025 (%)");
    expect(bars.options.get("hAxis")).toEqual({ viewWindow: { min: 0 }, gridlines: { color: "#000000", interval: 100 } });
    expect(counts.type).toBe("COLUMN");
    expect(counts.transposed).toBe(true);
    const [headers, totals] = counts.ranges as [FakeEmbeddedChart["ranges"][0], FakeEmbeddedChart["ranges"][0]];
    expect(Array.from({ length: headers.cols }, (_, i) => value(headers.row, headers.col + i))).toEqual(["Vượt", "Đạt", "Không đạt", "Chưa có số liệu", "Chưa đến hạn"]);
    expect(value(totals.row, 0)).toBe("Toàn bộ kế hoạch");
    // Below the table, not over it.
    expect(bars.position.row).toBeGreaterThan(names.row + names.rows);
  });

  it("replaces its charts when the summary is made again, keeps a chart the user made", () => {
    const model = summaryModel();
    const { book, fakeSheet } = setUp(model);
    const sheet = book.getSheetByName(model.sheets[0]!.name)!;
    sheet.insertChart(sheet.newChart().asColumnChart().addRange(sheet.getRange("D5:D6")).setOption("title", "Của tôi").build());
    writeSheetCharts(book, model, "vi");
    writeSheetCharts(book, model, "vi");
    expect(fakeSheet.getCharts().map((c) => c.options.get("title"))).toEqual(["Của tôi", "Tỷ lệ thực hiện so với kế hoạch năm 2025 (%)", "Số chỉ tiêu theo kết quả đánh giá năm 2025"]);
  });

  it("an English summary sheet gets English titles, bound the same way", () => {
    const model = summaryModel("en");
    const { book, fakeSheet, value } = setUp(model);
    writeSheetCharts(book, model, "en");
    const [bars] = fakeSheet.getCharts() as [FakeEmbeddedChart];
    expect(bars.options.get("title")).toBe("Completion against the 2025 targets (%)");
    expect(value(bars.ranges[1]!.row - 1, bars.ranges[1]!.col)).toBe("Actual/target (%)");
  });
});
