// The charts drawn by the add-in's own commands in the strict Excel fake: "Lập biểu tổng hợp" adds
// the completion and counts charts bound to the summary sheet's cells without a request of its own
// (still one read and one write), a second summary replaces them (no duplicate, the user's chart
// kept, still two requests), and the consolidation draws the units ranking on its ranking sheet.
import { withMetadataSheet } from "../../xlsx-reader/metadata";
import { writeXlsxBuffer } from "../../cli/xlsx/write";
import { findBuiltInPlan } from "../../shared/catalog";
import type { Plan } from "../../shared/model";
import { buildFillInWorkbook } from "../../shared/sheet/fill-in";
import { TONE_COLORS } from "../../shared/chart/model";
import { loadPlan } from "../../excel-addin/src/adapter/load-command";
import { buildSummary } from "../../excel-addin/src/adapter/report-commands";
import { consolidateUnitFiles } from "../../excel-addin/src/adapter/units-commands";
import { readXlsx } from "../../excel-addin/src/xlsx-reader";
import { createFakeExcel, columnLetters, type FakeExcelHost } from "../fakes/excel";
import { chartsOf } from "../fakes/excel/charts";
import { LOAD_REQUEST, readBack } from "../excel/helpers";

const FEATURES = { pageLayout: true };
const PLAN = findBuiltInPlan("dong-hai-2025") as Plan;

async function loaded(): Promise<FakeExcelHost> {
  const fake = createFakeExcel();
  const outcome = await fake.run((context) => loadPlan(context, { plan: PLAN, ...LOAD_REQUEST }, FEATURES));
  if (!outcome.ok) throw new Error(outcome.message);
  return fake;
}

function typeActual(fake: FakeExcelHost, code: string, value: number): void {
  const reading = readBack(fake.state, PLAN);
  const row = reading.rowsByCode.get(code)!;
  fake.state.typeIn("Chỉ tiêu", `${columnLetters(reading.layout!.columns.actual!)}${row + 1}`, value);
}

const syncsOfLast = (fake: FakeExcelHost) => fake.contexts[fake.contexts.length - 1]!.syncs.length;
const value = (fake: FakeExcelHost, sheet: string, row: number, col: number) => fake.state.findSheet(sheet)!.cells.get(`${row},${col}`)?.value ?? null;
const alive = (fake: FakeExcelHost, sheet: string) => chartsOf(fake.state.findSheet(sheet)!).filter((c) => !c.deleted);

