// Consolidation of several wards on the city plan, with results chosen by hand; every expected
// number below is worked out by hand (see the comments), not computed by the code under test.
import { findBuiltInPlan } from "../../shared/catalog";
import { consolidate, type ConsolidationInput, type UnitInput } from "../../shared/consolidate";
import { defaultSettings, depthOf, type Evaluation, type Finding, type Plan, type Status } from "../../shared/model";

function plan(id: string): Plan {
  const found = findBuiltInPlan(id);
  if (!found) throw new Error(`missing built-in plan ${id}`);
  return found;
}

const city = plan("hai-phong-232-2025");
const TOP = Array.from({ length: 22 }, (_, i) => String(i + 1));
const PERCENT: Record<Status, number | null> = { Vượt: 110, Đạt: 100, "Không đạt": 80, "Chưa có số liệu": null, "Chưa đến hạn": null };

/**
 * A ward on the city plan: the first `vuot` top-level indicators Vượt (110 %), the next `dat` Đạt
 * (100 %), the rest Không đạt (80 %); sub-items Đạt. `actuals` overrides the actual of some codes.
 */
function ward(unit: string, vuot: number, dat: number, extra: { actuals?: Record<string, number | null>; percents?: Record<string, number>; findings?: Finding[]; file?: string } = {}): UnitInput {
  const evaluations: Evaluation[] = city.indicators.map((indicator) => {
    const top = TOP.indexOf(indicator.code);
    const status: Status = top < 0 ? "Đạt" : top < vuot ? "Vượt" : top < vuot + dat ? "Đạt" : "Không đạt";
    const actual = extra.actuals && indicator.code in extra.actuals ? (extra.actuals[indicator.code] ?? null) : (indicator.target ?? 1);
    return {
      code: indicator.code,
      indicator,
      actual,
      previous: null,
      percent: extra.percents?.[indicator.code] ?? PERCENT[status],
      yoyPercent: null,
      computedStatus: status,
      status,
      override: null,
      nearMiss: false,
      depth: depthOf(indicator.code),
      fromChildren: indicator.comparator === null,
    };
  });
  return { unit, ...(extra.file ? { file: extra.file } : {}), plan: city, evaluations, findings: extra.findings ?? [] };
}

const hardError: Finding = { severity: "error", rule: "rate-above-100", code: "15", cell: "F17", message: 'Ô F17 (chỉ tiêu 15 "Tỷ lệ người dân tham gia bảo hiểm y tế"): 150 lớn hơn 100% — tỷ lệ không thể vượt 100.' };
const softWarning: Finding = { severity: "warning", rule: "blank", code: "9", message: "…" };

function inputs(): ConsolidationInput[] {
  return [
    ward("Phường Đông Hải", 10, 8, { file: "dong-hai.xlsx", actuals: { "5": 100, "8": 1.5, "15": 96, "21": 200 }, findings: [softWarning] }),
    ward("Phường Kiến An", 8, 10, { file: "kien-an.xlsx", actuals: { "5": 200, "8": 2.5, "15": 97, "21": null } }),
    // One Vượt at 1000 %: capped at 150 in the mean.
    ward("Xã Nguyễn Lương Bằng", 10, 8, { file: "nlb.xlsx", actuals: { "5": 300, "8": 3, "15": 98, "21": 300 }, percents: { "1": 1000 } }),
    // Same results as Đông Hải, with a validation error: ties with it, flagged, in the register.
    ward("Phường Hải An", 10, 8, { file: "hai-an.xlsx", actuals: { "5": 400, "8": 4, "15": 150, "21": 400 }, findings: [hardError] }),
    { unit: "Phường Đồ Sơn", file: "do-son.xlsx", reason: "Không đọc được tệp do-son.xlsx: thiếu cột Thực hiện." },
    ward("Phường Kiến An", 22, 0, { file: "kien-an (2).xlsx" }),
  ];
}

