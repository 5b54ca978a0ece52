// The one harness of the Excel task pane's Chromium end-to-end tests (test/excel/*.e2e.test.ts):
// the pane built into a temporary folder and served over http on 127.0.0.1, Debian's Chromium
// launched through playwright-core (never a downloaded browser), the fake Excel of
// test/fakes/excel/browser-entry.ts bundled once and injected into each page, Office.js served from
// the npm copy at the CDN address the production page uses, and every other request aborted, so
// nothing leaves the machine. Each test file starts one harness in beforeAll and stops it in
// afterAll; what a file does differently is an option of openPane.
import { build } from "esbuild";
import { createServer, type Server } from "node:http";
import { existsSync, mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { extname, join, normalize } from "node:path";
import type { AddressInfo } from "node:net";
import { chromium, type Browser, type Page } from "playwright-core";
import { buildTaskpane, OFFICE_JS_CDN } from "../../excel-addin/scripts/build";
import { enginePath } from "../support/engines";

const ROOT = join(__dirname, "..", "..");
const OFFICE_DIST = join(ROOT, "node_modules", "@microsoft", "office-js", "dist");
/** The CDN folder Office.js is loaded from; requests under it are answered from OFFICE_DIST. */
export const CDN_BASE = OFFICE_JS_CDN.slice(0, OFFICE_JS_CDN.lastIndexOf("/") + 1);
const TYPES: Record<string, string> = { ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".png": "image/png", ".xml": "application/xml" };
// Chromium without the background traffic of its own (updates, sync, first-run pages).
const CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

export interface OpenPaneOptions {
  /** The page opened below the origin; "/taskpane.html" unless said. */
  path?: string;
  /** false: the page runs without the fake Excel (as in a host where Office never starts). */
  fake?: boolean;
  /** false: Office.js requests are aborted (the CDN cannot be reached). */
  officeJs?: boolean;
  /** true: every Content-Security-Policy violation is kept in window.__cspViolations. */
  recordCspViolations?: boolean;
}

export interface PaneHarness {
  origin: string;
  browser: Browser;
  /** The bundled fake Excel, as a script. */
  fake: string;
  /** Every request of every page opened, in order. */
  requests: string[];
  /** The requests refused for leaving 127.0.0.1 (other than Office.js), across all pages. */
  blocked: string[];
  /** The uncaught errors of every page opened, across all pages (a file asserts none were). */
  pageErrors: string[];
  /** A fresh page (its own context) on the pane at this width, 760 px high, in Vietnamese. */
  openPane(width: number, options?: OpenPaneOptions): Promise<Page>;
  stop(): Promise<void>;
}

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

async function fakeExcelScript(): Promise<string> {
  const result = await build({ entryPoints: [join(ROOT, "test", "fakes", "excel", "browser-entry.ts")], bundle: true, format: "iife", write: false, target: ["es2020"], logLevel: "error" });
  return result.outputFiles[0].text;
}

/** Builds and serves the pane, launches Chromium and bundles the fake; tmpPrefix names the build's folder. */
export async function startPane(tmpPrefix: string): Promise<PaneHarness> {
  const out = mkdtempSync(join(tmpdir(), tmpPrefix));
  await buildTaskpane({ outDir: out, baseUrl: null, quiet: true });
  const server = await serve(out);
  let browser: Browser | undefined;
  const stop = async (): Promise<void> => {
    await browser?.close();
    await new Promise((resolve) => server.close(resolve));
  };
  try {
    browser = await chromium.launch({ executablePath: enginePath("chromium"), args: CHROMIUM_ARGS });
    const fake = await fakeExcelScript();
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const harness: PaneHarness = { origin, browser, fake, requests: [], blocked: [], pageErrors: [], openPane: (width, options) => openPane(harness, width, options), stop };
    return harness;
  } catch (error) {
    // A half-started harness is never returned, so afterAll could not stop it: stop it here.
    await stop();
    throw error;
  }
}

async function openPane(harness: PaneHarness, width: number, options: OpenPaneOptions = {}): Promise<Page> {
  const { origin, requests, blocked, pageErrors } = harness;
  const context = await harness.browser.newContext({ viewport: { width, height: 760 }, locale: "vi-VN" });
  const page = await context.newPage();
  page.on("request", (request) => requests.push(request.url()));
  page.on("pageerror", (error) => pageErrors.push(error.message));
  // Office.js from the npm copy, at the CDN address the production page uses; nothing else leaves.
  await page.route("**/*", async (route) => {
    const url = route.request().url();
    if (url.startsWith(CDN_BASE)) {
      if (options.officeJs === false) return route.abort();
      const file = join(OFFICE_DIST, url.slice(CDN_BASE.length).split("?")[0]);
      if (file.startsWith(OFFICE_DIST) && existsSync(file)) return route.fulfill({ path: file, contentType: "text/javascript" });
      return route.fulfill({ status: 404, body: "" });
    }
    if (url.startsWith(origin) || url.startsWith("data:")) return route.continue();
    blocked.push(url);
    return route.abort();
  });
  if (options.fake !== false) await page.addInitScript({ content: harness.fake });
  if (options.recordCspViolations) {
    // Every violation the page reports, to prove the pane runs under its policy.
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
      document.addEventListener("securitypolicyviolation", (event) => seen.push(`${event.violatedDirective} ${event.blockedURI}`));
    });
  }
  await page.goto(`${origin}${options.path ?? "/taskpane.html"}`);
  return page;
}
