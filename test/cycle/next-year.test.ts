// Next year's workbook from this year's: "Thực hiện năm trước" carried by the carry-over rule (same
// code within a plan, same code and name across plans), final figures first, estimates where no
// final figure is typed, and everything that cannot be matched listed. Expected values by hand.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { findBuiltInPlan } from "../../shared/catalog";
import { evaluatePlan } from "../../shared/evaluate";
import { PlanSchema, type ActualEntry, type Plan } from "../../shared/model";
import { nextYearCarry, samePlanNextYear } from "../../shared/period-next-year";
import { readFilledWorkbook } from "../../cli/xlsx/filled-workbook";
import { cli, fillActuals, readGrid, tableOf, tempDir } from "../cli/support";

const dongHai: Plan = findBuiltInPlan("dong-hai-2025")!;
const haiPhong: Plan = findBuiltInPlan("hai-phong-232-2025")!;

/** Next year's Đông Hải plan as an office might receive it: one indicator renamed, one dropped, one
 *  counted in another unit, one new, targets raised. */
const dongHai2026: Plan = PlanSchema.parse({
  ...dongHai,
  id: "dong-hai-2026",
  year: 2026,
  title: dongHai.title.replace("2025", "2026"),
  indicators: [
    ...dongHai.indicators
      .filter((i) => i.code !== "5")
      .map((i) => {
        if (i.code === "3") return { ...i, name: "Tỷ lệ hộ dân phân loại chất thải rắn tại nguồn" };
        if (i.code === "8") return { ...i, unit: "hộ" };
        return i.target === null ? i : { ...i, target: Math.round(i.target * 1.05 * 100) / 100 };
      }),
    { code: "25", name: "Số camera an ninh được lắp đặt", group: null, unit: "camera", comparator: ">=", target: 40, deadlineYear: null, note: null },
  ],
});

const entries: ActualEntry[] = [
  { code: "1", raw: 38000, estimate: 37000 }, // final wins
  { code: "1.1", raw: null, estimate: 11500 }, // estimate only
  { code: "2", raw: 100 },
  { code: "3", raw: 96 }, // renamed next year: not carried
  { code: "5", raw: 100 }, // dropped next year: not carried
  { code: "8", raw: 300 }, // lượt hộ → hộ: not carried
  { code: "14", raw: "0,8" }, // a number typed as text: carried as the number it reads as
  { code: "17", raw: null }, // a heading: nothing to carry
  { code: "17.1", raw: 4.5 },
  { code: "20", raw: "chưa có" }, // unreadable: nothing to carry
];

