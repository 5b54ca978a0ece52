// Whatever is pasted, the importer answers with a list (maybe empty) and warnings, never an exception.
import fc from "fast-check";
import { importPlanText, type ImportResult } from "../../shared/import";
import { PlanSchema } from "../../shared/model";

const PLAN_LINES = [
  "II. CÁC CHỈ TIÊU CHỦ YẾU NĂM 2025",
  "3. Các chỉ tiêu thi đua:",
  "(1) Tốc độ tăng trưởng GRDP đạt 12,35% so với năm 2024, trong đó: Công nghiệp tăng 14,33%;",
  "- Thu ngân sách nhà nước trên địa bàn đạt 36.692 triệu đồng;",
  "+ Tổng số học sinh: 4.675 học sinh.",
  "* Chỉ tiêu kinh tế:",
  "- Tỷ lệ hộ nghèo giảm còn 1,5%; tỷ lệ thất nghiệp dưới 3%.",
  "(7) Phấn đấu đến năm 2028, không còn hộ nghèo theo chuẩn nghèo đa chiều.",
  "Đến năm 2030:",
  "| TT | Chỉ tiêu | Đơn vị | Kế hoạch |",
  "| 1 | Tốc độ tăng GDP | % | 6,6-6,8 |",
  "Ty le ho ngheo: khong con ho ngheo.",
  "4. Nhiệm vụ và giải pháp",
  "Nơi nhận:",
  "từ 7,5 đến 8,0%",
  "99999999999999999999999999999999999999 tỷ đồng",
  `Thu ngân sách đạt ${"9".repeat(400)} tỷ đồng`,
  "đạt 1e308 tỷ đồng; đạt -0,0%; đạt ∞ %",
  "(((((((((((( đạt 5%",
  ", , , , , , , , , , , , , , , , , , , , , , , , , , , , , , , , , , , , , , , , , , x",
  "Hằng năm, hằng năm, hằng năm, phấn đấu phấn đấu đạt đạt đạt : : : 7",
];

function checkResult(text: string, result: ImportResult): void {
  expect(Array.isArray(result.indicators)).toBe(true);
  expect(Array.isArray(result.warnings)).toBe(true);
  for (const w of result.warnings) expect(typeof w.message).toBe("string");
  // The safety net catches internal failures; the importer itself must not need it.
  expect(result.warnings.filter((w) => /^(?:Lỗi nội bộ|Internal error)/.test(w.message))).toEqual([]);
  if (result.plan !== null) expect(PlanSchema.safeParse(result.plan).success).toBe(true);
  else expect(result.indicators.filter((i) => i.comparator !== null).length === 0 || result.warnings.length > 0).toBe(true);
  for (const ind of result.indicators) {
    expect(ind.confidence).toBeGreaterThanOrEqual(0);
    expect(ind.confidence).toBeLessThanOrEqual(1);
    expect(ind.span.start).toBeGreaterThanOrEqual(0);
    expect(ind.span.end).toBeLessThanOrEqual(text.length);
    expect(text.slice(ind.span.start, ind.span.end)).toBe(ind.span.text);
  }
}

it("never throws on arbitrary strings", () => {
  fc.assert(
    fc.property(fc.string({ unit: "binary", maxLength: 400 }), (text) => {
      checkResult(text, importPlanText(text));
    }),
    { seed: 20251122, numRuns: 300 },
  );
});

it("never throws on mixtures of plan lines, garbage and NFD, and keeps its promises", () => {
  const line = fc.oneof(fc.constantFrom(...PLAN_LINES), fc.string({ maxLength: 60 }), fc.string({ unit: "binary", maxLength: 30 }));
  fc.assert(
    fc.property(fc.array(line, { maxLength: 40 }), fc.boolean(), fc.constantFrom("\n", "\r\n", "\n\n"), (lines, nfd, eol) => {
      let text = lines.join(eol);
      if (nfd) text = text.normalize("NFD");
      checkResult(text, importPlanText(text, { lang: nfd ? "en" : "vi" }));
    }),
    { seed: 42, numRuns: 300 },
  );
});

it("accepts what is not a string without throwing", () => {
  for (const bad of [undefined, null, 42, {}, []] as unknown[]) {
    const result = importPlanText(bad as string);
    expect(result.indicators).toEqual([]);
    expect(result.plan).toBeNull();
  }
});

it("reports target-like text it cannot place instead of dropping it", () => {
  const text = [
    "KẾ HOẠCH",
    "Năm 2025 phường phấn đấu tỷ lệ hộ nghèo đạt 5% và xây dựng 3 công trình.",
    "II. CÁC CHỈ TIÊU CHỦ YẾU",
    "- Tỷ lệ người dân tham gia bảo hiểm y tế đạt 95%.",
    "- Tỷ lệ hộ dân dùng nước sạch đạt 1.2.3.4%.",
    "III. TỔ CHỨC THỰC HIỆN",
  ].join("\n");
  const result = importPlanText(text);
  expect(result.indicators.map((i) => i.target)).toEqual([95]);
  const lines = result.warnings.map((w) => w.line).sort();
  expect(lines).toEqual([2, 5]);
  expect(result.warnings.find((w) => w.line === 2)!.message).toMatch(/ngoài phần/);
  expect(importPlanText(text, { lang: "en" }).warnings.find((w) => w.line === 5)!.message).toMatch(/^Line 5: has figures/);
});

it("says so when nothing was found", () => {
  const result = importPlanText("Biên bản họp chi bộ.\nKhông có nội dung chỉ tiêu.");
  expect(result.plan).toBeNull();
  expect(result.indicators).toEqual([]);
  expect(result.warnings.map((w) => w.message)).toEqual(["Không tìm thấy chỉ tiêu nào trong văn bản."]);
});
