// The importer on the 24 real public plan texts of ../shared/corpus/plans, scored as `npm run eval:import`
// scores it (test/import/corpus-score.ts). A floor, so a change that loses targets on real texts fails
// here; the figures themselves are reported by eval:import and the bench, not asserted to the digit.
import { scoreCorpus, totals, halfOf, similarity, polarityOf } from "./corpus-score";

const scores = scoreCorpus();

it("scores at least 0.95 on F1, polarity, unit and deadline over the corpus", () => {
  const all = totals(scores);
  expect(all.files).toBe(24);
  expect(all.expected).toBe(186);
  expect(all.f1).toBeGreaterThanOrEqual(0.95);
  expect(all.polarity).toBeGreaterThanOrEqual(0.95);
  expect(all.unit).toBeGreaterThanOrEqual(0.95);
  expect(all.deadline).toBeGreaterThanOrEqual(0.95);
});

it("scores at least 0.9 F1 on each half (odd files dev, even files test)", () => {
  expect(totals(scores.filter((s) => s.half === "dev")).f1).toBeGreaterThanOrEqual(0.9);
  expect(totals(scores.filter((s) => s.half === "test")).f1).toBeGreaterThanOrEqual(0.9);
});

it("never offers a result or a year-on-year figure as a target row", () => {
  for (const s of scores) for (const ind of s.result.indicators) expect(ind.name).not.toMatch(/^Tỷ lệ so với cùng kỳ$/i);
  const results = scores.flatMap((s) => s.result.results);
  expect(results.length).toBeGreaterThan(5);
});

it("splits the corpus by a fixed rule and matches names by shared words", () => {
  expect([halfOf("01-a.txt"), halfOf("02-b.txt"), halfOf("23-c.txt")]).toEqual(["dev", "test", "dev"]);
  expect(similarity("tỷ lệ hộ nghèo", "Tỷ lệ hộ nghèo theo chuẩn đa chiều")).toBe(1);
  expect(similarity("thu ngân sách", "tuổi thọ")).toBe(0);
  expect([polarityOf("decrease-by"), polarityOf("approx"), polarityOf("=")]).toEqual(["lower", "higher", "equal"]);
});
