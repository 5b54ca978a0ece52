// A freshly loaded sheet has a blank for every indicator: the core gives each finding its plan section
// (the plan's own heading, or the top-level indicator of a sub-item) and the pane shows the blanks of
// one section as one line, the same in Excel and Sheets. Seed plans: Kiến An (with sections) and
// Nguyễn Lương Bằng (none, eight indicators with sub-items).
import { findBuiltInPlan } from "../../shared/catalog";
import { defaultSettings, type Finding, type Plan } from "../../shared/model";
import { summarize } from "../../shared/summary";
import { evaluatePlan } from "../../shared/evaluate";
import { sectionsOfPlan } from "../../shared/workflow/finding-sections";
import { checkSheet } from "../../excel-addin/src/adapter/commands";
import { loadPlan } from "../../excel-addin/src/adapter/load-command";
import { findingLines } from "../../ui/findings";
import type { FindingItem } from "../../ui/host-port";
import { createFakeExcel } from "../fakes/excel";
import { buildToTemp, loadRequest, run, sandbox, type Built } from "../gas/support";
import { LOAD_REQUEST } from "../excel/helpers";

const KIEN_AN = findBuiltInPlan("kien-an-2025")!;
const NLB = findBuiltInPlan("nguyen-luong-bang-2025")!;

type SheetsFinding = { severity: "error" | "warning"; rule: string; code: string | null; sheet: string | null; cell: string | null; message: string; section?: string | null };

let built: Built;
beforeAll(async () => {
  built = await buildToTemp();
}, 120_000);

async function excelFindings(plan: Plan): Promise<Finding[]> {
  const fake = createFakeExcel();
  await fake.run((c) => loadPlan(c, { plan, ...LOAD_REQUEST }, { pageLayout: true }));
  const checked = await fake.run((c) => checkSheet(c, "vi"));
  if (!checked.ok) throw new Error(checked.message);
  return checked.findings;
}

function sheetsFindings(plan: Plan): SheetsFinding[] {
  const box = sandbox(built);
  expect(run(box, "loadPlan", loadRequest(plan.id)).ok).toBe(true);
  return run<{ findings: SheetsFinding[] }>(box, "checkFigures", "vi").findings;
}

/** A finding as both hosts' ports hand it to the pane. */
const item = (f: { severity: "error" | "warning"; rule: string; code: string | null; sheet?: string | null; cell?: string | null; message: string; section?: string | null }): FindingItem => ({
  severity: f.severity,
  rule: f.rule,
  code: f.code,
  sheet: f.sheet ?? null,
  cell: f.cell ?? null,
  message: f.message,
  fix: null,
  section: f.section ?? null,
});

test("a plan with sections: the blanks' sections are the summary's sections, one line each, in both hosts", async () => {
  const excel = await excelFindings(KIEN_AN);
  const sheets = sheetsFindings(KIEN_AN);
  const blanks = excel.filter((f) => f.rule === "blank");
  expect(blanks.length).toBeGreaterThan(15);
  // The section labels are the summary's own ("I. Chỉ tiêu kinh tế" …), as the summary sheet prints them.
  const summary = summarize(KIEN_AN, evaluatePlan(KIEN_AN, [], defaultSettings(2025)), defaultSettings(2025));
  const labels = summary.sections.map((s) => s.label);
  expect(labels[0]).toBe("I. Chỉ tiêu kinh tế");
  for (const f of blanks) expect(labels).toContain(f.section);
  // Sub-items go with their top-level indicator's section.
  for (const f of blanks.filter((b) => b.code!.includes("."))) expect(f.section).toBe(blanks.find((b) => b.code === f.code!.split(".")[0])?.section ?? f.section);

  expect(sheets.map((f) => [f.code, f.section])).toEqual(excel.map((f) => [f.code, f.section ?? null]));
  const excelLines = findingLines(excel.map(item), "vi").filter((l) => l.finding.rule === "blank");
  const sheetsLines = findingLines(sheets.map(item), "vi").filter((l) => l.finding.rule === "blank");
  expect(sheetsLines.map((l) => [l.count, l.finding.message])).toEqual(excelLines.map((l) => [l.count, l.finding.message]));
  const sectionsWithBlanks = new Set(blanks.map((f) => f.section));
  expect(excelLines).toHaveLength(sectionsWithBlanks.size);
  expect(excelLines.length).toBeGreaterThan(1);
  expect(excelLines.reduce((n, l) => n + l.count, 0)).toBe(blanks.length);
  const economy = blanks.filter((f) => f.section === "I. Chỉ tiêu kinh tế").map((f) => f.code);
  expect(excelLines[0]!.finding.message).toBe(`I. Chỉ tiêu kinh tế: ${economy.length} chỉ tiêu chưa nhập số liệu (mã ${economy.join(", ")}). Bấm để đến ô đầu tiên.`);
});

test("a plan without sections: the sub-items of one indicator are one line, the other indicators one line", async () => {
  const excel = await excelFindings(NLB);
  const sheets = sheetsFindings(NLB);
  expect(sheets.map((f) => [f.code, f.section])).toEqual(excel.map((f) => [f.code, f.section ?? null]));
  const blanks = excel.filter((f) => f.rule === "blank");
  const parents = new Set(NLB.indicators.filter((i) => i.code.includes(".")).map((i) => i.code.split(".")[0]!));
  for (const f of blanks) {
    const top = f.code!.split(".")[0]!;
    expect(f.section).toBe(parents.has(top) ? `${top}. ${NLB.indicators.find((i) => i.code === top)!.name.replace(/\s*\([^()]*\)/g, "").trim()}` : "");
  }
  const lines = findingLines(excel.map(item), "en").filter((l) => l.finding.rule === "blank");
  const expected = new Set(blanks.map((f) => f.section)).size;
  expect(lines).toHaveLength(expected);
  expect(lines.length).toBeLessThan(blanks.length / 2);
  // The unnamed section says no name; a named one leads with it.
  const unnamed = lines.find((l) => !l.finding.message.includes(": "))!;
  expect(unnamed.finding.message).toMatch(/^\d+ indicators have no figure yet \(codes /);
  for (const section of new Set(blanks.map((f) => f.section).filter(Boolean))) {
    const members = blanks.filter((f) => f.section === section);
    if (members.length > 1) expect(lines.map((l) => l.finding.message)).toContain(`${section}: ${members.length} indicators have no figure yet (codes ${members.map((f) => f.code).join(", ")}). Press to go to the first cell.`);
  }
});

test("the section of each code is the same whichever language, but for the 'other' heading", () => {
  const vi = sectionsOfPlan(KIEN_AN, "vi");
  const en = sectionsOfPlan(KIEN_AN, "en");
  const outside = KIEN_AN.indicators.filter((i) => !i.code.includes(".") && !i.group).map((i) => i.code);
  expect(outside.length).toBeGreaterThan(0);
  for (const code of outside) expect([vi.get(code), en.get(code)]).toEqual([expect.stringMatching(/Chỉ tiêu khác$/), expect.stringMatching(/Other indicators$/)]);
  for (const [code, label] of vi) if (!outside.includes(code.split(".")[0]!)) expect(en.get(code)).toBe(label);
});
