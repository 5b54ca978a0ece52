// The sidebar (the shared UI of ui/ with the Sheets port, one HTML file) in headless Chromium, with
// google.script.run answered by the real server functions running in Node (the built Code.js in
// the vm sandbox with the fakes), at 320 and 450 px: load → type → check → fix → summary, a
// screenshot per step (test-artifacts/ui/sheets-<width>-<step>.png), no sideways scroll, every
// control reachable by Tab. No network request is made. The harness is test/gas/sidebar-harness.ts.
import { sidebarStartKB } from "../../gas-addon/scripts/build";
import { a1Of } from "../fakes/gas/spreadsheet";
import { describeWithEngine } from "../support/engines";
import { currentStep, horizontalOverflow, shot, spareVerticalScroll, tabsAnswerArrows, unreachable, WIDTHS } from "../ui/pane-checks";
import { columnOf, FILL_IN, rowOfCode, sandbox, userTypes } from "./support";
import { useSidebar } from "./sidebar-harness";

describeWithEngine(["chromium"], "the Sheets sidebar in Chromium (shared UI, Sheets port)", () => {
  const harness = useSidebar();

  for (const width of WIDTHS) {
    test(`${width} px: load → type → check → fix → summary`, async () => {
      const box = sandbox(harness.built);
      const { page, requests } = await harness.openSidebar(width, { box });
      await page.locator("[data-testid=plan] option[value='dong-hai-2025']").waitFor({ state: "attached" });
      expect(await page.locator("[data-testid=plan] option[value='dong-hai-2025']").textContent()).toBe("UBND phường Đông Hải — 2025 (30 chỉ tiêu)");
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      expect(await spareVerticalScroll(page)).toBeLessThanOrEqual(0);
      expect(await tabsAnswerArrows(page)).toEqual({ oneLine: true, moved: "enter" });
      expect(await unreachable(page)).toEqual([]);
      await shot(page, "sheets", width, "1-load");

      // The review of pasted text: editable, headed, decimal comma, comparators in words, the span.
      await page.getByTestId("source").selectOption("text");
      await page.getByTestId("paste").fill("KẾ HOẠCH\nI. CHỈ TIÊU KINH TẾ\n1. Tốc độ tăng trưởng kinh tế đạt 8%.\n2. Thu ngân sách đạt 1.200,5 tỷ đồng.\n3. Tỷ lệ hộ nghèo dưới 1,5%.");
      await page.getByTestId("read-text").click();
      await page.getByTestId("review").waitFor();
      const budget = page.locator("[data-testid=review-row][data-code='2']");
      expect(await budget.locator("[data-field=target]").inputValue()).toBe("1.200,5");
      expect(await page.locator("[data-testid=review-row][data-code='3'] [data-field=target]").inputValue()).toBe("1,5");
      expect(await page.locator("[data-testid=review-row][data-code='3'] [data-field=comparator] option:checked").textContent()).toBe("< (dưới)");
      expect(await budget.getByTestId("span").textContent()).toContain("Thu ngân sách");
      expect((await budget.locator("[data-field=name]").boundingBox())!.width).toBeGreaterThan(width * 0.6);
      await budget.locator("[data-field=name]").fill("Thu ngân sách nhà nước");
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      await shot(page, "sheets", width, "2-review");
      // Kept across tab switches (no full redraw).
      await page.locator('[data-tab="check"]').click();
      await page.locator('[data-tab="load"]').click();
      expect(await budget.locator("[data-field=name]").inputValue()).toBe("Thu ngân sách nhà nước");
      // "Nothing found" clears the list.
      await page.getByTestId("paste").fill("Không có gì.");
      await page.getByTestId("read-text").click();
      await page.getByTestId("review").waitFor({ state: "detached" });

      await page.getByTestId("source").selectOption("builtin");
      await page.getByTestId("plan").selectOption("dong-hai-2025");
      expect(await page.getByTestId("year").inputValue()).toBe("2025");
      await page.getByTestId("unit").fill("Phường Đông Hải");
      await page.getByTestId("load").click();
      await page.getByTestId("load-notice").waitFor();
      expect(await page.getByTestId("load-notice").textContent()).toContain("Đã nạp");
      expect(await page.getByTestId("loaded").textContent()).toContain("UBND phường Đông Hải — 2025 · Phường Đông Hải");
      expect(await currentStep(page)).toBe("enter");
      await shot(page, "sheets", width, "3-loaded");

      const sheet = box.world.active.sheet(FILL_IN);
      const row = rowOfCode(sheet, "1");
      const cell = a1Of(row, columnOf("actual"));
      userTypes(sheet, row, columnOf("actual"), "1.234,5");

      await page.locator('[data-tab="check"]').click();
      await page.getByTestId("check").click();
      await page.locator(`[data-testid=findings] li[data-cell='${cell}']`).first().waitFor();
      const blanks = await page.locator("[data-testid=findings] li[data-rule=blank]").count();
      expect(blanks).toBeLessThanOrEqual(3);
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      expect(await unreachable(page)).toEqual([]);
      await shot(page, "sheets", width, "4-check");

      // Findings are reachable with Tab and Enter selects the cell.
      await page.locator(`[data-testid=findings] li[data-cell='${cell}'][data-rule=number-as-text] [data-goto]`).focus();
      await page.keyboard.press("Enter");
      await page.waitForFunction(() => true);
      for (let i = 0; i < 100 && box.world.active.activeRange?.getA1Notation() !== cell; i++) await new Promise((r) => setTimeout(r, 10));
      expect(box.world.active.activeRange?.getA1Notation()).toBe(cell);

      await page.locator(`[data-testid=findings] li[data-cell='${cell}'][data-rule=number-as-text] [data-testid=fix]`).click();
      await page.getByTestId("fix-notice").waitFor();
      expect(await page.getByTestId("fix-notice").textContent()).toContain(cell);
      expect(await page.getByTestId("fix-notice").textContent()).toContain("1.234,5");
      expect(sheet.peek(row, columnOf("actual")).value).toBe(1234.5);
      await page.locator(`[data-testid=findings] li[data-cell='${cell}'][data-rule=number-as-text]`).waitFor({ state: "detached" });
      // The focus stayed in the list (no full redraw).
      await page.waitForFunction(() => document.activeElement?.closest("[data-testid=findings]") !== null);

      // Sheets now has what only Excel had: the override from a finding, the dashboard, the settings.
      const blankLine = page.locator("[data-testid=findings] li[data-rule=number-as-text], [data-testid=findings] li[data-code]:not([data-code=''])").first();
      await blankLine.getByTestId("open-override").click();
      const form = blankLine.getByTestId("override-form");
      await form.getByTestId("override-status").selectOption("Đạt");
      await form.getByTestId("override-reason").fill("Theo báo cáo của phòng Kinh tế");
      await form.getByTestId("override-apply").click();
      await form.getByTestId("override-notice").waitFor();
      expect(await form.getByTestId("override-notice").getAttribute("role")).toBe("status");
      await page.locator('[data-tab="dashboard"]').click();
      await page.getByTestId("dashboard-counts").waitFor();
      expect(await page.locator("[data-testid=dashboard-counts] button[data-status=near-miss]").textContent()).toContain("Gần đạt");
      await page.locator("[data-testid=dashboard-counts] button[data-status='Chưa có số liệu']").click();
      await page.getByTestId("dashboard-list").waitFor();
      expect(await page.locator("[data-testid=dashboard-list] li").count()).toBeGreaterThan(5);
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      await shot(page, "sheets", width, "4b-dashboard");

      await page.locator('[data-tab="settings"]').click();
      await page.getByTestId("amber").waitFor();
      await page.waitForFunction(() => (document.querySelector("[data-testid=amber]") as HTMLInputElement | null)?.value === "90");
      await page.getByTestId("amber").fill("85");
      await page.getByTestId("settings-dirty").waitFor();
      await page.getByTestId("settings-save").click();
      await page.getByTestId("settings-notice").waitFor();
      expect(await page.getByTestId("settings-notice").getAttribute("role")).toBe("status");
      await page.getByTestId("settings-dirty").waitFor({ state: "detached" });

      await page.locator('[data-tab="summary"]').click();
      await page.getByTestId("summary").click();
      await page.getByTestId("sentence").waitFor();
      expect(await page.getByTestId("sentence").textContent()).toMatch(/^Có \d+\/\d+ chỉ tiêu đạt và vượt/);
      await page.getByTestId("copy").click();
      await page.getByTestId("copy-notice").waitFor();
      expect(await currentStep(page)).toBe("summary");
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      await shot(page, "sheets", width, "5-summary");

      await page.locator('[data-tab="settings"]').click();
      await page.getByTestId("lang").selectOption("en");
      expect(await page.locator("#tab-check").textContent()).toBe("Check");
      await shot(page, "sheets", width, "6-settings");
      expect(requests).toEqual([]);
      await page.close();
    }, 180000);
  }

  test("a server refusal is one message under its button, and the sidebar stays usable", async () => {
    const box = sandbox(harness.built);
    const { page } = await harness.openSidebar(300, { box });
    await page.locator("[data-testid=plan] option").first().waitFor({ state: "attached" });
    await page.getByTestId("unit").fill("");
    await page.getByTestId("load").click();
    await page.getByTestId("load-notice").waitFor();
    expect(await page.getByTestId("load-notice").textContent()).toMatch(/^[^\n]*tên đơn vị báo cáo[^\n]*\.$/);
    expect(await page.getByTestId("load").isEnabled()).toBe(true);
    await page.close();
  });

  test("loading another plan over typed figures asks first, beside the button, and nothing is written until the clerk agrees", async () => {
    const box = sandbox(harness.built);
    const { page } = await harness.openSidebar(320, { box });
    await page.locator("[data-testid=plan] option[value='dong-hai-2025']").waitFor({ state: "attached" });
    await page.getByTestId("plan").selectOption("dong-hai-2025");
    await page.getByTestId("unit").fill("Phường Đông Hải");
    await page.getByTestId("load").click();
    await page.getByTestId("load-notice").waitFor();
    const sheet = box.world.active.sheet(FILL_IN);
    for (const code of ["1", "2", "3"]) userTypes(sheet, rowOfCode(sheet, code), columnOf("actual"), 40 + Number(code));
    const before = (box.world.active.getSheets() as { getName(): string }[]).map((s) => s.getName());
    // The loaded plan is preselected; the clerk picks another.
    expect(await page.getByTestId("plan").inputValue()).toBe("dong-hai-2025");
    await page.getByTestId("plan").selectOption("do-son-2025");
    await page.getByTestId("load").click();
    await page.getByTestId("confirm").waitFor();
    expect(await page.locator("[data-testid=confirm] li").count()).toBeGreaterThan(0);
    expect((box.world.active.getSheets() as { getName(): string }[]).map((s) => s.getName())).toEqual(before);
    await shot(page, "sheets", 320, "3b-reload-question");
    await page.getByTestId("confirm-yes").click();
    await page.getByTestId("confirm").waitFor({ state: "detached" });
    await page.getByTestId("load-notice").waitFor();
    expect(box.world.active.getSheets().length).toBeGreaterThan(before.length);
    await page.close();
  }, 120000);

  test("a busy button shows a spinner, keeps the focus, and ignores a second press", async () => {
    const box = sandbox(harness.built);
    const { page } = await harness.openSidebar(320, { box, slow: ["checkFigures"] });
    await page.locator("[data-testid=plan] option").first().waitFor({ state: "attached" });
    await page.getByTestId("unit").fill("Phường Đông Hải");
    await page.getByTestId("load").click();
    await page.getByTestId("load-notice").waitFor();
    await page.locator('[data-tab="check"]').click();
    await page.getByTestId("check").focus();
    await page.keyboard.press("Enter");
    await page.locator("[data-testid=check][aria-busy=true] [role=progressbar]").waitFor();
    expect(await page.evaluate(() => document.activeElement?.getAttribute("data-testid"))).toBe("check");
    await page.keyboard.press("Enter");
    await page.getByTestId("check-counts").waitFor();
    expect(await page.locator("[data-testid=check][aria-busy=true]").count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.getAttribute("data-testid"))).toBe("check");
    await page.close();
  }, 60000);

  test("the summary warns first when errors are left, and leads to them", async () => {
    const box = sandbox(harness.built);
    const { page } = await harness.openSidebar(320, { box });
    await page.locator("[data-testid=plan] option").first().waitFor({ state: "attached" });
    await page.getByTestId("plan").selectOption("dong-hai-2025");
    await page.getByTestId("unit").fill("Phường Đông Hải");
    await page.getByTestId("load").click();
    await page.getByTestId("load-notice").waitFor();
    const sheet = box.world.active.sheet(FILL_IN);
    userTypes(sheet, rowOfCode(sheet, "1"), columnOf("actual"), -5);
    const before = (box.world.active.getSheets() as { getName(): string }[]).length;
    await page.locator('[data-tab="summary"]').click();
    await page.getByTestId("summary").click();
    await page.getByTestId("summary-warning").waitFor();
    expect(await page.getByTestId("summary-warning").textContent()).toMatch(/Còn \d+ lỗi chưa sửa/);
    expect((box.world.active.getSheets() as unknown[]).length).toBe(before);
    await shot(page, "sheets", 320, "5b-summary-warning");
    await page.getByTestId("summary-go-check").click();
    await page.locator("#tab-check[aria-selected=true]").waitFor();
    await page.close();
  }, 60000);

  test("the menu's start tab opens that tab and runs its command", async () => {
    const box = sandbox(harness.built);
    const { page } = await harness.openSidebar(320, { box, start: "check" });
    await page.locator("#tab-check[aria-selected=true]").waitFor();
    await page.getByTestId("check-notice").waitFor();
    expect(await page.getByTestId("check-notice").textContent()).not.toMatch(/Error|Exception|undefined/);
    await page.close();
  });

  test("without google.script.run the sidebar says so in plain words and points to the .xlsx template", async () => {
    const { page } = await harness.openSidebar(320, { box: null });
    await page.getByText("google.script.run").first().waitFor();
    const said = (await page.locator(".boot-failed").textContent()) ?? "";
    expect(said).toContain(".xlsx");
    expect(await page.locator(".boot-failed").isVisible()).toBe(true);
    await shot(page, "sheets", 320, "0-cannot-start");
    await page.close();
  });

  test("the sidebar's start weight stays under 150 KB gzipped", async () => {
    expect(await sidebarStartKB()).toBeLessThanOrEqual(150);
  });
});
