// `chitieu read-report` through runCli, in-process: the --json contract, exit codes, a real .docx,
// unusable input, and --into: a copy of a real workbook with the figures entered, a typed figure
// never replaced without --overwrite, the original untouched, and check repeating the tally check.
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Paragraph, Table } from "docx";
import { zipSync } from "fflate";
import { runCli } from "../../cli/main";
import { fillInWorkbookBytes } from "../../cli/commands/template";
import { readFilledWorkbook } from "../../cli/xlsx/filled-workbook";
import { findBuiltInPlan } from "../../shared/catalog";
import type { Plan } from "../../shared/model";
import { docxBytes, row } from "./docx-support";

async function run(args: string[], stdin = "", cwd = dir) {
  let out = "";
  let err = "";
  const code = await runCli(args, { cwd, stdout: (s) => (out += s), stderr: (s) => (err += s), readStdin: async () => stdin });
  return { code, out, err };
}

const dir = mkdtempSync(join(tmpdir(), "read-report-"));
const plan = findBuiltInPlan("dong-hai-2025") as Plan;
const REPORT = [
  "Năm 2025, phường có 30/30 chỉ tiêu đạt và vượt kế hoạch.",
  "Thu ngân sách nhà nước trên địa bàn ước đạt 38,5 tỷ đồng, đạt 104,9% kế hoạch; trong đó thu lệ phí trước bạ đạt 7.200 triệu đồng.",
  "Số lượt hộ được vay vốn tạo việc làm đạt 280 lượt hộ. Tỷ lệ người dân tham gia bảo hiểm y tế đạt 97%.",
].join("\n");

function sha(path: string): string {
  return createHash("sha256").update(readFileSync(path)).digest("hex");
}

