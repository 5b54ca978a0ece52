import fc from "fast-check";
import { formatVietnameseNumber, parseNumber, parseVietnameseNumber } from "../../shared/numbers";

describe("Vietnamese numbers", () => {
  test.each([
    ["1.234.567,89", 1234567.89],
    ["733,3", 733.3],
    ["36.692", 36692],
    ["0.83", 0.83],
    ["12.15", 12.15],
    ["109.2", 109.2],
    ["95 %", 95],
    ["05%", 5],
    ["67,192", 67.192],
    ["1.200", 1200],
    ["165.011,59", 165011.59],
    ["7.312,72", 7312.72],
    ["10.712.726,79", 10712726.79],
    ["0.830", 0.83],
    ["1,234,567", 1234567],
    ["1,234.5", 1234.5],
    ["-12,5", -12.5],
    ["\u2212 3", -3],
    ["1\u00a0234,5", 1234.5],
    ["1\u202f234", 1234],
    ["2,5", 2.5],
    [",5", 0.5],
  ])("%s reads as %p", (text, expected) => {
    expect(parseNumber(text)).toBeCloseTo(expected, 10);
  });

  test("a percent sign is noted, not divided", () => {
    expect(parseVietnameseNumber("95 %")).toEqual({ value: 95, percent: true });
  });

  test.each(["", "abc", "1.23.4", "12..5", "1,2,3", "1.2345.678", "Đạt", "#DIV/0!", "1e5", "--1", "1.234.56"])("%p is not a number", (text) => {
    expect(parseNumber(text)).toBeNull();
  });

  test("NFD text and odd spaces", () => {
    expect(parseNumber("1.234,5".normalize("NFD"))).toBe(1234.5);
    expect(parseNumber("\u2009 98,5 \u2009")).toBe(98.5);
  });

  test.each([
    [1234567.89, "1.234.567,89"],
    [36692, "36.692"],
    [0.83, "0,83"],
    [-1200, "-1.200"],
    [1e21, "1.000.000.000.000.000.000.000"],
    [1.5e-7, "0,00000015"],
  ])("%p formats as %s", (value, text) => {
    expect(formatVietnameseNumber(value)).toBe(text);
  });

  test("fixed decimals", () => {
    expect(formatVietnameseNumber(98.456, { decimals: 2 })).toBe("98,46");
    expect(formatVietnameseNumber(100, { decimals: 2, trimZeros: true })).toBe("100");
  });

  test("format then parse gives the number back", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (value) => {
        const back = parseNumber(formatVietnameseNumber(value));
        expect(back).toBe(value === 0 ? 0 : value);
      }),
      { numRuns: 2000, seed: 20251209 },
    );
  });

  test("parse never throws on any string", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (text) => {
        const result = parseVietnameseNumber(text);
        expect(result === null || Number.isFinite(result.value)).toBe(true);
      }),
      { numRuns: 3000, seed: 7 },
    );
  });
});
