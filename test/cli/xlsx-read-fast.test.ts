// The byte-level reader (xlsx-reader/sheet-scan.ts behind xlsx-reader/read.ts) against the reader
// it replaced, kept verbatim in test/support/xlsx-reader-reference.ts: on random workbooks written
// by the project's writer, by ExcelJS, and by hand as raw XML in the forms other programs write
// (prefixes, missing addresses, inline strings, rich text, numeric entities, unclosed cells), every
// sheet list, defined name, grid and refusal must be the same.
import ExcelJS from "exceljs";
import fc from "fast-check";
import { strToU8, zipSync } from "fflate";
import type { CellValue, SheetModel } from "../../shared/sheet/types";
import { writeXlsxBuffer } from "../../cli/xlsx/write";
import { unzipXlsx } from "../../xlsx-reader/package";
import { bookFromPackage } from "../../xlsx-reader/read";
import { bookFromPackage as referenceBook } from "../support/xlsx-reader-reference";

/** Everything a caller can see of a book, or the error it throws. */
function reading(make: typeof bookFromPackage, bytes: Uint8Array): unknown {
  const outcome = (fn: () => unknown) => {
    try {
      return { value: fn() };
    } catch (error) {
      return { error: error instanceof Error ? `${error.name}:${error.message}:${JSON.stringify((error as { params?: unknown }).params ?? {})}` : String(error) };
    }
  };
  return outcome(() => {
    const book = make(unzipXlsx(bytes));
    return { sheets: book.sheets, names: book.definedNames, grids: book.sheets.map((s) => outcome(() => book.grid(s.name))) };
  });
}

function expectSameReading(bytes: Uint8Array): void {
  expect(reading(bookFromPackage, bytes)).toEqual(reading(referenceBook, bytes));
}

// Texts that exercise what a reader can get wrong: entities, Excel's _xHHHH_, control characters,
// a leading byte-order mark, Vietnamese, markup-like text, leading/trailing spaces, digits.
const tricky = fc.constantFrom("&", "<", ">", '"', "'", "&amp;", "&quot;", "&#65;", "_x0041_", "_x005F_", "\u0001", "\ufeff", " ", "\n", "Đạt", "Chưa có số liệu", "ủy ban", "</c>", "<v>", "r=\"A1\"", "1", "0", "-", ".", "e", "x", "Z");
const text = fc.array(tricky, { maxLength: 8 }).map((parts) => parts.join(""));
const number = fc.oneof(fc.integer({ min: -1e6, max: 1e6 }), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(0, 1e15, 2 ** 60, 0.1, -0.5, 1e-7));
const literal: fc.Arbitrary<CellValue> = fc.oneof(text, number, fc.boolean(), fc.constant(null));
const cell: fc.Arbitrary<CellValue> = fc.oneof({ weight: 5, arbitrary: literal }, { weight: 1, arbitrary: fc.constantFrom<CellValue>({ formula: "=1+1" }, { formula: '=IF(A1="","Đạt","x")' }) });
const grid = fc.array(fc.array(cell, { maxLength: 6 }), { maxLength: 6 });
const sheetName = fc.constantFrom("Chỉ tiêu", "Danh mục", "A & B", "Số 'liệu' x", "S1");

function model(name: string, cells: CellValue[][]): SheetModel {
  return {
    name,
    role: "fill-in",
    cells,
    numberFormats: [],
    styles: [],
    merges: [],
    columns: [],
    conditionalRules: [],
    validations: [],
    editable: [],
    protection: { enabled: false },
    names: [],
    font: { name: "Times New Roman", size: 13 },
  };
}

