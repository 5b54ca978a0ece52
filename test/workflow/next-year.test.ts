// The add-ins' year-cycle steps as the core's workflow commands, on a real seed plan (Hải Phòng's,
// built in from the seeds): the load request's period makes the very sheet `template --period`
// makes; next year's sheets from a filled workbook carry every matchable figure (final where typed,
// else the estimate) and list the rest; nothing of this year's sheets is rewritten.
import { findBuiltInPlan } from "../../shared/catalog";
import { defaultSettings, PlanSchema, type Period, type Plan } from "../../shared/model";
import { buildFillInWorkbook } from "../../shared/sheet/fill-in";
import { isFormula, type SheetModel, type WorkbookModel } from "../../shared/sheet/types";
import { loadCommand } from "../../shared/workflow/load";
import { nextYearCommand, withYearSuffix } from "../../shared/workflow/next-year";
import { messageLines, writeOf, type DocumentInfo } from "../../shared/workflow/outcome";
import { checkCommand } from "../../shared/workflow/check";
import { cellA1 } from "../../shared/sheet/a1";

const HP = findBuiltInPlan("hai-phong-232-2025")!;
const UNIT = "thành phố Hải Phòng";

/** Next year's Hải Phòng plan as it might come: 7 dropped, 10 renamed, 12 numbered 23, 19 counted in tỷ USD, 24 new. */
const HP2026: Plan = PlanSchema.parse({
  ...HP,
  id: "hai-phong-2026",
  year: 2026,
  title: HP.title.replace("2025", "2026"),
  indicators: [
    ...HP.indicators
      .filter((i) => i.code !== "7")
      .map((i) => {
        if (i.code === "10") return { ...i, name: "Tỷ lệ xã đạt chuẩn nông thôn mới nâng cao" };
        if (i.code === "12") return { ...i, code: "23" };
        if (i.code === "19") return { ...i, unit: "tỷ USD", target: 5.5 };
        return i;
      }),
    { code: "24", name: "Số km đường cao tốc hoàn thành", group: null, unit: "km", comparator: ">=", target: 30, deadlineYear: null, note: null },
  ],
});

function loaded(plan: Plan, period: Period, year = 2025) {
  const outcome = loadCommand({ document: null, fillIn: null, setAside: null }, { plan, unit: UNIT, year, estimate: false, issuer: null, settings: { period }, lang: "vi" });
  expect(outcome.status).toBe("done");
  const model = writeOf(outcome, "sheets")!.model;
  const info = writeOf(outcome, "document")!.info;
  return { outcome, model, info, fillIn: model.sheets.find((s) => s.role === "fill-in")! };
}

/** The grid a host reads back from a sheet it wrote: literals as written, formulas as blanks (their values are the host's). */
function readBack(sheet: SheetModel): unknown[][] {
  return sheet.cells.map((row) => row.map((c) => (isFormula(c) ? null : c)));
}

function texts(sheet: SheetModel): string[] {
  return sheet.cells.flat().filter((c): c is string => typeof c === "string");
}

describe("the load request's period", () => {
  test.each([
    ["6-thang", "6 THÁNG ĐẦU NĂM 2026", "Thực hiện 6 tháng đầu năm 2026", 0.5],
    ["9-thang", "9 THÁNG ĐẦU NĂM 2026", "Thực hiện 9 tháng đầu năm 2026", 0.75],
  ] as const)("%s: the sheet the CLI template writes, with its title, headers and progress rule", (period, title, header, share) => {
    const { model, info, fillIn } = loaded(HP, period, 2026);
    // `chitieu template --period` builds this model (cli/commands/template.ts, fillInWorkbookBytes).
    const template = buildFillInWorkbook(HP, { unit: UNIT, year: 2026, settings: { period }, lang: "vi", issuer: null });
    expect(model.sheets.map((s) => s.name)).toEqual(template.sheets.map((s) => s.name));
    for (const sheet of template.sheets) expect(model.sheets.find((s) => s.name === sheet.name)!.cells).toEqual(sheet.cells);
    expect(info.settings.period).toBe(period);
    expect(texts(fillIn).some((s) => s.includes(title))).toBe(true);
    const headers = fillIn.cells[fillIn.table!.headerRow];
    expect(headers).toContain(header);
    expect(headers).toContain("Tỷ lệ TH/KH năm (%)");
    // Thu ngân sách (4) adds up over the year: judged against the share elapsed; the poverty rate (14) waits for the year end.
    const row = (code: string) => fillIn.cells[fillIn.table!.firstDataRow + fillIn.table!.rowCodes.indexOf(code)];
    const formulaOf = (code: string) => row(code).filter(isFormula).map((f) => f.formula).join(" ");
    expect(formulaOf("4")).toContain("ChiTieu_TienDo");
    expect(formulaOf("4")).toContain("Chậm tiến độ");
    expect(formulaOf("14")).toContain("Chưa đến kỳ đánh giá");
    const lists = model.sheets.find((s) => s.role === "lists")!;
    expect(lists.cells.flat()).toContain(share);
  });

  test("the whole year (the picker's default) is the year-end sheet as before", () => {
    const { fillIn } = loaded(HP, "ca-nam");
    const plain = buildFillInWorkbook(HP, { unit: UNIT, year: 2025, lang: "vi", issuer: null }).sheets.find((s) => s.role === "fill-in")!;
    expect(fillIn.cells).toEqual(plain.cells);
  });
});

