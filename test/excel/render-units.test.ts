// The renderer's pure parts: joining style rectangles keeps what every cell ends up with, runs of
// row heights, validations joined only when identical; and the ribbon registration.
import fc from "fast-check";
import type { CellStyle, DataValidationSpec, StyledRect } from "../../shared/sheet/types";
import { coalesceStyles, coalesceValidations, packRequests, rowHeightRuns } from "../../excel-addin/src/adapter/render";
import { RIBBON_FUNCTIONS, registerRibbon } from "../../excel-addin/src/ribbon";
import { onViewRequest, type ViewRequest } from "../../excel-addin/src/navigation";
import type { AddinHost } from "../../excel-addin/src/host";

/** What each cell ends up with when the rectangles are applied in order, property by property. */
function applied(styles: readonly StyledRect[]): Map<string, Record<string, unknown>> {
  const cells = new Map<string, Record<string, unknown>>();
  for (const { range, style } of styles)
    for (let r = range.row; r < range.row + range.rows; r++)
      for (let c = range.col; c < range.col + range.cols; c++) {
        const cell = cells.get(`${r},${c}`) ?? {};
        for (const [key, value] of Object.entries(style))
          if (key === "font") for (const [k, v] of Object.entries(value as object)) cell[`font.${k}`] = v;
          else cell[key] = value;
        cells.set(`${r},${c}`, cell);
      }
  return cells;
}

const styleArb: fc.Arbitrary<CellStyle> = fc.oneof(
  fc.constant<CellStyle>({ fill: "#FFF2CC" }),
  fc.constant<CellStyle>({ fill: "#C6EFCE" }),
  fc.constant<CellStyle>({ indent: 1 }),
  fc.constant<CellStyle>({ font: { bold: true } }),
  fc.constant<CellStyle>({ font: { bold: false, italic: true } }),
  fc.constant<CellStyle>({ horizontal: "center", border: "thin-all" }),
);
const rectArb = fc.record({ row: fc.integer({ min: 0, max: 12 }), col: fc.integer({ min: 0, max: 4 }), rows: fc.integer({ min: 1, max: 3 }), cols: fc.integer({ min: 1, max: 3 }) });

test("joining style rectangles never changes what a cell ends up with", () => {
  fc.assert(
    fc.property(fc.array(fc.record({ range: rectArb, style: styleArb }), { maxLength: 40 }), (styles) => {
      const joined = coalesceStyles(styles);
      expect(joined.length).toBeLessThanOrEqual(styles.length);
      expect(applied(joined)).toEqual(applied(styles));
    }),
    { seed: 20251122, numRuns: 400 },
  );
});

test("a column of per-row rectangles becomes one", () => {
  const rows: StyledRect[] = Array.from({ length: 50 }, (_, i) => [
    { range: { row: 9 + i, col: 5, rows: 1, cols: 1 }, style: { fill: "#FFF2CC" as const } },
    { range: { row: 9 + i, col: 2, rows: 1, cols: 1 }, style: { indent: 1 } },
  ]).flat();
  expect(coalesceStyles(rows)).toHaveLength(2);
});

test("row heights in runs; validations joined only when the same", () => {
  expect(rowHeightRuns([{ row: 3, height: 20 }, { row: 4, height: 20 }, { row: 6, height: 20 }, { row: 5, height: 30 }])).toEqual([
    { row: 3, rows: 2, height: 20 },
    { row: 5, rows: 1, height: 30 },
    { row: 6, rows: 1, height: 20 },
  ]);
  const v = (row: number, unit: string): DataValidationSpec => ({
    range: { row, col: 5, rows: 1, cols: 1 },
    rule: { kind: "decimal", min: 0 },
    allowBlank: true,
    strict: false,
    prompt: { title: "Số liệu", message: `Đơn vị: ${unit}` },
  });
  const joined = coalesceValidations([v(9, "%"), v(10, "%"), v(11, "người"), v(12, "%")]);
  expect(joined.map((x) => [x.range.row, x.range.rows])).toEqual([
    [9, 2],
    [11, 1],
    [12, 1],
  ]);
});

test("requests are packed in order under the budget", () => {
  const step = (size: number) => ({ size, queue: () => undefined });
  expect(packRequests([step(40), step(50), step(30), step(90)], 100).map((r) => r.map((s) => s.size))).toEqual([[40, 50], [30], [90]]);
});

test("every ribbon function is associated before onReady, and event.completed() runs even when it fails", async () => {
  const associated = new Map<string, (event: { completed(): void }) => Promise<void>>();
  (globalThis as unknown as { Office: unknown }).Office = { actions: { associate: (name: string, fn: (event: { completed(): void }) => Promise<void>) => associated.set(name, fn) } };
  let fail = false;
  const host = {
    showTaskpane: async () => {
      if (fail) throw new Error("no task pane");
    },
  } as unknown as AddinHost;
  try {
    expect(registerRibbon(Promise.resolve(host)).sort()).toEqual(Object.keys(RIBBON_FUNCTIONS).sort());
    const seen: ViewRequest[] = [];
    const stop = onViewRequest((request) => seen.push(request));
    let completed = 0;
    await associated.get("checkFigures")!({ completed: () => completed++ });
    expect(seen).toEqual([{ view: "check", run: "check" }]);
    fail = true;
    await expect(associated.get("openDashboard")!({ completed: () => completed++ })).rejects.toThrow("no task pane");
    expect(completed).toBe(2);
    stop();
  } finally {
    delete (globalThis as unknown as { Office?: unknown }).Office;
  }
});
