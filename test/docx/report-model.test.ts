// The report's content model (shared/report-doc/), on the built-in seed plans with real entries:
// what a report writer checks in the Decree 30 document before signing it.
import { findBuiltInPlan } from "../../shared/catalog";
import { consolidate, type ConsolidationInput } from "../../shared/consolidate";
import { evaluatePlan } from "../../shared/evaluate";
import { defaultSettings, type ActualEntry, type Plan } from "../../shared/model";
import { buildConsolidationReport } from "../../shared/report-doc/consolidation-report";
import { documentText, type Block, type ReportDocument } from "../../shared/report-doc/model";
import { buildUnitReport } from "../../shared/report-doc/unit-report";
import { summarize } from "../../shared/summary";

function plan(id: string): Plan {
  const found = findBuiltInPlan(id);
  if (!found) throw new Error(`no plan ${id}`);
  return found;
}

const DONG_HAI = plan("dong-hai-2025");
const ACTUALS: Record<string, unknown> = { "1": 38000, "1.1": 11000, "1.2": 9500, "2": 100, "3": 85, "7": 99, "14": 0.8, "15": 12.5, "17.1": 4.5, "17.2": 8, "18": 96, "20": 25 };

function entries(values: Record<string, unknown>, extra: Partial<Record<string, Partial<ActualEntry>>> = {}): ActualEntry[] {
  return Object.entries(values).map(([code, raw]) => ({ code, raw, ...(extra[code] ?? {}) }));
}

function unitReport(lang: "vi" | "en" = "vi"): { doc: ReportDocument; sentence: string } {
  const settings = defaultSettings(2025, { lang });
  const list = entries(ACTUALS, { "18": { override: { status: "Đạt", reason: "Số liệu BHXH chốt ngày 30/11, chưa tính tháng 12" } } });
  const summary = summarize(DONG_HAI, evaluatePlan(DONG_HAI, list, settings), settings);
  const doc = buildUnitReport(DONG_HAI, summary, { unit: "Phường Đông Hải", notes: { "3": "Khu tái định cư chưa được phát thùng phân loại rác" }, lang });
  return { doc, sentence: summary.sentence };
}

function paragraphs(blocks: Block[]): string[] {
  // An item is printed after "- ", as the renderer writes it.
  return blocks.flatMap((b) => (b.kind === "paragraph" ? [b.runs.map((r) => r.text).join("")] : b.kind === "item" ? ["- " + b.runs.map((r) => r.text).join("")] : b.kind === "heading" ? [b.text] : []));
}

/** The blocks under a heading, up to the next one. */
function partUnder(doc: ReportDocument, heading: RegExp): string[] {
  const start = doc.body.findIndex((b) => b.kind === "heading" && heading.test(b.text));
  expect(start).toBeGreaterThanOrEqual(0);
  const rest = doc.body.slice(start + 1);
  const end = rest.findIndex((b) => b.kind === "heading");
  return paragraphs(end < 0 ? rest : rest.slice(0, end));
}

