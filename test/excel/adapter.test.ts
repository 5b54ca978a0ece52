// The Office.js adapter driven through every command against the strict fake, on the five seed
// plans and on plans of 30, 300 and 3000 rows.
import { withMetadataSheet } from "../../xlsx-reader/metadata";
import { writeXlsxBuffer } from "../../cli/xlsx/write";
import { builtInPlans, findBuiltInPlan } from "../../shared/catalog";
import { defaultSettings, type Plan } from "../../shared/model";
import { buildFillInWorkbook } from "../../shared/sheet/fill-in";
import { checkSheet, dashboard, fixNumberAsText, selectCell, setOverride } from "../../excel-addin/src/adapter/commands";
import { loadPlan, type LoadRequest } from "../../excel-addin/src/adapter/load-command";
import { buildSummary } from "../../excel-addin/src/adapter/report-commands";
import { consolidateUnitFiles } from "../../excel-addin/src/adapter/units-commands";
import { readReceivedFiles } from "../../excel-addin/src/units-files";
import { needsTextGuard, toExcelInput } from "../../excel-addin/src/adapter/cell-input";
import { createFakeExcel, PAYLOAD_LIMIT, columnLetters, type FakeExcelHost } from "../fakes/excel";
import { LOAD_REQUEST, planOfSize, readBack, workbookMismatches } from "./helpers";

const FEATURES = { pageLayout: true };
const SEED_PLAN_IDS = ["hai-phong-232-2025", "do-son-2025", "dong-hai-2025", "kien-an-2025", "nguyen-luong-bang-2025"];

function lastSyncs(fake: FakeExcelHost) {
  return fake.contexts[fake.contexts.length - 1].syncs;
}

/** A read request carries loads only (a few hundred bytes); a write carries the cells (tens of kilobytes and more). */
const READ_BYTES = 10_000;

/** The requests of the last command, as reads and writes: the limit is one read, then the writes. */
function requestsOf(fake: FakeExcelHost): { reads: number; writes: number; readFirst: boolean } {
  const syncs = lastSyncs(fake);
  const reads = syncs.filter((s) => (s.kinds.load ?? 0) > 0 && s.payloadBytes < READ_BYTES).length;
  return { reads, writes: syncs.length - reads, readFirst: syncs.length > 0 && (syncs[0].kinds.load ?? 0) > 0 };
}

async function load(fake: FakeExcelHost, plan: Plan, extra: Partial<LoadRequest> = {}) {
  const outcome = await fake.run((context) => loadPlan(context, { plan, ...LOAD_REQUEST, ...extra }, FEATURES));
  if (!outcome.ok) throw new Error(outcome.message);
  return outcome;
}

/** The cell of an indicator's column, found the way a user finds it: by the header and the code. */
function cellOf(fake: FakeExcelHost, plan: Plan, code: string, key: "actual" | "note" | "override" | "overrideReason" | "previous"): string {
  const reading = readBack(fake.state, plan);
  const row = reading.rowsByCode.get(code);
  const col = reading.layout?.columns[key];
  if (row === undefined || col === undefined) throw new Error(`no ${key} cell for ${code}`);
  return `${columnLetters(col)}${row + 1}`;
}

function leafCodes(plan: Plan): string[] {
  return plan.indicators.filter((i) => i.comparator !== null && i.comparator !== "boolean" && i.target !== null).map((i) => i.code);
}

