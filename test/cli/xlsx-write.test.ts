// The .xlsx renderer on a hand-made sheet model: every part of the model lands in the file.
import ExcelJS from "exceljs";
import { unzipSync, strFromU8 } from "fflate";
import type { SheetModel, WorkbookModel } from "../../shared/sheet/types";
import { writeXlsxBuffer } from "../../cli/xlsx/write";
import { readXlsxBytes } from "../../xlsx-reader/read";
import { withMetadataSheet, readMetadata, METADATA_SHEET, PLAN_JSON_KEY } from "../../xlsx-reader/metadata";

function sheet(): SheetModel {
  return {
    name: "Chỉ tiêu",
    role: "fill-in",
    cells: [
      ["UBND PHƯỜNG ĐÔNG HẢI"],
      ["STT", "Mã", "Chỉ tiêu", "Thực hiện", "Tỷ lệ", "Đánh giá", "Ghi chú"],
      [1, "1", "=Thu ngân sách, không phải công thức", 12.5, { formula: "=IFERROR(D3/10*100,\"\")" }, { formula: '=IF(D3="","Chưa có số liệu",IF(E3>=100,"Đạt","Không đạt"))' }, "+1 ghi chú"],
      [2, "2", "Giữ vững an ninh", null, null, { formula: '=IFS(D4="Đạt","Đạt",TRUE,"Chưa có số liệu")' }, "@x"],
    ],
    numberFormats: [[], [], [null, "@", null, "#,##0.00", "0.00"]],
    styles: [
      { range: { row: 1, col: 0, rows: 1, cols: 7 }, style: { font: { bold: true }, fill: "#D9E1F2", border: "thin-all" } },
      { range: { row: 1, col: 2, rows: 1, cols: 1 }, style: { font: { italic: true } } },
    ],
    merges: [{ row: 0, col: 0, rows: 1, cols: 3 }],
    columns: [{ width: 5 }, { width: 6, hidden: true }, { width: 50 }, { width: 14 }],
    frozen: { rows: 2, cols: 0 },
    conditionalRules: [{ id: "status-ok", range: { row: 2, col: 5, rows: 2, cols: 1 }, formula: '=$F3="Đạt"', style: { fill: "#C6EFCE", fontColor: "#006100" } }],
    validations: [
      { range: { row: 2, col: 3, rows: 1, cols: 1 }, rule: { kind: "decimal", min: 0 }, allowBlank: true, strict: true, error: { title: "Số không hợp lệ", message: "Nhập số ≥ 0" } },
      { range: { row: 3, col: 3, rows: 1, cols: 1 }, rule: { kind: "list", sourceSheet: "Danh mục", source: { row: 0, col: 0, rows: 2, cols: 1 }, items: ["Đạt", "Không đạt"] }, allowBlank: true, strict: true },
    ],
    editable: [{ row: 2, col: 3, rows: 2, cols: 1 }, { row: 2, col: 6, rows: 2, cols: 1 }],
    protection: { enabled: true },
    table: undefined,
    names: [{ name: "BangChiTieu", sheet: "Chỉ tiêu", range: { row: 1, col: 0, rows: 3, cols: 7 } }],
    print: { paper: "A4", orientation: "landscape", fitToWidth: true, repeatRows: { first: 1, last: 1 }, margins: { top: 20, bottom: 20, left: 30, right: 15, header: 10, footer: 10 }, pageNumbers: true },
    font: { name: "Times New Roman", size: 13 },
  };
}

const lists: SheetModel = {
  ...sheet(),
  name: "Danh mục",
  role: "lists",
  cells: [["Đạt"], ["Không đạt"]],
  numberFormats: [],
  styles: [],
  merges: [],
  columns: [],
  frozen: undefined,
  conditionalRules: [],
  validations: [],
  editable: [],
  protection: { enabled: false },
  names: [],
  print: undefined,
  hidden: true,
};

