// `chitieu parse` through runCli, in-process: files, standard input, --json, and unusable input.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { runCli } from "../../cli/main";
import { PlanSchema } from "../../shared/model";

const SEEDS = resolve(__dirname, "../../../shared/seeds");
const CORPUS = resolve(__dirname, "../fixtures/plan-texts");

async function run(args: string[], stdin = "") {
  let out = "";
  let err = "";
  const code = await runCli(args, { cwd: process.cwd(), stdout: (s) => (out += s), stderr: (s) => (err += s), readStdin: async () => stdin });
  return { code, out, err };
}

it("prints a seed's indicators with their confidence and marks what to check", async () => {
  const { code, out, err } = await run(["parse", join(SEEDS, "004_e951dc7204da764b.txt")]);
  expect(code).toBe(0);
  expect(err).toBe("");
  expect(out).toContain("UBND xã Nguyễn Lương Bằng · năm 2025 · 39 chỉ tiêu");
  expect(out).toMatch(/20\s+Tỉ lệ lao động qua đào tạo có bằng cấp, chứng chỉ\s+%\s+> 50\s+đến 2030\s+97 %/);
  expect(out).toMatch(/19\s+Giữ vững an ninh chính trị.*Đạt\/Không đạt\s+\d+ %\s+cần kiểm tra: chỉ tiêu định tính/);
  expect(out).toContain("chỉ tiêu có độ tin cậy thấp");
});

it("reads standard input with -", async () => {
  const text = "Các chỉ tiêu chủ yếu:\n- Thu ngân sách đạt 1.200 tỷ đồng.\n- Tỷ lệ hộ nghèo giảm còn 1,5%.";
  const { code, out } = await run(["parse", "-", "--json"], text);
  expect(code).toBe(0);
  const plan = JSON.parse(out);
  expect(plan.source).toBeNull();
  expect(plan.indicators.map((i: { target: number; comparator: string }) => [i.target, i.comparator])).toEqual([
    [1200, ">="],
    [1.5, "<="],
  ]);
});

it("--json prints a Plan, each indicator with its confidence, span and reasons", async () => {
  const { code, out } = await run(["parse", join(SEEDS, "003_a61cb8ce684c88c5.txt"), "--json", "--id", "hp-2025", "--year", "2025"]);
  expect(code).toBe(0);
  const data = JSON.parse(out);
  const plan = PlanSchema.parse(data);
  expect(plan.id).toBe("hp-2025");
  expect(plan.indicators).toHaveLength(30);
  expect(plan.source).toBe("003_a61cb8ce684c88c5.txt");
  const first = data.indicators[0];
  expect(first.span).toEqual(expect.objectContaining({ line: 49 }));
  expect(first.span.text).toContain("12,35%");
  expect(typeof first.confidence).toBe("number");
  expect(Array.isArray(data.warnings)).toBe(true);
});

it("speaks English with --lang en", async () => {
  const { code, out } = await run(["parse", join(CORPUS, "10-lower-is-better.txt"), "--lang", "en"]);
  expect(code).toBe(0);
  expect(out).toContain("UBND xã Đại Hợp · year 2026 · 9 indicators");
  expect(out).toMatch(/Code\s+Indicator\s+Unit\s+Target\s+Due\s+Confidence/);
});

it("exits 1 when the text holds no indicator", async () => {
  const { code, out } = await run(["parse", "-"], "Biên bản họp.\nKhông có số liệu.");
  expect(code).toBe(1);
  expect(out).toContain("Không tìm thấy chỉ tiêu nào.");
});

it("a missing file: exit 2, one line", async () => {
  const { code, out, err } = await run(["parse", "khong-co-tep-nay.txt"]);
  expect(code).toBe(2);
  expect(out).toBe("");
  expect(err.trim().split("\n")).toHaveLength(1);
  expect(err).toContain("Không đọc được tệp khong-co-tep-nay.txt: không có tệp này");
});