describe("the seed plans through every command", () => {
  test("five built-in plans are in the catalog", () => {
    expect(builtInPlans().map((p) => p.id).sort()).toEqual([...SEED_PLAN_IDS].sort());
  });

  test.each(SEED_PLAN_IDS)("%s: load writes the model exactly, in one read and one write under 5 MB", async (id) => {
    const plan = findBuiltInPlan(id)!;
    const fake = createFakeExcel();
    const outcome = await load(fake, plan);
    expect(outcome.indicators).toBe(plan.indicators.length);
    expect(lastSyncs(fake)).toHaveLength(2);
    expect(requestsOf(fake)).toEqual({ reads: 1, writes: 1, readFirst: true });
    for (const sync of lastSyncs(fake)) expect(sync.payloadBytes).toBeLessThan(PAYLOAD_LIMIT);

    const model = withMetadataSheet(buildFillInWorkbook(plan, { ...LOAD_REQUEST, issuer: undefined, settings: defaultSettings(2025) }));
    expect(workbookMismatches(fake.state, model)).toEqual([]);
    // The table is found by its workbook name, not by an address.
    const anchor = fake.state.names.find((n) => n.name === model.sheets[0].table!.anchorName);
    expect(anchor && fake.state.sheetById(anchor.sheetId).name).toBe("Chỉ tiêu");
    expect(fake.state.settings.has("chitieu.document")).toBe(true);
    // Data validation lists point at a range, never a comma string.
    for (const validation of fake.state.sheet("Chỉ tiêu").validations) if (validation.rule.list) expect(validation.listSource?.sheet).toBeTruthy();
  });

  test.each(SEED_PLAN_IDS)("%s: typed actuals, notes and overrides survive sorting and a reload", async (id) => {
    const plan = findBuiltInPlan(id)!;
    const fake = createFakeExcel();
    await load(fake, plan);
    const codes = leafCodes(plan).slice(0, 4);
    const sheet = "Chỉ tiêu";
    codes.forEach((code, i) => fake.state.typeIn(sheet, cellOf(fake, plan, code, "actual"), 100 + i));
    fake.state.typeIn(sheet, cellOf(fake, plan, codes[0], "note"), "Số liệu Cục Thống kê, 15/12");
    fake.state.typeIn(sheet, cellOf(fake, plan, codes[1], "override"), "Đạt");
    fake.state.typeIn(sheet, cellOf(fake, plan, codes[1], "overrideReason"), "Đã được thành phố công nhận");

    // The user sorts the table by code, descending: every row moves.
    const before = readBack(fake.state, plan);
    const layout = before.layout!;
    const codeCol = layout.columns.code!;
    fake.state.sortRows(sheet, layout.firstDataRow, layout.lastDataRow, (a, b) => String(b[codeCol].value).localeCompare(String(a[codeCol].value), "en", { numeric: true }), 30);
    expect(readBack(fake.state, plan).rowsByCode.get(codes[0])).not.toBe(before.rowsByCode.get(codes[0]));

    const outcome = await load(fake, plan);
    // The reload reads what was typed in the same request as the document state: one read, one write.
    expect(requestsOf(fake)).toEqual({ reads: 1, writes: 1, readFirst: true });
    expect(outcome.kept).toEqual({ actuals: 4, notes: 1, overrides: 1 });
    const after = readBack(fake.state, plan);
    const byCode = new Map(after.entries.map((e) => [e.code, e]));
    codes.forEach((code, i) => expect(byCode.get(code)?.raw).toBe(100 + i));
    expect(byCode.get(codes[0])?.note).toBe("Số liệu Cục Thống kê, 15/12");
    expect(byCode.get(codes[1])?.override).toEqual({ status: "Đạt", reason: "Đã được thành phố công nhận" });
    // Rewritten in plan order again.
    expect(after.layout!.rowCodes).toEqual(plan.indicators.map((i) => i.code));
  });

  test.each(SEED_PLAN_IDS)("%s: check finds the findings with their cells; the fix turns text into a number", async (id) => {
    const plan = findBuiltInPlan(id)!;
    const fake = createFakeExcel();
    await load(fake, plan);
    const [first, second] = leafCodes(plan);
    const textCell = cellOf(fake, plan, first, "actual");
    fake.state.typeIn("Chỉ tiêu", textCell, "1.234,5"); // Vietnamese typing in an en-US Excel: stays text
    fake.state.typeIn("Chỉ tiêu", cellOf(fake, plan, second, "actual"), "#DIV/0!");

    const checked = await fake.run((context) => checkSheet(context, "vi"));
    expect(requestsOf(fake)).toEqual({ reads: 1, writes: 0, readFirst: true });
    if (!checked.ok) throw new Error(checked.message);
    const asText = checked.findings.find((f) => f.rule === "number-as-text" && f.cell === textCell);
    expect(asText?.fix?.value).toBe(1234.5);
    expect(asText?.sheet).toBe("Chỉ tiêu");
    const cellError = checked.findings.find((f) => f.code === second);
    expect(cellError?.severity).toBe("error");
    expect(checked.findings[0].severity).toBe("error"); // errors first
    expect(checked.errors).toBeGreaterThan(0);

    await fake.run((context) => selectCell(context, asText!.sheet!, asText!.cell!));
    expect(fake.state.selection).toEqual({ sheet: "Chỉ tiêu", address: textCell });

    const fixed = await fake.run((context) => fixNumberAsText(context, asText!, "vi"));
    expect(fixed.ok).toBe(true);
    expect(lastSyncs(fake).length).toBeLessThanOrEqual(2);
    expect(fake.state.value("Chỉ tiêu", textCell)).toBe(1234.5);

    // A second click on the same (now stale) finding changes nothing.
    const again = await fake.run((context) => fixNumberAsText(context, asText!, "vi"));
    expect(again.ok).toBe(false);
    expect(fake.state.value("Chỉ tiêu", textCell)).toBe(1234.5);
  });

  test("a unit slip's ÷ 1.000: Đông Hải revenue typed in nghìn đồng becomes triệu đồng, once", async () => {
    const plan = findBuiltInPlan("dong-hai-2025")!;
    const fake = createFakeExcel();
    await load(fake, plan);
    const cell = cellOf(fake, plan, "1", "actual");
    fake.state.typeIn("Chỉ tiêu", cell, 36692000);
    const checked = await fake.run((context) => checkSheet(context, "vi"));
    if (!checked.ok) throw new Error(checked.message);
    const slip = checked.findings.find((f) => f.rule === "unit-slip" && f.cell === cell);
    expect(slip?.fix).toEqual({ value: 36692, from: 36692000 });
    const fixed = await fake.run((context) => fixNumberAsText(context, slip!, "vi"));
    expect(fixed.ok).toBe(true);
    expect(fake.state.value("Chỉ tiêu", cell)).toBe(36692);
    // The cell no longer holds what was typed: a second click changes nothing.
    expect((await fake.run((context) => fixNumberAsText(context, slip!, "vi"))).ok).toBe(false);
    expect(fake.state.value("Chỉ tiêu", cell)).toBe(36692);
  });

  test.each(SEED_PLAN_IDS)("%s: summary sheet written in one read and one write; dashboard counts in one read", async (id) => {
    const plan = findBuiltInPlan(id)!;
    const fake = createFakeExcel();
    await load(fake, plan);
    const [first] = leafCodes(plan);
    const target = plan.indicators.find((i) => i.code === first)!.target!;
    fake.state.typeIn("Chỉ tiêu", cellOf(fake, plan, first, "actual"), target * 2);

    const summary = await fake.run((context) => buildSummary(context, "vi", FEATURES));
    if (!summary.ok) throw new Error(summary.message);
    expect(requestsOf(fake)).toEqual({ reads: 1, writes: 1, readFirst: true });
    const grid = fake.state.grid(summary.sheet).flat().filter((v) => typeof v === "string") as string[];
    expect(grid.some((v) => v.includes("BIỂU TỔNG HỢP") || v.includes("TỔNG HỢP"))).toBe(true);
    expect(summary.sentence).toMatch(/^Có \d+\/\d+ chỉ tiêu/);
    expect(fake.state.sheet(summary.sheet).pageLayout.orientation).toBe("Landscape");

    // A second summary rewrites the same sheet, no duplicate.
    await fake.run((context) => buildSummary(context, "vi", FEATURES));
    expect(requestsOf(fake)).toEqual({ reads: 1, writes: 1, readFirst: true });
    expect(fake.state.sheets.filter((s) => s.name === summary.sheet)).toHaveLength(1);

    const board = await fake.run((context) => dashboard(context, "vi"));
    if (!board.ok) throw new Error(board.message);
    expect(requestsOf(fake)).toEqual({ reads: 1, writes: 0, readFirst: true });
    expect(Object.values(board.counts).reduce((a, b) => a + b, 0)).toBe(board.counted);
  });
});

