// "Xuất báo cáo Word" in the Excel pane makes the same document as `chitieu report`: the same seed
// plan, unit and figures (with a Ghi chú and an override with its Giải trình) typed into the strict
// Excel fake on one side and into the .xlsx the CLI's template wrote on the other; the text of
// word/document.xml (every w:t, in order) is the same, and the pane's command takes one request.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { findBuiltInPlan } from "../../shared/catalog";
import type { Plan } from "../../shared/model";
import { loadPlan } from "../../excel-addin/src/adapter/load-command";
import { buildWordReport } from "../../excel-addin/src/adapter/word-report-command";
import { reportBytes } from "../../docx-writer/browser";
import { createFakeExcel, columnLetters } from "../fakes/excel";
import { LOAD_REQUEST, readBack } from "../excel/helpers";
import { cli, fillActuals, tempDir } from "../cli/support";

const PLAN = findBuiltInPlan("dong-hai-2025") as Plan;
const FIGURES: Record<string, number> = { "1": 38000, "1.1": 11000, "1.2": 9500, "2": 100, "3": 85, "4": 100, "7": 99, "9": 18.2, "14": 0.8, "18": 96 };
const NOTE = { code: "3", text: "Khu tái định cư chưa được phát thùng phân loại rác" };
const OVERRIDE = { code: "18", status: "Đạt", reason: "Số liệu BHXH chốt ngày 30/11, chưa tính tháng 12" };

/** The document's text as Word shows it: every w:t, in order, one per line. */
function documentText(docx: Uint8Array): string {
  const xml = strFromU8(unzipSync(docx)["word/document.xml"]!);
  return [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join("\n");
}

describe("the pane's Word report is the CLI's", () => {
  const tmp = tempDir();
  afterAll(tmp.cleanup);

  it("same plan, unit and figures: the same document.xml text; the model in one request", async () => {
    // The pane: the plan loaded into the Excel fake, the figures typed into the indicator sheet.
    const fake = createFakeExcel();
    const loaded = await fake.run((context) => loadPlan(context, { plan: PLAN, ...LOAD_REQUEST }, { pageLayout: true }));
    if (!loaded.ok) throw new Error(loaded.message);
    const reading = readBack(fake.state, PLAN);
    const cell = (code: string, key: "actual" | "note" | "override" | "overrideReason") => `${columnLetters(reading.layout!.columns[key]!)}${reading.rowsByCode.get(code)! + 1}`;
    for (const [code, value] of Object.entries(FIGURES)) fake.state.typeIn("Chỉ tiêu", cell(code, "actual"), value);
    fake.state.typeIn("Chỉ tiêu", cell(NOTE.code, "note"), NOTE.text);
    fake.state.typeIn("Chỉ tiêu", cell(OVERRIDE.code, "override"), OVERRIDE.status);
    fake.state.typeIn("Chỉ tiêu", cell(OVERRIDE.code, "overrideReason"), OVERRIDE.reason);
    const made = await fake.run((context) => buildWordReport(context, "vi"));
    if (!made.ok) throw new Error(made.message);
    expect(fake.contexts[fake.contexts.length - 1]!.syncs.length).toBe(1);
    expect(made.fileName).toBe("bao-cao-phuong-dong-hai-2025.docx");
    const pane = documentText(await reportBytes(made.document, "vi"));

    // The CLI: its template for the same plan and unit, the same figures, `chitieu report`.
    expect((await cli(tmp.dir, "template", "--plan", "dong-hai-2025", "-o", "dh.xlsx", "--unit", LOAD_REQUEST.unit)).code).toBe(0);
    const file = join(tmp.dir, "dh.xlsx");
    await fillActuals(file, FIGURES);
    await fillActuals(file, { [NOTE.code]: NOTE.text }, "Ghi chú");
    await fillActuals(file, { [OVERRIDE.code]: OVERRIDE.status }, "Đánh giá điều chỉnh");
    await fillActuals(file, { [OVERRIDE.code]: OVERRIDE.reason }, "Giải trình");
    const run = await cli(tmp.dir, "report", "dh.xlsx", "-o", "bao-cao.docx");
    expect(run.code).toBeLessThanOrEqual(1);
    const fromCli = documentText(new Uint8Array(readFileSync(join(tmp.dir, "bao-cao.docx"))));

    // What a reader checks first is there, then the whole text is the same.
    expect(pane).toContain("BÁO CÁO");
    expect(pane).toContain("Kết quả thực hiện các chỉ tiêu thi đua năm 2025");
    expect(pane).toContain(NOTE.text);
    expect(pane).toContain(OVERRIDE.reason);
    expect(pane.split("\n").length).toBeGreaterThan(100);
    expect(pane).toBe(fromCli);
  }, 120_000);
});
