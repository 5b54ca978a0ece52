// Points for commendation: a scoring file with weights, bonuses, penalties and groups gives the
// ranks the hand calculation below gives; the defaults give today's ranking; bad rules get one
// message each, naming where.
import type { UnitInput } from "../../shared/consolidate";
import { consolidateReports } from "../../shared/consolidation/pipeline";
import type { ReceivedReport } from "../../shared/consolidation/register";
import { DEFAULT_SCORING, parseScoringJson, scoreUnits, validateScoringRules } from "../../shared/consolidation/scoring";
import { readScoringSheet } from "../../shared/consolidation/scoring-sheet";
import { evaluatePlan } from "../../shared/evaluate";
import { defaultSettings, type ActualEntry, type Indicator, type Plan } from "../../shared/model";
import { buildRankingSheet } from "../../shared/sheet/ranking-sheet";
import { validateEntries } from "../../shared/validate";

const ind = (code: string, name: string, unit: string, target: number): Indicator => ({ code, name, group: null, unit, comparator: ">=", target, deadlineYear: null, note: null });
const plan: Plan = {
  id: "thu-diem-2025",
  title: "Kế hoạch thi đua năm 2025",
  issuer: "UBND quận Thử",
  level: "huyen",
  year: 2025,
  source: null,
  indicators: [ind("1", "Tốc độ tăng trưởng kinh tế", "%", 10), ind("2", "Thu ngân sách", "tỷ đồng", 100), ind("3", "Số lao động được giải quyết việc làm", "người", 1000)],
};
const settings = defaultSettings(2025);

function unit(name: string, values: Record<string, unknown>): UnitInput {
  const entries: ActualEntry[] = plan.indicators.map((i, k) => ({ code: i.code, raw: values[i.code] ?? null, location: { sheet: "Chỉ tiêu", cell: `F${9 + k}` } }));
  return { unit: name, plan, evaluations: evaluatePlan(plan, entries, settings), findings: validateEntries(plan, entries, settings) };
}

const report = (read: UnitInput, date = "2026-12-09T10:00:00+07:00"): ReceivedReport => ({ file: `${read.unit}.xlsx`, date, sha256: null, read });
const reports = [
  report(unit("Phường An", { "1": 12, "2": 100, "3": 1200 })),
  report(unit("Phường Bình", { "1": 10, "2": 130, "3": 1050 }), "2026-12-11T09:00:00+07:00"),
  report(unit("Phường Cầu", { "1": 11, "2": 90, "3": 1000 })),
  report(unit("Xã Dương", { "1": 10, "2": "một trăm", "3": 1300 })),
  report(unit("Xã Đông", { "1": 12, "2": 120, "3": 900 })),
];

const rulesJson = {
  points: { "Vượt": 10, "Đạt": 8, "Không đạt": 0, "Chưa có số liệu": 0 },
  weights: { "1": 2 },
  bonuses: [{ code: "3", margin: 10, points: 3 }],
  penalties: { late: 5, errors: 2, perError: 0.5 },
  total: "sum",
  groups: { "Cụm A": ["Phường An", "Phường Bình", "Phường Cầu"], "Cụm B": ["Xã Dương", "Xã Đông"] },
  titles: [
    { from: 1, to: 1, title: "đề nghị tặng Cờ thi đua" },
    { from: 2, to: 3, title: "đề nghị tặng Bằng khen", minPoints: 30 },
  ],
};

