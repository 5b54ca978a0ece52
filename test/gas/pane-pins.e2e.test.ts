// Clerk points of issue #12 that the Excel task pane's Chromium test pins and the Sheets sidebar's
// did not: "fix all" for numbers typed as text, the override for the row the cursor is on (Apps
// Script's getActiveRange in the fake), the blanks one line per plan section, and the settings that
// apply now said apart from those applied on Save. The shared UI with the Sheets port, in headless
// Chromium, google.script.run answered by the built Code.js in the vm sandbox (sidebar-harness.ts).
import { a1Of } from "../fakes/gas/spreadsheet";
import { describeWithEngine } from "../support/engines";
import { horizontalOverflow, shot } from "../ui/pane-checks";
import { columnOf, FILL_IN, rowOfCode, sandbox, userTypes } from "./support";
import { useSidebar } from "./sidebar-harness";

describeWithEngine(["chromium"], "the Sheets sidebar: fix all, the selected row, blanks per section, settings", () => {
  const harness = useSidebar();

  test("320 px, Nguyễn Lương Bằng: blanks per section, fix all, override of the selected row, settings", async () => {
    const box = sandbox(harness.built);
    const { page } = await harness.openSidebar(320, { box });
    await page.locator("[data-testid=plan] option[value='nguyen-luong-bang-2025']").waitFor({ state: "attached" });
    await page.getByTestId("plan").selectOption("nguyen-luong-bang-2025");
    await page.getByTestId("unit").fill("Phường Nguyễn Lương Bằng");
    await page.getByTestId("load").click();
    await page.getByTestId("load-notice").waitFor();

    // Two numbers typed as text.
    const sheet = box.world.active.sheet(FILL_IN);
    const leaves = ["1", "2", "3", "4", "5", "6", "7", "8"].filter((code) => {
      try {
        rowOfCode(sheet, code);
        return true;
      } catch {
        return false;
      }
    });
    const typed = leaves.slice(0, 2).map((code) => ({ code, row: rowOfCode(sheet, code) }));
    userTypes(sheet, typed[0]!.row, columnOf("actual"), "1.234,5");
    userTypes(sheet, typed[1]!.row, columnOf("actual"), "12,8");

    await page.locator('[data-tab="check"]').click();
    await page.getByTestId("check").click();
    await page.locator("[data-testid=findings] li[data-rule=number-as-text]").first().waitFor();

    // Blanks: one line per section, the named ones leading with the section (the plan has no headings:
    // an indicator with sub-items is a section).
    const blankLines = page.locator("[data-testid=findings] li[data-rule=blank]");
    const counts = await blankLines.evaluateAll((lis) => lis.map((li) => Number(li.getAttribute("data-count"))));
    expect(counts.length).toBeGreaterThan(1);
    expect(counts.length).toBeLessThan(counts.reduce((a, b) => a + b, 0) / 2);
    expect((await blankLines.allTextContents()).some((line) => /\d+\. .+: \d+ chỉ tiêu chưa nhập số liệu/.test(line))).toBe(true);
    await shot(page, "sheets", 320, "pins-1-blanks");

    // Fix all: both cells become numbers in one click; the list is checked again.
    expect(await page.getByTestId("fix-all").textContent()).toContain("2");
    await page.getByTestId("fix-all").click();
    await page.getByTestId("fix-notice").waitFor();
    expect(sheet.peek(typed[0]!.row, columnOf("actual")).value).toBe(1234.5);
    expect(sheet.peek(typed[1]!.row, columnOf("actual")).value).toBe(12.8);
    await page.locator("[data-testid=findings] li[data-rule=number-as-text]").first().waitFor({ state: "detached" });
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);

    // The override for the row the cursor is on: the clerk clicks a cell of code 3's row in Sheets.
    box.world.active._userSelects(FILL_IN, a1Of(rowOfCode(sheet, "3"), columnOf("note")));
    const general = page.locator("#panel-check").getByTestId("override-form").last();
    await general.getByTestId("override-pick").click();
    await page.waitForFunction(() => document.querySelector("[data-testid=override-pick][aria-busy]") === null);
    expect(await general.getByTestId("override-pick-notice").allTextContents()).toEqual([]);
    await page.waitForFunction(() => [...document.querySelectorAll<HTMLInputElement>("[data-testid=override-code]")].some((i) => i.value === "3"));
    await shot(page, "sheets", 320, "pins-2-selected-row");

    // Settings: what applies now and what on Save, said apart, as in Excel.
    await page.locator('[data-tab="settings"]').click();
    await page.getByTestId("settings-save").waitFor();
    expect(await page.locator("#panel-settings legend").allTextContents()).toEqual(["Áp dụng ngay", expect.stringContaining("Áp dụng khi bấm Lưu")]);
    await page.close();
  }, 180000);
});
