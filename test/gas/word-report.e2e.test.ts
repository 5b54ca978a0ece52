// "Xuất báo cáo Word" in the Sheets sidebar (shared UI, Sheets port) in headless Chromium, with
// google.script.run answered by the real server functions in Node, at 320 and 450 px: with no new
// scope, the server answers the report model and, on the first report, the writer's file
// (DocxWriter.html); the sidebar makes the .docx and the click gives a download whose bytes open as
// the report (title, typed Ghi chú, two chart pictures). The sidebar's own file does not carry the
// writer. No sideways scroll, every control reachable by Tab, no network request. The harness is
// test/gas/sidebar-harness.ts.
import { describeWithEngine } from "../support/engines";
import { horizontalOverflow, shot, unreachable, WIDTHS } from "../ui/pane-checks";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { EDITIONS } from "../../gas-addon/scripts/build";
import { loadBundle } from "../fakes/gas/sandbox";
import { columnOf, FILL_IN, rowOfCode, userTypes } from "./support";
import { useSidebar } from "./sidebar-harness";

describeWithEngine(["chromium"], "the Word report in the Sheets sidebar (Chromium, Sheets port)", () => {
  const harness = useSidebar();

  for (const width of WIDTHS) {
    test(`${width} px: "Xuất báo cáo Word" downloads the report made in the sidebar`, async () => {
      const built = harness.built;
      const dir = join(built.root, EDITIONS.standard);
      const box = loadBundle(built.code("standard"), { htmlFiles: { Sidebar: built.sidebar, DocxWriter: readFileSync(join(dir, "DocxWriter.html"), "utf8") } });
      const { page, requests, calls } = await harness.openSidebar(width, { box });
      await page.locator("[data-testid=plan] option[value='dong-hai-2025']").waitFor({ state: "attached" });
      await page.getByTestId("plan").selectOption("dong-hai-2025");
      await page.getByTestId("unit").fill("Phường Đông Hải");
      await page.getByTestId("load").click();
      await page.getByTestId("load-notice").waitFor();
      const sheet = box.world.active.sheet(FILL_IN);
      userTypes(sheet, rowOfCode(sheet, "1"), columnOf("actual"), 38000);
      userTypes(sheet, rowOfCode(sheet, "3"), columnOf("actual"), 85);
      userTypes(sheet, rowOfCode(sheet, "3"), columnOf("note"), "Khu tái định cư chưa được phát thùng phân loại rác");
      await page.locator('[data-tab="summary"]').click();
      await page.getByTestId("word-report-export").waitFor();
      await page.getByTestId("word-report").scrollIntoViewIfNeeded();
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      expect(await unreachable(page)).toEqual([]);
      // The writer is not in the sidebar's own file.
      expect(built.sidebar).not.toContain("w:sectPr");
      const [download] = await Promise.all([page.waitForEvent("download", { timeout: 60000 }), page.getByTestId("word-report-export").click()]);
      expect(download.suggestedFilename()).toBe("bao-cao-phuong-dong-hai-2025.docx");
      const parts = unzipSync(new Uint8Array(readFileSync((await download.path())!)));
      const xml = strFromU8(parts["word/document.xml"]!);
      const text = [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join("\n");
      expect(text).toContain("BÁO CÁO");
      expect(text).toContain("Kết quả thực hiện các chỉ tiêu thi đua năm 2025");
      expect(text).toContain("Khu tái định cư chưa được phát thùng phân loại rác");
      expect(Object.keys(parts).filter((n) => n.startsWith("word/media/"))).toHaveLength(2);
      expect(await page.getByTestId("word-report-notice").textContent()).toContain("Đã lập báo cáo bao-cao-phuong-dong-hai-2025.docx");
      // A second report does not fetch the writer again.
      const [again] = await Promise.all([page.waitForEvent("download", { timeout: 60000 }), page.getByTestId("word-report-export").click()]);
      expect(again.suggestedFilename()).toBe("bao-cao-phuong-dong-hai-2025.docx");
      expect(calls.filter((n) => n === "getWordReport")).toHaveLength(2);
      expect(calls.filter((n) => n === "getDocxWriter")).toHaveLength(1);
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      await shot(page, "sheets", width, "word-report");
      expect(requests).toEqual([]);
      await page.close();
    }, 120000);
  }
});