describe("size: syncs stay flat at 30, 300 and 3000 rows", () => {
  test.each([30, 300, 3000])("%i rows: load, reload, summary one read and one write, check one read, every request under 5 MB", async (rows) => {
    const plan = planOfSize(rows);
    const fake = createFakeExcel();
    await load(fake, plan);
    const requests = [requestsOf(fake)];
    fake.state.typeIn("Chỉ tiêu", cellOf(fake, plan, "1.1", "actual"), 2000);
    await load(fake, plan);
    requests.push(requestsOf(fake));
    const checked = await fake.run((context) => checkSheet(context, "vi"));
    expect(checked.ok).toBe(true);
    expect(requestsOf(fake)).toEqual({ reads: 1, writes: 0, readFirst: true });
    const summary = await fake.run((context) => buildSummary(context, "vi", FEATURES));
    expect(summary.ok).toBe(true);
    requests.push(requestsOf(fake));
    // One read, then the write; a write larger than one request safely carries (under 5 MB) is split,
    // and only that adds a request: the 3000-row fill-in sheet, in two.
    for (const { reads, writes, readFirst } of requests) {
      expect(reads).toBe(1);
      expect(readFirst).toBe(true);
      expect(writes).toBeGreaterThanOrEqual(1);
      expect(writes).toBeLessThanOrEqual(rows >= 3000 ? 2 : 1);
    }
    for (const context of fake.contexts) for (const sync of context.syncs) expect(sync.payloadBytes).toBeLessThan(PAYLOAD_LIMIT);
    expect(readBack(fake.state, plan).entries.find((e) => e.code === "1.1")?.raw).toBe(2000);
  }, 60000);
});