describe("reading", () => {
  test("--json prints exactly the contract, with codes when a plan is given", async () => {
    writeFileSync(join(dir, "bc.txt"), REPORT);
    const { code, out, err } = await run(["read-report", "bc.txt", "--plan", "dong-hai-2025", "--json"]);
    expect(err).toBe("");
    expect(code).toBe(0);
    const data = JSON.parse(out);
    expect(Object.keys(data)).toEqual(["tally", "results", "unmatched", "warnings"]);
    expect(Object.keys(data.tally)).toEqual(["total", "achievedOrExceeded", "exceeded", "notAchieved", "span"]);
    expect(data.tally).toMatchObject({ total: 30, achievedOrExceeded: 30 });
    expect(Object.keys(data.results[0])).toEqual(["code", "name", "actual", "unit", "percentOfPlan", "status", "confidence", "span"]);
    expect(data.results.map((r: { code: string; actual: number }) => [r.code, r.actual])).toEqual([
      ["1", 38.5],
      ["1.4", 7200],
      ["8", 280],
      ["18", 97],
    ]);
    expect(data.results[0].span).toMatchObject({ line: 2 });
    expect(REPORT.slice(data.results[0].span.start, data.results[0].span.end)).toBe(data.results[0].span.text);
  });

  test("without a plan, codes are null; standard input with -", async () => {
    const { code, out } = await run(["read-report", "-", "--json"], REPORT);
    expect(code).toBe(0);
    const data = JSON.parse(out);
    expect(data.results.every((r: { code: string | null }) => r.code === null)).toBe(true);
    expect(data.unmatched).toEqual([]);
  });

  test("the text output names the tally and checks it against the report's own statuses", async () => {
    const { code, out } = await run(["read-report", "-"], "Có 3/3 chỉ tiêu đạt. Thu ngân sách đạt 10 tỷ đồng, đạt 92% kế hoạch.");
    expect(code).toBe(0);
    expect(out).toContain("Câu tổng hợp của báo cáo: 3/3 chỉ tiêu đạt và vượt");
    expect(out).toContain('theo số liệu là 2/3: chỉ tiêu "Thu ngân sách" đạt 92% kế hoạch (Không đạt)');
    const en = await run(["read-report", "-", "--lang", "en"], "Có 3/3 chỉ tiêu đạt. Thu ngân sách đạt 10 tỷ đồng, đạt 92% kế hoạch.");
    expect(en.out).toContain("the figures give 2/3");
  });

  test("exit 1 when nothing is read", async () => {
    const { code, out } = await run(["read-report", "-"], "Hội nghị diễn ra trong không khí dân chủ.");
    expect(code).toBe(1);
    expect(out).toContain("Không đọc được kết quả chỉ tiêu nào");
  });

  test("a .docx report is read through the guarded zip reader", async () => {
    const bytes = await docxBytes([
      new Paragraph("Năm 2025, phường có 20/24 chỉ tiêu đạt và vượt kế hoạch."),
      new Table({ rows: [row(["STT", "Chỉ tiêu", "ĐVT", "Kế hoạch", "Thực hiện", "Đánh giá"]), row(["1", "Tỷ lệ người dân tham gia bảo hiểm y tế", "%", "96,4", "96,9", "Vượt"])] }),
    ]);
    writeFileSync(join(dir, "bc.docx"), bytes);
    const { code, out } = await run(["read-report", "bc.docx", "--plan", "dong-hai-2025", "--json"]);
    expect(code).toBe(0);
    const data = JSON.parse(out);
    expect(data.tally).toMatchObject({ total: 24, achievedOrExceeded: 20 });
    expect(data.results).toEqual([expect.objectContaining({ code: "18", actual: 96.9, status: "Vượt" })]);
  });

  test("a .docx whose main part is not named word/document.xml is found through its relationships", async () => {
    const enc = new TextEncoder();
    const rels = '<Relationships><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/main.xml"/></Relationships>';
    const body = "<w:document><w:body><w:p><w:r><w:t>Tỷ lệ hộ nghèo giảm còn 1,1%.</w:t></w:r></w:p></w:body></w:document>";
    writeFileSync(join(dir, "renamed.docx"), zipSync({ "_rels/.rels": enc.encode(rels), "word/main.xml": enc.encode(body) }));
    const { code, out } = await run(["read-report", "renamed.docx", "--json"]);
    expect(code).toBe(0);
    expect(JSON.parse(out).results).toEqual([expect.objectContaining({ name: "Tỷ lệ hộ nghèo", actual: 1.1, unit: "%" })]);
  });

  test("unusable input: one line, exit 2, no stack trace", async () => {
    writeFileSync(join(dir, "old.doc"), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]));
    writeFileSync(join(dir, "scan.pdf"), "%PDF-1.7\n...");
    writeFileSync(join(dir, "not-word.docx"), zipSync({ "hello.txt": new TextEncoder().encode("hi") }));
    writeFileSync(join(dir, "bomb.docx"), zipSync({ "word/document.xml": new Uint8Array(50 * 1024 * 1024) }, { level: 9 }));
    const cases: [string[], RegExp][] = [
      [["read-report", "missing.txt"], /missing\.txt.*không có tệp này/],
      [["read-report", "old.doc"], /Word 97-2003/],
      [["read-report", "scan.pdf"], /PDF/],
      [["read-report", "not-word.docx"], /không phải văn bản Word/],
      [["read-report", "bomb.docx"], /giải nén ra quá lớn/],
      [["read-report", "bc.txt", "--into", "x.xlsx"], /--into cần -o/],
      [["read-report", "bc.txt", "--plan", "khong-co-ke-hoach-nay"], /khong-co-ke-hoach-nay/],
      [["read-report"], /tệp báo cáo/],
    ];
    for (const [args, message] of cases) {
      const { code, err } = await run(args);
      expect(code).toBe(2);
      expect(err).toMatch(message);
      expect(err.trim().split("\n")).toHaveLength(1);
      expect(err).not.toMatch(/\bat .*\.ts:\d+/);
    }
  });
});

