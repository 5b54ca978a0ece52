// Scoring a reading against a hand-written truth (../shared/corpus/reports/*.expected.json), for
// `npm run eval:reports`, the bench and the corpus tests. Pure, so all three count the same way.
import type { ReportReading, ReportResult, ReportStatus } from "./types";

export interface ExpectedItem {
  name: string;
  actual: number | null;
  unit: string;
  status: string | null;
  pctOfTarget?: number;
  pctOfTargetAlt?: number;
  target?: number | null;
}

export interface ExpectedReport {
  year: number;
  totalIndicators: number | null;
  achievedOrExceeded: number | null;
  notAchieved: number | null;
  exceeded?: number;
  items: ExpectedItem[];
}

export interface MatchedPair {
  expected: ExpectedItem;
  found: ReportResult;
  percentRight: boolean;
  statusRight: boolean;
}

export interface FileScore {
  file: string;
  /** null when neither the truth nor the reading has a tally. */
  tally: boolean | null;
  tallyExpected: string;
  tallyRead: string;
  expected: number;
  found: number;
  matched: MatchedPair[];
  misses: ExpectedItem[];
  spurious: ReportResult[];
}

function words(name: string): string[] {
  return name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/\bti\b/g, "ty")
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0);
}

/** Most of one name's words are in the other: "tổng sản phẩm trên địa bàn (GRDP)" ~ "… (GRDP) Khánh Hòa". */
export function namesMatch(a: string, b: string): boolean {
  const wa = words(a);
  const wb = new Set(words(b));
  if (!wa.length || !wb.size) return false;
  const shared = wa.filter((w) => wb.has(w)).length;
  return shared / wa.length >= 0.6 || shared / wb.size >= 0.6;
}

function sameNumber(a: number | null | undefined, b: number | null | undefined): boolean {
  if (a === null || a === undefined || b === null || b === undefined) return (a ?? null) === (b ?? null);
  return Math.abs(a - b) <= Math.max(1e-6, Math.abs(b) * 1e-6);
}

const STATUS_OF: Record<string, ReportStatus> = { "vượt": "Vượt", "đạt": "Đạt", "không đạt": "Không đạt" };

function actualOf(r: ReportResult): number | null {
  return typeof r.actual === "number" ? r.actual : r.actual && typeof r.actual === "object" ? r.actual.min : null;
}

export function scoreReport(file: string, expected: ExpectedReport, reading: ReportReading): FileScore {
  const hasTally = expected.totalIndicators !== null;
  const t = reading.tally;
  const tallyExpected = hasTally ? `${expected.achievedOrExceeded}/${expected.totalIndicators}` : "none";
  const tallyRead = t ? `${t.achievedOrExceeded}/${t.total}` : "none";
  const tally = !hasTally && !t ? null : hasTally && t ? t.total === expected.totalIndicators && t.achievedOrExceeded === expected.achievedOrExceeded : false;

  const left = [...reading.results];
  const matched: MatchedPair[] = [];
  const misses: ExpectedItem[] = [];
  for (const item of expected.items) {
    const index = left.findIndex((r) =>
      item.actual === null ? actualOf(r) === null && sameNumber(r.percentOfPlan, item.pctOfTarget) && namesMatch(item.name, r.name) : sameNumber(actualOf(r), item.actual) && namesMatch(item.name, r.name),
    );
    if (index < 0) {
      misses.push(item);
      continue;
    }
    const [found] = left.splice(index, 1);
    const status = item.status === null ? null : (STATUS_OF[item.status.toLowerCase()] ?? null);
    matched.push({ expected: item, found, percentRight: sameNumber(found.percentOfPlan, item.pctOfTarget ?? null), statusRight: found.status === status });
  }
  return { file, tally, tallyExpected, tallyRead, expected: expected.items.length, found: reading.results.length, matched, misses, spurious: left };
}
