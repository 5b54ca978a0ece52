// The core compiles each plan once per settings and remembers what it read (shared/validate.ts,
// shared/summary.ts, shared/evaluate.ts, shared/actual.ts). These tests prove the shortcuts never
// change a result: one Plan object used with different settings, a different plan with the same id
// and codes, frozen inputs, and the fast readers and formatters against the general ones.
import fc from "fast-check";
import { readActual } from "../../shared/actual";
import { findBuiltInPlan } from "../../shared/catalog";
import { evaluatePlan } from "../../shared/evaluate";
import { defaultSettings, type ActualEntry, type Finding, type Indicator, type Plan, type Settings } from "../../shared/model";
import { formatVietnameseNumber, parseVietnameseNumber } from "../../shared/numbers";
import { summarize } from "../../shared/summary";
import { formatNumberFor, validateEntries } from "../../shared/validate";

function plan(id: string): Plan {
  const found = findBuiltInPlan(id);
  if (!found) throw new Error(`missing built-in plan ${id}`);
  return found;
}

/** A deep copy: the same plan as data, a different object (so nothing compiled for the original applies). */
function copy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}

function rules(findings: Finding[], code: string): string[] {
  return findings.filter((f) => f.code === code).map((f) => f.rule);
}

const nlb = plan("nguyen-luong-bang-2025");
const city = plan("hai-phong-232-2025");

describe("one plan object, several settings", () => {
  // Nguyễn Lương Bằng 3: 230 triệu đồng/ha by 2030; 4.2: 95 % disbursed, due this year.
  const entries: ActualEntry[] = [
    { code: "3", raw: 12, location: { sheet: "Chỉ tiêu", cell: "F8" } },
    { code: "4.2", raw: null, location: { sheet: "Chỉ tiêu", cell: "F10" } },
  ];

  test("the report year decides what is due, call after call on the same plan", () => {
    const in2025 = defaultSettings(2025);
    const in2030 = defaultSettings(2030);
    for (const settings of [in2025, in2030, in2025, in2030]) {
      const findings = validateEntries(nlb, entries, settings);
      // 12 against 230 is a unit slip only once the goal is due; a blank 4.2 is always reported.
      expect(rules(findings, "3")).toEqual(settings.reportYear === 2030 ? ["unit-slip"] : []);
      expect(rules(findings, "4.2")).toEqual(["blank"]);
      // A goal due later has no blank warning until its year.
      expect(rules(findings, "5.1")).toEqual(settings.reportYear === 2030 ? ["blank"] : []);
    }
  });

  test("the language of the messages follows the settings of each call", () => {
    const vi = defaultSettings(2025);
    const en = defaultSettings(2025, { lang: "en" });
    for (const settings of [vi, en, vi, en]) {
      const blank = validateEntries(nlb, entries, settings).find((f) => f.code === "4.2") as Finding;
      expect(blank.message).toBe(
        settings.lang === "vi"
          ? 'Ô F10 (chỉ tiêu 4.2 "Tỷ lệ giải ngân vốn đầu tư công của xã"): chưa nhập số liệu.'
          : 'Cell F10 (indicator 4.2 "Tỷ lệ giải ngân vốn đầu tư công của xã"): no figure entered yet.',
      );
      // Without a cell the message names the indicator, and that part is remembered per language too.
      const noCell = validateEntries(nlb, [], settings).find((f) => f.code === "4.2") as Finding;
      expect(noCell.message).toBe(
        settings.lang === "vi"
          ? 'Chỉ tiêu 4.2 "Tỷ lệ giải ngân vốn đầu tư công của xã": chưa nhập số liệu.'
          : 'Indicator 4.2 "Tỷ lệ giải ngân vốn đầu tư công của xã": no figure entered yet.',
      );
    }
  });

  test("evaluation and summary follow the report year and the count level of each call", () => {
    const typed: ActualEntry[] = nlb.indicators.map((ind) => ({ code: ind.code, raw: ind.comparator === "boolean" ? "Đạt" : ind.target ?? ind.targetMin ?? null }));
    const in2025 = defaultSettings(2025);
    const in2030Leaf = defaultSettings(2030, { countLevel: "leaf", lang: "en" });
    for (const settings of [in2025, in2030Leaf, in2025]) {
      const evaluations = evaluatePlan(nlb, typed, settings);
      const three = evaluations.find((e) => e.code === "3");
      expect(three?.status).toBe(settings.reportYear === 2030 ? "Đạt" : "Chưa đến hạn");
      const summary = summarize(nlb, evaluations, settings);
      expect(summary.countLevel).toBe(settings.countLevel);
      // 20 numbered indicators; 31 without sub-items (39 less the 8 headings 2, 4, 5, 8, 9, 10, 13, 17).
      expect(summary.tally.counted).toBe(settings.countLevel === "top" ? 20 : 31);
      expect(summary.sentence.startsWith(settings.lang === "vi" ? "Có " : "")).toBe(true);
      if (settings.lang === "en") expect(summary.sentence).not.toContain("chỉ tiêu");
    }
  });

  test("a warm plan gives exactly what a never-seen copy of it gives", () => {
    const settingsList: Settings[] = [
      defaultSettings(2025),
      defaultSettings(2025, { lang: "en" }),
      defaultSettings(2030, { countLevel: "leaf" }),
      defaultSettings(2024, { approxTolerance: 0.2, amberBand: 0.5, amberLabel: "Sát kế hoạch" }),
    ];
    const typed: ActualEntry[] = city.indicators.map((ind, i) => ({
      code: ind.code,
      raw: [null, "12,5", 0.95, -3, "#N/A", 1e6, "khong dat", 140, "3.5"][i % 9],
      previous: i % 4 === 0 ? "1.234,5" : undefined,
      location: i % 2 === 0 ? { sheet: "Chỉ tiêu", cell: `F${i + 4}`, previousCell: `E${i + 4}` } : null,
    }));
    for (const settings of settingsList) {
      // Warm: the same objects, validated and summarised many times with every setting.
      for (const other of settingsList) validateEntries(city, typed, other);
      const cold = copy(city);
      expect(validateEntries(city, typed, settings)).toEqual(validateEntries(cold, typed, settings));
      const warm = evaluatePlan(city, typed, settings);
      const fresh = evaluatePlan(cold, typed, settings);
      expect(JSON.stringify(warm)).toBe(JSON.stringify(fresh));
      expect(JSON.stringify(summarize(city, warm, settings, { padCounts: true }))).toBe(JSON.stringify(summarize(cold, fresh, settings, { padCounts: true })));
    }
  });
});

