// The words of a pane that cannot start (ui/start-watchdog.ts): apart from the rest of the texts so
// the watchdog, which loads before everything else, stays a few hundred bytes.
import type { Lang } from "../shared/model";

const vi = {
  "fail.start.title": "Khung Chỉ tiêu thi đua không khởi động được",
  "fail.start.excel": "Excel không nạp được thư viện Office (có thể mạng chặn appsforoffice.microsoft.com, hoặc Excel quá cũ).",
  "fail.start.sheets": "Google Trang tính không kết nối được với phần bổ trợ (google.script.run không có).",
  "fail.start.old": "Phiên bản Excel này quá cũ cho phần bổ trợ (cần Excel 2019 trở lên, Microsoft 365 hoặc Excel trên web).",
  "fail.start.outside": "Trang này là khung của phần bổ trợ: hãy mở nó từ Excel (thẻ Trang đầu › Chỉ tiêu thi đua).",
  "fail.start.next": "Việc tiếp theo: đóng khung rồi mở lại. Nếu vẫn không được, dùng biểu mẫu Excel (.xlsx) của phần mềm: nhập số vào tệp mẫu và gửi cho bộ phận tổng hợp kiểm tra.",
} as const;

export type StartTextKey = keyof typeof vi;

const en: Record<StartTextKey, string> = {
  "fail.start.title": "The emulation indicators pane could not start",
  "fail.start.excel": "Excel could not load the Office library (the network may block appsforoffice.microsoft.com, or Excel is too old).",
  "fail.start.sheets": "Google Sheets could not connect to the add-on (google.script.run is missing).",
  "fail.start.old": "This version of Excel is too old for the add-in (it needs Excel 2019 or later, Microsoft 365 or Excel on the web).",
  "fail.start.outside": "This page is the add-in's pane: open it from Excel (Home › Chỉ tiêu thi đua).",
  "fail.start.next": "Next: close the pane and open it again. If it still fails, use the product's Excel template (.xlsx): type the figures into it and send it to the office that consolidates.",
};

export const START_TEXTS: Record<Lang, Record<StartTextKey, string>> = { vi, en };