/** This year's workbook filled as an office fills it: final figures on even leaves, only the estimate on odd ones. */
function filledThisYear() {
  const { model, info, fillIn } = loaded(HP, "ca-nam");
  const grid = readBack(fillIn);
  const table = fillIn.table!;
  const col = (key: string) => table.columns.findIndex((c) => c.key === key);
  const typed = new Map<string, { final?: number; estimate?: number }>();
  const leaves = HP.indicators.filter((i) => i.comparator !== null);
  leaves.forEach((ind, k) => {
    const value = ind.code === "14" ? 1.6 : Math.round((ind.target ?? 10) * (k % 2 === 0 ? 1.02 : 0.98) * 100) / 100;
    const row = table.firstDataRow + table.rowCodes.indexOf(ind.code);
    if (k % 2 === 0) {
      grid[row][col("actual")] = value;
      typed.set(ind.code, { final: value });
    } else {
      grid[row][col("estimate")] = value;
      typed.set(ind.code, { estimate: value });
    }
  });
  return { model, info, grid, typed, sheet: fillIn.name };
}

function nextYearOf(plan: Plan | "same", names: string[] = ["Chỉ tiêu", "Danh mục"], period?: Period) {
  const { info, grid, typed, sheet } = filledThisYear();
  const outcome = nextYearCommand({ document: info, fillIn: { sheet, grid }, sheetNames: names }, { plan, lang: "vi", ...(period ? { period } : {}) });
  return { outcome, typed, info };
}

