// The register of who reported, on a consolidation that builds each case: a unit that sent nothing,
// one late, one twice (different files, and the same file twice), one on another plan, one on an old
// version of the template, one with errors, one unreadable, one not on the list.
import { findBuiltInPlan } from "../../shared/catalog";
import type { UnitInput } from "../../shared/consolidate";
import { consolidateReports } from "../../shared/consolidation/pipeline";
import { buildRegister, type ReceivedReport } from "../../shared/consolidation/register";
import { evaluatePlan } from "../../shared/evaluate";
import { defaultSettings, type ActualEntry, type Plan } from "../../shared/model";
import { validateEntries } from "../../shared/validate";

const plan = findBuiltInPlan("hai-phong-232-2025") as Plan;
const otherPlan = findBuiltInPlan("dong-hai-2025") as Plan;
const settings = defaultSettings(2025);

function unit(name: string, values: Record<string, unknown>, p: Plan = plan): UnitInput {
  const entries: ActualEntry[] = p.indicators.map((ind, i) => ({ code: ind.code, raw: values[ind.code] ?? null, location: { sheet: "Chỉ tiêu", cell: `F${9 + i}` } }));
  return { unit: name, plan: p, evaluations: evaluatePlan(p, entries, settings), findings: validateEntries(p, entries, settings) };
}

const good = { "1": 13, "2": 7400, "3": 17, "11": 2.2 };
const hash = (c: string) => c.repeat(64);
// An old version of the template: the same plan id, one indicator fewer.
const oldPlan: Plan = { ...plan, indicators: plan.indicators.filter((i) => i.code !== "21") };

const expected = ["Phường Hồng Bàng", "Phường Ngô Quyền", "Phường Lê Chân", "Phường Hải An", "Xã An Lão", "Phường Kiến An", "Phường Đồ Sơn", "Xã Thủy Nguyên"].map((u) => ({ unit: u, group: null }));
const reports: ReceivedReport[] = [
  { file: "hong-bang.xlsx", date: "2026-12-09T10:00:00+07:00", sha256: hash("a"), read: unit("Phường Hồng Bàng", good) },
  { file: "ngo-quyen.xlsx", date: "2026-12-11T08:30:00+07:00", sha256: hash("b"), read: unit("Phường Ngô Quyền", good) },
  { file: "le-chan-1.xlsx", date: "2026-12-08T09:00:00+07:00", sha256: hash("c"), read: unit("Phường Lê Chân", { ...good, "1": 9 }) },
  { file: "le-chan-2.xlsx", date: "2026-12-09T15:00:00+07:00", sha256: hash("d"), read: unit("Phường Lê Chân", { ...good, "1": 14 }) },
  { file: "hai-an.xlsx", date: "2026-12-09T11:00:00+07:00", sha256: hash("e"), read: unit("Phường Hải An", { "1": 12 }, otherPlan) },
  { file: "an-lao.xlsx", date: "2026-12-09T12:00:00+07:00", sha256: hash("f"), read: unit("Xã An Lão", good, oldPlan) },
  { file: "kien-an.xlsx", date: "2026-12-10T23:59:00+07:00", sha256: hash("0"), read: unit("Phường Kiến An", { ...good, "2": "bảy nghìn", "12": -5 }) },
  // No unit inside (unreadable): matched to its unit by the safe file name.
  { file: "Phường Đồ Sơn.xlsx", date: "2026-12-09T13:00:00+07:00", sha256: hash("1"), read: { file: "Phường Đồ Sơn.xlsx", reason: "Phường Đồ Sơn.xlsx: tệp .xlsx bị hỏng" } },
  { file: "cat-hai.xlsx", date: "2026-12-09T14:00:00+07:00", sha256: hash("2"), read: unit("Đặc khu Cát Hải", good) },
  { file: "hong-bang (1).xlsx", date: "2026-12-09T10:00:00+07:00", sha256: hash("a"), read: unit("Phường Hồng Bàng", good) },
];

