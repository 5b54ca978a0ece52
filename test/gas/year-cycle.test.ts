// The year's cycle in the Sheets add-on, through the bundle on the strict fake: the load request's
// period writes the template's titles, headers and progress formulas; "Kế hoạch năm sau" inserts
// next year's sheets in the same spreadsheet (the add-on's one scope, spreadsheets.currentonly),
// this year's sheet keeping every cell. At most two flushes per command.
import { findBuiltInPlan } from "../../shared/catalog";
import { defaultSettings } from "../../shared/model";
import { buildFillInWorkbook } from "../../shared/sheet/fill-in";
import type { FakeSheet } from "../fakes/gas/spreadsheet";
import { buildToTemp, loadRequest, run, sandbox, userTypes, withNamesResolved, type Built } from "./support";
import { readFileSync } from "node:fs";
import { join } from "node:path";

const HP = findBuiltInPlan("hai-phong-232-2025")!;
const UNIT = "thành phố Hải Phòng";
let built: Built;
beforeAll(async () => {
  built = await buildToTemp();
}, 120_000);

function layout(year: number, period: "ca-nam" | "6-thang" | "9-thang") {
  const model = buildFillInWorkbook(HP, { unit: UNIT, year, issuer: null, settings: defaultSettings(year, { period }), lang: "vi" });
  const sheet = model.sheets.find((s) => s.role === "fill-in")!;
  const table = sheet.table!;
  const at = (code: string, key: string) => ({ row: table.firstDataRow + table.rowCodes.indexOf(code), col: table.columns.findIndex((c) => c.key === key) });
  return { model, sheet, table, at };
}

function gridOf(sheet: FakeSheet): unknown[][] {
  const rows: unknown[][] = [];
  const { lastRow, lastCol } = sheet.extent();
  for (let r = 0; r < lastRow; r++) rows.push(Array.from({ length: lastCol }, (_, c) => sheet.peek(r, c).formula ?? sheet.peek(r, c).value ?? null));
  return rows;
}

describe.each(["6-thang", "9-thang"] as const)("load at %s", (period) => {
  test("title, headers and progress formulas as the template writes them; ≤ 2 flushes", () => {
    const box = sandbox(built);
    box.world.log.reset();
    const loaded = run(box, "loadPlan", { ...loadRequest(HP.id, UNIT, 2026), period });
    expect(loaded.ok).toBe(true);
    expect(box.world.log.flushes).toBeLessThanOrEqual(2);
    const { sheet: model } = layout(2026, period);
    const names = buildFillInWorkbook(HP, { unit: UNIT, year: 2026, issuer: null, settings: { period }, lang: "vi" }).sheets.flatMap((s) => s.names);
    const sheet = box.world.active.sheet("Chỉ tiêu");
    const differences: string[] = [];
    model.cells.forEach((row, r) =>
      row.forEach((cell, c) => {
        const got = sheet.peek(r, c);
        if (cell !== null && typeof cell === "object") {
          if (got.formula !== withNamesResolved(cell.formula, names, "Chỉ tiêu")) differences.push(`${r},${c}: ${got.formula}`);
        } else if ((cell ?? null) !== (got.value ?? null) && !(cell === "" && got.value === null)) differences.push(`${r},${c}: ${JSON.stringify(got.value)} ≠ ${JSON.stringify(cell)}`);
      }),
    );
    expect(differences).toEqual([]);
    const state = run<{ loaded: { period: string } }>(box, "getSidebarState");
    expect(state.loaded.period).toBe(period);
  });
});

describe("Kế hoạch năm sau", () => {
  test("next year's sheets in the same spreadsheet, this year's unchanged, ≤ 2 flushes; made again: refused", () => {
    const box = sandbox(built);
    run(box, "loadPlan", loadRequest(HP.id, UNIT, 2025));
    const sheet = box.world.active.sheet("Chỉ tiêu");
    const { at } = layout(2025, "ca-nam");
    const type = (code: string, key: string, value: string | number) => userTypes(sheet, at(code, key).row, at(code, key).col, value);
    type("4", "actual", 170000);
    type("5", "estimate", 300000);
    type("15", "actual", "95,5");
    const before = JSON.stringify(gridOf(sheet));

    box.world.log.reset();
    const made = run<{ sheet: string; carried: { code: string; value: number; source: string }[]; messages: string[] }>(box, "makeNextYear", { source: { kind: "same" }, year: 2026, lang: "vi" });
    if (!made.ok) throw new Error(made.message);
    expect(box.world.log.flushes).toBeLessThanOrEqual(2);
    expect(made.sheet).toBe("Chỉ tiêu 2026");
    expect(made.carried.map((c) => [c.code, c.value, c.source])).toEqual([
      ["4", 170000, "final"],
      ["5", 300000, "estimate"],
      ["15", 95.5, "final"],
    ]);
    expect(made.messages[0]).toBe("Đã tạo kế hoạch năm 2026 trong trang “Chỉ tiêu 2026”: 3 chỉ tiêu có “Thực hiện năm trước” (2 số chính thức, 1 số ước). Bảng năm 2025 giữ nguyên.");
    expect(JSON.stringify(gridOf(sheet))).toBe(before);

    const next = box.world.active.sheet("Chỉ tiêu 2026");
    const n = layout(2026, "ca-nam").at;
    expect(next.peek(n("4", "previous").row, n("4", "previous").col).value).toBe(170000);
    expect(next.peek(n("5", "previous").row, n("5", "previous").col).value).toBe(300000);
    expect(next.peek(n("4", "actual").row, n("4", "actual").col).value ?? null).toBeNull();
    expect(box.world.active.sheets.map((s) => s.name)).toEqual(expect.arrayContaining(["Chỉ tiêu", "Danh mục", "Chỉ tiêu 2026", "Danh mục 2026"]));
    // The check, the summary: still this year's sheet.
    const checked = run<{ findings: unknown[] }>(box, "checkFigures", "vi");
    expect(checked.ok).toBe(true);

    userTypes(next, n("4", "actual").row, n("4", "actual").col, 12);
    const again = run(box, "makeNextYear", { source: { kind: "same" }, year: 2026, lang: "vi" });
    expect(again.ok).toBe(false);
    expect(again.message).toBe("Bảng tính đã có trang “Chỉ tiêu 2026”, nên không ghi đè (có thể đã có số liệu năm sau). Đổi tên hoặc xóa trang đó rồi làm lại; chưa có gì bị thay đổi.");
    expect(next.peek(n("4", "actual").row, n("4", "actual").col).value).toBe(12);
  });

  test("the add-on keeps its one narrow scope: nothing new asked of the user", () => {
    const manifest = JSON.parse(readFileSync(join(__dirname, "../../gas-addon/appsscript.json"), "utf8")) as { oauthScopes: string[] };
    expect(manifest.oauthScopes).toEqual(["https://www.googleapis.com/auth/spreadsheets.currentonly", "https://www.googleapis.com/auth/script.container.ui"]);
  });
});