describe("consolidation of five wards on the city plan", () => {
  const c = consolidate(inputs(), defaultSettings(2025));

  test("the matrix: one row per indicator of the plan, one column per usable unit", () => {
    expect(c.units.map((u) => u.unit)).toEqual(["Phường Đông Hải", "Phường Kiến An", "Xã Nguyễn Lương Bằng", "Phường Hải An"]);
    expect(c.rows).toHaveLength(30);
    expect(c.rows.every((r) => r.cells.length === 4 && r.cells.every((cell) => cell !== null))).toBe(true);
    const unemployment = c.rows.find((r) => r.code === "11");
    expect(unemployment).toMatchObject({ name: "Tỷ lệ thất nghiệp khu vực thành thị", target: 2.5, comparator: "<", targetVaries: false });
    // Indicator 11 is the 11th: within the first 10 + 8 everywhere.
    expect(unemployment?.cells.map((cell) => cell?.status)).toEqual(["Đạt", "Đạt", "Đạt", "Đạt"]);
    // Indicator 9: Vượt where the first 10 are, Đạt in Kiến An (first 8 only).
    expect(c.rows.find((r) => r.code === "9")?.cells.map((cell) => cell?.status)).toEqual(["Vượt", "Đạt", "Vượt", "Vượt"]);
  });

  test("per-unit counts, share achieved and the capped mean completion", () => {
    const byName = Object.fromEntries(c.units.map((u) => [u.unit, u]));
    expect(byName["Phường Đông Hải"]?.tally.byStatus).toEqual({ Vượt: 10, Đạt: 8, "Không đạt": 4, "Chưa có số liệu": 0, "Chưa đến hạn": 0 });
    // 18 / 22 = 81,818…
    expect(byName["Phường Đông Hải"]?.shareAchieved).toBeCloseTo(81.818, 3);
    // (10 × 110 + 8 × 100 + 4 × 80) / 22 = 2220 / 22
    expect(byName["Phường Đông Hải"]?.meanCompletion).toBeCloseTo(100.909, 3);
    // (8 × 110 + 10 × 100 + 4 × 80) / 22 = 2200 / 22
    expect(byName["Phường Kiến An"]?.meanCompletion).toBeCloseTo(100, 9);
    // (9 × 110 + min(1000, 150) + 8 × 100 + 4 × 80) / 22 = 2260 / 22: the outlier does not dominate
    expect(byName["Xã Nguyễn Lương Bằng"]?.meanCompletion).toBeCloseTo(102.727, 3);
    expect(byName["Xã Nguyễn Lương Bằng"]?.completionBasis).toBe(22);
  });

  test("rank: share achieved, then Vượt, then mean completion; full ties share a rank, listed by name", () => {
    expect(c.ranking.map((u) => [u.rank, u.unit])).toEqual([
      [1, "Xã Nguyễn Lương Bằng"], // same share and Vượt as the next two, higher mean
      [2, "Phường Đông Hải"], // tied with Hải An on all three: same rank, alphabetical
      [2, "Phường Hải An"],
      [4, "Phường Kiến An"], // same share, fewer Vượt
    ]);
  });

  test("the register: the unreadable file, the duplicate unit, and the unit with validation errors", () => {
    expect(c.register).toEqual([
      { unit: "Phường Đồ Sơn", file: "do-son.xlsx", kind: "unusable", reason: "Không đọc được tệp do-son.xlsx: thiếu cột Thực hiện." },
      { unit: "Phường Kiến An", file: "kien-an (2).xlsx", kind: "duplicate", reason: 'Đơn vị "Phường Kiến An" đã có trong tổng hợp (tệp kien-an.xlsx); tệp này bị bỏ qua.' },
      {
        unit: "Phường Hải An",
        file: "hai-an.xlsx",
        kind: "validation-errors",
        reason: `Có 1 lỗi số liệu, vẫn được tổng hợp nhưng cần kiểm tra lại. Lỗi đầu tiên: ${hardError.message}`,
      },
    ]);
    const haiAn = c.units.find((u) => u.unit === "Phường Hải An");
    expect(haiAn).toMatchObject({ flagged: true, errorCount: 1, warningCount: 0 });
    expect(c.units.find((u) => u.unit === "Phường Đông Hải")).toMatchObject({ flagged: false, errorCount: 0, warningCount: 1 });
  });

  test("amounts are totalled across units, rates never", () => {
    const investment = c.rows.find((r) => r.code === "5"); // tỷ đồng
    expect(investment?.additive).toBe(true);
    // 100 + 200 + 300 + 400; target 4 × 320.850
    expect(investment?.total).toEqual({ actual: 1000, target: 1283400, contributing: 4, missing: 0 });
    const tourists = c.rows.find((r) => r.code === "8"); // triệu lượt người
    expect(tourists?.total?.actual).toBeCloseTo(11, 9);
    const housing = c.rows.find((r) => r.code === "21"); // căn, Kiến An left it blank
    expect(housing?.total).toEqual({ actual: 900, target: 4 * 10694, contributing: 3, missing: 1 });
    for (const code of ["11", "15", "1", "14"]) {
      const rate = c.rows.find((r) => r.code === code);
      expect(rate?.additive).toBe(false);
      expect(rate?.total).toBeNull();
    }
    expect(c.rows.find((r) => r.code === "2")?.total).toBeNull(); // USD/người
  });

  test("English reasons when the settings ask for them", () => {
    const e = consolidate(inputs(), defaultSettings(2025, { lang: "en" }));
    expect(e.register[1]?.reason).toBe('Unit "Phường Kiến An" is already consolidated (file kien-an.xlsx); this file was skipped.');
  });
});

