// The Units tab ("Đơn vị") of the built Sheets sidebar in headless Chromium against the fake Apps
// Script (the consolidation installation), at 320 and 450 px: the assignment form made from the
// sidebar, the units typed into it, the units' spreadsheets given by link, the consolidation run:
// the register shown (sentence, counts, list) and its sheets written; no sideways scroll, every
// control reachable by Tab; screenshots test-artifacts/ui/sheets-<width>-units-*.png. The harness is
// test/gas/sidebar-harness.ts.
import { findBuiltInPlan } from "../../shared/catalog";
import { ASSIGNMENT_HEADER_ROW } from "../../shared/sheet/assignment-sheet";
import type { GasSandbox } from "../fakes/gas/sandbox";
import { describeWithEngine } from "../support/engines";
import { horizontalOverflow, shot, WIDTHS } from "../ui/pane-checks";
import { unreachable } from "../ui/units-checks";
import { columnOf, FILL_IN, loadRequest, rowOfCode, run, sandbox, userTypes } from "./support";
import { useSidebar } from "./sidebar-harness";

const PLAN_ID = "dong-hai-2025";
const plan = findBuiltInPlan(PLAN_ID)!;

describeWithEngine(["chromium"], "the Units tab in Chromium (shared UI, Sheets port)", () => {
  const harness = useSidebar();

  /** A unit's spreadsheet, filled at `share` of each target, reachable by its link. */
  function unitBook(box: GasSandbox, name: string, share: number): string {
    const unit = sandbox(harness.built, "standard", { activeId: `unit-${name.replace(/\W+/g, "-")}`, activeName: name });
    run(unit, "loadPlan", loadRequest(PLAN_ID, name));
    const book = unit.world.active;
    const sheet = book.sheet(FILL_IN);
    for (const ind of plan.indicators.filter((i) => i.comparator !== null && i.comparator !== "boolean" && typeof i.target === "number"))
      userTypes(sheet, rowOfCode(sheet, ind.code), columnOf("actual"), Math.round((ind.target as number) * share * 100) / 100);
    box.world.byUrl.set(book.url, book);
    return book.url;
  }

  for (const width of WIDTHS) {
    test(`${width} px: assignment form → units typed → links → register shown and written`, async () => {
      const box = sandbox(harness.built, "consolidation");
      run(box, "loadPlan", loadRequest(PLAN_ID, "UBND phường Đông Hải"));
      const { page } = await harness.openSidebar(width, { box });
      await page.locator('[data-tab="units"]').waitFor({ timeout: 30000 });
      await page.locator('[data-tab="units"]').click();
      await page.getByTestId("units-form").click();
      await page.getByTestId("units-form-notice").waitFor();
      expect(await page.getByTestId("units-form-notice").textContent()).toContain("Giao chỉ tiêu");
      const form = box.world.active.sheet("Giao chỉ tiêu");
      ["Tổ dân phố 1", "Tổ dân phố 2", "Tổ dân phố 3"].forEach((u, i) => {
        userTypes(form, ASSIGNMENT_HEADER_ROW + 1 + i, 1, u);
        userTypes(form, ASSIGNMENT_HEADER_ROW + 1 + i, 2, i < 2 ? "Cụm 1" : "Cụm 2");
      });
      const links = [unitBook(box, "Tổ dân phố 1", 1), unitBook(box, "Tổ dân phố 2", 0.5)];
      await page.getByTestId("unit-links").fill(links.join("\n"));
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      await shot(page, "sheets", width, "units-1-ready");
      await page.getByTestId("consolidate").click();
      await page.getByTestId("register").waitFor({ timeout: 30000 });
      expect(await page.getByTestId("register-sentence").textContent()).toBe("2/3 đơn vị đã gửi báo cáo; 1 đơn vị chưa gửi: Tổ dân phố 3.");
      expect(await page.getByTestId("register-count-received").textContent()).toMatch(/^2\s/);
      expect(await page.getByTestId("register-count-missing").textContent()).toMatch(/^1\s/);
      const rows = await page.locator("[data-testid=register-rows] > li").allTextContents();
      expect(rows).toHaveLength(3);
      expect(rows[2]).toContain("Chưa gửi");
      for (const name of ["Tổng hợp", "Điểm thi đua", "Tình hình gửi báo cáo"]) expect(box.world.active.sheet(name)).toBeTruthy();
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      expect(await unreachable(page)).toEqual([]);
      await shot(page, "sheets", width, "units-2-register");
    }, 120000);
  }
});
