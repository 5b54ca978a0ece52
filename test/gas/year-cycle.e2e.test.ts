// The year's cycle in the Sheets sidebar (shared UI, Sheets port) in headless Chromium, with
// google.script.run answered by the real server functions in Node (the built Code.js in the vm
// sandbox with the fakes), at 320 and 450 px: the period picker of the load step (9 tháng), the
// header and the sheet following it, then "Kế hoạch năm sau" inserting next year's sheets in the
// same spreadsheet. No sideways scroll, every control reachable by Tab, no network request.
// The harness is test/gas/sidebar-harness.ts.
import { describeWithEngine } from "../support/engines";
import { horizontalOverflow, shot, unreachable, WIDTHS } from "../ui/pane-checks";
import { columnOf, FILL_IN, rowOfCode, sandbox, userTypes } from "./support";
import { useSidebar } from "./sidebar-harness";

describeWithEngine(["chromium"], "the year's cycle in the Sheets sidebar (Chromium, Sheets port)", () => {
  const harness = useSidebar();

  for (const width of WIDTHS) {
    test(`${width} px: load at nine months, then next year's plan`, async () => {
      const box = sandbox(harness.built);
      const { page, requests } = await harness.openSidebar(width, { box });
      await page.locator("[data-testid=plan] option[value='dong-hai-2025']").waitFor({ state: "attached" });
      expect(await page.getByTestId("period").inputValue()).toBe("ca-nam");
      await page.getByTestId("plan").selectOption("dong-hai-2025");
      await page.getByTestId("unit").fill("Phường Đông Hải");
      await page.getByTestId("period").selectOption("9-thang");
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      expect(await unreachable(page)).toEqual([]);
      await shot(page, "sheets", width, "cycle-1-period");
      await page.getByTestId("load").click();
      await page.getByTestId("load-notice").waitFor();
      expect(await page.getByTestId("load-notice").textContent()).toContain("Đã nạp");
      expect(await page.getByTestId("loaded").textContent()).toContain("· 9 tháng đầu năm");
      const sheet = box.world.active.sheet(FILL_IN);
      const texts: string[] = [];
      for (let r = 0; r < 8; r++) for (let c = 0; c < 12; c++) if (typeof sheet.peek(r, c).value === "string") texts.push(sheet.peek(r, c).value as string);
      expect(texts.join(" ")).toContain("9 THÁNG ĐẦU NĂM 2025");
      const row = rowOfCode(sheet, "1");
      userTypes(sheet, row, columnOf("actual"), 9.5);

      await page.locator('[data-tab="summary"]').click();
      await page.getByTestId("next-year").waitFor();
      await page.getByTestId("next-source").selectOption("same");
      await page.getByTestId("next-period").selectOption("6-thang");
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      expect(await unreachable(page)).toEqual([]);
      await page.getByTestId("next-make").click();
      await page.getByTestId("next-notice").waitFor();
      expect(await page.getByTestId("next-notice").textContent()).toContain("Đã tạo kế hoạch năm 2026 trong trang “Chỉ tiêu 2026”: 1 chỉ tiêu có “Thực hiện năm trước”");
      const names = box.world.active.sheets.map((s) => s.name);
      expect(names).toEqual(expect.arrayContaining(["Chỉ tiêu", "Chỉ tiêu 2026", "Danh mục 2026"]));
      const next = box.world.active.sheet("Chỉ tiêu 2026");
      expect(next.peek(rowOfCode(next, "1"), columnOf("previous")).value).toBe(9.5);
      expect(sheet.peek(row, columnOf("actual")).value).toBe(9.5);
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      await page.getByTestId("next-year").scrollIntoViewIfNeeded();
      await shot(page, "sheets", width, "cycle-2-next-year");
      expect(requests).toEqual([]);
      await page.close();
    }, 90000);
  }
});
