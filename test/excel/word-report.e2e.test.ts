// "Xuất báo cáo Word" in the built Excel task pane (shared UI, Excel port) in headless Chromium
// against the fake Excel, at 320 and 450 px: a seed plan loaded, figures typed, the button clicked,
// and the download's bytes open as a .docx with the report's title, the typed Ghi chú and the two
// chart pictures the pane drew. No sideways scroll, every control reachable by Tab, nothing leaves
// 127.0.0.1. The harness is test/excel/year-cycle.e2e.test.ts's.
import { build } from "esbuild";
import { createServer, type Server } from "node:http";
import { existsSync, mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { extname, join, normalize } from "node:path";
import type { AddressInfo } from "node:net";
import { chromium, type Browser, type Page } from "playwright-core";
import { findBuiltInPlan } from "../../shared/catalog";
import { buildTaskpane, OFFICE_JS_CDN } from "../../excel-addin/scripts/build";
import { describeWithEngine, enginePath } from "../support/engines";
import { horizontalOverflow, shot, unreachable, WIDTHS } from "../ui/pane-checks";
import { strFromU8, unzipSync } from "fflate";

const ROOT = join(__dirname, "..", "..");
const OFFICE_DIST = join(ROOT, "node_modules", "@microsoft", "office-js", "dist");
const CDN_BASE = OFFICE_JS_CDN.slice(0, OFFICE_JS_CDN.lastIndexOf("/") + 1);
const TYPES: Record<string, string> = { ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".png": "image/png", ".xml": "application/xml" };

let server: Server;
let browser: Browser;
let origin: string;
let fake: string;
const blocked: string[] = [];
const pageErrors: string[] = [];

function serve(dir: string): Promise<Server> {
  const httpServer = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname)).replace(/^(\.\.[/\\])+/, "");
    const file = join(dir, path);
    if (!file.startsWith(dir) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" }).end(readFileSync(file));
  });
  return new Promise((resolve) => httpServer.listen(0, "127.0.0.1", () => resolve(httpServer)));
}

describeWithEngine(["chromium"], "Xuất báo cáo Word in the task pane (Chromium, Excel port)", () => {
  beforeAll(async () => {
    const out = mkdtempSync(join(tmpdir(), "taskpane-word-"));
    await buildTaskpane({ outDir: out, baseUrl: null, quiet: true });
    server = await serve(out);
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({
      executablePath: enginePath("chromium"),
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    });
    const bundled = await build({ entryPoints: [join(ROOT, "test", "fakes", "excel", "browser-entry.ts")], bundle: true, format: "iife", write: false, target: ["es2020"], logLevel: "error" });
    fake = bundled.outputFiles[0].text;
  }, 120000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  async function openPane(width: number): Promise<Page> {
    const context = await browser.newContext({ viewport: { width, height: 760 }, locale: "vi-VN" });
    const page = await context.newPage();
    page.on("pageerror", (error) => pageErrors.push(error.message));
    await page.route("**/*", async (route) => {
      const url = route.request().url();
      if (url.startsWith(CDN_BASE)) {
        const file = join(OFFICE_DIST, url.slice(CDN_BASE.length).split("?")[0]);
        if (file.startsWith(OFFICE_DIST) && existsSync(file)) return route.fulfill({ path: file, contentType: "text/javascript" });
        return route.fulfill({ status: 404, body: "" });
      }
      if (url.startsWith(origin) || url.startsWith("data:")) return route.continue();
      blocked.push(url);
      return route.abort();
    });
    await page.addInitScript({ content: fake });
    await page.goto(`${origin}/taskpane.html`);
    return page;
  }

  for (const width of WIDTHS) {
    test(`${width} px: "Xuất báo cáo Word" downloads the Decree 30 .docx with its charts`, async () => {
      const page = await openPane(width);
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
      expect(blocked).toEqual([]);
      expect(pageErrors).toEqual([]);
      await page.context().close();
    }, 120000);
  }
});
