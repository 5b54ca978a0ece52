// What each figure of a clause is, from the words around it. Reports put several figures in one
// clause: the actual ("ước đạt 36.900 tỉ đồng"), the percent of plan ("đạt 109,3% kế hoạch",
// "vượt 8,4% kế hoạch" = 108,4 %), a year-on-year change ("tăng 3,9% so với năm trước", never a
// percent of plan), a printed target ("(KH: 73.670 tỷ đồng)", "thấp hơn mức 8,1% theo kế hoạch"),
// an excess over the plan ("vượt 204,4 tấn so với kế hoạch"), a share ("chiếm 41,6%") or a growth
// rate. Everything is matched on folded text (no diacritics, lower case), index for index.
import { quantityAt, type Quantity } from "./quantity";

export type MarkKind = "actual" | "percent" | "yoy" | "target" | "excess" | "shortfall" | "growth" | "share" | "rank";

export interface Mark {
  kind: MarkKind;
  q: Quantity;
  /** Where the governing words start (the verb before the figure), for naming what comes before. */
  lead: number;
  /** Where the mark's words end (the plan's words after a percentage included). */
  end: number;
  /** Percent of plan, after "vượt"/"tăng" are added to 100. */
  percent?: number;
  /** "vượt 468,9% dự toán": the figure as printed, when it may have been meant as the percent itself. */
  percentAlt?: number;
  /** The plan's words after a percentage ("dự toán Trung ương giao"). */
  basis?: string;
  approximate?: string;
  /** A percent of plan given only as a bound ("vượt trên 100% kế hoạch"): it says the status, not the percent nor a target. */
  boundOnly?: boolean;
  /** "có 3/4 thôn đạt chuẩn …": the figure comes first and the words after it (its unit included) are the name. */
  numberFirst?: { start: number; end: number };
  /** A figure right after its indicator's name, with no verb ("Tỷ lệ hộ nghèo 1,2%"). */
  bare?: boolean;
  /** A status the mark's own words state ("vượt xa kế hoạch 24.200 tấn", "thấp hơn mức … kế hoạch"). */
  status?: "Vượt" | "Đạt" | "Không đạt";
}