describe("what the adapter refuses or guards", () => {
  test("a sheet of the user's with the same name is never overwritten", async () => {
    const fake = createFakeExcel();
    fake.state.addSheet("Chỉ tiêu");
    fake.state.typeIn("Chỉ tiêu", "A1", "Số liệu của tôi");
    const plan = findBuiltInPlan("dong-hai-2025")!;
    const outcome = await fake.run((context) => loadPlan(context, { plan, ...LOAD_REQUEST }, FEATURES));
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.message).toContain("Chỉ tiêu");
    expect(fake.state.value("Chỉ tiêu", "A1")).toBe("Số liệu của tôi");
    expect(fake.state.findSheet("Danh mục")).toBeUndefined();
  });

  test("a renamed indicator sheet is found by its anchor: one more read, never another sheet", async () => {
    const fake = createFakeExcel();
    const plan = findBuiltInPlan("dong-hai-2025")!;
    await load(fake, plan);
    const cell = cellOf(fake, plan, leafCodes(plan)[0], "actual");
    fake.state.sheet("Chỉ tiêu").name = "Chỉ tiêu 2025";
    fake.state.typeIn("Chỉ tiêu 2025", cell, "1.234,5");
    const checked = await fake.run((context) => checkSheet(context, "vi"));
    if (!checked.ok) throw new Error(checked.message);
    expect(checked.sheet).toBe("Chỉ tiêu 2025");
    expect(checked.findings.some((f) => f.rule === "number-as-text" && f.cell === cell && f.sheet === "Chỉ tiêu 2025")).toBe(true);
    // The read asked for "Chỉ tiêu" by name; the anchor says where the table went, read next.
    expect(requestsOf(fake)).toEqual({ reads: 2, writes: 0, readFirst: true });
  });

  test("Excel 2019 (ExcelApi 1.8): no print setup is attempted, the load still works", async () => {
    const fake = createFakeExcel({ excelApi: 1.8 });
    const plan = findBuiltInPlan("do-son-2025")!;
    const outcome = await fake.run((context) => loadPlan(context, { plan, ...LOAD_REQUEST }, { pageLayout: false }));
    expect(outcome.ok).toBe(true);
    expect(fake.state.sheet("Chỉ tiêu").pageLayout).toEqual({});
  });

  test("commands on a workbook without a plan say so, in Vietnamese or English", async () => {
    const fake = createFakeExcel();
    const vi = await fake.run((context) => checkSheet(context, "vi"));
    const en = await fake.run((context) => checkSheet(context, "en"));
    // The core's words, the same in Sheets (test/gas/commands.test.ts), with the next step.
    expect(!vi.ok && vi.message).toBe("Bảng tính này chưa có bảng chỉ tiêu. Nạp một kế hoạch trước (bước 1. Nạp).");
    expect(!en.ok && en.message).toBe("This workbook has no indicator sheet yet. Load a plan first (step 1. Load).");
  });

  test("a deleted key column blocks the reload instead of losing typed figures", async () => {
    const fake = createFakeExcel();
    const plan = findBuiltInPlan("hai-phong-232-2025")!;
    await load(fake, plan);
    const cell = cellOf(fake, plan, "1.1", "actual");
    fake.state.typeIn("Chỉ tiêu", cell, 15);
    const layout = readBack(fake.state, plan).layout!;
    fake.state.sheet("Chỉ tiêu").protection.protected = false;
    fake.state.typeIn("Chỉ tiêu", `${columnLetters(layout.columns.code!)}${layout.headerRow + 1}`, "");
    const outcome = await fake.run((context) => loadPlan(context, { plan, ...LOAD_REQUEST }, FEATURES));
    expect(outcome.ok).toBe(false);
    expect(fake.state.value("Chỉ tiêu", cell)).toBe(15);
  });

  test("status override with a reason, written into the row found by code", async () => {
    const fake = createFakeExcel();
    const plan = findBuiltInPlan("hai-phong-232-2025")!;
    await load(fake, plan);
    const noReason = await fake.run((context) => setOverride(context, "1.1", "Đạt", " ", "vi"));
    expect(noReason.ok).toBe(false);
    const written = await fake.run((context) => setOverride(context, "1.1", "Đạt", "=Cục Thống kê xác nhận", "vi"));
    expect(written.ok).toBe(true);
    expect(requestsOf(fake)).toEqual({ reads: 1, writes: 1, readFirst: true });
    const entry = readBack(fake.state, plan).entries.find((e) => e.code === "1.1");
    expect(entry?.override).toEqual({ status: "Đạt", reason: "=Cục Thống kê xác nhận" });
  });

  test("literal text that Excel would read as a formula, number, boolean or date is written as text", () => {
    for (const text of ["=SUM(A1)", "+84 912", "-5% hộ nghèo", "@mention", "1.234", "95 %", "TRUE", "Mar 5", "#N/A", "'quoted"]) {
      expect(needsTextGuard(text)).toBe(true);
      expect(toExcelInput(text)).toBe(`'${text}`);
    }
    expect(toExcelInput("Tốc độ tăng trưởng GRDP")).toBe("Tốc độ tăng trưởng GRDP");
    expect(toExcelInput({ formula: "=A1*2" })).toBe("=A1*2");
    const fake = createFakeExcel();
    const plan = planOfSize(12);
    plan.indicators[1] = { ...plan.indicators[1], name: "=HYPERLINK(\"http://x\")", note: "-12,5 so với năm trước" };
    return load(fake, plan).then(() => {
      const reading = readBack(fake.state, plan);
      const row = reading.rowsByCode.get(plan.indicators[1].code)!;
      const nameCell = fake.state.sheet("Chỉ tiêu").cells.get(`${row},${reading.layout!.columns.name!}`);
      expect(nameCell?.formula).toBeNull();
      expect(String(nameCell?.value)).toContain("=HYPERLINK");
    });
  });
});

