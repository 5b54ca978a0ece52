// The native charts of the .xlsx the CLI writes (cli/xlsx/chart-parts.ts): bound to the summary
// sheet's cells (the names and Tỷ lệ TH/KH columns over the table's rows; the totals block), each
// point coloured by its status, valid against dml-chart.xsd, and drawn by LibreOffice in the PDF.
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { readXlsxBytes } from "../../xlsx-reader/read";
import { parseReference } from "../../shared/sheet/a1";
import { TONE_COLORS } from "../../shared/chart/model";
import { describeWithEngine, enginePath } from "../support/engines";
import { formatProblems, validateOoxml } from "../support/ooxml-validate";
import { cli, fillActuals, tempDir } from "../cli/support";

const SCHEMAS = join(__dirname, "..", "..", "..", "shared", "schemas", "ooxml");
const ARTIFACTS = join(__dirname, "..", "..", "test-artifacts", "charts");
const TIMEOUT = 180_000;

function zipText(path: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, bytes] of Object.entries(unzipSync(new Uint8Array(readFileSync(path))))) if (!name.endsWith("/")) out[name] = strFromU8(bytes);
  return out;
}

function refs(chartXml: string): string[] {
  return [...chartXml.matchAll(/<c:f>([^<]+)<\/c:f>/g)].map((m) => (m[1] as string).replace(/&apos;/g, "'").replace(/&amp;/g, "&"));
}

function pointColors(chartXml: string): Map<number, string> {
  return new Map([...chartXml.matchAll(/<c:dPt><c:idx val="(\d+)"\/>[\s\S]*?<a:srgbClr val="([0-9A-F]{6})"\/>/g)].map((m) => [Number(m[1]), `#${m[2]}`]));
}

