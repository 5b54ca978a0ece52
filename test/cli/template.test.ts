// `chitieu template`: the fill-in workbook as a file, and nothing of the user's overwritten.
import { readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { unzipSync, strFromU8 } from "fflate";
import { t } from "../../cli/i18n";
import { findBuiltInPlan } from "../../shared/catalog";
import { readXlsxBytes } from "../../xlsx-reader/read";
import { METADATA_SHEET, PLAN_JSON_KEY, readMetadata } from "../../xlsx-reader/metadata";
import { cli, readGrid, tableOf, tempDir } from "./support";

const CONTRACT_HEADERS = ["STT", "Mã", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch", "Thực hiện", "Tỷ lệ", "Đánh giá", "Ghi chú"];

describe("chitieu template", () => {
  const tmp = tempDir();
  afterAll(tmp.cleanup);

  it("writes the indicator sheet with the header cells of cli.md, the unit, and the plan it was made from", async () => {
    const run = await cli(tmp.dir, "template", "--plan", "dong-hai-2025", "-o", "dong-hai.xlsx", "--unit", "Phường Đông Hải");
    expect(run).toMatchObject({ code: 0, stderr: "" });
    const plan = findBuiltInPlan("dong-hai-2025")!;
    expect(run.stdout).toContain("dong-hai.xlsx");
    const grid = readGrid(join(tmp.dir, "dong-hai.xlsx"));
    const table = tableOf(grid);
    const header = grid[table.headerRow].map(String);
    let at = -1;
    for (const begins of CONTRACT_HEADERS) {
      const i = header.findIndex((cell, idx) => idx > at && cell.startsWith(begins));
      expect(i).toBeGreaterThan(at);
      at = i;
    }
    expect(grid.slice(0, table.headerRow).flat()).toContain("PHƯỜNG ĐÔNG HẢI");
    expect(plan.indicators.every((ind) => table.rowOf(ind.code) > table.headerRow)).toBe(true);
    const book = readXlsxBytes(readFileSync(join(tmp.dir, "dong-hai.xlsx")));
    const meta = readMetadata(book.grid(METADATA_SHEET));
    expect(meta.planId).toBe("dong-hai-2025");
    expect(JSON.parse(meta[PLAN_JSON_KEY])).toEqual(plan);
    expect(book.sheets.find((s) => s.name === METADATA_SHEET)?.state).toBe("veryHidden");
  });

  it("labels the actual column \"Ước thực hiện\" with --estimate, and takes --year", async () => {
    const run = await cli(tmp.dir, "template", "--plan", "hai-phong-232-2025", "-o", "uoc.xlsx", "--estimate", "--year", "2025");
    expect(run.code).toBe(0);
    const grid = readGrid(join(tmp.dir, "uoc.xlsx"));
    const header = grid[tableOf(grid).headerRow];
    expect(header).toContain("Ước thực hiện năm 2025");
    expect(header.some((h) => h === "Thực hiện năm 2025")).toBe(false);
  });

  it("refuses to overwrite an existing file unless --force", async () => {
    const path = join(tmp.dir, "mine.xlsx");
    writeFileSync(path, "số liệu của tôi");
    const refused = await cli(tmp.dir, "template", "--plan", "do-son-2025", "-o", "mine.xlsx");
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe(t("xlsx.out-exists", { file: "mine.xlsx" }) + "\n");
    expect(readFileSync(path, "utf8")).toBe("số liệu của tôi");
    const forced = await cli(tmp.dir, "template", "--plan", "do-son-2025", "-o", "mine.xlsx", "--force");
    expect(forced.code).toBe(0);
    expect(readFileSync(path).subarray(0, 2).toString()).toBe("PK");
    expect(statSync(path).size).toBeGreaterThan(5000);
  });

  it("protects the sheet without a password by default, with one when asked", async () => {
    const sheetXml = (file: string) => strFromU8(unzipSync(new Uint8Array(readFileSync(join(tmp.dir, file))))["xl/worksheets/sheet1.xml"]);
    expect(sheetXml("dong-hai.xlsx")).toMatch(/<sheetProtection [^>]*sheet="1"/);
    expect(sheetXml("dong-hai.xlsx")).not.toContain("hashValue");
    expect((await cli(tmp.dir, "template", "--plan", "do-son-2025", "-o", "pw.xlsx", "--password", "123")).code).toBe(0);
    expect(sheetXml("pw.xlsx")).toMatch(/<sheetProtection [^>]*hashValue="[^"]+"/);
  });

  it("answers bad arguments with one line and exit 2", async () => {
    const cases: [string[], string][] = [
      [["template", "-o", "a.xlsx"], t("cli.missing-argument", { what: "--plan", usage: "" }).split(" Cách")[0]],
      [["template", "--plan", "do-son-2025", "-o", "a.csv"], t("xlsx.out-not-xlsx", { file: "a.csv" })],
      [["template", "--plan", "khong-co", "-o", "a.xlsx"], t("plan.not-found", { id: "khong-co" })],
      [["template", "--plan", "do-son-2025", "-o", "a.xlsx", "--year", "20x5"], t("xlsx.bad-year", { value: "20x5" })],
      [["template", "--plan", "do-son-2025", "-o", "khong-co-thu-muc/a.xlsx"], t("xlsx.write-failed", { file: "a.xlsx", detail: "thư mục không tồn tại" })],
    ];
    for (const [argv, message] of cases) {
      const run = await cli(tmp.dir, ...argv);
      expect({ argv, code: run.code }).toEqual({ argv, code: 2 });
      expect(run.stderr.split("\n").filter(Boolean)).toHaveLength(1);
      expect(run.stderr).toContain(message);
    }
  });
});
