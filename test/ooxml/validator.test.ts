// The validator itself: a sound workbook passes, and each kind of damage Excel repairs is found and
// named (elements out of order, indices out of range, two validation rules on a cell, a
// half-absolute print area, an illegal sheet name, an overlapping merge, a table whose column
// names are not its header cells); markup compatibility is applied as a reader of the ECMA
// namespaces applies it, not skipped.
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { findBuiltInPlan } from "../../shared/catalog";
import type { Plan } from "../../shared/model";
import { fillInWorkbookBytes } from "../../cli/commands/template";
import { exampleEntries } from "../../cli/demo-data";
import { describeWithEngine, enginePath } from "../support/engines";
import { formatProblems, validateOoxmlPackages, type OoxmlProblem } from "../support/ooxml-validate";
import { processMarkupCompatibility } from "../support/ooxml-mce";

const plan = findBuiltInPlan("dong-hai-2025") as Plan;
const SHEET = "xl/worksheets/sheet1.xml";

/** The package with `edit` applied to the text of one part. */
function damaged(bytes: Uint8Array, part: string, edit: (xml: string) => string): Uint8Array {
  const files = unzipSync(bytes);
  const before = strFromU8(files[part]);
  const after = edit(before);
  if (after === before) throw new Error(`the edit of ${part} changed nothing`);
  files[part] = strToU8(after);
  return zipSync(files);
}

const DAMAGE: [string, string, (xml: string) => string, RegExp][] = [
  ["elements out of order in a worksheet (cols after sheetData)", SHEET, (x) => x.replace(/(<cols>[\s\S]*?<\/cols>)([\s\S]*?<\/sheetData>)/, "$2$1"), /sml\.xsd.*element cols.*not expected/],
  ["a cell style index out of range", SHEET, (x) => x.replace(/(<c r="A\d+") s="\d+"/, '$1 s="999"'), /cell A\d+: style 999, but cellXfs has \d+/],
  ["a shared-string index out of range", SHEET, (x) => x.replace(/(t="s"><v>)\d+</, "$199999<"), /shared string 99999, but there are \d+/],
  ["a conditional format's dxf out of range", SHEET, (x) => x.replace(/dxfId="\d+"/, 'dxfId="77"'), /dxfId 77, but dxfs has \d+/],
  ["two identical validation rules on F10", SHEET, (x) => x.replace(/(<dataValidation [^>]*?)sqref="([^"]+)"([^>]*>[\s\S]*?<\/dataValidation>)/, (all, a: string, _ref: string, b: string) => `${all}${a}sqref="F9:F10"${b}`.replace(/count="\d+"/, "")), /two data-validation rules on one cell/],
  ["a half-absolute print area", "xl/workbook.xml", (x) => x.replace(/(_xlnm\.Print_Area"[^>]*>[^<]*!)\$([A-Z]+)\$(\d+)/, "$1$$$2$3"), /Print_Area.*not fully absolute/],
  ["an illegal sheet name", "xl/workbook.xml", (x) => x.replace(/name="Danh mục"/, 'name="Danh/mục"'), /sheet name "Danh\/mục" holds one of/],
  ["a defined name on a sheet that does not exist", "xl/workbook.xml", (x) => x.replace(/(<definedName name="[^_][^"]*"[^>]*>)&apos;[^&]+&apos;/, "$1&apos;Không có&apos;"), /refers to sheet "Không có", which does not exist/],
  ["two merges on one cell", SHEET, (x) => x.replace(/<mergeCells count="(\d+)">(<mergeCell ref="([^"]+)"\/>)/, (_a, n: string, first: string, ref: string) => `<mergeCells count="${Number(n) + 1}">${first}<mergeCell ref="${ref.split(":")[0]}"/>`), /two merges on one cell/],
  ["a relationship to a missing part", "xl/_rels/workbook.xml.rels", (x) => x.replace(/Target="styles\.xml"/, 'Target="styles2.xml"'), /points at xl\/styles2\.xml, which is not in the package/],
  [
    "an element in an extension namespace that is not ignorable",
    SHEET,
    (x) => x.replace(/<worksheet /, '<worksheet xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" ').replace(/<sheetFormatPr /, '<sheetFormatPr x14ac:dyDescent="55" '),
    /2009\/9\/ac}dyDescent.*is not allowed/,
  ],
];

describeWithEngine(["xmllint"], "the OOXML validator", () => {
  let sound: Uint8Array;
  let results: Map<string, OoxmlProblem[]>;

  beforeAll(async () => {
    sound = new Uint8Array(await fillInWorkbookBytes(plan, { unit: "Phường Đông Hải", lang: "vi", entries: exampleEntries(plan, 0) }));
    const packages = new Map<string, Uint8Array>([["sound", sound]]);
    for (const [title, part, edit] of DAMAGE) packages.set(title, damaged(sound, part, edit));
    results = validateOoxmlPackages(packages, { xmllint: enginePath("xmllint") });
  }, 120000);

  test("the sound workbook passes", () => {
    expect(formatProblems(results.get("sound") ?? [])).toBe("");
  });

  test.each(DAMAGE.map(([title, , , expected]) => [title, expected] as const))("finds %s", (title, expected) => {
    const text = formatProblems(results.get(title) ?? []);
    expect(text).toMatch(expected);
  });
});

describe("markup compatibility as an ECMA-only reader applies it", () => {
  const ns = 'xmlns="urn:main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:x="urn:ext" xmlns:y="urn:other"';

  test("what ignorable namespaces add is dropped, the rest stays", () => {
    const { xml, rootNamespace } = processMarkupCompatibility(`<root ${ns} mc:Ignorable="x"><a x:extra="1" y:kept="2">t</a><x:only/><y:stays/></root>`);
    expect(rootNamespace).toBe("urn:main");
    expect(xml).toContain('<a y:kept="2">t</a>');
    expect(xml).not.toContain("x:only");
    expect(xml).not.toContain("x:extra");
    expect(xml).toContain("<y:stays/>");
    expect(xml).not.toContain("mc:Ignorable");
  });

  test("AlternateContent becomes its Fallback's content, or nothing without one", () => {
    const { xml } = processMarkupCompatibility(
      `<root ${ns}><mc:AlternateContent><mc:Choice Requires="x"><x:new/></mc:Choice><mc:Fallback><old a="1"/><old2/></mc:Fallback></mc:AlternateContent><mc:AlternateContent><mc:Choice Requires="x"><x:gone/></mc:Choice></mc:AlternateContent><end/></root>`,
    );
    expect(xml).toMatch(/<root [^>]*><old a="1"\/><old2\/><end\/><\/root>/);
  });

  test("xml:space is XML's own and goes; text keeps its escapes", () => {
    const { xml } = processMarkupCompatibility(`<t xmlns="urn:main" xml:space="preserve"> a &amp; &lt;b&gt; </t>`);
    expect(xml).toContain('<t xmlns="urn:main"> a &amp; &lt;b&gt; </t>');
  });
});