describe("Excel: the summary command draws its charts in its own two requests", () => {
  it("binds the completion bars to the names and Tỷ lệ TH/KH of the written sheet, and the counts to its totals row", async () => {
    const fake = await loaded();
    for (const [code, v] of [["1", 38000], ["2", 100], ["3", 85], ["7", 99]] as const) typeActual(fake, code, v);
    const summary = await fake.run((context) => buildSummary(context, "vi", FEATURES));
    if (!summary.ok) throw new Error(summary.message);
    expect(syncsOfLast(fake)).toBe(2);
    const charts = alive(fake, summary.sheet);
    expect(charts.map((c) => [c.name, c.type])).toEqual([
      ["ChiTieu_completion", "BarClustered"],
      ["ChiTieu_counts", "ColumnClustered"],
    ]);
    const bars = charts[0]!.series[0]!;
    const { values, xValues } = { values: bars.values!, xValues: bars.xValues! };
    expect([values.sheet, xValues.sheet]).toEqual([summary.sheet, summary.sheet]);
    expect(value(fake, summary.sheet, values.rect.row - 1, values.rect.col)).toBe("Tỷ lệ TH/KH (%)");
    expect(value(fake, summary.sheet, xValues.rect.row - 1, xValues.rect.col)).toBe("Chỉ tiêu");
    expect(values.rect.rows).toBe(PLAN.indicators.length);
    expect(xValues.rect).toEqual({ ...values.rect, col: xValues.rect.col });
    // Row for row: the bound cells hold the indicator's name and its % as the sheet shows them.
    const offset = (code: string) => PLAN.indicators.findIndex((i) => i.code === code);
    expect(value(fake, summary.sheet, xValues.rect.row + offset("3"), xValues.rect.col)).toBe(PLAN.indicators[offset("3")]!.name);
    expect(bars.pointFills.get(offset("1"))).toBe(TONE_COLORS.exceeded);
    expect(bars.pointFills.get(offset("3"))).toBe(TONE_COLORS.missed);
    expect(bars.pointFills.get(offset("7"))).toBe(TONE_COLORS.near);
    expect(charts[0]!.valueAxis.majorUnit).toBe(100);
    const counts = charts[1]!.series[0]!;
    expect(Array.from({ length: 5 }, (_, i) => value(fake, summary.sheet, counts.xValues!.rect.row, counts.xValues!.rect.col + i))).toEqual(["Vượt", "Đạt", "Không đạt", "Chưa có số liệu", "Chưa đến hạn"]);
    expect(value(fake, summary.sheet, counts.values!.rect.row, 0)).toBe("Toàn bộ kế hoạch");
    // The charts sit below what the sheet holds, not over the table.
    const used = fake.state.grid(summary.sheet).length;
    expect(Number(/\d+/.exec(charts[0]!.position!.from)![0])).toBeGreaterThan(used);
  });

  it("a second summary replaces ours (no duplicate) and keeps the user's chart, still one read and one write", async () => {
    const fake = await loaded();
    typeActual(fake, "1", 38000);
    const first = await fake.run((context) => buildSummary(context, "vi", FEATURES));
    if (!first.ok) throw new Error(first.message);
    await fake.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(first.sheet);
      ws.charts.add("Pie", ws.getRange("D5:D6"), "Columns").name = "Biểu đồ của tôi";
      await context.sync();
    });
    typeActual(fake, "2", 100);
    const again = await fake.run((context) => buildSummary(context, "vi", FEATURES));
    if (!again.ok) throw new Error(again.message);
    expect(syncsOfLast(fake)).toBe(2);
    expect(alive(fake, again.sheet).map((c) => c.name)).toEqual(["Biểu đồ của tôi", "ChiTieu_completion", "ChiTieu_counts"]);
    // And a third time, the same.
    await fake.run((context) => buildSummary(context, "vi", FEATURES));
    expect(syncsOfLast(fake)).toBe(2);
    expect(alive(fake, again.sheet).map((c) => c.name)).toEqual(["Biểu đồ của tôi", "ChiTieu_completion", "ChiTieu_counts"]);
  });
});

describe("Excel: the consolidation draws the units ranking", () => {
  it("the Units tab's consolidation draws the ranking chart on its points sheet, bound to the units and a number per unit, in its two requests; a re-run replaces it", async () => {
    const fake = await loaded();
    const unitFile = async (unit: string, actual: number) => {
      const model = buildFillInWorkbook(PLAN, { unit, year: 2025, lang: "vi", entries: [{ code: "1", raw: actual }, { code: "2", raw: actual / 400 }, { code: "3", raw: 90 }] });
      return new Uint8Array(await writeXlsxBuffer(withMetadataSheet(model)));
    };
    const files = await Promise.all(
      [["a.xlsx", "Tổ dân phố 1", 40000] as const, ["b.xlsx", "Tổ dân phố 2", 20000] as const].map(async ([name, unit, actual]) => {
        const book = readXlsx(await unitFile(unit, actual));
        return { file: { name, read: { ok: true as const, sheets: book.sheets, unit: book.metadata.unit ?? null } }, date: null, sha256: null, planId: book.metadata.planId ?? null, unit: book.metadata.unit ?? null };
      }),
    );
    const run = () => fake.run((context) => consolidateUnitFiles(context, files, { deadline: null }, "vi", FEATURES));
    const outcome = await run();
    if (!outcome.ok) throw new Error(outcome.message);
    expect(syncsOfLast(fake)).toBe(2);
    const withRanking = fake.state.sheets.filter((s) => chartsOf(s).some((c) => !c.deleted && c.name === "ChiTieu_ranking"));
    expect(withRanking).toHaveLength(1);
    const sheet = withRanking[0]!.name;
    const series = alive(fake, sheet).find((c) => c.name === "ChiTieu_ranking")!.series[0]!;
    expect(series.xValues!.rect.rows).toBe(2);
    const names = [0, 1].map((i) => value(fake, sheet, series.xValues!.rect.row + i, series.xValues!.rect.col));
    expect(names.sort()).toEqual(["Tổ dân phố 1", "Tổ dân phố 2"]);
    expect(typeof value(fake, sheet, series.values!.rect.row, series.values!.rect.col)).toBe("number");
    await run();
    expect(syncsOfLast(fake)).toBe(2);
    expect(alive(fake, sheet).filter((c) => c.name === "ChiTieu_ranking")).toHaveLength(1);
  });
});
