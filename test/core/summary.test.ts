// Summaries of the five seed plans, with statuses chosen by hand and the counts and sentences
// worked out by hand from the documents (written as literals, never computed by the code).
import { findBuiltInPlan } from "../../shared/catalog";
import { defaultSettings, depthOf, type Evaluation, type Override, type Plan, type Status } from "../../shared/model";
import { summarize, type Summary } from "../../shared/summary";

function plan(id: string): Plan {
  const found = findBuiltInPlan(id);
  if (!found) throw new Error(`missing built-in plan ${id}`);
  return found;
}

interface Given {
  status: Status;
  nearMiss?: boolean;
  override?: Override & { computed: Status };
  percent?: number;
}

/** Evaluations as evaluatePlan gives them, built by hand: `statuses` maps code → status. */
function evaluations(p: Plan, statuses: Record<string, Status | Given>): Evaluation[] {
  return p.indicators.flatMap((indicator) => {
    const given = statuses[indicator.code];
    if (given === undefined) return [];
    const g: Given = typeof given === "string" ? { status: given } : given;
    return [
      {
        code: indicator.code,
        indicator,
        actual: null,
        previous: null,
        percent: g.percent ?? null,
        yoyPercent: null,
        computedStatus: g.override?.computed ?? g.status,
        status: g.status,
        override: g.override ? { status: g.override.status, reason: g.override.reason } : null,
        nearMiss: g.nearMiss ?? false,
        depth: depthOf(indicator.code),
        fromChildren: indicator.comparator === null,
      },
    ];
  });
}

function fill(codes: string[], status: Status): Record<string, Status> {
  return Object.fromEntries(codes.map((c) => [c, status]));
}

const counts = (s: Summary) => ({ ...s.tally.byStatus, due: s.tally.due, achieved: s.tally.achieved, nearMiss: s.tally.nearMiss });

