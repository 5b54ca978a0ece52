// The task pane reads other units' files with the CLI's byte-level reader: a hostile file picked in
// "Tổng hợp" is refused exactly as `chitieu check` refuses it, with the same Vietnamese line, and a
// unit's real workbook is read whole. The hostile files are those of test/security/hostile-files.ts.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { withMetadataSheet } from "../../xlsx-reader/metadata";
import { writeXlsxBuffer } from "../../cli/xlsx/write";
import { findBuiltInPlan } from "../../shared/catalog";
import { xlsxText as t } from "../../xlsx-reader/messages";
import type { Plan } from "../../shared/model";
import { buildFillInWorkbook } from "../../shared/sheet/fill-in";
import { readXlsx } from "../../excel-addin/src/xlsx-reader";
import { readReceivedFiles } from "../../excel-addin/src/units-files";
import { cli, tempDir } from "../cli/support";
import { HOSTILE_FILES, type HostileFile } from "../security/hostile-files";

const PLAN_ID = "dong-hai-2025";
const UNIT = "Tổ dân phố 3";

function hostile(label: string): HostileFile {
  const found = HOSTILE_FILES.find((h) => h.label === label);
  if (!found) throw new Error(`no hostile file "${label}"`);
  return found;
}

/** A File as the task pane's file picker hands it over. */
function picked(dir: string, name: string): File {
  return new File([readFileSync(join(dir, name))], name);
}

/** The picked files as the Units tab reads them (readReceivedFiles), each file's read. */
async function readUnitFiles(files: readonly File[], onProgress: (index: number, total: number, name: string) => void, lang: "vi" | "en" = "vi") {
  return (await readReceivedFiles(files, onProgress, lang)).map((r) => r.file);
}

async function readOne(file: File, lang: "vi" | "en" = "vi") {
  const [unit] = await readUnitFiles([file], () => {}, lang);
  return unit!.read;
}

describe("the task pane's .xlsx reader", () => {
  const tmp = tempDir();
  afterAll(tmp.cleanup);
  let plan: Plan;
  let codes: string[];
  let template: Uint8Array<ArrayBuffer>;

  beforeAll(async () => {
    plan = findBuiltInPlan(PLAN_ID)!;
    codes = plan.indicators.filter((i) => i.comparator !== null && i.comparator !== "boolean" && i.target !== null).map((i) => i.code);
    const model = buildFillInWorkbook(plan, { unit: UNIT, year: 2025, lang: "vi", entries: [{ code: codes[0], raw: 1234.5 }, { code: codes[1], raw: "7,5" }] });
    template = new Uint8Array(await writeXlsxBuffer(withMetadataSheet(model)));
  }, 60000);

  test("reads a unit's workbook written by cli/xlsx/write.ts: its unit, its figures and the plan it names", async () => {
    const read = await readOne(new File([template], "to-dan-pho-3.xlsx"));
    if (!read.ok) throw new Error(read.reason);
    expect(read.unit).toBe(UNIT);
    const sheet = read.sheets.find((s) => s.grid.some((row) => row.includes(codes[0])));
    expect(sheet).toBeDefined();
    const row = sheet!.grid.find((r) => r.includes(codes[0]))!;
    expect(row).toContain(1234.5);
    const { metadata } = readXlsx(template);
    expect(metadata).toMatchObject({ planId: PLAN_ID, year: "2025", unit: UNIT });
  });

  test.each([
    ["a zip bomb", "zip bomb: one part of 200 MB of zeros (ratio > 1000:1)"],
    ["a password-protected (OLE) file", "password-protected workbook (OLE, EncryptionInfo)"],
    ["an .xlsx holding xl/vbaProject.bin", "macro-enabled workbook renamed .xlsx (xl/vbaProject.bin)"],
    ["an .xlsm name", "macro-enabled workbook (.xlsm)"],
    ["a macro content type", "macro-enabled content type in [Content_Types].xml"],
    ["a binary workbook", "binary workbook (.xlsb saved as .xlsx)"],
    ["a zip whose parts declare 500 MB", "zip bomb: parts that declare 500 MB"],
    ["a PDF renamed .xlsx", "not a workbook (a PDF renamed .xlsx)"],
    ["a truncated workbook", "truncated workbook"],
  ])("refuses %s with the CLI's own message", async (_kind, label) => {
    const file = await hostile(label).make(tmp.dir, template);
    const expected = t(hostile(label).key, { file, ...hostile(label).params }, "vi");
    const read = await readOne(picked(tmp.dir, file));
    expect(read).toEqual({ ok: false, reason: expected });
    // The very line `chitieu check` prints for the same file.
    const check = await cli(tmp.dir, "check", file);
    expect(check.code).toBe(2);
    expect(check.stderr).toBe(`${expected}\n`);
    const english = await readOne(picked(tmp.dir, file), "en");
    expect(english).toEqual({ ok: false, reason: t(hostile(label).key, { file, ...hostile(label).params }, "en") });
  });

  test("the Vietnamese reasons say what is wrong in words a clerk reads", async () => {
    const reasons = [];
    for (const label of ["zip bomb: one part of 200 MB of zeros (ratio > 1000:1)", "password-protected workbook (OLE, EncryptionInfo)", "macro-enabled workbook (.xlsm)"]) {
      const file = await hostile(label).make(tmp.dir, template);
      const read = await readOne(picked(tmp.dir, file));
      reasons.push(read.ok ? "" : read.reason);
    }
    expect(reasons[0]).toMatch(/^bom-ti-le\.xlsx: tệp giải nén ra quá lớn \(trên 400 MB\)/);
    expect(reasons[1]).toMatch(/^mat-khau\.xlsx: tệp được đặt mật khẩu/);
    expect(reasons[2]).toMatch(/^co-macro\.xlsm: tệp có chứa macro \(VBA\)/);
  });

  test("an oversized or macro-named file is refused before its bytes are loaded", async () => {
    const neverLoaded = (name: string, size: number) =>
      ({
        name,
        size,
        arrayBuffer: () => Promise.reject(new Error("the file was loaded")),
      }) as unknown as File;
    const big = neverLoaded("qua-lon.xlsx", 101 * 1024 * 1024);
    const macro = neverLoaded("bang.xlsm", 2048);
    const binary = neverLoaded("bang.xlsb", 2048);
    const units = await readUnitFiles([big, macro, binary], () => {});
    expect(units.map((u) => (u.read.ok ? "" : u.read.reason))).toEqual([
      t("xlsx.too-big", { file: "qua-lon.xlsx", mb: 101, limit: 100 }),
      t("xlsx.macro", { file: "bang.xlsm" }),
      t("xlsx.binary-workbook", { file: "bang.xlsb" }),
    ]);
  });

  test("a bad file among good ones: the good ones are read, the bad one has its reason, progress names each", async () => {
    const bad = await hostile("password-protected workbook (OLE, EncryptionInfo)").make(tmp.dir, template);
    const progress: string[] = [];
    const units = await readUnitFiles([new File([template], "a.xlsx"), picked(tmp.dir, bad), new File([template], "b.xlsx")], (index, total, name) => progress.push(name ? `${index + 1}/${total} ${name}` : `${index}/${total} xong`));
    expect(units.map((u) => u.read.ok)).toEqual([true, false, true]);
    expect(progress).toEqual(["1/3 a.xlsx", `2/3 ${bad}`, "3/3 b.xlsx", "3/3 xong"]);
  });
});