describe("next year's figures from this year's", () => {
  test("carried by code and name, final before estimate; the rest listed, never guessed", () => {
    const carry = nextYearCarry(dongHai, entries, dongHai2026);
    expect(carry.carried.map((c) => [c.code, c.value, c.source])).toEqual([
      ["1", 38000, "final"],
      ["1.1", 11500, "estimate"],
      ["2", 100, "final"],
      ["14", 0.8, "final"],
      ["17.1", 4.5, "final"],
    ]);
    expect(carry.entries).toEqual([
      { code: "1", raw: null, previous: 38000 },
      { code: "1.1", raw: null, previous: 11500 },
      { code: "2", raw: null, previous: 100 },
      { code: "14", raw: null, previous: 0.8 },
      { code: "17.1", raw: null, previous: 4.5 },
    ]);
    expect(carry.notCarried).toEqual([
      { code: "3", name: "Tỷ lệ các hộ dân thực hiện phân loại rác thải rắn sinh hoạt đầu nguồn", value: 96, reason: "no-match" },
      { code: "5", name: "Tuyến đường được lắp điện chiếu sáng", value: 100, reason: "no-match" },
      { code: "8", name: "Số lượt hộ được vay vốn tạo việc làm", value: 300, reason: "unit-differs" },
    ]);
    expect(carry.withoutFigure.map((w) => w.code)).toEqual(["1.2", "1.3", "1.4", "3", "4", "6", "7", "8", "9", "10", "11", "12", "13", "15", "16", "17.2", "18", "19", "20", "21", "22", "23", "24", "25"]);
    expect(carry.headerNote).toBe("Cột \"Thực hiện năm trước\" lấy từ năm 2025: số chính thức của 4 chỉ tiêu, số ước của 1 chỉ tiêu.");
  });

  test("--same: the indicator set with every target left blank, a valid plan for next year", () => {
    const next = samePlanNextYear(dongHai);
    expect(PlanSchema.safeParse(next).success).toBe(true);
    expect([next.id, next.year, next.title.includes("2026"), next.title.includes("2025")]).toEqual(["dong-hai-2026", 2026, true, false]);
    expect(next.indicators.map((i) => i.code)).toEqual(dongHai.indicators.map((i) => i.code));
    expect(next.indicators.filter((i) => i.comparator !== null).every((i) => i.target === null && i.targetPending === true)).toBe(true);
    expect(nextYearCarry(dongHai, entries, next).carried.map((c) => c.code)).toEqual(["1", "1.1", "2", "3", "5", "8", "14", "17.1"]);
    // Until the targets come, a row has nothing to be judged against.
    const evaluations = evaluatePlan(next, [{ code: "1", raw: 40000, previous: 38000 }], { reportYear: 2026, amberBand: 0.9, amberLabel: "Gần đạt", approxTolerance: 0.05, countLevel: "top", lang: "vi" });
    expect([evaluations[0].status, evaluations[0].percent, evaluations[0].yoyPercent]).toEqual(["Chưa có số liệu", null, (40000 * 100) / 38000]);
  });
});

