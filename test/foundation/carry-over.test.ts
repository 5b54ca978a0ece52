// Which typed figures follow a plan onto the new sheet: on the real seed plans.
import { findBuiltInPlan } from "../../shared/catalog";
import type { ActualEntry, Plan } from "../../shared/model";
import { carryOver } from "../../shared/sheet/carry-over";

const city = findBuiltInPlan("hai-phong-232-2025")!;
const doSon = findBuiltInPlan("do-son-2025")!;

test("the same plan again: every entry is kept by code, blanks included", () => {
  const entries: ActualEntry[] = [
    { code: "11", raw: 2.1, note: "Cục Thống kê" },
    { code: "12", raw: null },
  ];
  const result = carryOver(city, city, entries);
  expect(result.kept.map((e) => e.code)).toEqual(["11", "12"]);
  expect(result.left).toEqual([]);
  expect(result.counts).toEqual({ actuals: 1, notes: 1, overrides: 0 });
});

test("a new version of the plan: a code it dropped sets its figures aside", () => {
  const revised: Plan = { ...city, indicators: city.indicators.filter((i) => i.code !== "21") };
  const result = carryOver(city, revised, [
    { code: "21", raw: 10694 },
    { code: "5", raw: 320850 },
  ]);
  expect(result.kept.map((e) => e.code)).toEqual(["5"]);
  expect(result.left.map((e) => e.code)).toEqual(["21"]);
});

test("another plan: code 13 of Đồ Sơn (hộ nghèo) does not receive the city's code 13 (lao động qua đào tạo)", () => {
  expect(city.indicators.find((i) => i.code === "13")!.name).not.toBe(doSon.indicators.find((i) => i.code === "13")!.name);
  const result = carryOver(city, doSon, [
    { code: "13", raw: 36.5 },
    { code: "14", raw: null, override: { status: "Đạt", reason: "đã giải trình" } },
    { code: "15", raw: null },
  ]);
  expect(result.kept).toEqual([]);
  expect(result.left.map((e) => e.code)).toEqual(["13", "14"]);
});

test("another plan with the same indicator at the same code keeps it, names compared without diacritics", () => {
  const renamed: Plan = {
    ...doSon,
    id: "do-son-2026",
    indicators: doSon.indicators.map((i) => (i.code === "14" ? { ...i, name: i.name.normalize("NFD").toUpperCase() } : i)),
  };
  const result = carryOver(doSon, renamed, [{ code: "14", raw: 96 }]);
  expect(result.kept.map((e) => e.code)).toEqual(["14"]);
});
