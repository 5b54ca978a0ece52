// The year's cycle in the Excel add-in, on the strict fake: the load request's period writes the
// sheet `template --period` makes (titles, headers, progress formulas, the names they read), and
// "Kế hoạch năm sau" writes next year's sheets beside this year's — which keep every cell — with
// "Thực hiện năm trước" from this year's figures. Each command: one read, one write (≤ 2 syncs).
import { findBuiltInPlan } from "../../shared/catalog";
import { defaultSettings, type Period, type Plan } from "../../shared/model";
import { buildFillInWorkbook } from "../../shared/sheet/fill-in";
import { cellA1 } from "../../shared/sheet/a1";
import { withYearSuffix } from "../../shared/workflow/next-year";
import { nextYearCarry, samePlanNextYear } from "../../shared/period-next-year";
import { loadPlan } from "../../excel-addin/src/adapter/load-command";
import { makeNextYear } from "../../excel-addin/src/adapter/next-year-command";
import { checkSheet } from "../../excel-addin/src/adapter/commands";
import { createFakeExcel, type FakeExcelHost } from "../fakes/excel";
import { gridMismatches, LOAD_REQUEST } from "./helpers";

const FEATURES = { pageLayout: true };
const HP: Plan = findBuiltInPlan("hai-phong-232-2025")!;
const syncs = (fake: FakeExcelHost) => fake.contexts[fake.contexts.length - 1].syncs.length;

function layoutOf(plan: Plan, year: number, period: Period) {
  const model = buildFillInWorkbook(plan, { ...LOAD_REQUEST, year, issuer: null, settings: defaultSettings(year, { period }) });
  const sheet = model.sheets.find((s) => s.role === "fill-in")!;
  const table = sheet.table!;
  const at = (code: string, key: string) => cellA1(table.firstDataRow + table.rowCodes.indexOf(code), table.columns.findIndex((c) => c.key === key));
  return { model, sheet, at };
}

describe.each(["6-thang", "9-thang"] as const)("load at %s", (period) => {
  test("the sheet the CLI template writes, cell for cell, in two syncs", async () => {
    const fake = createFakeExcel();
    const loaded = await fake.run((c) => loadPlan(c, { plan: HP, ...LOAD_REQUEST, year: 2026, settings: { period } }, FEATURES));
    expect(loaded.ok).toBe(true);
    expect(syncs(fake)).toBeLessThanOrEqual(2);
    const template = buildFillInWorkbook(HP, { unit: LOAD_REQUEST.unit, year: 2026, settings: { period }, lang: "vi", issuer: null });
    for (const sheet of template.sheets) expect(gridMismatches(fake.state, sheet)).toEqual([]);
    const title = fake.state.grid("Chỉ tiêu").flat().find((v) => typeof v === "string" && v.includes("THÁNG ĐẦU NĂM 2026"));
    expect(title).toContain(period === "6-thang" ? "6 THÁNG ĐẦU NĂM 2026" : "9 THÁNG ĐẦU NĂM 2026");
    expect(fake.state.names.map((n) => n.name)).toContain("ChiTieu_TienDo");
  });
});

