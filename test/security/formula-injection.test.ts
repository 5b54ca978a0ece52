// Item 8.2: text from documents and users (indicator names, units, notes, reasons) that starts with
// "=", "+", "-", "@" or holds tabs and newlines is written as text by every writer: the .xlsx file
// (and LibreOffice shows it literally), Excel through the add-in's adapter, Sheets through the
// add-on's adapter. The imported plan-text path too.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { unzipSync } from "fflate";
import { readXlsxBytes } from "../../xlsx-reader/read";
import { writeXlsxBuffer } from "../../cli/xlsx/write";
import { withMetadataSheet } from "../../xlsx-reader/metadata";
import { evaluatePlan } from "../../shared/evaluate";
import { importPlanText } from "../../shared/import";
import { defaultSettings, PlanSchema, type ActualEntry, type Plan } from "../../shared/model";
import { buildFillInWorkbook, FILL_IN_SHEET } from "../../shared/sheet/fill-in";
import { buildSummaryWorkbook } from "../../shared/sheet/summary-sheet";
import { summarize } from "../../shared/summary";
import { loadPlan } from "../../excel-addin/src/adapter/load-command";
import { createFakeExcel } from "../fakes/excel";
import { buildToTemp, loadRequest, run, sandbox, type Built } from "../gas/support";
import type { FakeSheet } from "../fakes/gas/spreadsheet";
import { enginePath, testWithEngine } from "../support/engines";

/** Each must come back exactly as written, as text. */
const HOSTILE = ['=HYPERLINK("http://x","y")', "+1+1", "-2+3", "@SUM(A1)", "=1+1\t", "a\nb", "thu\tngân sách", "=cmd|' /C calc'!A0"];
/** Pieces that would only be in a formula if one of the texts above became one. */
const MARKERS = ["HYPERLINK", "SUM(A1)", "1+1", "2+3", "cmd|"];

function hostilePlan(): Plan {
  return PlanSchema.parse({
    id: "ke-hoach-thu",
    title: "=HYPERLINK(\"http://x\",\"Kế hoạch\")",
    issuer: "UBND phường Thử",
    level: "xa",
    year: 2025,
    source: null,
    indicators: HOSTILE.map((name, i) => ({ code: String(i + 1), name, group: null, unit: i % 2 ? "+người" : "@tỷ đồng", comparator: ">=", target: 10 + i, deadlineYear: null, note: null })),
  });
}

function hostileEntries(): ActualEntry[] {
  return HOSTILE.map((text, i) => ({ code: String(i + 1), raw: i === 0 ? text : 5 + i, note: text, override: { status: "Đạt", reason: text } }));
}

function formulasIn(sheetXml: string): string[] {
  return [...sheetXml.matchAll(/<f(?:\s[^>]*)?>([\s\S]*?)<\/f>/g)].map((m) => m[1]);
}

