// `chitieu summary`: one unit's summary sheet, and the consolidation of several units with a
// register of the files that could not be used (the rest still go through).
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { t } from "../../cli/i18n";
import { readXlsxBytes } from "../../xlsx-reader/read";
import { cli, fillActuals, tempDir } from "./support";

const PLAN_ID = "hai-phong-232-2025";

function allText(path: string): string[] {
  const book = readXlsxBytes(readFileSync(path));
  return book.sheets.flatMap((s) => book.grid(s.name).flat().filter((v): v is string => typeof v === "string"));
}

describe("chitieu summary", () => {
  const tmp = tempDir();
  const file = (name: string) => join(tmp.dir, name);
  afterAll(tmp.cleanup);

  beforeAll(async () => {
    const units: [string, Record<string, unknown>][] = [
      ["Phường Hồng Bàng", { "1": 13, "2": 7400, "3": 17, "11": 2.2 }],
      ["Phường Ngô Quyền", { "1": 11, "2": 7000, "3": 16.8, "11": 2.6 }],
      ["Xã An Lão", { "1": 12.35, "2": "bảy nghìn", "3": 18 }],
    ];
    for (const [i, [unit, values]] of units.entries()) {
      expect((await cli(tmp.dir, "template", "--plan", PLAN_ID, "-o", `u${i}.xlsx`, "--unit", unit)).code).toBe(0);
      await fillActuals(file(`u${i}.xlsx`), values);
    }
    writeFileSync(file("hong.xlsx"), "không phải bảng tính");
  });

  it("one file: the unit's summary sheet with the header block, and the sentence on stdout", async () => {
    const run = await cli(tmp.dir, "summary", "u0.xlsx", "-o", "tong-hop-hong-bang.xlsx");
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Có \d+\/\d+ chỉ tiêu đạt và vượt kế hoạch/);
    const text = allText(file("tong-hop-hong-bang.xlsx"));
    expect(text).toEqual(expect.arrayContaining(["ỦY BAN NHÂN DÂN", "PHƯỜNG HỒNG BÀNG", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"]));
    expect(text.some((s) => s.startsWith("BIỂU TỔNG HỢP KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU THI ĐUA NĂM 2025"))).toBe(true);
    expect(text).toContain(run.stdout.trim());
    // Refuses to overwrite its own output without --force.
    const again = await cli(tmp.dir, "summary", "u0.xlsx", "-o", "tong-hop-hong-bang.xlsx");
    expect(again.code).toBe(2);
    expect(again.stderr).toBe(t("xlsx.out-exists", { file: "tong-hop-hong-bang.xlsx" }) + "\n");
  });

  it("an output name already taken is refused before any unit's file is read (no progress line)", async () => {
    writeFileSync(file("da-co.xlsx"), "bảng của ai đó");
    const run = await cli(tmp.dir, "summary", "u0.xlsx", "u1.xlsx", "u2.xlsx", "-o", "da-co.xlsx");
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(t("xlsx.out-exists", { file: "da-co.xlsx" }) + "\n");
    expect(readFileSync(file("da-co.xlsx"), "utf8")).toBe("bảng của ai đó");
  });

  it("several files, one broken: consolidates the rest, lists the broken one with why, shows progress", async () => {
    const run = await cli(tmp.dir, "summary", "u0.xlsx", "hong.xlsx", "u1.xlsx", "u2.xlsx", "-o", "tong-hop.xlsx");
    expect(run.code).toBe(1);
    const progress = run.stderr.split("\n").filter((l) => l.startsWith("["));
    expect(progress).toEqual([
      t("xlsx.summary.progress-ok", { index: 1, total: 4, file: "u0.xlsx" }),
      t("xlsx.summary.progress-failed", { index: 2, total: 4, file: "hong.xlsx", reason: t("xlsx.not-zip", { file: "hong.xlsx" }) }),
      t("xlsx.summary.progress-ok", { index: 3, total: 4, file: "u1.xlsx" }),
      t("xlsx.summary.progress-errors", { index: 4, total: 4, file: "u2.xlsx", errors: 1 }),
    ]);
    expect(run.stdout).toBe(t("xlsx.summary.consolidated", { used: 3, total: 4, failed: 1, file: "tong-hop.xlsx" }) + "\n");
    const book = readXlsxBytes(readFileSync(file("tong-hop.xlsx")));
    const text = allText(file("tong-hop.xlsx"));
    expect(text).toEqual(expect.arrayContaining(["Phường Hồng Bàng", "Phường Ngô Quyền", "Xã An Lão"].map((u) => expect.stringContaining(u))));
    expect(text).toContain(t("xlsx.not-zip", { file: "hong.xlsx" }));
    expect(text.some((s) => s.includes("hong.xlsx"))).toBe(true);
    expect(book.sheets.length).toBeGreaterThanOrEqual(2);
  });

  it("bad arguments: no input, no output, -o one of the inputs, nothing usable: exit 2 and nothing written", async () => {
    expect((await cli(tmp.dir, "summary", "-o", "x.xlsx")).code).toBe(2);
    expect((await cli(tmp.dir, "summary", "u0.xlsx")).code).toBe(2);
    const same = await cli(tmp.dir, "summary", "u0.xlsx", "u1.xlsx", "-o", "u1.xlsx", "--force");
    expect(same.code).toBe(2);
    expect(same.stderr).toBe(t("xlsx.out-is-input", { file: "u1.xlsx" }) + "\n");
    const none = await cli(tmp.dir, "summary", "hong.xlsx", "khong-co.xlsx", "-o", "khong.xlsx");
    expect(none.code).toBe(2);
    expect(none.stderr.trim().split("\n").pop()).toBe(t("xlsx.summary.none-usable"));
    expect(existsSync(file("khong.xlsx"))).toBe(false);
  });

  it("--pdf where LibreOffice is not installed: says so in one line, the .xlsx still written, exit 0", async () => {
    const saved = process.env.CHITIEU_SOFFICE;
    process.env.CHITIEU_SOFFICE = join(tmp.dir, "khong-co-soffice");
    try {
      const run = await cli(tmp.dir, "summary", "u1.xlsx", "-o", "khong-pdf.xlsx", "--pdf");
      expect(run.code).toBe(0);
      expect(run.stderr).toContain(t("xlsx.pdf.no-soffice") + "\n");
      expect(existsSync(file("khong-pdf.xlsx"))).toBe(true);
      expect(existsSync(file("khong-pdf.pdf"))).toBe(false);
    } finally {
      if (saved === undefined) delete process.env.CHITIEU_SOFFICE;
      else process.env.CHITIEU_SOFFICE = saved;
    }
  });
});
