// The built task pane in headless Chromium against the fake Excel: pick the city plan → load →
// type actuals → check → click a finding → fix a number typed as text → summary. Office.js is the
// npm copy served at the CDN's address (the CDN is out of reach here); every request is recorded
// and none may leave 127.0.0.1. A screenshot is kept in test-artifacts/excel-taskpane.png.
import { build } from "esbuild";
import { createServer, type Server } from "node:http";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { extname, join, normalize } from "node:path";
import type { AddressInfo } from "node:net";
import { chromium, type Browser, type Page } from "playwright-core";
import { findBuiltInPlan } from "../../shared/catalog";
import { buildTaskpane, OFFICE_JS_CDN } from "../../excel-addin/scripts/build";

const ROOT = join(__dirname, "..", "..");
const OFFICE_DIST = join(ROOT, "node_modules", "@microsoft", "office-js", "dist");
const ARTIFACTS = join(ROOT, "test-artifacts");
const CDN_BASE = OFFICE_JS_CDN.slice(0, OFFICE_JS_CDN.lastIndexOf("/") + 1);
const CHROMIUM = "/usr/bin/chromium";
const TYPES: Record<string, string> = { ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".png": "image/png", ".xml": "application/xml" };

const plan = findBuiltInPlan("hai-phong-232-2025")!;
let server: Server;
let browser: Browser;
let page: Page;
let origin: string;
let fake: string;
const requests: string[] = [];
const blocked: string[] = [];
const OFFICE_TELEMETRY = "https://telemetryservice.firstpartyapps.oaspapps.com/";
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

async function fakeScript(): Promise<string> {
  const result = await build({
    entryPoints: [join(ROOT, "test", "fakes", "excel", "browser-entry.ts")],
    bundle: true,
    format: "iife",
    write: false,
    target: ["es2020"],
    logLevel: "error",
  });
  return result.outputFiles[0].text;
}

beforeAll(async () => {
  const out = mkdtempSync(join(tmpdir(), "taskpane-"));
  await buildTaskpane({ outDir: out, baseUrl: null, quiet: true });
  server = await serve(out);
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
  fake = await fakeScript();
  page = await openPane("/taskpane.html");
}, 120000);

/** A fresh page on the pane, with the fake Excel injected and every request recorded and routed. */
async function openPane(path: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 380, height: 760 }, locale: "vi-VN" });
  const opened = await context.newPage();
  opened.on("request", (request) => requests.push(request.url()));
  opened.on("pageerror", (error) => pageErrors.push(error.message));
  // Office.js from the npm copy, at the CDN address the production page uses; nothing else leaves.
  await opened.route("**/*", async (route) => {
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
  await opened.addInitScript({ content: fake });
  // Every Content-Security-Policy violation the page reports, to prove the pane runs under its policy.
  await opened.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener("securitypolicyviolation", (event) => seen.push(`${event.violatedDirective} ${event.blockedURI}`));
  });
  await opened.goto(`${origin}${path}`);
  return opened;
}

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

