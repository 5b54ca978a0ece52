import fc from "fast-check";
import { absoluteRef, cellA1, columnIndex, columnLetters, parseCell, parseReference, quoteSheet, rectA1 } from "../../shared/sheet/a1";

test("columns and cells", () => {
  expect([0, 25, 26, 701, 702, 16383].map(columnLetters)).toEqual(["A", "Z", "AA", "ZZ", "AAA", "XFD"]);
  expect(cellA1(11, 5)).toBe("F12");
  expect(cellA1(11, 5, true)).toBe("$F$12");
  expect(rectA1({ row: 4, col: 0, rows: 3, cols: 19 })).toBe("A5:S7");
  expect(rectA1({ row: 0, col: 0, rows: 1, cols: 1 })).toBe("A1");
  expect(quoteSheet("Sheet1")).toBe("Sheet1");
  expect(quoteSheet("Chỉ tiêu")).toBe("'Chỉ tiêu'");
  expect(absoluteRef("Danh mục", { row: 0, col: 0, rows: 2, cols: 1 })).toBe("'Danh mục'!$A$1:$A$2");
  expect(absoluteRef("O'Brien", { row: 1, col: 1, rows: 1, cols: 1 })).toBe("'O''Brien'!$B$2");
});

test("parsing back", () => {
  expect(parseCell("$F$12")).toEqual({ row: 11, col: 5 });
  expect(parseCell("f12")).toEqual({ row: 11, col: 5 });
  expect(parseCell("F0")).toBeNull();
  expect(parseCell("12")).toBeNull();
  expect(parseReference("='Chỉ tiêu'!$A$5:$S$40")).toEqual({ sheet: "Chỉ tiêu", rect: { row: 4, col: 0, rows: 36, cols: 19 } });
  expect(parseReference("A1")).toBeNull();
});

test("letters and indexes are inverse", () => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 16383 }), fc.integer({ min: 0, max: 1_048_575 }), (col, row) => {
      expect(columnIndex(columnLetters(col))).toBe(col);
      expect(parseCell(cellA1(row, col, true))).toEqual({ row, col });
    }),
    { seed: 42, numRuns: 500 },
  );
});
