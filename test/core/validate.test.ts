import { findBuiltInPlan } from "../../shared/catalog";
import { defaultSettings, type ActualEntry, type Finding, type Plan } from "../../shared/model";
import { classifyUnit, isAdditiveUnit, validateEntries } from "../../shared/validate";

function plan(id: string): Plan {
  const found = findBuiltInPlan(id);
  if (!found) throw new Error(`missing built-in plan ${id}`);
  return found;
}

const city = plan("hai-phong-232-2025");
const dongHai = plan("dong-hai-2025");
const kienAn = plan("kien-an-2025");
const nlb = plan("nguyen-luong-bang-2025");
const doSon = plan("do-son-2025");

const vi = defaultSettings(2025);
const en = defaultSettings(2025, { lang: "en" });

/** One entry at a cell of the "Chỉ tiêu" sheet. */
function at(code: string, raw: unknown, cell: string, extra: Partial<ActualEntry> = {}): ActualEntry {
  return { code, raw, location: { sheet: "Chỉ tiêu", cell }, ...extra };
}

/** Only the findings about one indicator, leaving out the blank warnings of the rows not typed in. */
function about(findings: Finding[], code: string): Finding[] {
  return findings.filter((f) => f.code === code);
}

function only(findings: Finding[], code: string): Finding {
  const list = about(findings, code);
  expect(list).toHaveLength(1);
  return list[0] as Finding;
}

