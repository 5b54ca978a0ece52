// Item 8.3: files from elsewhere. Each hostile class gets its exact message (Vietnamese and English)
// and exit 2 from `chitieu check`, before the file is read whole; in a consolidation the good files
// are consolidated and the register lists the bad one with the same reason.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { t } from "../../cli/i18n";
import { readXlsxBytes } from "../../xlsx-reader/read";
import { cli, fillActuals, tempDir } from "../cli/support";
import { HOSTILE_FILES, templateBytes } from "./hostile-files";

const PLAN_ID = "do-son-2025";

describe("hostile files", () => {
  const tmp = tempDir();
  afterAll(tmp.cleanup);
  let template: Uint8Array;
  const names = new Map<string, string>();

  beforeAll(async () => {
    expect((await cli(tmp.dir, "template", "--plan", PLAN_ID, "--unit", "Phường Vạn Hương", "-o", "tot-1.xlsx")).code).toBe(0);
    expect((await cli(tmp.dir, "template", "--plan", PLAN_ID, "--unit", "Phường Ngọc Xuyên", "-o", "tot-2.xlsx")).code).toBe(0);
    await fillActuals(join(tmp.dir, "tot-1.xlsx"), { "1": 1200, "2": 8.5 });
    await fillActuals(join(tmp.dir, "tot-2.xlsx"), { "1": 900, "2": 7 });
    template = templateBytes(join(tmp.dir, "tot-1.xlsx"));
    for (const hostile of HOSTILE_FILES) names.set(hostile.label, await hostile.make(tmp.dir, template));
  }, 60000);

  for (const hostile of HOSTILE_FILES) {
    test(`${hostile.label}: exit 2, one exact line, in Vietnamese and English`, async () => {
      const file = names.get(hostile.label)!;
      for (const lang of ["vi", "en"] as const) {
        const run = await cli(tmp.dir, "check", file, "--lang", lang);
        expect(run.code).toBe(2);
        expect(run.stdout).toBe("");
        expect(run.stderr).toBe(t(hostile.key, { file, ...hostile.params }, lang) + "\n");
        expect(run.stderr).not.toMatch(/\{\w+\}|\bat .*\.(ts|js):\d+/);
      }
    });
  }

  test("the message keys exist in both languages and differ", () => {
    for (const hostile of HOSTILE_FILES) {
      const vi = t(hostile.key, { file: "x.xlsx", ...hostile.params }, "vi");
      const en = t(hostile.key, { file: "x.xlsx", ...hostile.params }, "en");
      expect(vi).not.toBe(hostile.key);
      expect(en).not.toBe(vi);
    }
  });

  test.each([
    ["zip bomb", "zip bomb: one part of 200 MB of zeros (ratio > 1000:1)"],
    ["password-protected", "password-protected workbook (OLE, EncryptionInfo)"],
    ["macro-enabled", "macro-enabled workbook renamed .xlsx (xl/vbaProject.bin)"],
    ["foreign", "foreign workbook (no indicator sheet)"],
    ["oversized", "oversized file (101 MB, sparse)"],
  ])("a consolidation with a %s file: the good ones are consolidated, the register names the bad one and why", async (_kind, label) => {
    const hostile = HOSTILE_FILES.find((h) => h.label === label)!;
    const bad = names.get(label)!;
    const out = `tong-hop-${bad.replace(/\W+/g, "-")}.xlsx`;
    const run = await cli(tmp.dir, "summary", "tot-1.xlsx", bad, "tot-2.xlsx", "-o", out);
    const reason = t(hostile.key, { file: bad, ...hostile.params });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(t("xlsx.summary.progress-failed", { index: 2, total: 3, file: bad, reason }));
    expect(run.stdout).toContain(t("xlsx.summary.consolidated", { used: 2, total: 3, failed: 1, file: out }));
    const book = readXlsxBytes(new Uint8Array(readFileSync(join(tmp.dir, out))));
    const texts = book.sheets.flatMap((s) => book.grid(s.name).flat()).filter((v): v is string => typeof v === "string");
    expect(texts).toContain(reason);
    expect(texts.some((v) => v.includes("Vạn Hương"))).toBe(true);
    expect(texts.some((v) => v.includes("Ngọc Xuyên"))).toBe(true);
  });
});
