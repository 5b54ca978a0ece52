// The built Apps Script project: one global script with no module syntax, a top-level function
// declaration for every host-callable export, the manifest's scopes, nothing Apps Script lacks,
// and a self-contained sidebar.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import vm from "node:vm";
import ts from "typescript";
import * as entry from "../../gas-addon/src/index";
import { EDITIONS, freeForbiddenGlobals, NARROW_SCOPE, WIDE_SCOPE } from "../../gas-addon/scripts/build";
import { buildToTemp, sandbox, type Built } from "./support";

let built: Built;
beforeAll(async () => {
  built = await buildToTemp();
});

const CONTAINER_UI = "https://www.googleapis.com/auth/script.container.ui";
const exportedNames = Object.keys(entry).sort();

describe.each(Object.keys(EDITIONS) as (keyof typeof EDITIONS)[])("%s installation", (edition) => {
  const read = (file: string) => readFileSync(join(built.root, EDITIONS[edition], file), "utf8");

  it("is one script without import or export (it parses as a classic script)", () => {
    const code = read("Code.js");
    expect(() => new vm.Script(code, { filename: "Code.js" })).not.toThrow();
    const source = ts.createSourceFile("Code.js", code, ts.ScriptTarget.ES2020, true, ts.ScriptKind.JS);
    const moduleSyntax = source.statements.filter((s) => ts.isImportDeclaration(s) || ts.isExportDeclaration(s) || ts.isExportAssignment(s));
    expect(moduleSyntax).toHaveLength(0);
  });

  it("declares every export of src/index.ts as a top-level function", () => {
    const code = read("Code.js");
    const source = ts.createSourceFile("Code.js", code, ts.ScriptTarget.ES2020, true, ts.ScriptKind.JS);
    const topLevel = source.statements.filter(ts.isFunctionDeclaration).map((f) => f.name!.text).sort();
    expect(exportedNames.length).toBeGreaterThanOrEqual(17);
    expect(topLevel).toEqual(exportedNames);
    const box = sandbox(built, edition);
    expect(box.functionNames().sort()).toEqual(exportedNames);
  });

  it("uses nothing Apps Script does not have", () => {
    const code = read("Code.js");
    expect(freeForbiddenGlobals(code)).toEqual([]);
    expect(code).not.toMatch(/\bsetTimeout\s*\(|\bfetch\s*\(|\brequire\s*\(/);
  });

  it("has a V8 manifest in Việt Nam's time zone with exactly its scopes", () => {
    const manifest = JSON.parse(read("appsscript.json")) as { runtimeVersion: string; timeZone: string; oauthScopes: string[] };
    expect(manifest.runtimeVersion).toBe("V8");
    expect(manifest.timeZone).toBe("Asia/Ho_Chi_Minh");
    const expected = edition === "standard" ? [NARROW_SCOPE, CONTAINER_UI] : [WIDE_SCOPE, CONTAINER_UI];
    expect([...manifest.oauthScopes].sort()).toEqual([...expected].sort());
  });

  it("ships the sidebar as one self-contained HTML file", () => {
    const html = read("Sidebar.html");
    expect(html).toMatch(/<style>[\s\S]+<\/style>/);
    expect(html).toMatch(/<script>[\s\S]+<\/script>/);
    expect(html).not.toMatch(/\s(src|href)\s*=/i);
    expect(html).not.toMatch(/<link\b/i);
    expect(html.match(/<\/script>/g)).toHaveLength(1);
  });
});

describe("the forbidden-globals check", () => {
  it("finds free references and ignores local names and properties", () => {
    expect(freeForbiddenGlobals("fetch('https://x'); setTimeout(f, 1);")).toEqual(["fetch", "setTimeout"]);
    expect(freeForbiddenGlobals("function f(window) { return window.endsWith('x'); } var o = { fetch: 1 }; o.fetch;")).toEqual([]);
    expect(freeForbiddenGlobals("if (typeof window !== 'undefined') window.alert(1);")).toEqual(["window"]);
  });
});

describe("the README", () => {
  it("says how to install, publish, and which scope consolidation needs", () => {
    const readme = readFileSync(join(__dirname, "..", "..", "gas-addon", "README.md"), "utf8");
    for (const needle of [WIDE_SCOPE, NARROW_SCOPE, "clasp login", "scriptId", "icon", "Google Workspace Marketplace"]) expect(readme).toContain(needle);
  });
});

describe("gas:push configuration", () => {
  it("creates .clasp.json from the example and explains clasp login and the scriptId", async () => {
    const { mkdtempSync, writeFileSync: write, existsSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const { claspConfigProblem } = await import("../../gas-addon/scripts/push");
    const dir = mkdtempSync(join(tmpdir(), "clasp-"));
    const file = join(dir, ".clasp.json");
    const first = claspConfigProblem(file);
    expect(existsSync(file)).toBe(true);
    expect(first).toContain("clasp login");
    expect(first).toContain("scriptId");
    expect(claspConfigProblem(file)).toContain("Chưa điền scriptId");
    write(file, JSON.stringify({ scriptId: "1AbCdEf", rootDir: "." }));
    expect(claspConfigProblem(file)).toBeNull();
  });
});
