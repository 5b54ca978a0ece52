// "Báo cáo Word" in the Sheets sidebar (shared UI, Sheets port) in headless Chromium, with
// google.script.run answered by the real server functions in Node, at 320 and 450 px: the sidebar
// has no export button (the add-on keeps to this spreadsheet's scope, no Google Docs, and the
// writer stays out of the one inlined sidebar file); it says so in plain words with the CLI route
// (download as .xlsx, `chitieu report`), and asks the server for nothing. No sideways scroll,
// every control reachable by Tab. The harness is test/gas/year-cycle.e2e.test.ts's.
import type { Browser, Page } from "playwright-core";
import { chromium } from "playwright-core";
import { copyForScriptRun, type GasSandbox } from "../fakes/gas/sandbox";
import { describeWithEngine, enginePath } from "../support/engines";
import { horizontalOverflow, shot, unreachable, WIDTHS } from "../ui/pane-checks";
import { buildToTemp, sandbox, type Built } from "./support";

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
    test(`${width} px: the Word report section gives the CLI route in words`, async () => {
      const box = sandbox(built);
      const requests: string[] = [];
      const page = await openSidebar(box, requests, width);
      await page.locator("[data-testid=plan] option[value='dong-hai-2025']").waitFor({ state: "attached" });
      await page.getByTestId("plan").selectOption("dong-hai-2025");
      await page.getByTestId("unit").fill("Phường Đông Hải");
      await page.getByTestId("load").click();
      await page.getByTestId("load-notice").waitFor();
      await page.locator('[data-tab="summary"]').click();
      await page.getByTestId("word-report-cli").waitFor();
      const said = (await page.getByTestId("word-report-cli").textContent()) ?? "";
      expect(said).toContain("Tệp → Tải xuống → Microsoft Excel (.xlsx)");
      expect(said).toContain("chitieu report bang-tinh.xlsx -o bao-cao.docx");
      expect(said).toContain("Google Docs");
      expect(await page.getByTestId("word-report-export").count()).toBe(0);
      await page.getByTestId("word-report").scrollIntoViewIfNeeded();
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      expect(await unreachable(page)).toEqual([]);
      await shot(page, "sheets", width, "word-report");
      expect(requests).toEqual([]);
      await page.close();
    }, 90000);
  }
});
