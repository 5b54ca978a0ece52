// The country's 3,321 communes and wards through the consolidation's own path (the readings the
// command makes of each file, then consolidation, the workbook model and the .xlsx writer):
// nothing overflows the call stack, units are rows, no sheet is wider than 200 columns, the long
// table holds every unit × indicator, and the file passes the cross-part checks Excel makes.
// Not timed: speed is in bench/cli.bench.ts.
import { strFromU8, unzipSync } from "fflate";
import { CITY_PLAN_ID, findBuiltInPlan } from "../../shared/catalog";
import type { UnitInput } from "../../shared/consolidate";
import { evaluatePlan } from "../../shared/evaluate";
import { defaultSettings, type Plan } from "../../shared/model";
import { MATRIX_MAX_UNITS, MAX_SHEET_COLUMNS } from "../../shared/sheet/consolidation-sheet";
import { validateEntries } from "../../shared/validate";
import { consolidationWorkbookBytes } from "../../cli/commands/summary";
import { exampleEntries } from "../../cli/demo-data";
import { readXlsxBytes } from "../../xlsx-reader/read";
import { workbookProblems } from "../support/ooxml-workbook-checks";

const UNITS = 3321;

test(`${UNITS} units consolidate into sheets no wider than ${MAX_SHEET_COLUMNS} columns`, async () => {
  const plan = findBuiltInPlan(CITY_PLAN_ID) as Plan;
  const settings = { ...defaultSettings(plan.year), lang: "vi" as const };
  const units: UnitInput[] = [];
  for (let i = 0; i < UNITS; i++) {
    const entries = exampleEntries(plan, i + 1);
    units.push({
      unit: `Phường ${i + 1}`,
      file: `don-vi-${i + 1}.xlsx`,
      plan,
      evaluations: evaluatePlan(plan, entries, settings),
      findings: validateEntries(plan, entries, settings),
    });
  }
  const { result, bytes } = await consolidationWorkbookBytes(units, settings, "vi");
  expect(result.units).toHaveLength(UNITS);
  expect(UNITS).toBeGreaterThan(MATRIX_MAX_UNITS);

  const parts = unzipSync(new Uint8Array(bytes));
  const text = new Map(Object.entries(parts).map(([name, data]) => [name, strFromU8(data)] as const));
  // The sheets' extents as written, then the cells a reader sees at the first and last unit.
  const book = readXlsxBytes(new Uint8Array(bytes));
  expect(book.sheets.map((s) => s.name)).toEqual(["Tổng hợp", "Dữ liệu", "Xếp hạng", "Không sử dụng được"]);
  for (const sheet of book.sheets) {
    const dimension = /<dimension ref="A1:([A-Z]+)\d+"/.exec(text.get(sheet.part ?? "") ?? "")?.[1] ?? "";
    const columns = [...dimension].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
    expect([sheet.name, columns > 0 && columns <= MAX_SHEET_COLUMNS]).toEqual([sheet.name, true]);
  }
  const rows = book.grid("Tổng hợp");
  expect(rows.reduce((w, row) => Math.max(w, row?.length ?? 0), 0)).toBe(4 + 2 * result.rows.length);
  const header = rows.findIndex((r) => r?.[0] === "STT");
  expect(rows[header + 2]?.[1]).toBe("Phường 1");
  expect(rows[header + 1 + UNITS]?.[1]).toBe(`Phường ${UNITS}`);
  expect(text.get("xl/tables/table1.xml")).toMatch(new RegExp(`ref="A3:I${3 + UNITS * result.rows.length}"`));
  expect(workbookProblems(text)).toEqual([]);
}, 180000);
