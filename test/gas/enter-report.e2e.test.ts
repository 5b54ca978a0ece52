// "Dán báo cáo" in the Sheets sidebar (shared UI, Sheets port) in headless Chromium, google.script.run
// answered by the real server functions (the built Code.js in the vm sandbox with the fakes), at 320
// and 450 px: load → type a figure → paste a report → review → edit → write → the overwrite question
// (nothing written until answered) → the others written, the typed figure kept.
// No sideways scroll, every control reachable by Tab, no network request. The harness is
// sidebar-harness.ts.
import { a1Of } from "../fakes/gas/spreadsheet";
import { describeWithEngine } from "../support/engines";
import { horizontalOverflow, shot, unreachable, WIDTHS } from "../ui/pane-checks";
import { columnOf, FILL_IN, rowOfCode, sandbox, userTypes } from "./support";
import { useSidebar } from "./sidebar-harness";
import { REPORT, REPORT_PLAN_ID } from "../workflow/report-text";

describeWithEngine(["chromium"], "Dán báo cáo in the Sheets sidebar (shared UI, Sheets port)", () => {
  const harness = useSidebar();

  for (const width of WIDTHS) {
    test(`${width} px: paste → review → edit → write → overwrite question → written`, async () => {
      const box = sandbox(harness.built);
      const { page, requests, calls } = await harness.openSidebar(width, { box });
      await page.locator(`[data-testid=plan] option[value='${REPORT_PLAN_ID}']`).waitFor({ state: "attached" });
      await page.getByTestId("plan").selectOption(REPORT_PLAN_ID);
      await page.getByTestId("unit").fill("Phường Đông Hải");
      await page.getByTestId("load").click();
      await page.getByTestId("load-notice").waitFor();
      const sheet = box.world.active.sheet(FILL_IN);
      const col = columnOf("actual");
      const at = (code: string) => ({ row: rowOfCode(sheet, code), cell: a1Of(rowOfCode(sheet, code), col) });
      userTypes(sheet, at("8").row, col, 300);

      await page.locator('[data-tab="enter"]').click();
      await page.getByTestId("report-paste").fill(REPORT);
      await page.getByTestId("read-report").click();
      await page.getByTestId("report-review").waitFor();
      const budget = page.locator("[data-testid=report-row][data-code='1']");
      expect(await budget.locator("[data-field=figure]").inputValue()).toBe("40.120");
      expect(await budget.locator("[data-field=percent]").textContent()).toBe("109,3% KH");
      expect(await page.locator("[data-testid=report-row][data-code='8']").getByTestId("old").textContent()).toContain(`Ô ${at("8").cell} đang có 300`);
      expect(await page.getByTestId("report-tally").textContent()).toContain("25/30 chỉ tiêu đạt và vượt");
      expect(await page.getByTestId("report-unmatched").textContent()).toContain("1 kết quả không khớp");
      await page.locator("[data-testid=report-row][data-code='23'] [data-field=figure]").fill("65");
      // The clerk leaves out one row.
      await page.locator("[data-testid=report-row][data-code='18'] [data-field=accept]").uncheck();
      expect(await page.getByTestId("report-count").textContent()).toBe("4 dòng, 3 dòng được chọn để ghi.");
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      expect(await unreachable(page)).toEqual([]);
      await shot(page, "sheets", width, "report-1-review");

      await page.getByTestId("write-report").click();
      await page.getByTestId("report-confirm").waitFor();
      expect(await page.getByTestId("report-confirm").textContent()).toContain(`Chỉ tiêu 8 — ô ${at("8").cell}: 300 → 310`);
      expect(sheet.peek(at("1").row, col).value ?? null).toBeNull();
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      await shot(page, "sheets", width, "report-2-question");
      // "Không ghi đè": the others are written, the typed figure is kept.
      await page.getByTestId("report-confirm-no").focus();
      await page.keyboard.press("Enter");
      await page.getByTestId("write-notice").waitFor();
      expect(await page.getByTestId("write-notice").textContent()).toBe('Đã ghi 2 số vào cột Thực hiện của trang "Chỉ tiêu".');
      expect(sheet.peek(at("1").row, col).value).toBe(40120);
      expect(sheet.peek(at("23").row, col).value).toBe(65);
      expect(sheet.peek(at("8").row, col).value).toBe(300);
      expect(sheet.peek(at("18").row, col).value ?? null).toBeNull();
      expect(await page.getByTestId("write-result").textContent()).toContain(`Giữ nguyên 1 ô đang có số khác (không ghi đè): ${at("8").cell}.`);
      expect(await unreachable(page)).toEqual([]);
      await shot(page, "sheets", width, "report-3-written");
      expect(calls.filter((c) => c === "readReport" || c === "enterReport")).toEqual(["readReport", "enterReport", "enterReport"]);
      expect(requests.filter((url) => !url.startsWith("data:") && url !== "about:blank")).toEqual([]);
      await page.close();
    }, 180000);
  }
});
