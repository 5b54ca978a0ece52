// "Xuất báo cáo Word" in the Sheets sidebar (shared UI, Sheets port) in headless Chromium, with
// google.script.run answered by the real server functions in Node, at 320 and 450 px: with no new
// scope, the server answers the report model and, on the first report, the writer's file
// (DocxWriter.html); the sidebar makes the .docx and the click gives a download whose bytes open as
// the report (title, typed Ghi chú, two chart pictures). The sidebar's own file does not carry the
// writer. No sideways scroll, every control reachable by Tab, no network request. The harness is
// test/gas/year-cycle.e2e.test.ts's.
import type { Browser, Page } from "playwright-core";
import { chromium } from "playwright-core";
import { copyForScriptRun, type GasSandbox } from "../fakes/gas/sandbox";
import { describeWithEngine, enginePath } from "../support/engines";
import { horizontalOverflow, shot, unreachable, WIDTHS } from "../ui/pane-checks";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { EDITIONS } from "../../gas-addon/scripts/build";
import { loadBundle } from "../fakes/gas/sandbox";
import { buildToTemp, columnOf, FILL_IN, rowOfCode, userTypes, type Built } from "./support";

/** google.script.run in the page: the server's own functions only; each call goes to Node as JSON and back asynchronously. */
const fakeScriptRun = (names: string[]) => `
(() => {
  const names = new Set(${JSON.stringify(names)});
  const plainOnly = (value, where) => {
    const tag = Object.prototype.toString.call(value);
    if (tag === "[object Date]") throw new Error(where + ": a Date cannot cross google.script.run");
    if (typeof value === "function") throw new Error(where + ": a function cannot cross google.script.run");
    if (value && typeof value === "object") for (const k of Object.keys(value)) plainOnly(value[k], where + "." + k);
  };
  const runner = (success, failure) => new Proxy({}, {
    get(_, name) {
      if (name === "withSuccessHandler") return (fn) => runner(fn, failure);
      if (name === "withFailureHandler") return (fn) => runner(success, fn);
      if (!names.has(String(name))) return undefined;
      return (...args) => {
        try { plainOnly(args, String(name)); } catch (e) { setTimeout(() => failure && failure(e), 0); return; }
        window.__gasCall(String(name), JSON.stringify(args)).then(
          (text) => { const reply = JSON.parse(text); if (reply.error) failure && failure(new Error(reply.error)); else success && success(reply.value); },
          (e) => failure && failure(e));
      };
    },
  });
  window.google = { script: { run: runner(null, null) } };
})();`;

describeWithEngine(["chromium"], "the Word report in the Sheets sidebar (Chromium, Sheets port)", () => {
  let built: Built;
  let browser: Browser;
  beforeAll(async () => {
    built = await buildToTemp();
    browser = await chromium.launch({
      executablePath: enginePath("chromium"),
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    });
  }, 120000);
  afterAll(async () => {
    await browser?.close();
  });

  async function openSidebar(box: GasSandbox | null, requests: string[], width = 300, start?: string, slow: string[] = []): Promise<Page> {
    const page = await browser.newPage({ viewport: { width, height: 760 } });
    page.on("request", (r) => {
      if (!r.url().startsWith("data:") && r.url() !== "about:blank") requests.push(r.url());
    });
    await page.route("**/*", (route) => {
      requests.push(route.request().url());
      return route.abort();
    });
    let html = built.sidebar;
    if (box) {
      await page.exposeFunction("__gasCall", async (name: string, argsJson: string) => {
        // A slow server (the commands named in `slow`), to see the pane while a command runs.
        if (slow.includes(name)) await new Promise((resolve) => setTimeout(resolve, 1500));
        try {
          const args = JSON.parse(argsJson) as unknown[];
          const value = copyForScriptRun(box.call(name, ...args), `${name} result`);
          return JSON.stringify({ value });
        } catch (error) {
          return JSON.stringify({ error: error instanceof Error ? error.message : String(error) });
        }
      });
      // Apps Script serves the sidebar with google.script.run already defined: so does the test.
      html = html.replace("<head>", () => `<head><script>${fakeScriptRun(box.functionNames())}</script>`);
    }
    // menu.ts appends the start tab after the page, as HtmlService's append() does.
    if (start) html += `<meta name="chitieu-start" content="${start}">`;
    await page.setContent(html);
    return page;
  }

  for (const width of WIDTHS) {
    test(`${width} px: "Xuất báo cáo Word" downloads the report made in the sidebar`, async () => {
      const dir = join(built.root, EDITIONS.standard);
      const box = loadBundle(built.code("standard"), { htmlFiles: { Sidebar: built.sidebar, DocxWriter: readFileSync(join(dir, "DocxWriter.html"), "utf8") } });
      const requests: string[] = [];
      const calls: string[] = [];
      const serverCall = box.call.bind(box);
      box.call = (name: string, ...args: unknown[]) => (calls.push(name), serverCall(name, ...args));
      const page = await openSidebar(box, requests, width);
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
