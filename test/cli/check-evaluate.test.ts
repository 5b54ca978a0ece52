// `chitieu check` and `chitieu evaluate` on workbooks a user filled in, sorted, extended and
// rearranged: rows are found by the key column "Mã", never by position.
import { join } from "node:path";
import { unlinkSync, writeFileSync } from "node:fs";
import { findBuiltInPlan } from "../../shared/catalog";
import { evaluatePlan } from "../../shared/evaluate";
import { defaultSettings, type ActualEntry } from "../../shared/model";
import { cli, fillActuals, readGrid, rewriteSheet, tableOf, tempDir } from "./support";
import type { Grid } from "../../xlsx-reader/read";

const PLAN_ID = "hai-phong-232-2025";
const plan = findBuiltInPlan(PLAN_ID)!;

/** What a clerk types: numbers, one amount as Vietnamese text, a boolean-free plan. */
const TYPED: Record<string, unknown> = {
  "1": 12.84,
  "1.1": 14.33,
  "1.2": 9.9,
  "4": 170000,
  "4.1": 85000,
  "4.2": 76000,
  "11": 2.1,
  "14": 0.25,
  "20": 5800,
  "21": "10.694",
  "22.1": 96,
  "22.2": 88,
};

function expectedIndicators(typed: Record<string, unknown>) {
  const entries: ActualEntry[] = Object.entries(typed).map(([code, raw]) => ({ code, raw }));
  return evaluatePlan(plan, entries, defaultSettings(plan.year)).map((e) => ({
    code: e.code,
    target: e.indicator.comparator === "range" ? (e.indicator.targetMin ?? null) : e.indicator.target,
    actual: e.actual,
    percent: e.percent,
    status: e.status,
  }));
}

describe("check and evaluate on filled workbooks", () => {
  const tmp = tempDir();
  const file = (name: string) => join(tmp.dir, name);
  afterAll(tmp.cleanup);

  beforeAll(async () => {
    expect((await cli(tmp.dir, "template", "--plan", PLAN_ID, "-o", "filled.xlsx", "--unit", "Phường Lê Chân")).code).toBe(0);
    await fillActuals(file("filled.xlsx"), TYPED);
  });

  it("evaluate --json prints exactly the contract of cli.md, as the core computes it", async () => {
    const run = await cli(tmp.dir, "evaluate", "filled.xlsx", "--json");
    expect(run.stderr).toBe("");
    const out = JSON.parse(run.stdout);
    expect(Object.keys(out)).toEqual(["indicators"]);
    for (const row of out.indicators) expect(Object.keys(row)).toEqual(["code", "target", "actual", "percent", "status"]);
    expect(out.indicators).toEqual(expectedIndicators(TYPED));
    const byCode = new Map(out.indicators.map((r: { code: string }) => [r.code, r]));
    expect(byCode.get("11")).toMatchObject({ actual: 2.1, status: "Vượt" });
    expect(byCode.get("1.2")).toMatchObject({ status: "Không đạt" });
    expect(byCode.get("21")).toMatchObject({ actual: 10694, status: "Đạt" });
    expect(byCode.get("2")).toMatchObject({ actual: null, percent: null, status: "Chưa có số liệu" });
    expect(run.code).toBe(0);
  });

  it("check prints each finding with its file and cell, and --json the findings array", async () => {
    const text = await cli(tmp.dir, "check", "filled.xlsx");
    expect(text.code).toBe(0);
    const grid = readGrid(file("filled.xlsx"));
    const table = tableOf(grid);
    const cell21 = `${String.fromCharCode(65 + table.col("Thực hiện năm 2025"))}${table.rowOf("21") + 1}`;
    expect(text.stdout).toMatch(new RegExp(`^filled\\.xlsx!'Chỉ tiêu'!${cell21}: Cảnh báo: .*10\\.694`, "m"));
    const json = await cli(tmp.dir, "check", "filled.xlsx", "--json");
    const findings = JSON.parse(json.stdout);
    expect(Array.isArray(findings)).toBe(true);
    const asText = findings.find((f: { rule: string }) => f.rule === "number-as-text");
    expect(asText).toMatchObject({ file: "filled.xlsx", severity: "warning", code: "21", sheet: "Chỉ tiêu", cell: cell21, fix: { value: 10694 } });
    for (const f of findings) expect(Object.keys(f)).toEqual(expect.arrayContaining(["file", "severity", "rule", "code", "message"]));
    expect(findings.filter((f: { rule: string }) => f.rule === "blank").length).toBe(plan.indicators.filter((i) => i.comparator !== null).length - Object.keys(TYPED).length);
  });

  it("reads right after the user sorts rows, inserts a row and moves a column", async () => {
    await rewriteSheet(file("filled.xlsx"), file("rearranged.xlsx"), (grid: Grid) => {
      const table = tableOf(grid);
      const head = grid.slice(0, table.headerRow + 1);
      const body = grid.slice(table.headerRow + 1).filter((r) => r && r.length);
      const codeCol = table.col("Mã");
      // Sorted by code, descending as text; a blank row and a row of the user's own in between.
      body.sort((a, b) => String(b[codeCol]).localeCompare(String(a[codeCol])));
      body.splice(5, 0, [], [null, null, "Ghi chú riêng của đơn vị: số liệu ước đến 30/11"]);
      const moved = [...head, ...body].map((row) => {
        const copy = [...(row ?? [])];
        const actualCol = table.col("Thực hiện năm 2025");
        const [actual] = copy.splice(actualCol, 1);
        copy.splice(actualCol, 0, null); // the old place left empty
        copy[30] = actual ?? null; // the actual column moved to AE
        return copy.map((v) => (v === undefined ? null : v));
      });
      return moved;
    });
    const grid = readGrid(file("rearranged.xlsx"));
    const table = tableOf(grid);
    expect(table.col("Thực hiện năm 2025")).toBe(30);
    const run = await cli(tmp.dir, "evaluate", "rearranged.xlsx", "--json");
    expect(run.stderr).toBe("");
    expect(JSON.parse(run.stdout).indicators).toEqual(expectedIndicators(TYPED));
    const check = JSON.parse((await cli(tmp.dir, "check", "rearranged.xlsx", "--json")).stdout);
    const asText = check.find((f: { rule: string }) => f.rule === "number-as-text");
    expect(asText.cell).toBe(`AE${table.rowOf("21") + 1}`);
  });

  it("works on a workbook made from a plan file that is no longer there", async () => {
    const own = { ...findBuiltInPlan("do-son-2025")!, id: "ke-hoach-rieng-cua-phuong" };
    writeFileSync(file("rieng.json"), JSON.stringify(own));
    expect((await cli(tmp.dir, "template", "--plan", "rieng.json", "-o", "rieng.xlsx")).code).toBe(0);
    unlinkSync(file("rieng.json"));
    await fillActuals(file("rieng.xlsx"), { [own.indicators[0].code]: 1 });
    const run = await cli(tmp.dir, "evaluate", "rieng.xlsx", "--json", "--lang", "en");
    expect(run.stderr).toBe("");
    const rows = JSON.parse(run.stdout).indicators;
    expect(rows.map((r: { code: string }) => r.code)).toEqual(own.indicators.map((i) => i.code));
    expect(rows[0].actual).toBe(1);
  });
});
