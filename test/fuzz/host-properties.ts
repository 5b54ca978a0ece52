// The sheet-edit property through both host fakes: the plan loaded by the host's own load command,
// the fake workbook edited like a user would between two loads (rows inserted, deleted, moved and
// sorted, a column inserted, the sheet renamed, headers retyped, values typed), the plan loaded
// again, and every typed actual, note and override read back at its code from the new sheet.
import fc from "fast-check";
import type { Plan } from "../../shared/model";
import { FILL_IN_SHEET } from "../../shared/sheet/fill-in";
import { readFillInSheet } from "../../shared/sheet/read-back";
import { columnLetters } from "../../shared/sheet/a1";
import { loadPlan } from "../../excel-addin/src/adapter/load-command";
import { createFakeExcel, cellKey, type CellState, type FakeExcelHost } from "../fakes/excel";
import { blankCell } from "../fakes/excel/state";
import type { FakeSheet } from "../fakes/gas/spreadsheet";
import { loadRequest, run, sandbox, type Built } from "../gas/support";
import { plans, type FuzzProperty } from "./properties";
import { compareEntries, editSequence, missingLayoutFindings, newExpectations, recordOp, resolveEdit, type Edit, type Expectations, type Move, type Op } from "./sheet-edits";

/** Whether a reload would lose input: the key or an input column was retyped beyond recognition,
 *  so the host must refuse and leave the sheet as it is (the core's `reloadBlockers`). */
function mustRefuse(expect: Expectations): boolean {
  return expect.destroyedHeader === "Mã" || expect.destroyedHeader === "Thực hiện" || expect.destroyedHeader === "Ghi chú";
}

function checkReloaded(plan: Plan, expect: Expectations, grid: unknown[][], sheet: string): void {
  const read = readFillInSheet(grid, sheet, { plan });
  if (read.problems.length) throw new Error(`reloaded sheet: ${read.problems.map((p) => p.message).join("; ")}`);
  const diff = compareEntries(expect, read.entries);
  if (diff.length) throw new Error(`after reload:\n${diff.join("\n")}`);
}

// ---------------------------------------------------------------------------------------------
// Excel

/** Merged areas move with their cells (a merge whose corner row is deleted goes). */
function moveRects<T extends { row: number; col: number; rows: number; cols: number }>(rects: T[], move: Move): T[] {
  const out: T[] = [];
  for (const rect of rects) {
    const a = move(rect.row, rect.col);
    const b = move(rect.row + rect.rows - 1, rect.col + rect.cols - 1);
    if (!a || !b || b[0] < a[0] || b[1] < a[1]) continue;
    out.push({ ...rect, row: a[0], col: a[1], rows: b[0] - a[0] + 1, cols: b[1] - a[1] + 1 });
  }
  return out;
}

function remapExcel(cells: Map<string, CellState>, move: Move): Map<string, CellState> {
  const out = new Map<string, CellState>();
  for (const [key, cell] of cells) {
    const [r, c] = key.split(",").map(Number);
    const to = move(r, c);
    if (to) out.set(cellKey(to[0], to[1]), cell);
  }
  return out;
}

function applyExcel(host: FakeExcelHost, sheetName: string, op: Op): { sheetName: string; stored?: unknown } {
  const sheet = host.state.sheet(sheetName);
  switch (op.kind) {
    case "move":
    case "delete-code":
      sheet.cells = remapExcel(sheet.cells, op.move);
      sheet.merges = moveRects(sheet.merges, op.move);
      return { sheetName };
    case "set": {
      const address = `${columnLetters(op.col)}${op.row + 1}`;
      host.state.typeIn(sheetName, address, op.value);
      return { sheetName, stored: host.state.cell(sheetName, address).value };
    }
    case "header": {
      // The user unprotects the sheet (no password) and retypes the header.
      const cell = sheet.cells.get(cellKey(op.row, op.col)) ?? blankCell();
      cell.value = op.text;
      cell.formula = null;
      sheet.cells.set(cellKey(op.row, op.col), cell);
      return { sheetName };
    }
    case "rename":
      if (host.state.findSheet(op.name) && host.state.findSheet(op.name) !== sheet) return { sheetName };
      sheet.name = op.name;
      return { sheetName: op.name };
    case "none":
      return { sheetName };
  }
}