describe("the unit report's content", () => {
  const { doc, sentence } = unitReport();

  it("has the Decree 30 header block, number line, place and date, and the title", () => {
    expect(doc.header).toEqual({
      issuerParent: "ỦY BAN NHÂN DÂN",
      issuer: "PHƯỜNG ĐÔNG HẢI",
      nation: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      motto: "Độc lập - Tự do - Hạnh phúc",
      numberLine: expect.stringMatching(/^Số:\s+\/BC-UBND$/),
      placeDate: "Đông Hải, ngày      tháng      năm 2025",
    });
    expect(doc.title).toEqual({ kind: "BÁO CÁO", summary: "Kết quả thực hiện các chỉ tiêu thi đua năm 2025" });
    expect(doc.signature).toEqual({ authority: "TM. ỦY BAN NHÂN DÂN", position: "CHỦ TỊCH", name: "" });
    expect(doc.recipients.label).toBe("Nơi nhận:");
    expect(doc.recipients.lines[doc.recipients.lines.length - 1]).toBe("- Lưu: VT.");
  });

  it("opens with the plan it answers, naming the unit once when the plan is its own", () => {
    const intro = paragraphs(doc.body)[0]!;
    expect(intro).toBe(`Thực hiện ${DONG_HAI.title}, UBND phường Đông Hải báo cáo kết quả thực hiện các chỉ tiêu thi đua năm 2025 như sau:`);
    const settings = defaultSettings(2025);
    const summary = summarize(DONG_HAI, evaluatePlan(DONG_HAI, entries(ACTUALS), settings), settings);
    const other = buildUnitReport(DONG_HAI, summary, { unit: "Tổ dân phố 5" });
    expect(paragraphs(other.body)[0]).toBe(`Thực hiện ${DONG_HAI.title} của ${DONG_HAI.issuer}, UBND Tổ dân phố 5 báo cáo kết quả thực hiện các chỉ tiêu thi đua năm 2025 như sau:`);
  });

  it("carries the summary's sentence and the counts under I", () => {
    const part = partUnder(doc, /^I\. KẾT QUẢ CHUNG/);
    expect(part[0]).toBe(sentence);
    expect(sentence).toMatch(/^Có \d+\/\d+ chỉ tiêu đạt và vượt kế hoạch/);
    expect(part[1]).toMatch(/^Trong \d+ chỉ tiêu đến hạn đánh giá: \d+ chỉ tiêu vượt, \d+ chỉ tiêu đạt, \d+ chỉ tiêu không đạt/);
    expect(doc.body.filter((b) => b.kind === "chart").map((b) => (b.kind === "chart" ? b.chart.kind : ""))).toEqual(["counts", "completion"]);
  });

  it("lists each indicator exceeded with its figures, and each one missed with its giải trình (dotted when none was given)", () => {
    const exceeded = partUnder(doc, /^II\./);
    expect(exceeded).toContain("- 1. Thu ngân sách nhà nước trên địa bàn: kế hoạch 36.692 triệu đồng; thực hiện 38.000 triệu đồng, đạt 103,6% kế hoạch.");
    expect(exceeded.some((p) => p.startsWith("- 14. Tỷ lệ tăng dân số tự nhiên: kế hoạch không quá 0,83%; thực hiện 0,8%"))).toBe(true);
    // A heading judged from its sub-items gives their figures.
    expect(exceeded.find((p) => p.startsWith("- 17."))).toMatch(/chiều cao kế hoạch không quá 4,8%; thực hiện 4,5%.*; cân nặng kế hoạch không quá 8,4%; thực hiện 8%/);
    const missed = partUnder(doc, /^III\./);
    const at = (code: string) => missed.findIndex((p) => p.startsWith(`- ${code}. `));
    expect(missed[at("3") + 1]).toBe("Giải trình: Khu tái định cư chưa được phát thùng phân loại rác");
    expect(missed[at("7")]).toMatch(/đạt 99% kế hoạch \(gần đạt\)\.$/);
    expect(missed[at("7") + 1]).toMatch(/^Giải trình: …+$/);
  });

  it("names the indicators without data, and the override with the computed status and why", () => {
    const pending = partUnder(doc, /^IV\./);
    expect(pending[0]).toMatch(/^- Chưa có số liệu: 4\. .*; 5\. /);
    const overrides = partUnder(doc, /^V\. CÁC CHỈ TIÊU ĐƯỢC ĐIỀU CHỈNH/);
    expect(overrides).toEqual(['- 18. Tỷ lệ người dân tham gia bảo hiểm y tế: theo quy tắc là "Không đạt", được điều chỉnh thành "Đạt". Lý do: Số liệu BHXH chốt ngày 30/11, chưa tính tháng 12']);
  });

  it("has the results table as the appendix: one row per indicator, the sheet's headers, statuses shaded", () => {
    const table = doc.appendix.table;
    expect(doc.appendix.title).toBe("PHỤ LỤC");
    expect(table.header).toEqual(["STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch năm 2025", "Thực hiện năm 2025", "Tỷ lệ TH/KH (%)", "Đánh giá", "Ghi chú"]);
    expect(table.rows).toHaveLength(DONG_HAI.indicators.length);
    const row1 = table.rows[0]!;
    expect(row1.map((c) => c.text).slice(0, 7)).toEqual(["1", "Thu ngân sách nhà nước trên địa bàn", "triệu đồng", "36.692", "38.000", "103,6", "Vượt"]);
    expect(row1[6]!.fill).toBe("C6EFCE");
    const row3 = table.rows.find((r) => r[0]!.text === "3")!;
    expect([row3[6]!.text, row3[6]!.fill]).toEqual(["Không đạt", "FFC7CE"]);
    expect(table.rows.find((r) => r[0]!.text === "18")![7]!.text).toMatch(/^Điều chỉnh: Đạt — giải trình: Số liệu BHXH/);
  });

  it("puts the plan's sections as spanning rows of the appendix where the plan has them", () => {
    const kienAn = plan("kien-an-2025");
    const settings = defaultSettings(2025);
    const summary = summarize(kienAn, evaluatePlan(kienAn, entries({ "1": 13 }), settings), settings);
    const rows = buildUnitReport(kienAn, summary).appendix.table.rows;
    const sections = rows.filter((r) => r.length === 2 && r[1]!.span === 7);
    expect(sections.length).toBe(summary.sections.length);
    expect(sections[0]![0]!.text).toBe("I");
    expect(sections.map((r) => r[1]!.text)).toEqual(summary.sections.map((x) => x.label.replace(/^[IVX]+\. /, "")));
    expect(rows).toHaveLength(kienAn.indicators.length + summary.sections.length);
  });

  it("is written in English with --lang en, figures in English notation", () => {
    const en = unitReport("en").doc;
    expect(en.title).toEqual({ kind: "REPORT", summary: "Results of the emulation indicators, year 2025" });
    expect(en.header.nation).toBe("SOCIALIST REPUBLIC OF VIET NAM");
    const text = documentText(en).join("\n");
    expect(text).toContain("target 36,692 triệu đồng; actual 38,000 triệu đồng, 103.6% of the target.");
    expect(text).not.toMatch(/Giải trình|Nơi nhận|kế hoạch \d/);
  });

  it("writes a six-month report's title from the period, and a known date in full with leading zeros", () => {
    const settings = defaultSettings(2025, { period: "6-thang" });
    const summary = summarize(DONG_HAI, evaluatePlan(DONG_HAI, entries(ACTUALS), settings), settings);
    const doc6 = buildUnitReport(DONG_HAI, summary, { unit: "Phường Đông Hải", period: "6-thang", date: "2025-02-05" });
    expect(doc6.title.summary).toBe("Kết quả thực hiện các chỉ tiêu thi đua 6 tháng đầu năm 2025");
    expect(doc6.header.placeDate).toBe("Đông Hải, ngày 05 tháng 02 năm 2025");
  });
});