describe("consolidation from other units' .xlsx files", () => {
  test("two units' workbooks and one broken file: consolidated, the broken one listed, in two requests", async () => {
    const plan = findBuiltInPlan("dong-hai-2025")!;
    const fake = createFakeExcel();
    await load(fake, plan, { unit: "Phường Đông Hải" });
    const [a, b] = leafCodes(plan);
    const unitFile = async (unit: string, actual: number) => {
      const model = buildFillInWorkbook(plan, { unit, year: 2025, lang: "vi", entries: [{ code: a, raw: actual }, { code: b, raw: actual / 2 }] });
      return new Uint8Array(await writeXlsxBuffer(withMetadataSheet(model)));
    };
    // The files as the pane gets them from the file picker, read as the Units tab reads them.
    const picked = [
      new File([await unitFile("Tổ dân phố 1", 900)], "to-dan-pho-1.xlsx"),
      new File([await unitFile("Tổ dân phố 2", 1200)], "to-dan-pho-2.xlsx"),
      new File([new Uint8Array([1, 2, 3])], "hong.xlsx"),
    ];
    const progress: number[] = [];
    const received = await readReceivedFiles(picked, (done) => progress.push(done), "vi");
    expect(progress).toEqual([0, 1, 2, 3]);
    expect(received[0]!.unit).toBe("Tổ dân phố 1");
    const outcome = await fake.run((context) => consolidateUnitFiles(context, received, { deadline: null }, "vi", FEATURES));
    if (!outcome.ok) throw new Error(outcome.message);
    expect(lastSyncs(fake).length).toBe(2);
    expect(outcome.units).toBe(2);
    expect(outcome.unusable.map((u) => u.source)).toEqual(["hong.xlsx"]);
    expect(outcome.counts).toMatchObject({ sent: 3, unusable: 1 });
    const text = fake.state.sheets.flatMap((s) => fake.state.grid(s.name).flat()).filter((v) => typeof v === "string").join("\n");
    expect(text).toContain("Tổ dân phố 1");
    expect(text).toContain("hong.xlsx");
  });
});

