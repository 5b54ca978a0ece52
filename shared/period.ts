// The period a workbook reports on (six months, nine months, the whole year) and how an indicator
// is judged before the year is over. The rules are written down in README (section "Periods"):
//
// - An amount that adds up over the year (revenue, investment, output, jobs created, visitors) is
//   judged by its percentage of the ANNUAL plan against the share of the year elapsed: on track
//   ("Đạt tiến độ") at ≥ 50 % after six months and ≥ 75 % after nine, otherwise "Chậm tiến độ".
//   Plans give annual targets with no monthly profile, and the six- and nine-month reviews (sơ kết)
//   measure them against the linear share ("đạt 52 % kế hoạch năm"); an office whose revenue is
//   seasonal sets its own share (Settings.progressShare, the "Danh mục" cell ChiTieu_TienDo).
// - A level or a rate (a share of insured people, an unemployment rate, a growth rate of the period)
//   can be judged at any time: the indicator's own rule applies (Vượt / Đạt / Không đạt).
// - What is only measured at year end (a poverty review, population statistics, recognitions such
//   as "gia đình văn hóa", yes/no outcomes, changes against last year's level) is "Chưa đến kỳ đánh
//   giá" in a partial period.
// The class comes from the unit and the name (periodKindOf), and a plan may set it per indicator
// (Indicator.periodKind) where the rule would be wrong.
import { foldDiacritics } from "./actual";
import type { Indicator, Lang, Period, Settings, Status } from "./model";
import { PERIODS } from "./model";

export type PeriodKind = NonNullable<Indicator["periodKind"]>;

/** The labels a partial period shows in "Đánh giá", beside the five statuses. */
export const PERIOD_LABELS = ["Đạt tiến độ", "Chậm tiến độ", "Chưa đến kỳ đánh giá"] as const;
export type PeriodLabel = (typeof PERIOD_LABELS)[number];
/** Everything "Đánh giá" may show. */
export type StatusLabel = Status | PeriodLabel;

/** The status each period label counts as, so tallies, consolidation and the JSON contract keep their five statuses. */
export const STATUS_OF_LABEL: Readonly<Record<PeriodLabel, Status>> = {
  "Đạt tiến độ": "Đạt",
  "Chậm tiến độ": "Không đạt",
  "Chưa đến kỳ đánh giá": "Chưa đến hạn",
};

export function statusOfLabel(label: string): Status {
  return (STATUS_OF_LABEL as Record<string, Status>)[label] ?? (label as Status);
}

export function isPartial(period: Period | undefined): period is "6-thang" | "9-thang" {
  return period === "6-thang" || period === "9-thang";
}

export function periodOf(settings: Pick<Settings, "period">): Period {
  return settings.period ?? "ca-nam";
}

/** Months the period covers. */
export function monthsOf(period: Period): number {
  return period === "6-thang" ? 6 : period === "9-thang" ? 9 : 12;
}

/** The share of the annual plan an amount must reach to be on track: the settings' own, else the share of the year elapsed. */
export function progressShareOf(settings: Pick<Settings, "period" | "progressShare">): number {
  return settings.progressShare ?? monthsOf(periodOf(settings)) / 12;
}

const MONEY_UNIT = /(^|[\s/])(dong|usd|vnd)(?=$|[\s/])/;
const FLOW_WORDS =
  /(^|\s)(thu|chi|doanh thu|gia tri san xuat|san xuat|tong muc|ban le|von|dau tu|kim ngach|xuat khau|nhap khau|san luong|khach|luot|viec lam|thanh lap|hoan thanh|buoi|tang moi|tang them|xay dung moi|tuyen moi|cap moi)(\s|$)/;
const LEVEL_WORDS = /(^|\s)(ty le|ti le|ty trong|ti trong|toc do|ty suat|ty so|chi so|mat do|binh quan|trung binh|dau nguoi)(\s|$)|\btren (0?1|mot)\b/;
const YEAR_END_WORDS =
  /(^|\s)(ho ngheo|dan so tu nhien|ty suat sinh|gioi tinh khi sinh|suy dinh duong|dau nguoi|van hoa|dat chuan|pho cap|nong thon moi|binh quan hang nam)(\s|$)/;