describe("the register", () => {
  const register = buildRegister(reports, { expected, deadline: "2026-12-10", plan });
  const row = (name: string) => register.rows.find((r) => r.unit === name)!;

  it("gives each unit its statuses", () => {
    expect(register.rows.map((r) => [r.unit, r.statuses, r.used])).toEqual([
      ["Phường Hồng Bàng", ["received", "duplicate"], true],
      ["Phường Ngô Quyền", ["received", "late"], true],
      ["Phường Lê Chân", ["received", "duplicate"], true],
      ["Phường Hải An", ["received", "other-plan"], false],
      ["Xã An Lão", ["received", "old-version"], true],
      ["Phường Kiến An", ["received", "errors"], true],
      ["Phường Đồ Sơn", ["received", "unreadable"], false],
      ["Xã Thủy Nguyên", ["missing"], false],
      ["Đặc khu Cát Hải", ["received", "not-expected"], true],
    ]);
  });

  it("says which of two files was used and why: the newest; the same file twice by its hash", () => {
    expect(row("Phường Lê Chân").file).toEqual({ file: "le-chan-2.xlsx", date: "2026-12-09T15:00:00+07:00", sha256: hash("d") });
    expect(row("Phường Lê Chân").note).toBe(
      "Đơn vị gửi 2 tệp; dùng tệp le-chan-2.xlsx. Bỏ qua: le-chan-1.xlsx: cũ hơn (ngày 08/12/2026 09:00, tệp dùng ngày 09/12/2026 15:00, lấy tệp mới nhất).",
    );
    expect(row("Phường Hồng Bàng").others).toEqual([{ file: "hong-bang.xlsx", date: "2026-12-09T10:00:00+07:00", sha256: hash("a"), why: "giống hệt tệp hong-bang (1).xlsx (cùng SHA-256)" }]);
  });

  it("counts errors and names their cells; a deadline day itself is on time", () => {
    const kienAn = row("Phường Kiến An");
    expect(kienAn.errorCount).toBe(2);
    expect(kienAn.errorCells).toEqual(["Chỉ tiêu!F14", "Chỉ tiêu!F26"]);
    expect(kienAn.statuses).not.toContain("late");
    expect(row("Phường Ngô Quyền").note).toBe("Gửi muộn: tệp ngày 11/12/2026 08:30, sau hạn 10/12/2026.");
  });

  it("puts the missing units in the sentence", () => {
    expect(register.counts).toMatchObject({ expected: 8, sent: 7, missing: 1, late: 1, unusable: 2, duplicates: 2, withErrors: 1, notExpected: 1 });
    expect(register.sentence).toBe(
      "7/8 đơn vị đã gửi báo cáo; 1 đơn vị chưa gửi: Xã Thủy Nguyên; 1 đơn vị gửi muộn (sau 10/12/2026): Phường Ngô Quyền; 2 đơn vị gửi tệp không sử dụng được: Phường Hải An, Phường Đồ Sơn.",
    );
    const all = buildRegister(reports.slice(0, 1), { expected: expected.slice(0, 1) });
    expect(all.sentence).toBe("1/1 đơn vị đã gửi báo cáo.");
    expect(buildRegister(reports.slice(0, 2), { expected: expected.slice(0, 2), lang: "en", deadline: "2026-12-10" }).sentence).toBe(
      "2/2 units have reported; late, after 10/12/2026 (1): Phường Ngô Quyền.",
    );
  });

  it("without a plan, the plan most files are on is the consolidation's", () => {
    const guess = buildRegister(reports, { expected });
    expect(guess.planId).toBe(plan.id);
    expect(guess.rows.find((r) => r.unit === "Phường Hải An")!.statuses).toContain("other-plan");
  });

  it("consolidates only the files chosen, with the register attached", () => {
    const c = consolidateReports(reports, settings, { expected, deadline: "2026-12-10", plan });
    expect(c.units.map((u) => u.unit)).toEqual(["Phường Hồng Bàng", "Phường Ngô Quyền", "Phường Lê Chân", "Xã An Lão", "Phường Kiến An", "Đặc khu Cát Hải"]);
    // Lê Chân's newest file (GRDP 14) is the one consolidated.
    const grdp = c.rows.find((r) => r.code === "1")!;
    expect(grdp.cells[2]!.actual).toBe(14);
    expect(c.register.filter((r) => r.kind === "unusable").map((r) => r.unit)).toEqual(["Phường Hải An", "Phường Đồ Sơn"]);
    expect(c.reporting!.sentence).toMatch(/^7\/8 đơn vị đã gửi báo cáo/);
  });
});

describe("a file whose targets are not its unit's assignment", () => {
  // The table now gives Hồng Bàng a GRDP target of 9 %; its file was made when the target was the city's 12,35 %.
  const assignment = { planId: plan.id, codes: ["1"], units: [{ unit: "Phường Hồng Bàng", group: null, row: 9, targets: { "1": 9 } }] };
  const entries: ActualEntry[] = plan.indicators.map((ind, i) => ({ code: ind.code, raw: ({ "1": 10 } as Record<string, unknown>)[ind.code] ?? null, location: { sheet: "Chỉ tiêu", cell: `F${9 + i}` } }));
  const read: UnitInput = { unit: "Phường Hồng Bàng", plan, evaluations: evaluatePlan(plan, entries, settings), findings: validateEntries(plan, entries, settings) };
  const sent: ReceivedReport = { file: "hong-bang.xlsx", date: "2026-12-09T10:00:00+07:00", sha256: hash("a"), read, entries, settings };

  it("is judged again against the assignment, and the register says so", () => {
    expect(read.evaluations.find((e) => e.code === "1")!.status).toBe("Không đạt"); // 10 < 12,35
    const c = consolidateReports([sent], settings, { plan, assignment });
    const cell = c.rows.find((r) => r.code === "1")!.cells[0]!;
    expect(cell).toMatchObject({ target: 9, status: "Vượt" }); // 10 > 9
    const row = c.reporting!.rows[0]!;
    expect(row.statuses).toEqual(["received", "old-version"]);
    expect(row.note).toBe("Chỉ tiêu kế hoạch trong tệp khác bảng giao chỉ tiêu (mã 1): tệp làm trên mẫu cũ; số liệu đã được đánh giá lại theo chỉ tiêu của bảng giao.");
  });

  it("without its entries, it is consolidated as sent and flagged", () => {
    const c = consolidateReports([{ ...sent, entries: undefined }], settings, { plan, assignment });
    expect(c.rows.find((r) => r.code === "1")!.cells[0]).toMatchObject({ target: 12.35, status: "Không đạt" });
    expect(c.reporting!.rows[0]!.note).toContain("vẫn tổng hợp theo chỉ tiêu trong tệp");
  });
});
