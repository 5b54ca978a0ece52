import fc from "fast-check";
import { findBuiltInPlan } from "../../shared/catalog";
import { evaluateOne, evaluatePlan } from "../../shared/evaluate";
import { ruleOf } from "../../shared/rules/comparators";
import { compileExpr, specialize, type KnownRefs, type RuleEnv } from "../../shared/rules/compile";
import { defaultSettings, PlanSchema, type ActualEntry, type Comparator, type Indicator, type Plan, type Settings } from "../../shared/model";

const settings2025 = defaultSettings(2025);

function indicator(code: string, comparator: Comparator | null, target: number | null, extra: Partial<Indicator> = {}): Indicator {
  return { code, name: `Chỉ tiêu ${code}`, group: null, unit: "%", comparator, target, deadlineYear: null, note: null, ...extra };
}

function one(ind: Indicator, raw: unknown, settings: Settings = settings2025, extra: Partial<ActualEntry> = {}) {
  return evaluateOne(ind, { code: ind.code, raw, ...extra }, settings);
}

function plan(indicators: Indicator[]): Plan {
  return PlanSchema.parse({ id: "thu-nghiem", title: "Kế hoạch thử nghiệm", issuer: "UBND phường Thử", level: "xa", year: 2025, source: null, indicators });
}

