// "Tình hình" in the built Excel task pane in headless Chromium against the fake Excel, at 320 and
// 450 px: the tiles count the indicators as the bars of the completion chart colour them (one bar
// per indicator, the % TH/KH beside it, the 100 % line), and a pressed tile filters the chart to its
// indicators (those the counts count). No sideways scroll, every control reachable by Tab. Harness: pane-harness.ts.
import { findBuiltInPlan } from "../../shared/catalog";
import { describeWithEngine } from "../support/engines";
import { horizontalOverflow, shot, unreachable, WIDTHS } from "../ui/pane-checks";
import { startPane, type PaneHarness } from "./pane-harness";

let pane: PaneHarness;

describeWithEngine(["chromium"], "the dashboard's bar chart in the task pane (Chromium, Excel port)", () => {
  beforeAll(async () => {
    pane = await startPane("taskpane-dash-");
  }, 120000);

  afterAll(async () => {
    await pane?.stop();
  });

  for (const width of WIDTHS) {
    test(`${width} px: the tiles and the bar chart agree, and a tile filters the bars`, async () => {
      const page = await pane.openPane(width);
      await page.getByTestId("load").waitFor({ timeout: 30000 });
      await page.locator("[data-testid=plan] option").first().waitFor({ state: "attached" });
      await page.getByTestId("plan").selectOption("dong-hai-2025");
      await page.getByTestId("unit").fill("Phường Đông Hải");
      await page.getByTestId("load").click();
      await page.getByTestId("load-notice").waitFor();
      const plan = findBuiltInPlan("dong-hai-2025")!;
      await page.evaluate((p) => {
        const s = window.__CHITIEU_FAKE_STATE__!;
        s.typeIn("Chỉ tiêu", s.cellOf(p, "1", "actual")!, 38000);
        s.typeIn("Chỉ tiêu", s.cellOf(p, "2", "actual")!, 100);
        s.typeIn("Chỉ tiêu", s.cellOf(p, "3", "actual")!, 85);
        s.typeIn("Chỉ tiêu", s.cellOf(p, "7", "actual")!, 99);
      }, plan);
      await page.locator('[data-tab="dashboard"]').click();
      await page.getByTestId("dashboard-chart").waitFor();
      const bars = page.locator("[data-testid=dashboard-chart] li");
      expect(await bars.count()).toBe(plan.indicators.length);
      // Each status tile counts the bars of that status among the indicators the counts count (the plan's top level).
      for (const status of ["Vượt", "Đạt", "Không đạt", "Chưa có số liệu"]) {
        const tile = Number(await page.locator(`[data-testid=dashboard-counts] [data-status="${status}"] span`).first().textContent());
        expect([status, await page.locator(`[data-testid=dashboard-chart] li[data-status="${status}"][data-counted=true]`).count()]).toEqual([status, tile]);
      }
      // Indicator 1 (38.000 against 36.692): its bar, its % in words.
      const first = page.locator('[data-testid=dashboard-chart] li[data-code="1"]');
      expect(await first.getByTestId("bar").count()).toBe(1);
      expect(await first.getByTestId("bar-value").textContent()).toBe("103,6% · Vượt");
      expect(await page.locator('[data-testid=dashboard-chart] li[data-code="4"] [data-testid=bar]').count()).toBe(0);
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      expect(await unreachable(page)).toEqual([]);
      await shot(page, "excel", width, "dashboard-chart");
      // The "Không đạt" tile pressed: only its indicators' bars are left.
      const missed = Number(await page.locator('[data-testid=dashboard-counts] [data-status="Không đạt"] span').first().textContent());
      await page.locator('[data-testid=dashboard-counts] [data-status="Không đạt"]').click();
      expect(await bars.count()).toBe(missed);
      expect(new Set(await bars.evaluateAll((els) => els.map((e) => e.getAttribute("data-status"))))).toEqual(new Set(["Không đạt"]));
      await page.locator('[data-testid=dashboard-counts] [data-status="Không đạt"]').click();
      expect(await bars.count()).toBe(plan.indicators.length);
      expect(pane.blocked).toEqual([]);
      expect(pane.pageErrors).toEqual([]);
      await page.context().close();
    }, 120000);
  }
});
