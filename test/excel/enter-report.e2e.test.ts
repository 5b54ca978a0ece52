// "Dán báo cáo" in the built task pane (shared UI, Excel port) in headless Chromium against the fake
// Excel, at 320 and 450 px: load → type a figure → paste a report → review (figures with a decimal
// comma, % of plan, the typed figure shown, the tally, the unmatched) → edit a figure → write → the
// overwrite question (nothing written until answered) → written; a .docx picked is read in the pane.
// No sideways scroll, every control reachable by Tab, syncs: review 1, write 2 (1 when it asks).
// The harness (server, Office.js from the npm copy, the fake injected) is pane-harness.ts.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { Paragraph, TextRun } from "docx";
import { findBuiltInPlan } from "../../shared/catalog";
import { describeWithEngine } from "../support/engines";
import { horizontalOverflow, shot, unreachable, WIDTHS } from "../ui/pane-checks";
import { REPORT, REPORT_PLAN_ID } from "../workflow/report-text";
import { docxBytes } from "../report/docx-support";
import { startPane, type PaneHarness } from "./pane-harness";

const PLAN = findBuiltInPlan(REPORT_PLAN_ID)!;

let pane: PaneHarness;

describeWithEngine(["chromium"], "Dán báo cáo in the task pane (shared UI, Excel port)", () => {
  beforeAll(async () => {
    pane = await startPane("taskpane-report-");
  }, 120000);

  afterAll(async () => {
    await pane?.stop();
  });

  async function loadPlan(page: Page): Promise<void> {
    await page.getByTestId("load").waitFor({ timeout: 30000 });
    await page.locator(`[data-testid=plan] option[value='${REPORT_PLAN_ID}']`).waitFor({ state: "attached" });
    await page.getByTestId("plan").selectOption(REPORT_PLAN_ID);
    await page.getByTestId("unit").fill("Phường Đông Hải");
    await page.getByTestId("load").click();
    await page.getByTestId("load-notice").waitFor();
  }

  const cell = (page: Page, code: string) => page.evaluate(([p, c]) => window.__CHITIEU_FAKE_STATE__!.cellOf(p, c, "actual")!, [PLAN, code] as const);
  const value = (page: Page, address: string) => page.evaluate((a) => window.__CHITIEU_FAKE_STATE__!.value("Chỉ tiêu", a), address);
  const lastSyncs = (page: Page) => page.evaluate(() => window.__CHITIEU_FAKE_STATE__!.syncCounts().slice(-1)[0]);

  for (const width of WIDTHS) {
    test(`${width} px: paste → review → edit → write → overwrite question → written`, async () => {
      const page = await pane.openPane(width);
      await loadPlan(page);
      const c8 = await cell(page, "8");
      await page.evaluate((a) => window.__CHITIEU_FAKE_STATE__!.typeIn("Chỉ tiêu", a, 300), c8);

      await page.locator('[data-tab="enter"]').click();
      await page.getByTestId("report-paste").fill(REPORT);
      await page.getByTestId("read-report").click();
      await page.getByTestId("report-review").waitFor();
      expect(await lastSyncs(page)).toBe(1);
      const budget = page.locator("[data-testid=report-row][data-code='1']");
      expect(await budget.locator("[data-field=figure]").inputValue()).toBe("40.120");
      expect(await budget.locator("[data-field=percent]").textContent()).toBe("109,3% KH");
      expect(await budget.locator("[data-field=accept]").isChecked()).toBe(true);
      expect((await budget.locator("[data-field=name]").boundingBox())!.width).toBeGreaterThan(width * 0.55);
      const loans = page.locator("[data-testid=report-row][data-code='8']");
      expect(await loans.getByTestId("old").textContent()).toContain(`Ô ${c8} đang có 300`);
      expect(await page.getByTestId("report-tally").textContent()).toContain("25/30 chỉ tiêu đạt và vượt");
      expect(await page.getByTestId("report-tally-check").textContent()).toContain("Báo cáo ghi 25/30");
      expect(await page.getByTestId("report-unmatched").textContent()).toContain("1 kết quả không khớp");
      // The source line selects its span in the pasted text.
      await budget.getByTestId("span").click();
      const selected = await page.getByTestId("report-paste").evaluate((box: HTMLTextAreaElement) => box.value.slice(box.selectionStart, box.selectionEnd));
      expect(selected).toContain("40.120 triệu đồng");
      // The clerk corrects a figure.
      await page.locator("[data-testid=report-row][data-code='23'] [data-field=figure]").fill("65");
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      expect(await unreachable(page)).toEqual([]);
      await shot(page, "excel", width, "report-1-review");

      // Write: cell 8 holds another figure, so nothing is written and the question says old → new.
      await page.getByTestId("write-report").click();
      await page.getByTestId("report-confirm").waitFor();
      expect(await lastSyncs(page)).toBe(1);
      expect(await page.getByTestId("report-confirm").textContent()).toContain(`Chỉ tiêu 8 — ô ${c8}: 300 → 310`);
      expect(await value(page, await cell(page, "1"))).toBeNull();
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      await shot(page, "excel", width, "report-2-question");
      // Keyboard: the answer is reachable by Tab and pressed with Enter.
      await page.getByTestId("report-confirm-yes").focus();
      await page.keyboard.press("Enter");
      await page.getByTestId("write-notice").waitFor();
      expect(await lastSyncs(page)).toBe(2);
      expect(await page.getByTestId("write-notice").textContent()).toBe('Đã ghi 4 số vào cột Thực hiện của trang "Chỉ tiêu".');
      expect(await value(page, await cell(page, "1"))).toBe(40120);
      expect(await value(page, c8)).toBe(310);
      expect(await value(page, await cell(page, "23"))).toBe(65);
      expect(await page.getByTestId("write-result").textContent()).toContain("Câu tổng hợp của báo cáo được lưu");
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      expect(await unreachable(page)).toEqual([]);
      await shot(page, "excel", width, "report-3-written");
      expect(pane.pageErrors).toEqual([]);
      await page.context().close();
    }, 180000);
  }

  test("a .docx report picked in the pane is read there (the guarded reader) and reviewed", async () => {
    const page = await pane.openPane(320);
    await loadPlan(page);
    await page.locator('[data-tab="enter"]').click();
    const dir = mkdtempSync(join(tmpdir(), "report-docx-"));
    const file = join(dir, "bao-cao.docx");
    writeFileSync(file, await docxBytes(REPORT.split("\n").map((line) => new Paragraph({ children: [new TextRun(line)] }))));
    await page.getByTestId("report-file").setInputFiles(file);
    await page.getByTestId("report-file-notice").waitFor();
    expect(await page.getByTestId("report-file-notice").textContent()).toContain("bao-cao.docx");
    expect(await page.getByTestId("report-paste").inputValue()).toContain("40.120 triệu đồng");
    await page.getByTestId("read-report").click();
    await page.getByTestId("report-review").waitFor();
    expect(await page.locator("[data-testid=report-row]").count()).toBe(4);
    // A PDF is refused in plain words, naming the file.
    const pdf = join(dir, "bao-cao.pdf");
    writeFileSync(pdf, "%PDF-1.7\n");
    await page.getByTestId("report-file").setInputFiles(pdf);
    await page.locator("[data-testid=report-file-notice][role=alert]").waitFor();
    expect(await page.getByTestId("report-file-notice").textContent()).toContain("bao-cao.pdf: tệp PDF chưa đọc được");
    expect(pane.pageErrors).toEqual([]);
    await page.context().close();
  }, 120000);
});