describe("completion and status per comparator", () => {
  test(">= : below, exactly on, above the target", () => {
    const ind = indicator("1", ">=", 200, { unit: "tỷ đồng" });
    expect(one(ind, 150)).toMatchObject({ percent: 75, status: "Không đạt", nearMiss: false });
    expect(one(ind, 200)).toMatchObject({ percent: 100, status: "Đạt" });
    expect(one(ind, 230)).toMatchObject({ percent: 115, status: "Vượt" });
  });

  test("> : on the target is not achieved, above is Vượt", () => {
    const ind = indicator("1", ">", 18);
    expect(one(ind, 18)).toMatchObject({ percent: 100, status: "Không đạt", nearMiss: true });
    expect(one(ind, 18.5).status).toBe("Vượt");
  });

  test("<= and < are lower-is-better: T / A, and A = 0 is 100 %", () => {
    const atMost = indicator("1", "<=", 0.7);
    expect(one(atMost, 0.7)).toMatchObject({ percent: 100, status: "Đạt" });
    expect(one(atMost, 0.5).status).toBe("Vượt");
    expect(one(atMost, 0.5).percent).toBeCloseTo(140, 9);
    expect(one(atMost, 1.4)).toMatchObject({ percent: 50, status: "Không đạt" });
    expect(one(atMost, 0)).toMatchObject({ percent: 100, status: "Vượt" });
    const below = indicator("2", "<", 2.5);
    expect(one(below, 2.5)).toMatchObject({ percent: 100, status: "Không đạt" });
    expect(one(below, 0)).toMatchObject({ percent: 100, status: "Vượt" });
  });

  test("= with T = 0: 100 % and Đạt only at 0", () => {
    const ind = indicator("1", "=", 0, { unit: "hộ" });
    expect(one(ind, 0)).toMatchObject({ percent: 100, status: "Đạt" });
    expect(one(ind, 3)).toMatchObject({ percent: 0, status: "Không đạt", nearMiss: false });
    const exact = indicator("2", "=", 5, { unit: "trường" });
    expect(one(exact, 5)).toMatchObject({ percent: 100, status: "Đạt" });
    expect(one(exact, 6).status).toBe("Không đạt");
  });

  test("a zero target with another comparator has no percentage; the status speaks", () => {
    expect(one(indicator("1", ">=", 0), 3)).toMatchObject({ percent: null, status: "Vượt" });
    expect(one(indicator("1", "<=", 0), 0)).toMatchObject({ percent: null, status: "Đạt" });
    expect(one(indicator("1", "<=", 0), 1)).toMatchObject({ percent: null, status: "Không đạt" });
  });

  test("range: Không đạt below min, Đạt inside, Vượt above max; percent against min", () => {
    const ind = indicator("1", "range", null, { targetMin: 8, targetMax: 8.5 });
    expect(one(ind, 7.6)).toMatchObject({ percent: 95, status: "Không đạt", nearMiss: true });
    expect(one(ind, 8)).toMatchObject({ percent: 100, status: "Đạt" });
    expect(one(ind, 8.5).status).toBe("Đạt");
    expect(one(ind, 8.6).status).toBe("Vượt");
  });

  test("approx: within the tolerance is Đạt, above target × (1 + tolerance) is Vượt", () => {
    const ind = indicator("1", "approx", 6000, { unit: "doanh nghiệp" });
    expect(one(ind, 5700)).toMatchObject({ percent: 95, status: "Đạt" });
    expect(one(ind, 5699).status).toBe("Không đạt");
    expect(one(ind, 6300).status).toBe("Đạt");
    expect(one(ind, 6301).status).toBe("Vượt");
    const wide = defaultSettings(2025, { approxTolerance: 0.1 });
    expect(one(ind, 5400, wide).status).toBe("Đạt");
    expect(one(ind, 5399, wide).status).toBe("Không đạt");
  });

  test("decrease-by / increase-by: the actual is the change achieved", () => {
    const down = indicator("1", "decrease-by", 0.2, { name: "Tỷ lệ hộ nghèo giảm" });
    expect(one(down, 0.25)).toMatchObject({ percent: 125, status: "Vượt" });
    expect(one(down, 0.2).status).toBe("Đạt");
    expect(one(down, 0.1)).toMatchObject({ percent: 50, status: "Không đạt" });
    const up = indicator("2", "increase-by", 10, { name: "Thu ngân sách tăng" });
    expect(one(up, 12).status).toBe("Vượt");
  });

  test("decrease-by / increase-by judged from last year's level and this year's", () => {
    const rate = indicator("1", "decrease-by", 0.2, { name: "Tỷ lệ hộ nghèo" });
    // A rate falls in points: 5,0 → 4,7 is a decrease of 0,3.
    const fell = one(rate, 4.7, settings2025, { previous: 5 });
    expect(fell.status).toBe("Vượt");
    expect(fell.percent).toBeCloseTo(150, 9);
    expect(fell.previous).toBe(5);
    expect(fell.yoyPercent).toBeCloseTo(94, 9);
    expect(one(rate, 4.9, settings2025, { previous: 5 }).status).toBe("Không đạt");
    // An amount with a % target grows relatively: 100 → 112 is +12 %.
    const revenue = indicator("2", "increase-by", 10, { name: "Thu ngân sách", unit: "%" });
    const grew = one(revenue, 112, settings2025, { previous: 100 });
    expect(grew.status).toBe("Vượt");
    expect(grew.percent).toBeCloseTo(120, 9);
    expect(one(revenue, 109, settings2025, { previous: 100 }).status).toBe("Không đạt");
    // Last year's level typed as Vietnamese text is read the same way.
    expect(one(rate, "4,7", settings2025, { previous: "5,0" }).status).toBe("Vượt");
  });

  test("boolean: Đạt / Không đạt in every spelling", () => {
    const ind = indicator("1", "boolean", null, { unit: "" });
    for (const yes of ["Đạt", "đạt", "ĐẠT", "dat", "x", "X", "có", "co", true, 1])
      expect(one(ind, yes)).toMatchObject({ actual: true, percent: 100, status: "Đạt" });
    for (const no of ["Không đạt", "khong dat", "KHÔNG ĐẠT", "không", "chưa đạt", false, 0])
      expect(one(ind, no)).toMatchObject({ actual: false, percent: 0, status: "Không đạt" });
    expect(one(ind, "đang làm")).toMatchObject({ actual: null, percent: null, status: "Chưa có số liệu" });
    expect(one(ind, 2).status).toBe("Chưa có số liệu");
  });

  test("blank, text, cell errors and impossible numbers are Chưa có số liệu with a null actual", () => {
    const ind = indicator("1", ">=", 100);
    for (const raw of [null, undefined, "", "   ", "chưa có", "#DIV/0!", { error: "#REF!" }, 1e16, Number.NaN, true]) {
      expect(one(ind, raw)).toMatchObject({ actual: null, percent: null, status: "Chưa có số liệu", nearMiss: false });
    }
    // A number typed as Vietnamese text is read (validation flags it).
    expect(one(ind, "1.234,5")).toMatchObject({ actual: 1234.5, status: "Vượt" });
  });
});

