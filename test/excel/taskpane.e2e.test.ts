// The built task pane (the shared UI of ui/ with the Excel port) in headless Chromium against the
// fake Excel, at 320 and 450 px: load → type → check → fix → override → summary → dashboard →
// settings, with a screenshot per step (test-artifacts/ui/excel-<width>-<step>.png), no sideways
// scroll, every control reachable by Tab, and each clerk point of issue 12 pinned. Office.js is the
// npm copy served at the CDN's address; every request is recorded and none may leave 127.0.0.1.
import type { Page } from "playwright-core";
import { findBuiltInPlan } from "../../shared/catalog";
import { describeWithEngine } from "../support/engines";
import { currentStep, horizontalOverflow, shot, spareVerticalScroll, tabsAnswerArrows, unreachable, WIDTHS } from "../ui/pane-checks";
import { CDN_BASE, startPane, type OpenPaneOptions, type PaneHarness } from "./pane-harness";

const OFFICE_TELEMETRY = "https://telemetryservice.firstpartyapps.oaspapps.com/";
let pane: PaneHarness;

describeWithEngine(["chromium"], "the task pane in Chromium (shared UI, Excel port)", () => {
beforeAll(async () => {
  pane = await startPane("taskpane-");
}, 120000);

afterAll(async () => {
  await pane?.stop();
});

/** A fresh page on the pane (the harness's), with every Content-Security-Policy violation kept. */
function openPane(path: string, width = 380, options: Pick<OpenPaneOptions, "fake" | "officeJs"> = {}): Promise<Page> {
  return pane.openPane(width, { ...options, path, recordCspViolations: true });
}

const PASTED = "KẾ HOẠCH\nI. CHỈ TIÊU KINH TẾ\n1. Tốc độ tăng trưởng kinh tế đạt 8%.\n2. Thu ngân sách đạt 1.200,5 tỷ đồng, tăng 10% so với năm 2024.\n3. Tỷ lệ hộ nghèo giảm 0,5%.\n4. Phấn đấu có khoảng 3 mô hình mới";

const fakeState = (page: Page) => page.evaluate(() => window.__CHITIEU_FAKE_STATE__!.sheetNames());

for (const width of WIDTHS) {
  test(`${width} px: load → type → check → fix → override → summary → dashboard → settings`, async () => {
    const page = await openPane("/taskpane.html", width);
    await page.getByTestId("load").waitFor({ timeout: 30000 });
    await page.locator("[data-testid=plan] option").first().waitFor({ state: "attached" });

    // Plans named by issuer and year, the year following the plan.
    const options = await page.locator("[data-testid=plan] option").allTextContents();
    expect(options).toHaveLength(5);
    expect(options).toContain("UBND phường Đông Hải — 2025 (30 chỉ tiêu)");
    expect(new Set(options).size).toBe(5);
    expect(await currentStep(page)).toBe("load");
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    expect(await spareVerticalScroll(page)).toBeLessThanOrEqual(0);
    expect(await tabsAnswerArrows(page)).toEqual({ oneLine: true, moved: "enter" });
    expect(await unreachable(page)).toEqual([]);
    await shot(page, "excel", width, "1-load");

    // Pasted text: a review usable at this width, comparators in words, decimal comma; the form
    // keeps all of it across a tab switch.
    await page.getByTestId("source").selectOption("text");
    await page.getByTestId("paste").fill(PASTED);
    await page.getByTestId("read-text").click();
    await page.getByTestId("review").waitFor();
    const budget = page.locator("[data-testid=review-row][data-code='2']");
    expect(await budget.locator("[data-field=target]").inputValue()).toBe("1.200,5");
    expect(await budget.locator("[data-field=comparator] option:checked").textContent()).toBe("≥ (đạt trở lên)");
    expect(await page.locator("[data-testid=review-row][data-code='3'] [data-field=comparator] option:checked").textContent()).toBe("giảm");
    expect((await budget.locator("[data-field=name]").boundingBox())!.width).toBeGreaterThan(width * 0.6);
    expect(await budget.getByTestId("span").textContent()).toContain("Thu ngân sách đạt 1.200,5 tỷ đồng");
    // A click on the source line shows that span in the pasted text (selected in the box).
    await budget.getByTestId("span").click();
    const selected = await page.getByTestId("paste").evaluate((box: HTMLTextAreaElement) => box.value.slice(box.selectionStart, box.selectionEnd));
    expect(selected).toContain("1.200,5 tỷ đồng");
    expect(PASTED).toContain(selected);
    // The text's second target for the same indicator is shown, not offered as the target.
    expect(await budget.getByTestId("secondary").textContent()).toContain("tăng 10 %");
    expect(await page.locator("[data-testid=review] [role=columnheader], [data-testid=review] span").first().textContent()).toBe("Mã");
    await budget.locator("[data-field=target]").fill("1.300");
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await shot(page, "excel", width, "2-review");
    await page.locator('[data-tab="summary"]').click();
    await page.locator('[data-tab="load"]').click();
    expect(await page.getByTestId("paste").inputValue()).toBe(PASTED);
    expect(await budget.locator("[data-field=target]").inputValue()).toBe("1.300");
    // "Nothing found" clears the old list, so it cannot be loaded by mistake.
    await page.getByTestId("paste").fill("Văn bản không có chỉ tiêu nào.");
    await page.getByTestId("read-text").click();
    await page.getByTestId("read-notice").waitFor();
    expect(await page.getByTestId("review").count()).toBe(0);

    // Back to the built-in plan: its choice was kept too.
    await page.getByTestId("source").selectOption("builtin");
    await page.getByTestId("plan").selectOption("dong-hai-2025");
    expect(await page.getByTestId("year").inputValue()).toBe("2025");
    await page.getByTestId("unit").fill("Phường Đông Hải");
    await page.getByTestId("load").click();
    await page.getByTestId("load-notice").waitFor();
    expect(await page.getByTestId("load-notice").textContent()).toContain("Đã nạp 30 chỉ tiêu");
    expect(await page.getByTestId("loaded").textContent()).toContain("Phường Đông Hải");
    expect(await currentStep(page)).toBe("enter");
    expect(await fakeState(page)).toEqual(expect.arrayContaining(["Chỉ tiêu"]));
    await shot(page, "excel", width, "3-loaded");

    // The clerk types: two numbers as text, the rest blank.
    const plan = findBuiltInPlan("dong-hai-2025")!;
    const typed = await page.evaluate((p) => {
      const s = window.__CHITIEU_FAKE_STATE__!;
      const one = s.cellOf(p, "1", "actual")!;
      const two = s.cellOf(p, "2", "actual")!;
      s.typeIn("Chỉ tiêu", one, "12,8");
      s.typeIn("Chỉ tiêu", two, "7,5");
      return { one, two };
    }, plan);

    await page.locator('[data-tab="check"]').click();
    await page.getByTestId("check").click();
    await page.getByTestId("findings").waitFor();
    // Blanks grouped per section: far fewer lines than blank cells.
    const blankLines = page.locator("[data-testid=findings] li[data-rule=blank]");
    const counts = (await blankLines.evaluateAll((lis) => lis.map((li) => Number(li.getAttribute("data-count")))));
    expect(counts.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(20);
    expect(counts.length).toBeLessThanOrEqual(6);
    // Errors before warnings.
    const severities = await page.locator("[data-testid=findings] > li").evaluateAll((lis) => lis.map((li) => li.className));
    expect(severities.length).toBeGreaterThan(0);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    expect(await unreachable(page)).toEqual([]);
    expect(await page.getByTestId("fix-all").textContent()).toContain("2");
    await shot(page, "excel", width, "4-check");

    // One fix: the number is written, the list is checked again, the focus stays in the list, the
    // message is in view.
    await page.locator(`li[data-rule="number-as-text"][data-cell="${typed.one}"] [data-testid=fix]`).click();
    await page.getByTestId("fix-notice").waitFor();
    expect(await page.evaluate((cell) => window.__CHITIEU_FAKE_STATE__!.value("Chỉ tiêu", cell), typed.one)).toBe(12.8);
    await page.locator(`li[data-rule="number-as-text"][data-cell="${typed.one}"]`).waitFor({ state: "detached" });
    expect(await page.getByTestId("fix-notice").isVisible()).toBe(true);
    await page.waitForFunction(() => document.activeElement?.closest("[data-testid=findings]") !== null);

    // A click on a finding selects its cell.
    await page.locator(`li[data-rule="number-as-text"][data-cell="${typed.two}"] [data-goto]`).click();
    await page.waitForFunction((cell) => window.__CHITIEU_FAKE_STATE__!.selection()?.address === cell, typed.two);

    // Override offered from the finding; its answer under its own button.
    const finding = page.locator(`li[data-rule="number-as-text"][data-cell="${typed.two}"]`);
    await finding.getByTestId("open-override").click();
    const form = finding.getByTestId("override-form");
    await form.getByTestId("override-status").selectOption("Đạt");
    await form.getByTestId("override-reason").fill("Số liệu của Chi cục Thống kê");
    await form.getByTestId("override-apply").click();
    await form.getByTestId("override-notice").waitFor();
    expect(await form.getByTestId("override-notice").textContent()).toContain("Đạt");
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await shot(page, "excel", width, "5-override");

    // Override for the selected row.
    const rowCell = await page.evaluate((p) => window.__CHITIEU_FAKE_STATE__!.cellOf(p, "3", "actual")!, plan);
    await page.evaluate((cell) => (window.__CHITIEU_FAKE_STATE__!.state.selection = { sheet: "Chỉ tiêu", address: cell }), rowCell);
    const general = page.locator("[data-testid=panel-check], #panel-check").getByTestId("override-form").last();
    await general.getByTestId("override-pick").click();
    await page.waitForFunction(() => document.querySelector("[data-testid=override-pick][aria-busy]") === null);
    expect(await general.getByTestId("override-pick-notice").allTextContents()).toEqual([]);
    await page.waitForFunction(() => [...document.querySelectorAll<HTMLInputElement>("[data-testid=override-code]")].some((i) => i.value === "3"));

    // Summary: a warning first if errors are left; the sentence with a copy button.
    await page.locator('[data-tab="summary"]').click();
    await page.getByTestId("summary").click();
    await page.locator("[data-testid=summary-warning], [data-testid=summary-result]").first().waitFor();
    if (await page.getByTestId("summary-warning").count()) await page.getByTestId("summary-anyway").click();
    await page.getByTestId("sentence").waitFor();
    expect(await page.getByTestId("sentence").textContent()).toMatch(/^Có \d+\/\d+ chỉ tiêu/);
    await page.getByTestId("copy").click();
    await page.getByTestId("copy-notice").waitFor();
    expect(await currentStep(page)).toBe("summary");
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await shot(page, "excel", width, "6-summary");

    // Dashboard: a "Gần đạt" tile; tiles are buttons that list their indicators.
    await page.locator('[data-tab="dashboard"]').click();
    await page.getByTestId("dashboard-counts").waitFor();
    expect(await page.locator("[data-testid=dashboard-counts] button").allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining("Gần đạt")]));
    await page.locator("[data-testid=dashboard-counts] button[data-status='Chưa có số liệu']").click();
    await page.getByTestId("dashboard-list").waitFor();
    expect(await page.locator("[data-testid=dashboard-list] li").count()).toBeGreaterThan(10);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await shot(page, "excel", width, "7-dashboard");

    // Settings: what applies now and what on Save, said apart.
    await page.locator('[data-tab="settings"]').click();
    await page.getByTestId("settings-save").waitFor();
    expect(await page.locator("#panel-settings legend").allTextContents()).toEqual(["Áp dụng ngay", expect.stringContaining("Áp dụng khi bấm Lưu")]);
    await page.getByTestId("amber").fill("85");
    await page.getByTestId("settings-dirty").waitFor();
    await page.getByTestId("settings-save").click();
    await page.getByTestId("settings-notice").waitFor();
    expect(await unreachable(page)).toEqual([]);
    await shot(page, "excel", width, "8-settings");
    await page.getByTestId("lang").selectOption("en");
    await page.locator('[data-tab="load"]', { hasText: "Load" }).waitFor();

    // Every command kept to three requests.
    for (const syncs of await page.evaluate(() => window.__CHITIEU_FAKE_STATE__!.syncCounts())) expect(syncs).toBeLessThanOrEqual(3);
    expect(pane.pageErrors).toEqual([]);
    const outside = pane.requests.filter((url) => !url.startsWith(pane.origin) && !url.startsWith(CDN_BASE) && !url.startsWith("data:"));
    expect(outside.filter((url) => !url.startsWith(OFFICE_TELEMETRY))).toEqual([]);
    expect(pane.blocked.filter((url) => !url.startsWith(OFFICE_TELEMETRY))).toEqual([]);
    const violations = await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);
    expect(violations.filter((v) => !v.includes(new URL(OFFICE_TELEMETRY).host))).toEqual([]);
    await page.context().close();
  }, 180000);
}

