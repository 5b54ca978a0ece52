// Messages of the report reader and of `chitieu read-report` (vi + en).
import { registerMessages, type AreaMessages } from "../i18n";

export const messages: AreaMessages = {
  vi: {
    "report.warning.no-name": "Dòng {line}: có số liệu kết quả nhưng không rõ của chỉ tiêu nào; xin kiểm tra và nhập tay nếu cần.",
    "report.warning.target-without-result": "Dòng {line}: có số kế hoạch nhưng không thấy kết quả đi kèm.",
    "report.warning.tally-unread": "Dòng {line}: giống câu tổng hợp số chỉ tiêu đạt nhưng không đọc được đủ tổng số và số đạt.",
    "report.warning.nothing-found": "Không tìm thấy kết quả chỉ tiêu nào trong văn bản.",
    "report.warning.truncated": "Văn bản quá dài; chỉ đọc {chars} ký tự đầu.",
    "report.warning.internal": "Lỗi nội bộ khi đọc báo cáo ({detail}); kết quả có thể thiếu.",
    "report.reason.name-inherited": "tên chỉ tiêu lấy từ đầu câu",
    "report.reason.percent-only": "chỉ có tỷ lệ so với kế hoạch, không có số thực hiện",
    "report.reason.approximate": "số liệu ước chừng (hơn, trên, gần, khoảng …)",
    "report.reason.no-unit": "không thấy đơn vị tính",
    "report.reason.long-name": "tên chỉ tiêu dài, có thể lẫn chữ khác",
    "report.reason.rank": "là thứ hạng, không phải số thực hiện",
    "report.reason.growth-as-actual": "lấy mức tăng làm số thực hiện vì kế hoạch giao theo mức tăng",
    "report.reason.percent-ambiguous": "\"vượt P%\" có thể là vượt thêm P% hoặc đạt P%; xin kiểm tra",
    "report.reason.from-table": "đọc từ bảng",
    "report.reason.percent-bound": "tỷ lệ so với kế hoạch chỉ ghi ngưỡng (\"trên 100%\"), không ghi số cụ thể",
  },
  en: {
    "report.warning.no-name": "Line {line}: a result figure whose indicator is unclear; please check and enter it by hand if needed.",
    "report.warning.target-without-result": "Line {line}: a plan figure without a result beside it.",
    "report.warning.tally-unread": "Line {line}: looks like the tally of achieved indicators, but the total and the achieved count could not both be read.",
    "report.warning.nothing-found": "No indicator result found in the text.",
    "report.warning.truncated": "The text is too long; only its first {chars} characters were read.",
    "report.warning.internal": "Internal error while reading the report ({detail}); the result may be incomplete.",
    "report.reason.name-inherited": "indicator name taken from the start of the sentence",
    "report.reason.percent-only": "only a percent of plan, no actual figure",
    "report.reason.approximate": "approximate figure (more than, over, almost, about …)",
    "report.reason.no-unit": "no unit found",
    "report.reason.long-name": "long name, may include other words",
    "report.reason.rank": "a rank, not an actual",
    "report.reason.growth-as-actual": "the growth taken as the actual because the plan is set as a growth",
    "report.reason.percent-ambiguous": "\"vượt P%\" may mean P% more or P% of plan; please check",
    "report.reason.from-table": "read from a table",
    "report.reason.percent-bound": "the percent of plan is only a bound (\"over 100%\"), not a figure",
  },
};

registerMessages(messages);