describe("deadline, override, near miss, settings", () => {
  test("a deadline after the report year is Chưa đến hạn, still with its percent", () => {
    const ind = indicator("1", ">=", 230, { deadlineYear: 2030, unit: "triệu đồng" });
    expect(one(ind, 115)).toMatchObject({ percent: 50, status: "Chưa đến hạn", computedStatus: "Chưa đến hạn" });
    expect(one(ind, null).status).toBe("Chưa đến hạn");
    expect(one(ind, 230, defaultSettings(2030)).status).toBe("Đạt");
  });

  test("an override with a reason is the status shown; the computed one is kept", () => {
    const ind = indicator("1", ">=", 100);
    const overridden = one(ind, 95, settings2025, { override: { status: "Đạt", reason: "Số liệu ước, cơ bản hoàn thành" } });
    expect(overridden).toMatchObject({ computedStatus: "Không đạt", status: "Đạt", override: { status: "Đạt", reason: "Số liệu ước, cơ bản hoàn thành" }, nearMiss: false });
    const noReason = one(ind, 95, settings2025, { override: { status: "Đạt", reason: "  " } });
    expect(noReason).toMatchObject({ computedStatus: "Không đạt", status: "Không đạt", override: null, nearMiss: true });
  });

  test("near miss at the edge of the amber band, and with a wider band", () => {
    const ind = indicator("1", ">=", 100);
    expect(one(ind, 90).nearMiss).toBe(true);
    expect(one(ind, 89.99).nearMiss).toBe(false);
    expect(one(ind, 100).nearMiss).toBe(false);
    const strict = defaultSettings(2025, { amberBand: 0.95 });
    expect(one(ind, 94.99, strict).nearMiss).toBe(false);
    expect(one(ind, 95, strict).nearMiss).toBe(true);
  });

  test("so cùng kỳ: actual / last year × 100 when both are numbers", () => {
    const ind = indicator("1", ">=", 100, { unit: "tỷ đồng" });
    expect(one(ind, 128.23, settings2025, { previous: 100 }).yoyPercent).toBeCloseTo(128.23, 9);
    expect(one(ind, 128, settings2025, { previous: 0 }).yoyPercent).toBeNull();
    expect(one(ind, 128).yoyPercent).toBeNull();
  });
});

describe("headings judged from their children", () => {
  const headingPlan = plan([
    indicator("1", null, null),
    indicator("1.1", ">=", 10),
    indicator("1.2", ">=", 20),
    indicator("2", null, null),
    indicator("2.1", null, null),
    indicator("2.1.1", "<=", 5),
    indicator("2.2", ">=", 1, { deadlineYear: 2030 }),
    indicator("3", ">=", 50),
    indicator("3.1", ">=", 1),
  ]);
  const status = (entries: ActualEntry[], code: string) => evaluatePlan(headingPlan, entries, settings2025).find((e) => e.code === code);

  test("Đạt when all are achieved, Vượt when one exceeds, Không đạt when one fails", () => {
    expect(status([{ code: "1.1", raw: 10 }, { code: "1.2", raw: 20 }], "1")).toMatchObject({ status: "Đạt", fromChildren: true, percent: null });
    expect(status([{ code: "1.1", raw: 11 }, { code: "1.2", raw: 20 }], "1")?.status).toBe("Vượt");
    expect(status([{ code: "1.1", raw: 11 }, { code: "1.2", raw: 19 }], "1")?.status).toBe("Không đạt");
    expect(status([{ code: "1.1", raw: 11 }], "1")?.status).toBe("Chưa có số liệu");
  });

  test("nested headings reach the rows under them; rows not yet due do not count against them", () => {
    expect(status([{ code: "2.1.1", raw: 4 }], "2")?.status).toBe("Vượt");
    expect(status([{ code: "2.1.1", raw: 6 }], "2.1")?.status).toBe("Không đạt");
    expect(status([], "2")?.status).toBe("Chưa có số liệu");
  });

  test("a child's override counts for its heading", () => {
    const entries = [
      { code: "1.1", raw: 10 },
      { code: "1.2", raw: 18, override: { status: "Đạt" as const, reason: "Điều chỉnh kế hoạch giữa năm" } },
    ];
    expect(status(entries, "1")?.status).toBe("Đạt");
  });

  test("a row with its own target is judged by it, not by its sub-items", () => {
    expect(status([{ code: "3", raw: 40 }, { code: "3.1", raw: 5 }], "3")).toMatchObject({ status: "Không đạt", fromChildren: false });
  });

  test("one evaluation per indicator in plan order, the first entry of a code counting", () => {
    const result = evaluatePlan(headingPlan, [{ code: "1.1", raw: 5 }, { code: "1.1", raw: 50 }], settings2025);
    expect(result.map((e) => e.code)).toEqual(headingPlan.indicators.map((i) => i.code));
    expect(result[1].actual).toBe(5);
    expect(result[7].depth).toBe(0);
    expect(result[5].depth).toBe(2);
  });
});

