// The year's cycle in the Sheets sidebar (shared UI, Sheets port) in headless Chromium, with
// google.script.run answered by the real server functions in Node (the built Code.js in the vm
// sandbox with the fakes), at 320 and 450 px: the period picker of the load step (9 tháng), the
// header and the sheet following it, then "Kế hoạch năm sau" inserting next year's sheets in the
// same spreadsheet. No sideways scroll, every control reachable by Tab, no network request.
// The harness is test/gas/sidebar.e2e.test.ts's.
import type { Browser, Page } from "playwright-core";
import { chromium } from "playwright-core";
import { copyForScriptRun, type GasSandbox } from "../fakes/gas/sandbox";
import { describeWithEngine, enginePath } from "../support/engines";
import { horizontalOverflow, shot, unreachable, WIDTHS } from "../ui/pane-checks";
import { buildToTemp, columnOf, FILL_IN, rowOfCode, sandbox, userTypes, type Built } from "./support";

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

describeWithEngine(["chromium"], "the year's cycle in the Sheets sidebar (Chromium, Sheets port)", () => {
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
    test(`${width} px: load at nine months, then next year's plan`, async () => {
      const box = sandbox(built);
      const requests: string[] = [];
      const page = await openSidebar(box, requests, width);
      await page.locator("[data-testid=plan] option[value='dong-hai-2025']").waitFor({ state: "attached" });
      expect(await page.getByTestId("period").inputValue()).toBe("ca-nam");
      await page.getByTestId("plan").selectOption("dong-hai-2025");
      await page.getByTestId("unit").fill("Phường Đông Hải");
      await page.getByTestId("period").selectOption("9-thang");
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      expect(await unreachable(page)).toEqual([]);
      await shot(page, "sheets", width, "cycle-1-period");
      await page.getByTestId("load").click();
      await page.getByTestId("load-notice").waitFor();
      expect(await page.getByTestId("load-notice").textContent()).toContain("Đã nạp");
      expect(await page.getByTestId("loaded").textContent()).toContain("· 9 tháng đầu năm");
      const sheet = box.world.active.sheet(FILL_IN);
      const texts: string[] = [];
      for (let r = 0; r < 8; r++) for (let c = 0; c < 12; c++) if (typeof sheet.peek(r, c).value === "string") texts.push(sheet.peek(r, c).value as string);
      expect(texts.join(" ")).toContain("9 THÁNG ĐẦU NĂM 2025");
      const row = rowOfCode(sheet, "1");
      userTypes(sheet, row, columnOf("actual"), 9.5);

      await page.locator('[data-tab="summary"]').click();
      await page.getByTestId("next-year").waitFor();
      await page.getByTestId("next-source").selectOption("same");
      await page.getByTestId("next-period").selectOption("6-thang");
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      expect(await unreachable(page)).toEqual([]);
      await page.getByTestId("next-make").click();
      await page.getByTestId("next-notice").waitFor();
      expect(await page.getByTestId("next-notice").textContent()).toContain("Đã tạo kế hoạch năm 2026 trong trang “Chỉ tiêu 2026”: 1 chỉ tiêu có “Thực hiện năm trước”");
      const names = box.world.active.sheets.map((s) => s.name);
      expect(names).toEqual(expect.arrayContaining(["Chỉ tiêu", "Chỉ tiêu 2026", "Danh mục 2026"]));
      const next = box.world.active.sheet("Chỉ tiêu 2026");
      expect(next.peek(rowOfCode(next, "1"), columnOf("previous")).value).toBe(9.5);
      expect(sheet.peek(row, columnOf("actual")).value).toBe(9.5);
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      await page.getByTestId("next-year").scrollIntoViewIfNeeded();
      await shot(page, "sheets", width, "cycle-2-next-year");
      expect(requests).toEqual([]);
      await page.close();
    }, 90000);
  }
});
