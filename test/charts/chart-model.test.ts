// The chart model (shared/chart/model.ts), its SVG drawing (svg.ts) and its binding to the summary
// sheet (binding.ts), on a seed plan with real entries: what the dashboard and the pictures show.
import { findBuiltInPlan } from "../../shared/catalog";
import { consolidate } from "../../shared/consolidate";
import { evaluatePlan } from "../../shared/evaluate";
import { defaultSettings, type Plan, type Settings } from "../../shared/model";
import { buildSummaryWorkbook } from "../../shared/sheet/summary-sheet";
import { summarize, type Summary } from "../../shared/summary";
import { completionChart, countsChart, rankingChart, TONE_COLORS } from "../../shared/chart/model";
import { chartSvg, completionSvg } from "../../shared/chart/svg";
import { summaryChartBindings, workbookChartBindings } from "../../shared/chart/binding";
import { processMarkupCompatibility } from "../support/ooxml-mce";

const PLAN = findBuiltInPlan("dong-hai-2025") as Plan;
const VALUES: Record<string, unknown> = { "1": 38000, "1.1": 11000, "2": 100, "3": 85, "7": 99, "8": 600, "14": 0.8 };

function summaryOf(values: Record<string, unknown>, settings: Settings = defaultSettings(2025)): Summary {
  const entries = Object.entries(values).map(([code, raw]) => ({ code, raw }));
  return summarize(PLAN, evaluatePlan(PLAN, entries, settings), settings);
}

describe("chart model", () => {
  const summary = summaryOf(VALUES);
  const chart = completionChart(summary);
  const bar = (code: string) => chart.bars.find((b) => b.code === code)!;

  it("has one bar per indicator row, coloured by status, and says why a row has no bar", () => {
    expect(chart.bars.map((b) => b.code)).toEqual(PLAN.indicators.map((i) => i.code));
    expect(bar("1").percent).toBeCloseTo(103.56, 1);
    expect(bar("1").tone).toBe("exceeded");
    expect(bar("2").tone).toBe("met");
    expect([bar("3").tone, bar("7").tone]).toEqual(["missed", "near"]);
    expect(bar("4")).toMatchObject({ percent: null, tone: "none", note: "Chưa có số liệu" });
    expect(bar("1.1").depth).toBe(1);
    // 600 lượt hộ against 294 is 204 %: the axis stops at 200 and the bar is marked clipped.
    expect(chart.axisMax).toBe(200);
    expect(chart.reference).toBe(100);
  });

  it("counts near misses apart from the other misses, under the label the office chose", () => {
    const custom = summaryOf(VALUES, defaultSettings(2025, { amberLabel: "Xấp xỉ đạt" }));
    const counts = countsChart(custom, "vi");
    const by = Object.fromEntries(counts.items.map((i) => [i.label, i.count]));
    expect(by["Xấp xỉ đạt"]).toBe(custom.tally.nearMiss);
    expect(by["Không đạt"]).toBe(custom.tally.byStatus["Không đạt"] - custom.tally.nearMiss);
    expect(counts.total).toBe(custom.tally.counted);
    expect(completionChart(custom).legend.map((l) => l.label)).toContain("Xấp xỉ đạt");
  });

  it("ranks units as the consolidation ranked them", () => {
    const hp = findBuiltInPlan("hai-phong-232-2025") as Plan;
    const settings = defaultSettings(2025);
    const unit = (name: string, v: Record<string, unknown>) => ({ unit: name, plan: hp, evaluations: evaluatePlan(hp, Object.entries(v).map(([code, raw]) => ({ code, raw })), settings), findings: [] });
    const result = consolidate([unit("B", { "1": 11 }), unit("A", { "1": 13, "3": 17 })], settings);
    const ranking = rankingChart(result);
    expect(ranking.bars.map((b) => [b.rank, b.unit])).toEqual(result.ranking.map((u) => [u.rank, u.unit]));
  });
});

describe("chart SVG", () => {
  const summary = summaryOf(VALUES);
  const chart = completionChart(summary);
  const { svg, width, height } = completionSvg(chart, "vi");

  it("is well-formed XML of the stated size, with a bar per row that has a % and the 100 % line", () => {
    expect(() => processMarkupCompatibility(svg)).not.toThrow();
    expect(svg).toMatch(new RegExp(`^<svg [^>]*width="${width}" height="${height}"`));
    const bars = [...svg.matchAll(/<rect x="([\d.]+)" y="[\d.]+" width="([\d.]+)" height="16" fill="(#[0-9A-F]{6})"\/>/g)];
    expect(bars).toHaveLength(chart.bars.filter((b) => b.percent !== null).length);
    // Bar lengths are proportional to the %: 100 % is half of the 200 % axis.
    const widthOf = (code: string) => Number(bars[chart.bars.filter((b) => b.percent !== null).findIndex((b) => b.code === code)]![2]);
    expect(widthOf("2") / widthOf("1")).toBeCloseTo(100 / chart.bars.find((b) => b.code === "1")!.percent!, 2);
    expect(bars.map((b) => b[3])).toContain(TONE_COLORS.near);
    expect(svg).toContain('stroke-dasharray="6 4"');
    expect(svg).toContain("Chưa có số liệu");
    expect(svg).toContain("204,1 ▸");
  });

  it("escapes what would break the XML in a name", () => {
    const odd = { ...chart, bars: [{ ...chart.bars[0]!, label: 'Thu "A" & <B>' }] };
    const drawn = chartSvg(odd, "vi").svg;
    expect(drawn).toContain("Thu &quot;A&quot; &amp; &lt;B&gt;");
    expect(() => processMarkupCompatibility(drawn)).not.toThrow();
  });
});

describe("chart binding to the summary sheet", () => {
  it("finds the table and the totals block by their headers, in either language", () => {
    for (const lang of ["vi", "en"] as const) {
      const summary = summaryOf(VALUES, defaultSettings(2025, { lang }));
      const model = buildSummaryWorkbook(PLAN, summary, { lang });
      const [completion, counts] = summaryChartBindings(model.sheets[0]!, lang);
      expect(completion!.categories.rows).toBe(PLAN.indicators.length);
      expect(completion!.pointColors).toHaveLength(PLAN.indicators.length);
      expect(counts!.values.cols).toBe(5);
    }
  });

  it("binds nothing on a sheet without the summary table", () => {
    const summary = summaryOf(VALUES);
    const sheet = { ...buildSummaryWorkbook(PLAN, summary).sheets[0]!, cells: [["Bảng khác"]] };
    expect(summaryChartBindings(sheet, "vi")).toEqual([]);
    expect(workbookChartBindings([{ ...sheet, role: "fill-in" }], "vi")).toEqual([]);
  });
});
