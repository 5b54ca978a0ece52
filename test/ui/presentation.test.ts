// The shared UI's pure parts: the words it shows (both languages alike), how it writes numbers and
// comparators, how it groups the check's findings, and the statuses in the core's order.
import { COMPARATORS, STATUSES } from "../../shared/model";
import { findingLines, fixLabel, textNumberFixes } from "../../ui/findings";
import { COMPARATOR_ORDER, comparatorWords, formatNumber, readNumber, slipFactor, STATUS_ORDER } from "../../ui/format";
import type { FindingItem } from "../../ui/host-port";
import { TEXTS } from "../../ui/text";

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

test("every UI text exists in Vietnamese and English with the same placeholders", () => {
  expect(Object.keys(TEXTS.en).sort()).toEqual(Object.keys(TEXTS.vi).sort());
  for (const key of Object.keys(TEXTS.vi) as (keyof typeof TEXTS.vi)[]) expect([key, placeholders(TEXTS.en[key])]).toEqual([key, placeholders(TEXTS.vi[key])]);
});

test("no technical text in the clerk's words: no schema paths, API versions or README", () => {
  for (const value of [...Object.values(TEXTS.vi), ...Object.values(TEXTS.en)]) expect(value).not.toMatch(/ExcelApi|README|zod|\bundefined\b|Exception/);
});

test("the statuses and comparators are the core's, comparators shown in words", () => {
  expect([...STATUS_ORDER]).toEqual([...STATUSES]);
  expect([...COMPARATOR_ORDER].sort()).toEqual([...COMPARATORS].sort());
  expect(comparatorWords("decrease-by", "vi")).toBe("giảm");
  expect(comparatorWords(">=", "vi")).toMatch(/^≥/);
  for (const c of COMPARATORS) expect(comparatorWords(c, "vi")).not.toMatch(/-by|>=|<=/);
});

test("numbers with a Vietnamese decimal comma, read back as the core reads them", () => {
  expect(formatNumber(1.5, "vi")).toBe("1,5");
  expect(formatNumber(1200.5, "vi")).toBe("1.200,5");
  expect(readNumber("1.200,5")).toBe(1200.5);
  expect(readNumber("12,8")).toBe(12.8);
  expect(readNumber("")).toBeNull();
  expect(slipFactor({ value: 36.692, from: 36692 })).toBe(1000);
  expect(slipFactor({ value: 12.8, from: "12,8" })).toBeNull();
});

const blank = (code: string, row: number, section: string | null = null): FindingItem => ({
  severity: "warning",
  rule: "blank",
  code,
  sheet: "Chỉ tiêu",
  cell: `F${row}`,
  message: `Ô F${row} (chỉ tiêu ${code}): chưa nhập số liệu.`,
  fix: null,
  section,
});

test("the blanks of a section are one line; other findings keep the core's order and text", () => {
  const error: FindingItem = { severity: "error", rule: "negative", code: "7", sheet: "Chỉ tiêu", cell: "F20", message: "Số âm", fix: null };
  const asText: FindingItem = { severity: "warning", rule: "number-as-text", code: "1", sheet: "Chỉ tiêu", cell: "F9", message: "12,8 dạng chữ", fix: { value: 12.8, from: "12,8" } };
  const findings = [error, asText, blank("2", 10, "I"), blank("3", 11, "I"), blank("4", 12, "II"), blank("5", 13, "I")];
  const lines = findingLines(findings, "vi");
  expect(lines.map((l) => [l.finding.rule, l.count])).toEqual([
    ["negative", 1],
    ["number-as-text", 1],
    ["blank", 3],
    ["blank", 1],
  ]);
  expect(lines[2].finding.cells).toEqual(["F10", "F11", "F13"]);
  expect(lines[2].finding.cell).toBe("F10");
  expect(lines[2].finding.message).toContain("3 chỉ tiêu chưa nhập số liệu (mã 2, 3, 5)");
  expect(lines[3].finding.message).toBe(blank("4", 12).message);
  // A plan without sections: every blank on one line.
  expect(findingLines([blank("1", 9), blank("2", 10), blank("3", 11)], "en").map((l) => l.count)).toEqual([3]);
  // Keys stay the same across checks (React keeps the focus on the line).
  expect(findingLines(findings, "vi").map((l) => l.key)).toEqual(lines.map((l) => l.key));
});

test("fix labels: a number typed as text, a ÷ 1.000 unit slip; fix all takes only text numbers", () => {
  const asText: FindingItem = { severity: "warning", rule: "number-as-text", code: "1", sheet: "S", cell: "F9", message: "", fix: { value: 1234.5, from: "1.234,5" } };
  const slip: FindingItem = { severity: "warning", rule: "unit-slip", code: "2", sheet: "S", cell: "F10", message: "", fix: { value: 36.692, from: 36692 } };
  expect(fixLabel(asText, "vi")).toBe("Đổi thành số 1.234,5");
  expect(fixLabel(slip, "vi")).toBe("÷ 1.000 → 36,692");
  expect(fixLabel({ ...asText, fix: null }, "vi")).toBeNull();
  expect(textNumberFixes([asText, slip, { ...asText, cell: "F11" }]).map((f) => f.cell)).toEqual(["F9", "F11"]);
});
