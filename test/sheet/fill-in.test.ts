import { builtInPlans, findBuiltInPlan } from "../../shared/catalog";
import { PlanSchema, type ActualEntry, type Plan } from "../../shared/model";
import { columnIndex, REQUIRED_HEADERS } from "../../shared/sheet/fill-in-columns";
import { buildFillInWorkbook, FILL_IN_SHEET, LISTS_SHEET, NAMES, PERIOD_NAMES, targetDisplay } from "../../shared/sheet/fill-in";
import { fromFileFormula, toFileFormula } from "../../shared/sheet/formula-text";
import { readFillInSheet } from "../../shared/sheet/read-back";
import { isFormula, type CellValue, type Rect, type SheetModel } from "../../shared/sheet/types";

const dongHai = findBuiltInPlan("dong-hai-2025") as Plan;
const nlb = findBuiltInPlan("nguyen-luong-bang-2025") as Plan;

function fillIn(plan: Plan, options: Parameters<typeof buildFillInWorkbook>[1] = {}): SheetModel {
  return buildFillInWorkbook(plan, options).sheets[0];
}

function insideRows(rect: Rect, first: number, last: number): boolean {
  return rect.row >= first && rect.row + rect.rows - 1 <= last;
}

describe("the fill-in sheet model", () => {
  test.each(builtInPlans().map((p) => [p.id, p] as const))("%s: header texts in order, one row per indicator keyed by code", (_id, plan) => {
    const sheet = fillIn(plan);
    const table = sheet.table!;
    const header = sheet.cells[table.headerRow] as string[];
    REQUIRED_HEADERS.forEach((required, i) => expect(header[i].startsWith(required.begins)).toBe(true));
    expect(header.slice(0, 9)).toEqual(["STT", "Mã", "Chỉ tiêu", "Đơn vị tính", `Kế hoạch năm ${plan.year}`, `Thực hiện năm ${plan.year}`, "Tỷ lệ TH/KH (%)", "Đánh giá", "Ghi chú"]);
    expect(table.rowCodes).toEqual(plan.indicators.map((i) => i.code));
    expect(table.lastDataRow - table.firstDataRow + 1).toBe(plan.indicators.length);
    plan.indicators.forEach((ind, i) => {
      const row = sheet.cells[table.firstDataRow + i];
      expect(row[columnIndex("code")]).toBe(ind.code);
      expect(typeof row[columnIndex("name")]).toBe("string");
      expect(isFormula(row[columnIndex("status")])).toBe(true);
    });
    expect(sheet.font).toEqual({ name: "Times New Roman", size: 13 });
  });

  test("an estimate says Ước thực hiện", () => {
    const sheet = fillIn(dongHai, { estimate: true });
    expect(sheet.cells[sheet.table!.headerRow][columnIndex("actual")]).toBe("Ước thực hiện năm 2025");
  });

  test("the Decree 30 header block: issuing body, motto, title, the plan", () => {
    const sheet = fillIn(dongHai, { unit: "Phường Đông Hải" });
    const texts = sheet.cells.slice(0, 7).flat().filter((v): v is string => typeof v === "string");
    expect(texts).toEqual(
      expect.arrayContaining([
        "ỦY BAN NHÂN DÂN",
        "PHƯỜNG ĐÔNG HẢI",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "BẢNG THEO DÕI KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU THI ĐUA NĂM 2025",
      ]),
    );
    expect(texts.some((t) => t.startsWith("Đông Hải, ngày"))).toBe(true);
    expect(texts.some((t) => t.includes(dongHai.title))).toBe(true);
    expect(sheet.merges.length).toBeGreaterThanOrEqual(6);
  });

  test("only the input columns are editable, on the data rows, and the two date cells above the figure columns", () => {
    const sheet = fillIn(nlb);
    const table = sheet.table!;
    const onRows = sheet.editable.filter((r) => r.row === table.firstDataRow);
    const editableCols = onRows.map((r) => r.col).sort((a, b) => a - b);
    expect(editableCols).toEqual(["actual", "note", "previous", "override", "overrideReason", "estimate"].map((k) => columnIndex(k as never)).sort((a, b) => a - b));
    for (const rect of onRows) {
      expect(rect).toMatchObject({ row: table.firstDataRow, rows: nlb.indicators.length, cols: 1 });
    }
    const dates = sheet.editable.filter((r) => r.row !== table.firstDataRow);
    expect(dates).toEqual([
      { row: table.headerRow - 1, col: columnIndex("actual"), rows: 1, cols: 1 },
      { row: table.headerRow - 1, col: columnIndex("estimate"), rows: 1, cols: 1 },
    ]);
    expect(sheet.protection.enabled).toBe(true);
    expect(sheet.protection.password).toBeUndefined();
    expect(fillIn(nlb, { password: "bi-mat" }).protection).toEqual({ enabled: true, password: "bi-mat" });
  });

  test("conditional formats and validations cover the data rows exactly, lists come from a range", () => {
    const model = buildFillInWorkbook(nlb, {});
    const sheet = model.sheets[0];
    const { firstDataRow, lastDataRow } = sheet.table!;
    expect(sheet.conditionalRules.map((r) => r.id)).toEqual(["chitieu-vuot-dat", "chitieu-gan-dat", "chitieu-khong-dat", "chitieu-chua-co"]);
    for (const rule of sheet.conditionalRules) {
      expect(rule.range).toMatchObject({ row: firstDataRow, rows: lastDataRow - firstDataRow + 1 });
      expect(rule.formula).toContain(`$H${firstDataRow + 1}`);
    }
    for (const v of sheet.validations) expect(insideRows(v.range, firstDataRow, lastDataRow)).toBe(true);
    const lists = sheet.validations.filter((v) => v.rule.kind === "list");
    expect(lists.length).toBeGreaterThanOrEqual(2);
    const listsSheet = model.sheets.find((s) => s.name === LISTS_SHEET)!;
    expect(listsSheet).toMatchObject({ role: "lists", hidden: true });
    for (const v of lists) {
      if (v.rule.kind !== "list") continue;
      expect(v.rule.sourceSheet).toBe(LISTS_SHEET);
      const source = v.rule.source;
      const items = Array.from({ length: source.rows }, (_, i) => listsSheet.cells[source.row + i][source.col]);
      expect(items).toEqual(v.rule.items);
    }
    // Boolean rows (10.2, 13.1, 14, 19) get the Đạt/Không đạt list; number rows a decimal rule.
    const booleanRow = firstDataRow + nlb.indicators.findIndex((i) => i.code === "10.2");
    expect(lists.some((v) => v.range.col === columnIndex("actual") && v.range.row <= booleanRow && booleanRow < v.range.row + v.range.rows)).toBe(true);
    expect(sheet.validations.some((v) => v.rule.kind === "decimal" && v.rule.min === 0)).toBe(true);
  });

  test("print setup: A4 landscape, fit to width, Decree 30 margins, the table header repeated", () => {
    const sheet = fillIn(dongHai);
    const print = sheet.print!;
    expect(print).toMatchObject({ paper: "A4", orientation: "landscape", fitToWidth: true, repeatRows: { first: sheet.table!.headerRow, last: sheet.table!.headerRow } });
    expect(print.margins.top).toBeGreaterThanOrEqual(20);
    expect(print.margins.top).toBeLessThanOrEqual(25);
    expect(print.margins.bottom).toBeGreaterThanOrEqual(20);
    expect(print.margins.left).toBeGreaterThanOrEqual(30);
    expect(print.margins.left).toBeLessThanOrEqual(35);
    expect(print.margins.right).toBeGreaterThanOrEqual(15);
    expect(print.margins.right).toBeLessThanOrEqual(20);
    expect(sheet.frozen).toEqual({ rows: sheet.table!.headerRow + 1, cols: 3 });
    const hidden = sheet.table!.columns.filter((c) => c.hidden).map((c) => c.key);
    expect(hidden).toEqual(expect.arrayContaining(["comparator", "targetMin", "targetMax", "deadline", "depth", "targetValue"]));
    hidden.forEach((key) => expect(sheet.columns[columnIndex(key)].hidden).toBe(true));
  });

  test("formulas read only their own row and workbook names, and need no _xlfn. prefix", () => {
    for (const plan of builtInPlans()) {
      const model = buildFillInWorkbook(plan, {});
      const sheet = model.sheets[0];
      const names = new Set(model.sheets.flatMap((s) => s.names).map((n) => n.name));
      expect([...Object.values(NAMES)].every((n) => names.has(n))).toBe(true);
      sheet.cells.forEach((row, r) =>
        row.forEach((cell) => {
          if (!isFormula(cell)) return;
          const withoutStrings = cell.formula.replace(/"(?:[^"]|"")*"/g, '""');
          for (const ref of withoutStrings.match(/\$?[A-Z]{1,3}\$?\d+(?![\w(])/g) ?? []) expect(Number(ref.replace(/\D/g, ""))).toBe(r + 1);
          for (const name of withoutStrings.match(/ChiTieu_\w+/g) ?? []) expect(names.has(name)).toBe(true);
          expect(toFileFormula(cell.formula)).toBe(cell.formula);
        }),
      );
    }
  });

  test("a heading is judged with COUNTIFS over the key column, not fixed rows", () => {
    const sheet = fillIn(dongHai);
    const row = sheet.table!.firstDataRow + dongHai.indicators.findIndex((i) => i.code === "17");
    const formula = (sheet.cells[row][columnIndex("status")] as { formula: string }).formula;
    expect(formula).toContain(`COUNTIFS(${NAMES.codes},B${row + 1}&".*"`);
    expect(formula).toContain(NAMES.ruledStatuses);
  });

  test("the target column words what a number cannot", () => {
    const [range] = nlb.indicators.filter((i) => i.comparator === "range");
    expect(targetDisplay(range)).toBe("2 – 4");
    const city = findBuiltInPlan("hai-phong-232-2025") as Plan;
    expect(targetDisplay(city.indicators.find((i) => i.code === "11")!)).toBe("< 2,5");
    expect(targetDisplay(city.indicators.find((i) => i.code === "14")!)).toBe("Giảm 0,2");
    expect(targetDisplay(city.indicators.find((i) => i.code === "4")!)).toBe(165011.59);
    const doSon = findBuiltInPlan("do-son-2025") as Plan;
    expect(targetDisplay(doSon.indicators.find((i) => i.code === "11")!)).toBe("≤ 0,7");
  });

  test("text that looks like a formula stays literal text", () => {
    const plan = PlanSchema.parse({
      id: "ten-la",
      title: "=HYPERLINK(\"http://x\")",
      issuer: "UBND phường Thử",
      level: "xa",
      year: 2025,
      source: null,
      indicators: [{ code: "1", name: "=SUM(A1:A9)", group: null, unit: "+người", comparator: ">=", target: 5, deadlineYear: null, note: null }],
    });
    const sheet = fillIn(plan, { entries: [{ code: "1", raw: "=1+1", note: "@ghi chú", previous: "-3" }] });
    const row = sheet.cells[sheet.table!.firstDataRow];
    expect(row[columnIndex("name")]).toBe("=SUM(A1:A9)");
    expect(row[columnIndex("unit")]).toBe("+người");
    expect(row[columnIndex("actual")]).toBe("=1+1");
    expect(row[columnIndex("note")]).toBe("@ghi chú");
    const formulaCells = sheet.cells.flat().filter((c: CellValue) => isFormula(c));
    expect(formulaCells.every((c) => !(c as { formula: string }).formula.includes("SUM(A1"))).toBe(true);
  });

  test("entries pre-fill what the user typed, and the metadata carries the plan and the settings", () => {
    const entries: ActualEntry[] = [
      { code: "1", raw: 40000, previous: 35000, note: "Số liệu đến 30/11" },
      { code: "14", raw: "0,8" },
      { code: "18", raw: 95, override: { status: "Đạt", reason: "Cơ bản hoàn thành" } },
    ];
    const model = buildFillInWorkbook(dongHai, { entries, unit: "Phường Đông Hải", settings: { amberBand: 0.95 } });
    const sheet = model.sheets[0];
    const rowOf = (code: string) => sheet.cells[sheet.table!.firstDataRow + dongHai.indicators.findIndex((i) => i.code === code)];
    expect(rowOf("1")[columnIndex("actual")]).toBe(40000);
    expect(rowOf("1")[columnIndex("previous")]).toBe(35000);
    expect(rowOf("1")[columnIndex("note")]).toBe("Số liệu đến 30/11");
    expect(rowOf("14")[columnIndex("actual")]).toBe("0,8");
    expect(rowOf("18")[columnIndex("override")]).toBe("Đạt");
    expect(rowOf("18")[columnIndex("overrideReason")]).toBe("Cơ bản hoàn thành");
    expect(model.metadata).toMatchObject({ planId: "dong-hai-2025", year: "2025", unit: "Phường Đông Hải" });
    expect(JSON.parse(model.metadata.settings)).toMatchObject({ reportYear: 2025, amberBand: 0.95, approxTolerance: 0.05 });
    const lists = model.sheets[1];
    const band = lists.names.find((n) => n.name === NAMES.amberBand)!;
    expect(band.sheet).toBe(LISTS_SHEET);
    expect(lists.cells[band.range.row][band.range.col]).toBe(0.95);
  });
});

