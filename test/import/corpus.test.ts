// The corpus of plan texts written for the importer (test/fixtures/plan-texts): province, district and
// commune plans, numbered and prose, with and without diacritics, NFD, PDF line breaks, a pipe table.
// Recall = expected targets found with the right value, polarity and unit (and deadline);
// spurious = indicators found that match no expected target.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { importPlanText } from "../../shared/import";
import { PlanSchema } from "../../shared/model";
import { scoreImport, type ExpectedTarget } from "./score";

const DIR = join(__dirname, "..", "fixtures", "plan-texts");

interface Expected {
  issuer?: string;
  level?: string;
  year?: number;
  indicators: ExpectedTarget[];
}

const files = readdirSync(DIR)
  .filter((f) => f.endsWith(".txt"))
  .sort();

const rows = files.map((file) => {
  const text = readFileSync(join(DIR, file), "utf8");
  const expected = JSON.parse(readFileSync(join(DIR, file.replace(/\.txt$/, ".expected.json")), "utf8")) as Expected;
  const result = importPlanText(text, { source: file });
  return { file, text, expected, result, score: scoreImport(result.indicators, expected.indicators, { deadline: true }) };
});

it("has at least 12 texts, each with its expected JSON", () => {
  expect(files.length).toBeGreaterThanOrEqual(12);
  for (const row of rows) expect(row.expected.indicators.length).toBeGreaterThan(0);
});

it("finds ≥ 95 % of the targets with the right value, polarity and unit, with ≤ 5 % spurious", () => {
  const matched = rows.reduce((n, r) => n + r.score.matched, 0);
  const expected = rows.reduce((n, r) => n + r.score.expected, 0);
  const found = rows.reduce((n, r) => n + r.score.found, 0);
  const spurious = rows.reduce((n, r) => n + r.score.spurious, 0);
  const lines = rows.map((r) => `  ${r.file.padEnd(28)} ${r.score.matched}/${r.score.expected} found, ${r.score.spurious} spurious`);
  console.log(
    `plan-text corpus: recall ${matched}/${expected} = ${((100 * matched) / expected).toFixed(1)} %, spurious ${spurious}/${found} = ${((100 * spurious) / found).toFixed(1)} %\n${lines.join("\n")}`,
  );
  for (const r of rows) if (r.score.misses.length || r.score.extras.length) console.log(r.file, { misses: r.score.misses, extras: r.score.extras.map((e) => e.name) });
  expect(matched / expected).toBeGreaterThanOrEqual(0.95);
  expect(spurious / found).toBeLessThanOrEqual(0.05);
});

it("reads the exact comparator, not only the polarity, on almost every target", () => {
  const exact = rows.reduce((n, r) => n + scoreImport(r.result.indicators, r.expected.indicators, { exactComparator: true, deadline: true }).matched, 0);
  const expected = rows.reduce((n, r) => n + r.score.expected, 0);
  expect(exact / expected).toBeGreaterThanOrEqual(0.95);
});

it.each(rows.map((r) => [r.file, r] as const))("%s: valid plan with the issuer, level and year of the text", (_file, row) => {
  expect(PlanSchema.safeParse(row.result.plan).success).toBe(true);
  if (row.expected.issuer) expect(row.result.plan!.issuer).toBe(row.expected.issuer);
  if (row.expected.level) expect(row.result.plan!.level).toBe(row.expected.level);
  if (row.expected.year) expect(row.result.plan!.year).toBe(row.expected.year);
  for (const ind of row.result.indicators) expect(row.text.slice(ind.span.start, ind.span.end)).toBe(ind.span.text);
});

it("does not repeat a target an introduction already quoted, and does not warn about it", () => {
  const news = rows.find((r) => r.file.startsWith("11-"))!;
  const growth = news.result.indicators.filter((i) => i.target === 12 && i.unit === "%");
  expect(growth).toHaveLength(1);
  expect(growth[0].span.line).toBeGreaterThan(4); // from the list, not from the introduction
  expect(news.result.warnings).toEqual([]);
});

it("gives a heading's deadline to the items under it, and not to the items of the year", () => {
  const plan = rows.find((r) => r.file.startsWith("07-"))!.result.indicators;
  expect(plan.find((i) => i.name.startsWith("Tỷ lệ đô thị hóa"))!.deadlineYear).toBe(2030);
  expect(plan.find((i) => i.name.startsWith("Tốc độ tăng trưởng kinh tế"))!.deadlineYear).toBeNull();
  expect(plan.find((i) => i.name.startsWith("Quy mô nền kinh tế"))!.reasons).toContain("import.reason.deadline-from-heading");
});

it("reads NFD text as NFC and maps spans back to the NFD original", () => {
  const nfd = rows.find((r) => r.file.startsWith("04-"))!;
  expect(nfd.text).not.toBe(nfd.text.normalize("NFC"));
  for (const ind of nfd.result.indicators) expect(ind.name).toBe(ind.name.normalize("NFC"));
  const first = nfd.result.indicators[0];
  expect(first.span.text.normalize("NFC")).toContain("67,192 triệu đồng");
});
