// "Dán báo cáo" through the Sheets bundle on its fakes (gas-addon/src/server/commands/enter-report.ts):
// the review writes nothing (no flush of writes); writing the accepted figures sends them in one
// flush; a figure typed since the review is asked about and nothing is written; the report's tally
// is kept with the document's properties and Check and Summary carry the tally check.
import { findBuiltInPlan } from "../../shared/catalog";
import { readFillInSheet } from "../../shared/sheet/read-back";
import type { GasSandbox } from "../fakes/gas/sandbox";
import { buildToTemp, columnOf, FILL_IN, loadRequest, rowOfCode, run, sandbox, userTypes, type Built } from "./support";
import { a1Of } from "../fakes/gas/spreadsheet";
import { REPORT, REPORT_FIGURES, REPORT_PLAN_ID } from "../workflow/report-text";
import type { ReportReviewView } from "../../shared/workflow/enter-report";

const PLAN = findBuiltInPlan(REPORT_PLAN_ID)!;

let built: Built;
beforeAll(async () => {
  built = await buildToTemp();
}, 120_000);

function loaded(): GasSandbox {
  const box = sandbox(built);
  const done = run(box, "loadPlan", loadRequest(REPORT_PLAN_ID));
  if (!done.ok) throw new Error(done.message);
  return box;
}

function figuresOnSheet(box: GasSandbox): Map<string, unknown> {
  const sheet = box.world.active.sheet(FILL_IN);
  const { lastRow, lastCol } = sheet.extent();
  const grid = Array.from({ length: lastRow }, (_, r) => Array.from({ length: lastCol }, (_, c) => sheet.peek(r, c).value ?? ""));
  return new Map(readFillInSheet(grid, FILL_IN, { plan: PLAN }).entries.map((e) => [e.code, e.raw]));
}

type Review = { view: ReportReviewView; messages: string[] };
type Entered = { kind: "done"; result: { cells: string[] }; messages: string[] } | { kind: "ask"; question: { items: { code: string; text: string }[] } };

test("review writes nothing; the accepted figures go in one flush; the tally is kept in the properties", () => {
  const box = loaded();
  box.world.log.reset();
  const review = run<Review>(box, "readReport", REPORT, "vi");
  expect(review.ok).toBe(true);
  expect(box.world.log.flushes).toBe(0);
  expect(Object.fromEntries(review.view.rows.map((r) => [r.code, r.figure]))).toEqual(REPORT_FIGURES);
  const figures = review.view.rows.filter((r) => r.accept).map((r) => ({ code: r.code, figure: r.figure! }));
  box.world.log.reset();
  const entered = run<Entered>(box, "enterReport", { figures, tally: review.view.tallyToStore }, "vi");
  expect(box.world.log.flushes).toBe(1);
  if (!entered.ok || entered.kind !== "done") throw new Error(entered.message ?? "asked");
  expect(entered.result.cells).toHaveLength(4);
  const back = figuresOnSheet(box);
  for (const [code, value] of Object.entries(REPORT_FIGURES)) expect(back.get(code)).toBe(value);
  const stored = [...box.world.documentProperties.data.entries()].filter(([k]) => k.startsWith("chitieu.info.")).sort().map(([, v]) => v);
  expect(stored.join("")).toContain('"reportTally":{"total":30,"achievedOrExceeded":25');
});

test("a figure typed since the review: asked, nothing written (no flush); replaced when agreed", () => {
  const box = loaded();
  const review = run<Review>(box, "readReport", REPORT, "vi");
  const sheet = box.world.active.sheet(FILL_IN);
  const row = rowOfCode(sheet, "8");
  userTypes(sheet, row, columnOf("actual"), 300);
  const figures = review.view.rows.filter((r) => r.accept).map((r) => ({ code: r.code, figure: r.figure! }));
  box.world.log.reset();
  const asked = run<Entered>(box, "enterReport", { figures, tally: review.view.tallyToStore }, "vi");
  expect(box.world.log.flushes).toBe(0);
  if (!asked.ok || asked.kind !== "ask") throw new Error("not asked");
  expect(asked.question.items).toEqual([{ code: "8", text: `Chỉ tiêu 8 — ô ${a1Of(row, columnOf("actual"))}: 300 → 310` }]);
  expect(figuresOnSheet(box).get("1")).toBeNull();
  box.world.log.reset();
  const agreed = run<Entered>(box, "enterReport", { figures, tally: review.view.tallyToStore, answers: { "report-overwrite": true } }, "vi");
  expect(box.world.log.flushes).toBe(1);
  expect(agreed.ok && agreed.kind === "done").toBe(true);
  expect(figuresOnSheet(box).get("8")).toBe(310);
});

test("the kept tally: Check lists it and Summary says it when the figures contradict the report", () => {
  const box = loaded();
  const claim = "Năm 2025, phường hoàn thành 30/30 chỉ tiêu đạt và vượt kế hoạch.\nTỷ lệ người dân tham gia bảo hiểm y tế đạt 90%, không đạt kế hoạch.";
  const review = run<Review>(box, "readReport", claim, "vi");
  run(box, "enterReport", { figures: review.view.rows.map((r) => ({ code: r.code, figure: r.figure })), tally: review.view.tallyToStore }, "vi");
  const checked = run<{ findings: { rule: string; message: string }[] }>(box, "checkFigures", "vi");
  const finding = checked.findings.find((f) => f.rule === "report-tally")!;
  expect(finding.message).toContain("chỉ tiêu 18");
  const summary = run<{ message: string }>(box, "buildSummary", "vi");
  expect(summary.message).toContain(finding.message);
});