describe("replacing the plan with another one", () => {
  test("figures move only to the same indicator: code and name must both match", async () => {
    const fake = createFakeExcel();
    const city = findBuiltInPlan("hai-phong-232-2025")!;
    const ward = findBuiltInPlan("dong-hai-2025")!;
    await load(fake, city);
    fake.state.typeIn("Chỉ tiêu", cellOf(fake, city, "1", "actual"), 13.5);
    const sameCode = ward.indicators.find((i) => i.code === "1")?.name === city.indicators.find((i) => i.code === "1")?.name;
    // A figure that would not carry over: asked first, nothing written; then set aside on the user's yes.
    if (!sameCode) {
      const asked = await fake.run((context) => loadPlan(context, { plan: ward, ...LOAD_REQUEST }, FEATURES));
      expect(asked.ok && asked.confirm?.items).toEqual([{ code: "1", text: expect.stringContaining("1 — ") }]);
      expect(readBack(fake.state, city).entries.find((e) => e.code === "1")?.raw).toBe(13.5);
    }
    const outcome = await load(fake, ward, { answers: { "reload-set-aside": true } });
    const sameName = ward.indicators.find((i) => i.code === "1")?.name === city.indicators.find((i) => i.code === "1")?.name;
    const entry = readBack(fake.state, ward).entries.find((e) => e.code === "1");
    if (sameName) expect(entry?.raw).toBe(13.5);
    else {
      expect(entry?.raw ?? null).toBeNull();
      expect(outcome.removedData).toEqual([{ code: "1", raw: 13.5 }]);
      expect(outcome.messages.join("\n")).toContain("Số liệu cũ");
      const aside = fake.state.sheet("Số liệu cũ");
      expect(aside).toBeDefined();
    }
  });
});