describe("native charts in the written .xlsx", () => {
  const tmp = tempDir();
  const file = (name: string) => join(tmp.dir, name);
  afterAll(tmp.cleanup);
  let parts: Record<string, string>;

  beforeAll(async () => {
    expect((await cli(tmp.dir, "template", "--plan", "dong-hai-2025", "-o", "dh.xlsx", "--unit", "Phường Đông Hải")).code).toBe(0);
    await fillActuals(file("dh.xlsx"), { "1": 38000, "1.1": 11000, "2": 100, "3": 85, "7": 99, "14": 0.8, "18": 96 });
    expect((await cli(tmp.dir, "summary", "dh.xlsx", "-o", "th.xlsx")).code).toBe(0);
    parts = zipText(file("th.xlsx"));
  }, TIMEOUT);

  it("adds two chart parts with a drawing on the summary sheet, declared in the content types and relationships", () => {
    const names = Object.keys(parts);
    expect(names.filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n))).toHaveLength(2);
    expect(parts["[Content_Types].xml"]).toContain('PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"');
    expect(parts["[Content_Types].xml"]).toContain('PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"');
    expect(parts["xl/worksheets/_rels/sheet1.xml.rels"]).toMatch(/relationships\/drawing" Target="\.\.\/drawings\/drawing1\.xml"/);
    expect(parts["xl/worksheets/sheet1.xml"]).toMatch(/<drawing r:id="rIdChitieuDrawing1"\/><\/worksheet>$/);
    expect(parts["xl/drawings/_rels/drawing1.xml.rels"]).toContain('Target="../charts/chart2.xml"');
  });

  it("binds the completion bars to the sheet's names and Tỷ lệ TH/KH cells, row for row, coloured by status", () => {
    const chart = parts["xl/charts/chart1.xml"]!;
    expect(chart).toContain('<c:barDir val="bar"/>');
    const [cat, val] = refs(chart).map((r) => parseReference(r)!);
    const book = readXlsxBytes(new Uint8Array(readFileSync(file("th.xlsx"))));
    const grid = book.grid(cat!.sheet);
    expect(cat!.sheet).toBe("Tổng hợp kết quả");
    // The row above the first bar is the table's header: Chỉ tiêu over the names, Tỷ lệ over the values.
    expect(grid[cat!.rect.row - 1]![cat!.rect.col]).toBe("Chỉ tiêu");
    expect(grid[val!.rect.row - 1]![val!.rect.col]).toBe("Tỷ lệ TH/KH (%)");
    expect(val!.rect.rows).toBe(cat!.rect.rows);
    expect(cat!.rect.rows).toBe(30);
    expect(grid[cat!.rect.row]![cat!.rect.col]).toBe("Thu ngân sách nhà nước trên địa bàn");
    const rowOf = (code: string) => grid.findIndex((r) => r?.[0] === code) - cat!.rect.row;
    expect(grid[cat!.rect.row + rowOf("1")]![val!.rect.col]).toBeCloseTo(103.56, 1);
    const colors = pointColors(chart);
    expect(colors.get(rowOf("1"))).toBe(TONE_COLORS.exceeded);
    expect(colors.get(rowOf("3"))).toBe(TONE_COLORS.missed);
    expect(colors.get(rowOf("7"))).toBe(TONE_COLORS.near);
    expect(colors.get(rowOf("4"))).toBe(TONE_COLORS.none);
    // The 100 % line: the value axis' major unit is 100 and its major gridline dark and dashed.
    expect(chart).toMatch(/<c:majorGridlines><c:spPr><a:ln w="19050"><a:solidFill><a:srgbClr val="000000"\/><\/a:solidFill><a:prstDash val="dash"\/>/);
    expect(chart).toContain('<c:majorUnit val="100"/>');
  });

  it("binds the counts chart to the totals block's status headers and its overall row", () => {
    const chart = parts["xl/charts/chart2.xml"]!;
    expect(chart).toContain('<c:barDir val="col"/>');
    const [cat, val] = refs(chart).map((r) => parseReference(r)!);
    const grid = readXlsxBytes(new Uint8Array(readFileSync(file("th.xlsx")))).grid(cat!.sheet);
    const headers = grid[cat!.rect.row]!.slice(cat!.rect.col, cat!.rect.col + cat!.rect.cols);
    expect(headers).toEqual(["Vượt", "Đạt", "Không đạt", "Chưa có số liệu", "Chưa đến hạn"]);
    const counts = grid[val!.rect.row]!.slice(val!.rect.col, val!.rect.col + val!.rect.cols) as number[];
    expect(grid[val!.rect.row]![0]).toBe("Toàn bộ kế hoạch");
    expect(counts.reduce((a, b) => a + b, 0)).toBe(24);
  });

  describeWithEngine(["xmllint"], "against the schema", () => {
    it("every chart part and the drawing part validate against dml-chart.xsd and dml-spreadsheetDrawing.xsd", () => {
      mkdirSync(tmp.dir, { recursive: true });
      const dir = join(tmp.dir, "parts");
      mkdirSync(dir, { recursive: true });
      const check = (name: string, xsd: string) => {
        const path = join(dir, name.replace(/\//g, "_"));
        writeFileSync(path, parts[name]!);
        return execFileSync(enginePath("xmllint"), ["--noout", "--schema", join(SCHEMAS, xsd), path], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
      };
      for (const name of Object.keys(parts).filter((n) => n.startsWith("xl/charts/"))) expect(() => check(name, "dml-chart.xsd")).not.toThrow();
      expect(() => check("xl/drawings/drawing1.xml", "dml-spreadsheetDrawing.xsd")).not.toThrow();
      // And the whole package with H-A's validator: every part, content types, relationship targets.
      expect(formatProblems(validateOoxml(new Uint8Array(readFileSync(file("th.xlsx"))), { xmllint: enginePath("xmllint") }))).toBe("");
    });
  });

  describeWithEngine(["libreoffice", "pdftoppm"], "drawn by LibreOffice", () => {
    it(
      "prints both charts in the summary's PDF (titles and axis text on the page), pages kept as artifacts",
      async () => {
        const run = await cli(tmp.dir, "summary", "dh.xlsx", "-o", "th-pdf.xlsx", "--pdf");
        expect(run.code).toBe(0);
        const pdf = file("th-pdf.pdf");
        const text = execFileSync(enginePath("pdftoppm").replace(/pdftoppm$/, "pdftotext"), ["-layout", pdf, "-"], { encoding: "utf8" });
        expect(text).toContain("Tỷ lệ thực hiện so với kế hoạch năm 2025 (%)");
        expect(text).toContain("Số chỉ tiêu theo kết quả đánh giá năm 2025");
        mkdirSync(ARTIFACTS, { recursive: true });
        execFileSync(enginePath("pdftoppm"), ["-r", "60", "-png", pdf, join(ARTIFACTS, "tong-hop-xlsx")]);
      },
      TIMEOUT,
    );

    it(
      "a consolidation's ranking sheet carries the units chart, bound to the units and their share achieved",
      async () => {
        for (const [name, unit, values] of [
          ["a.xlsx", "Phường Hồng Bàng", { "1": 13, "2": 7400, "3": 17 }],
          ["b.xlsx", "Phường Ngô Quyền", { "1": 11, "2": 7000 }],
        ] as const) {
          expect((await cli(tmp.dir, "template", "--plan", "hai-phong-232-2025", "-o", name, "--unit", unit)).code).toBe(0);
          await fillActuals(file(name), values);
        }
        expect((await cli(tmp.dir, "summary", "a.xlsx", "b.xlsx", "-o", "tong-hop.xlsx", "--pdf")).code).toBe(0);
        const zipped = zipText(file("tong-hop.xlsx"));
        const chart = Object.entries(zipped).find(([n, x]) => n.startsWith("xl/charts/") && x.includes("Xếp hạng các đơn vị"));
        expect(chart).toBeDefined();
        const [cat, val] = refs(chart![1]).map((r) => parseReference(r)!);
        const grid = readXlsxBytes(new Uint8Array(readFileSync(file("tong-hop.xlsx")))).grid(cat!.sheet);
        expect(grid[cat!.rect.row - 1]![cat!.rect.col]).toBe("Đơn vị");
        expect(String(grid[val!.rect.row - 1]![val!.rect.col])).toMatch(/^Tỷ lệ đạt/);
        expect([grid[cat!.rect.row]![cat!.rect.col], grid[cat!.rect.row + 1]![cat!.rect.col]]).toEqual(["Phường Hồng Bàng", "Phường Ngô Quyền"]);
        const text = execFileSync(enginePath("pdftoppm").replace(/pdftoppm$/, "pdftotext"), ["-layout", file("tong-hop.pdf"), "-"], { encoding: "utf8" });
        expect(text).toContain("Xếp hạng các đơn vị theo tỷ lệ chỉ tiêu đạt và vượt");
      },
      TIMEOUT,
    );
  });
});