describe("the fast reader reads what the reference reader reads", () => {
  it("on workbooks the project's writer writes", async () => {
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(fc.tuple(sheetName, grid), { minLength: 1, maxLength: 3, selector: ([n]) => n }), async (sheets) => {
        const bytes = await writeXlsxBuffer({ sheets: sheets.map(([n, g]) => model(n, g)), metadata: { plan: '{"a":"<&>"}' } });
        expectSameReading(new Uint8Array(bytes));
      }),
      { numRuns: 40 },
    );
  });

  const excelValue = fc.oneof(
    literal,
    fc.record({ formula: fc.constantFrom("A1*2", "SUM(A1:B2)"), result: fc.oneof(number, text, fc.boolean()) }),
    fc.constantFrom({ error: "#DIV/0!" }, { error: "#N/A" }),
    fc.array(fc.record({ text, font: fc.constantFrom({ bold: true }, { italic: true }) }), { minLength: 1, maxLength: 3 }).map((richText) => ({ richText })),
  );

  it("on workbooks ExcelJS writes (rich text, errors, formulas with results)", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 30 }), excelValue), { maxLength: 25 }), async (cells) => {
        const wb = new ExcelJS.Workbook();
        const ws = wb.addWorksheet("Chỉ tiêu");
        for (const [r, c, value] of cells) ws.getCell(r, c).value = value as ExcelJS.CellValue;
        wb.addWorksheet("_chitieu", { state: "veryHidden" }).getCell("A1").value = "planId";
        expectSameReading(new Uint8Array(await wb.xlsx.writeBuffer()));
      }),
      { numRuns: 40 },
    );
  });

  // Raw cells in the forms other programs (and hostile files) write.
  const attrs = fc.constantFrom("", ' r="B2"', " r='C3'", ' s="1" r="AA10"', ' r="A0"', ' r="ABCD1"', ' t="s"', ' r="D4" t="s"', ' t="str"', ' t="b"', ' t="e"', ' t="inlineStr"', ' t="n"', ' t = "s" r = "E5"', ' x:r="F6"', ' r="G7"/', " r=\"H8\" t='d'", ' r="Ā1"', "\tr=\"I9\"", ' r="J10" r="K11"', ' r="B2x"', ' r="C3 "', ' r="D"', ' t="s "', ' r="E5\'', ' a="1"r="F6"');
  const content = fc.constantFrom("", "<v>1</v>", "<v>0</v>", "<v> 2 </v>", "<v>1.5</v>", "<v>-3</v>", "<v>1e309</v>", "<v>abc</v>", "<v></v>", "<v/>", "<f>A1</f><v>7</v>", "<f>IF(A1&lt;1,&quot;x&quot;)</f><v>Đạt</v>", "<x:v>4</x:v>", '<v a="1">5</v>', "<v>&amp;lt;</v>", "<v>&#65;</v>", "<v>_x0041_</v>", "<is><t>trong</t></is>", "<is><r><t>a</t></r><r><t>b</t></r></is>", "<v>1<b/></v>", "<v>12345678901234567890</v>", "<v>007</v>", "<v>true</v>", "<v>#DIV/0!</v>");
  const close = fc.constantFrom("</c>", "</x:c>", "</c >");
  const rawCell = fc.oneof(
    fc.tuple(fc.constantFrom("<c", "<x:c"), attrs, content, close).map(([open, a, body, end]) => (body === "" && !a.endsWith("/") ? `${open}${a}/>` : a.endsWith("/") ? `${open}${a}>` : `${open}${a}>${body}${end}`)),
    fc.constantFrom("<col/>", "<!-- <c r=\"Z9\"><v>9</v></c> -->", "<extLst/>", "<c", "<row"),
  );
  const rowOpen = fc.constantFrom("<row>", '<row r="3">', '<row r="5" ht="20" customHeight="1">', "<row r='7' spans=\"1:3\">", '<row r="0">', '<row customFormat="1" r="9">', '<x:row r="2">', '<row r="4"/>');
  const rawRow = fc.tuple(rowOpen, fc.array(rawCell, { maxLength: 5 })).map(([open, cells]) => (open.endsWith("/>") ? open + cells.join("") : `${open}${cells.join("")}</row>`));
  const shared = fc.array(fc.oneof(text.map((t) => `<si><t>${t.replaceAll("&", "&amp;").replaceAll("<", "&lt;")}</t></si>`), fc.constantFrom("<si/>", "<si><t/></si>", '<si><t xml:space="preserve"> a </t></si>', "<si><r><t>x</t></r><r><t>y</t></r></si>", "<si><t>a</t><rPh><t>b</t></rPh></si>", "<si><t>&#x1F600;&amp;</t></si>", "<x:si><x:t>p</x:t></x:si>", "<si><t>&quot;k&quot;: &quot;v&quot;</t></si>", "<si><t>a<b/>c</t></si>")), { maxLength: 6 });

  it("on raw sheet XML in every form the scan or the string reader handles", () => {
    fc.assert(
      fc.property(fc.array(rawRow, { maxLength: 6 }), shared, fc.boolean(), (rows, items, bom) => {
        // A last row shows every shared string, so each item is compared, not only those a random cell points at.
        const every = items.map((_, i) => `<c r="${String.fromCharCode(65 + i)}40" t="s"><v>${i}</v></c>`).join("");
        const sheetXml = `${bom ? "\ufeff" : ""}<?xml version="1.0"?><worksheet><sheetData>${rows.join("")}<row r="40">${every}</row></sheetData></worksheet>`;
        const bytes = zipSync({
          "[Content_Types].xml": strToU8("<Types/>"),
          "xl/workbook.xml": strToU8('<workbook><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>'),
          "xl/_rels/workbook.xml.rels": strToU8('<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>'),
          "xl/worksheets/sheet1.xml": strToU8(sheetXml),
          "xl/sharedStrings.xml": strToU8(`<sst>${items.join("")}</sst>`),
        });
        expectSameReading(bytes);
      }),
      { numRuns: 400 },
    );
  });
});
