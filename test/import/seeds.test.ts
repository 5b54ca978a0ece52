// Each seed document, imported from its text, against the built-in catalog curated by hand.
import { readFileSync } from "node:fs";
import { findBuiltInPlan } from "../../shared/catalog";
import { PlanSchema } from "../../shared/model";
import { importPlanText } from "../../shared/import";
import { scoreImport } from "./score";

const SEEDS: [id: string, file: string, level: string][] = [
  ["hai-phong-232-2025", "003_a61cb8ce684c88c5.txt", "tinh"],
  ["do-son-2025", "000_63148cbb9db62063.txt", "huyen"],
  ["dong-hai-2025", "001_0301f76b167d4b03.txt", "xa"],
  ["kien-an-2025", "002_7a297305dc3e1c39.txt", "xa"],
  ["nguyen-luong-bang-2025", "004_e951dc7204da764b.txt", "xa"],
];

describe.each(SEEDS)("seed %s", (id, file, level) => {
  const text = readFileSync(`/work/shared/seeds/${file}`, "utf8");
  const result = importPlanText(text, { source: file });
  const catalog = findBuiltInPlan(id)!;

  it("finds every catalog target with the same value, comparator, unit and deadline", () => {
    const score = scoreImport(result.indicators, catalog.indicators, { exactComparator: true, deadline: true });
    console.log(`${id}: ${score.matched}/${score.expected} targets found, ${score.spurious} extra`);
    expect(score.misses).toEqual([]);
    expect(score.extras.map((e) => `${e.code} ${e.name}`)).toEqual([]);
  });

  it("keeps the catalog's headings and builds a valid plan with the issuer, level and year", () => {
    const headings = (inds: { comparator: unknown }[]) => inds.filter((i) => i.comparator === null).length;
    expect(headings(result.indicators)).toBe(headings(catalog.indicators));
    expect(PlanSchema.safeParse(result.plan).success).toBe(true);
    expect(result.plan!.year).toBe(2025);
    expect(result.plan!.level).toBe(level);
    expect(result.plan!.source).toBe(file);
    expect(result.meta.detectedIssuer?.normalize("NFC")).toMatch(/^UBND /);
  });

  it("points each indicator at the text it came from", () => {
    for (const ind of result.indicators) {
      expect(ind.confidence).toBeGreaterThan(0);
      expect(ind.confidence).toBeLessThanOrEqual(1);
      expect(text.slice(ind.span.start, ind.span.end)).toBe(ind.span.text);
      const line = text.slice(0, ind.span.start).split("\n").length;
      expect(ind.span.line).toBe(line);
    }
  });
});

it("reads the issuers as the documents name them", () => {
  const issuer = (file: string) => importPlanText(readFileSync(`/work/shared/seeds/${file}`, "utf8")).plan?.issuer;
  expect(issuer("003_a61cb8ce684c88c5.txt")).toBe("UBND thành phố Hải Phòng");
  expect(issuer("000_63148cbb9db62063.txt")).toBe("UBND quận Đồ Sơn");
  expect(issuer("001_0301f76b167d4b03.txt")).toBe("UBND phường Đông Hải");
  expect(issuer("004_e951dc7204da764b.txt")).toBe("UBND xã Nguyễn Lương Bằng");
});