describe("chitieu next-year", () => {
  const tmp = tempDir();
  const file = (name: string) => join(tmp.dir, name);
  afterAll(tmp.cleanup);

  beforeAll(async () => {
    expect((await cli(tmp.dir, "template", "--plan", "dong-hai-2025", "-o", "2025.xlsx", "--unit", "Phường Đông Hải")).code).toBe(0);
    const finals = Object.fromEntries(entries.filter((e) => typeof e.raw === "number" || typeof e.raw === "string").map((e) => [e.code, e.raw]));
    await fillActuals(file("2025.xlsx"), finals, "Thực hiện năm 2025");
    await fillActuals(file("2025.xlsx"), { "1": 37000, "1.1": 11500 }, "Số ước thực hiện năm 2025");
    writeFileSync(file("dong-hai-2026.json"), JSON.stringify(dongHai2026));
  });

  test("--plan: next year's workbook carries every matchable figure and lists the rest", async () => {
    const run = await cli(tmp.dir, "next-year", "2025.xlsx", "--plan", "dong-hai-2026.json", "-o", "2026.xlsx");
    expect([run.code, run.stderr]).toEqual([0, ""]);
    expect(run.stdout.split("\n").filter(Boolean)).toEqual([
      "Đã ghi 2026.xlsx: kế hoạch năm 2026, 5 chỉ tiêu có \"Thực hiện năm trước\" (4 số chính thức, 1 số ước).",
      "  Lấy số ước (chưa có số chính thức): 1.1",
      "  Không tìm thấy trong kế hoạch mới, không chuyển: 3 Tỷ lệ các hộ dân thực hiện phân loại rác thải rắn sinh hoạt đầu nguồn; 5 Tuyến đường được lắp điện chiếu sáng; 8 Số lượt hộ được vay vốn tạo việc làm (đơn vị tính khác)",
      expect.stringMatching(/^ {2}Chỉ tiêu mới chưa có số năm trước: 1\.2 Thu thuế thu nhập cá nhân; .*; 25 Số camera an ninh được lắp đặt$/),
    ]);
    const grid = readGrid(file("2026.xlsx"));
    const table = tableOf(grid);
    const previous = table.col("Thực hiện năm trước (2025)");
    expect(previous).toBeGreaterThan(0);
    const at = (code: string) => grid[table.rowOf(code)][previous];
    expect([at("1"), at("1.1"), at("2"), at("14"), at("17.1"), at("3"), at("25")]).toEqual([38000, 11500, 100, 0.8, 4.5, null, null]);
    expect(grid[table.rowOf("1")][table.col("Kế hoạch năm 2026")]).toBe(38526.6);
    expect(grid.flat().some((v) => typeof v === "string" && v.includes("lấy từ năm 2025: số chính thức của 4 chỉ tiêu, số ước của 1 chỉ tiêu"))).toBe(true);
    const filled = readFilledWorkbook(file("2026.xlsx"), { lang: "vi" });
    expect([filled.plan.id, filled.settings.reportYear, filled.unit]).toEqual(["dong-hai-2026", 2026, "Phường Đông Hải"]);
  });

  test("--same: the same indicators, targets blank, last year's figures in", async () => {
    const run = await cli(tmp.dir, "next-year", "2025.xlsx", "--same", "-o", "2026-same.xlsx");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("8 chỉ tiêu có \"Thực hiện năm trước\"");
    const grid = readGrid(file("2026-same.xlsx"));
    const table = tableOf(grid);
    expect(grid[table.rowOf("3")][table.col("Thực hiện năm trước (2025)")]).toBe(96);
    expect(grid[table.rowOf("1")][table.col("Kế hoạch năm 2026")]).toBeNull();
    const evaluated = await cli(tmp.dir, "evaluate", "2026-same.xlsx", "--json");
    expect(JSON.parse(evaluated.stdout).indicators.every((i: { status: string }) => i.status === "Chưa có số liệu")).toBe(true);
  });

  test("So cùng kỳ and a decrease-by target work from the first day of the new year", async () => {
    expect((await cli(tmp.dir, "template", "--plan", "hai-phong-232-2025", "-o", "hp-2025.xlsx")).code).toBe(0);
    await fillActuals(file("hp-2025.xlsx"), { "14": 1.1, "4": 170000 });
    writeFileSync(file("hp-2026.json"), JSON.stringify({ ...haiPhong, id: "hai-phong-2026", year: 2026 }));
    expect((await cli(tmp.dir, "next-year", "hp-2025.xlsx", "--plan", "hp-2026.json", "-o", "hp-2026.xlsx")).code).toBe(0);
    await fillActuals(file("hp-2026.xlsx"), { "14": 0.85, "4": 187000 }, "Thực hiện năm 2026");
    const run = await cli(tmp.dir, "evaluate", "hp-2026.xlsx", "--json");
    const byCode = new Map(JSON.parse(run.stdout).indicators.map((i: { code: string }) => [i.code, i]));
    // Poverty 1,1 % → 0,85 %: a decrease of 0,25 points against "giảm 0,2": Vượt.
    expect(byCode.get("14")).toMatchObject({ status: "Vượt" });
    const filled = readFilledWorkbook(file("hp-2026.xlsx"), { lang: "vi" });
    const revenue = evaluatePlan(filled.plan, filled.entries, filled.settings).find((e) => e.code === "4")!;
    expect(revenue.yoyPercent).toBeCloseTo(110, 9);
  });

  test("bad arguments are one clear line each", async () => {
    expect((await cli(tmp.dir, "next-year", "2025.xlsx", "-o", "x.xlsx")).stderr.trim()).toBe(
      "Cần --plan <kế hoạch năm sau: mã, tệp JSON hoặc tệp văn bản> hoặc --same (giữ bộ chỉ tiêu, để trống kế hoạch).",
    );
    expect((await cli(tmp.dir, "next-year", "2025.xlsx", "--same", "--plan", "dong-hai-2025", "-o", "x.xlsx")).code).toBe(2);
    const exists = await cli(tmp.dir, "next-year", "2025.xlsx", "--same", "-o", "2026-same.xlsx");
    expect([exists.code, exists.stderr.includes("--force")]).toEqual([2, true]);
  });
});