/** What a host reads from the sheet: formulas shown as their last value (here blank), typed values as typed. */
function renderGrid(sheet: SheetModel, typed: Record<string, Partial<Record<"actual" | "previous" | "note" | "override" | "overrideReason", unknown>>>): unknown[][] {
  const grid: unknown[][] = sheet.cells.map((row) => row.map((c) => (isFormula(c) ? "" : c)));
  const table = sheet.table!;
  table.rowCodes.forEach((code, i) => {
    for (const [key, value] of Object.entries(typed[code] ?? {})) grid[table.firstDataRow + i][columnIndex(key as never)] = value;
  });
  return grid;
}

/** A fixed pseudo-random shuffle, so the test is the same every run. */
function shuffled<T>(items: T[], seed: number): T[] {
  const out = [...items];
  let state = seed;
  for (let i = out.length - 1; i > 0; i--) {
    state = (state * 1103515245 + 12345) % 2147483648;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

describe("reading the fill-in sheet back", () => {
  const sheet = fillIn(dongHai);
  const table = sheet.table!;
  const typed = {
    "1": { actual: 36692, previous: 30000, note: "Ước cả năm" },
    "1.1": { actual: "11.232" },
    "14": { actual: 0.8 },
    "17.1": { actual: "#DIV/0!" },
    "18": { actual: 95, override: "Đạt", overrideReason: "Cơ bản hoàn thành" },
    "24": { actual: "chưa có" },
  };

  function byCode(entries: ActualEntry[]): Record<string, ActualEntry> {
    return Object.fromEntries(entries.map((e) => [e.code, e]));
  }

  test("round trip: what was typed comes back keyed by code, with cell references", () => {
    const result = readFillInSheet(renderGrid(sheet, typed), FILL_IN_SHEET, { plan: dongHai });
    expect(result.problems).toEqual([]);
    expect(result.entries).toHaveLength(dongHai.indicators.length);
    const entries = byCode(result.entries);
    const row1 = table.firstDataRow + 1;
    expect(entries["1"]).toMatchObject({ raw: 36692, previous: 30000, note: "Ước cả năm", location: { sheet: FILL_IN_SHEET, cell: `F${row1}`, previousCell: `J${row1}` } });
    expect(entries["1.1"].raw).toBe("11.232");
    expect(entries["17.1"].raw).toBe("#DIV/0!");
    expect(entries["18"].override).toEqual({ status: "Đạt", reason: "Cơ bản hoàn thành" });
    expect(entries["2"]).toMatchObject({ raw: null, note: null });
    expect(result.rowsByCode.get("14")).toBe(table.firstDataRow + dongHai.indicators.findIndex((i) => i.code === "14"));
    expect(result.layout).toMatchObject({ headerRow: table.headerRow, columns: { code: 1, actual: 5, status: 7 } });
  });

  test("rows sorted, a blank row inserted and a column moved: still keyed right", () => {
    const grid = renderGrid(sheet, typed);
    const header = grid.slice(0, table.firstDataRow);
    const data = shuffled(grid.slice(table.firstDataRow), 7);
    const blank = new Array(grid[0].length).fill(null);
    const rearranged = [...header, ...data.slice(0, 5), blank, ...data.slice(5)];
    // Move the actual column to the far right, as a user dragging it would.
    const actualCol = columnIndex("actual");
    const moved = rearranged.map((row) => {
      const copy = [...row];
      const [cell] = copy.splice(actualCol, 1);
      copy.push(cell);
      return copy;
    });
    const result = readFillInSheet(moved, FILL_IN_SHEET, { plan: dongHai });
    expect(result.problems).toEqual([]);
    const entries = byCode(result.entries);
    expect(entries["1"]).toMatchObject({ raw: 36692, previous: 30000 });
    expect(entries["14"].raw).toBe(0.8);
    expect(entries["24"].raw).toBe("chưa có");
    expect(entries["18"].override?.status).toBe("Đạt");
    const row = result.rowsByCode.get("14")!;
    expect(moved[row][moved[row].length - 1]).toBe(0.8);
    expect(entries["14"].location?.cell).toMatch(new RegExp(`[A-Z]+${row + 1}$`));
  });

  test("the key column removed: one clear finding, no entries", () => {
    const grid = renderGrid(sheet, typed).map((row) => row.filter((_, c) => c !== columnIndex("code")));
    const result = readFillInSheet(grid, FILL_IN_SHEET, { plan: dongHai });
    expect(result.entries).toEqual([]);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatchObject({ severity: "error", rule: "layout-key-column-missing", sheet: FILL_IN_SHEET });
    expect(result.problems[0].message).toContain("thiếu cột \"Mã\"");
    const english = readFillInSheet(grid, FILL_IN_SHEET, { plan: dongHai, lang: "en" });
    expect(english.problems[0].message).toContain("\"Mã\" column");
  });

  test("duplicate codes, a missing row and a code not in the plan are reported", () => {
    const grid = renderGrid(sheet, typed);
    const first = table.firstDataRow;
    grid[first + 3][columnIndex("code")] = "1.1";
    grid[first + 10][columnIndex("code")] = "99";
    const result = readFillInSheet(grid, FILL_IN_SHEET, { plan: dongHai });
    const rules = result.problems.map((p) => `${p.rule}:${p.code}`).sort();
    const lostCodes = [dongHai.indicators[3].code, dongHai.indicators[10].code];
    expect(rules).toEqual(["layout-duplicate-code:1.1", "layout-unknown-code:99", ...lostCodes.map((c) => `layout-row-missing:${c}`)].sort());
    const duplicate = result.problems.find((p) => p.rule === "layout-duplicate-code")!;
    expect(duplicate.message).toContain(`B${first + 2}, B${first + 4}`);
    const missing = result.problems.find((p) => p.rule === "layout-row-missing")!;
    expect(missing.message).toContain(`thiếu dòng của chỉ tiêu ${lostCodes[0]}`);
    expect(byCode(result.entries)["1.1"].raw).toBe("11.232");
  });

  test("a sheet without the table: the header row is not found", () => {
    const result = readFillInSheet([["Báo cáo"], [1, 2, 3]], "Sheet1");
    expect(result.layout).toBeNull();
    expect(result.problems).toEqual([expect.objectContaining({ rule: "layout-header-missing", severity: "error", sheet: "Sheet1" })]);
  });

  test("an override that is not a status is reported and ignored; one without a reason is passed on for validation", () => {
    const grid = renderGrid(sheet, { "2": { actual: 100, override: "Tốt" }, "3": { actual: 90, override: "Đạt" } });
    const result = readFillInSheet(grid, FILL_IN_SHEET, "en");
    expect(result.problems).toEqual([expect.objectContaining({ rule: "layout-bad-override", code: "2", severity: "warning" })]);
    expect(result.problems[0].message).toContain("\"Tốt\" is not a valid status");
    const entries = byCode(result.entries);
    expect(entries["2"].override).toBeUndefined();
    expect(entries["3"].override).toEqual({ status: "Đạt", reason: "" });
  });
});

describe("formula text for the .xlsx file", () => {
  test("functions newer than Excel 2007 get _xlfn., older ones stay bare", () => {
    expect(toFileFormula('=IFS(A1>0,"a",TRUE,"b")')).toBe('=_xlfn.IFS(A1>0,"a",TRUE,"b")');
    expect(toFileFormula("=IFERROR(CONCAT(A1,TEXTJOIN(\",\",TRUE,B1:B3)),0)")).toBe('=IFERROR(_xlfn.CONCAT(A1,_xlfn.TEXTJOIN(",",TRUE,B1:B3)),0)');
    expect(toFileFormula("=maxifs(A:A,B:B,1)+STDEV.S(C1:C9)")).toBe("=_xlfn.maxifs(A:A,B:B,1)+_xlfn.STDEV.S(C1:C9)");
    const old = '=IF(AND(ISNUMBER(F9),F9>=N9),"Đạt",COUNTIFS(ChiTieu_Ma,B9&".*"))';
    expect(toFileFormula(old)).toBe(old);
  });

  test("text, sheet names and names that only look like functions are left alone; applying twice changes nothing", () => {
    expect(toFileFormula('="IFS(1)"&\'SWITCH(\'!A1')).toBe('="IFS(1)"&\'SWITCH(\'!A1');
    expect(toFileFormula("=MY_IFS(1)+XLOOKUPX(2)")).toBe("=MY_IFS(1)+XLOOKUPX(2)");
    const once = toFileFormula("=XLOOKUP(1,A:A,B:B)");
    expect(toFileFormula(once)).toBe(once);
    expect(fromFileFormula(once)).toBe("=XLOOKUP(1,A:A,B:B)");
  });
});

describe("the fill-in sheet of a partial period, and its estimate column", () => {
  test("six months: title, headers, the share of the year in Danh mục, colours for the progress labels", () => {
    const model = buildFillInWorkbook(dongHai, { year: 2026, settings: { period: "6-thang" } });
    const sheet = model.sheets[0];
    const table = sheet.table!;
    const texts = sheet.cells.slice(0, table.headerRow).flat();
    expect(texts).toContain("BẢNG THEO DÕI KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU THI ĐUA 6 THÁNG ĐẦU NĂM 2026");
    const header = sheet.cells[table.headerRow] as string[];
    expect([header[columnIndex("actual")], header[columnIndex("percent")], header[columnIndex("previous")], header[columnIndex("estimate")]]).toEqual([
      "Thực hiện 6 tháng đầu năm 2026",
      "Tỷ lệ TH/KH năm (%)",
      "Thực hiện năm trước (6 tháng đầu năm 2025)",
      "Số ước thực hiện 6 tháng đầu năm 2026",
    ]);
    const lists = model.sheets.find((s) => s.name === LISTS_SHEET)!;
    const share = lists.names.find((n) => n.name === PERIOD_NAMES.progressShare)!;
    expect(lists.cells[share.range.row][share.range.col]).toBe(0.5);
    expect(sheet.conditionalRules.map((r) => r.id)).toEqual(expect.arrayContaining(["chitieu-dat-tien-do", "chitieu-cham-tien-do", "chitieu-chua-den-ky"]));
    expect(model.metadata.period).toBe("6-thang");
    expect(JSON.parse(model.metadata.settings).period).toBe("6-thang");
    // The header row is still read back, the estimate column under its own key.
    const read = readFillInSheet(sheet.cells as unknown[][], FILL_IN_SHEET, { plan: dongHai });
    expect(read.problems).toEqual([]);
    expect([read.layout?.columns.actual, read.layout?.columns.estimate]).toEqual([columnIndex("actual"), columnIndex("estimate")]);
  });

  test("a year-end workbook has no period cell, and an older --estimate header stays the actual column", () => {
    const model = buildFillInWorkbook(dongHai, {});
    expect(model.sheets.flatMap((s) => s.names).some((n) => n.name === PERIOD_NAMES.progressShare)).toBe(false);
    expect(model.metadata.period).toBe("ca-nam");
    const grid = [["STT", "Mã", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch năm 2025", "Ước thực hiện năm 2025", "Tỷ lệ TH/KH (%)", "Đánh giá", "Ghi chú"], [1, "1", "Thu", "triệu đồng", 100, 90]];
    const read = readFillInSheet(grid, FILL_IN_SHEET);
    expect([read.layout?.columns.actual, read.layout?.columns.estimate, read.entries[0].raw, read.entries[0].estimate]).toEqual([5, undefined, 90, undefined]);
  });

  test("estimates and dates typed earlier are written back; the estimate takes the actual's validations", () => {
    const model = buildFillInWorkbook(dongHai, { entries: [{ code: "1", raw: null, estimate: 37000 }], dates: { estimate: "05/12/2025" } });
    const sheet = model.sheets[0];
    const table = sheet.table!;
    expect(sheet.cells[table.firstDataRow][columnIndex("estimate")]).toBe(37000);
    // 05/12/2025 as a spreadsheet date serial: 01/01/2025 is 45658, and 5 December is 338 days later.
    expect(sheet.cells[table.headerRow - 1][columnIndex("estimate")]).toBe(45996);
    const onEstimate = sheet.validations.filter((v) => v.range.col === columnIndex("estimate")).length;
    expect(onEstimate).toBe(sheet.validations.filter((v) => v.range.col === columnIndex("actual")).length);
    expect(onEstimate).toBeGreaterThan(0);
  });
});
