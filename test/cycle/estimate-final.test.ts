// The estimate (Số ước thực hiện, December) and the final figures (Thực hiện, January) in one
// workbook: the change list between them, the departure warning, and the summary made from either.
// Expected values are worked out by hand from the Đông Hải plan and the figures typed.
import ExcelJS from "exceljs";
import { join } from "node:path";
import { findBuiltInPlan } from "../../shared/catalog";
import { defaultSettings, type ActualEntry, type Plan } from "../../shared/model";
import { entriesFor, estimateDepartures, estimateToFinal, figureUse, parseFigureBasis } from "../../shared/period-figures";
import { cli, fillActuals, readGrid, SHEET, tableOf, tempDir } from "../cli/support";

const dongHai: Plan = findBuiltInPlan("dong-hai-2025")!;

/** code → [estimate, final]; null where that figure is not typed. */
const FIGURES: Record<string, [number | null, number | null]> = {
  "1": [37000, 36000], // revenue ≥ 36 692: Vượt → Không đạt (98,1 %, near miss)
  "8": [290, 300], // ≥ 294 lượt hộ: Không đạt → Vượt
  "14": [0.8, 0.8], // population growth ≤ 0,83: unchanged
  "17.1": [4.5, 4.9], // stunting ≤ 4,8: Vượt → Không đạt (8,9 % away), and so its heading 17
  "17.2": [null, 8], // ≤ 8,4: final only, Vượt on both sides
  "18": [96.5, 96.6], // health insurance ≥ 96,4: Vượt both, figure changed
  "23": [60, 6], // ≥ 60 buổi: Đạt → Không đạt, a slip (90 % away)
  "24": [40, null], // estimate only: nothing to compare
};

const entries: ActualEntry[] = Object.entries(FIGURES).map(([code, [estimate, final]]) => ({
  code,
  raw: final,
  ...(estimate === null ? {} : { estimate }),
  location: { sheet: "Chỉ tiêu", cell: `F${code}`, estimateCell: `N${code}` },
}));

describe("from the estimate to the final figures", () => {
  const settings = defaultSettings(2025);

  test("the change list names every status that flips, then the figures that moved without a flip", () => {
    const result = estimateToFinal(dongHai, entries, settings);
    expect(result.lines).toEqual([
      "So với số ước, chỉ tiêu 1 (Thu ngân sách nhà nước trên địa bàn) chuyển từ Vượt sang Không đạt.",
      "So với số ước, chỉ tiêu 8 (Số lượt hộ được vay vốn tạo việc làm) chuyển từ Không đạt sang Vượt.",
      "So với số ước, chỉ tiêu 17 (Tỷ lệ suy dinh dưỡng của trẻ em dưới 5 tuổi) chuyển từ Vượt sang Không đạt.",
      "So với số ước, chỉ tiêu 17.1 (Chiều cao) chuyển từ Vượt sang Không đạt.",
      "So với số ước, chỉ tiêu 23 (Số buổi hoạt động văn hoá, văn nghệ quần chúng) chuyển từ Đạt sang Không đạt.",
      "Chỉ tiêu 18 (Tỷ lệ người dân tham gia bảo hiểm y tế): số ước 96,5, số chính thức 96,6.",
    ]);
    const byCode = new Map(result.changes.map((c) => [c.code, c]));
    expect(byCode.has("14")).toBe(false);
    expect(byCode.has("17.2")).toBe(false);
    expect(byCode.has("24")).toBe(false);
    expect(byCode.get("1")).toMatchObject({ estimate: 37000, final: 36000, from: "Vượt", to: "Không đạt", figureChanged: true, statusChanged: true });
  });

  test("in English", () => {
    const lines = estimateToFinal(dongHai, entries, defaultSettings(2025, { lang: "en" })).lines;
    expect(lines[0]).toBe("Compared with the estimate, indicator 1 (Thu ngân sách nhà nước trên địa bàn) moves from Exceeded to Not met.");
  });

  test("no flip at all is said in one line", () => {
    const same: ActualEntry[] = [{ code: "18", raw: 96.6, estimate: 96.5 }];
    expect(estimateToFinal(dongHai, same, settings).lines).toEqual([
      "Chỉ tiêu 18 (Tỷ lệ người dân tham gia bảo hiểm y tế): số ước 96,5, số chính thức 96,6.",
      "Số chính thức không làm thay đổi đánh giá nào so với số ước.",
    ]);
  });

  test("the check warns only where the final figure is more than 10 % away from the estimate", () => {
    const findings = estimateDepartures(dongHai, entries, "vi");
    expect(findings.map((f) => [f.code, f.severity, f.rule, f.cell])).toEqual([["23", "warning", "final-departs-from-estimate", "F23"]]);
    expect(findings[0].message).toBe(
      "Ô F23 (chỉ tiêu 23 \"Số buổi hoạt động văn hoá, văn nghệ quần chúng\"): số chính thức 6 chênh 90% so với số ước 60 ở ô N23 (quá 10%): có thể nhập nhầm; kiểm tra lại hai ô.",
    );
    // 36 000 against 37 000 is 2,7 %, 300 against 290 is 3,4 % and 4,9 against 4,5 is 8,9 %: corrections,
    // not slips, at 10 %; a 5 % threshold flags the last, a 2 % one all three.
    expect(estimateDepartures(dongHai, entries, "vi", 0.05).map((f) => f.code)).toEqual(["17.1", "23"]);
    expect(estimateDepartures(dongHai, entries, "vi", 0.02).map((f) => f.code)).toEqual(["1", "8", "17.1", "23"]);
  });

  test("a summary is made from either set, and knows which", () => {
    expect(figureUse(dongHai, entries, "estimate")).toEqual({ kind: "estimate", final: [], estimate: ["1", "8", "14", "17.1", "18", "23", "24"] });
    expect(figureUse(dongHai, entries, "final")).toEqual({ kind: "final", final: ["1", "8", "14", "17.1", "17.2", "18", "23"], estimate: [] });
    expect(figureUse(dongHai, entries)).toMatchObject({ kind: "mixed", estimate: ["24"] });
    // Judged on the estimate, each row reads its estimate in the estimate's cell.
    const asEstimate = entriesFor(entries, "estimate");
    expect(asEstimate.find((e) => e.code === "1")).toMatchObject({ raw: 37000, location: { cell: "N1" } });
    expect(asEstimate.find((e) => e.code === "17.2")).toMatchObject({ raw: null });
    expect(entriesFor(entries, "final").some((e) => "estimate" in e)).toBe(false);
    expect(["uoc", "số ước", "chinh-thuc", "final", "quý"].map(parseFigureBasis)).toEqual(["estimate", "estimate", "final", "final", null]);
  });
});