it("a binary file, a .docx or a .pdf: exit 2, one line saying it is not text", async () => {
  const dir = mkdtempSync(join(tmpdir(), "chitieu-parse-"));
  const files: [string, Buffer][] = [
    ["anh.png", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52])],
    ["ke-hoach.docx", Buffer.concat([Buffer.from("PK\u0003\u0004"), Buffer.alloc(64, 7)])],
    ["ke-hoach.pdf", Buffer.from("%PDF-1.7\n%âãÏÓ\n1 0 obj")],
    ["latin1.txt", Buffer.from([0x54, 0x68, 0xe0, 0x6e, 0x68, 0x20, 0x70, 0x68, 0xf4])],
  ];
  for (const [name, bytes] of files) {
    writeFileSync(join(dir, name), bytes);
    const { code, err } = await run(["parse", join(dir, name)]);
    expect(code).toBe(2);
    expect(err.trim().split("\n")).toHaveLength(1);
    expect(err).toContain("không phải tệp văn bản");
  }
});

it("bad arguments: exit 2", async () => {
  expect((await run(["parse"])).code).toBe(2);
  expect((await run(["parse", "a.txt", "b.txt"])).code).toBe(2);
  expect((await run(["parse", "-", "--year", "20x5"], "x")).code).toBe(2);
  expect((await run(["parse", "-", "--id", "Không Hợp Lệ"], "x")).code).toBe(2);
  expect((await run(["parse", "-", "--bogus"], "x")).code).toBe(2);
});

it("a file over 5 MB: exit 2, one line", async () => {
  const dir = mkdtempSync(join(tmpdir(), "chitieu-parse-"));
  const path = join(dir, "lon.txt");
  writeFileSync(path, Buffer.alloc(5 * 1024 * 1024 + 1, 0x61));
  const { code, err } = await run(["parse", path]);
  expect(code).toBe(2);
  expect(err.trim().split("\n")).toHaveLength(1);
  expect(err).toContain("quá lớn");
});

it("--json adds the results the text reports and the second target of a two-target row, keeping the Plan contract", async () => {
  const text =
    "Năm 2025, thu ngân sách trên địa bàn ước đạt 28,4 tỷ đồng, bằng 121% dự toán.\nNăm 2026, xã phấn đấu thu ngân sách đạt 30 tỷ đồng, tăng 5,6% so với năm 2025; tỷ lệ hộ nghèo giảm còn 0,7%.";
  const { code, out } = await run(["parse", "-", "--json"], text);
  expect(code).toBe(0);
  const json = JSON.parse(out);
  const { indicators, warnings, results, ...plan } = json;
  expect(PlanSchema.safeParse({ ...plan, indicators: indicators.map(({ confidence: _c, span: _s, reasons: _r, ...rest }: Record<string, unknown>) => rest) }).success).toBe(true);
  expect(Array.isArray(warnings)).toBe(true);
  expect(indicators.map((i: { target: number }) => i.target)).toEqual([30, 0.7]);
  expect(indicators[0].secondary).toMatchObject({ target: 5.6, unit: "%", comparator: "increase-by" });
  expect(results).toEqual([expect.objectContaining({ actual: 28.4, unit: "tỷ đồng", percentOfPlan: 121, estimate: true })]);
  expect(text.slice(results[0].span.start, results[0].span.end)).toBe(results[0].span.text);
});

it("prints the second target beside the first and lists results apart, not as targets", async () => {
  const text = "Năm 2025, xã đã giải quyết việc làm cho 380 lao động.\nNăm 2026, xã phấn đấu tổng giá trị sản xuất đạt 1.150 tỷ đồng, tăng 8% so với năm 2025.";
  const { code, out } = await run(["parse", "-"], text);
  expect(code).toBe(0);
  expect(out).toMatch(/1\.150.*chỉ tiêu thứ hai: tăng 8 %?/);
  expect(out).toContain("Kết quả đã đạt nêu trong văn bản (1), không phải chỉ tiêu:");
  expect(out).toMatch(/dòng 1: .*380 lao động/);
});
