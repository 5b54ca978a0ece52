// What the unit report and the consolidated report share: the header block, the signature block,
// "Nơi nhận", the date line and how figures are written.
import { t } from "../i18n";
import type { Indicator, Lang, Period } from "../model";
import { periodPhrase } from "../period";
import { targetCell } from "../sheet/summary-sheet";
import { issuingBodyLines, placeOf, unitName } from "../sheet/style";
import { formatNumberFor } from "../validate";
import type { HeaderBlock, SignatureBlock } from "./model";

export interface ReportOptions {
  /** The reporting unit, e.g. "Phường Đông Hải" (by default the plan's issuer). */
  unit?: string;
  /** The date of the report, "2026-12-05" or "05/12/2026"; left to fill by hand without it. */
  date?: string;
  /** The figures are estimates ("ước thực hiện"), as in reports written before the year closes. */
  estimate?: boolean;
  /** The body the report goes to, named in "Nơi nhận" (e.g. "UBND thành phố Hải Phòng"). */
  recipient?: string;
  /** The period reported on (shared/period.ts); the whole year by default. */
  period?: Period;
  lang?: Lang;
}

/** "năm 2026", "6 tháng đầu năm 2026": what the title says. */
export function periodText(period: Period | undefined, year: number, lang: Lang): string {
  return periodPhrase(period ?? "ca-nam", year, lang);
}

/** "2026-12-05" or "05/12/2026" → [day, month, year], or null. */
export function parseReportDate(text: string | undefined): [number, number, number] | null {
  if (!text) return null;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text.trim());
  const vn = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text.trim());
  const [d, m, y] = iso ? [Number(iso[3]), Number(iso[2]), Number(iso[1])] : vn ? [Number(vn[1]), Number(vn[2]), Number(vn[3])] : [0, 0, 0];
  if (!y || m < 1 || m > 12 || d < 1) return null;
  // Days in the month (day 0 of the next month), so 31/02 is refused rather than printed.
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d <= days ? [d, m, y] : null;
}

/** Decree 30 date line: a leading 0 for days 1–9 and months 1–2; blanks to fill by hand without a date. */
export function placeDateLine(place: string, date: string | undefined, year: number, lang: Lang): string {
  const parsed = parseReportDate(date);
  if (!parsed) return t("report.place-date-blank", { place, year }, lang);
  const [d, m, y] = parsed;
  const day = d < 10 ? `0${d}` : String(d);
  const month = lang === "vi" ? (m <= 2 ? `0${m}` : String(m)) : m < 10 ? `0${m}` : String(m);
  return t("report.place-date", { place, day, month, year: y }, lang);
}

export function headerBlock(unit: string, year: number, date: string | undefined, lang: Lang): HeaderBlock {
  const [, issuer] = issuingBodyLines(unit);
  return {
    issuerParent: t("report.issuer-parent", {}, lang),
    issuer,
    nation: t("report.nation", {}, lang),
    motto: t("report.motto", {}, lang),
    numberLine: t("report.number-line", {}, lang),
    placeDate: placeDateLine(placeOf(unit), date, year, lang),
  };
}

export function signatureBlock(lang: Lang): SignatureBlock {
  return { authority: t("report.sign-authority", {}, lang), position: t("report.sign-position", {}, lang), name: "" };
}

export function recipientsOf(recipient: string | undefined, lang: Lang): { label: string; lines: string[] } {
  const lines = recipient ? [t("report.recipient-to", { body: recipient }, lang)] : [t("report.recipient-above", {}, lang)];
  lines.push(t("report.recipient-archive", {}, lang));
  return { label: t("report.recipients", {}, lang), lines };
}

/** "UBND Phường Đông Hải" as the subject of a sentence. */
export function reporterName(unit: string, lang: Lang): string {
  const name = unitName(unit);
  // "UBND phường Đông Hải": after "UBND" the kind of unit is written in lower case.
  const inSentence = name.replace(/^(Phường|Xã|Thị trấn|Quận|Huyện|Thị xã|Thành phố|Tỉnh|Đặc khu)\s/u, (kind) => kind.toLocaleLowerCase("vi"));
  return lang === "vi" ? `UBND ${inSentence}` : `the People's Committee of ${name}`;
}

/** Whether the reporting unit is the body that issued the plan ("UBND phường Đông Hải" and "Phường Đông Hải"). */
export function sameBody(a: string, b: string): boolean {
  const fold = (s: string) => unitName(s).toLocaleLowerCase("vi").replace(/\s+/g, " ").trim();
  return fold(a) === fold(b);
}

export function formatFigure(value: number | boolean | null | undefined, lang: Lang): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "boolean") return t(value ? "report.yes" : "report.no", {}, lang);
  return formatNumberFor(value, lang);
}

/** A percentage with at most one decimal: 105,3. */
export function formatPercent(value: number | null | undefined, lang: Lang): string {
  if (typeof value !== "number" || !Number.isFinite(value)) return "";
  return formatNumberFor(Math.round(value * 10) / 10, lang);
}

/** The target as the table writes it: "95", "Dưới 2,5", "2 - 4", "Giảm 0,2". */
export function targetText(indicator: Indicator, reportYear: number, lang: Lang): string {
  const value = targetCell(indicator, reportYear, lang);
  if (typeof value === "number") return formatNumberFor(value, lang);
  if (typeof value === "boolean") return formatFigure(value, lang);
  return value ?? "";
}