test("pick the city plan → load → type actuals → check → select a finding → fix → summary", async () => {
  await page.getByTestId("load").waitFor({ timeout: 30000 });
  expect(await page.locator("h1").textContent()).toBe("Chỉ tiêu thi đua");

  // Pick the plan and the unit, then load.
  await page.getByTestId("source").selectOption("builtin");
  expect(await page.getByTestId("plan").locator("option").count()).toBe(5);
  await page.getByTestId("plan").selectOption("dong-hai-2025");
  await page.getByTestId("plan").selectOption(plan.id);
  expect(await page.getByTestId("year").inputValue()).toBe(String(plan.year));
  await page.getByTestId("unit").fill("Phường Đông Hải");
  await page.getByTestId("load").click();
  await page.getByTestId("load-result").waitFor();
  expect(await page.getByTestId("load-result").textContent()).toContain(`Đã nạp ${plan.indicators.length} chỉ tiêu`);
  expect(await page.evaluate(() => window.__CHITIEU_FAKE_STATE__!.sheetNames())).toEqual(expect.arrayContaining(["Chỉ tiêu", "Danh mục"]));

  // The clerk types actuals; one as "12,8", which Excel keeps as text.
  const typed = await page.evaluate((p) => {
    const fake = window.__CHITIEU_FAKE_STATE__!;
    const grdp = fake.cellOf(p, "1", "actual")!;
    const industry = fake.cellOf(p, "1.1", "actual")!;
    fake.typeIn("Chỉ tiêu", grdp, 13.1);
    fake.typeIn("Chỉ tiêu", industry, "12,8");
    return { grdp, industry };
  }, plan);

  // Check.
  await page.locator('[data-tab="check"]').click();
  await page.getByTestId("check").click();
  await page.getByTestId("findings").waitFor();
  expect(await page.getByTestId("check-counts").textContent()).toMatch(/\d+ lỗi, \d+ cảnh báo/);
  const asText = page.locator(`li[data-rule="number-as-text"][data-cell="${typed.industry}"]`);
  await asText.waitFor();
  expect(await asText.textContent()).toContain(typed.industry);

  // A click on the finding selects its cell in Excel.
  await asText.click();
  await page.waitForFunction((cell) => window.__CHITIEU_FAKE_STATE__!.selection()?.address === cell, typed.industry);

  // The screenshot shows the finding with its one-click fix, as the clerk sees it.
  mkdirSync(ARTIFACTS, { recursive: true });
  await asText.scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(ARTIFACTS, "excel-taskpane.png") });

  // The one-click fix turns the text into the number.
  await asText.getByTestId("fix").click();
  await page.getByTestId("notice").waitFor();
  expect(await page.getByTestId("notice").textContent()).toContain(typed.industry);
  expect(await page.evaluate((cell) => window.__CHITIEU_FAKE_STATE__!.value("Chỉ tiêu", cell), typed.industry)).toBe(12.8);
  await page.locator(`li[data-rule="number-as-text"][data-cell="${typed.industry}"]`).waitFor({ state: "detached" });

  // Summary.
  await page.locator('[data-tab="summary"]').click();
  await page.getByTestId("summary").click();
  await page.getByTestId("summary-result").waitFor();
  const summaryText = (await page.getByTestId("summary-result").textContent()) ?? "";
  expect(summaryText).toMatch(/Đã tạo trang/);
  expect(summaryText).toMatch(/Có \d+\/\d+ chỉ tiêu/);
  const sheets = await page.evaluate(() => window.__CHITIEU_FAKE_STATE__!.sheetNames());
  expect(sheets.length).toBeGreaterThanOrEqual(4);

  // Every command kept to three requests.
  for (const syncs of await page.evaluate(() => window.__CHITIEU_FAKE_STATE__!.syncCounts())) expect(syncs).toBeLessThanOrEqual(3);

  await page.locator('[data-tab="dashboard"]').click();
  await page.getByTestId("dashboard-counts").waitFor();
  const counts = await page.getByTestId("dashboard-counts").textContent();
  expect(counts).toContain("Chưa có số liệu");

  // English on demand (Settings › Language).
  await page.locator('[data-tab="settings"]').click();
  await page.getByTestId("lang").selectOption("en");
  await page.locator('[data-tab="load"]', { hasText: "Load indicators" }).waitFor();

  expect(pageErrors).toEqual([]);
  // Nothing reaches the network: the page's own requests go to 127.0.0.1; the CDN address is
  // answered from disk; the only other request is Office.js's own telemetry frame (office.js, not
  // the add-in, asks for it outside Office), which the route blocks.
  const outside = requests.filter((url) => !url.startsWith(origin) && !url.startsWith(CDN_BASE) && !url.startsWith("data:"));
  expect(outside.filter((url) => !url.startsWith(OFFICE_TELEMETRY))).toEqual([]);
  expect(blocked.filter((url) => !url.startsWith(OFFICE_TELEMETRY))).toEqual([]);
  // The CDN address was answered from the npm copy by the route above, never from the network.
  expect(requests.some((url) => url === OFFICE_JS_CDN)).toBe(true);
  // The page carries its policy, and everything it did ran within it (no eval, no foreign script);
  // only Office.js's telemetry frame may be refused by it.
  expect(await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content")).toContain("script-src 'self' https://appsforoffice.microsoft.com");
  const violations = await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);
  expect(violations.filter((v) => !v.includes(new URL(OFFICE_TELEMETRY).host))).toEqual([]);
}, 120000);

test("the one-file build (for web views without dynamic import, e.g. EdgeHTML) loads and checks too", async () => {
  const before = requests.length;
  const legacy = await openPane("/taskpane.html?legacy");
  await legacy.getByTestId("load").waitFor({ timeout: 30000 });
  expect(await legacy.evaluate(() => (window as unknown as { __CHITIEU_STARTED__?: string }).__CHITIEU_STARTED__)).toBe("legacy");
  await legacy.getByTestId("unit").fill("Phường Đông Hải");
  await legacy.getByTestId("load").click();
  await legacy.getByTestId("load-result").waitFor();
  await legacy.locator('[data-tab="check"]').click();
  await legacy.getByTestId("check").click();
  await legacy.getByTestId("findings").waitFor();
  const loaded = requests.slice(before).filter((url) => url.startsWith(origin)).map((url) => new URL(url).pathname);
  expect(loaded).toContain("/taskpane-legacy.js");
  expect(loaded.filter((path) => path === "/taskpane.js" || path.startsWith("/chunks/"))).toEqual([]);
  expect(pageErrors).toEqual([]);
  const violations = await legacy.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);
  expect(violations.filter((v) => !v.includes(new URL(OFFICE_TELEMETRY).host))).toEqual([]);
  await legacy.context().close();
}, 120000);
