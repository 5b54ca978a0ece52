// Item 6, on a real engine: LibreOffice (headless) opens the workbooks `chitieu` writes,
// recalculates the live formulas, and must land on what `chitieu evaluate` says for every seed plan;
// the workbook keeps its conditional formats and validations; the summary prints on A4 landscape.
// The six- and nine-month workbooks of every seed plan, with final figures on some rows and only
// estimates on others, land on the labels the core gives (Đạt tiến độ, Chậm tiến độ, Chưa đến kỳ
// đánh giá …).
// Without LibreOffice or pdftoppm: skipped loudly (test/support/engines.ts); under CI, a failure.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { unzipSync, strFromU8 } from "fflate";
import { builtInPlans } from "../../shared/catalog";
import { evaluatePlan } from "../../shared/evaluate";
import type { Period, Plan } from "../../shared/model";
import { periodKindOf } from "../../shared/period";
import { convertWithLibreOffice } from "../../cli/libreoffice";
import { readFilledWorkbook } from "../../cli/xlsx/filled-workbook";
import { describeWithEngine, findEngine } from "../support/engines";
import { cli, fillActuals, tempDir } from "../cli/support";

const soffice = findEngine("libreoffice");

const ARTIFACTS = join(__dirname, "..", "..", "test-artifacts");

/** Actuals a unit might type, as real numbers (and Đạt / Không đạt), varied per row so every status shows. */
function typedActuals(plan: Plan): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const ratios = [1.07, 1, 0.93, 0.5, 1.2, null, 0.99, 1.01];
  plan.indicators.forEach((ind, i) => {
    if (ind.comparator === null) return;
    const ratio = ratios[i % ratios.length];
    if (ratio === null) return;
    if (ind.comparator === "boolean") {
      out[ind.code] = ratio >= 1 ? "Đạt" : "Không đạt";
      return;
    }
    const base = ind.comparator === "range" ? (ind.targetMin ?? 0) : (ind.target ?? 0);
    if (base === 0) {
      out[ind.code] = ratio >= 1 ? 0 : 2;
      return;
    }
    const lowerIsBetter = ind.comparator === "<=" || ind.comparator === "<";
    out[ind.code] = Math.round((lowerIsBetter ? base / ratio : base * ratio) * 100) / 100;
  });
  return out;
}

/** A CSV line as LibreOffice writes it: commas, "quoted" fields with "" inside. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else if (ch !== "\r") field += ch;
  }
  if (field || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** The rows of a CSV export by code: the Tỷ lệ and Đánh giá cells as LibreOffice computed them. */
function engineRows(csvPath: string): Map<string, { percent: string; status: string }> {
  const rows = parseCsv(readFileSync(csvPath, "utf8"));
  const headerRow = rows.findIndex((r) => r[0] === "STT");
  const header = rows[headerRow];
  const codeCol = header.indexOf("Mã");
  const percentCol = header.findIndex((h) => h.startsWith("Tỷ lệ"));
  const statusCol = header.findIndex((h) => h.startsWith("Đánh giá") && !h.startsWith("Đánh giá điều chỉnh"));
  return new Map(rows.slice(headerRow + 1).filter((r) => r[codeCol]).map((r) => [r[codeCol], { percent: r[percentCol], status: r[statusCol] }]));
}

/** A mid-year review's figures: amounts around the share of the year, so both progress labels show;
 *  every third row has only an estimate, so the sheet judges it from the estimate column. */
function midYearActuals(plan: Plan, period: Period): { final: Record<string, unknown>; estimate: Record<string, unknown> } {
  const share = period === "6-thang" ? 0.5 : 0.75;
  const final: Record<string, unknown> = {};
  const estimate: Record<string, unknown> = {};
  const ratios = [1.1, 1, 0.9, 0.6, 1.3, null, 0.98, 1.02];
  plan.indicators.forEach((ind, i) => {
    if (ind.comparator === null) return;
    const into = i % 3 === 1 ? estimate : final;
    const ratio = ratios[i % ratios.length];
    if (ratio === null) return;
    if (ind.comparator === "boolean") {
      into[ind.code] = ratio >= 1 ? "Đạt" : "Không đạt";
      return;
    }
    const base = ind.comparator === "range" ? (ind.targetMin ?? 0) : (ind.target ?? 0);
    if (base === 0) {
      into[ind.code] = ratio >= 1 ? 0 : 2;
      return;
    }
    const lowerIsBetter = ind.comparator === "<=" || ind.comparator === "<";
    const scale = periodKindOf(ind) === "cumulative" ? share : 1;
    into[ind.code] = Math.round((lowerIsBetter ? base / ratio : base * ratio * scale) * 100) / 100;
  });
  return { final, estimate };
}