describe("consolidation across different plans", () => {
  const doSon = plan("do-son-2025");
  const kienAn = plan("kien-an-2025");
  const allMet = (p: Plan): Evaluation[] =>
    p.indicators.map((indicator) => ({
      code: indicator.code, indicator, actual: indicator.target ?? null, previous: null, percent: 100, yoyPercent: null,
      computedStatus: "Đạt", status: "Đạt", override: null, nearMiss: false, depth: depthOf(indicator.code), fromChildren: indicator.comparator === null,
    }));

  test("rows match by normalised name path and unit, not by code", () => {
    const c = consolidate(
      [
        { unit: "Quận Đồ Sơn", plan: doSon, evaluations: allMet(doSon), findings: [] },
        { unit: "Phường Kiến An", plan: kienAn, evaluations: allMet(kienAn), findings: [] },
      ],
      defaultSettings(2025),
    );
    // 22 + 24 indicators, one shared: "Tỷ lệ tăng dân số tự nhiên" (%).
    expect(c.rows).toHaveLength(45);
    const growth = c.rows.filter((r) => r.name === "Tỷ lệ tăng dân số tự nhiên");
    expect(growth).toHaveLength(1);
    expect(growth[0]?.cells.map((cell) => cell?.code)).toEqual(["11", "7"]);
    expect(growth[0]).toMatchObject({ targetVaries: true, target: null }); // 0,7 and 0,67
    // Same name, different unit (tỷ đồng vs triệu đồng): two rows.
    expect(c.rows.filter((r) => /^Tổng mức bán lẻ hàng h/.test(r.name)).map((r) => r.unit)).toEqual(["tỷ đồng", "triệu đồng"]);
    // Same name under different parents: two rows.
    const classes = c.rows.filter((r) => r.name === "Tổng số lớp học");
    expect(classes.map((r) => r.cells[1]?.code)).toEqual(["15.1", "16.1"]);
    expect(classes.every((r) => r.cells[0] === null)).toBe(true);
  });

  test("a unit with no evaluation goes to the register only", () => {
    const c = consolidate([{ unit: "Phường Kiến An", file: "ka.xlsx", plan: kienAn, evaluations: [], findings: [] }], defaultSettings(2025));
    expect(c.units).toEqual([]);
    expect(c.register).toEqual([{ unit: "Phường Kiến An", file: "ka.xlsx", kind: "unusable", reason: "Không có kết quả đánh giá nào để tổng hợp." }]);
  });
});

describe("each unit its own target", () => {
  // Two wards on the city plan, the second given its own revenue target of 9 000 (the city's is 83 000).
  const own: Plan = { ...city, indicators: city.indicators.map((i) => (i.code === "4.1" ? { ...i, target: 9000 } : i)) };
  const a = ward("Phường A", 5, 5);
  const b = { ...ward("Phường B", 5, 5), plan: own };
  b.evaluations = b.evaluations.map((e) => (e.code === "4.1" ? { ...e, indicator: own.indicators.find((i) => i.code === "4.1")! } : e));
  const c = consolidate([a, b], defaultSettings(2025));
  const revenue = c.rows.find((r) => r.code === "4.1")!;

  test("the row says its target varies, and each cell keeps its unit's target", () => {
    expect(c.targetsVary).toBe(true);
    expect(revenue.targetVaries).toBe(true);
    expect(revenue.target).toBeNull();
    expect(revenue.cells.map((cell) => cell!.target)).toEqual([83000, 9000]);
    // The total of an amount adds the units' own targets: 83 000 + 9 000.
    expect(revenue.total!.target).toBe(92000);
    expect(c.rows.find((r) => r.code === "4.2")!.targetVaries).toBe(false);
  });

  test("cells say whether they count in the unit's tally (top level by default)", () => {
    expect(revenue.cells[0]!.counted).toBe(false);
    expect(c.rows.find((r) => r.code === "4")!.cells[0]!.counted).toBe(true);
  });
});
