// Issue 11 §5: a unit opens the template in whatever it has and saves it. The same filled workbook
// re-saved by LibreOffice and by Gnumeric must check, evaluate and consolidate exactly as the
// original, for every seed plan: figures typed as numbers and as text, Đạt/Không đạt words, last
// year's figures, notes and an override with its reason all survive the other program's writer
// (shared strings become inline strings, styles are renumbered, the plan sheet's JSON is re-encoded).
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { builtInPlans } from "../../shared/catalog";
import type { Plan } from "../../shared/model";
import { convertWithLibreOffice } from "../../cli/libreoffice";
import { readXlsxBytes } from "../../xlsx-reader/read";
import { cli, fillActuals, tempDir } from "../cli/support";
import { describeWithEngine, enginePath } from "../support/engines";

const YEAR = 2025;
const plans = builtInPlans();

/** What a clerk types: each kind of entry somewhere in every plan. */
function typed(plan: Plan): { actual: Record<string, unknown>; previous: Record<string, unknown>; note: Record<string, unknown>; override: Record<string, unknown>; reason: Record<string, unknown> } {
  const actual: Record<string, unknown> = {};
  const previous: Record<string, unknown> = {};
  const note: Record<string, unknown> = {};
  const override: Record<string, unknown> = {};
  const reason: Record<string, unknown> = {};
  const ratios = [1.07, 1, 0.93, null, 1.2, 0.5];
  let asText = false;
  plan.indicators.forEach((ind, i) => {
    const ratio = ratios[i % ratios.length];
    if (ind.comparator === null || ratio === null) return;
    if (ind.comparator === "boolean") {
      actual[ind.code] = ratio >= 1 ? "Đạt" : "Không đạt";
      return;
    }
    const base = ind.comparator === "range" ? (ind.targetMin ?? 1) : (ind.target ?? 1) || 1;
    const value = Math.round(base * ratio * 100) / 100;
    // One figure per plan typed as text with a decimal comma, as a pasted figure arrives.
    if (!asText && value % 1 !== 0) {
      actual[ind.code] = String(value).replace(".", ",");
      asText = true;
    } else actual[ind.code] = value;
    if (i % 4 === 0) previous[ind.code] = Math.round(value * 0.9 * 100) / 100;
    if (i % 5 === 1) note[ind.code] = "Số liệu của Chi cục Thống kê";
  });
  const missed = plan.indicators.find((ind) => ind.comparator === ">=" && actual[ind.code] !== undefined && typeof actual[ind.code] === "number" && (actual[ind.code] as number) < (ind.target ?? 0));
  if (missed) {
    override[missed.code] = "Đạt";
    reason[missed.code] = "Chỉ tiêu tỉnh điều chỉnh giữa năm";
  }
  return { actual, previous, note, override, reason };
}

async function fill(path: string, plan: Plan): Promise<void> {
  const t = typed(plan);
  await fillActuals(path, t.actual, `Thực hiện năm ${YEAR}`);
  await fillActuals(path, t.previous, "Thực hiện năm trước");
  await fillActuals(path, t.note, "Ghi chú");
  await fillActuals(path, t.override, "Đánh giá điều chỉnh");
  await fillActuals(path, t.reason, "Giải trình");
}

/** A command's --json output with the file's own name taken out, so copies compare. */
function json(stdout: string, name: string): unknown {
  return JSON.parse(stdout.split(name).join("<file>"));
}

/** Every sheet's values of a workbook the CLI wrote, with the input folder's name taken out. */
function workbookValues(path: string, folder: string): Record<string, unknown[][]> {
  const book = readXlsxBytes(readFileSync(path));
  const out: Record<string, unknown[][]> = {};
  for (const s of book.sheets) out[s.name] = book.grid(s.name).map((row) => row.map((v) => (typeof v === "string" ? v.split(folder).join("<dir>") : v)));
  return out;
}

describeWithEngine(["libreoffice", "gnumeric"], "a filled workbook re-saved by LibreOffice and by Gnumeric reads exactly as the original", () => {
  jest.setTimeout(300_000);
  const tmp = tempDir();
  const dir = (...parts: string[]) => join(tmp.dir, ...parts);
  afterAll(tmp.cleanup);
  const copies = ["libreoffice", "gnumeric"] as const;

  beforeAll(async () => {
    for (const d of ["original", ...copies]) mkdirSync(dir(d));
    for (const plan of plans) {
      for (const unit of ["Phường A", "Phường B"]) {
        const name = `${plan.id}-${unit === "Phường A" ? "a" : "b"}.xlsx`;
        expect((await cli(dir("original"), "template", "--plan", plan.id, "-o", name, "--unit", unit)).code).toBe(0);
        await fill(dir("original", name), unit === "Phường A" ? plan : { ...plan, indicators: [...plan.indicators].reverse() });
      }
    }
    const originals = plans.flatMap((p) => [dir("original", `${p.id}-a.xlsx`), dir("original", `${p.id}-b.xlsx`)]);
    const lo = await convertWithLibreOffice(enginePath("libreoffice"), originals, "xlsx", dir("libreoffice"));
    expect(lo.ok).toBe(true);
    for (const file of originals) {
      execFileSync(enginePath("gnumeric"), [file, join(dir("gnumeric"), file.split("/").pop() as string)], { stdio: "ignore", timeout: 120_000 });
    }
  });

  for (const plan of plans) {
    for (const copy of copies) {
      it(`${plan.id}, re-saved by ${copy}: check and evaluate say exactly what they say of the original`, async () => {
        for (const name of [`${plan.id}-a.xlsx`, `${plan.id}-b.xlsx`]) {
          for (const command of ["check", "evaluate"]) {
            const original = await cli(dir("original"), command, name, "--json");
            const resaved = await cli(dir(copy), command, name, "--json");
            expect(resaved.stderr).toBe(original.stderr);
            expect(resaved.code).toBe(original.code);
            expect(json(resaved.stdout, name)).toEqual(json(original.stdout, name));
          }
        }
        // The typed entries were really there to compare: not a table of blanks on both sides.
        const evaluated = JSON.parse((await cli(dir(copy), "evaluate", `${plan.id}-a.xlsx`, "--json")).stdout) as { indicators: { status: string }[] };
        const statuses = new Set(evaluated.indicators.map((i) => i.status));
        expect(statuses.has("Không đạt") || statuses.has("Đạt") || statuses.has("Vượt")).toBe(true);
      });
    }
  }

  for (const copy of copies) {
    it(`consolidating the ${copy} copies gives the same workbook as consolidating the originals`, async () => {
      const plan = plans[0];
      const inputs = [`${plan.id}-a.xlsx`, `${plan.id}-b.xlsx`];
      const out = `tong-hop-${copy}.xlsx`;
      const original = await cli(dir("original"), "summary", ...inputs, "-o", out);
      const resaved = await cli(dir(copy), "summary", ...inputs, "-o", out);
      // 1 when a unit's figures have errors (they are consolidated and flagged); 2 would be unusable input.
      expect(original.code).toBeLessThan(2);
      expect(resaved.code).toBe(original.code);
      expect(workbookValues(dir(copy, out), dir(copy))).toEqual(workbookValues(dir("original", out), dir("original")));
    });
  }
});
