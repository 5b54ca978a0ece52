// The units' commands of the workflow layer (shared/workflow/units.ts) on a built-in plan: the
// blank assignment form written into the document (and never over an assignment already typed),
// and the consolidation of units' readings with the assignment sheet's own targets, the pasted list,
// the deadline and the scoring sheet, giving the register (each case built: missing, late, twice,
// errors, unreadable, not on the list), the points and the matrix's per-unit target row.
import { findBuiltInPlan } from "../../shared/catalog";
import { assignableIndicators } from "../../shared/consolidation/assignment";
import { defaultSettings, type ActualEntry, type Plan } from "../../shared/model";
import { buildAssignmentWorkbook, ASSIGNMENT_HEADER_ROW } from "../../shared/sheet/assignment-sheet";
import type { SheetModel } from "../../shared/sheet/types";
import { writeOf, type DocumentInfo } from "../../shared/workflow/outcome";
import type { UnitReading } from "../../shared/workflow/consolidate";
import { assignmentFormCommand, unitsConsolidateCommand, type ReceivedUnitFile } from "../../shared/workflow/units";

const plan = findBuiltInPlan("hai-phong-232-2025") as Plan;
const doc: DocumentInfo = { plan, unit: "UBND thành phố Hải Phòng", year: 2025, estimate: false, issuer: null, settings: defaultSettings(2025), fillInSheet: "Chỉ tiêu", sheets: { "Chỉ tiêu": "fill-in" } };
/** The first indicator with a number to assign, and its plan target. */
const [first] = assignableIndicators(plan);
const CODE = first.code;
const PLAN_TARGET = first.target as number;

const gridOf = (sheet: SheetModel): unknown[][] => sheet.cells.map((row) => row.map((v) => (v !== null && typeof v === "object" ? null : v)));

/** The blank form, with units and one own target typed in as an office would. */
function assignmentGrid(units: { unit: string; group: string; target?: number }[]): unknown[][] {
  const sheet = buildAssignmentWorkbook(plan, { units: units.map((u) => ({ unit: u.unit, group: u.group })), year: 2025 }).sheets[0];
  const grid = gridOf(sheet);
  const col = grid[ASSIGNMENT_HEADER_ROW].indexOf(CODE);
  units.forEach((u, i) => {
    const row = (grid[ASSIGNMENT_HEADER_ROW + 1 + i] ??= []);
    if (u.target !== undefined) row[col] = u.target;
  });
  return grid;
}

/** Every number indicator at `share` of `target` (the plan's, or the given one for CODE). */
function reading(unit: string, file: string, share: number, extra: Record<string, unknown> = {}, ownTarget?: number): UnitReading {
  const entries: ActualEntry[] = plan.indicators.map((ind, i) => {
    const target = ind.code === CODE && ownTarget !== undefined ? ownTarget : ind.target;
    const raw = ind.code in extra ? extra[ind.code] : ind.comparator !== null && ind.comparator !== "boolean" && typeof target === "number" ? Math.round(target * share * 100) / 100 : null;
    return { code: ind.code, raw, location: { sheet: "Chỉ tiêu", cell: `F${9 + i}` } };
  });
  return { ok: true, file, unit, entries, problems: [] };
}

const sent = (r: UnitReading, date: string, sha: string): ReceivedUnitFile => ({ reading: r, date, sha256: sha.repeat(64) });

