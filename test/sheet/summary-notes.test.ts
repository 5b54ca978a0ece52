// Issue 12 (what a clerk met): the summary's Ghi chú showed the catalog's notes meant for whoever
// edits the plan file ("văn bản in “Tỷ kệ”"). It shows what the unit typed in Ghi chú, the override
// and the amber label, and nothing of the catalog's curation.
import { findBuiltInPlan } from "../../shared/catalog";
import { evaluatePlan } from "../../shared/evaluate";
import { defaultSettings, type ActualEntry } from "../../shared/model";
import { buildSummaryWorkbook, unitNotesOf } from "../../shared/sheet/summary-sheet";
import { summarize } from "../../shared/summary";

test("Đông Hải's summary: the unit's note shows, the catalog's misprint note does not", () => {
  const plan = findBuiltInPlan("dong-hai-2025")!;
  const curated = plan.indicators.filter((ind) => ind.note);
  expect(curated.length).toBeGreaterThan(0);
  const entries: ActualEntry[] = [{ code: "19", raw: 56, note: "Số liệu BHXH quận, 30/11" }];
  const settings = defaultSettings(2025);
  const summary = summarize(plan, evaluatePlan(plan, entries, settings), settings);
  const model = buildSummaryWorkbook(plan, summary, { unitNotes: unitNotesOf(entries) });
  const texts = model.sheets.flatMap((sheet) => sheet.cells.flat().filter((value): value is string => typeof value === "string"));
  expect(texts.some((text) => text.includes("Số liệu BHXH quận, 30/11"))).toBe(true);
  for (const ind of curated) expect(texts.some((text) => text.includes(ind.note as string))).toBe(false);
});

test("unitNotesOf keeps only notes that say something", () => {
  expect(unitNotesOf([{ code: "1", raw: 1, note: "  " }, { code: "2", raw: 2, note: " có " }, { code: "3", raw: null }])).toEqual({ "2": "có" });
});