describe("next year's plan from a filled seed workbook", () => {
  test("carries every matchable figure (final, else the estimate; by name when renumbered) and lists the rest", () => {
    const { outcome, typed } = nextYearOf(HP2026);
    expect(outcome.status).toBe("done");
    const report = outcome.result!;
    const figure = (code: string) => typed.get(code)!.final ?? typed.get(code)!.estimate!;
    const source = (code: string) => (typed.get(code)!.final !== undefined ? "final" : "estimate");
    // By hand: every leaf of 2025 but 7 (dropped), 10 (renamed) and 19 (another unit); 12 lands on 23.
    const expected = [...typed.keys()].filter((c) => !["7", "10", "19"].includes(c)).map((c) => ({ code: c === "12" ? "23" : c, value: figure(c), source: source(c) }));
    const got = report.carried.map((c) => ({ code: c.code, value: c.value, source: c.source }));
    expect(got.sort((a, b) => a.code.localeCompare(b.code))).toEqual(expected.sort((a, b) => a.code.localeCompare(b.code)));
    expect(report.carried.find((c) => c.code === "23")?.from).toBe("12");
    expect(report.notCarried.map((n) => [n.code, n.reason])).toEqual([
      ["7", "no-match"],
      ["10", "no-match"],
      ["19", "unit-differs"],
    ]);
    // 19 too: its 2025 figure is in triệu USD, next year's row counts tỷ USD.
    expect(report.withoutFigure.map((w) => w.code).sort()).toEqual(["10", "19", "24"]);

    // Next year's sheet holds those figures in "Thực hiện năm trước", nothing in this year's columns.
    const model = writeOf(outcome, "sheets")!.model;
    const sheet = model.sheets.find((s) => s.role === "fill-in")!;
    expect(sheet.name).toBe("Chỉ tiêu 2026");
    const table = sheet.table!;
    const col = (key: string) => table.columns.findIndex((c) => c.key === key);
    for (const c of expected) expect(sheet.cells[table.firstDataRow + table.rowCodes.indexOf(c.code)][col("previous")]).toBe(c.value);
    for (const code of ["10", "19", "24"]) expect(sheet.cells[table.firstDataRow + table.rowCodes.indexOf(code)][col("previous")] ?? null).toBeNull();
    for (const code of table.rowCodes) expect(sheet.cells[table.firstDataRow + table.rowCodes.indexOf(code)][col("actual")] ?? null).toBeNull();
    const finals = expected.filter((e) => e.source === "final").length;
    expect(texts(sheet).some((s) => s.includes(`lấy từ năm 2025: số chính thức của ${finals} chỉ tiêu, số ước của ${expected.length - finals} chỉ tiêu`))).toBe(true);
    expect(texts(sheet).some((s) => s.includes("NĂM 2026"))).toBe(true);

    // What the clerk reads: the count, which are estimates, what was not carried and why, what is new.
    const lines = messageLines(outcome);
    expect(lines[0]).toBe(`Đã tạo kế hoạch năm 2026 trong trang “Chỉ tiêu 2026”: ${expected.length} chỉ tiêu có “Thực hiện năm trước” (${finals} số chính thức, ${expected.length - finals} số ước). Bảng năm 2025 giữ nguyên.`);
    const estimates = new Set(expected.filter((e) => e.source === "estimate").map((e) => e.code));
    expect(lines[1]).toBe(`Lấy số ước (chưa có số chính thức): ${HP2026.indicators.map((i) => i.code).filter((c) => estimates.has(c)).join(", ")}.`);
    expect(lines[2]).toMatch(/^Không tìm thấy trong kế hoạch mới, không chuyển \(3\): 7 .*; 10 .*; 19 .*đơn vị tính khác: 5\.610/);
    expect(lines[3]).toMatch(/^Chưa có “Thực hiện năm trước” \(năm nay chưa nhập, hoặc chỉ tiêu mới\) \(3\): 10 Tỷ lệ xã đạt chuẩn nông thôn mới nâng cao; 19 .*; 24 Số km đường cao tốc hoàn thành\.$/);
    // Only new sheets are written: no document write, no set-aside, this year's sheets untouched.
    expect(outcome.writes.map((w) => w.kind)).toEqual(["sheets"]);
    expect(model.sheets.map((s) => s.name)).toEqual(["Chỉ tiêu 2026", "Danh mục 2026"]);
  });

  test("--same: the same indicators with blank targets, every figure carried", () => {
    const { outcome, typed } = nextYearOf("same");
    expect(outcome.status).toBe("done");
    expect(outcome.result!.carried.length).toBe(typed.size);
    expect(outcome.result!.notCarried).toEqual([]);
    expect(messageLines(outcome)).toContain("Cùng bộ chỉ tiêu, kế hoạch năm 2026 để trống: nhập khi có văn bản giao chỉ tiêu.");
    const sheet = writeOf(outcome, "sheets")!.model.sheets.find((s) => s.role === "fill-in")!;
    const table = sheet.table!;
    const target = table.columns.findIndex((c) => c.key === "target");
    const row = table.firstDataRow + table.rowCodes.indexOf("4");
    expect(sheet.cells[row][target] ?? "").toBe("");
  });

  test("next year at six months: the period's title and headers", () => {
    const { outcome } = nextYearOf(HP2026, undefined, "6-thang");
    const sheet = writeOf(outcome, "sheets")!.model.sheets.find((s) => s.role === "fill-in")!;
    expect(sheet.cells[sheet.table!.headerRow]).toContain("Thực hiện 6 tháng đầu năm 2026");
  });

  test("a sheet of next year's name is never overwritten: refused, nothing written, what to do said", () => {
    const { outcome } = nextYearOf(HP2026, ["Chỉ tiêu", "Danh mục", "chỉ tiêu 2026"]);
    expect(outcome.status).toBe("refused");
    expect(outcome.writes).toEqual([]);
    expect(outcome.messages[0].text).toBe("Bảng tính đã có trang “Chỉ tiêu 2026”, nên không ghi đè (có thể đã có số liệu năm sau).");
    expect(outcome.messages[0].next).toBe("Đổi tên hoặc xóa trang đó rồi làm lại; chưa có gì bị thay đổi.");
  });

  test("a year not after this one is refused", () => {
    const { info, grid, sheet } = filledThisYear();
    const outcome = nextYearCommand({ document: info, fillIn: { sheet, grid }, sheetNames: [] }, { plan: HP2026, year: 2025, lang: "vi" });
    expect(outcome.status).toBe("refused");
    expect(outcome.messages[0].key).toBe("wf.nextyear.bad-year");
  });
});

