// The XML manifest: the offline XSDs (xmllint), and what the schema cannot check.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { spawnSync } from "node:child_process";
import { ASSETS_DIR, DEV_BASE_URL, ROOT_MANIFEST, SCHEMA, associatedFunctionNames, manifestFor, semanticProblems, validateAgainstSchema } from "../../excel-addin/scripts/manifest-checks";
import { RIBBON_FUNCTIONS } from "../../excel-addin/src/ribbon";
import { testWithEngine } from "../support/engines";

const xml = readFileSync(ROOT_MANIFEST, "utf8");
const scratch = mkdtempSync(join(tmpdir(), "manifest-"));

function broken(name: string, edit: (text: string) => string): string {
  const path = join(scratch, name);
  writeFileSync(path, edit(xml));
  return path;
}

testWithEngine("xmllint", "xmllint is there and the schema folder is beside the checkout", () => {
  expect(spawnSync("xmllint", ["--version"]).status).toBe(0);
  expect(existsSync(SCHEMA)).toBe(true);
});

testWithEngine("xmllint", "manifest.xml validates against the Office add-in XSDs, offline", () => {
  const result = validateAgainstSchema(ROOT_MANIFEST);
  expect(result.output).toContain("validates");
  expect(result.ok).toBe(true);
});

test("every check the schema cannot make passes", () => {
  expect(semanticProblems(xml)).toEqual([]);
});

test("Vietnamese first, English overrides, the permissions and requirement sets the commands need", () => {
  expect(xml).toContain("<DefaultLocale>vi-VN</DefaultLocale>");
  expect(xml).toMatch(/<DisplayName DefaultValue="Chỉ tiêu thi đua">\s*<Override Locale="en-US"/);
  expect(xml).toContain("<Permissions>ReadWriteDocument</Permissions>");
  expect(xml).toContain('<Set Name="ExcelApi" MinVersion="1.8"/>');
  expect(xml).toContain('<bt:Set Name="SharedRuntime" MinVersion="1.1"/>');
  expect(xml).toMatch(/<Runtime resid="Taskpane.Url" lifetime="long"\/>/);
  expect(xml).toContain('<bt:String id="Tab.Label" DefaultValue="Chỉ tiêu thi đua">');
  for (const label of ["Nạp chỉ tiêu", "Kiểm tra số liệu", "Tổng hợp", "Bảng điều khiển"]) expect(xml).toContain(`DefaultValue="${label}"`);
});

test("one ribbon function per button, each associated in the code", () => {
  const functions = [...xml.matchAll(/<FunctionName>([^<]*)<\/FunctionName>/g)].map((m) => m[1]);
  expect(functions).toHaveLength(4);
  expect(new Set(functions).size).toBe(4);
  expect(functions.sort()).toEqual(Object.keys(RIBBON_FUNCTIONS).sort());
  expect(associatedFunctionNames(readFileSync(join(__dirname, "../../excel-addin/src/ribbon.ts"), "utf8")).sort()).toEqual(functions.sort());
});

test("icons at 16, 32 and 80 px (and 64 for the add-in) exist as PNG files of that size", () => {
  for (const name of ["icon", "load", "check", "summary", "dashboard"])
    for (const size of name === "icon" ? [16, 32, 64, 80] : [16, 32, 80]) {
      const png = readFileSync(join(ASSETS_DIR, `${name}-${size}.png`));
      expect(png.subarray(1, 4).toString("ascii")).toBe("PNG");
      expect(png.readUInt32BE(16)).toBe(size);
      expect(png.readUInt32BE(20)).toBe(size);
    }
});

describe("a broken copy fails", () => {
  testWithEngine("xmllint", "the schema catches a resid over 32 characters and a misplaced label", () => {
    expect(validateAgainstSchema(broken("long-resid.xml", (t) => t.replace(/Load\.Label/g, "Load.Label.With.A.Very.Long.Resource.Id"))).ok).toBe(false);
    expect(validateAgainstSchema(broken("label-first.xml", (t) => t.replace('<CustomTab id="ChiTieu.Tab">', '<CustomTab id="ChiTieu.Tab">\n<Label resid="Tab.Label"/>'))).ok).toBe(false);
  });

  test("the checks catch a missing resource, an http URL, a missing icon, an unassociated function, a missing English string", () => {
    const problems = semanticProblems(
      xml
        .replace('<bt:Url id="Support.Url" DefaultValue="https://localhost:3000/support.html"/>', "")
        .replace("https://localhost:3000/taskpane.html", "http://localhost:3000/taskpane.html")
        .replace("assets/load-80.png", "assets/missing-80.png")
        .replace("<FunctionName>openDashboard</FunctionName>", "<FunctionName>openSomethingElse</FunctionName>")
        .replace('<bt:Override Locale="en-US" Value="Check figures"/>', ""),
    );
    expect(problems.join("\n")).toMatch(/resid "Support.Url" has no resource/);
    expect(problems.join("\n")).toMatch(/URL is not https: http:\/\/localhost:3000\/taskpane.html/);
    expect(problems.join("\n")).toMatch(/icon file missing for Load.80x80/);
    expect(problems.join("\n")).toMatch(/ExecuteFunction "openSomethingElse" is not associated/);
    expect(problems.join("\n")).toMatch(/string "Check.Label" has no en-US override/);
  });

  test("a short string over 125 characters", () => {
    expect(semanticProblems(xml.replace('DefaultValue="Tổng hợp"', `DefaultValue="${"x".repeat(126)}"`))).toContain('short string "Summary.Label" is longer than 125 characters');
  });
});

testWithEngine("xmllint", "manifests for another host are generated from this one, https only", () => {
  const production = manifestFor(xml, "https://chitieu.example.gov.vn/addin/");
  expect(production).not.toContain(DEV_BASE_URL);
  expect(production).toContain("https://chitieu.example.gov.vn/addin/taskpane.html");
  const path = join(scratch, "production.xml");
  writeFileSync(path, production);
  expect(validateAgainstSchema(path).ok).toBe(true);
  expect(semanticProblems(production, { baseUrl: "https://chitieu.example.gov.vn/addin" })).toEqual([]);
  expect(() => manifestFor(xml, "http://insecure.example")).toThrow(/https/);
});
