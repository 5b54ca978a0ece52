// The harness of the Sheets sidebar's Chromium tests (test/gas/*.e2e.test.ts), written once: the
// add-on built into a temp dir, Debian's Chromium launched through playwright-core, and a sidebar
// page opened at a width with google.script.run answered by the real server functions (the built
// Code.js in the vm sandbox with the fakes), every network request recorded and refused.
// Each test keeps describeWithEngine(["chromium"], …) itself, so a machine without Chromium skips
// it loudly before this harness is started.
import type { Browser, Page } from "playwright-core";
import { chromium } from "playwright-core";
import { copyForScriptRun, type GasSandbox } from "../fakes/gas/sandbox";
import { enginePath } from "../support/engines";
import { buildToTemp, type Built } from "./support";

/**
 * google.script.run in the page: the server's own functions only; each call goes to Node as JSON
 * and back asynchronously. A Date or a function in the arguments is refused, as Apps Script does.
 */
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

/** How long a server command named in `slow` takes: long enough to see the pane while it runs. */
const SLOW_COMMAND_MS = 1500;

export interface SidebarOptions {
  /** The server that answers google.script.run; null serves the sidebar without it (as outside Apps Script). */
  box: GasSandbox | null;
  /** The tab the menu asks for, appended after the page as menu.ts does with HtmlService's append(). */
  start?: string;
  /** Server commands that answer only after SLOW_COMMAND_MS. */
  slow?: string[];
}

export interface OpenedSidebar {
  page: Page;
  /** Every network request the page tried (all refused): a test expects none. */
  requests: string[];
  /** The server functions google.script.run called, in order. */
  calls: string[];
  /** The page's uncaught errors, kept for a test that wants to see them. */
  pageErrors: Error[];
}

export interface SidebarHarness {
  built: Built;
  /** A new page of the sidebar at `width` × 760 px (the height of Sheets' sidebar on a laptop). */
  openSidebar(width: number, options: SidebarOptions): Promise<OpenedSidebar>;
  stop(): Promise<void>;
}

/**
 * The harness of the enclosing describe: started in its beforeAll, stopped in its afterAll. Call it
 * inside describeWithEngine's body, so nothing is built or launched where Chromium is missing.
 */
export function useSidebar(): SidebarHarness {
  let started: SidebarHarness | undefined;
  // 120 s: the build and the browser's start are slow on a busy machine.
  beforeAll(async () => {
    started = await startSidebar();
  }, 120000);
  afterAll(async () => {
    await started?.stop();
  });
  const harness = (): SidebarHarness => {
    if (!started) throw new Error("the sidebar harness did not start: see the error of beforeAll");
    return started;
  };
  return {
    get built() {
      return harness().built;
    },
    openSidebar: (width, options) => harness().openSidebar(width, options),
    stop: () => harness().stop(),
  };
}

/** The build and the browser, for a caller that starts and stops them itself. */
export async function startSidebar(): Promise<SidebarHarness> {
  const built = await buildToTemp();
  const browser: Browser = await chromium.launch({
    executablePath: enginePath("chromium"),
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });

  async function openSidebar(width: number, { box, start, slow = [] }: SidebarOptions): Promise<OpenedSidebar> {
    const page = await browser.newPage({ viewport: { width, height: 760 } });
    const opened: OpenedSidebar = { page, requests: [], calls: [], pageErrors: [] };
    page.on("pageerror", (error) => opened.pageErrors.push(error));
    page.on("request", (r) => {
      if (!r.url().startsWith("data:") && r.url() !== "about:blank") opened.requests.push(r.url());
    });
    await page.route("**/*", (route) => {
      opened.requests.push(route.request().url());
      return route.abort();
    });
    let html = built.sidebar;
    if (box) {
      await page.exposeFunction("__gasCall", async (name: string, argsJson: string) => {
        opened.calls.push(name);
        if (slow.includes(name)) await new Promise((resolve) => setTimeout(resolve, SLOW_COMMAND_MS));
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
    if (start) html += `<meta name="chitieu-start" content="${start}">`;
    await page.setContent(html);
    return opened;
  }

  return { built, openSidebar, stop: () => browser.close() };
}