describe("the year-end summary", () => {
  const city = plan("hai-phong-232-2025");
  const cityStatuses: Record<string, Status | Given> = {
    ...fill(["1", "3", "5", "8", "12", "15", "17", "19", "20", "21"], "Vượt"),
    ...fill(["2", "4", "6", "7", "9", "10", "13", "16"], "Đạt"),
    "11": { status: "Không đạt", nearMiss: true, percent: 92.6 },
    ...fill(["14", "18", "22"], "Không đạt"),
    ...fill(["1.1", "1.4"], "Vượt"),
    ...fill(["1.2", "4.1", "4.2", "22.1"], "Đạt"),
    ...fill(["1.3", "22.2"], "Không đạt"),
  };

  test("city plan 232/KH-UBND: 18/22 over the top-level indicators, near-miss named with the amber label", () => {
    const s = summarize(city, evaluations(city, cityStatuses), defaultSettings(2025));
    expect(counts(s)).toEqual({ Vượt: 10, Đạt: 8, "Không đạt": 4, "Chưa có số liệu": 0, "Chưa đến hạn": 0, due: 22, achieved: 18, nearMiss: 1 });
    expect(s.sentence).toBe(
      "Có 18/22 chỉ tiêu đạt và vượt kế hoạch (trong đó 10 chỉ tiêu vượt); 4 chỉ tiêu không đạt (trong đó 1 chỉ tiêu gần đạt): " +
        "Tỷ lệ thất nghiệp khu vực thành thị, Tỷ lệ hộ nghèo, Tỷ lệ nước thải đô thị được xử lý đạt quy chuẩn kỹ thuật, " +
        "Tỷ lệ chất thải rắn sinh hoạt được thu gom, xử lý.",
    );
    expect(s.hasSections).toBe(false);
    expect(s.rows.every((r) => r.kind === "indicator")).toBe(true);
    expect(s.rows).toHaveLength(30);
    const row41 = s.rows.find((r) => r.kind === "indicator" && r.code === "4.1");
    expect(row41).toMatchObject({ depth: 1, counted: false, status: "Đạt" });
  });

  test("the amber label is the user's; counts padded to two digits when asked", () => {
    const s = summarize(city, evaluations(city, cityStatuses), defaultSettings(2025, { amberLabel: "Xấp xỉ đạt" }), { padCounts: true });
    expect(s.sentence.startsWith("Có 18/22 chỉ tiêu đạt và vượt kế hoạch (trong đó 10 chỉ tiêu vượt); 04 chỉ tiêu không đạt (trong đó 01 chỉ tiêu xấp xỉ đạt): ")).toBe(true);
  });

  test("city plan counting every leaf: 27 indicators, sub-items named", () => {
    const s = summarize(city, evaluations(city, cityStatuses), defaultSettings(2025, { countLevel: "leaf" }));
    expect(counts(s)).toEqual({ Vượt: 11, Đạt: 11, "Không đạt": 5, "Chưa có số liệu": 0, "Chưa đến hạn": 0, due: 27, achieved: 22, nearMiss: 1 });
    expect(s.sentence).toBe(
      "Có 22/27 chỉ tiêu đạt và vượt kế hoạch (trong đó 11 chỉ tiêu vượt); 5 chỉ tiêu không đạt (trong đó 1 chỉ tiêu gần đạt): " +
        "Tốc độ tăng trưởng GRDP - Nông, lâm nghiệp và thủy sản, Tỷ lệ thất nghiệp khu vực thành thị, Tỷ lệ hộ nghèo, " +
        "Tỷ lệ nước thải đô thị được xử lý đạt quy chuẩn kỹ thuật, Tỷ lệ chất thải rắn sinh hoạt được thu gom, xử lý - Nông thôn.",
    );
    expect(s.rows.find((r) => r.kind === "indicator" && r.code === "1")).toMatchObject({ counted: false, hasChildren: true });
  });

  test("Đồ Sơn: missing data stays in the total and is named, in Vietnamese and English", () => {
    const doSon = plan("do-son-2025");
    const statuses = {
      ...fill(["2", "3", "4", "5"], "Vượt"),
      ...fill(["1", "6", "7", "8", "9", "10", "11", "12", "13", "14", "15", "16", "17"], "Đạt"),
      ...fill(["18", "19"], "Không đạt"),
      ...fill(["20", "21", "22"], "Chưa có số liệu"),
    };
    const s = summarize(doSon, evaluations(doSon, statuses), defaultSettings(2025));
    expect(counts(s)).toEqual({ Vượt: 4, Đạt: 13, "Không đạt": 2, "Chưa có số liệu": 3, "Chưa đến hạn": 0, due: 22, achieved: 17, nearMiss: 0 });
    expect(s.sentence).toBe(
      "Có 17/22 chỉ tiêu đạt và vượt kế hoạch (trong đó 4 chỉ tiêu vượt); 2 chỉ tiêu không đạt: " +
        "Tỷ lệ chất thải rắn được thu gom và xử lý hợp vệ sinh, Tỷ lệ hộ dân được dùng nước sạch theo tiêu chuẩn; " +
        "3 chỉ tiêu chưa có số liệu: Hoàn thành chỉ tiêu giao quận, Hoàn thành tỷ lệ phá án kế hoạch năm, Tỷ lệ hộ xây dựng có Giấy phép xây dựng.",
    );
    const e = summarize(doSon, evaluations(doSon, statuses), defaultSettings(2025, { lang: "en" }));
    expect(e.sentence).toBe(
      "17 of 22 indicators met or exceeded the plan (4 exceeded it); 2 not met: " +
        "Tỷ lệ chất thải rắn được thu gom và xử lý hợp vệ sinh, Tỷ lệ hộ dân được dùng nước sạch theo tiêu chuẩn; " +
        "3 without data: Hoàn thành chỉ tiêu giao quận, Hoàn thành tỷ lệ phá án kế hoạch năm, Tỷ lệ hộ xây dựng có Giấy phép xây dựng.",
    );
  });

  test("Đông Hải: an override counts with its status and is listed with its reason", () => {
    const dongHai = plan("dong-hai-2025");
    const all = dongHai.indicators.map((i) => i.code);
    const statuses: Record<string, Status | Given> = {
      ...fill(all, "Đạt"),
      "1": "Vượt",
      "6": "Không đạt",
      "15": { status: "Đạt", override: { status: "Đạt", reason: "Số liệu sơ bộ, chờ số liệu thống kê chính thức", computed: "Không đạt" } },
    };
    const s = summarize(dongHai, evaluations(dongHai, statuses), defaultSettings(2025));
    expect(counts(s)).toEqual({ Vượt: 1, Đạt: 22, "Không đạt": 1, "Chưa có số liệu": 0, "Chưa đến hạn": 0, due: 24, achieved: 23, nearMiss: 0 });
    expect(s.sentence).toBe("Có 23/24 chỉ tiêu đạt và vượt kế hoạch (trong đó 1 chỉ tiêu vượt); 1 chỉ tiêu không đạt: Tuyến ngõ được lắp điện chiếu sáng.");
    expect(s.overrides).toEqual([
      { code: "15", name: "Tỷ suất sinh", computedStatus: "Không đạt", status: "Đạt", reason: "Số liệu sơ bộ, chờ số liệu thống kê chính thức" },
    ]);
  });

  describe("Kiến An, a plan with sections", () => {
    const kienAn = plan("kien-an-2025");
    const statuses: Record<string, Status | Given> = {
      "1": "Vượt", "2": "Đạt", "3": { status: "Không đạt", nearMiss: true }, "4": "Đạt", "5": "Vượt", "6": "Đạt",
      "7": "Đạt", "8": "Vượt", "9": "Đạt", "10": "Không đạt", "11": "Vượt", "12": "Chưa có số liệu", "13": "Đạt",
      "14": "Vượt", "14.1": "Đạt", "14.2": "Vượt",
      "15": "Không đạt", "15.1": "Không đạt", "15.2": "Đạt",
      "16": "Đạt", "16.1": "Đạt", "16.2": "Đạt",
      "17": "Đạt", "18": "Đạt", "19": "Đạt",
    };

    test("rows grouped under the plan's sections, sub-items under their parents, totals per section", () => {
      const s = summarize(kienAn, evaluations(kienAn, statuses), defaultSettings(2025));
      expect(s.hasSections).toBe(true);
      expect(s.sections.map((x) => x.label)).toEqual([
        "I. Chỉ tiêu kinh tế",
        "II. Chỉ tiêu văn hóa - xã hội",
        "III. Chỉ tiêu giáo dục",
        "IV. Chỉ tiêu môi trường",
        "V. Chỉ tiêu khác",
      ]);
      const perSection = s.sections.map((x) => [x.tally.byStatus["Vượt"], x.tally.byStatus["Đạt"], x.tally.byStatus["Không đạt"], x.tally.byStatus["Chưa có số liệu"], x.tally.counted]);
      expect(perSection).toEqual([
        [2, 3, 1, 0, 6],
        [2, 3, 1, 1, 7],
        [1, 1, 1, 0, 3],
        [0, 2, 0, 0, 2],
        [0, 1, 0, 0, 1],
      ]);
      expect(counts(s)).toEqual({ Vượt: 5, Đạt: 10, "Không đạt": 3, "Chưa có số liệu": 1, "Chưa đến hạn": 0, due: 19, achieved: 15, nearMiss: 1 });
      expect(s.sentence).toBe(
        "Có 15/19 chỉ tiêu đạt và vượt kế hoạch (trong đó 5 chỉ tiêu vượt); 3 chỉ tiêu không đạt (trong đó 1 chỉ tiêu gần đạt): " +
          "Doanh thu dịch vụ lưu trú và ăn uống, Tỷ lệ hộ nghèo theo chuẩn nghèo quốc gia, Giáo dục tiểu học; " +
          "1 chỉ tiêu chưa có số liệu: Tỷ lệ người dân tham gia BHXH.",
      );
      const order = s.rows.map((r) => (r.kind === "section" ? r.label : r.code));
      expect(order.slice(0, 8)).toEqual(["I. Chỉ tiêu kinh tế", "1", "2", "3", "4", "5", "6", "II. Chỉ tiêu văn hóa - xã hội"]);
      expect(order.slice(15)).toEqual([
        "III. Chỉ tiêu giáo dục", "14", "14.1", "14.2", "15", "15.1", "15.2", "16", "16.1", "16.2",
        "IV. Chỉ tiêu môi trường", "17", "18", "V. Chỉ tiêu khác", "19",
      ]);
      const sub = s.rows.find((r) => r.kind === "indicator" && r.code === "15.1");
      expect(sub).toMatchObject({ depth: 1, section: 2, counted: false });
    });

    test("counting every leaf: the education sub-items count, their headings do not", () => {
      const s = summarize(kienAn, evaluations(kienAn, statuses), defaultSettings(2025, { countLevel: "leaf" }));
      const education = s.sections[2];
      expect(education?.tally.byStatus).toEqual({ Vượt: 1, Đạt: 4, "Không đạt": 1, "Chưa có số liệu": 0, "Chưa đến hạn": 0 });
      expect(s.tally.counted).toBe(22);
      expect(s.sentence).toBe(
        "Có 18/22 chỉ tiêu đạt và vượt kế hoạch (trong đó 5 chỉ tiêu vượt); 3 chỉ tiêu không đạt (trong đó 1 chỉ tiêu gần đạt): " +
          "Doanh thu dịch vụ lưu trú và ăn uống, Tỷ lệ hộ nghèo theo chuẩn nghèo quốc gia, Giáo dục tiểu học - Tổng số lớp học; " +
          "1 chỉ tiêu chưa có số liệu: Tỷ lệ người dân tham gia BHXH.",
      );
    });
  });

  describe("Nguyễn Lương Bằng, goals for 2028 and 2030", () => {
    const nlb = plan("nguyen-luong-bang-2025");

    test("indicators not yet due are left out of X/Y and counted at the end", () => {
      const statuses: Record<string, Status | Given> = {
        ...fill(["3", "5", "6", "7", "9", "11", "12", "13", "14", "20"], "Chưa đến hạn"),
        "1": "Vượt", "2": "Đạt", "4": "Đạt", "8": "Đạt", "10": "Không đạt", "15": "Đạt", "16": "Vượt", "17": "Đạt", "18": "Đạt", "19": "Đạt",
      };
      const s = summarize(nlb, evaluations(nlb, statuses), defaultSettings(2025));
      expect(counts(s)).toEqual({ Vượt: 2, Đạt: 7, "Không đạt": 1, "Chưa có số liệu": 0, "Chưa đến hạn": 10, due: 10, achieved: 9, nearMiss: 0 });
      expect(s.sentence).toBe(
        "Có 9/10 chỉ tiêu đạt và vượt kế hoạch (trong đó 2 chỉ tiêu vượt); 1 chỉ tiêu không đạt: Cơ sở vật chất trường học; 10 chỉ tiêu chưa đến hạn đánh giá.",
      );
      const e = summarize(nlb, evaluations(nlb, statuses), defaultSettings(2025, { lang: "en" }));
      expect(e.sentence).toBe("9 of 10 indicators met or exceeded the plan (2 exceeded it); 1 not met: Cơ sở vật chất trường học; 10 not yet due for evaluation.");
    });

    test("with no evaluation at all, due indicators are without data and the rest not yet due", () => {
      const s = summarize(nlb, [], defaultSettings(2025));
      expect(counts(s)).toEqual({ Vượt: 0, Đạt: 0, "Không đạt": 0, "Chưa có số liệu": 10, "Chưa đến hạn": 10, due: 10, achieved: 0, nearMiss: 0 });
      expect(s.sentence).toMatch(/^Có 0\/10 chỉ tiêu đạt và vượt kế hoạch; 10 chỉ tiêu chưa có số liệu: Thu ngân sách nhà nước trên địa bàn tăng bình quân hằng năm, .*; 10 chỉ tiêu chưa đến hạn đánh giá\.$/);
    });

    test("in 2025 terms of a 2030-only plan, the sentence says nothing is due yet", () => {
      const only2030: Plan = { ...nlb, indicators: nlb.indicators.filter((i) => ["3", "6", "11"].includes(i.code)) };
      const s = summarize(only2030, [], defaultSettings(2025));
      expect(s.sentence).toBe("Chưa có chỉ tiêu nào đến hạn đánh giá trong năm 2025 (3 chỉ tiêu có hạn sau năm 2025).");
    });
  });
});