describe("a structurally different plan is never taken for a cached one", () => {
  test("same id and codes, other units, targets and names: the findings are the new plan's", () => {
    const settings = defaultSettings(2025);
    const entries: ActualEntry[] = [
      { code: "15", raw: 96.5 },
      { code: "21", raw: 120 },
    ];
    // Warm the cache with the original plan.
    const before = validateEntries(city, entries, settings);
    expect(rules(before, "15")).toEqual([]); // 96,5 % against 95 %
    expect(rules(before, "21")).toEqual(["unit-slip"]); // 120 căn against 10.694 căn

    const changed = copy(city);
    const fifteen = changed.indicators.find((i) => i.code === "15") as Indicator;
    fifteen.unit = "người";
    fifteen.name = "Số người tham gia bảo hiểm y tế";
    const twentyOne = changed.indicators.find((i) => i.code === "21") as Indicator;
    twentyOne.target = 100;
    const after = validateEntries(changed, entries, settings);
    expect(rules(after, "15")).toEqual(["fractional-count"]);
    expect(after.find((f) => f.code === "15")?.message).toBe(
      'Chỉ tiêu 15 "Số người tham gia bảo hiểm y tế": 96,5 người không phải số nguyên — đơn vị người phải là số đếm.',
    );
    expect(rules(after, "21")).toEqual([]);
    // And the original is still judged as itself.
    expect(validateEntries(city, entries, settings)).toEqual(before);
  });

  test("a plan with fewer indicators and a parts heading of its own", () => {
    const settings = defaultSettings(2025);
    const small: Plan = {
      ...copy(city),
      indicators: [
        { code: "1", name: "Tổng thu", group: null, unit: "tỷ đồng", comparator: ">=", target: 100, deadlineYear: null, note: null, childrenAreParts: true },
        { code: "1.1", name: "Thu nội địa", group: null, unit: "tỷ đồng", comparator: ">=", target: 60, deadlineYear: null, note: null },
        { code: "1.2", name: "Thu khác", group: null, unit: "tỷ đồng", comparator: ">=", target: 40, deadlineYear: null, note: null },
      ],
    };
    validateEntries(city, [], settings);
    const findings = validateEntries(small, [{ code: "1", raw: 100 }, { code: "1.1", raw: 70 }, { code: "1.2", raw: 45 }, { code: "15", raw: 1 }], settings);
    expect(findings.map((f) => [f.rule, f.code])).toEqual([
      ["layout-unknown-code", "15"],
      ["parts-exceed-parent", "1"],
    ]);
    expect(findings[1].message).toBe(
      'Chỉ tiêu 1 "Tổng thu": tổng các khoản thành phần (1.1, 1.2) là 115, lớn hơn số thực hiện của chỉ tiêu này (100) — các khoản thành phần là một phần của nó.',
    );
  });
});

