// Messages of the Word report made from a loaded workbook ("Xuất báo cáo Word" in the task panes).
import type { AreaMessages } from "./index";

export const messages: AreaMessages = {
  vi: {
    "wf.word-report.done": "Đã lập báo cáo {file}: {rows} dòng phụ lục. Mở tệp bằng Word để ghi số ký hiệu, ngày tháng và người ký.",
    "wf.word-report.with-errors": "Số liệu còn {errors} lỗi: báo cáo vẫn lập, nhưng nên sửa (thẻ Kiểm tra) rồi xuất lại.",
  },
  en: {
    "wf.word-report.done": "Made the report {file}: {rows} appendix rows. Open it in Word to fill in the number, the date and the signer.",
    "wf.word-report.with-errors": "{errors} {errors|error is|errors are} left in the figures: the report was made, but fix them (Check tab) and export again.",
  },
};
