// The year's cycle in the built Excel task pane (shared UI, Excel port) in headless Chromium against
// the fake Excel, at 320 and 450 px: the period picker of the load step (6 tháng), the header and
// the sheet following it, then "Kế hoạch năm sau" in Tổng hợp writing next year's sheets beside
// this year's. No sideways scroll, every control reachable by Tab, nothing leaves 127.0.0.1.
// The harness is test/excel/pane-harness.ts (the pane built once, Office.js from npm).
import { findBuiltInPlan } from "../../shared/catalog";
import { describeWithEngine } from "../support/engines";
import { horizontalOverflow, shot, unreachable, WIDTHS } from "../ui/pane-checks";
import { startPane, type PaneHarness } from "./pane-harness";

let pane: PaneHarness;

describeWithEngine(["chromium"], "the year's cycle in the task pane (Chromium, Excel port)", () => {
  beforeAll(async () => {
    pane = await startPane("taskpane-cycle-");
  }, 120000);

  afterAll(async () => {
    await pane?.stop();
  });

  for (const width of WIDTHS) {
    test(`${width} px: load at six months, then next year's plan`, async () => {
      const page = await pane.openPane(width);
      await page.getByTestId("load").waitFor({ timeout: 30000 });
      await page.locator("[data-testid=plan] option").first().waitFor({ state: "attached" });
      // The period picker: the whole year by default, three choices in words.
      expect(await page.getByTestId("period").inputValue()).toBe("ca-nam");
      expect(await page.locator("[data-testid=period] option").allTextContents()).toEqual(["Cả năm", "6 tháng đầu năm", "9 tháng đầu năm"]);
      await page.getByTestId("plan").selectOption("dong-hai-2025");
      await page.getByTestId("unit").fill("Phường Đông Hải");
      await page.getByTestId("period").selectOption("6-thang");
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      expect(await unreachable(page)).toEqual([]);
      await shot(page, "excel", width, "cycle-1-period");
      await page.getByTestId("load").click();
      await page.getByTestId("load-notice").waitFor();
      expect(await page.getByTestId("load-notice").textContent()).toContain("Đã nạp 30 chỉ tiêu");
      expect(await page.getByTestId("loaded").textContent()).toContain("· 6 tháng đầu năm");
      const title = await page.evaluate(() => window.__CHITIEU_FAKE_STATE__!.grid("Chỉ tiêu").flat().find((v) => typeof v === "string" && v.includes("THÁNG ĐẦU NĂM")));
      expect(title).toContain("6 THÁNG ĐẦU NĂM 2025");

      // A figure typed this year, carried to next year's "Thực hiện năm trước".
      const plan = findBuiltInPlan("dong-hai-2025")!;
      await page.evaluate((p) => {
        const s = window.__CHITIEU_FAKE_STATE__!;
        s.typeIn("Chỉ tiêu", s.cellOf(p, "1", "actual")!, 9.5);
      }, plan);

      await page.locator('[data-tab="summary"]').click();
      await page.getByTestId("next-year").waitFor();
      expect(await page.getByTestId("next-year-year").inputValue()).toBe("2026");
      await page.getByTestId("next-source").selectOption("same");
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      expect(await unreachable(page)).toEqual([]);
      await page.getByTestId("next-make").click();
      await page.getByTestId("next-notice").waitFor();
      expect(await page.getByTestId("next-notice").textContent()).toContain("Đã tạo kế hoạch năm 2026 trong trang “Chỉ tiêu 2026”: 1 chỉ tiêu có “Thực hiện năm trước”");
      expect(await page.getByTestId("next-result").textContent()).toContain("Cùng bộ chỉ tiêu");
      const names = await page.evaluate(() => window.__CHITIEU_FAKE_STATE__!.sheetNames());
      expect(names).toEqual(expect.arrayContaining(["Chỉ tiêu", "Chỉ tiêu 2026", "Danh mục 2026"]));
      expect(await page.evaluate(() => window.__CHITIEU_FAKE_STATE__!.grid("Chỉ tiêu 2026").flat().includes(9.5))).toBe(true);
      // This year's figure is where it was.
      expect(await page.evaluate((p) => { const s = window.__CHITIEU_FAKE_STATE__!; return s.value("Chỉ tiêu", s.cellOf(p, "1", "actual")!); }, plan)).toBe(9.5);
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      await page.getByTestId("next-year").scrollIntoViewIfNeeded();
      await shot(page, "excel", width, "cycle-2-next-year");
      // Made again: refused in words, nothing written.
      await page.getByTestId("next-make").click();
      await page.getByTestId("next-notice").filter({ hasText: "không ghi đè" }).waitFor();
      expect(pane.blocked).toEqual([]);
      expect(pane.pageErrors).toEqual([]);
      await page.context().close();
    }, 90000);
  }
});