/**
 * How a partial period judges an indicator, from its comparator, unit and name (the plan's
 * `periodKind` wins, except that only a target to reach (≥, >, ≈, a range) can be cumulative):
 * 1. yes/no outcomes and changes against last year's level (giảm/tăng … so với năm trước) are
 *    known at year end;
 * 2. an amount that adds up: a higher-is-better target, a unit that is not a rate (no %, no
 *    "…/người"), no level word in the name ("bình quân", "tỷ lệ", "trên 01 ha"), and a money unit
 *    or a flow word (thu, vốn, kim ngạch, sản lượng, khách, lượt, việc làm, thành lập, hoàn thành …);
 * 3. year-end statistics and recognitions by their names (hộ nghèo, dân số tự nhiên, văn hóa, đạt
 *    chuẩn, phổ cập …);
 * 4. everything else is a level, judged by its own rule.
 */
export function periodKindOf(indicator: Pick<Indicator, "name" | "unit" | "comparator" | "periodKind">): PeriodKind {
  const c = indicator.comparator;
  // Only a target to reach can be pro-rated: a ceiling, an exact value or a yes/no has no share of the year.
  const higherIsBetter = c === ">=" || c === ">" || c === "approx" || c === "range";
  if (indicator.periodKind) return indicator.periodKind === "cumulative" && !higherIsBetter ? "level" : indicator.periodKind;
  if (c === "boolean" || c === "decrease-by" || c === "increase-by") return "year-end";
  const name = foldDiacritics(indicator.name);
  const unit = foldDiacritics(indicator.unit).replace(/\blao dong\b/g, "nguoi");
  const rateUnit = unit.includes("%") || unit.includes("/");
  if (higherIsBetter && !rateUnit && !LEVEL_WORDS.test(name) && (MONEY_UNIT.test(unit) || FLOW_WORDS.test(name) || FLOW_WORDS.test(unit))) return "cumulative";
  if (YEAR_END_WORDS.test(name)) return "year-end";
  return "level";
}

/** "6-thang", "6", "6 tháng", "9", "ca-nam", "cả năm", "nam", "year", "12" → the period, or null. */
export function parsePeriod(text: string): Period | null {
  const folded = foldDiacritics(text.normalize("NFC")).replace(/[\s_]+/g, "-").replace(/^-|-$/g, "");
  if ((PERIODS as readonly string[]).includes(folded)) return folded as Period;
  if (/^(6|6-thang|6-thang-dau-nam|sau-thang|h1|6m)$/.test(folded)) return "6-thang";
  if (/^(9|9-thang|9-thang-dau-nam|chin-thang|9m)$/.test(folded)) return "9-thang";
  if (/^(12|ca-nam|nam|year|12-thang|full-year)$/.test(folded)) return "ca-nam";
  return null;
}

const LABEL: Record<Lang, Record<Period, string>> = {
  vi: { "6-thang": "6 tháng đầu năm", "9-thang": "9 tháng đầu năm", "ca-nam": "năm" },
  en: { "6-thang": "first six months of", "9-thang": "first nine months of", "ca-nam": "year" },
};

/** "6 tháng đầu năm 2026", "9 tháng đầu năm 2026", "năm 2026": what titles and headers say. */
export function periodPhrase(period: Period, year: number, lang: Lang = "vi"): string {
  return `${LABEL[lang][period]} ${year}`;
}

/** How a sentence about the period begins: "6 tháng đầu năm", "9 tháng đầu năm" ("Cả năm" at year end). */
export function periodOpening(period: Period, lang: Lang = "vi"): string {
  if (lang === "en") return period === "6-thang" ? "In the first six months" : period === "9-thang" ? "In the first nine months" : "Over the year";
  return period === "6-thang" ? "6 tháng đầu năm" : period === "9-thang" ? "9 tháng đầu năm" : "Cả năm";
}

/** For pickers and messages: "6 tháng", "9 tháng", "Cả năm". */
export function periodLabel(period: Period, lang: Lang = "vi"): string {
  if (lang === "en") return period === "6-thang" ? "Six months" : period === "9-thang" ? "Nine months" : "Whole year";
  return period === "6-thang" ? "6 tháng" : period === "9-thang" ? "9 tháng" : "Cả năm";
}
