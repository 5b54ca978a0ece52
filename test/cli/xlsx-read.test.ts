// The direct XML reader against files ExcelJS writes (as Excel would), and against broken files.
import ExcelJS from "exceljs";
import { zipSync, strToU8 } from "fflate";
import { readXlsxBytes } from "../../xlsx-reader/read";
import { XlsxFileError } from "../../cli/xlsx/open";

async function bytesOf(build: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

function fileError(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (error instanceof XlsxFileError) return error.key;
    throw error;
  }
  throw new Error("no error");
}

describe("readXlsxBytes", () => {
  it("reads numbers, shared and inline strings, booleans, errors, formulas' cached values and hidden sheets", async () => {
    const bytes = await bytesOf((wb) => {
      const ws = wb.addWorksheet("Chỉ tiêu");
      ws.getCell("A1").value = "Mã";
      ws.getCell("B1").value = "=SUM(1,2) & <tag> \"quoted\"";
      ws.getCell("A2").value = 12.35;
      ws.getCell("B2").value = true;
      ws.getCell("C2").value = { error: "#DIV/0!" } as ExcelJS.CellErrorValue;
      ws.getCell("D2").value = { formula: "A2*2", result: 24.7 };
      ws.getCell("E2").value = { formula: "A2*3" };
      ws.getCell("C4").value = 1e308;
      ws.getCell("A5").value = "Phường Đông Hải";
      const hidden = wb.addWorksheet("_chitieu", { state: "veryHidden" });
      hidden.getCell("A1").value = "planId";
    });
    const book = readXlsxBytes(bytes);
    expect(book.sheets.map((s) => [s.name, s.state])).toEqual([
      ["Chỉ tiêu", "visible"],
      ["_chitieu", "veryHidden"],
    ]);
    const grid = book.grid("Chỉ tiêu");
    expect(grid[0]).toEqual(["Mã", "=SUM(1,2) & <tag> \"quoted\""]);
    expect(grid[1]).toEqual([12.35, true, { error: "#DIV/0!" }, 24.7]);
    expect(grid[2]).toEqual([]);
    expect(grid[3]).toEqual([null, null, 1e308]);
    expect(grid[4]).toEqual(["Phường Đông Hải"]);
    expect(book.grid("_chitieu")).toEqual([["planId"]]);
  });

  it("reads inline strings, rich text runs and cells without addresses", () => {
    const sheet = `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
      <row r="2"><c t="inlineStr"><is><t>Thực hiện</t></is></c><c t="s"><v>0</v></c><c><v>7</v></c></row>
      <row><c r="B3" t="str"><f>A1</f><v>x &amp; y</v></c></row></sheetData></worksheet>`;
    const shared = `<sst><si><r><t>Kế </t></r><r><t xml:space="preserve">hoạch</t></r><rPh><t>ignored</t></rPh></si></sst>`;
    const workbook = `<workbook xmlns:r="r"><sheets><sheet name="S &amp; T" sheetId="1" r:id="rId1"/></sheets></workbook>`;
    const rels = `<Relationships><Relationship Id="rId1" Type="ws" Target="/xl/worksheets/sheet1.xml"/></Relationships>`;
    const bytes = zipSync({
      "xl/workbook.xml": strToU8(workbook),
      "xl/_rels/workbook.xml.rels": strToU8(rels),
      "xl/sharedStrings.xml": strToU8(shared),
      "xl/worksheets/sheet1.xml": strToU8(sheet),
    });
    const book = readXlsxBytes(bytes);
    expect(book.sheets[0].name).toBe("S & T");
    expect(book.grid("S & T")).toEqual([[], ["Thực hiện", "Kế hoạch", 7], [null, "x & y"]]);
  });

  it("refuses what is not an .xlsx, with a reason for each", async () => {
    expect(fileError(() => readXlsxBytes(strToU8("STT,Mã,Chỉ tiêu\n1,1,GRDP\n")))).toBe("xlsx.not-zip");
    expect(fileError(() => readXlsxBytes(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])))).toBe("xlsx.old-xls");
    const good = await bytesOf((wb) => wb.addWorksheet("A").getCell("A1").value = "x");
    expect(fileError(() => readXlsxBytes(good.slice(0, Math.floor(good.length / 2))))).toBe("xlsx.damaged");
    expect(fileError(() => readXlsxBytes(zipSync({ "word/document.xml": strToU8("<w/>") })))).toBe("xlsx.not-workbook");
  });
});