test("a pane whose Office.js never loads says so in plain words and points to the .xlsx template", async () => {
  const page = await openPane("/taskpane.html", 320, { fake: false, officeJs: false });
  await page.getByTestId("start-error").waitFor({ timeout: 30000 });
  const said = (await page.getByTestId("start-error").textContent()) ?? "";
  expect(said).toContain(".xlsx");
  expect(said).not.toMatch(/ExcelApi|README|undefined/);
  await shot(page, "excel", 320, "0-cannot-start");
  await page.context().close();
}, 60000);

test("a pane that never renders is replaced by the watchdog's message", async () => {
  const page = await openPane("/taskpane.html?legacy", 320, { fake: false });
  await page.addInitScript(() => ((window as unknown as { __CHITIEU_START_TIMEOUT__: number }).__CHITIEU_START_TIMEOUT__ = 300));
  // The bundles are refused: only the watchdog runs.
  await page.route("**/taskpane-legacy.js", (route) => route.abort());
  await page.reload();
  await page.getByTestId("start-failure").waitFor({ timeout: 30000 });
  expect(await page.getByTestId("start-failure").textContent()).toContain("biểu mẫu Excel (.xlsx)");
  await page.context().close();
}, 60000);

test("the one-file build (for web views without dynamic import, e.g. EdgeHTML) loads and checks too", async () => {
  const before = pane.requests.length;
  const legacy = await openPane("/taskpane.html?legacy");
  await legacy.getByTestId("load").waitFor({ timeout: 30000 });
  expect(await legacy.evaluate(() => (window as unknown as { __CHITIEU_STARTED__?: string }).__CHITIEU_STARTED__)).toBe("legacy");
  await legacy.locator("[data-testid=plan] option").first().waitFor({ state: "attached" });
  await legacy.getByTestId("unit").fill("Phường Đông Hải");
  await legacy.getByTestId("load").click();
  await legacy.getByTestId("load-notice").waitFor();
  await legacy.locator('[data-tab="check"]').click();
  await legacy.getByTestId("check").click();
  await legacy.getByTestId("findings").waitFor();
  const loaded = pane.requests.slice(before).filter((url) => url.startsWith(pane.origin)).map((url) => new URL(url).pathname);
  expect(loaded).toContain("/taskpane-legacy.js");
  expect(loaded.filter((path) => path === "/taskpane.js" || path.startsWith("/chunks/"))).toEqual([]);
  expect(pane.pageErrors).toEqual([]);
  await legacy.context().close();
}, 120000);
});