describe("the same on a workbook, through the command line", () => {
  const tmp = tempDir();
  const file = (name: string) => join(tmp.dir, name);
  afterAll(tmp.cleanup);

  beforeAll(async () => {
    expect((await cli(tmp.dir, "template", "--plan", "dong-hai-2025", "-o", "bieu.xlsx")).code).toBe(0);
    const pick = (k: 0 | 1) => Object.fromEntries(Object.entries(FIGURES).filter(([, v]) => v[k] !== null).map(([code, v]) => [code, v[k]]));
    await fillActuals(file("bieu.xlsx"), pick(0), "Số ước thực hiện năm 2025");
    await fillActuals(file("bieu.xlsx"), pick(1), "Thực hiện năm 2025");
    // The clerk dates the estimate in the cell beside its header.
    const table = tableOf(readGrid(file("bieu.xlsx")));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file("bieu.xlsx"));
    const cell = wb.getWorksheet(SHEET)!.getCell(table.headerRow, table.col("Số ước thực hiện") + 1);
    cell.value = new Date(Date.UTC(2025, 11, 5));
    cell.numFmt = "dd/mm/yyyy";
    await wb.xlsx.writeFile(file("bieu.xlsx"));
  });

  test("check points at the slip, with both cells", async () => {
    const run = await cli(tmp.dir, "check", "bieu.xlsx", "--json");
    const findings: { rule: string; code: string; cell?: string; message: string }[] = JSON.parse(run.stdout);
    const slips = findings.filter((f) => f.rule === "final-departs-from-estimate");
    expect(slips.map((f) => f.code)).toEqual(["23"]);
    const table = tableOf(readGrid(file("bieu.xlsx")));
    expect(slips[0].message).toContain(`ở ô N${table.rowOf("23") + 1}`);
  });

  test("summary --from uoc is made from the estimate and says so, with its date", async () => {
    const run = await cli(tmp.dir, "summary", "bieu.xlsx", "--from", "uoc", "-o", "uoc.xlsx");
    expect(run.code).toBe(0);
    const grid = readGrid(file("uoc.xlsx"), "Tổng hợp kết quả");
    const cells = grid.flat().filter((v): v is string => typeof v === "string");
    expect(cells).toContain("Ước thực hiện năm 2025");
    expect(cells.some((c) => c.endsWith("Số liệu: Ước thực hiện ngày 05/12/2025."))).toBe(true);
    expect(run.stdout).not.toContain("So với số ước");
  });

  test("summary from the final figures prints the change list under the sentence and in the sheet", async () => {
    const run = await cli(tmp.dir, "summary", "bieu.xlsx", "--from", "chinh-thuc", "-o", "chinh-thuc.xlsx");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("So với số ước, chỉ tiêu 8 (Số lượt hộ được vay vốn tạo việc làm) chuyển từ Không đạt sang Vượt.");
    const cells = readGrid(file("chinh-thuc.xlsx"), "Tổng hợp kết quả").flat().filter((v): v is string => typeof v === "string");
    expect(cells).toContain("Thực hiện năm 2025");
    expect(cells).toContain("So với số ước, chỉ tiêu 23 (Số buổi hoạt động văn hoá, văn nghệ quần chúng) chuyển từ Đạt sang Không đạt.");
    expect(cells.some((c) => c.endsWith("Số liệu: Thực hiện (số chính thức)."))).toBe(true);
  });

  test("a bad --from is one clear line", async () => {
    const run = await cli(tmp.dir, "summary", "bieu.xlsx", "--from", "quy3", "-o", "x.xlsx");
    expect([run.code, run.stderr.trim()]).toEqual([2, "--from \"quy3\" không hợp lệ: dùng uoc (số ước) hoặc chinh-thuc (số chính thức)."]);
  });
});