describe("--into: a copy of the workbook with the figures entered", () => {
  const book = join(dir, "dong-hai.xlsx");
  beforeAll(async () => {
    // The unit already typed 290 for indicator 8 and 97 for indicator 18.
    writeFileSync(book, await fillInWorkbookBytes(plan, { lang: "vi", unit: "Phường Đông Hải", entries: [{ code: "8", raw: 290 }, { code: "18", raw: 97 }] }));
  });

  test("fills blank cells, keeps a differing typed figure and lists it old → new, keeps the report's tally", async () => {
    const before = sha(book);
    const { code, out, err } = await run(["read-report", "bc.txt", "--into", "dong-hai.xlsx", "-o", "filled.xlsx"]);
    expect(err).toBe("");
    expect(code).toBe(0);
    expect(sha(book)).toBe(before);
    expect(out).toMatch(/Chỉ tiêu 8: ô F\d+ đang có 290, báo cáo ghi 280; chưa ghi đè/);
    expect(out).toContain("1 ô đã có đúng số báo cáo ghi.");
    expect(out).toContain("Đã ghi filled.xlsx: 2 ô Thực hiện được điền từ báo cáo.");
    const filled = readFilledWorkbook(join(dir, "filled.xlsx"), { lang: "vi" });
    const raw = new Map(filled.entries.map((e) => [e.code, e.raw]));
    expect(raw.get("1")).toBe(38500);
    expect(raw.get("1.4")).toBe(7200);
    expect(raw.get("8")).toBe(290);
    expect(raw.get("18")).toBe(97);
    expect(JSON.parse(filled.metadata.reportTally)).toMatchObject({ total: 30, achievedOrExceeded: 30 });
    expect(filled.metadata.planJson).toBeTruthy();
  });

  test("--overwrite replaces it and says so; an existing output needs --force", async () => {
    const again = await run(["read-report", "bc.txt", "--into", "dong-hai.xlsx", "-o", "filled.xlsx"]);
    expect(again.code).toBe(2);
    const { code, out } = await run(["read-report", "bc.txt", "--into", "dong-hai.xlsx", "-o", "filled.xlsx", "--overwrite", "--force"]);
    expect(code).toBe(0);
    expect(out).toMatch(/Chỉ tiêu 8: ô F\d+ 290 → 280 \(ghi đè theo --overwrite\)/);
    const filled = readFilledWorkbook(join(dir, "filled.xlsx"), { lang: "vi" });
    expect(filled.entries.find((e) => e.code === "8")?.raw).toBe(280);
  });

  test("check repeats the tally check on the copy", async () => {
    const { out } = await run(["check", "filled.xlsx"]);
    expect(out).toContain('Cảnh báo: Báo cáo ghi 30/30 chỉ tiêu đạt và vượt; theo số liệu là 29/30: chỉ tiêu 8 "Số lượt hộ được vay vốn tạo việc làm" đạt 95,24% kế hoạch (Không đạt)');
  });

  test("the summary carries the tally check too: on screen and under the sentence on the sheet", async () => {
    const { out } = await run(["summary", "filled.xlsx", "-o", "tong-hop-bc.xlsx"]);
    const line = 'Báo cáo ghi 30/30 chỉ tiêu đạt và vượt; theo số liệu là 29/30: chỉ tiêu 8 "Số lượt hộ được vay vốn tạo việc làm" đạt 95,24% kế hoạch (Không đạt)';
    expect(out).toContain(line);
    const { readXlsxBytes } = await import("../../xlsx-reader/read");
    const book = readXlsxBytes(readFileSync(join(dir, "tong-hop-bc.xlsx")));
    const texts = book.sheets.flatMap((s) => book.grid(s.name).flat()).filter((v): v is string => typeof v === "string");
    expect(texts.some((v) => v.includes(line))).toBe(true);
  });

  test("-o may not be the original", async () => {
    const { code, err } = await run(["read-report", "bc.txt", "--into", "dong-hai.xlsx", "-o", "dong-hai.xlsx"]);
    expect(code).toBe(2);
    expect(err).toMatch(/trùng với tệp gốc/);
  });
});

describe("--lang en", () => {
  test("the copy's messages in English", async () => {
    const book = join(dir, "en.xlsx");
    writeFileSync(book, await fillInWorkbookBytes(plan, { lang: "en", entries: [{ code: "8", raw: 290 }] }));
    const { code, out } = await run(["read-report", "bc.txt", "--into", "en.xlsx", "-o", "en-filled.xlsx", "--lang", "en"]);
    expect(code).toBe(0);
    expect(out).toMatch(/Indicator 8: cell F\d+ holds 290, the report says 280; not overwritten \(use --overwrite to replace it\)\./);
    expect(out).toContain("The report's tally is kept in the file so that check compares it.");
  });
});