// The hand calculation (weight × points: Vượt 10, Đạt 8, Không đạt 0, no data 0; GRDP weighs 2):
//   Phường An:   GRDP 12 ≥ 10 Vượt 2×10=20; revenue 100 Đạt 8; jobs 1200 Vượt 10 → 38;
//                jobs at 120 % ≥ 110 % → bonus 3 → 41.
//   Phường Bình: GRDP 10 Đạt 2×8=16; revenue 130 Vượt 10; jobs 1050 Vượt 10 → 36; jobs at 105 % < 110 %:
//                no bonus; late (11/12 after 10/12) −5 → 31.
//   Phường Cầu:  GRDP 11 Vượt 20; revenue 90 Không đạt 0; jobs 1000 Đạt 8 → 28.
//   Xã Dương:    GRDP 10 Đạt 16; revenue "một trăm" is text: an error, no data 0; jobs 1300 Vượt 10 → 26;
//                bonus 3 → 29; a report with errors −2, one error × 0,5 → −2,5 → 26,5.
//   Xã Đông:     GRDP 12 Vượt 20; revenue 120 Vượt 10; jobs 900 Không đạt 0 → 30.
//   Cụm A: An 41 (1, Cờ thi đua), Bình 31 (2, Bằng khen: ≥ 30), Cầu 28 (3, below 30: no title).
//   Cụm B: Đông 30 (1, Cờ thi đua), Dương 26,5 (2, below 30: no title).
describe("scoring by the office's rules", () => {
  const { rules, problems } = validateScoringRules(rulesJson, { codes: ["1", "2", "3"], units: reports.map((r) => (r.read as UnitInput).unit) });
  it("accepts the rules", () => expect(problems).toEqual([]));

  const c = consolidateReports(reports, settings, { deadline: "2026-12-10", plan, scoring: rules });
  const table = c.scoring!.groups.map((g) => [g.group, g.units.map((u) => [u.unit, u.total, u.rank, u.title])]);

  it("gives the ranks of the hand calculation", () => {
    expect(table).toEqual([
      ["Cụm A", [["Phường An", 41, 1, "đề nghị tặng Cờ thi đua"], ["Phường Bình", 31, 2, "đề nghị tặng Bằng khen"], ["Phường Cầu", 28, 3, null]]],
      ["Cụm B", [["Xã Đông", 30, 1, "đề nghị tặng Cờ thi đua"], ["Xã Dương", 26.5, 2, null]]],
    ]);
  });

  it("shows how the points were made, per indicator", () => {
    const duong = c.scoring!.groups[1]!.units[1]!;
    expect(duong.perIndicator.map((p) => [p.code, p.status, p.weight, p.points, p.bonus])).toEqual([
      ["1", "Đạt", 2, 16, 0],
      ["2", "Chưa có số liệu", 1, 0, 0],
      ["3", "Vượt", 1, 10, 3],
    ]);
    expect(duong.penalties).toEqual([{ kind: "errors", points: 2 }, { kind: "perError", points: 0.5 }]);
    const sheet = buildRankingSheet(c, c.scoring!, { lang: "vi" });
    const rows = sheet.cells.filter((r) => r[1] === "Xã Dương" || r[1] === "Phường An");
    // Rank, unit, GRDP, revenue, jobs, indicator points, bonus, penalty, total, title, how.
    expect(rows).toEqual([
      [1, "Phường An", 20, 8, 10, 38, 3, 0, 41, "đề nghị tặng Cờ thi đua", "mã 3 +3"],
      [2, "Xã Dương", 16, 0, 10, 26, 3, -2.5, 26.5, "", "mã 3 +3; có lỗi số liệu −2; lỗi số liệu −0,5"],
    ]);
    expect(sheet.cells.some((r) => r[0] === "Cụm A")).toBe(true);
  });

  it("the same rules as a scoring sheet give the same ranks", () => {
    const grid = [
      ["BẢNG ĐIỂM THI ĐUA"],
      ["Mục", "Khóa", "Giá trị", "Thêm"],
      ["Điểm", "Vượt", 10],
      ["Điểm", "Đạt", 8],
      ["Điểm", "Không đạt", 0],
      ["Trọng số", "1", 2],
      ["Thưởng", "3", 3, 10],
      ["Trừ điểm", "Gửi muộn", 5],
      ["Trừ điểm", "Có lỗi", 2],
      ["Trừ điểm", "Mỗi lỗi", "0,5"],
      ["Cách tính", "", "Tổng"],
      ["Cụm/Khối", "Cụm A", "Phường An"],
      ["Cụm/Khối", "Cụm A", "Phường Bình"],
      ["Cụm/Khối", "Cụm A", "Phường Cầu"],
      ["Cụm/Khối", "Cụm B", "Xã Dương"],
      ["Cụm/Khối", "Cụm B", "Xã Đông"],
      ["Danh hiệu", "1", "đề nghị tặng Cờ thi đua"],
      ["Danh hiệu", "2-3", "đề nghị tặng Bằng khen", 30],
    ];
    const fromSheet = readScoringSheet(grid, "Điểm", { codes: ["1", "2", "3"] });
    expect(fromSheet.problems).toEqual([]);
    const again = consolidateReports(reports, settings, { deadline: "2026-12-10", plan, scoring: fromSheet.rules });
    expect(again.scoring!.groups.map((g) => [g.group, g.units.map((u) => [u.unit, u.total, u.rank, u.title])])).toEqual(table);
  });

  it("the defaults reproduce today's ranking", () => {
    const plain = consolidateReports(reports, settings, { plan });
    const scored = plain.scoring!.groups;
    expect(scored).toHaveLength(1);
    expect(scored[0]!.units.map((u) => [u.unit, u.rank])).toEqual(plain.ranking.map((u) => [u.unit, u.rank]));
    expect(scored[0]!.units.map((u) => u.total)).toEqual(plain.ranking.map((u) => u.shareAchieved));
    expect(scoreUnits(plain, DEFAULT_SCORING).groups[0]!.units[0]!.title).toBe("đề nghị tặng Cờ thi đua");
  });
});

