// "Xuất báo cáo Word" in the built Excel task pane (shared UI, Excel port) in headless Chromium
// against the fake Excel, at 320 and 450 px: a seed plan loaded, figures typed, the button clicked,
// and the download's bytes open as a .docx with the report's title, the typed Ghi chú and the two
// chart pictures the pane drew. No sideways scroll, every control reachable by Tab, nothing leaves
// 127.0.0.1. The harness is test/excel/pane-harness.ts.
import { readFileSync } from "node:fs";
import { findBuiltInPlan } from "../../shared/catalog";
import { describeWithEngine } from "../support/engines";
import { horizontalOverflow, shot, unreachable, WIDTHS } from "../ui/pane-checks";
import { strFromU8, unzipSync } from "fflate";
import { startPane, type PaneHarness } from "./pane-harness";

let pane: PaneHarness;

describeWithEngine(["chromium"], "Xuất báo cáo Word in the task pane (Chromium, Excel port)", () => {
  beforeAll(async () => {
    pane = await startPane("taskpane-word-");
  }, 120000);

  afterAll(async () => {
    await pane?.stop();
  });

  for (const width of WIDTHS) {
    test(`${width} px: "Xuất báo cáo Word" downloads the Decree 30 .docx with its charts`, async () => {
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
        s.typeIn("Chỉ tiêu", s.cellOf(p, "3", "actual")!, 85);
        s.typeIn("Chỉ tiêu", s.cellOf(p, "3", "note")!, "Khu tái định cư chưa được phát thùng phân loại rác");
      }, plan);

      await page.locator('[data-tab="summary"]').click();
      await page.getByTestId("word-report-export").waitFor();
      await page.getByTestId("word-report").scrollIntoViewIfNeeded();
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      expect(await unreachable(page)).toEqual([]);
      const [download] = await Promise.all([page.waitForEvent("download", { timeout: 60000 }), page.getByTestId("word-report-export").click()]);
      expect(download.suggestedFilename()).toBe("bao-cao-phuong-dong-hai-2025.docx");
      const bytes = new Uint8Array(readFileSync((await download.path())!));
      const parts = unzipSync(bytes);
      const xml = strFromU8(parts["word/document.xml"]!);
      const text = [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join("\n");
      expect(text).toContain("BÁO CÁO");
      expect(text).toContain("Kết quả thực hiện các chỉ tiêu thi đua năm 2025");
      expect(text).toContain("Khu tái định cư chưa được phát thùng phân loại rác");
      // The two charts drawn by the pane's canvas, as PNG pictures in the document.
      const media = Object.keys(parts).filter((name) => name.startsWith("word/media/"));
      expect(media).toHaveLength(2);
      for (const name of media) expect([...parts[name]!.slice(1, 4)].map((c) => String.fromCharCode(c)).join("")).toBe("PNG");
      expect(strFromU8(parts["docProps/core.xml"]!)).toContain("BÁO CÁO");
      // Said in words, with the link to download it again and the CLI route for the hosts that cannot.
      expect(await page.getByTestId("word-report-notice").textContent()).toContain("Đã lập báo cáo bao-cao-phuong-dong-hai-2025.docx");
      expect(await page.getByTestId("word-report-link").getAttribute("download")).toBe("bao-cao-phuong-dong-hai-2025.docx");
      expect(await page.getByTestId("word-report").textContent()).toContain("chitieu report");
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      await shot(page, "excel", width, "word-report");
      expect(pane.blocked).toEqual([]);
      expect(pane.pageErrors).toEqual([]);
      await page.context().close();
    }, 120000);
  }
});
