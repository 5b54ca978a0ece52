// Item 8.4: privacy and privilege, the parts that can be checked without a browser: the permissions
// each host asks for, no telemetry in the tooling or in the bundles, and the sidebar's CSP.
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { manifest, NARROW_SCOPE, WIDE_SCOPE } from "../../gas-addon/scripts/build";
import { buildToTemp, type Built } from "../gas/support";

const ROOT = join(__dirname, "..", "..");

/** Hosts of analytics and telemetry services a bundle must never name. */
const TELEMETRY = /applicationinsights|visualstudio\.com|events\.data\.microsoft|google-analytics|googletagmanager|gtag\(|sentry|segment\.io|mixpanel|amplitude|hotjar|datadog|bugsnag|logrocket|clarity\.ms/i;

/** URLs a bundle may contain, and why: none of them is requested by the product's own code. */
const ALLOWED_URL = [
  /^https:\/\/appsforoffice\.microsoft\.com\//, // Office.js, loaded by the task pane page
  /^https?:\/\/schemas\.(openxmlformats\.org|microsoft\.com)\//, // XML namespaces of .xlsx parts
  /^http:\/\/www\.w3\.org\//, // XML and SVG namespaces
  /^https:\/\/www\.googleapis\.com\/auth\//, // OAuth scope names
  /^https:\/\/docs\.google\.com\/spreadsheets\/d\/?$/, // the shape of a unit's spreadsheet URL, to recognise pasted links
  /^https:\/\/react\.dev\/errors\//, // React's production error text ("see https://react.dev/errors/…"), never fetched
  /^https:\/\/github\.com\/microsoft\/griffel\/issues$/, // Griffel's (Fluent UI's styles) error text in the sidebar, never fetched
  /^https:\/\/aka\.ms\/griffel-css-shorthands$/, // the same, a link in Griffel's warning text, never fetched
  /^https:\/\/(ssl|www)\.gstatic\.com$/, // script sources the sidebar's CSP allows for Apps Script's own HtmlService bootstrap
  /^https?:\/\/json-schema\.org\/draft/, // "$schema" identifiers in zod's JSON Schema export, never fetched
  /^http:\/\/\[\$\{value\}\]$/, // zod's IPv6 check parses `new URL(\`http://[${value}]\`)`: a parse, not a request
];

function urlsIn(text: string): string[] {
  return [...new Set((text.match(/https?:\/\/[^\s"'`<>)\\;]+/g) ?? []))];
}

describe("permissions", () => {
  test("manifest.xml asks for ReadWriteDocument and nothing more", () => {
    const xml = readFileSync(join(ROOT, "manifest.xml"), "utf8");
    const permissions = [...xml.matchAll(/<Permissions>([^<]*)<\/Permissions>/g)].map((m) => m[1].trim());
    expect(permissions).toEqual(["ReadWriteDocument"]);
    expect(xml).not.toMatch(/ReadWriteMailbox|WebApplicationInfo|<Scopes>/);
  });

  test("appsscript.json: exactly the current spreadsheet and the sidebar UI; consolidation adds only spreadsheets", () => {
    const standard = JSON.parse(readFileSync(join(ROOT, "gas-addon", "appsscript.json"), "utf8")) as { oauthScopes: string[]; urlFetchWhitelist?: string[] };
    expect([...standard.oauthScopes].sort()).toEqual([NARROW_SCOPE, "https://www.googleapis.com/auth/script.container.ui"].sort());
    expect(standard.urlFetchWhitelist).toBeUndefined();
    const consolidation = JSON.parse(manifest("consolidation")) as { oauthScopes: string[] };
    expect([...consolidation.oauthScopes].sort()).toEqual([WIDE_SCOPE, "https://www.googleapis.com/auth/script.container.ui"].sort());
    expect(JSON.parse(manifest("standard"))).toEqual(standard);
  });
});

describe("no telemetry", () => {
  test("office-addin tooling: the installed usage-data package reports nothing (its level is always off)", () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const usage = require("office-addin-usage-data") as { readUsageDataLevel(group: string): string; UsageDataLevel: { off: string } };
    expect(usage.readUsageDataLevel("office-addin-manifest")).toBe(usage.UsageDataLevel.off);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const settings = require("office-addin-usage-data/lib/usageDataSettings") as { needToPromptForUsageData(group: string): boolean };
    expect(settings.needToPromptForUsageData("office-addin-manifest")).toBe(false);
  });

  test("package.json depends on no analytics or telemetry package", () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };
    for (const name of [...Object.keys(pkg.dependencies), ...Object.keys(pkg.devDependencies)]) expect(name).not.toMatch(TELEMETRY);
  });

  describe("the Sheets bundles", () => {
    let built: Built;
    beforeAll(async () => {
      built = await buildToTemp();
    }, 120000);
    afterAll(() => rmSync(built.root, { recursive: true, force: true }));

    test("Code.js and Sidebar.html name no telemetry host and no URL beyond the allowed ones", () => {
      for (const text of [readFileSync(built.code("standard"), "utf8"), readFileSync(built.code("consolidation"), "utf8"), built.sidebar]) {
        expect(text).not.toMatch(TELEMETRY);
        expect(text).not.toMatch(/UrlFetchApp|XMLHttpRequest|\bfetch\(|navigator\.sendBeacon|new WebSocket/);
        for (const url of urlsIn(text)) expect(ALLOWED_URL.some((allowed) => allowed.test(url)) ? url : `not allowed: ${url}`).toBe(url);
      }
    });

    test("the sidebar carries a Content-Security-Policy without eval, remote connections or forms", () => {
      const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(built.sidebar)?.[1];
      expect(csp).toBeDefined();
      const directives = new Map(csp!.split(";").map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));
      expect(directives.get("default-src")).toEqual(["'none'"]);
      expect(directives.get("connect-src")).toEqual(["'none'"]);
      expect(directives.get("form-action")).toEqual(["'none'"]);
      expect(directives.get("script-src")).not.toContain("'unsafe-eval'");
      // The CSP comes before the one inline script, and that script needs no eval.
      expect(built.sidebar.indexOf("Content-Security-Policy")).toBeLessThan(built.sidebar.indexOf("<script>"));
      const script = built.sidebar.slice(built.sidebar.indexOf("<script>"));
      expect(script).not.toMatch(/\beval\(|new Function\(/);
    });
  });
});
