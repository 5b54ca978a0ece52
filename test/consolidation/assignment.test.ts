// The assignment table: read from the blank form the product writes, each bad cell one message
// naming the cell, and the per-unit plan carrying the unit's own targets.
import { findBuiltInPlan } from "../../shared/catalog";
import { differingTargets, planForUnit, readAssignmentTable, unitKey } from "../../shared/consolidation/assignment";
import { safeFileBase, unitFileNames } from "../../shared/consolidation/file-name";
import { readUnitListGrid, readUnitListText } from "../../shared/consolidation/unit-list";
import type { Plan } from "../../shared/model";
import { ASSIGNMENT_HEADER_ROW, buildAssignmentWorkbook } from "../../shared/sheet/assignment-sheet";
import type { CellValue } from "../../shared/sheet/types";

const plan = findBuiltInPlan("hai-phong-232-2025") as Plan;

/** The form's grid as a user's workbook would hold it, with typed cells written over it. */
function filledForm(units: string[], typed: Record<string, unknown>): unknown[][] {
  const sheet = buildAssignmentWorkbook(plan, { units: units.map((unit) => ({ unit, group: null })) }).sheets[0]!;
  const grid: unknown[][] = sheet.cells.map((row) => row.map((v: CellValue) => v));
  for (const [a1, value] of Object.entries(typed)) {
    const m = /^([A-Z]+)(\d+)$/.exec(a1)!;
    const col = [...m[1]!].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
    const row = Number(m[2]) - 1;
    while (grid.length <= row) grid.push([]);
    grid[row]![col] = value;
  }
  return grid;
}

describe("reading the assignment table", () => {
  const first = ASSIGNMENT_HEADER_ROW + 2; // spreadsheet row of the first unit
  it("reads the form the product writes: blank = the plan's target, numbers = the unit's own", () => {
    const header = buildAssignmentWorkbook(plan).sheets[0]!.cells[ASSIGNMENT_HEADER_ROW]!;
    expect(header.slice(0, 5)).toEqual(["STT", "Đơn vị", "Cụm/Khối", "1", "1.1"]);
    expect(header).not.toContain("22"); // a heading has no target to assign
    const grid = filledForm(["Phường Hồng Bàng", "Phường Ngô Quyền"], { [`D${first}`]: 10, [`L${first + 1}`]: 9000 });
    const { table, problems } = readAssignmentTable(grid, plan);
    expect(problems).toEqual([]);
    expect(table!.units.map((u) => [u.unit, u.targets])).toEqual([
      ["Phường Hồng Bàng", { "1": 10 }],
      ["Phường Ngô Quyền", { "4.1": 9000 }],
    ]);
    const own = planForUnit(plan, table!.units[1]!);
    expect(own.indicators.find((i) => i.code === "4.1")!.target).toBe(9000);
    expect(own.indicators.find((i) => i.code === "1")!.target).toBe(12.35);
    expect(differingTargets(own, plan)).toEqual(["4.1"]);
  });

  it("gives one message per bad cell, naming the cell, in Vietnamese and in English", () => {
    const grid = filledForm(["Phường Hồng Bàng", "Phường Ngô Quyền", "phường hồng  bàng", ""], {
      [`D${first}`]: "8,5",
      [`E${first + 1}`]: -2,
      [`F${first + 1}`]: "nhiều",
      [`D${first + 3}`]: 4,
    });
    grid[ASSIGNMENT_HEADER_ROW]!.push("99", 22);
    const vi = readAssignmentTable(grid, plan, { sheet: "Giao chỉ tiêu" });
    const cells = vi.problems.map((p) => [p.rule, p.cell]);
    const last = grid[ASSIGNMENT_HEADER_ROW]!.length;
    const col = (i: number) => String.fromCharCode(64 + Math.floor(i / 26)) + String.fromCharCode(65 + (i % 26));
    expect(cells).toEqual([
      ["code-not-in-plan", `Giao chỉ tiêu!${col(last - 2)}${ASSIGNMENT_HEADER_ROW + 1}`],
      ["code-has-no-target", `Giao chỉ tiêu!${col(last - 1)}${ASSIGNMENT_HEADER_ROW + 1}`],
      ["target-text", `Giao chỉ tiêu!D${first}`],
      ["target-negative", `Giao chỉ tiêu!E${first + 1}`],
      ["target-not-number", `Giao chỉ tiêu!F${first + 1}`],
      ["unit-twice", `Giao chỉ tiêu!B${first + 2}`],
      ["unit-missing", `Giao chỉ tiêu!B${first + 3}`],
    ]);
    const messages = vi.problems.map((p) => p.message);
    expect(messages[2]).toBe(`Ô Giao chỉ tiêu!D${first}: chỉ tiêu 1 của "Phường Hồng Bàng" là chữ ("8,5"), không phải số. Hãy nhập lại thành số (ô định dạng Số), hoặc để trống để lấy chỉ tiêu chung của kế hoạch.`);
    expect(messages[5]).toContain(`đã có ở ô Giao chỉ tiêu!B${first}`);
    const en = readAssignmentTable(grid, plan, { sheet: "Giao chỉ tiêu", lang: "en" });
    expect(en.problems[3]!.message).toBe(`Cell Giao chỉ tiêu!E${first + 1}: the target of 1.1 for "Phường Ngô Quyền" is negative (-2). Targets are 0 or more; for a decrease, write the size of the decrease as a positive number.`);
  });

  it("says so when a sheet has no header row", () => {
    const result = readAssignmentTable([["Danh sách"], ["Phường A", 1]], plan, { sheet: "Sheet1" });
    expect(result.table).toBeNull();
    expect(result.problems.map((p) => p.rule)).toEqual(["no-header"]);
    expect(result.problems[0]!.message).toContain('Bảng giao chỉ tiêu "Sheet1"');
  });

  it("reads codes typed as numbers, a group column and ignores notes", () => {
    const grid = [["STT", "Tên đơn vị", "Khối thi đua", 1, 4.1, "Ghi chú"], [1, "Phường A", "Khối phường", 9, null, "x"], [2, "Xã B", "Khối xã", null, 500, null]];
    const { table, problems } = readAssignmentTable(grid, plan);
    expect(problems).toEqual([]);
    expect(table!.units).toEqual([
      { unit: "Phường A", group: "Khối phường", row: 2, targets: { "1": 9 } },
      { unit: "Xã B", group: "Khối xã", row: 3, targets: { "4.1": 500 } },
    ]);
  });
});