describe("nothing given is changed", () => {
  test("frozen plan, entries and settings go through evaluation, validation and summary untouched", () => {
    const frozenPlan = deepFreeze(copy(nlb));
    const entries = deepFreeze(
      frozenPlan.indicators.map((ind, i): ActualEntry => ({
        code: ind.code,
        raw: ["1.234,5", 12, null, "Đạt", -1, "x"][i % 6],
        previous: i % 3 === 0 ? 10 : undefined,
        override: i === 2 ? { status: "Đạt", reason: " " } : null,
        location: { sheet: "Chỉ tiêu", cell: `F${i + 6}` },
      })),
    );
    const before = JSON.stringify({ frozenPlan, entries });
    for (const settings of [deepFreeze(defaultSettings(2025)), deepFreeze(defaultSettings(2030, { lang: "en", countLevel: "leaf" }))]) {
      const evaluations = evaluatePlan(frozenPlan, entries, settings);
      expect(validateEntries(frozenPlan, entries, settings).length).toBeGreaterThan(0);
      const summary = summarize(frozenPlan, evaluations, settings);
      expect(summary.rows.length).toBe(frozenPlan.indicators.length); // the plan has no sections
      expect(summary.sentence.length).toBeGreaterThan(0);
    }
    expect(JSON.stringify({ frozenPlan, entries })).toBe(before);
  });

  test("a summary handed out is the caller's: changing it does not change the next one", () => {
    const settings = defaultSettings(2025);
    const evaluations = evaluatePlan(nlb, [], settings);
    const first = summarize(nlb, evaluations, settings);
    const expected = JSON.stringify(first);
    first.sections[0].codes.push("99");
    first.sections[0].tally.counted = 1000;
    first.rows.length = 0;
    expect(JSON.stringify(summarize(nlb, evaluations, settings))).toBe(expected);
  });
});

describe("the fast readers and formatters agree with the general ones", () => {
  test("a text is read by its comparator kind, whatever was read before", () => {
    for (let round = 0; round < 2; round++) {
      expect(readActual("Đạt", "boolean")).toEqual({ kind: "boolean", value: true, fromText: true });
      expect(readActual("Đạt", null)).toEqual({ kind: "boolean", value: true, fromText: true });
      expect(readActual("Đạt", ">=")).toEqual({ kind: "text", text: "Đạt" });
      expect(readActual(" 36.692 ", ">=")).toEqual({ kind: "number", value: 36692, fromText: true });
      expect(readActual("0.830", "<=")).toEqual({ kind: "number", value: 0.83, fromText: true });
    }
  });

  test("digits with dots and commas read as parseVietnameseNumber reads them", () => {
    const numberLike = fc.stringMatching(/^[0-9][0-9.,]{0,14}$/);
    fc.assert(
      fc.property(numberLike, (text) => {
        const read = readActual(text, ">=");
        const parsed = parseVietnameseNumber(text);
        if (parsed === null) expect(read.kind).not.toBe("number");
        else expect(read).toEqual({ kind: "number", value: parsed.value, fromText: true });
      }),
      { seed: 20251122, numRuns: 3000 },
    );
  });

  test("numbers in messages are written as formatVietnameseNumber writes them, in both languages", () => {
    const magnitude = fc.integer({ min: -9, max: 16 });
    fc.assert(
      fc.property(fc.double({ min: -10, max: 10, noNaN: true }), magnitude, (mantissa, exponent) => {
        const value = mantissa * 10 ** exponent;
        const vi = formatVietnameseNumber(value, { decimals: Math.abs(value) >= 1 ? 4 : 6, trimZeros: true });
        expect(formatNumberFor(value, "vi")).toBe(vi);
        expect(formatNumberFor(value, "en")).toBe(vi.replace(/[.,]/g, (mark) => (mark === "." ? "," : ".")));
      }),
      { seed: 20251122, numRuns: 3000 },
    );
  });
});