describe("bad scoring rules: one message each, naming where", () => {
  it("in a JSON file", () => {
    const bad = {
      points: { "Vượt": 10, "Tốt": 5, "Chưa đến hạn": 1 },
      weights: { "9": 2, "1": 0 },
      bonuses: [{ code: "3", margin: -5, points: 2 }],
      penalties: { late: -3, absent: 1 },
      total: "average",
      groups: { "Cụm A": ["Phường An"], "Cụm B": ["phường an", "Phường Xa"] },
      titles: [{ from: 1, to: 2, title: "Cờ" }, { from: 2, to: 2, title: "Bằng khen" }, { from: 0, title: "x" }],
      colour: "red",
    };
    const { rules, problems } = validateScoringRules(bad, { codes: ["1", "2", "3"], units: ["Phường An", "Phường Bình"] });
    expect(rules).toBeNull();
    expect(problems.map((p) => p.where)).toEqual([
      "colour",
      "points.Tốt",
      "points.Chưa đến hạn",
      "weights.1", // JSON objects list number-like keys first
      "weights.9",
      "bonuses[0].margin",
      "penalties.late",
      "penalties.absent",
      "total",
      "groups.Cụm B[0]",
      "groups.Cụm B[1]",
      "titles[1]",
      "titles[2]",
    ]);
    expect(problems[1]!.message).toBe('points.Tốt: "Tốt" không phải một mức đánh giá (Vượt, Đạt, Không đạt, Chưa có số liệu).');
    expect(problems[9]!.message).toBe('groups.Cụm B[0]: đơn vị "phường an" đã thuộc cụm/khối "Cụm A"; mỗi đơn vị chỉ thuộc một cụm/khối.');
    const en = validateScoringRules({ weights: { "1": "two" } }, { codes: ["1"], lang: "en" });
    expect(en.problems.map((p) => p.message)).toEqual(['weights.1: a weight is a number above 0 (it is "two").']);
    expect(parseScoringJson("{ points: }").problems[0]!.message).toMatch(/^Tệp chấm điểm không phải JSON hợp lệ: /);
  });

  it("in a scoring sheet, naming the cell", () => {
    const grid = [["Mục", "Khóa", "Giá trị", "Thêm"], ["Điểm", "Vượt", "mười"], ["Thưởng", "7", 2, 10], ["Xếp loại", "A", 1]];
    const { rules, problems } = readScoringSheet(grid, "Điểm", { codes: ["1", "2", "3"] });
    expect(rules).toBeNull();
    expect(problems.map((p) => p.where)).toEqual(["Điểm!A4", "Điểm!C2", "Điểm!B3"]);
    expect(problems[0]!.message).toBe('Điểm!A4: mục "Xếp loại" không có; dùng: Điểm, Trọng số, Thưởng, Trừ điểm, Cách tính, Cụm/Khối, Danh hiệu.');
  });
});