describe("the consolidated report's content", () => {
  const hp = plan("hai-phong-232-2025");
  const settings = defaultSettings(2025);
  const unit = (name: string, values: Record<string, unknown>): ConsolidationInput => ({ unit: name, file: `${name}.xlsx`, plan: hp, evaluations: evaluatePlan(hp, entries(values), settings), findings: [] });
  const result = consolidate(
    [
      unit("Phường Hồng Bàng", { "1": 13, "2": 7400, "3": 17, "4": 170000, "11": 2.2 }),
      { file: "hong.xlsx", reason: "hong.xlsx: tệp không phải .xlsx." },
      unit("Phường Ngô Quyền", { "1": 11, "2": 7000, "3": 16.8, "4": 160000, "11": 2.6 }),
      unit("Xã An Lão", { "1": 12.35, "3": 18 }),
    ],
    settings,
  );
  const doc = buildConsolidationReport(result, { unit: "Thành phố Hải Phòng", given: 4 });

  it("names the collecting office and says how many units were used", () => {
    expect(doc.header.issuer).toBe("THÀNH PHỐ HẢI PHÒNG");
    expect(doc.title.summary).toBe("Tổng hợp kết quả thực hiện các chỉ tiêu thi đua năm 2025 của các đơn vị");
    expect(partUnder(doc, /^I\. /)[0]).toMatch(/^Đã tổng hợp 3\/4 đơn vị\. Đơn vị dẫn đầu: /);
  });

  it("carries the ranking as a table in rank order, and each unit's counts", () => {
    const table = doc.body.find((b) => b.kind === "table");
    if (table?.kind !== "table") throw new Error("no ranking table");
    expect(table.table.rows.map((r) => [r[0]!.text, r[1]!.text])).toEqual(result.ranking.map((u) => [String(u.rank), u.unit]));
    const units = partUnder(doc, /^II\. /);
    expect(units).toHaveLength(3);
    for (const u of result.units) expect(units.some((line) => line.startsWith(`- ${u.unit}: ${u.tally.achieved}/${u.tally.due} chỉ tiêu đạt và vượt`))).toBe(true);
    expect(doc.body.some((b) => b.kind === "chart" && b.chart.kind === "ranking" && b.chart.bars.length === 3)).toBe(true);
  });

  it("carries the register of the file that could not be used, with the reason", () => {
    expect(partUnder(doc, /^IV\. /)).toEqual(["- hong.xlsx: hong.xlsx: tệp không phải .xlsx."]);
  });

  it("has per indicator how many units achieved it as the appendix, with totals of amounts only", () => {
    expect(doc.appendix.table.rows).toHaveLength(result.rows.length);
    const revenue = doc.appendix.table.rows.find((r) => r[0]!.text === "4")!;
    expect(revenue[7]!.text).toBe("330.000 (2/3)");
    // GRDP per head is not an amount: no total.
    expect(doc.appendix.table.rows.find((r) => r[0]!.text === "2")![7]!.text).toBe("");
  });
});
