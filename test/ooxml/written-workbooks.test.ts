// Every workbook the project writes passes the ECMA-376 schemas (after markup compatibility) and
// the checks Excel makes on open, for every built-in plan: the template (also with --estimate and
// a password), the filled example, the unit's summary, and the consolidation in both layouts (a
// handful of units as the matrix, more than MATRIX_MAX_UNITS as rows with the long table).
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { builtInPlans } from "../../shared/catalog";
import type { Plan } from "../../shared/model";
import { MATRIX_MAX_UNITS } from "../../shared/sheet/consolidation-sheet";
import { fillInWorkbookBytes } from "../../cli/commands/template";
import { exampleEntries } from "../../cli/demo-data";
import { describeWithEngine, enginePath } from "../support/engines";
import { formatProblems, validateOoxmlPackages } from "../support/ooxml-validate";
import { cli, tempDir } from "../cli/support";
import { readFileSync } from "node:fs";

describeWithEngine(["xmllint"], "every written workbook opens in Excel without repair (schemas and cross-part checks)", () => {
  const { dir, cleanup } = tempDir();
  afterAll(cleanup);
  const packages = new Map<string, Uint8Array>();
  let results: Map<string, ReturnType<typeof validateOoxmlPackages> extends Map<string, infer P> ? P : never>;

  async function unitFiles(plan: Plan, count: number): Promise<string[]> {
    const files: string[] = [];
    for (let i = 0; i < count; i++) {
      const file = join(dir, `${plan.id}-don-vi-${i + 1}.xlsx`);
      writeFileSync(file, await fillInWorkbookBytes(plan, { unit: `Phường ${i + 1}`, lang: "vi", entries: exampleEntries(plan, i + 1) }));
      files.push(file);
    }
    return files;
  }

  beforeAll(async () => {
    for (const plan of builtInPlans()) {
      packages.set(`${plan.id}: template`, await fillInWorkbookBytes(plan, { unit: "Phường Đông Hải", lang: "vi" }));
      packages.set(`${plan.id}: template --estimate --password`, await fillInWorkbookBytes(plan, { unit: "Phường Đông Hải", lang: "en", estimate: true, password: "mật khẩu" }));
      const filled = join(dir, `${plan.id}-filled.xlsx`);
      writeFileSync(filled, await fillInWorkbookBytes(plan, { unit: "Phường Đông Hải", lang: "vi", entries: exampleEntries(plan, 0) }));
      packages.set(`${plan.id}: filled example`, new Uint8Array(readFileSync(filled)));

      const summary = join(dir, `${plan.id}-summary.xlsx`);
      const one = await cli(dir, "summary", filled, "-o", summary);
      expect(one.code === 0 || one.code === 1).toBe(true);
      packages.set(`${plan.id}: summary`, new Uint8Array(readFileSync(summary)));

      const units = await unitFiles(plan, MATRIX_MAX_UNITS + 1);
      const matrix = join(dir, `${plan.id}-matrix.xlsx`);
      expect((await cli(dir, "summary", ...units.slice(0, 3), "-o", matrix)).code).toBeLessThan(2);
      packages.set(`${plan.id}: consolidation (matrix)`, new Uint8Array(readFileSync(matrix)));
      const rows = join(dir, `${plan.id}-rows.xlsx`);
      expect((await cli(dir, "summary", ...units, "-o", rows)).code).toBeLessThan(2);
      packages.set(`${plan.id}: consolidation (rows)`, new Uint8Array(readFileSync(rows)));
    }
    results = validateOoxmlPackages(packages, { xmllint: enginePath("xmllint") });
  }, 300000);

  test("six workbooks were written for each built-in plan", () => {
    expect(builtInPlans().length).toBeGreaterThanOrEqual(5);
    expect(packages.size).toBe(builtInPlans().length * 6);
  });

  test.each(builtInPlans().flatMap((plan) => ["template", "template --estimate --password", "filled example", "summary", "consolidation (matrix)", "consolidation (rows)"].map((kind) => `${plan.id}: ${kind}`)))(
    "%s: every part valid",
    (key) => {
      const problems = results.get(key);
      expect(problems).toBeDefined();
      expect(formatProblems(problems ?? [])).toBe("");
    },
  );
});
