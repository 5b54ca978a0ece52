// A unit's year-end report written for the "Dán báo cáo" tests (not a corpus file), in a clerk's
// words, for the Đông Hải plan: a tally, prose results with percent of plan, a year-on-year trap,
// and a result the plan has no row for.
export const REPORT_PLAN_ID = "dong-hai-2025";

export const REPORT = [
  "BÁO CÁO KẾT QUẢ THỰC HIỆN NHIỆM VỤ NĂM 2025 CỦA PHƯỜNG ĐÔNG HẢI",
  "Năm 2025, phường có 25/30 chỉ tiêu đạt và vượt kế hoạch.",
  "Thu ngân sách nhà nước trên địa bàn ước đạt 40.120 triệu đồng, đạt 109,3% kế hoạch, tăng 8,2% so với cùng kỳ.",
  "Số lượt hộ được vay vốn tạo việc làm đạt 310 lượt hộ, đạt 105,4% kế hoạch.",
  "Tỷ lệ người dân tham gia bảo hiểm y tế đạt 95,1%, không đạt kế hoạch.",
  "Số buổi hoạt động văn hoá, văn nghệ quần chúng đạt 64 buổi.",
  "Số doanh nghiệp thành lập mới trong năm là 42 doanh nghiệp, bằng 117,6% so cùng kỳ.",
].join("\n");

/** The codes the report gives a figure for, and the figure in the plan's unit. */
export const REPORT_FIGURES: Record<string, number> = { "1": 40120, "8": 310, "18": 95.1, "23": 64 };