describe("file names safe on Windows, the unit's name kept", () => {
  it.each([
    ["Phường Đông Hải", "Phường Đông Hải"],
    ['Xã "An" <Lão>: khu 2?', "Xã _An_ _Lão_ - khu 2_"],
    ["Tổ dân phố 1 / Khu A", "Tổ dân phố 1 - Khu A"],
    ["Phường Cát Bi.", "Phường Cát Bi"],
    ["CON", "CON_"],
    ["nul.xlsx", "nul_.xlsx"],
    ["Com1", "Com1_"],
    ["  ...  ", "don-vi"],
  ])("%j → %j", (unit, base) => expect(safeFileBase(unit)).toBe(base));

  it("keeps names unique as Windows compares them", () => {
    expect(unitFileNames(["Phường A/B", "Phường A\\B", "phường a - b"])).toEqual(["Phường A - B.xlsx", "Phường A - B (2).xlsx", "phường a - b (3).xlsx"]);
  });
});

describe("unit names as offices write them", () => {
  it.each([
    ["UBND phường Đông Hải", "Phường Đông Hải"],
    ["Ủy ban nhân dân xã An Lão", "Xã An Lão"],
    ["P. Đông Hải", "phường đông hải"],
    ["TT.Núi Đèo", "Thị trấn Núi Đèo"],
    ["Phường  Cát Bi.", "PHƯỜNG CÁT BI"],
  ])("%j is %j", (a, b) => expect(unitKey(a)).toBe(unitKey(b)));
  it("but a ward is not the commune of the same name", () => expect(unitKey("Phường An Dương")).not.toBe(unitKey("Xã An Dương")));
});

describe("the list of expected units", () => {
  it("reads a plain list with numbering, comments, tabs and repeats", () => {
    const text = "\uFEFF# Danh sách đơn vị\n1. Phường Hồng Bàng\n2) Phường Ngô Quyền\t Cụm 1\n\n3\tXã An Lão\tCụm 2\nphường hồng bàng\n";
    expect(readUnitListText(text)).toEqual([
      { unit: "Phường Hồng Bàng", group: null },
      { unit: "Phường Ngô Quyền", group: "Cụm 1" },
      { unit: "Xã An Lão", group: "Cụm 2" },
    ]);
  });
  it("reads the assignment form as a list, with its groups", () => {
    const sheet = buildAssignmentWorkbook(plan, { units: [{ unit: "Phường A", group: "Cụm 1" }, { unit: "Xã B", group: null }] }).sheets[0]!;
    expect(readUnitListGrid(sheet.cells)).toEqual([{ unit: "Phường A", group: "Cụm 1" }, { unit: "Xã B", group: null }]);
  });
});

describe("any unit name gives a file name Windows accepts", () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const fc = require("fast-check") as typeof import("fast-check");
  it("for random names (Vietnamese letters, punctuation, control characters, reserved names)", () => {
    const piece = fc.constantFrom("Phường", "Xã", " ", ".", "/", "\\", ":", "*", "?", '"', "<", ">", "|", "\u0001", "CON", "nul", "LPT1", "Đông Hải", "Tổ 1", "\t", "…");
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (parts) => {
        const base = safeFileBase(parts.join(""));
        // eslint-disable-next-line no-control-regex
        expect(base).not.toMatch(/[<>:"/\\|?*\u0000-\u001f]/);
        expect(base).not.toMatch(/[. ]$/);
        expect(base).not.toMatch(/^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i);
        expect(base.length).toBeGreaterThan(0);
        expect(base.length).toBeLessThanOrEqual(121);
      }),
      { seed: 20261201, numRuns: 500 },
    );
  });
});