describe("next year's sheets beside this year's: names of their own", () => {
  test("every sheet, workbook name, anchor and list source carries the year; no formula reads this year's names", () => {
    const model = buildFillInWorkbook(HP, { unit: UNIT, year: 2026, settings: defaultSettings(2026, { period: "6-thang" }), lang: "vi" });
    const own = new Set(model.sheets.flatMap((s) => s.names.map((n) => n.name)));
    const renamed: WorkbookModel = withYearSuffix(model, 2026);
    expect(renamed.sheets.map((s) => s.name)).toEqual(model.sheets.map((s) => `${s.name} 2026`));
    const names = renamed.sheets.flatMap((s) => s.names);
    expect(names.length).toBe(own.size);
    for (const n of names) {
      expect(n.name).toMatch(/_2026$/);
      expect(renamed.sheets.map((s) => s.name)).toContain(n.sheet);
    }
    const formulas = renamed.sheets.flatMap((s) => [...s.cells.flat().filter(isFormula).map((f) => f.formula), ...s.conditionalRules.map((r) => r.formula)]);
    expect(formulas.length).toBeGreaterThan(100);
    for (const f of formulas) for (const name of own) expect(f.replace(new RegExp(`${name}_2026`, "g"), "")).not.toMatch(new RegExp(`\\b${name}\\b`));
    // The same formulas otherwise: only the names moved.
    const before = model.sheets[0].cells.flat().filter(isFormula).map((f) => f.formula);
    const after = renamed.sheets[0].cells.flat().filter(isFormula).map((f) => f.formula.replace(/_2026/g, ""));
    expect(after).toEqual(before);
    for (const s of renamed.sheets) for (const v of s.validations) if (v.rule.kind === "list") expect(v.rule.sourceSheet).toBe("Danh mục 2026");
    expect(renamed.sheets[0].table!.anchorName).toBe("ChiTieu_Bang_2026");
  });
});

describe("the check in the add-ins (the one findings assembly)", () => {
  test("warns where a final figure is more than 10 % from its estimate, and validates an estimate-only figure", () => {
    const { info, fillIn } = loaded(HP, "ca-nam");
    const grid = readBack(fillIn);
    const table = fillIn.table!;
    const col = (key: string) => table.columns.findIndex((c) => c.key === key);
    const row = (code: string) => table.firstDataRow + table.rowCodes.indexOf(code);
    grid[row("4")][col("actual")] = 150000;
    grid[row("4")][col("estimate")] = 170000; // 11,8 % away
    grid[row("5")][col("actual")] = 320000;
    grid[row("5")][col("estimate")] = 310000; // 3,2 %: no warning
    grid[row("15")][col("estimate")] = 140; // a share of insured people above 100 %, only estimated
    const document: DocumentInfo = info;
    const outcome = checkCommand({ document, fillIn: { sheet: fillIn.name, grid } }, "vi");
    const departures = outcome.findings.filter((f) => f.rule === "final-departs-from-estimate");
    expect(departures.map((f) => f.code)).toEqual(["4"]);
    expect(departures[0].message).toContain("11,8");
    // The estimate is the figure judged on row 15: validated as one, the finding on the estimate's cell (not "blank").
    const estimateCell = cellA1(row("15"), col("estimate"));
    const onRow = outcome.findings.filter((f) => f.code === "15");
    expect(onRow.map((f) => f.rule)).not.toContain("blank");
    expect(onRow.length).toBeGreaterThan(0);
    expect(onRow.every((f) => f.cell === estimateCell)).toBe(true);
  });
});

