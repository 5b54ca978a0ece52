// Sheets keeps a consolidation between its runs in the document properties, where Apps Script allows
// 500 KB in all, and the loaded plan is kept there too: a plan of 3,000 indicators alone takes
// ~480 KB. What is stored (the plan, the settings, the job) is what must fit. When it cannot, the
// user gets one plain message with the way forward (the CLI's `chitieu summary`, or a smaller list),
// before anything is written, and the document's properties are left as they were.
import { buildToTemp, columnOf, FILL_IN, loadRequest, rowOfCode, run, sandbox, syntheticPlan, userTypes, type Built } from "./support";
import type { GasSandbox } from "../fakes/gas/sandbox";

let built: Built;
beforeAll(async () => {
  built = await buildToTemp();
}, 120_000);

/** A consolidating spreadsheet on a plan of `size` indicators, and `units` units' spreadsheets filled in on it. */
function consolidation(size: number, units: number): { parent: GasSandbox; urls: string[] } {
  const plan = syntheticPlan(size);
  const request = { ...loadRequest("x"), source: { kind: "reviewed", plan } };
  const parent = sandbox(built, "consolidation");
  const urls: string[] = [];
  for (let i = 0; i < units; i++) {
    const name = `Đơn vị ${i + 1}`;
    const unit = sandbox(built, "standard", { activeId: `unit-${size}-${i + 1}`, activeName: name });
    const loaded = run(unit, "loadPlan", { ...request, unit: name });
    if (!loaded.ok) throw new Error(`unit ${name}: ${loaded.message}`);
    const sheet = unit.world.active.sheet(FILL_IN);
    for (const ind of plan.indicators.slice(0, 5)) if (ind.comparator !== "boolean") userTypes(sheet, rowOfCode(sheet, ind.code), columnOf("actual"), 100 + i);
    parent.world.byUrl.set(unit.world.active.url, unit.world.active);
    urls.push(unit.world.active.url);
  }
  const loaded = run(parent, "loadPlan", { ...request, unit: "UBND cấp trên" });
  if (!loaded.ok) throw new Error(`parent: ${loaded.message}`);
  return { parent, urls };
}

const stored = (box: GasSandbox) => JSON.stringify(box.world.documentProperties.getProperties());

describe("Sheets: a consolidation whose stored plan and job do not fit the document properties", () => {
  test("a 3,000-indicator plan: one plain message naming the size and the next step, nothing stored, the sheet not touched", () => {
    const { parent, urls } = consolidation(3000, 3);
    // Each unit takes two minutes to open: the run must stop after two and keep the job for "Tiếp tục".
    parent.world.openCostMs = 2 * 60 * 1000;
    const before = stored(parent);
    const sheetsBefore = parent.world.active.getSheets().map((s) => (s as { getName(): string }).getName());
    const vi = run(parent, "startConsolidation", urls, "vi", { expected: null, deadline: null });
    expect(vi.ok).toBe(false);
    expect(vi.message).toMatch(/^Không giữ được lượt tổng hợp giữa các lần chạy: kế hoạch đã lưu và lượt tổng hợp cần \d+ KB, quá 500 KB Google Trang tính cho phép mỗi bảng tính\. /);
    expect(vi.message).toContain("chitieu summary");
    expect(vi.message).not.toMatch(/Exception|quota|báo lỗi/);
    expect(stored(parent)).toBe(before);
    expect(parent.world.active.getSheets().map((s) => (s as { getName(): string }).getName())).toEqual(sheetsBefore);
    // Nothing half-kept: "Tiếp tục" has no job to go on with.
    expect(run(parent, "continueConsolidation", "vi")).toEqual({ ok: false, message: "Không có lượt tổng hợp nào đang dở." });
    const en = run(parent, "startConsolidation", urls, "en", { expected: null, deadline: null });
    expect(en.ok).toBe(false);
    expect(en.message).toMatch(/^The consolidation cannot be kept between runs: the stored plan and the consolidation need \d+ KB, over the 500 KB Google Sheets allows per spreadsheet\. /);
    expect(en.message).toContain("chitieu summary");
    expect(stored(parent)).toBe(before);

    // Read in one run, nothing is kept between runs: the same plan is consolidated (the sheets'
    // fingerprints that do not fit next to the plan are dropped, not reported as a failure).
    parent.world.openCostMs = 1000;
    const once = run<{ finished: boolean; units: number; sheet: string }>(parent, "startConsolidation", urls, "vi", { expected: null, deadline: null });
    expect([once.ok, once.finished, once.units]).toEqual([true, true, 3]);
    expect(parent.world.active.getSheetByName(once.sheet)).toBeTruthy();
  }, 300_000);

  test("the same plan at 300 indicators: kept between runs and finished", () => {
    const { parent, urls } = consolidation(300, 3);
    parent.world.openCostMs = 2 * 60 * 1000;
    const first = run<{ finished: boolean; done: number }>(parent, "startConsolidation", urls, "vi", { expected: null, deadline: null });
    expect([first.ok, first.finished, first.done]).toEqual([true, false, 2]);
    const next = run<{ finished: boolean; units: number }>(parent, "continueConsolidation", "vi");
    expect([next.ok, next.finished, next.units]).toEqual([true, true, 3]);
  }, 300_000);
});
