// The --into copy at the level of the sheet XML: a cell set where it is, or added in order with its
// row; cached formula results dropped; the workbook asking for a full recalculation; and the copy,
// opened by LibreOffice, computing "Tỷ lệ" and "Đánh giá" from the entered figures.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { copyWithFigures, dropCachedResults, setCell, withFullCalcOnLoad } from "../../cli/commands/read-report-workbook";
import { fillInWorkbookBytes } from "../../cli/commands/template";
import { readFilledWorkbook } from "../../cli/xlsx/filled-workbook";
import { findBuiltInPlan } from "../../shared/catalog";
import type { Plan } from "../../shared/model";
import { readSheetXml } from "../../xlsx-reader/read";
import { describeWithEngine, enginePath } from "../support/engines";

const SHEET = (rows: string) => `<worksheet><sheetData>${rows}</sheetData></worksheet>`;
const grid = (xml: string) => readSheetXml(xml, () => ["chữ"]);

describe("setCell", () => {
  test("replaces a cell in place, keeping its style", () => {
    const xml = setCell(SHEET('<row r="3"><c r="A3" t="s"><v>0</v></c><c r="F3" s="7"><v>12</v></c></row>'), "F3", 99.5);
    expect(xml).toContain('<c r="F3" s="7"><v>99.5</v></c>');
    expect(grid(xml)[2]).toEqual(["chữ", null, null, null, null, 99.5]);
  });

  test("adds a missing cell in column order, and a missing row in row order", () => {
    let xml = SHEET('<row r="2"><c r="A2"><v>1</v></c><c r="H2"><v>8</v></c></row><row r="5"><c r="A5"><v>5</v></c></row>');
    xml = setCell(xml, "F2", 6);
    xml = setCell(xml, "F4", 4);
    xml = setCell(xml, "B9", "Đạt & <vượt>");
    const g = grid(xml);
    expect(g[1]).toEqual([1, null, null, null, null, 6, null, 8]);
    expect(g[3][5]).toBe(4);
    expect(g[8][1]).toBe("Đạt & <vượt>");
    expect(xml.indexOf('r="4"')).toBeLessThan(xml.indexOf('r="5"'));
  });

  test("a self-closing row and an empty sheet get their cell", () => {
    expect(grid(setCell(SHEET('<row r="4" spans="1:3"/>'), "C4", 3))[3][2]).toBe(3);
    expect(grid(setCell("<worksheet><sheetData/></worksheet>", "A1", 1))[0][0]).toBe(1);
  });

  test("formula cells lose their cached result; the workbook asks for a full recalculation", () => {
    expect(dropCachedResults('<c r="G3" s="2"><f>F3/E3*100</f><v>101</v></c><c r="F3"><v>5</v></c>')).toBe('<c r="G3" s="2"><f>F3/E3*100</f></c><c r="F3"><v>5</v></c>');
    expect(withFullCalcOnLoad('<workbook><sheets><sheet name="a"/></sheets><calcPr calcId="1"/></workbook>')).toContain('<calcPr calcId="1" fullCalcOnLoad="1"/>');
    expect(withFullCalcOnLoad('<workbook><sheets><sheet name="a"/></sheets><definedNames><definedName name="x">a!A1</definedName></definedNames></workbook>')).toContain('</definedNames><calcPr fullCalcOnLoad="1"/>');
  });
});

describe("the copy", () => {
  const dir = mkdtempSync(join(tmpdir(), "report-copy-"));
  const plan = findBuiltInPlan("dong-hai-2025") as Plan;
  const source = join(dir, "bieu.xlsx");
  const out = join(dir, "copy.xlsx");

  beforeAll(async () => {
    writeFileSync(source, await fillInWorkbookBytes(plan, { lang: "vi" }));
    const filled = readFilledWorkbook(source, { lang: "vi" });
    const cell = (code: string) => filled.entries.find((e) => e.code === code)?.location?.cell as string;
    const { bytes, stored } = copyWithFigures({
      source,
      sheet: filled.sheet,
      writes: [
        { cell: cell("1"), value: 38500 },
        { cell: cell("18"), value: 95.1 },
      ],
      metadata: { reportTally: JSON.stringify({ total: 30, achievedOrExceeded: 29, exceeded: null, notAchieved: 1, text: "29/30" }) },
    });
    expect(stored).toBe(true);
    writeFileSync(out, bytes);
  });

  test("reads back with the figures, the plan and the tally; other cells unchanged", () => {
    const before = readFilledWorkbook(source, { lang: "vi" });
    const after = readFilledWorkbook(out, { lang: "vi" });
    expect(after.plan).toEqual(before.plan);
    const raw = new Map(after.entries.map((e) => [e.code, e.raw]));
    expect(raw.get("1")).toBe(38500);
    expect(raw.get("18")).toBe(95.1);
    expect(after.entries.filter((e) => e.raw !== null)).toHaveLength(2);
    expect(JSON.parse(after.metadata.reportTally).achievedOrExceeded).toBe(29);
  });

  describeWithEngine(["libreoffice"], "LibreOffice opens the copy", () => {
    test("and computes Tỷ lệ and Đánh giá from the entered figures", () => {
      execFileSync(enginePath("libreoffice"), ["--headless", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1", "--outdir", dir, out], { stdio: "ignore", timeout: 120_000 });
      const csv = readFileSync(join(dir, "copy.csv"), "utf8");
      const row = csv.split("\n").find((line) => line.includes('"Thu ngân sách nhà nước trên địa bàn"'));
      expect(row).toMatch(/"38,500",104\.9\d*,"Vượt"/);
    }, 150_000);
  });
});
