// Item 7: bad input gets one clear line naming the file (and the cell), exit 1 or 2, never a stack trace.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { t } from "../../cli/i18n";
import { cli, fillActuals, readGrid, rewriteSheet, tableOf, tempDir, SHEET, type CliRun } from "./support";
import { METADATA_SHEET } from "../../xlsx-reader/metadata";
import { readXlsxBytes } from "../../xlsx-reader/read";

const PLAN_ID = "do-son-2025";

function oneLine(run: CliRun): string {
  const lines = run.stderr.split("\n").filter(Boolean);
  expect(lines).toHaveLength(1);
  expect(run.stderr).not.toMatch(/\bat .*\.(ts|js):\d+/);
  return lines[0];
}

describe("bad input to check and evaluate", () => {
  const tmp = tempDir();
  const file = (name: string) => join(tmp.dir, name);
  afterAll(tmp.cleanup);
  let actualCell: (code: string) => string;
  let codes: string[];

  beforeAll(async () => {
    expect((await cli(tmp.dir, "template", "--plan", PLAN_ID, "-o", "template.xlsx")).code).toBe(0);
    const grid = readGrid(file("template.xlsx"));
    const table = tableOf(grid);
    const letter = String.fromCharCode(65 + table.col("Thực hiện năm 2025"));
    actualCell = (code) => `${letter}${table.rowOf(code) + 1}`;
    codes = grid.slice(table.headerRow + 1).map((r) => r?.[table.col("Mã")]).filter((c): c is string => typeof c === "string");
  });

  async function filledWith(name: string, values: Record<string, unknown>): Promise<string> {
    writeFileSync(file(name), readFileSync(file("template.xlsx")));
    await fillActuals(file(name), values);
    return name;
  }

  const fileCases: [string, () => string, string, Record<string, string | number>][] = [
    ["not an .xlsx (a CSV renamed)", () => (writeFileSync(file("bang.xlsx"), "STT,Mã,Chỉ tiêu\n1,1,Thu ngân sách\n"), "bang.xlsx"), "xlsx.not-zip", {}],
    ["an old .xls", () => (writeFileSync(file("cu.xlsx"), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0])), "cu.xlsx"), "xlsx.old-xls", {}],
    ["a truncated file", () => {
      const whole = readFileSync(file("template.xlsx"));
      writeFileSync(file("cut.xlsx"), whole.subarray(0, Math.floor(whole.length * 0.6)));
      return "cut.xlsx";
    }, "xlsx.damaged", {}],
    ["an empty file", () => (writeFileSync(file("rong.xlsx"), ""), "rong.xlsx"), "xlsx.empty", {}],
    ["a missing file", () => "khong-co.xlsx", "xlsx.missing", {}],
    ["a folder", () => (mkdirSync(file("thu-muc.xlsx"), { recursive: true }), "thu-muc.xlsx"), "xlsx.is-directory", {}],
  ];
  for (const [label, make, key, params] of fileCases) {
    it(`${label}: exit 2 and one line`, async () => {
      const name = make();
      for (const command of ["check", "evaluate"]) {
        const run = await cli(tmp.dir, command, name, ...(command === "evaluate" ? ["--json"] : []));
        expect(run.code).toBe(2);
        expect(run.stdout).toBe("");
        expect(oneLine(run)).toBe(t(key, { file: name, ...params }));
      }
    });
  }

  it("a workbook without the indicator sheet: exit 2, says so", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Sheet1").getCell("A1").value = "Báo cáo tháng 11";
    await wb.xlsx.writeFile(file("khac.xlsx"));
    const run = await cli(tmp.dir, "check", "khac.xlsx");
    expect(run.code).toBe(2);
    expect(oneLine(run)).toBe(t("xlsx.no-indicator-sheet", { file: "khac.xlsx" }));
    // The template with its indicator sheet deleted (the hidden sheets left).
    const src = readXlsxBytes(readFileSync(file("template.xlsx")));
    const wb2 = new ExcelJS.Workbook();
    for (const s of src.sheets.filter((s) => s.name !== SHEET)) {
      const ws = wb2.addWorksheet(s.name, { state: s.state });
      src.grid(s.name).forEach((row, r) => row.forEach((v, c) => v !== null && (ws.getCell(r + 1, c + 1).value = v as ExcelJS.CellValue)));
    }
    wb2.addWorksheet("Trang tính 1");
    await wb2.xlsx.writeFile(file("mat-trang.xlsx"));
    const run2 = await cli(tmp.dir, "evaluate", "mat-trang.xlsx", "--json");
    expect(run2.code).toBe(2);
    expect(oneLine(run2)).toBe(t("xlsx.no-indicator-sheet", { file: "mat-trang.xlsx" }));
  });

  it("a sheet whose key column was deleted: exit 2, names the sheet and the missing column", async () => {
    await rewriteSheet(file("template.xlsx"), file("mat-cot-ma.xlsx"), (grid) => {
      const codeCol = tableOf(grid).col("Mã");
      return grid.map((row) => row.filter((_, c) => c !== codeCol));
    });
    const run = await cli(tmp.dir, "check", "mat-cot-ma.xlsx");
    expect(run.code).toBe(2);
    const line = oneLine(run);
    expect(line.startsWith(`mat-cot-ma.xlsx: ${t("xlsx.layout-unusable", { file: "", sheet: SHEET, detail: "" }).slice(2)}`)).toBe(true);
    expect(line).toMatch(/Mã/);
  });

  it("a workbook that lost its hidden plan sheet: the built-in plan is recognised from its table (a warning says so); --plan still wins", async () => {
    const src = readXlsxBytes(readFileSync(file("template.xlsx")));
    const wb = new ExcelJS.Workbook();
    for (const s of src.sheets.filter((s) => s.name !== METADATA_SHEET)) {
      const ws = wb.addWorksheet(s.name, { state: s.state });
      src.grid(s.name).forEach((row, r) => row.forEach((v, c) => v !== null && (ws.getCell(r + 1, c + 1).value = v as ExcelJS.CellValue)));
    }
    await wb.xlsx.writeFile(file("mat-ke-hoach.xlsx"));
    const run = await cli(tmp.dir, "check", "mat-ke-hoach.xlsx", "--json");
    expect(run.code).toBe(0);
    const recognised = (JSON.parse(run.stdout) as { rule: string; message: string }[]).filter((f) => f.rule === "plan-recognised");
    expect(recognised).toHaveLength(1);
    expect(recognised[0].message).toContain(PLAN_ID);
    const withPlan = await cli(tmp.dir, "check", "mat-ke-hoach.xlsx", "--plan", PLAN_ID);
    expect(withPlan.code).toBe(0);
  });

  it("duplicate codes: exit 1, an error naming both cells", async () => {
    await rewriteSheet(file("template.xlsx"), file("trung-ma.xlsx"), (grid) => {
      const table = tableOf(grid);
      const copy = grid.map((row) => [...row]);
      copy[table.rowOf(codes[2])][table.col("Mã")] = codes[1];
      return copy;
    });
    const run = await cli(tmp.dir, "check", "trung-ma.xlsx", "--json");
    expect(run.code).toBe(1);
    const dup = JSON.parse(run.stdout).find((f: { rule: string }) => f.rule === "layout-duplicate-code");
    expect(dup).toMatchObject({ severity: "error", code: codes[1], sheet: SHEET });
    expect(dup.message).toContain(codes[1]);
    const text = await cli(tmp.dir, "check", "trung-ma.xlsx");
    expect(text.stdout).toMatch(new RegExp(`^trung-ma\\.xlsx!'Chỉ tiêu'!B\\d+: Lỗi: `, "m"));
  });

  const valueCases: [string, unknown, string][] = [
    ["a cell error", { error: "#DIV/0!" }, "cell-error"],
    ["text in a number cell", "khoảng 12 nghìn", "not-a-number"],
    ["1e308", 1e308, "impossible"],
  ];
  for (const [label, value, rule] of valueCases) {
    it(`${label}: exit 1, one error line naming the file and the cell`, async () => {
      const code = codes.find((c) => !c.includes(".")) as string;
      const name = await filledWith(`${rule}.xlsx`, { [code]: value });
      const run = await cli(tmp.dir, "check", name);
      expect(run.code).toBe(1);
      const errors = run.stdout.split("\n").filter((l) => l.includes(": Lỗi: "));
      expect(errors).toHaveLength(1);
      expect(errors[0].startsWith(`${name}!'Chỉ tiêu'!${actualCell(code)}: Lỗi: `)).toBe(true);
      const json = JSON.parse((await cli(tmp.dir, "check", name, "--json")).stdout);
      expect(json.filter((f: { severity: string }) => f.severity === "error")).toEqual([
        expect.objectContaining({ rule, code, cell: actualCell(code), file: name }),
      ]);
      const evaluated = await cli(tmp.dir, "evaluate", name, "--json");
      expect(evaluated.code).toBe(1);
      expect(JSON.parse(evaluated.stdout).indicators.find((r: { code: string }) => r.code === code).actual).toBeNull();
    });
  }

  it("speaks English with --lang en", async () => {
    writeFileSync(file("notes.xlsx"), "just some notes");
    const run = await cli(tmp.dir, "check", "notes.xlsx", "--lang", "en");
    expect(run.code).toBe(2);
    expect(oneLine(run)).toBe("notes.xlsx: not an Excel .xlsx file (the content is not a workbook).");
  });
});
