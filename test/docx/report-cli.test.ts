// `chitieu report` refuses unusable arguments before any work, with one line naming what is wrong
// and what to do (no LibreOffice needed: nothing is written).
import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { t } from "../../cli/i18n";
import { cli, tempDir } from "../cli/support";

describe("chitieu report: bad arguments", () => {
  const tmp = tempDir();
  afterAll(tmp.cleanup);

  it.each([
    [["report"], /^Thiếu các tệp \.xlsx\. Cách dùng: chitieu report/],
    [["report", "a.xlsx"], /^Thiếu -o <bao-cao\.docx>\. Cách dùng: chitieu report/],
    [["report", "a.xlsx", "-o", "bao-cao.xlsx"], new RegExp(`^${t("report.cli.out-not-docx", { file: "bao-cao.xlsx" }).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`)],
    [["report", "a.xlsx", "-o", "b.docx", "--date", "31/02/2026"], /^Ngày báo cáo không hợp lệ: 31\/02\/2026 /],
    [["report", "a.xlsx", "-o", "b.docx", "--bogus"], /^Tham số không hợp lệ: --bogus$/],
  ])("%j → exit 2 and one line", async (argv, message) => {
    const run = await cli(tmp.dir, ...argv);
    expect(run.code).toBe(2);
    expect(run.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(run.stderr.trimEnd()).toMatch(message);
    expect(existsSync(join(tmp.dir, "b.docx"))).toBe(false);
  });

  it("names the file that is not a workbook, and writes nothing", async () => {
    writeFileSync(join(tmp.dir, "hong.xlsx"), "không phải bảng tính");
    const run = await cli(tmp.dir, "report", "hong.xlsx", "-o", "b.docx");
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(t("xlsx.not-zip", { file: "hong.xlsx" }) + "\n");
    expect(existsSync(join(tmp.dir, "b.docx"))).toBe(false);
  });

  it("says it in English with --lang en", async () => {
    const run = await cli(tmp.dir, "report", "a.xlsx", "-o", "b.docx", "--period", "quarter", "--lang", "en");
    expect(run.stderr).toBe("Not a reporting period: quarter (use 6-thang, 9-thang or ca-nam).\n");
  });
});
