// The add-ins' "Lập biểu tổng hợp" makes the summary from the figures `chitieu summary` would use:
// the final figure where typed, else the estimate, says which, and lists the statuses the final
// figures changed ("so với số ước, chỉ tiêu 1 chuyển từ Vượt sang Không đạt"), on the message list
// and on the summary sheet. Built from a real seed plan's sheet, with the estimate column filled.
import { findBuiltInPlan } from "../../shared/catalog";
import { defaultSettings, type ActualEntry, type Plan } from "../../shared/model";
import { buildFillInWorkbook } from "../../shared/sheet/fill-in";
import { isFormula } from "../../shared/sheet/types";
import { summaryCommand, type DocumentInfo, type SheetInput } from "../../shared/workflow";

const PLAN = findBuiltInPlan("dong-hai-2025") as Plan;
const SHEET = "Chỉ tiêu";

function sheetInput(entries: ActualEntry[]): SheetInput {
  const settings = defaultSettings(2025);
  const model = buildFillInWorkbook(PLAN, { unit: "Phường Đông Hải", year: 2025, estimate: false, issuer: null, settings, entries, lang: "vi" });
  const sheet = model.sheets.find((s) => s.role === "fill-in")!;
  const grid = sheet.cells.map((row) => row.map((v) => (isFormula(v) ? "" : v)));
  const document: DocumentInfo = { plan: PLAN, unit: "Phường Đông Hải", year: 2025, estimate: false, issuer: null, settings, fillInSheet: SHEET, sheets: {} };
  return { document, fillIn: { sheet: SHEET, grid } };
}

const sheetText = (outcome: ReturnType<typeof summaryCommand>) => {
  const write = outcome.writes.find((w) => w.kind === "sheets");
  if (!write || write.kind !== "sheets") throw new Error("no sheets written");
  return JSON.stringify(write.model.sheets.map((s) => s.cells));
};

describe("the summary's figures: final where typed, else the estimate", () => {
  // Revenue (target 36.692 triệu): estimated 37.000 (Vượt), final 36.000 (Không đạt).
  const entries: ActualEntry[] = [
    { code: "1", raw: 36000, estimate: 37000 },
    { code: "8", raw: null, estimate: 300 },
  ];

  test("the status changes are said and written on the sheet, with which figures were used", () => {
    const outcome = summaryCommand(sheetInput(entries), { date: "2026-01-10" }, "vi");
    expect(outcome.status).toBe("done");
    const report = outcome.result!;
    expect(report.changes).toHaveLength(1);
    expect(report.changes![0]).toContain("chỉ tiêu 1");
    expect(report.changes![0]).toContain("Không đạt");
    expect(report.basis).toBeTruthy();
    const texts = outcome.messages.map((m) => m.text);
    expect(texts).toContain(report.changes![0]);
    expect(texts).toContain(report.basis);
    expect(sheetText(outcome)).toContain(report.changes![0]!.replace(/"/g, '\\"'));
  });

  test("from the estimate: no change list, and the estimate judged", () => {
    const outcome = summaryCommand(sheetInput(entries), { from: "estimate" }, "vi");
    expect(outcome.result!.changes).toEqual([]);
    const latest = summaryCommand(sheetInput(entries), {}, "vi");
    expect(outcome.result!.sentence).not.toBe(latest.result!.sentence);
  });

  test("a sheet with final figures only: no basis line, no changes", () => {
    const outcome = summaryCommand(sheetInput([{ code: "1", raw: 36000 }]), {}, "vi");
    expect(outcome.result!.changes).toEqual([]);
    expect(outcome.result!.basis ?? null).toBeNull();
  });
});