export const excelSheetEdits: FuzzProperty = {
  name: "sheet edits between loads (Excel fake, the add-in's load command)",
  unit: "edit sequences",
  runs: 40,
  make: () =>
    fc.asyncProperty(plans(), editSequence({ rename: true, destroyHeader: true }), async (pick, edits: Edit[]) => {
      const plan = pick.plan;
      const host = createFakeExcel();
      const request = { plan, unit: "Phường Thử", year: plan.year, estimate: false, issuer: null, lang: "vi" as const };
      const first = await host.run((ctx) => loadPlan(ctx, request, { pageLayout: false }));
      if (!first.ok) throw new Error(`first load: ${first.message}`);
      let sheetName = first.sheet;
      const expect = newExpectations(sheetName);
      for (const edit of edits) {
        const op = resolveEdit(edit, host.state.grid(sheetName), sheetName);
        const applied = applyExcel(host, sheetName, op);
        if (op.kind === "rename" && applied.sheetName !== op.name) continue;
        sheetName = applied.sheetName;
        recordOp(expect, op, applied.stored);
      }
      const before = JSON.stringify(host.state.grid(sheetName));
      const again = await host.run((ctx) => loadPlan(ctx, request, { pageLayout: false }));
      if (mustRefuse(expect)) {
        if (again.ok) throw new Error(`reload over a retyped "${expect.destroyedHeader}" header was not refused`);
        if (JSON.stringify(host.state.grid(sheetName)) !== before) throw new Error("a refused reload changed the sheet");
        return true;
      }
      if (!again.ok) throw new Error(`reload refused: ${again.message}`);
      // Deleted rows were the user's choice; the reader of the edited sheet reports them.
      const editedRead = readFillInSheet(JSON.parse(before) as unknown[][], sheetName, { plan });
      const missing = missingLayoutFindings(expect, editedRead.problems);
      if (missing.length) throw new Error(missing.join("\n"));
      checkReloaded(plan, expect, host.state.grid(again.sheet), again.sheet);
      return true;
    }) as never,
};

// ---------------------------------------------------------------------------------------------
// Sheets

function remapGas(sheet: FakeSheet, move: Move): void {
  const moved = [...sheet.cells].map(([key, cell]) => [Math.floor(key / 100000), key % 100000, cell] as const);
  sheet.cells.clear();
  for (const [r, c, cell] of moved) {
    const to = move(r, c);
    if (!to) continue;
    // Inserting a row or a column in Sheets grows the sheet.
    while (to[0] >= sheet.maxRows) sheet.maxRows += 1;
    while (to[1] >= sheet.maxCols) sheet.maxCols += 1;
    sheet.cells.set(to[0] * 100000 + to[1], cell);
  }
  sheet.merges = moveRects(sheet.merges, move);
}

function gasGrid(sheet: FakeSheet): unknown[][] {
  const { lastRow, lastCol } = sheet.extent();
  return Array.from({ length: lastRow }, (_, r) => Array.from({ length: lastCol }, (_, c) => sheet.peek(r, c).value ?? ""));
}

/** `destroyHeader`: also retype a required header beyond recognition (the reload must then refuse, sheet unchanged). */
export function gasSheetEdits(built: () => Built, destroyHeader = false): FuzzProperty {
  return {
    name: "sheet edits between loads (Sheets fake, the add-on's load command)",
    unit: "edit sequences",
    runs: 25,
    make: () =>
      fc.property(plans(), editSequence({ rename: true, destroyHeader }), (pick, edits: Edit[]) => {
        const plan = pick.plan;
        const box = sandbox(built());
        const book = box.world.active;
        const first = run(box, "loadPlan", loadRequest(plan.id, "Phường Thử", plan.year));
        if (!first.ok) throw new Error(`first load: ${first.message}`);
        const sheet = book.sheets.find((s) => s.name === FILL_IN_SHEET) as FakeSheet;
        const expect = newExpectations(FILL_IN_SHEET);
        for (const edit of edits) {
          const op = resolveEdit(edit, gasGrid(sheet), sheet.name);
          if (op.kind === "move" || op.kind === "delete-code") remapGas(sheet, op.move);
          else if (op.kind === "set" || op.kind === "header") {
            const cell = sheet.cellAt(op.row, op.col);
            cell.value = op.kind === "set" ? (op.value === "" ? null : op.value) : op.text;
            cell.formula = null;
          } else if (op.kind === "rename") {
            // Sheets refuses a name another sheet has (case aside).
            if (book.sheets.some((s) => s !== sheet && s.name.toLowerCase() === op.name.toLowerCase())) continue;
            sheet.name = op.name;
          }
          recordOp(expect, op);
        }
        const sheetsBefore = book.sheets.map((s) => s.name).join(" | ");
        const before = JSON.stringify(gasGrid(sheet));
        const again = run<{ sheet: string }>(box, "loadPlan", loadRequest(plan.id, "Phường Thử", plan.year));
        if (mustRefuse(expect)) {
          if (again.ok) throw new Error(`reload over a retyped "${expect.destroyedHeader}" header was not refused`);
          if (JSON.stringify(gasGrid(sheet)) !== before) throw new Error("a refused reload changed the sheet");
          return true;
        }
        if (!again.ok) throw new Error(`reload refused: ${again.message}`);
        // The renamed sheet is the one rewritten, under the user's name; no second fill-in appears.
        if (again.sheet !== sheet.name) throw new Error(`reloaded into "${again.sheet}", the fill-in is "${sheet.name}"`);
        const sheetsAfter = book.sheets.map((s) => s.name).join(" | ");
        if (sheetsAfter !== sheetsBefore) throw new Error(`sheets before the reload: ${sheetsBefore}; after: ${sheetsAfter}`);
        checkReloaded(plan, expect, gasGrid(sheet), sheet.name);
        return true;
      }) as never,
  };
}