describe("estimates on reload (nothing typed is lost)", () => {
  const DS = findBuiltInPlan("do-son-2025")!;
  function typedEstimates() {
    const { info, fillIn } = loaded(HP, "ca-nam");
    const grid = readBack(fillIn);
    const table = fillIn.table!;
    const col = (key: string) => table.columns.findIndex((c) => c.key === key);
    const row = (code: string) => table.firstDataRow + table.rowCodes.indexOf(code);
    grid[row("4")][col("estimate")] = 160000;
    grid[row("13")][col("estimate")] = 36.5; // Đồ Sơn's 13 is another indicator
    return { info, grid, sheet: fillIn.name };
  }

  test("the same plan again: every estimate stays in its row", () => {
    const { info, grid, sheet } = typedEstimates();
    const outcome = loadCommand({ document: info, fillIn: { sheet, grid }, setAside: null }, { plan: HP, unit: UNIT, year: 2025, estimate: false, issuer: null, lang: "vi" });
    expect(outcome.status).toBe("done");
    const again = writeOf(outcome, "sheets")!.model.sheets.find((s) => s.role === "fill-in")!;
    const table = again.table!;
    const col = table.columns.findIndex((c) => c.key === "estimate");
    expect(again.cells[table.firstDataRow + table.rowCodes.indexOf("4")][col]).toBe(160000);
    expect(again.cells[table.firstDataRow + table.rowCodes.indexOf("13")][col]).toBe(36.5);
    expect(messageLines(outcome)).toContain("Giữ nguyên 2 số liệu đã nhập, 0 ghi chú, 0 đánh giá điều chỉnh.");
  });

  test("another plan: an estimate with no indicator to go to is asked about, then set aside with its column", () => {
    const { info, grid, sheet } = typedEstimates();
    const request = { plan: DS, unit: UNIT, year: 2025, estimate: false, issuer: null, lang: "vi" as const };
    const asked = loadCommand({ document: info, fillIn: { sheet, grid }, setAside: null }, request);
    expect(asked.status).toBe("ask");
    expect(asked.question!.items.find((i) => i.code === "13")?.text).toBe(`13 — ${HP.indicators.find((i) => i.code === "13")!.name}: 36,5`);
    const done = loadCommand({ document: info, fillIn: { sheet, grid }, setAside: null }, { ...request, answers: { "reload-set-aside": true } });
    const aside = writeOf(done, "set-aside")!.model.sheets[0];
    expect(aside.cells[0][8]).toBe("Số ước");
    const row13 = aside.cells.find((r) => r[0] === "13")!;
    expect(row13[2] ?? null).toBeNull();
    expect(row13[8]).toBe(36.5);
  });
});

describe("reload by name when the new plan numbers an indicator differently", () => {
  test("12 is 23 in the new plan: its figure follows, nothing asked, the move said", () => {
    const { info, fillIn } = loaded(HP, "ca-nam");
    const grid = readBack(fillIn);
    const table = fillIn.table!;
    const col = (key: string) => table.columns.findIndex((c) => c.key === key);
    const row = (code: string) => table.firstDataRow + table.rowCodes.indexOf(code);
    grid[row("12")][col("actual")] = 101000;
    grid[row("12")][col("note")] = "Sở LĐTBXH";
    grid[row("11")][col("actual")] = 2.1;
    const outcome = loadCommand({ document: info, fillIn: { sheet: fillIn.name, grid }, setAside: null }, { plan: { ...HP2026, year: 2025 }, unit: UNIT, year: 2025, estimate: false, issuer: null, lang: "vi" });
    expect(outcome.status).toBe("done");
    const sheet = writeOf(outcome, "sheets")!.model.sheets.find((s) => s.role === "fill-in")!;
    const t2 = sheet.table!;
    const at = (code: string, key: string) => sheet.cells[t2.firstDataRow + t2.rowCodes.indexOf(code)][t2.columns.findIndex((c) => c.key === key)];
    expect(at("23", "actual")).toBe(101000);
    expect(at("23", "note")).toBe("Sở LĐTBXH");
    expect(at("11", "actual")).toBe(2.1);
    expect(messageLines(outcome)).toContain("Kế hoạch mới đánh số khác: số liệu theo tên chỉ tiêu sang mã mới 12 → 23.");
    expect(writeOf(outcome, "set-aside")).toBeUndefined();
  });

  test("a name two indicators share is never guessed", () => {
    const twin: Plan = PlanSchema.parse({ ...HP2026, indicators: [...HP2026.indicators, { ...HP2026.indicators.find((i) => i.code === "23")!, code: "25" }] });
    const { info, fillIn } = loaded(HP, "ca-nam");
    const grid = readBack(fillIn);
    const table = fillIn.table!;
    grid[table.firstDataRow + table.rowCodes.indexOf("12")][table.columns.findIndex((c) => c.key === "actual")] = 101000;
    const outcome = loadCommand({ document: info, fillIn: { sheet: fillIn.name, grid }, setAside: null }, { plan: { ...twin, year: 2025 }, unit: UNIT, year: 2025, estimate: false, issuer: null, lang: "vi" });
    expect(outcome.status).toBe("ask");
    expect(outcome.question!.items.map((i) => i.code)).toEqual(["12"]);
  });
});
