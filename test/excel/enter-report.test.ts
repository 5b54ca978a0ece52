// "Dán báo cáo" through the Excel adapter on the strict fake (excel-addin/src/adapter/enter-report.ts):
// the review is one sync; writing the accepted figures is one read and one write (one read only when
// the core asks first); a figure typed since the review is asked about, never replaced unasked; the
// report's tally is kept in the document state and Check and Summary then carry the tally check.
import { findBuiltInPlan } from "../../shared/catalog";
import { checkSheet } from "../../excel-addin/src/adapter/commands";
import { enterReport, readReport } from "../../excel-addin/src/adapter/enter-report";
import { loadPlan } from "../../excel-addin/src/adapter/load-command";
import { buildSummary } from "../../excel-addin/src/adapter/report-commands";
import { DOCUMENT_SETTING } from "../../excel-addin/src/adapter/workbook-io";
import { createFakeExcel, type FakeExcelHost } from "../fakes/excel";
import { LOAD_REQUEST, readBack } from "./helpers";
import { REPORT, REPORT_FIGURES, REPORT_PLAN_ID } from "../workflow/report-text";

const PLAN = findBuiltInPlan(REPORT_PLAN_ID)!;
const SHEET = "Chỉ tiêu";
const FEATURES = { pageLayout: true };

const syncsOfLast = (fake: FakeExcelHost) => fake.contexts[fake.contexts.length - 1].syncs.length;

async function loaded(): Promise<FakeExcelHost> {
  const fake = createFakeExcel();
  const done = await fake.run((c) => loadPlan(c, { plan: PLAN, ...LOAD_REQUEST }, FEATURES));
  if (!done.ok) throw new Error(done.message);
  return fake;
}

const cellOf = (fake: FakeExcelHost, code: string) => readBack(fake.state, PLAN).entries.find((e) => e.code === code)!.location!.cell!;

test("review in one sync; write in one read + one write; the figures land in the actual column", async () => {
  const fake = await loaded();
  const review = await fake.run((c) => readReport(c, REPORT, "vi"));
  expect(syncsOfLast(fake)).toBe(1);
  if (!review.ok) throw new Error(review.message);
  expect(Object.fromEntries(review.view.rows.map((r) => [r.code, r.figure]))).toEqual(REPORT_FIGURES);
  expect(review.view.rows.find((r) => r.code === "1")!.cell).toBe(cellOf(fake, "1"));
  const figures = review.view.rows.filter((r) => r.accept).map((r) => ({ code: r.code, figure: r.figure! }));
  const written = await fake.run((c) => enterReport(c, { figures, tally: review.view.tallyToStore }, "vi"));
  expect(syncsOfLast(fake)).toBe(2);
  if (!written.ok || written.kind !== "done") throw new Error("not written");
  expect(written.result.cells).toHaveLength(4);
  const back = new Map(readBack(fake.state, PLAN).entries.map((e) => [e.code, e.raw]));
  for (const [code, value] of Object.entries(REPORT_FIGURES)) expect(back.get(code)).toBe(value);
  // The tally is in the document state.
  const state = JSON.parse(String(fake.state.settings.get(DOCUMENT_SETTING)));
  expect(state.reportTally).toMatchObject({ total: 30, achievedOrExceeded: 25 });
});

test("a figure typed since the review: asked (one sync, nothing written), then replaced only when agreed", async () => {
  const fake = await loaded();
  const review = await fake.run((c) => readReport(c, REPORT, "vi"));
  if (!review.ok) throw new Error(review.message);
  const cell8 = cellOf(fake, "8");
  fake.state.typeIn(SHEET, cell8, 300);
  const figures = review.view.rows.filter((r) => r.accept).map((r) => ({ code: r.code, figure: r.figure! }));
  const asked = await fake.run((c) => enterReport(c, { figures, tally: review.view.tallyToStore }, "vi"));
  expect(syncsOfLast(fake)).toBe(1);
  if (!asked.ok || asked.kind !== "ask") throw new Error("not asked");
  expect(asked.question.items).toEqual([{ code: "8", text: `Chỉ tiêu 8 — ô ${cell8}: 300 → 310` }]);
  expect(fake.state.grid(SHEET).flat()).not.toContain(40120);
  const agreed = await fake.run((c) => enterReport(c, { figures, tally: review.view.tallyToStore, answers: { "report-overwrite": true } }, "vi"));
  expect(syncsOfLast(fake)).toBe(2);
  expect(agreed.ok && agreed.kind === "done").toBe(true);
  expect(readBack(fake.state, PLAN).entries.find((e) => e.code === "8")!.raw).toBe(310);
});

test("the kept tally: Check lists it and Summary says it when the figures contradict the report", async () => {
  const fake = await loaded();
  const claim = "Năm 2025, phường hoàn thành 30/30 chỉ tiêu đạt và vượt kế hoạch.\nTỷ lệ người dân tham gia bảo hiểm y tế đạt 90%, không đạt kế hoạch.";
  const review = await fake.run((c) => readReport(c, claim, "vi"));
  if (!review.ok) throw new Error(review.message);
  expect(review.view.tally!.message).toContain("Báo cáo ghi 30/30");
  const figures = review.view.rows.map((r) => ({ code: r.code, figure: r.figure! }));
  await fake.run((c) => enterReport(c, { figures, tally: review.view.tallyToStore }, "vi"));
  const checked = await fake.run((c) => checkSheet(c, "vi"));
  if (!checked.ok) throw new Error(checked.message);
  const finding = checked.findings.find((f) => f.rule === "report-tally")!;
  expect(finding.message).toContain("chỉ tiêu 18");
  const summary = await fake.run((c) => buildSummary(c, "vi", FEATURES, "2025-12-05"));
  if (!summary.ok) throw new Error(summary.message);
  expect(summary.messages).toContain(finding.message);
});