describe("assignmentFormCommand", () => {
  test("writes the blank form of the loaded plan as the document's sheet, one column per assignable code", () => {
    const outcome = assignmentFormCommand({ document: doc, sheets: [] }, "vi");
    expect(outcome.status).toBe("done");
    const model = writeOf(outcome, "sheets")!.model;
    expect(model.sheets.map((s) => s.name)).toEqual(["Giao chỉ tiêu"]);
    const header = gridOf(model.sheets[0])[ASSIGNMENT_HEADER_ROW];
    expect(header.slice(0, 3)).toEqual(["STT", "Đơn vị", "Cụm/Khối"]);
    expect(header.slice(3)).toEqual(assignableIndicators(plan).map((i) => i.code));
    expect(writeOf(outcome, "document")!.info.sheets["Giao chỉ tiêu"]).toBe("units");
    expect(outcome.result!.codes).toBe(assignableIndicators(plan).length);
    expect(outcome.messages[0]!.text).toContain("Giao chỉ tiêu");
  });

  test("never overwrites an assignment sheet that already lists units; a blank one is rewritten", () => {
    const typed = assignmentGrid([{ unit: "Phường Hồng Bàng", group: "Cụm 1", target: 9 }]);
    const kept = assignmentFormCommand({ document: doc, sheets: [{ name: "Giao chỉ tiêu", grid: typed }] }, "vi");
    expect(kept.status).toBe("refused");
    expect(kept.writes).toEqual([]);
    expect(kept.messages[0]!.text).toContain("đã có 1 đơn vị");
    expect(kept.messages[0]!.next).toContain("đổi tên");
    const blank = gridOf(buildAssignmentWorkbook(plan, { year: 2025 }).sheets[0]);
    expect(assignmentFormCommand({ document: doc, sheets: [{ name: "Giao chỉ tiêu", grid: blank }] }, "vi").status).toBe("done");
  });

  test("refuses without a loaded plan", () => {
    expect(assignmentFormCommand({ document: null, sheets: [] }, "en").status).toBe("refused");
  });
});

