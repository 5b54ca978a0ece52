// "Tình hình" in the built Excel task pane in headless Chromium against the fake Excel, at 320 and
// 450 px: the tiles count the indicators as the bars of the completion chart colour them (one bar
// per indicator, the % TH/KH beside it, the 100 % line), and a pressed tile filters the chart to its
// indicators (those the counts count). No sideways scroll, every control reachable by Tab. Harness: word-report.e2e.test.ts's.
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

describeWithEngine(["chromium"], "the dashboard's bar chart in the task pane (Chromium, Excel port)", () => {
  beforeAll(async () => {
    const out = mkdtempSync(join(tmpdir(), "taskpane-dash-"));
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
    test(`${width} px: the tiles and the bar chart agree, and a tile filters the bars`, async () => {
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
      expect(blocked).toEqual([]);
      expect(pageErrors).toEqual([]);
      await page.context().close();
    }, 120000);
  }
});
