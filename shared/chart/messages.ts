// Messages of the charts (titles, legends, axis), Vietnamese and English with the same keys.
import type { AreaMessages } from "../i18n";

export const messages: AreaMessages = {
  vi: {
    "chart.completion.title": "Tỷ lệ thực hiện so với kế hoạch năm {year} (%)",
    "chart.counts.title": "Số chỉ tiêu theo kết quả đánh giá năm {year}",
    "chart.ranking.title": "Xếp hạng các đơn vị theo tỷ lệ chỉ tiêu đạt và vượt năm {year} (%)",
    "chart.legend.none": "Chưa có số liệu / chưa đến hạn",
    "chart.reference": "100% kế hoạch",
    "chart.series.percent": "Tỷ lệ TH/KH (%)",
    "chart.series.count": "Số chỉ tiêu",
    "chart.series.share": "Tỷ lệ đạt và vượt (%)",
    "chart.flagged": "(số liệu có lỗi)",
    "chart.no-share": "Không có chỉ tiêu đến hạn",
  },
  en: {
    "chart.completion.title": "Completion against the {year} targets (%)",
    "chart.counts.title": "Indicators by assessment, {year}",
    "chart.ranking.title": "Units ranked by share of indicators met or exceeded, {year} (%)",
    "chart.legend.none": "No data / not yet due",
    "chart.reference": "100% of target",
    "chart.series.percent": "Actual/target (%)",
    "chart.series.count": "Indicators",
    "chart.series.share": "Share met or exceeded (%)",
    "chart.flagged": "(figures with errors)",
    "chart.no-share": "No indicator due",
  },
};
