// The Excel add-in's own words: only what is Excel's (its errors through Office.js, reading the
// units' files in the pane). Everything both hosts say is the core's (shared/i18n/workflow.ts, `wf.*`)
// or the pane's (ui/text.ts). This area is passed to `messages(lang, …)` explicitly, never registered.
import { fill, messages as withAreas, type MessageParams, type MessageTable } from "../../shared/i18n";
import type { Lang } from "../../shared/model";

export const messages = {
  vi: {
    "excel.edit-mode": "Excel đang ở chế độ sửa ô. Nhấn Enter hoặc Esc rồi thử lại.",
    "excel.unexpected": "Excel báo lỗi khi làm việc này: {detail}. Thử lại; nếu vẫn lỗi, đóng khung rồi mở lại.",
    "excel.consolidate.progress": "Đang đọc tệp {index}/{total}: {file}",
  },
  en: {
    "excel.edit-mode": "Excel is editing a cell. Press Enter or Esc, then try again.",
    "excel.unexpected": "Excel reported an error while doing this: {detail}. Try again; if it keeps failing, close the pane and open it again.",
    "excel.consolidate.progress": "Reading file {index}/{total}: {file}",
  },
} satisfies Record<Lang, Record<string, string>>;

export type ExcelKey = keyof (typeof messages)["vi"];
/** A message of the core's workflow, said the same in every host. */
export type WorkflowKey = `wf.${string}`;

const tables: Partial<Record<Lang, MessageTable>> = {};

/** The message `key` (the add-in's own or the core's workflow's) in `lang`, filled. */
export function tx(key: ExcelKey | WorkflowKey, params: MessageParams = {}, lang: Lang = "vi"): string {
  const table = (tables[lang] ??= withAreas(lang, messages));
  return fill(table[key] ?? key, params);
}

/** A refusal and its next step as one line, as the core says them ("… nên không ghi đè. Đổi tên trang đó rồi làm lại; …"). */
export function refusal(key: WorkflowKey, next: WorkflowKey, params: MessageParams, lang: Lang): string {
  return `${tx(key, params, lang)} ${tx(next, params, lang)}`;
}
