// `npm run demo`: the files it writes from the city plan, what they show, and that it never
// overwrites a file it did not write itself.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { runDemo } from "../../cli/demo";
import { readXlsxBytes } from "../../xlsx-reader/read";
import { cli, tempDir } from "./support";

describe("npm run demo", () => {
  const tmp = tempDir();
  afterAll(tmp.cleanup);
  const out = join(tmp.dir, "out");
  const lines: string[] = [];

  it("writes the template, the example workbook, the findings and the summary, and prints where", async () => {
    const result = await runDemo(out, { log: (l) => lines.push(l), pdf: false });
    for (const file of result.files) expect(existsSync(file)).toBe(true);
    expect(result.files.map((f) => f.slice(out.length + 1))).toEqual([
      "bieu-nhap-chi-tieu-hai-phong-2025.xlsx",
      "vi-du-da-nhap-so-lieu.xlsx",
      "vi-du-kiem-tra.txt",
      "vi-du-kiem-tra.json",
      "bieu-tong-hop-vi-du.xlsx",
    ]);
    const printed = lines.join("\n");
    for (const file of result.files) expect(printed).toContain(file.split("/").pop());
    expect(printed).toContain(result.sentence);
    expect(result.sentence).toMatch(/^Có \d+\/\d+ chỉ tiêu đạt và vượt kế hoạch \(trong đó \d+ chỉ tiêu vượt\); \d+ chỉ tiêu không đạt .*chưa có số liệu.*chưa đến hạn/);
  });

  it("the example workbook says it holds example data, and check finds a number typed as text and a unit slip", async () => {
    const book = readXlsxBytes(readFileSync(join(out, "vi-du-da-nhap-so-lieu.xlsx")));
    const header = book.grid("Chỉ tiêu").slice(0, 8).flat();
    expect(header).toContain("SỐ LIỆU MINH HỌA: không dùng để báo cáo");
    const findings = JSON.parse(readFileSync(join(out, "vi-du-kiem-tra.json"), "utf8"));
    const rules = findings.map((f: { rule: string }) => f.rule);
    expect(rules).toEqual(expect.arrayContaining(["number-as-text", "unit-slip", "blank"]));
    expect(findings.every((f: { cell?: string }) => /^[A-Z]+\d+$/.test(f.cell ?? ""))).toBe(true);
    const evaluated = JSON.parse((await cli(out, "evaluate", "vi-du-da-nhap-so-lieu.xlsx", "--json")).stdout).indicators;
    const statuses = new Set(evaluated.map((r: { status: string }) => r.status));
    expect([...statuses].sort()).toEqual(["Chưa có số liệu", "Chưa đến hạn", "Không đạt", "Vượt", "Đạt"].sort());
  });

  it("replaces its own files on a second run, and refuses to overwrite anyone else's", async () => {
    const before = readFileSync(join(out, "vi-du-kiem-tra.txt"), "utf8");
    await runDemo(out, { log: () => {}, pdf: false });
    expect(readFileSync(join(out, "vi-du-kiem-tra.txt"), "utf8")).toBe(before);
    const mine = join(tmp.dir, "mine");
    mkdirSync(mine);
    writeFileSync(join(mine, "bieu-tong-hop-vi-du.xlsx"), "báo cáo của tôi");
    await expect(runDemo(mine, { log: () => {}, pdf: false })).rejects.toThrow(/không ghi đè/);
    expect(readFileSync(join(mine, "bieu-tong-hop-vi-du.xlsx"), "utf8")).toBe("báo cáo của tôi");
  });
});