describe(".xlsx writer", () => {
  const plan = hostilePlan();
  const dir = mkdtempSync(join(tmpdir(), "chitieu-inject-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  let bytes: Uint8Array;

  beforeAll(async () => {
    const fillIn = withMetadataSheet(buildFillInWorkbook(plan, { entries: hostileEntries(), unit: "=1+1 Phường" }));
    bytes = new Uint8Array(await writeXlsxBuffer(fillIn));
    writeFileSync(join(dir, "bang.xlsx"), bytes);
  });

  test("no text becomes a <f> element; every text reads back exactly, as a string", () => {
    const parts = unzipSync(bytes);
    const sheets = Object.keys(parts).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n));
    expect(sheets.length).toBeGreaterThan(0);
    for (const name of sheets) {
      for (const formula of formulasIn(new TextDecoder().decode(parts[name]))) for (const marker of MARKERS) expect(formula).not.toContain(marker);
    }
    const grid = readXlsxBytes(bytes).grid(FILL_IN_SHEET);
    const texts = grid.flat().filter((v): v is string => typeof v === "string");
    // Names are trimmed by the plan schema; notes and reasons are kept as typed.
    for (const text of HOSTILE) expect(texts.filter((v) => v === text).length).toBeGreaterThanOrEqual(2);
    for (const text of HOSTILE) expect(texts).toContain(text.trim());
    expect(texts).toContain("@tỷ đồng");
    expect(texts).toContain("+người");
  });

  test("the summary workbook writes names and reasons as text too", async () => {
    const settings = defaultSettings(2025);
    const summary = summarize(plan, evaluatePlan(plan, hostileEntries(), settings), settings);
    const out = new Uint8Array(await writeXlsxBuffer(buildSummaryWorkbook(plan, summary, { unit: "@Phường" })));
    const parts = unzipSync(out);
    for (const [name, data] of Object.entries(parts)) {
      if (!/^xl\/worksheets\/sheet\d+\.xml$/.test(name)) continue;
      for (const formula of formulasIn(new TextDecoder().decode(data))) for (const marker of MARKERS) expect(formula).not.toContain(marker);
    }
    const book = readXlsxBytes(out);
    const texts = book.sheets.flatMap((s) => book.grid(s.name).flat()).filter((v): v is string => typeof v === "string");
    expect(texts.some((v) => v.includes('=HYPERLINK("http://x","y")'))).toBe(true);
    expect(texts.some((v) => v.includes("@SUM(A1)"))).toBe(true);
  });

  testWithEngine("libreoffice", "LibreOffice opens the file and shows the texts literally (CSV export)", () => {
    const profile = mkdtempSync(join(tmpdir(), "lo-profile-"));
    try {
      execFileSync(enginePath("libreoffice"), [`-env:UserInstallation=file://${profile}`, "--headless", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1", "--outdir", dir, join(dir, "bang.xlsx")], { stdio: "ignore", timeout: 120000 });
    } finally {
      rmSync(profile, { recursive: true, force: true });
    }
    const csv = readFileSync(join(dir, "bang-Chỉ tiêu.csv"), "utf8");
    expect(csv).toContain('=HYPERLINK(""http://x"",""y"")');
    expect(csv).toContain("@SUM(A1)");
    expect(csv).toContain("+1+1");
    expect(csv).toContain("-2+3");
    expect(csv).toContain("=cmd|' /C calc'!A0");
    expect(csv).not.toMatch(/(^|,)y(,|$)/m); // the HYPERLINK's display text would show alone if it had become a formula
    expect(csv).not.toContain("#NAME?");
  }, 180000);
});

describe("Excel, through the add-in's adapter into the strict fake", () => {
  test("names, units and a note written back on reload stay text: never in formulas", async () => {
    const host = createFakeExcel();
    const plan = hostilePlan();
    const request = { plan, unit: "=1+1 Phường", year: 2025, estimate: false, issuer: null, lang: "vi" as const };
    const first = await host.run((ctx) => loadPlan(ctx, request, { pageLayout: true }));
    expect(first.ok).toBe(true);
    const sheet = host.state.sheet(FILL_IN_SHEET);
    // A user types the hostile texts as text (Excel's apostrophe) into the note and reason cells.
    const grid = host.state.grid(FILL_IN_SHEET);
    const header = grid.findIndex((row) => row.includes("Mã"));
    const col = (begins: string) => grid[header].findIndex((c) => typeof c === "string" && c.startsWith(begins));
    HOSTILE.forEach((text, i) => {
      const row = grid.findIndex((r, k) => k > header && r[col("Mã")] === String(i + 1));
      host.state.typeIn(FILL_IN_SHEET, `${String.fromCharCode(65 + col("Ghi chú"))}${row + 1}`, `'${text}`);
    });
    const again = await host.run((ctx) => loadPlan(ctx, request, { pageLayout: true }));
    expect(again.ok).toBe(true);
    const cells = [...host.state.sheets].flatMap((s) => [...s.cells.values()]);
    for (const cell of cells) if (cell.formula) for (const marker of MARKERS) expect(cell.formula).not.toContain(marker);
    const values = [...sheet.cells.values()].map((c) => c.value);
    // The name (trimmed by the plan schema) and the note (trimmed by the reader on reload).
    for (const text of HOSTILE) expect(values.filter((v) => v === text.trim()).length).toBeGreaterThanOrEqual(2);
    expect(values).toContain("@tỷ đồng");
  });
});

describe("Sheets, through the add-on's adapter into the strict fake", () => {
  let built: Built;
  beforeAll(async () => {
    built = await buildToTemp();
  }, 120000);
  afterAll(() => rmSync(built.root, { recursive: true, force: true }));

  test("names, units and notes written back on reload stay text: never formulas, never reinterpreted", () => {
    const box = sandbox(built);
    const plan = hostilePlan();
    expect(run(box, "loadPlan", loadRequest(plan, "=1+1 Phường")).ok).toBe(true);
    const ss = box.world.active;
    const sheet = ss.sheets.find((s) => s.name === FILL_IN_SHEET) as FakeSheet;
    const { lastRow, lastCol } = sheet.extent();
    const at = (r: number, c: number) => sheet.peek(r, c).value;
    const header = Array.from({ length: lastRow }, (_, r) => r).find((r) => at(r, 1) === "Mã")!;
    const noteCol = Array.from({ length: lastCol }, (_, c) => c).find((c) => at(header, c) === "Ghi chú")!;
    HOSTILE.forEach((text, i) => {
      const row = Array.from({ length: lastRow }, (_, r) => r).find((r) => r > header && at(r, 1) === String(i + 1))!;
      const cell = sheet.cellAt(row, noteCol);
      cell.value = text; // typed as text: the user's own cell
      cell.formula = null;
    });
    expect(run(box, "loadPlan", loadRequest(plan, "=1+1 Phường")).ok).toBe(true);
    const cells = ss.sheets.flatMap((s) => [...s.cells.values()]);
    for (const cell of cells) if (cell.formula) for (const marker of MARKERS) expect(cell.formula).not.toContain(marker);
    const values = [...sheet.cells.values()].map((c) => c.value);
    // The name (trimmed by the plan schema) and the note (trimmed by the reader on reload).
    // The name (trimmed by the plan schema; the add-on writes it on one line) and the note (trimmed on reload).
    const shown = (text: string) => [text.trim(), text.trim().replace(/\s+/g, " ")];
    for (const text of HOSTILE) expect(values.filter((v) => shown(text).includes(v as string)).length).toBeGreaterThanOrEqual(2);
    const written = [...sheet.cells.values()].filter((c) => typeof c.value === "string" && HOSTILE.some((h) => shown(h).includes(c.value as string)));
    for (const cell of written) expect(cell.reinterpreted).toBe(false);
  });
});

describe("the imported plan-text path", () => {
  test("an indicator name that starts with = from a pasted plan ends up as text in the sheet file", async () => {
    const text = ["KẾ HOẠCH phát động thi đua năm 2025 của UBND phường Thử", "II. CHỈ TIÊU", '1. =HYPERLINK("http://x","y") đạt 100 %', "2. @SUM(A1) tỷ lệ hộ nghèo dưới 2 %"].join("\n");
    const imported = importPlanText(text, { id: "nhap-thu", year: 2025, issuer: "UBND phường Thử", level: "xa" });
    expect(imported.plan).not.toBeNull();
    const plan = imported.plan!;
    expect(plan.indicators.map((i) => i.name)).toEqual(expect.arrayContaining(['=HYPERLINK("http://x","y")']));
    const bytes = new Uint8Array(await writeXlsxBuffer(buildFillInWorkbook(plan)));
    const parts = unzipSync(bytes);
    for (const [name, data] of Object.entries(parts)) {
      if (!/^xl\/worksheets\/sheet\d+\.xml$/.test(name)) continue;
      for (const formula of formulasIn(new TextDecoder().decode(data))) expect(formula).not.toContain("HYPERLINK");
    }
    const texts = readXlsxBytes(bytes).grid(FILL_IN_SHEET).flat();
    expect(texts).toContain('=HYPERLINK("http://x","y")');
  });
});
