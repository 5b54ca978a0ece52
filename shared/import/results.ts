// Figures a text gives as already achieved ("năm 2025 thu ngân sách đạt 152,4% so với chỉ tiêu",
// "ước thực hiện 86,4 tỷ đồng", "đã giải quyết việc làm cho 612 lao động"): read with the same clause
// reader as targets, returned apart so they are never offered as targets (the report reader and the
// review table may show them).
import { clausesOf } from "./build";
import { findCandidates, readClause, type ReadOptions } from "./clause";
import type { MappedText } from "./mapped";

export interface ImportedResult {
  name: string;
  /** The figure achieved (or estimated), in `unit`. */
  actual: number;
  unit: string;
  /** "đạt 112% kế hoạch / dự toán / so với chỉ tiêu" → 112; "vượt 12% kế hoạch" → 112; null when not given. */
  percentOfPlan: number | null;
  /** An estimate ("ước thực hiện", "ước đạt"), not a final figure. */
  estimate: boolean;
  span: { start: number; end: number; line: number; text: string };
}

const PERCENT_OF_PLAN = /\b(dat|bang|tuong duong|cham moc|vuot|tang)\s+(?:tren\s+)?(\d+(?:,\d+)?)\s*%\s*(?:so\s+(?:voi\s+)?)?(?:ke hoach|du toan|chi tieu|nghi quyet|kh\b)/;

export function readResults<S extends ImportedResult["span"]>(texts: MappedText[], options: ReadOptions, spanOf: (m: MappedText) => S): ImportedResult[] {
  const out: ImportedResult[] = [];
  for (const text of texts) {
    let last: ImportedResult | null = null;
    for (const clause of clausesOf(text, options)) {
      const read = readClause(clause, findCandidates(clause, options), options);
      if (!read || read.comparator === "range" || read.target === null) continue;
      const pct = PERCENT_OF_PLAN.exec(clause.folded);
      let percentOfPlan: number | null = null;
      if (pct) {
        const value = Number(pct[2].replace(",", "."));
        percentOfPlan = pct[1] === "vuot" || pct[1] === "tang" ? 100 + value : value;
      }
      // "…, bằng 121% dự toán" alone: the completion of the figure before it, not a figure of its own.
      if (percentOfPlan !== null && read.unit === "%" && Math.abs(read.target - (percentOfPlan > 100 && /vuot|tang/.test(pct![1]) ? percentOfPlan - 100 : percentOfPlan)) < 1e-9) {
        if (last && last.percentOfPlan === null && /^\W*(?:dat|bang|tuong duong|cham moc|vuot|tang)\b/.test(clause.folded)) last.percentOfPlan = percentOfPlan;
        continue;
      }
      last = {
        name: read.name,
        actual: read.target,
        unit: read.unit,
        percentOfPlan,
        estimate: /\buoc\b/.test(clause.folded) || /\buoc\b/.test(text.folded),
        span: spanOf(clause),
      };
      out.push(last);
    }
  }
  return out;
}