describe("unitsConsolidateCommand", () => {
  const units = [
    { unit: "Phường Hồng Bàng", group: "Cụm 1", target: PLAN_TARGET * 2 },
    { unit: "Phường Ngô Quyền", group: "Cụm 1" },
    { unit: "Phường Lê Chân", group: "Cụm 2" },
    { unit: "Phường Hải An", group: "Cụm 2" },
    { unit: "Phường Kiến An", group: "Cụm 2" },
    { unit: "Phường Đồ Sơn", group: "Cụm 1" },
  ];
  const sheets = [{ name: "Giao chỉ tiêu", grid: assignmentGrid(units) }];
  const files: ReceivedUnitFile[] = [
    // Judged against its own target (twice the plan's): at the plan's target it is "Không đạt" on CODE.
    sent(reading("Phường Hồng Bàng", "hong-bang.xlsx", 1), "2026-12-09T10:00:00+07:00", "a"),
    // Late: the day after the deadline.
    sent(reading("Phường Ngô Quyền", "ngo-quyen.xlsx", 1), "2026-12-11T08:30:00+07:00", "b"),
    // Twice: the newer file is used.
    sent(reading("Phường Lê Chân", "le-chan-1.xlsx", 0.5), "2026-12-08T09:00:00+07:00", "c"),
    sent(reading("Phường Lê Chân", "le-chan-2.xlsx", 1), "2026-12-09T15:00:00+07:00", "d"),
    // Errors: words where a number goes.
    sent(reading("Phường Kiến An", "kien-an.xlsx", 1, { [CODE]: "khoảng mười" }), "2026-12-10T23:59:00+07:00", "e"),
    // Unreadable, matched to its unit by the file name.
    { reading: { ok: false, file: "Phường Đồ Sơn.xlsx", reason: "tệp .xlsx bị hỏng" }, date: "2026-12-09T13:00:00+07:00", sha256: null },
    // Not on the list.
    sent(reading("Đặc khu Cát Hải", "cat-hai.xlsx", 1), "2026-12-09T14:00:00+07:00", "f"),
  ];

  const outcome = unitsConsolidateCommand({ document: doc, sheets }, files, { deadline: "2026-12-10" }, "vi");
  const result = outcome.result!;
  const row = (unit: string) => result.rows.find((r) => r.unit === unit)!;

  test("the register: received, missing, late, twice, errors, unreadable, not on the list", () => {
    expect(outcome.status).toBe("done");
    expect(row("Phường Hồng Bàng").statuses).toEqual(["received"]);
    expect(row("Phường Hải An").statuses).toEqual(["missing"]);
    expect(row("Phường Ngô Quyền").statuses).toContain("late");
    expect(row("Phường Lê Chân").statuses).toContain("duplicate");
    expect(row("Phường Lê Chân").file).toBe("le-chan-2.xlsx");
    expect(row("Phường Kiến An").statuses).toContain("errors");
    expect(row("Phường Kiến An").errorCount).toBeGreaterThan(0);
    expect(row("Phường Đồ Sơn").statuses).toContain("unreadable");
    expect(row("Đặc khu Cát Hải").statuses).toContain("not-expected");
    expect(result.counts).toMatchObject({ expected: 6, missing: 1, late: 1, duplicates: 1, withErrors: 1, notExpected: 1, otherPlan: 0 });
    expect(row("Phường Ngô Quyền").labels).toContain("Gửi muộn");
    expect(row("Phường Ngô Quyền").date).toBe("11/12/2026 08:30");
    expect(result.unusable).toEqual([{ source: "Phường Đồ Sơn.xlsx", reason: expect.stringContaining("hỏng") }]);
  });

  test("the sentence names the missing and late units, and is said after what was written", () => {
    expect(result.sentence).toContain("1 đơn vị chưa gửi: Phường Hải An");
    expect(result.sentence).toContain("gửi muộn (sau 10/12/2026): Phường Ngô Quyền");
    expect(outcome.messages[1]).toMatchObject({ key: "register.sentence", severity: "warning", text: result.sentence });
    expect(outcome.messages.map((m) => m.key)).toEqual(expect.arrayContaining(["wf.units.assignment-used", "wf.units.scoring-default"]));
  });

  test("writes the consolidation, the points and the register sheets, the register shown first", () => {
    const write = writeOf(outcome, "sheets")!;
    const names = write.model.sheets.map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining(["Tổng hợp", "Điểm thi đua", "Tình hình gửi báo cáo"]));
    expect(write.activate).toBe("Tình hình gửi báo cáo");
    const register = gridOf(write.model.sheets.find((s) => s.name === "Tình hình gửi báo cáo")!);
    expect(register.flat()).toContain(result.sentence);
  });

  test("each unit is judged against its own target, and the matrix shows it in the row below", () => {
    const matrix = gridOf(writeOf(outcome, "sheets")!.model.sheets.find((s) => s.name === "Tổng hợp")!);
    const header = matrix.findIndex((r) => r.includes("Phường Hồng Bàng"));
    const col = matrix[header].indexOf("Phường Hồng Bàng");
    const at = matrix.findIndex((r) => r[0] === CODE);
    expect(matrix[at][3]).toBe("Giao theo đơn vị (dòng dưới)");
    expect(matrix[at][col + 1]).toBe("Không đạt");
    expect(matrix[at + 1][1]).toBe("Kế hoạch giao cho đơn vị");
    expect(matrix[at + 1][col]).toBe(PLAN_TARGET * 2);
    const ngo = matrix[header].indexOf("Phường Ngô Quyền");
    expect(matrix[at + 1][ngo]).toBe(PLAN_TARGET);
  });

  test("a pasted list replaces the assignment's units; the assignment's targets still apply", () => {
    const pasted = unitsConsolidateCommand({ document: doc, sheets }, files.slice(0, 2), { expected: "1. Phường Hồng Bàng\n2. Phường Ngô Quyền\n3. Xã An Lão" }, "vi");
    expect(pasted.result!.rows.map((r) => r.unit)).toEqual(["Phường Hồng Bàng", "Phường Ngô Quyền", "Xã An Lão"]);
    expect(pasted.result!.counts.missing).toBe(1);
    expect(pasted.result!.rows[0]!.group).toBe("Cụm 1");
    expect(pasted.messages.map((m) => m.key)).toContain("wf.units.list-over-assignment");
  });

  test("the scoring sheet sets the points and the late penalty; its problems refuse with the cell", () => {
    const scoring = { name: "Chấm điểm", grid: [["Mục", "Khóa", "Giá trị", "Thêm"], ["Điểm", "Vượt", 10], ["Điểm", "Đạt", 8], ["Điểm", "Không đạt", 0], ["Cách tính", "", "Tổng"], ["Trừ điểm", "Gửi muộn", 5]] };
    const scored = unitsConsolidateCommand({ document: doc, sheets: [...sheets, scoring] }, files, { deadline: "2026-12-10" }, "vi");
    expect(scored.status).toBe("done");
    expect(scored.messages.map((m) => m.key)).toContain("wf.units.scoring-used");
    const ranking = gridOf(writeOf(scored, "sheets")!.model.sheets.find((s) => s.name === "Điểm thi đua")!);
    const ngo = ranking.find((r) => r.includes("Phường Ngô Quyền"))!;
    expect(ngo.some((v) => typeof v === "string" && v.includes("−5"))).toBe(true);

    const bad = { name: "Chấm điểm", grid: [["Mục", "Khóa", "Giá trị"], ["Trọng số", "99", 2]] };
    const refused = unitsConsolidateCommand({ document: doc, sheets: [...sheets, bad] }, files, {}, "vi");
    expect(refused.status).toBe("refused");
    expect(refused.writes).toEqual([]);
    expect(refused.messages[0]!.text).toContain("99");
    expect(refused.messages[0]!.at).toMatchObject({ sheet: "Chấm điểm" });
  });

  test("a bad assignment sheet refuses with one message per bad cell, naming it", () => {
    const grid = assignmentGrid([{ unit: "Phường Hồng Bàng", group: "Cụm 1" }, { unit: "Phường Hồng Bàng", group: "Cụm 1" }]);
    const refused = unitsConsolidateCommand({ document: doc, sheets: [{ name: "Giao chỉ tiêu", grid }] }, files, {}, "vi");
    expect(refused.status).toBe("refused");
    expect(refused.messages[0]!.at?.sheet).toBe("Giao chỉ tiêu");
    expect(refused.messages[0]!.next).toContain("Giao chỉ tiêu");
  });

  test("a file whose stored plan is another plan is \"Sai kế hoạch\", not consolidated, even when its sheet reads", () => {
    const other = { ...sent(reading("Phường Hải An", "hai-an.xlsx", 1), "2026-12-09T11:00:00+07:00", "9"), planId: "dong-hai-2025", unit: "Phường Hải An" };
    const unreadable = { reading: { ok: false as const, file: "kien-an.xlsx", reason: "không có trang chỉ tiêu" }, date: null, sha256: null, planId: "do-son-2025", unit: "Phường Kiến An" };
    const result = unitsConsolidateCommand({ document: doc, sheets }, [...files.slice(0, 2), other, unreadable], {}, "vi").result!;
    const row = (unit: string) => result.rows.find((r) => r.unit === unit)!;
    expect(row("Phường Hải An").statuses).toContain("other-plan");
    expect(row("Phường Hải An").used).toBe(false);
    expect(row("Phường Kiến An").statuses).toContain("other-plan");
    expect(result.counts.otherPlan).toBe(2);
    expect(result.units).toBe(2);
  });

  test("every file on another plan (the clerk loaded the wrong plan): the register says so, and every sheet written still renders", () => {
    // CI met it: the pane had loaded the first built-in plan, both files were on Đông Hải's, so no
    // unit was scored and the points sheet's per-indicator header had 0 columns, which Excel refuses.
    const wrong = ["Phường Hồng Bàng", "Phường Ngô Quyền"].map((unit, i) => ({ ...sent(reading(unit, `${unit}.xlsx`, 1), "2026-12-09T11:00:00+07:00", String(i)), planId: "dong-hai-2025", unit }));
    const outcome = unitsConsolidateCommand({ document: doc, sheets }, wrong, {}, "vi");
    expect(outcome.status).toBe("done");
    expect(outcome.result!.counts.otherPlan).toBe(2);
    const model = writeOf(outcome, "sheets")!.model;
    const empty = model.sheets.flatMap((sheet) =>
      [...sheet.styles.map((s) => s.range), ...sheet.merges, ...sheet.conditionalRules.map((r) => r.range), ...sheet.validations.map((v) => v.range), ...sheet.editable]
        .filter((r) => r.rows < 1 || r.cols < 1)
        .map((r) => `${sheet.name} ${JSON.stringify(r)}`),
    );
    expect(empty).toEqual([]);
  });

  test("a deadline that is not a day, and no files, are refused before anything is read", () => {
    expect(unitsConsolidateCommand({ document: doc, sheets }, files, { deadline: "10/12/2026" }, "vi").messages[0]!.key).toBe("wf.units.bad-deadline");
    expect(unitsConsolidateCommand({ document: doc, sheets }, [], {}, "vi").status).toBe("refused");
  });
});