describe("the seed plans, checked by hand against the documents", () => {
  const city = findBuiltInPlan("hai-phong-232-2025") as Plan;
  const doSon = findBuiltInPlan("do-son-2025") as Plan;
  const nlb = findBuiltInPlan("nguyen-luong-bang-2025") as Plan;
  const dongHai = findBuiltInPlan("dong-hai-2025") as Plan;
  const evaluate = (p: Plan, code: string, raw: unknown, extra: Partial<ActualEntry> = {}) =>
    evaluatePlan(p, [{ code, raw, ...extra }], defaultSettings(p.year)).find((e) => e.code === code);

  test("city (11) urban unemployment < 2,5 %: 2,1 is Vượt, 2,5 is Không đạt", () => {
    expect(evaluate(city, "11", 2.1)?.status).toBe("Vượt");
    expect(evaluate(city, "11", 2.5)?.status).toBe("Không đạt");
  });

  test("city (14) poor households down 0,2 %: a fall of 0,25 is Vượt", () => {
    expect(evaluate(city, "14", 0.25)?.status).toBe("Vượt");
    expect(evaluate(city, "14", "0,25")?.status).toBe("Vượt");
  });

  test("city (22) waste collection is judged from urban and rural", () => {
    const result = evaluatePlan(city, [{ code: "22.1", raw: 96 }, { code: "22.2", raw: 88 }], defaultSettings(2025));
    expect(result.find((e) => e.code === "22")?.status).toBe("Không đạt");
  });

  test("Đồ Sơn (13) 0 hộ nghèo: 0 is Đạt, 3 is Không đạt", () => {
    expect(evaluate(doSon, "13", 0)).toMatchObject({ status: "Đạt", percent: 100 });
    expect(evaluate(doSon, "13", 3)).toMatchObject({ status: "Không đạt", percent: 0 });
  });

  test("Nguyễn Lương Bằng (3) is due in 2030: Chưa đến hạn in 2025", () => {
    const result = evaluate(nlb, "3", 200);
    expect(result?.status).toBe("Chưa đến hạn");
    expect(result?.percent).toBeCloseTo((200 / 230) * 100, 9);
  });

  test("Đông Hải (17) malnutrition heading from its two lower-is-better rows", () => {
    const result = evaluatePlan(dongHai, [{ code: "17.1", raw: 4.5 }, { code: "17.2", raw: 8.4 }], defaultSettings(2025));
    expect(result.find((e) => e.code === "17")?.status).toBe("Vượt");
  });
});

describe("compiling the rules", () => {
  test("folding what is known keeps the meaning of every rule", () => {
    const comparators: (Comparator | null)[] = [">=", ">", "<=", "<", "=", "approx", "range", "decrease-by", "increase-by", "boolean", null];
    const value = fc.oneof(fc.constant(null), fc.double({ min: -10, max: 300, noNaN: true }), fc.constantFrom(0, 1, 5, 100));
    const statusText = fc.oneof(fc.constant(null), fc.constantFrom("Vượt", "Đạt", "Không đạt", "Tốt", ""));
    fc.assert(
      fc.property(
        fc.constantFrom(...comparators),
        fc.record({ target: fc.constantFrom(0, 0.2, 5, 100), deadline: fc.constantFrom(null, 2025, 2030), reportYear: fc.constantFrom(2025, 2030), tolerance: fc.constantFrom(0, 0.05) }),
        fc.record({ actual: value, previous: value, overrideStatus: statusText, overrideReason: fc.constantFrom(null, "", "lý do"), count: fc.nat(3), bad: fc.nat(1) }),
        (comparator, fixed, typed) => {
          const ind = indicator("1", comparator, comparator === null || comparator === "boolean" || comparator === "range" ? null : fixed.target, {
            ...(comparator === "range" ? { targetMin: fixed.target, targetMax: fixed.target + 1 } : {}),
            deadlineYear: fixed.deadline,
          });
          const rule = ruleOf(ind);
          const known: KnownRefs = { target: ind.target, targetMin: ind.targetMin ?? null, targetMax: ind.targetMax ?? null, deadline: ind.deadlineYear, reportYear: fixed.reportYear, tolerance: fixed.tolerance };
          const env = {
            ...known,
            actual: comparator === "boolean" && typed.actual !== null ? (typed.actual > 50 ? 1 : 0) : typed.actual,
            previous: typed.previous,
            overrideStatus: typed.overrideStatus,
            overrideReason: typed.overrideReason,
            childCount: typed.count,
            childVuot: typed.count - typed.bad,
            childDat: 0,
            childKhongDat: typed.bad,
            childChuaCoSoLieu: 0,
            childChuaDenHan: 0,
            ruleStatus: null,
          } as RuleEnv;
          env.measure = compileExpr(rule.measure)(env);
          for (const expr of [rule.measure, rule.percent, rule.status, rule.yoy]) {
            expect(compileExpr(specialize(expr, known))(env)).toEqual(compileExpr(expr)(env));
          }
        },
      ),
      { numRuns: 400, seed: 7 },
    );
  });
});
