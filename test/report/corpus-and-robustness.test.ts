// The reader on the corpus of real reports (../shared/corpus/reports): the goals, overall and
// on each half; and on hostile or random input it never throws and keeps its spans inside the text.
import fc from "fast-check";
import { corpusFiles, scoreFile, totalsOf } from "../../scripts/eval-reports";
import { readReport } from "../../shared/report";

describe("corpus of real reports", () => {
  const scores = corpusFiles("all").map(scoreFile);

  test("the goals are met overall: tally ≥ 0.95, actuals F1 ≥ 0.9, percent and status ≥ 0.95", () => {
    expect(scores).toHaveLength(8);
    const t = totalsOf(scores);
    expect(t.tallyCount).toBe(4);
    expect(t.tally).toBeGreaterThanOrEqual(0.95);
    expect(t.f1).toBeGreaterThanOrEqual(0.9);
    expect(t.percent).toBeGreaterThanOrEqual(0.95);
    expect(t.status).toBeGreaterThanOrEqual(0.95);
  });

  test("and on each half", () => {
    for (const half of ["dev", "test"] as const) {
      const t = totalsOf(corpusFiles(half).map(scoreFile));
      expect(t.f1).toBeGreaterThanOrEqual(0.9);
      expect(t.tally).toBeGreaterThanOrEqual(0.95);
    }
  });
});

describe("robustness", () => {
  const pieces = ["đạt ", "vượt ", "12,5", "36.900", "% ", "kế hoạch", " so với cùng kỳ", "tỷ đồng", "; ", ". ", "\n", "\t", "(", ")", "trong đó ", "18/22 chỉ tiêu ", "Thu ngân sách ", "—", "\u0301", "năm 2025 ", ":", "/", "-"];

  test("never throws; every span points at its own text", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...pieces), fc.string()), { maxLength: 60 }), (parts) => {
        const text = parts.join("");
        const reading = readReport(text);
        for (const r of reading.results) {
          expect(r.span.start).toBeGreaterThanOrEqual(0);
          expect(r.span.end).toBeLessThanOrEqual(text.length);
          expect(text.slice(r.span.start, r.span.end)).toBe(r.span.text);
        }
        expect(reading.warnings.every((w) => !/Lỗi nội bộ/.test(w.message))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  test("a long report: every paragraph is read, and results repeated word for word are one", () => {
    const paragraph = "Thu ngân sách xã đạt 12,5 tỷ đồng, đạt 104% kế hoạch; trong đó thu thuế đạt 3,2 tỷ đồng.\n";
    const text = Array.from({ length: 3000 }, (_, i) => paragraph.replace("12,5", String(10 + (i % 90)))).join("");
    const reading = readReport(text);
    // 90 different budget figures, and the same "thu thuế 3,2 tỷ đồng" 3 000 times.
    expect(reading.results).toHaveLength(91);
  });
});