describe("writeXlsxBuffer", () => {
  let bytes: Buffer;
  let xml: Record<string, string>;
  beforeAll(async () => {
    const model: WorkbookModel = withMetadataSheet({ sheets: [sheet(), lists], metadata: { planId: "p" } }, { [PLAN_JSON_KEY]: "x".repeat(70000) + "é" });
    bytes = await writeXlsxBuffer(model);
    const files = unzipSync(new Uint8Array(bytes));
    xml = Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strFromU8(v)]));
  });

  it("keeps text that looks like a formula as text, and writes formulas as formulas", () => {
    const grid = readXlsxBytes(bytes).grid("Chỉ tiêu");
    expect(grid[2][2]).toBe("=Thu ngân sách, không phải công thức");
    expect(grid[2][6]).toBe("+1 ghi chú");
    expect(grid[3][6]).toBe("@x");
    const sheetXml = xml["xl/worksheets/sheet1.xml"];
    expect(sheetXml).toContain("<f>IFERROR(D3/10*100,&quot;&quot;)</f>");
    expect(sheetXml).toContain("_xlfn.IFS(");
    expect(sheetXml).not.toMatch(/<f>=?Thu/);
    expect(xml["xl/workbook.xml"]).toContain('fullCalcOnLoad="1"');
  });

  it("writes conditional formats, validations from a range, protection with unlocked input cells, names and print setup", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet("Chỉ tiêu")!;
    const s = xml["xl/worksheets/sheet1.xml"];
    expect(s).toMatch(/<conditionalFormatting sqref="F3:F4">/);
    expect(s).toContain("<formula>$F3=&quot;Đạt&quot;</formula>");
    expect(s).toMatch(/<dataValidation[^>]*type="list"[^>]*sqref="D4"/);
    expect(s).toContain("<formula1>&apos;Danh mục&apos;!$A$1:$A$2</formula1>");
    expect(s).toMatch(/<dataValidation[^>]*type="decimal"[^>]*operator="greaterThanOrEqual"/);
    expect(s).toMatch(/<sheetProtection[^>]*sheet="1"/);
    expect(s).not.toContain("hashValue");
    // Formatting rows and columns, sorting and filtering stay allowed ("0" = not locked).
    expect(s).toMatch(/<sheetProtection[^>]*formatColumns="0"[^>]*sort="0"/);
    expect(s).not.toMatch(/insertRows="0"/);
    expect(ws.getCell("D3").protection).toMatchObject({ locked: false });
    expect(ws.getCell("G4").protection).toMatchObject({ locked: false });
    expect(ws.getCell("E3").protection?.locked).not.toBe(false);
    expect(ws.getColumn(2).hidden).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 2 });
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: "landscape", fitToWidth: 1, fitToHeight: 0 });
    expect(xml["xl/workbook.xml"]).toMatch(/<definedName name="BangChiTieu">&apos;Chỉ tiêu&apos;!\$A\$2:\$G\$4<\/definedName>/);
    expect(xml["xl/workbook.xml"]).toMatch(/_xlnm.Print_Titles/);
    expect(ws.getCell("A2").font).toMatchObject({ name: "Times New Roman", size: 13, bold: true });
    expect(ws.getCell("C2").font).toMatchObject({ bold: true, italic: true });
    expect(ws.getCell("D3").numFmt).toBe("#,##0.00");
    expect(s).toContain('<mergeCell ref="A1:C1"/>');
  });

  it("protects with a password hashed as Excel hashes it (salted SHA-512, 100,000 rounds), checked by ExcelJS's own encryptor", async () => {
    const withPassword = await writeXlsxBuffer({ sheets: [sheet()], metadata: {} }, { password: "mật khẩu" });
    const protection = /<sheetProtection [^>]*>/.exec(strFromU8(unzipSync(new Uint8Array(withPassword))["xl/worksheets/sheet1.xml"]))?.[0] ?? "";
    const salt = /saltValue="([^"]+)"/.exec(protection)?.[1] ?? "";
    const hash = /hashValue="([^"]+)"/.exec(protection)?.[1];
    expect(protection).toContain('algorithmName="SHA-512"');
    expect(protection).toContain('spinCount="100000"');
    expect(Buffer.from(salt, "base64")).toHaveLength(16);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const encryptor = require("exceljs/lib/utils/encryptor") as { convertPasswordToHash(p: string, a: string, s: string, n: number): string };
    expect(hash).toBe(encryptor.convertPasswordToHash("mật khẩu", "SHA512", salt, 100000));
  });

  it("hides the list and metadata sheets and carries long metadata across cells", () => {
    const book = readXlsxBytes(bytes);
    expect(book.sheets.map((x) => [x.name, x.state])).toEqual([
      ["Chỉ tiêu", "visible"],
      ["Danh mục", "hidden"],
      [METADATA_SHEET, "veryHidden"],
    ]);
    const meta = readMetadata(book.grid(METADATA_SHEET));
    expect(meta.planId).toBe("p");
    expect(meta[PLAN_JSON_KEY]).toBe("x".repeat(70000) + "é");
  });
});