describe("validation of entered actuals, rule by rule", () => {
  test("a blank actual is a warning naming the cell and the indicator, in both languages", () => {
    const f = only(validateEntries(dongHai, [at("2", null, "F8")], vi), "2");
    expect(f).toMatchObject({ severity: "warning", rule: "blank", sheet: "Chỉ tiêu", cell: "F8" });
    expect(f.message).toBe('Ô F8 (chỉ tiêu 2 "Tỷ lệ chất thải rắn đô thị được thu gom, xử lý hợp vệ sinh"): chưa nhập số liệu.');
    const e = only(validateEntries(dongHai, [at("2", "   ", "F8")], en), "2");
    expect(e.message).toBe('Cell F8 (indicator 2 "Tỷ lệ chất thải rắn đô thị được thu gom, xử lý hợp vệ sinh"): no figure entered yet.');
  });

  test("an indicator missing from the entries counts as blank, without a cell", () => {
    const f = only(validateEntries(doSon, [], vi), "5");
    expect(f.rule).toBe("blank");
    expect(f.cell).toBeUndefined();
    expect(f.message).toBe('Chỉ tiêu 5 "Tổng mức bán lẻ hàng hoá": chưa nhập số liệu.');
  });

  test("no blank warning for a goal due after the report year, nor for a heading", () => {
    const findings = validateEntries(nlb, [], vi);
    expect(about(findings, "3")).toEqual([]); // 230 triệu đồng/ha by 2030
    expect(about(findings, "4")).toEqual([]); // heading
    expect(about(findings, "4.2")).toHaveLength(1); // due this year
  });

  test("text that is not a number is an error", () => {
    const f = only(validateEntries(city, [at("15", "khoảng 95", "F17")], vi), "15");
    expect(f).toMatchObject({ severity: "error", rule: "not-a-number", cell: "F17" });
    expect(f.message).toBe('Ô F17 (chỉ tiêu 15 "Tỷ lệ người dân tham gia bảo hiểm y tế"): "khoảng 95" không phải là số. Hãy nhập một số, ví dụ 1.234,5.');
  });

  test.each([["#DIV/0!"], ["#VALUE!"], ["#REF!"]])("the cell error %s is an error", (text) => {
    const fromText = only(validateEntries(city, [at("5", text, "F9")], vi), "5");
    expect(fromText).toMatchObject({ severity: "error", rule: "cell-error", cell: "F9" });
    expect(fromText.message).toContain(`ô đang báo lỗi ${text}`);
    const fromObject = only(validateEntries(city, [at("5", { error: text }, "F9")], en), "5");
    expect(fromObject.message).toContain(`the cell shows the error ${text}`);
  });

  test('a number typed as text ("2,1 %") is a warning carrying the value read, for a one-click fix', () => {
    const f = only(validateEntries(city, [at("11", "2,1 %", "F14")], vi), "11");
    expect(f).toMatchObject({ severity: "warning", rule: "number-as-text", cell: "F14", fix: { value: 2.1 } });
    expect(f.message).toBe('Ô F14 (chỉ tiêu 11 "Tỷ lệ thất nghiệp khu vực thành thị"): "2,1 %" đang được nhập dưới dạng chữ, đọc được là 2,1. Nên chuyển thành số.');
    const g = only(validateEntries(kienAn, [at("1", "537.487,84", "F6")], en), "1");
    expect(g.fix).toEqual({ value: 537487.84 });
    expect(g.message).toContain("it reads as 537,487.84");
  });

  test("negative money, count and rate are errors; a negative growth rate is not", () => {
    const findings = validateEntries(
      city,
      [at("5", -320, "F9"), at("21", -3, "F26"), at("15", -1, "F17"), at("1", -2.5, "F4"), at("3", -1, "F8")],
      vi,
    );
    expect(only(findings, "5")).toMatchObject({ rule: "negative", severity: "error" });
    expect(only(findings, "5").message).toContain("-320 là số âm — số tiền không thể âm.");
    expect(only(findings, "21").message).toContain("số lượng không thể âm");
    expect(only(findings, "15").message).toContain("tỷ lệ không thể âm");
    expect(about(findings, "1")).toEqual([]); // GRDP growth of -2,5 % is a real, bad result
    expect(about(findings, "3").filter((f) => f.rule === "negative")).toEqual([]);
  });

  test("a rate above 100 % is an error, with the message users read", () => {
    const f = only(validateEntries(city, [at("11", 125, "F14")], vi), "11");
    expect(f).toMatchObject({ severity: "error", rule: "rate-above-100", cell: "F14" });
    expect(f.message).toBe('Ô F14 (chỉ tiêu 11 "Tỷ lệ thất nghiệp khu vực thành thị"): 125 lớn hơn 100% — tỷ lệ không thể vượt 100.');
    const e = only(validateEntries(city, [at("11", 125, "F14")], en), "11");
    expect(e.message).toBe('Cell F14 (indicator 11 "Tỷ lệ thất nghiệp khu vực thành thị"): 125 is above 100% — a rate cannot exceed 100.');
    // A growth rate may exceed 100 %: no such error.
    expect(about(validateEntries(city, [at("3", 120, "F8")], vi), "3").filter((x) => x.rule === "rate-above-100")).toEqual([]);
  });

  test("0,95 typed where the target is 95 % is a warning suggesting 95", () => {
    const f = only(validateEntries(city, [at("15", 0.95, "F17")], vi), "15");
    expect(f).toMatchObject({ severity: "warning", rule: "fraction-of-rate" });
    expect(f.message).toBe('Ô F17 (chỉ tiêu 15 "Tỷ lệ người dân tham gia bảo hiểm y tế"): 0,95 nhỏ hơn 1 trong khi kế hoạch là 95% — có thể nhập 0,95 thay vì 95.');
    // A real small rate against a small target is fine (Đông Hải natural growth 0,83 %).
    expect(about(validateEntries(dongHai, [at("14", 0.8, "F20")], vi), "14")).toEqual([]);
  });

  test("a count with a fraction (3,5 người) is an error; 14,43 triệu lượt người is not", () => {
    const f = only(validateEntries(kienAn, [at("11", 3.5, "F17")], vi), "11");
    expect(f).toMatchObject({ severity: "error", rule: "fractional-count", cell: "F17" });
    expect(f.message).toContain("3,5 người không phải số nguyên — đơn vị người phải là số đếm.");
    // 3,5 is also far below 1.805, but the error already says what to fix: no unit-slip warning on top.
    expect(about(validateEntries(city, [at("8", 14.5, "F12")], vi), "8")).toEqual([]);
    expect(only(validateEntries(dongHai, [at("23", 60.5, "F31")], vi), "23").rule).toBe("fractional-count");
  });

  test("Đông Hải revenue 36.692 triệu typed in nghìn đồng (36692000) is a unit-slip warning naming the factor", () => {
    const f = only(validateEntries(dongHai, [at("1", 36692000, "F6")], vi), "1");
    expect(f).toMatchObject({ severity: "warning", rule: "unit-slip", cell: "F6" });
    expect(f.message).toBe(
      'Ô F6 (chỉ tiêu 1 "Thu ngân sách nhà nước trên địa bàn"): 36.692.000 gấp khoảng 1.000 lần kế hoạch (36.692 triệu đồng) — có thể sai đơn vị. Số liệu có thể đang tính theo nghìn đồng thay vì triệu đồng.',
    );
  });

  test("Kiến An revenue typed in tỷ instead of triệu is a unit-slip warning the other way", () => {
    const f = only(validateEntries(kienAn, [at("5", 330.681, "F10")], vi), "5");
    expect(f.rule).toBe("unit-slip");
    expect(f.message).toContain("330,681 chỉ bằng khoảng 1/1.000 kế hoạch (330.681 triệu đồng) — có thể sai đơn vị. Số liệu có thể đang tính theo tỷ đồng thay vì triệu đồng.");
    const e = only(validateEntries(kienAn, [at("5", 330.681, "F10")], en), "5");
    expect(e.message).toContain("is only about 1/1,000 of the target (330,681 triệu đồng) — the unit may be wrong. The figure may be in tỷ đồng instead of triệu đồng.");
  });

  test("no unit-slip for an actual of 0 nor for slow progress on a 2030 goal", () => {
    expect(about(validateEntries(city, [at("21", 0, "F26")], vi), "21")).toEqual([]);
    expect(about(validateEntries(nlb, [at("4.1", 12, "F9")], vi), "4.1")).toEqual([]);
  });

  test.each([[1e16], [Infinity], [Number.NaN], ["1e20"], ["Infinity"]])("%p is an impossible value, an error", (raw) => {
    const f = only(validateEntries(city, [at("7", raw, "F11")], vi), "7");
    expect(f).toMatchObject({ severity: "error", rule: "impossible", cell: "F11" });
  });

  test("Đông Hải: the 4 main revenue sources summing above the total is an error on the total", () => {
    const entries = [at("1", 36692, "F6"), at("1.1", 11232, "F7"), at("1.2", 9100, "F8"), at("1.3", 8500, "F9"), at("1.4", 9000, "F10")];
    const findings = validateEntries(dongHai, entries, vi);
    const f = only(findings, "1");
    expect(f).toMatchObject({ severity: "error", rule: "parts-exceed-parent", cell: "F6" });
    expect(f.message).toBe(
      'Ô F6 (chỉ tiêu 1 "Thu ngân sách nhà nước trên địa bàn"): tổng các khoản thành phần (1.1, 1.2, 1.3, 1.4) là 37.832, lớn hơn số thực hiện của chỉ tiêu này (36.692) — các khoản thành phần là một phần của nó.',
    );
    // Within the total: no error.
    const fine = validateEntries(dongHai, [...entries.slice(0, 4), at("1.4", 7000, "F10")], vi);
    expect(about(fine, "1")).toEqual([]);
  });

  test("the city's 2 main sources above the total revenue, one of them still blank", () => {
    const findings = validateEntries(city, [at("4", 150000, "F5"), at("4.1", 160000, "F6"), at("4.2", null, "F7")], vi);
    expect(about(findings, "4").map((f) => f.rule)).toEqual(["parts-exceed-parent"]);
    expect(about(findings, "4.2").map((f) => f.rule)).toEqual(["blank"]);
  });

  test.each([
    ["dat", null],
    ["Không Đạt", null],
    ["KHONG DAT", null],
    ["x", null],
    ["có", null],
    ["không", null],
    [true, null],
    ["maybe", "boolean-word"],
    [5, "boolean-word"],
  ])("NLB 19 'Giữ vững an ninh chính trị' with %p", (raw, rule) => {
    const findings = about(validateEntries(nlb, [at("19", raw, "F30")], vi), "19");
    if (rule === null) expect(findings).toEqual([]);
    else {
      expect(findings).toHaveLength(1);
      expect(findings[0]).toMatchObject({ severity: "error", rule, cell: "F30" });
      expect(findings[0]?.message).toContain("Hãy nhập Đạt hoặc Không đạt");
    }
  });

  test("last year's column gets the numeric checks, at its own cell", () => {
    const findings = validateEntries(city, [at("15", 96, "F17", { previous: "94,5", location: { sheet: "Chỉ tiêu", cell: "F17", previousCell: "E17" } })], vi);
    const f = only(findings, "15");
    expect(f).toMatchObject({ severity: "warning", rule: "number-as-text", cell: "E17", fix: { value: 94.5 } });
    expect(f.message).toContain('Ô E17 (thực hiện năm trước, chỉ tiêu 15 "Tỷ lệ người dân tham gia bảo hiểm y tế")');
    const g = only(validateEntries(city, [at("15", 96, "F17", { previous: 140, location: { cell: "F17", previousCell: "E17" } })], vi), "15");
    expect(g).toMatchObject({ rule: "rate-above-100", cell: "E17" });
    const h = only(validateEntries(city, [at("21", 11000, "F26", { previous: "#REF!", location: { cell: "F26", previousCell: "E26" } })], vi), "21");
    expect(h).toMatchObject({ rule: "cell-error", cell: "E26" });
  });

  test("rows whose code is not in the plan, or repeated, are layout errors", () => {
    const findings = validateEntries(doSon, [at("2", 1300, "F5"), at("2", 1250, "F6"), at("99", 5, "F30")], vi);
    const dup = findings.find((f) => f.rule === "layout-duplicate-code");
    expect(dup).toMatchObject({ severity: "error", code: "2", cell: "F6" });
    expect(dup?.message).toContain("mã chỉ tiêu 2 xuất hiện 2 lần (F5, F6)");
    const unknown = findings.find((f) => f.rule === "layout-unknown-code");
    expect(unknown).toMatchObject({ severity: "error", code: "99", cell: "F30" });
    expect(unknown?.message).toMatch(/^Ô F30: mã chỉ tiêu 99 không có trong kế hoạch "Kế hoạch phát động thi đua/);
  });

  test("an override without a reason is a warning", () => {
    const entry = at("11", 2.6, "F14", { override: { status: "Đạt", reason: "  " } });
    const f = about(validateEntries(city, [entry], vi), "11");
    expect(f.map((x) => x.rule)).toEqual(["override-no-reason"]);
  });

  test("a sensibly filled city sheet has no findings at all", () => {
    const actuals: Record<string, unknown> = {
      "1": 12.5, "1.1": 15, "1.2": 10.4, "1.3": 4.2, "1.4": 10.7, "2": 7400, "3": 17, "4": 166000, "4.1": 84000, "4.2": 76000,
      "5": 321000, "6": 50.1, "7": 215, "8": 14.5, "9": 51, "10": 36, "11": 2.3, "12": 99000, "13": 37, "14": 0.21, "15": 95.2,
      "16": 55.4, "17": 78, "18": 33, "19": 5600, "20": 6100, "21": 10700, "22": null, "22.1": 96, "22.2": 91,
    };
    const entries = Object.entries(actuals).map(([code, raw], i) => at(code, raw, `F${i + 4}`));
    expect(validateEntries(city, entries, vi)).toEqual([]);
  });

  test("findings come in plan order", () => {
    const findings = validateEntries(city, [at("21", 3.5, "F26"), at("2", "abc", "F5")], vi);
    const codes = findings.map((f) => f.code);
    expect(codes.indexOf("2")).toBeLessThan(codes.indexOf("21"));
  });
});

describe("unit kinds", () => {
  test.each([
    ["tỷ đồng", "Thu ngân sách", "money"],
    ["triệu USD", "Thu hút vốn đầu tư nước ngoài", "money"],
    ["USD/người", "GRDP bình quân đầu người", "other"],
    ["lượt người", "Số lao động được giải quyết việc làm", "count"],
    ["triệu lượt người", "Thu hút khách du lịch", "other"],
    ["doanh nghiệp/1.000 dân", "Số doanh nghiệp trên 1.000 dân", "other"],
    ["tổ dân phố", "Số Tổ dân phố văn hoá", "count"],
    ["%", "Tỷ lệ thất nghiệp khu vực thành thị", "rate"],
    ["%", "Tỉ lệ lấp đầy các cụm công nghiệp", "rate"],
    ["%", "Tỷ lệ tăng dân số tự nhiên", "percent"],
    ["%", "Tốc độ tăng trưởng GRDP", "percent"],
  ])("%s (%s) is %s", (unit, name, kind) => {
    expect(classifyUnit({ unit, name, comparator: ">=" })).toBe(kind);
  });

  test("amounts add up across units; rates, per-capita figures and qualitative results do not", () => {
    expect(isAdditiveUnit({ unit: "tỷ đồng", name: "Thu ngân sách", comparator: ">=" })).toBe(true);
    expect(isAdditiveUnit({ unit: "triệu lượt người", name: "Thu hút khách du lịch", comparator: ">=" })).toBe(true);
    expect(isAdditiveUnit({ unit: "căn", name: "Nhà ở xã hội", comparator: ">=" })).toBe(true);
    expect(isAdditiveUnit({ unit: "%", name: "Tỷ lệ hộ nghèo", comparator: "decrease-by" })).toBe(false);
    expect(isAdditiveUnit({ unit: "%", name: "Tỷ lệ người dân tham gia bảo hiểm y tế", comparator: ">=" })).toBe(false);
    expect(isAdditiveUnit({ unit: "USD/người", name: "GRDP bình quân đầu người", comparator: ">=" })).toBe(false);
    expect(isAdditiveUnit({ unit: "", name: "Giữ vững an ninh", comparator: "boolean" })).toBe(false);
  });
});
