// The pieces that keep the first writing of a sheet short: names written as references, column
// widths in as few calls as possible, and a refused command taking back the sheets it inserted.
import { inlineNames, replaceNameTokens } from "../../gas-addon/src/adapter/names";
import { widthCalls } from "../../gas-addon/src/adapter/render";
import { columnPixels } from "../../gas-addon/src/adapter/raster";
import type { DefinedName, SheetModel } from "../../shared/sheet/types";
import { buildToTemp, FILL_IN, loadRequest, run, sandbox, type Built } from "./support";

const names: DefinedName[] = [
  { name: "ChiTieu_Ma", sheet: "Chỉ tiêu", range: { row: 8, col: 1, rows: 30, cols: 1 } },
  { name: "ChiTieu_NguongGanDat", sheet: "Danh mục", range: { row: 3, col: 5, rows: 1, cols: 1 } },
];

describe("names written as the cells they stand for", () => {
  it("replaces whole names only, never inside text, sheet names or function names", () => {
    const formula = `=IF(AND(H9="ChiTieu_Ma",'ChiTieu_Ma'!A1>0),COUNTIFS(ChiTieu_Ma,B9&".*"),ChiTieu_MaCu+ChiTieu_NguongGanDat*100)`;
    expect(inlineNames(formula, names, "Chỉ tiêu")).toBe(
      `=IF(AND(H9="ChiTieu_Ma",'ChiTieu_Ma'!A1>0),COUNTIFS($B$9:$B$38,B9&".*"),ChiTieu_MaCu+'Danh mục'!$F$4*100)`,
    );
  });

  it("goes through INDIRECT for another sheet in a conditional format", () => {
    expect(inlineNames("=G9>=chitieu_nguonggandat*100", names, "Chỉ tiêu", true)).toBe(`=G9>=INDIRECT("'Danh mục'!$F$4")*100`);
  });

  it("leaves a formula without names as it is", () => {
    const formula = `=IFERROR(F9/E9*100,"")`;
    expect(inlineNames(formula, names, "Chỉ tiêu")).toBe(formula);
    expect(replaceNameTokens(formula, () => undefined)).toBe(formula);
  });
});

describe("column widths", () => {
  const model = (widths: number[], hidden: number[] = []) => ({ hidden: false, columns: widths.map((width, i) => ({ width, hidden: hidden.includes(i) })) }) as unknown as SheetModel;

  it("gives a stretch its commonest width in one call when that saves calls", () => {
    const widths = [6, 7, 46, 12, 14, 14, 10, 14, 24, 14, 10, 16, 30];
    const calls = widthCalls(model(widths));
    expect(calls.length).toBe(10);
    const applied = new Map<number, number>();
    for (const c of calls) for (let i = 0; i < c.count; i++) applied.set(c.start + i, c.px);
    expect(widths.map((_, i) => applied.get(i))).toEqual(widths.map(columnPixels));
  });

  it("keeps one call per run when that is fewer, and gives hidden columns none", () => {
    const calls = widthCalls(model([10, 10, 20, 30, 30], [4]));
    expect(calls).toEqual([
      { start: 0, count: 2, px: columnPixels(10) },
      { start: 2, count: 1, px: columnPixels(20) },
      { start: 3, count: 1, px: columnPixels(30) },
    ]);
  });
});

describe("a refused first load", () => {
  let built: Built;
  beforeAll(async () => {
    built = await buildToTemp();
  });

  it("takes back the sheets it inserted before finding a sheet it must not overwrite", () => {
    const box = sandbox(built);
    const mine = box.world.active.insertSheet("Danh mục") as { getRange(a1: string): { setValue(v: unknown): void } };
    mine.getRange("A1").setValue("Danh mục của tôi");
    const result = run(box, "loadPlan", loadRequest("dong-hai-2025"));
    expect(result.ok).toBe(false);
    expect(result.message).toContain("“Danh mục”");
    expect(box.world.active.sheets.map((s) => s.name)).toEqual(["Trang tính1", "Danh mục"]);
    expect(box.world.active.sheets.some((s) => s.name === FILL_IN)).toBe(false);
    expect(box.world.active.sheet("Danh mục").peek(0, 0).value).toBe("Danh mục của tôi");
  });
});
