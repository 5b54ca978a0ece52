// Messages of `chitieu report`, Vietnamese and English with the same keys and placeholders.
import type { AreaMessages } from "../../shared/i18n";

export const messages: AreaMessages = {
  vi: {
    "report.cli.out-not-docx": "Tệp ra phải có đuôi .docx: {file}",
    "report.cli.bad-period": "Kỳ báo cáo không hợp lệ: {value} (dùng 6-thang, 9-thang hoặc ca-nam).",
    "report.cli.bad-date": "Ngày báo cáo không hợp lệ: {value} (viết như 05/12/2026 hoặc 2026-12-05).",
    "report.cli.written": "Đã ghi báo cáo {file} ({pages}).",
    "report.cli.kind-unit": "báo cáo của một đơn vị, phụ lục {rows} dòng",
    "report.cli.kind-consolidated": "báo cáo tổng hợp {units} đơn vị, phụ lục {rows} dòng",
    "report.cli.no-pictures-soffice": "Máy này không có LibreOffice (lệnh soffice) nên báo cáo không có hình biểu đồ; phần chữ và bảng vẫn đầy đủ. Cài gói libreoffice-draw rồi chạy lại để có biểu đồ.",
    "report.cli.no-pictures-failed": "LibreOffice không vẽ được biểu đồ ({detail}); báo cáo vẫn ghi, không có hình biểu đồ.",
    "report.cli.pdf-failed": "LibreOffice không in được PDF từ {file} ({detail}); tệp .docx vẫn đã ghi.",
    "report.cli.pdf-no-soffice": "Máy này không có LibreOffice (lệnh soffice) nên không in được PDF; tệp .docx vẫn đã ghi. Cài gói libreoffice-writer rồi chạy lại với --pdf.",
    "report.cli.pdf-written": "Đã in ra {file}.",
    "report.cli.consolidated": "Đã tổng hợp {used}/{total} tệp; {failed} tệp không dùng được (có tên và lý do trong mục IV của báo cáo).",
  },
  en: {
    "report.cli.out-not-docx": "The output file must end in .docx: {file}",
    "report.cli.bad-period": "Not a reporting period: {value} (use 6-thang, 9-thang or ca-nam).",
    "report.cli.bad-date": "Not a report date: {value} (write it as 05/12/2026 or 2026-12-05).",
    "report.cli.written": "Wrote the report {file} ({pages}).",
    "report.cli.kind-unit": "one unit's report, appendix of {rows} rows",
    "report.cli.kind-consolidated": "consolidated report of {units} units, appendix of {rows} rows",
    "report.cli.no-pictures-soffice": "LibreOffice (the soffice command) is not installed here, so the report has no chart pictures; its text and tables are complete. Install libreoffice-draw and run again to get the charts.",
    "report.cli.no-pictures-failed": "LibreOffice could not draw the charts ({detail}); the report was written without chart pictures.",
    "report.cli.pdf-failed": "LibreOffice could not print {file} to PDF ({detail}); the .docx was written.",
    "report.cli.pdf-no-soffice": "LibreOffice (the soffice command) is not installed here, so no PDF was printed; the .docx was written. Install libreoffice-writer and run again with --pdf.",
    "report.cli.pdf-written": "Printed {file}.",
    "report.cli.consolidated": "Consolidated {used}/{total} files; {failed} could not be used (named with the reason in part IV of the report).",
  },
};
