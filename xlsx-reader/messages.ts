// Messages of the .xlsx reader: why a file is refused for what its bytes are (empty, too big,
// encrypted, macros, a zip bomb, damaged). Every key takes {file}; XlsxFileError carries the key.
import { fill, messages as withAreas, type AreaMessages, type MessageParams, type MessageTable } from "../shared/i18n";
import type { Lang } from "../shared/model";

export const messages: AreaMessages = {
  vi: {
    "xlsx.empty": "{file}: tệp rỗng (0 byte), không phải bảng tính .xlsx.",
    "xlsx.too-big": "{file}: tệp quá lớn ({mb} MB, tối đa {limit} MB) để là một bảng chỉ tiêu.",
    "xlsx.old-xls": "{file}: đây là tệp Excel 97-2003 (.xls); hãy mở bằng Excel và lưu lại dưới dạng .xlsx.",
    "xlsx.not-zip": "{file}: không phải tệp Excel .xlsx (nội dung không phải bảng tính).",
    "xlsx.encrypted": "{file}: tệp được đặt mật khẩu (mã hóa) nên không đọc được; hãy mở bằng Excel, gỡ mật khẩu (Tệp > Thông tin > Bảo vệ sổ làm việc) rồi gửi lại.",
    "xlsx.macro": "{file}: tệp có chứa macro (VBA); vì an toàn, không đọc tệp có macro. Hãy mở bằng Excel và lưu lại dưới dạng Sổ làm việc Excel (.xlsx).",
    "xlsx.binary-workbook": "{file}: đây là sổ làm việc nhị phân Excel (.xlsb); hãy mở bằng Excel và lưu lại dưới dạng .xlsx.",
    "xlsx.damaged": "{file}: tệp .xlsx bị hỏng hoặc bị cắt cụt, không mở được; hãy xin gửi lại tệp.",
    "xlsx.not-workbook": "{file}: tệp nén này không chứa bảng tính Excel (thiếu xl/workbook.xml).",
    "xlsx.too-many-entries": "{file}: tệp chứa quá nhiều thành phần (trên {limit}), không phải bảng chỉ tiêu bình thường.",
    "xlsx.inflates-too-much": "{file}: tệp giải nén ra quá lớn (trên {limit} MB), không đọc.",
    "xlsx.too-many-cells": "{file}: trang tính có quá nhiều ô (trên {limit}), không phải bảng chỉ tiêu.",
    "xlsx.sheet-part-missing": "{file}: trang \"{sheet}\" bị hỏng (thiếu nội dung trang).",
  },
  en: {
    "xlsx.empty": "{file}: the file is empty (0 bytes), not an .xlsx workbook.",
    "xlsx.too-big": "{file}: the file is too large ({mb} MB, at most {limit} MB) to be an indicator workbook.",
    "xlsx.old-xls": "{file}: this is an Excel 97-2003 file (.xls); open it in Excel and save it as .xlsx.",
    "xlsx.not-zip": "{file}: not an Excel .xlsx file (the content is not a workbook).",
    "xlsx.encrypted": "{file}: the file is password-protected (encrypted) and cannot be read; open it in Excel, remove the password (File > Info > Protect Workbook) and send it again.",
    "xlsx.macro": "{file}: the file contains macros (VBA); for safety, files with macros are not read. Open it in Excel and save it as an Excel Workbook (.xlsx).",
    "xlsx.binary-workbook": "{file}: this is an Excel binary workbook (.xlsb); open it in Excel and save it as .xlsx.",
    "xlsx.damaged": "{file}: the .xlsx file is damaged or truncated and cannot be opened; ask for it again.",
    "xlsx.not-workbook": "{file}: this archive holds no Excel workbook (xl/workbook.xml is missing).",
    "xlsx.too-many-entries": "{file}: the file holds too many parts (over {limit}); not a normal indicator workbook.",
    "xlsx.inflates-too-much": "{file}: the file unpacks to too much data (over {limit} MB); not read.",
    "xlsx.too-many-cells": "{file}: a sheet has too many cells (over {limit}); not an indicator sheet.",
    "xlsx.sheet-part-missing": "{file}: sheet \"{sheet}\" is damaged (its content is missing).",
  },
};

const tables: Partial<Record<Lang, MessageTable>> = {};

/** A reader's message (or the core's) in `lang`: this area is passed to messages(lang, …), never registered. */
export function xlsxText(key: string, params: MessageParams = {}, lang: Lang = "vi"): string {
  const table = (tables[lang] ??= withAreas(lang, messages));
  return fill(table[key] ?? key, params);
}
