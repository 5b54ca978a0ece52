// The fake Excel for the browser test: bundled to one script and injected into the task pane page
// before its own scripts, as `window.__CHITIEU_FAKE_EXCEL__` (the host the pane runs against) and
// `window.__CHITIEU_FAKE_STATE__` (what the test inspects and edits like a user).
import { readFillInSheet } from "../../../shared/sheet/read-back";
import type { Plan } from "../../../shared/model";
import { createFakeExcel } from "./index";
import { columnLetters } from "./state";

const host = createFakeExcel({ excelApi: 1.9 });

function cellOf(plan: Plan, code: string, key: "actual" | "note" | "previous"): string | null {
  const reading = readFillInSheet(host.state.grid("Chỉ tiêu"), "Chỉ tiêu", { plan });
  const row = reading.rowsByCode.get(code);
  const col = reading.layout?.columns[key];
  return row === undefined || col === undefined ? null : `${columnLetters(col)}${row + 1}`;
}

const testApi = {
  state: host.state,
  syncCounts: () => host.contexts.map((c) => c.syncs.length),
  sheetNames: () => host.state.sheets.map((s) => s.name),
  grid: (sheet: string) => host.state.grid(sheet),
  value: (sheet: string, address: string) => host.state.value(sheet, address),
  typeIn: (sheet: string, address: string, typed: string | number | null) => host.state.typeIn(sheet, address, typed),
  selection: () => host.state.selection,
  cellOf,
};

declare global {
  interface Window {
    __CHITIEU_FAKE_STATE__?: typeof testApi;
  }
}

window.__CHITIEU_FAKE_EXCEL__ = { run: (batch) => host.run(batch), supports: host.supports, lang: "vi" };
window.__CHITIEU_FAKE_STATE__ = testApi;
