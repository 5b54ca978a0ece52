// The Google Sheets add-on's own words: only what is Sheets' (the menu's own items — those naming a
// pane action use the pane's words —, the consolidation edition and links, the resumable
// consolidation that Apps Script's 6-minute run and 9 KB property limits impose, a failure of Apps
// Script itself). Everything both hosts say is the core's (shared/i18n/workflow.ts, `wf.*`) or the
// pane's (ui/text.ts). This area is passed to `messages(lang, …)` explicitly, never registered.
import { fill, messages as withAreas, type MessageParams, type MessageTable } from "../../shared/i18n";
import type { Lang } from "../../shared/model";

export const messages = {
  vi: {
    "sheets.menu.open": "Mở bảng Chỉ tiêu thi đua",
    "sheets.menu.load": "Nạp kế hoạch…",
    "sheets.menu.consolidate": "Tổng hợp từ các đơn vị…",
    "sheets.unexpected": "Google Trang tính báo lỗi khi làm việc này; số liệu đã nhập không bị thay đổi. Thử lại; nếu vẫn lỗi, đóng thanh bên rồi mở lại.",
    "sheets.bad-cell": "“{cell}” không phải là một ô của bảng tính. Bấm Kiểm tra lại rồi chọn lại dòng cần sửa.",
    "sheets.needs-consolidation-edition": "Tổng hợp từ bảng tính của các đơn vị cần bản cài đặt “Chỉ tiêu thi đua – Tổng hợp” (được phép đọc các bảng tính khác). Nhờ người quản trị cài bản đó, hoặc dùng tệp .xlsx của các đơn vị trong Excel hay lệnh chitieu.",
    "sheets.no-links": "Hãy dán ít nhất một đường dẫn Google Trang tính của đơn vị.",
    "sheets.no-job": "Không có lượt tổng hợp nào đang dở.",
    "sheets.job-too-large": "Không giữ được lượt tổng hợp giữa các lần chạy: kế hoạch đã lưu và lượt tổng hợp cần {size} KB, quá {limit} KB Google Trang tính cho phép mỗi bảng tính. Chưa có gì được ghi. Hãy tổng hợp các tệp .xlsx của đơn vị bằng lệnh chitieu summary trên máy tính (hoặc trong Excel), hoặc tổng hợp ít đơn vị hơn mỗi lượt.",
    "sheets.consolidate.progress": "Đã đọc {done}/{total} tệp; còn {left} tệp. Bấm “Tiếp tục” để đọc tiếp.",
    "sheets.consolidate.cancelled": "Đã huỷ lượt tổng hợp đang dở.",
    "sheets.link.no-access": "tài khoản này không có quyền xem bảng tính đó; nhờ đơn vị chia sẻ quyền xem rồi tổng hợp lại",
    "sheets.link.unopened": "không mở được đường dẫn này (sai đường dẫn, hoặc bảng tính đã bị xóa); kiểm tra lại đường dẫn với đơn vị",
  },
  en: {
    "sheets.menu.open": "Open the indicators panel",
    "sheets.menu.load": "Load a plan…",
    "sheets.menu.consolidate": "Consolidate from units…",
    "sheets.unexpected": "Google Sheets reported an error while doing this; the figures you entered were not changed. Try again; if it keeps failing, close the sidebar and open it again.",
    "sheets.bad-cell": "“{cell}” is not a cell of the spreadsheet. Check again, then choose the row to fix again.",
    "sheets.needs-consolidation-edition": "Consolidating from the units' spreadsheets needs the “Chỉ tiêu thi đua – Consolidation” installation (allowed to read other spreadsheets). Ask your administrator to install it, or use the units' .xlsx files in Excel or with the chitieu command.",
    "sheets.no-links": "Paste at least one Google Sheets link of a unit.",
    "sheets.no-job": "There is no consolidation in progress.",
    "sheets.job-too-large": "The consolidation cannot be kept between runs: the stored plan and the consolidation need {size} KB, over the {limit} KB Google Sheets allows per spreadsheet. Nothing was written. Consolidate the units' .xlsx files with the chitieu summary command on a computer (or in Excel), or consolidate fewer units at a time.",
    "sheets.consolidate.progress": "Read {done}/{total} files; {left} left. Press “Continue” to read on.",
    "sheets.consolidate.cancelled": "The consolidation in progress was cancelled.",
    "sheets.link.no-access": "this account may not view that spreadsheet; ask the unit to share it for viewing, then consolidate again",
    "sheets.link.unopened": "this link does not open (a wrong link, or the spreadsheet was deleted); check the link with the unit",
  },
} satisfies Record<Lang, Record<string, string>>;

export type SheetsKey = keyof (typeof messages)["vi"];
/** A message of the core's workflow, said the same in every host. */
export type WorkflowKey = `wf.${string}`;

const tables: Partial<Record<Lang, MessageTable>> = {};

/** The message `key` (the add-on's own or the core's workflow's) in `lang`, filled. */
export function tg(key: SheetsKey | WorkflowKey, params: MessageParams = {}, lang: Lang = "vi"): string {
  const table = (tables[lang] ??= withAreas(lang, messages));
  return fill(table[key] ?? key, params);
}

/** A refusal and its next step as one line, as the core says them. */
export function refusal(key: WorkflowKey, next: WorkflowKey, params: MessageParams, lang: Lang): string {
  return `${tg(key, params, lang)} ${tg(next, params, lang)}`;
}