const PLAN_WORD = String.raw`(?:ke hoach|kh\b|kbtt\b|du toan|chi tieu|nghi quyet|nq\b|muc tieu|kich ban)`;
const APPROX = String.raw`(hon|tren|gan|khoang|xap xi|duoi|it nhat|toi thieu|gan nhu|tren duoi)`;
const YOY_AFTER = new RegExp(String.raw`^\s*(?:\([^)]*\)\s*)?(?:so\s+(?:voi\s+)?|voi\s+)(?:cung ky|ck\b|nam truoc|nam ngoai|cung thoi diem|ky truoc|thang truoc|(?:nam\s+)?\d{4}|cung ky nam)`);
const PLAN_AFTER = new RegExp(String.raw`^\s*(?:so\s+(?:voi\s+)?|theo\s+|cua\s+)?${PLAN_WORD}`);
const PLAN_BASIS = new RegExp(String.raw`^\s*((?:so\s+(?:voi\s+)?|theo\s+|cua\s+)?${PLAN_WORD}(?:(?!\s+(?:uoc|va|tang|giam|dat|bang|vuot|trong do)\b)[^,;()\d])*)`);
const PERCENT_LEAD = new RegExp(String.raw`(?:^|[\s,(])((?:vuot|tang|giam|dat|bang|tuong duong|cham moc|dat ty le|dat ti le|thuc hien|uoc dat|dat muc|bang khoang)\s+)?(?:${APPROX}\s+)?$`);
const TARGET_LEAD = new RegExp(
  String.raw`(?:(vuot(?:\s+xa)?|so voi|thap hon|cao hon|duoi|tren)\s+)?(?:muc\s+)?(?:${PLAN_WORD}|\bgiao)\)?(?:\s*\([^)]*\))?(?:\s+(?:duoc giao|giao|de ra|nam \d{4}|ca nam|tinh|huyen|xa))*\s*(?::|la|=)?\s*(?:${APPROX}\s+)?$`,
);
const BELOW_LEAD = /(thap hon|cao hon|duoi|vuot(?= (?:so voi )?muc))\s+(?:so voi\s+)?(?:muc\s+)?$/;
const PLAN_NEAR_AFTER = new RegExp(String.raw`^\s*(?:%|[^\d;]{0,6})?\s*(?:theo|cua|so voi|trong)?\s*${PLAN_WORD}`);
const ACTUAL_LEAD = new RegExp(
  String.raw`(?:^|[\s,(])((?:uoc\s+|du kien\s+|uoc tinh\s+|da\s+|chi\s+)?(?:dat(?:\s+(?:duoc|muc|ty le|ti le|tong cong))?|thuc hien(?:\s+duoc)?|la|con|giam con|giam xuong con|giam xuong|tang len|len|chiem|dat khoang|cho)\s*:?\s*)(?:${APPROX}\s+)?$`,
);
const GROWTH_LEAD = new RegExp(String.raw`(?:^|[\s,(])((?:chi\s+)?(?:tang|giam|tang truong)(?:\s+binh quan)?\s+)(?:${APPROX}\s+)?$`);
const EXCESS_LEAD = new RegExp(String.raw`(vuot|cao hon|nhieu hon|thap hon|it hon|giam|thieu|hut)\s+(?:${APPROX}\s+)?$`);
/** Names that read as an indicator's, for a figure given without a verb. */
const BARE_NAME = /^(?:ty le|ti le|ty trong|ti trong|ty suat|ty so|so (?:luot|ho|xa|thon|nguoi|lao dong|doanh nghiep|tre|hoc sinh)|tong (?:so|thu|chi|von|gia tri|san|muc|luot|dien)|thu (?:ngan sach|nhap)|chi ngan sach|gia tri|san luong|dien tich|kim ngach|toc do|grdp|grdp|muc giam|nang suat|doanh thu)/;
const LEAD_WORDS = /^(?:\s|,|-|\+|•|theo do|ngoai ra|trong do|dong thoi|nam \d{4}|ca nam)+/;
const NUMBER_FIRST = new RegExp(String.raw`(?:^|[\s,;(])(?:toan (?:xa|phuong|huyen|tinh|thi tran) |ca (?:xa|phuong|huyen|tinh) |da )?co\s+(?:${APPROX}\s+)?$`);
const RESULT_SIGNAL = /\bdat\b|hoan thanh|\bvuot\b|ke hoach|chi tieu|cong nhan|\bchiem\b|giu vung|duy tri/;
const EXCESS_AFTER_PLAN = new RegExp(String.raw`(?:^|[\s,(])(?:vuot|tang)\s+(?:so voi\s+)?${PLAN_WORD}(?:\s+(?:duoc giao|giao|de ra|nam|ca nam|tinh|huyen|xa))*\s*$`);
const RANK_LEAD = /(?:xep|dung|xep hang|dung thu|hang|thu)\s*(?:thu\s*)?$/;
/** Words before a number that make it a date, a period or a reference, never a result. */
const REFERENCE_LEAD = /(?:^|[\s(])(?:nam|ngay|thang|quy|lan thu|thu|khoa|dieu|khoan|so|nghi quyet|quyet dinh|ke hoach so|giai doan|nhiem ky|dot|ky|date)\s*$/;
const PERIOD_UNIT = /^(?:thang|nam|ngay|quy|tuan)$/;

function approxOf(match: RegExpExecArray | null, group: number): string | undefined {
  return match?.[group] ? match[group] : undefined;
}

/** The figures of folded text `folded[from, to)`, each with its kind; numbers that are dates or names are left out. */
export function marksOf(text: string, folded: string, from: number, to: number, part = false): Mark[] {
  const marks: Mark[] = [];
  let i = from;
  while (i < to) {
    const ch = folded[i];
    if (!/\d/.test(ch) || (i > from && /[\da-z]/.test(folded[i - 1]))) {
      i++;
      continue;
    }
    const q = quantityAt(text, folded, i);
    if (!q || q.end > to + 1) {
      i++;
      continue;
    }
    const mark = classify(text, folded, from, to, q, marks, part);
    if (mark) marks.push(mark);
    i = Math.max(q.end, i + 1);
  }
  return marks;
}

function classify(text: string, folded: string, from: number, to: number, q: Quantity, before: readonly Mark[], part: boolean): Mark | null {
  const lastEnd = before.length ? before[before.length - 1].end : from;
  const back = folded.slice(Math.max(from, q.start - 60), q.start);
  const after = folded.slice(q.end, Math.min(to, q.end + 80));
  // Dates, years, periods and references ("năm 2025", "15-11-2025", "9 tháng", "lần thứ 3").
  if (/^[-/.]\d/.test(folded.slice(q.numberEnd, q.numberEnd + 2)) && q.over === null) return null;
  if (q.start > 0 && /[-/]$/.test(folded.slice(q.start - 1, q.start)) && /\d/.test(folded[q.start - 2] ?? "")) return null;
  if (REFERENCE_LEAD.test(back) && !q.percent && !(q.over !== null && RANK_LEAD.test(back))) return null;
  if (!q.percent && q.unit === "" && q.value >= 1900 && q.value <= 2100 && Number.isInteger(q.value)) return null;
  if (PERIOD_UNIT.test(q.unitFolded)) return null;
  // "22 chỉ tiêu", "19 tiêu chí": counts of indicators belong to the tally, never a result.
  if (/^(?:chi tieu|tieu chi)$/.test(q.unitFolded)) return null;
  const at = (lead: number): number => Math.max(lastEnd, lead);

  if (q.over !== null && !q.percent) {
    // "xếp thứ 3/27": a rank, not actual over target; "18/22 chỉ tiêu": the tally, read elsewhere.
    if (RANK_LEAD.test(back)) return { kind: "rank", q, lead: at(q.start - (RANK_LEAD.exec(back)?.[0].length ?? 0)), end: q.end };
    if (/^(?:chi tieu|tieu chi)/.test(q.unitFolded) || /^\s*(?:chi tieu|tieu chi)/.test(after)) return null;
    // "số chỉ tiêu đạt 44/57", "đạt 12/19 tiêu chí": counts of indicators or criteria, not a result.
    if (/(?:chi tieu|tieu chi)[^.;,\d]{0,20}$/.test(back)) return null;
  }
  if (q.percent) {
    if (YOY_AFTER.test(after)) {
      const lead = GROWTH_LEAD.exec(back) ?? PERCENT_LEAD.exec(back);
      return { kind: "yoy", q, lead: at(q.start - (lead?.[0].length ?? 0)), end: q.end + (YOY_AFTER.exec(after)?.[0].length ?? 0) };
    }
    const below = BELOW_LEAD.exec(back);
    if (below && PLAN_NEAR_AFTER.test(after)) {
      // "thấp hơn mức 8,1% theo kế hoạch": the plan's figure, and the verdict.
      const status = below[1] === "thap hon" || below[1] === "duoi" ? "Không đạt" : "Vượt";
      return { kind: "target", q, lead: at(q.start - below[0].length), end: q.end + (PLAN_BASIS.exec(after)?.[0].length ?? 0), status };
    }
    if (PLAN_AFTER.test(after)) {
      const lead = PERCENT_LEAD.exec(back);
      const verb = (lead?.[1] ?? "").trim();
      const printed = q.value;
      let percent = printed;
      let percentAlt: number | undefined;
      if (verb === "vuot" || verb === "tang") {
        percent = 100 + printed;
        // "vượt 468,9% dự toán": exceeding by more than the whole plan is rare; the writer may mean 468,9 %.
        if (printed >= 100) percentAlt = printed;
      } else if (verb === "giam") percent = 100 - printed;
      const basisMatch = PLAN_BASIS.exec(after);
      const basisStart = q.end + (basisMatch ? basisMatch[0].length - basisMatch[1].length : 0);
      const basis = basisMatch ? text.slice(basisStart, basisStart + basisMatch[1].length).replace(/[\s.…:]+$/, "").trim() : "";
      const approximate = approxOf(lead, 2);
      // "vượt trên 100% kế hoạch", "đạt hơn 105% kế hoạch": a bound, not the percent; it still says which side of the plan.
      if (approximate && /^(?:tren|hon|it nhat|toi thieu)$/.test(approximate)) {
        return { kind: "target", q, lead: at(q.start - (lead?.[0].length ?? 0)), end: q.end + (PLAN_BASIS.exec(after)?.[0].length ?? 0), status: percent >= 100 ? "Vượt" : undefined, boundOnly: true };
      }
      return { kind: "percent", q, lead: at(q.start - (lead?.[0].length ?? 0)), end: q.end + (PLAN_BASIS.exec(after)?.[0].length ?? 0), percent, percentAlt, basis, approximate };
    }
  } else if (PLAN_AFTER.test(after) && q.unit !== "") {
    // "vượt 204,4 tấn so với kế hoạch": the plan is the actual less the excess.
    const lead = EXCESS_LEAD.exec(back);
    if (lead) {
      const kind = /vuot|cao hon|nhieu hon/.test(lead[1]) ? "excess" : "shortfall";
      return { kind, q, lead: at(q.start - lead[0].length), end: q.end + (PLAN_BASIS.exec(after)?.[0].length ?? 0), status: kind === "excess" ? "Vượt" : "Không đạt" };
    }
  }
  // "vượt kế hoạch 6,7%", "tăng so với dự toán 5%": the excess over the plan, written after the plan's word.
  const over = q.percent ? EXCESS_AFTER_PLAN.exec(back) : null;
  if (over) {
    return { kind: "percent", q, lead: at(q.start - over[0].length + (/^[\s,(]/.test(over[0]) ? 1 : 0)), end: q.end, percent: 100 + q.value, basis: "" };
  }
  const target = TARGET_LEAD.exec(back);
  if (target && (target.index === 0 || /[\s(,;:/]/.test(back[target.index - 1] ?? " ") || /[(]/.test(back[target.index] ?? ""))) {
    const status = target[1] ? (/vuot|cao hon|tren/.test(target[1]) ? "Vượt" : /thap hon|duoi/.test(target[1]) ? "Không đạt" : undefined) : undefined;
    return { kind: "target", q, lead: at(q.start - target[0].length), end: q.end + skipGiven(after), status, approximate: approxOf(target, 2) };
  }
  // "có 3/4 thôn đạt chuẩn …", "toàn xã có 1.250 hộ đạt danh hiệu …": the figure first, then what it counts.
  const first = NUMBER_FIRST.exec(back);
  // Only a result when its clause says so ("… đạt chuẩn", "được công nhận", "đạt 75% kế hoạch", "chiếm"):
  // "Đảng bộ có 46 tổ chức cơ sở với 1.298 đảng viên" describes, it does not report.
  if (first && (q.unit !== "" || q.percent) && RESULT_SIGNAL.test(folded.slice(q.end, to))) {
    const rest = folded.slice(q.end, to);
    const stop = /[,;(]|\s(?:dat|tang|giam|vuot|bang|chiem)\s+\d/.exec(rest);
    const nameEnd = q.end + (stop ? stop.index : rest.length);
    const lead = q.start - first[0].length + (/^[\s,;(]/.test(first[0]) ? 1 : 0);
    return { kind: "actual", q, lead: at(lead), end: nameEnd, numberFirst: { start: q.numberEnd, end: nameEnd }, approximate: approxOf(first, 1) };
  }
  const actual = ACTUAL_LEAD.exec(back);
  if (actual) {
    const verb = actual[1].trim();
    if (/chiem$/.test(verb) && q.percent) return { kind: "share", q, lead: at(q.start - actual[0].length + (actual[0].startsWith(" ") || actual[0].startsWith(",") || actual[0].startsWith("(") ? 1 : 0)), end: q.end, approximate: approxOf(actual, 2) };
    const lead = q.start - actual[0].length + (/^[\s,(]/.test(actual[0]) ? 1 : 0);
    return { kind: "actual", q, lead: at(lead), end: q.end, approximate: approxOf(actual, 2) };
  }
  const growth = GROWTH_LEAD.exec(back);
  if (growth) {
    const lead = q.start - growth[0].length + (/^[\s,(]/.test(growth[0]) ? 1 : 0);
    return { kind: "growth", q, lead: at(lead), end: q.end, approximate: approxOf(growth, 2) };
  }
  // "Tỷ lệ tăng dân số tự nhiên 0,8%", "Tổng vốn đầu tư: 2.450 tỷ đồng": an indicator's name, then
  // its figure with a unit, nothing between. Only for names that read as indicators.
  const sinceStart = folded.slice(from, q.start);
  // In a "trong đó" list of parts any short name will do: "Trong đó: nông nghiệp 420 tỷ đồng; …".
  const namedPart = part && sinceStart.trim().split(/\s+/).length <= 6;
  if (before.length === 0 && q.unit !== "" && !/\d/.test(sinceStart) && sinceStart.split(/\s+/).length <= 14 && /[a-z)]\s*:?\s$/.test(sinceStart) && (namedPart || BARE_NAME.test(sinceStart.replace(LEAD_WORDS, "")))) {
    return { kind: "actual", q, lead: q.start, end: q.end, bare: true };
  }
  return null;
}

/** "24.200 tấn được giao": the words that close a printed target. */
function skipGiven(after: string): number {
  const m = /^\s*(?:duoc giao|giao|de ra)\b/.exec(after);
  return m ? m[0].length : 0;
}
