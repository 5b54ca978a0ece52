// The sidebar in headless Chromium, with google.script.run answered by the real server functions
// running in Node (the built Code.js in the vm sandbox with the fakes): pick a plan, load, check,
// click a finding, fix it, build the summary. No network request is made.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { copyForScriptRun, type GasSandbox } from "../fakes/gas/sandbox";
import { a1Of } from "../fakes/gas/spreadsheet";
import { buildToTemp, columnOf, FILL_IN, rowOfCode, sandbox, userTypes, type Built } from "./support";

const ARTIFACTS = join(__dirname, "..", "..", "test-artifacts");

let built: Built;
let browser: Browser;
beforeAll(async () => {
  built = await buildToTemp();
  browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
});
afterAll(async () => {
  await browser?.close();
});

/** google.script.run in the page: each call goes to Node as JSON and comes back asynchronously. */
const FAKE_SCRIPT_RUN = `
(() => {
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

/** Waits for a server-side effect of an asynchronous call (bounded by attempts, not by a time limit). */
async function until(done: () => boolean, attempts = 500): Promise<void> {
  for (let i = 0; i < attempts && !done(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
}

async function openSidebar(box: GasSandbox, requests: string[]): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 300, height: 760 } });
  page.on("request", (r) => {
    if (!r.url().startsWith("data:") && r.url() !== "about:blank") requests.push(r.url());
  });
  await page.route("**/*", (route) => {
    requests.push(route.request().url());
    return route.abort();
  });
  await page.exposeFunction("__gasCall", (name: string, argsJson: string) => {
    try {
      const args = JSON.parse(argsJson) as unknown[];
      const value = copyForScriptRun(box.call(name, ...args), `${name} result`);
      return JSON.stringify({ value });
    } catch (error) {
      return JSON.stringify({ error: error instanceof Error ? error.message : String(error) });
    }
  });
  // Apps Script serves the sidebar with google.script.run already defined: so does the test.
  await page.setContent(built.sidebar.replace("<head>", () => `<head><script>${FAKE_SCRIPT_RUN}</script>`));
  return page;
}

it("loads a plan, checks, goes to a finding, fixes it and builds the summary", async () => {
  const box = sandbox(built);
  const requests: string[] = [];
  const page = await openSidebar(box, requests);

  await page.waitForSelector("#plan option[value='dong-hai-2025']", { state: "attached" });
  await page.selectOption("#plan", "dong-hai-2025");
  await page.fill("#unit", "Phường Đông Hải");
  await page.fill("#year", "2025");
  await page.click("#load");
  await page.waitForFunction(() => document.querySelector("#status")?.textContent?.includes("Đã nạp"));
  expect(await page.textContent("header .loaded")).toContain("Phường Đông Hải");
  const sheet = box.world.active.sheet(FILL_IN);
  const row = rowOfCode(sheet, "1");
  const cell = a1Of(row, columnOf("actual"));
  userTypes(sheet, row, columnOf("actual"), "1.234,5");

  await page.click("#tab-check");
  await page.click("#check");
  await page.waitForSelector(`ul.findings li[data-cell='${cell}']`);
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, "gas-sidebar.png") });

  await page.click(`ul.findings li[data-cell='${cell}'] .cell`);
  await until(() => box.world.active.activeRange?.getA1Notation() === cell);
  expect(box.world.active.activeRange?.getA1Notation()).toBe(cell);

  await page.click(`ul.findings li[data-cell='${cell}'] button.fix`);
  await page.waitForFunction(() => document.querySelector("#status")?.textContent?.includes("Đã chuyển"));
  expect(sheet.peek(row, columnOf("actual")).value).toBe(1234.5);
  expect(await page.$(`ul.findings li[data-cell='${cell}'] button.fix`)).toBeNull();

  await page.click("#tab-summary");
  await page.click("#summary");
  await page.waitForSelector("#sentence");
  expect(await page.textContent("#sentence")).toMatch(/^Có \d+\/\d+ chỉ tiêu đạt và vượt/);

  await page.click("#lang");
  expect(await page.textContent("#tab-check")).toBe("Check");
  expect(requests).toEqual([]);
  await page.close();
});

it("shows a server refusal as one message and keeps the sidebar usable", async () => {
  const box = sandbox(built);
  const page = await openSidebar(box, []);
  await page.waitForSelector("#plan option", { state: "attached" });
  await page.fill("#unit", "");
  await page.click("#load");
  await page.waitForSelector("#status.bad");
  expect(await page.textContent("#status")).toBe("Hãy nhập tên đơn vị báo cáo.");
  expect(await page.isEnabled("#load")).toBe(true);
  await page.close();
});

it("reads pasted plan text, shows it for review, then loads the reviewed list", async () => {
  const box = sandbox(built);
  const page = await openSidebar(box, []);
  await page.waitForSelector("#plan option", { state: "attached" });
  await page.check("input[name=source][value=text]");
  await page.fill("#pasted", "KẾ HOẠCH\nI. CHỈ TIÊU KINH TẾ\n1. Tốc độ tăng trưởng kinh tế đạt 8%.\n2. Thu ngân sách đạt 1.200 tỷ đồng.\n3. Tỷ lệ hộ nghèo dưới 1%.");
  await page.click("text=Đọc văn bản");
  await page.waitForSelector("table.review tr");
  const rows = await page.$$eval("table.review tr", (trs) => trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent)));
  expect(rows.length).toBeGreaterThanOrEqual(3);
  expect(rows.find((r) => r[0] === "2")).toEqual(["2", expect.stringContaining("Thu ngân sách"), ">=", "1200", "tỷ đồng"]);
  await page.fill("#unit", "Phường Đông Hải");
  await page.click("#load");
  await page.waitForFunction(() => document.querySelector("#status")?.textContent?.includes("Đã nạp"));
  expect(box.world.active.sheet(FILL_IN).extent().lastRow).toBeGreaterThan(8);
  await page.close();
});