describe("the cells, validations, names, filters and tables the writer writes itself", () => {
  const cellsSheet = (): SheetModel => ({
    ...sheet(),
    name: "Dữ liệu",
    cells: [
      ["Tiêu đề"],
      ["Đơn vị", "Mã", "Ghi chú"],
      ["Phường 1", "1", " có khoảng trắng "],
      ["Phường 2", "2", "chữ _x0041_ không phải mã, và \u0001 ký tự điều khiển"],
      ["Phường 3", "3", "<&>\"'"],
    ],
    numberFormats: [],
    styles: [],
    merges: [],
    conditionalRules: [],
    editable: [],
    protection: { enabled: false },
    names: [],
    // Nine one-cell rules and one over two cells, in the order ExcelJS used to sort as text (F10 before F9).
    validations: [
      ...Array.from({ length: 9 }, (_, i) => ({ range: { row: 9 + i, col: 5, rows: 1, cols: 1 }, rule: { kind: "decimal" as const, min: 0 }, allowBlank: true, strict: true })),
      { range: { row: 8, col: 5, rows: 1, cols: 1 }, rule: { kind: "whole" as const, min: 0, max: 10 }, allowBlank: true, strict: false },
    ],
    print: { paper: "A4", orientation: "landscape", fitToWidth: true, margins: { top: 20, bottom: 20, left: 30, right: 15, header: 10, footer: 10 }, pageNumbers: false, printArea: { row: 0, col: 0, rows: 47, cols: 9 } },
    autoFilter: { row: 1, col: 0, rows: 4, cols: 3 },
  });

  let parts: Record<string, string>;
  let bytes: Buffer;
  beforeAll(async () => {
    const tabled: SheetModel = { ...cellsSheet(), name: "Bảng", autoFilter: undefined, tables: [{ name: "BangThu", range: { row: 1, col: 0, rows: 4, cols: 3 } }] };
    bytes = await writeXlsxBuffer({ sheets: [cellsSheet(), tabled], metadata: {} });
    parts = Object.fromEntries(Object.entries(unzipSync(new Uint8Array(bytes))).map(([k, v]) => [k, strFromU8(v)]));
  });

  it("keeps every text exactly, spaces, control characters and '_x0041_' included", () => {
    const grid = readXlsxBytes(bytes).grid("Dữ liệu");
    expect(grid[2][2]).toBe(" có khoảng trắng ");
    expect(grid[4][2]).toBe("<&>\"'");
    expect(parts["xl/sharedStrings.xml"]).toContain("_x005F_x0041_");
    expect(parts["xl/sharedStrings.xml"]).toContain("_x0001_");
    expect(parts["xl/sharedStrings.xml"]).toContain('<t xml:space="preserve"> có khoảng trắng </t>');
  });

  it("writes each validation on exactly its own cells: none on F10 twice", () => {
    const sqrefs = [...parts["xl/worksheets/sheet1.xml"].matchAll(/<dataValidation [^>]*sqref="([^"]+)"/g)].map((m) => m[1]);
    expect(sqrefs).toEqual(["F10", "F11", "F12", "F13", "F14", "F15", "F16", "F17", "F18", "F9"]);
  });

  it("writes the print area fully absolute, and the filter with its hidden name", () => {
    const workbook = parts["xl/workbook.xml"];
    expect(workbook).toContain('<definedName name="_xlnm.Print_Area" localSheetId="0">&apos;Dữ liệu&apos;!$A$1:$I$47</definedName>');
    expect(workbook).toContain('<definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">&apos;Dữ liệu&apos;!$A$2:$C$5</definedName>');
    expect(parts["xl/worksheets/sheet1.xml"]).toContain('<autoFilter ref="A2:C5"/>');
  });

  it("writes a table part named by its header cells, linked from its sheet", () => {
    expect(parts["xl/tables/table1.xml"]).toContain('name="BangThu" displayName="BangThu" ref="A2:C5"');
    expect(parts["xl/tables/table1.xml"]).toContain('<tableColumn id="1" name="Đơn vị"/><tableColumn id="2" name="Mã"/><tableColumn id="3" name="Ghi chú"/>');
    expect(parts["xl/worksheets/_rels/sheet2.xml.rels"]).toContain('Target="../tables/table1.xml"');
    expect(parts["xl/worksheets/sheet2.xml"]).toMatch(/<tableParts count="1"><tablePart r:id="rIdTable1"\/><\/tableParts><\/worksheet>$/);
    expect(parts["[Content_Types].xml"]).toContain('<Override PartName="/xl/tables/table1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml"/>');
  });
});
