// The whole path a clerk's figures take: typed actuals → validateEntries → evaluatePlan → summarize,
// on the Đồ Sơn plan. Statuses, counts and the sentence are worked out by hand from the document
// and evaluation.md (comments give the arithmetic).
import { findBuiltInPlan } from "../../shared/catalog";
import { evaluatePlan } from "../../shared/evaluate";
import { defaultSettings, type ActualEntry, type Plan } from "../../shared/model";
import { summarize } from "../../shared/summary";
import { validateEntries } from "../../shared/validate";

const doSon = findBuiltInPlan("do-son-2025") as Plan;

const typed: Record<string, unknown> = {
  "1": 17, // > 18 %: 94,4 % of the way, Không đạt (near miss)
  "2": 1200, // ≥ 1.200 tỷ: Đạt
  "3": 800, // ≥ 733,3: Vượt
  "4": 3000, // ≥ 3.780: 79 %, Không đạt
  "5": 4860, // Đạt
  "6": 11000, // ≥ 10.605: Vượt
  "7": 125, // Đạt
  "8": 520, // ≥ 499,065: Vượt
  "9": 547.709, // Đạt
  "10": "5,2", // ≥ 5 triệu lượt, typed as text: Vượt, and a number-as-text warning
  "11": 0.7, // ≤ 0,7 %: Đạt
  "12": 5600, // Đạt
  "13": 0, // = 0 hộ: Đạt
  "14": 95, // Đạt
  "15": null, // blank: Chưa có số liệu
  "16": 2, // Đạt
  "17": 80, // Đạt
  "18": 100, // Đạt
  "19": 98, // ≥ 100: 98 %, Không đạt (near miss)
  "20": 100, // Đạt
  "21": 80, // > 85: 94,1 %, Không đạt (near miss)
  "22": 99.5, // ≥ 99: Vượt
};
const entries: ActualEntry[] = Object.entries(typed).map(([code, raw], i) => ({ code, raw, location: { sheet: "Chỉ tiêu", cell: `F${i + 6}` } }));

test("Đồ Sơn from typed figures to the report sentence", () => {
  const settings = defaultSettings(2025);
  const findings = validateEntries(doSon, entries, settings);
  expect(findings.map((f) => [f.rule, f.code, f.cell, f.fix?.value])).toEqual([
    ["number-as-text", "10", "F15", 5.2],
    ["blank", "15", "F20", undefined],
  ]);

  const summary = summarize(doSon, evaluatePlan(doSon, entries, settings), settings);
  // Vượt: 3, 6, 8, 10, 22; Không đạt: 1, 4, 19, 21 (1, 19, 21 near misses); no data: 15; Đạt: the other 12.
  expect(summary.tally.byStatus).toEqual({ Vượt: 5, Đạt: 12, "Không đạt": 4, "Chưa có số liệu": 1, "Chưa đến hạn": 0 });
  expect(summary.tally.nearMiss).toBe(3);
  expect(summary.sentence).toBe(
    "Có 17/22 chỉ tiêu đạt và vượt kế hoạch (trong đó 5 chỉ tiêu vượt); 4 chỉ tiêu không đạt (trong đó 3 chỉ tiêu gần đạt): " +
      "Tốc độ tăng giá trị sản xuất các ngành kinh tế, Doanh thu dịch vụ lưu trú và ăn uống, " +
      "Tỷ lệ hộ dân được dùng nước sạch theo tiêu chuẩn, Hoàn thành tỷ lệ phá án kế hoạch năm; " +
      "1 chỉ tiêu chưa có số liệu: Tỷ lệ người dân tham gia bảo hiểm xã hội tự nguyện.",
  );
});
