// Messages of the add-ins' "Kế hoạch năm sau" step (shared/workflow/next-year.ts) and the period
// picked at load: one key per meaning, Vietnamese and English.
import type { AreaMessages } from "./index";

export const messages: AreaMessages = {
  vi: {
    "wf.nextyear.done": "Đã tạo kế hoạch năm {year} trong trang “{sheet}”: {matched} chỉ tiêu có “Thực hiện năm trước” ({final} số chính thức, {estimate} số ước). Bảng năm {fromYear} giữ nguyên.",
    "wf.nextyear.from-estimate": "Lấy số ước (chưa có số chính thức): {codes}.",
    "wf.nextyear.unmatched-old": "Không tìm thấy trong kế hoạch mới, không chuyển ({count}): {list}.",
    "wf.nextyear.unmatched-new": "Chưa có “Thực hiện năm trước” (năm nay chưa nhập, hoặc chỉ tiêu mới) ({count}): {list}.",
    "wf.nextyear.same": "Cùng bộ chỉ tiêu, kế hoạch năm {year} để trống: nhập khi có văn bản giao chỉ tiêu.",
    "wf.nextyear.exists": "Bảng tính đã có trang “{sheet}”, nên không ghi đè (có thể đã có số liệu năm sau).",
    "wf.nextyear.exists.next": "Đổi tên hoặc xóa trang đó rồi làm lại; chưa có gì bị thay đổi.",
    "wf.nextyear.bad-year": "Năm của kế hoạch năm sau ({year}) phải sau năm {fromYear} của bảng này.",
    "wf.load.moved": "Kế hoạch mới đánh số khác: số liệu theo tên chỉ tiêu sang mã mới {moves}.",
  },
  en: {
    "wf.nextyear.done": "Next year's plan ({year}) is in the sheet “{sheet}”: {matched} {matched|indicator has|indicators have} last year's figure ({final} final, {estimate} {estimate|estimate|estimates}). The {fromYear} sheet is unchanged.",
    "wf.nextyear.from-estimate": "From the estimate (no final figure yet): {codes}.",
    "wf.nextyear.unmatched-old": "Not found in the new plan, not carried ({count}): {list}.",
    "wf.nextyear.unmatched-new": "Without last year's figure (none typed this year, or a new indicator) ({count}): {list}.",
    "wf.nextyear.same": "Same indicators, the {year} targets left blank: type them when the plan is issued.",
    "wf.nextyear.exists": "The workbook already has a sheet “{sheet}”, so it is not overwritten (it may hold next year's figures).",
    "wf.nextyear.exists.next": "Rename or delete that sheet, then try again; nothing was changed.",
    "wf.nextyear.bad-year": "Next year's plan ({year}) must come after this sheet's year {fromYear}.",
    "wf.load.moved": "The new plan numbers these differently: their figures follow the indicator's name to the new code {moves}.",
  },
};