describe("Kế hoạch năm sau", () => {
  test("next year's sheets beside this year's, every figure carried, this year's cells unchanged; one read, one write", async () => {
    const fake = createFakeExcel();
    await fake.run((c) => loadPlan(c, { plan: HP, ...LOAD_REQUEST, settings: { period: "ca-nam" } }, FEATURES));
    const { at } = layoutOf(HP, 2025, "ca-nam");
    fake.state.typeIn("Chỉ tiêu", at("4", "actual"), 170000);
    fake.state.typeIn("Chỉ tiêu", at("5", "estimate"), 300000);
    fake.state.typeIn("Chỉ tiêu", at("15", "actual"), "95,5");
    fake.state.typeIn("Chỉ tiêu", at("4", "note"), "Số của Cục Thống kê");
    const before = JSON.stringify(fake.state.grid("Chỉ tiêu"));
    const namesBefore = fake.state.names.map((n) => n.name).sort();

    const made = await fake.run((c) => makeNextYear(c, { plan: "same", year: 2026, lang: "vi" }, FEATURES));
    if (!made.ok) throw new Error(made.message);
    expect(syncs(fake)).toBeLessThanOrEqual(2);
    expect(made.sheet).toBe("Chỉ tiêu 2026");
    expect(made.carried.map((c) => [c.code, c.value, c.source])).toEqual([
      ["4", 170000, "final"],
      ["5", 300000, "estimate"],
      ["15", 95.5, "final"],
    ]);
    expect(made.messages[0]).toBe("Đã tạo kế hoạch năm 2026 trong trang “Chỉ tiêu 2026”: 3 chỉ tiêu có “Thực hiện năm trước” (2 số chính thức, 1 số ước). Bảng năm 2025 giữ nguyên.");
    expect(made.messages[1]).toBe("Lấy số ước (chưa có số chính thức): 5.");

    // This year's sheet and names: exactly as before.
    expect(JSON.stringify(fake.state.grid("Chỉ tiêu"))).toBe(before);
    const namesAfter = fake.state.names.map((n) => n.name);
    for (const name of namesBefore) expect(namesAfter).toContain(name);
    // Next year's: the core's model (this year's figures in "Thực hiện năm trước"), its names suffixed.
    const sameNext = { ...HP, id: "hai-phong-232-2026", year: 2026 };
    const carry = nextYearCarry(HP, [{ code: "4", raw: 170000 }, { code: "5", raw: null, estimate: 300000 }, { code: "15", raw: 95.5 }], sameNext);
    expect(carry.entries.map((e) => e.code)).toEqual(["4", "5", "15"]);
    const next = layoutOf(HP, 2026, "ca-nam");
    expect(fake.state.cell("Chỉ tiêu 2026", next.at("4", "previous")).value).toBe(170000);
    expect(fake.state.cell("Chỉ tiêu 2026", next.at("5", "previous")).value).toBe(300000);
    expect(fake.state.cell("Chỉ tiêu 2026", next.at("4", "actual")).value ?? null).toBeNull();
    expect(fake.state.cell("Chỉ tiêu 2026", next.at("4", "note")).value ?? null).toBeNull();
    const formula = fake.state.cell("Chỉ tiêu 2026", next.at("4", "ruledStatus")).formula ?? "";
    expect(formula).toContain("ChiTieu_NamBaoCao_2026");
    expect(namesAfter).toContain("ChiTieu_Bang_2026");
    expect(namesAfter).toContain("ChiTieu_NamBaoCao_2026");
    expect(fake.state.findSheet("Danh mục 2026")).toBeDefined();
    // The check still reads this year's sheet.
    const checked = await fake.run((c) => checkSheet(c, "vi"));
    expect(checked.ok && checked.sheet).toBe("Chỉ tiêu");
  });

  test("made again: refused, nothing written (next year's sheet may already hold figures)", async () => {
    const fake = createFakeExcel();
    await fake.run((c) => loadPlan(c, { plan: HP, ...LOAD_REQUEST }, FEATURES));
    expect((await fake.run((c) => makeNextYear(c, { plan: "same", year: 2026, lang: "vi" }, FEATURES))).ok).toBe(true);
    const { at } = layoutOf(HP, 2026, "ca-nam");
    fake.state.typeIn("Chỉ tiêu 2026", at("4", "actual"), 12);
    const again = await fake.run((c) => makeNextYear(c, { plan: "same", year: 2026, lang: "vi" }, FEATURES));
    expect(again.ok).toBe(false);
    expect(!again.ok && again.message).toBe("Bảng tính đã có trang “Chỉ tiêu 2026”, nên không ghi đè (có thể đã có số liệu năm sau). Đổi tên hoặc xóa trang đó rồi làm lại; chưa có gì bị thay đổi.");
    expect(syncs(fake)).toBe(1);
    expect(fake.state.cell("Chỉ tiêu 2026", at("4", "actual")).value).toBe(12);
  });

  test("next year's sheets are the core's model with the year on its names, cell for cell (6 months)", async () => {
    const fake = createFakeExcel();
    await fake.run((c) => loadPlan(c, { plan: HP, ...LOAD_REQUEST }, FEATURES));
    expect((await fake.run((c) => makeNextYear(c, { plan: "same", year: 2026, period: "6-thang", lang: "vi" }, FEATURES))).ok).toBe(true);
    const plan = samePlanNextYear(HP, 2026);
    const headerNote = nextYearCarry(HP, [], plan).headerNote;
    const expected = withYearSuffix(buildFillInWorkbook(plan, { unit: LOAD_REQUEST.unit, year: 2026, issuer: null, settings: defaultSettings(2026, { period: "6-thang" }), headerNote, lang: "vi" }), 2026);
    for (const sheet of expected.sheets) expect(gridMismatches(fake.state, sheet)).toEqual([]);
    expect(fake.state.grid("Chỉ tiêu 2026")[expected.sheets[0].table!.headerRow]).toContain("Thực hiện 6 tháng đầu năm 2026");
  });
});
