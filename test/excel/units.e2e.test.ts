// The Units tab ("Đơn vị") of the built task pane in headless Chromium against the fake Excel, at
// 320 and 450 px: the plan loaded, the assignment form made from the pane (a sheet of the workbook),
// the units typed into it, two units' .xlsx files picked, the deadline set, the consolidation run:
// the register shown (sentence, counts, list) and its sheets written; no sideways scroll, every
// control reachable by Tab; screenshots test-artifacts/ui/excel-<width>-units-*.png.
import { findBuiltInPlan } from "../../shared/catalog";
import { buildFillInWorkbook } from "../../shared/sheet/fill-in";
import { writeXlsxBuffer } from "../../cli/xlsx/write";
import { PLAN_JSON_KEY, withMetadataSheet } from "../../xlsx-reader/metadata";
import { describeWithEngine } from "../support/engines";
import { horizontalOverflow, shot, WIDTHS } from "../ui/pane-checks";
import { unreachable } from "../ui/units-checks";
import { startPane, type PaneHarness } from "./pane-harness";

const plan = findBuiltInPlan("dong-hai-2025")!;

async function unitFile(unit: string, share: number): Promise<{ name: string; mimeType: string; buffer: Buffer }> {
  const entries = plan.indicators.filter((i) => i.comparator !== null && i.comparator !== "boolean" && typeof i.target === "number").map((i) => ({ code: i.code, raw: Math.round((i.target as number) * share * 100) / 100 }));
  const model = withMetadataSheet(buildFillInWorkbook(plan, { unit, year: 2025, lang: "vi", entries }), { [PLAN_JSON_KEY]: JSON.stringify(plan) });
  return { name: `${unit}.xlsx`, mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: Buffer.from(await writeXlsxBuffer(model)) };
}

let pane: PaneHarness;

describeWithEngine(["chromium"], "the Units tab in Chromium (shared UI, Excel port)", () => {
  beforeAll(async () => {
    pane = await startPane("taskpane-units-");
  }, 120000);

  afterAll(async () => {
    await pane?.stop();
  });

  for (const width of WIDTHS) {
    test(`${width} px: assignment form → units typed → files picked → register shown and written`, async () => {
      const page = await pane.openPane(width);
      await page.getByTestId("load").waitFor({ timeout: 30000 });
      await page.getByTestId("plan").selectOption("dong-hai-2025");
      await page.getByTestId("unit").fill("UBND phường Đông Hải");
      await page.getByTestId("load").click();
      await page.getByTestId("load-notice").waitFor();
      // The plan picked is the plan loaded (the pane once seeded its first plan over a quick pick).
      expect(await page.getByTestId("loaded").textContent()).toContain("Đông Hải");

      await page.locator('[data-tab="units"]').click();
      await page.getByTestId("units-form").click();
      await page.getByTestId("units-form-notice").waitFor();
      expect(await page.getByTestId("units-form-notice").textContent()).toContain("Giao chỉ tiêu");
      const names = await page.evaluate(() => window.__CHITIEU_FAKE_STATE__!.sheetNames());
      expect(names).toContain("Giao chỉ tiêu");
      // The office types three units into the form (row 9 on: name in B, group in C).
      await page.evaluate(() => {
        const s = window.__CHITIEU_FAKE_STATE__!;
        ["Tổ dân phố 1", "Tổ dân phố 2", "Tổ dân phố 3"].forEach((u, i) => {
          s.typeIn("Giao chỉ tiêu", `B${9 + i}`, u);
          s.typeIn("Giao chỉ tiêu", `C${9 + i}`, i < 2 ? "Cụm 1" : "Cụm 2");
        });
      });
      // Made again over the typed units: refused, nothing lost.
      await page.getByTestId("units-form").click();
      await page.getByTestId("units-form-notice").filter({ hasText: "không ghi đè" }).waitFor();

      await page.getByTestId("unit-files").setInputFiles([await unitFile("Tổ dân phố 1", 1), await unitFile("Tổ dân phố 2", 0.5)]);
      await page.getByTestId("units-deadline").fill("2099-12-10");
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      await shot(page, "excel", width, "units-1-ready");
      await page.getByTestId("consolidate").click();
      // The first consolidation loads the reader and the units' commands: on a busy CI machine that
      // takes a while. A refusal shows as the notice, and then the test says what it said.
      await page.getByTestId("register").or(page.getByTestId("consolidate-notice").filter({ hasNotText: "Đã tổng hợp" })).first().waitFor({ timeout: 90000 });
      const notice = page.getByTestId("consolidate-notice");
      if ((await notice.count()) > 0) expect(await notice.textContent()).not.toMatch(/không|lỗi/i);
      await page.getByTestId("register").waitFor({ timeout: 90000 });
      expect(await page.getByTestId("register-sentence").textContent()).toBe("2/3 đơn vị đã gửi báo cáo; 1 đơn vị chưa gửi: Tổ dân phố 3.");
      expect(await page.getByTestId("register-count-received").textContent()).toMatch(/^2\s/);
      expect(await page.getByTestId("register-count-missing").textContent()).toMatch(/^1\s/);
      expect(await page.getByTestId("register-count-late").textContent()).toMatch(/^0\s/);
      const rows = await page.locator("[data-testid=register-rows] > li").allTextContents();
      expect(rows).toHaveLength(3);
      expect(rows[2]).toContain("Tổ dân phố 3");
      expect(rows[2]).toContain("Chưa gửi");
      const after = await page.evaluate(() => window.__CHITIEU_FAKE_STATE__!.sheetNames());
      expect(after).toEqual(expect.arrayContaining(["Tổng hợp", "Điểm thi đua", "Tình hình gửi báo cáo"]));
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      expect(await unreachable(page)).toEqual([]);
      await shot(page, "excel", width, "units-2-register");
      expect(pane.pageErrors).toEqual([]);
    }, 240000);
  }
});