function pngSize(path: string): { width: number; height: number } {
  const png = readFileSync(path);
  expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describeWithEngine(["libreoffice"], "LibreOffice recalculates the six- and nine-month workbooks as the core evaluates them", () => {
  jest.setTimeout(240_000);
  const tmp = tempDir();
  const file = (name: string) => join(tmp.dir, name);
  const plans = builtInPlans();
  const periods: Period[] = ["6-thang", "9-thang"];
  const name = (plan: Plan, period: Period) => `${plan.id}-${period}`;
  afterAll(tmp.cleanup);

  beforeAll(async () => {
    for (const plan of plans) {
      for (const period of periods) {
        const base = name(plan, period);
        expect((await cli(tmp.dir, "template", "--plan", plan.id, "-o", `${base}.xlsx`, "--period", period === "6-thang" ? "6" : "9")).code).toBe(0);
        const typed = midYearActuals(plan, period);
        const months = period === "6-thang" ? "6" : "9";
        await fillActuals(file(`${base}.xlsx`), typed.final, `Thực hiện ${months} tháng đầu năm ${plan.year}`);
        await fillActuals(file(`${base}.xlsx`), typed.estimate, `Số ước thực hiện ${months} tháng đầu năm ${plan.year}`);
      }
    }
    mkdirSync(file("csv"));
    const names = plans.flatMap((plan) => periods.map((period) => file(`${name(plan, period)}.xlsx`)));
    const result = await convertWithLibreOffice(soffice as string, names, "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1", file("csv"));
    expect(result.ok).toBe(true);
  });

  for (const plan of builtInPlans()) {
    for (const period of ["6-thang", "9-thang"] as Period[]) {
      it(`${plan.id}, ${period}: every Tỷ lệ and Đánh giá cell equals the core's`, () => {
        const engine = engineRows(file(join("csv", `${name(plan, period)}-Chỉ tiêu.csv`)));
        const filled = readFilledWorkbook(file(`${name(plan, period)}.xlsx`), { lang: "vi" });
        expect(filled.settings.period).toBe(period);
        expect(filled.entries.some((e) => e.estimate !== undefined && (e.raw === null || e.raw === undefined))).toBe(true);
        const core = evaluatePlan(filled.plan, filled.entries, filled.settings);
        expect(core).toHaveLength(plan.indicators.length);
        const labels = new Set<string>();
        for (const expected of core) {
          const got = engine.get(expected.code);
          expect({ code: expected.code, status: got?.status }).toEqual({ code: expected.code, status: expected.label });
          labels.add(expected.label ?? expected.status);
          if (expected.percent === null) expect({ code: expected.code, percent: got?.percent }).toEqual({ code: expected.code, percent: "" });
          else {
            const value = Number(got?.percent);
            expect({ code: expected.code, close: Math.abs(value - expected.percent) <= 1e-9 * Math.max(1, Math.abs(expected.percent)) }).toEqual({ code: expected.code, close: true });
          }
        }
        const due = plan.indicators.filter((i) => i.deadlineYear === null && i.comparator !== null);
        if (due.some((i) => periodKindOf(i) === "cumulative")) expect([labels.has("Đạt tiến độ"), labels.has("Chậm tiến độ")]).toEqual([true, true]);
        if (due.some((i) => periodKindOf(i) === "year-end")) expect(labels.has("Chưa đến kỳ đánh giá")).toBe(true);
      });
    }
  }
});

describeWithEngine(["libreoffice", "pdftoppm"], "LibreOffice recalculates the fill-in workbooks as the core evaluates them", () => {
  jest.setTimeout(240_000);
  const tmp = tempDir();
  const file = (name: string) => join(tmp.dir, name);
  const plans = builtInPlans();
  afterAll(tmp.cleanup);

  beforeAll(async () => {
    for (const plan of plans) {
      expect((await cli(tmp.dir, "template", "--plan", plan.id, "-o", `${plan.id}.xlsx`)).code).toBe(0);
      await fillActuals(file(`${plan.id}.xlsx`), typedActuals(plan));
    }
    mkdirSync(file("csv"));
    const result = await convertWithLibreOffice(
      soffice as string,
      plans.map((p) => file(`${p.id}.xlsx`)),
      // No shell: the filter name goes without quotes. The last token, -1, exports every sheet.
      "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
      file("csv"),
    );
    expect(result.ok).toBe(true);
  });

  for (const plan of builtInPlans()) {
    it(`${plan.id}: every Tỷ lệ and Đánh giá cell equals evaluate`, async () => {
      const csvPath = file(join("csv", `${plan.id}-Chỉ tiêu.csv`));
      expect(existsSync(csvPath)).toBe(true);
      const rows = parseCsv(readFileSync(csvPath, "utf8"));
      const headerRow = rows.findIndex((r) => r[0] === "STT");
      const header = rows[headerRow];
      const codeCol = header.indexOf("Mã");
      const percentCol = header.findIndex((h) => h.startsWith("Tỷ lệ"));
      const statusCol = header.findIndex((h) => h.startsWith("Đánh giá") && !h.startsWith("Đánh giá điều chỉnh"));
      const engine = new Map(rows.slice(headerRow + 1).filter((r) => r[codeCol]).map((r) => [r[codeCol], { percent: r[percentCol], status: r[statusCol] }]));

      const run = await cli(tmp.dir, "evaluate", `${plan.id}.xlsx`, "--json");
      expect(run.stderr).toBe("");
      const core: { code: string; percent: number | null; status: string }[] = JSON.parse(run.stdout).indicators;
      expect(core).toHaveLength(plan.indicators.length);
      const statuses = new Set<string>();
      for (const expected of core) {
        const got = engine.get(expected.code);
        expect({ code: expected.code, status: got?.status }).toEqual({ code: expected.code, status: expected.status });
        statuses.add(expected.status);
        if (expected.percent === null) expect({ code: expected.code, percent: got?.percent }).toEqual({ code: expected.code, percent: "" });
        else {
          const value = Number(got?.percent);
          expect({ code: expected.code, close: Math.abs(value - expected.percent) <= 1e-9 * Math.max(1, Math.abs(expected.percent)) }).toEqual({ code: expected.code, close: true });
        }
      }
      expect(statuses.has("Chưa có số liệu")).toBe(true);
      expect(statuses.has("Không đạt")).toBe(true);
      expect([...statuses].some((s) => s === "Đạt" || s === "Vượt")).toBe(true);
    });
  }

  it("opens with its conditional formats, validations, protection and print setup intact", async () => {
    const plan = plans[0];
    mkdirSync(file("resaved"));
    const original = file(`${plan.id}-template.xlsx`);
    expect((await cli(tmp.dir, "template", "--plan", plan.id, "-o", `${plan.id}-template.xlsx`)).code).toBe(0);
    const result = await convertWithLibreOffice(soffice as string, [original], "xlsx", file("resaved"));
    expect(result.ok).toBe(true);
    const parts = unzipSync(new Uint8Array(readFileSync(file(join("resaved", `${plan.id}-template.xlsx`)))));
    const workbook = strFromU8(parts["xl/workbook.xml"]);
    const sheetIndex = [...workbook.matchAll(/<sheet [^>]*name="([^"]+)"/g)].findIndex((m) => m[1] === "Chỉ tiêu");
    const sheet = strFromU8(parts[`xl/worksheets/sheet${sheetIndex + 1}.xml`]);
    const cf = (sheet.match(/<cfRule /g) ?? []).length;
    expect(cf).toBeGreaterThanOrEqual(4);
    expect(sheet).toMatch(/<formula>OR\(\$H\d+="Vượt",\$H\d+="Đạt"\)<\/formula>|<formula>OR\(\$H\d+=&quot;Vượt&quot;,\$H\d+=&quot;Đạt&quot;\)<\/formula>/);
    expect(sheet).toMatch(/<dataValidation [^>]*type="decimal"/);
    expect(sheet).toMatch(/<dataValidation [^>]*type="list"/);
    expect(sheet).toMatch(/<formula1>(?:&apos;|')?Danh mục(?:&apos;|')?!\$[A-Z]+\$\d+:\$[A-Z]+\$\d+<\/formula1>/);
    expect(sheet).toMatch(/<sheetProtection [^>]*sheet="(1|true)"/);
    expect(sheet).toMatch(/<pageSetup [^>]*paperSize="9"[^>]*orientation="landscape"|<pageSetup [^>]*orientation="landscape"[^>]*paperSize="9"/);
    // Headless LibreOffice keeps no view settings when it saves, so the frozen header is checked in our own file.
    const own = strFromU8(unzipSync(new Uint8Array(readFileSync(original)))["xl/worksheets/sheet1.xml"]);
    expect(own).toMatch(/<pane [^>]*ySplit="8"[^>]*state="frozen"/);
  });

  it("prints the summary on A4 landscape with the header block and the table", async () => {
    const plan = plans.find((p) => p.id === "dong-hai-2025") ?? plans[0];
    const run = await cli(tmp.dir, "summary", `${plan.id}.xlsx`, "-o", "tong-hop.xlsx", "--pdf");
    expect(run.stderr).toContain("tong-hop.pdf");
    const pdf = file("tong-hop.pdf");
    expect(existsSync(pdf)).toBe(true);
    mkdirSync(ARTIFACTS, { recursive: true });
    for (const old of readdirSync(ARTIFACTS).filter((f) => f.startsWith("summary"))) rmSync(join(ARTIFACTS, old));
    execFileSync("pdftoppm", ["-png", "-r", "50", "-f", "1", "-l", "1", pdf, join(ARTIFACTS, "summary")]);
    const png = readdirSync(ARTIFACTS).find((f) => f.startsWith("summary") && f.endsWith(".png"));
    expect(png).toBeDefined();
    const { width, height } = pngSize(join(ARTIFACTS, png as string));
    expect(width).toBeGreaterThan(height);
    // A4 landscape at 50 dpi: 585 × 413 pixels.
    expect(Math.abs(width / height - 297 / 210)).toBeLessThan(0.01);
    const text = execFileSync("pdftotext", ["-layout", "-f", "1", "-l", "1", pdf, "-"], { encoding: "utf8" });
    for (const expected of ["ỦY BAN NHÂN DÂN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "BIỂU TỔNG HỢP KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU THI ĐUA NĂM 2025", "STT", "Chỉ tiêu", "Đơn vị tính", "Đánh giá"])
      expect(text).toContain(expected);
    expect(text).toMatch(/Tỷ lệ TH\/KH/);
  });
});
