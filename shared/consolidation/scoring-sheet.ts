// The scoring rules written as a sheet, for offices that keep them in Excel: one rule a row,
//   Mục (section) | Khóa (key) | Giá trị (value) | Thêm (extra)
//   Điểm       | Vượt      | 10
//   Trọng số   | 4         | 2
//   Thưởng     | 4         | 3 (points)  | 10 (margin: completion ≥ 110 %)
//   Trừ điểm   | Gửi muộn  | 5           (also "Có lỗi", "Mỗi lỗi")
//   Cách tính  |           | Tổng        ("Tổng" = sum, "Phần trăm" = percent)
//   Cụm/Khối   | Cụm 1     | Phường A    (one unit a row)
//   Danh hiệu  | 1 (or 2-3)| đề nghị tặng Cờ thi đua | (minimum points)
// It becomes the same object a JSON scoring file holds and goes through the same validation, each
// problem naming the cell it came from.
import { foldDiacritics } from "../actual";
import { t } from "../i18n";
import type { Lang } from "../model";
import { cellA1 } from "../sheet/a1";
import { validateScoringRules, type ScoringContext, type ScoringProblem, type ScoringRules } from "./scoring";

const SECTIONS: Record<string, "points" | "weights" | "bonuses" | "penalties" | "total" | "groups" | "titles"> = {
  diem: "points", points: "points", "muc diem": "points",
  "trong so": "weights", weight: "weights", weights: "weights",
  thuong: "bonuses", "diem thuong": "bonuses", bonus: "bonuses",
  "tru diem": "penalties", "diem tru": "penalties", penalty: "penalties",
  "cach tinh": "total", total: "total",
  cum: "groups", khoi: "groups", "cum/khoi": "groups", "cum thi dua": "groups", "khoi thi dua": "groups", group: "groups",
  "danh hieu": "titles", title: "titles",
};
const PENALTY_WORDS: Record<string, string> = { "gui muon": "late", muon: "late", late: "late", "co loi": "errors", loi: "errors", errors: "errors", "moi loi": "perError", "per error": "perError" };
const TOTAL_WORDS: Record<string, string> = { tong: "sum", "tong diem": "sum", sum: "sum", "phan tram": "percent", percent: "percent" };

function cellText(v: unknown): string {
  return v === null || v === undefined ? "" : String(v).normalize("NFC").trim();
}

function numberOrText(v: unknown): unknown {
  if (typeof v === "number") return v;
  const s = cellText(v);
  if (s === "") return undefined;
  const n = Number(s.replace(",", "."));
  return /^-?\d+([.,]\d+)?$/.test(s) ? n : s;
}

/** The row of the header "Mục | Khóa | Giá trị", or -1: tells a scoring sheet from the others. */
export function scoringHeaderRow(grid: readonly (readonly unknown[] | undefined)[]): number {
  return grid.findIndex((row) => (row ?? []).some((v) => ["muc", "section"].includes(foldDiacritics(cellText(v)))) && (row ?? []).some((v) => ["gia tri", "value"].includes(foldDiacritics(cellText(v)))));
}

export function readScoringSheet(grid: readonly (readonly unknown[] | undefined)[], sheet: string, context: ScoringContext = {}): { rules: ScoringRules | null; problems: ScoringProblem[] } {
  const lang: Lang = context.lang ?? "vi";
  const ref = (r: number, c: number) => `${sheet}!${cellA1(r, c)}`;
  const header = scoringHeaderRow(grid);
  if (header < 0) return { rules: null, problems: [{ where: sheet, message: t("scoring.sheet-no-header", { where: sheet }, lang) }] };
  const cols = (grid[header] ?? []).map((v) => foldDiacritics(cellText(v)));
  const col = (names: string[], fallback: number) => {
    const i = cols.findIndex((c) => names.includes(c));
    return i >= 0 ? i : fallback;
  };
  const [cSection, cKey, cValue, cExtra] = [col(["muc", "section"], 0), col(["khoa", "key", "ma", "ten"], 1), col(["gia tri", "value"], 2), col(["them", "extra", "muc vuot", "margin", "ghi chu"], 3)];

  const raw: Record<string, unknown> = {};
  const cells = new Map<string, string>();
  const problems: ScoringProblem[] = [];
  const obj = (k: string) => (raw[k] ??= {}) as Record<string, unknown>;
  const list = (k: string) => (raw[k] ??= []) as unknown[];
  for (let r = header + 1; r < grid.length; r++) {
    const row = grid[r] ?? [];
    const sectionText = cellText(row[cSection]);
    if (sectionText === "") continue;
    const section = SECTIONS[foldDiacritics(sectionText)];
    const key = cellText(row[cKey]);
    const value = numberOrText(row[cValue]);
    const extra = numberOrText(row[cExtra]);
    if (!section) {
      problems.push({ where: ref(r, cSection), message: t("scoring.sheet-unknown-section", { where: ref(r, cSection), value: sectionText }, lang) });
      continue;
    }
    if (section === "points" || section === "weights") {
      obj(section)[key] = value;
      cells.set(`${section}.${key}`, ref(r, cValue));
    } else if (section === "penalties") {
      const name = PENALTY_WORDS[foldDiacritics(key)] ?? key;
      obj(section)[name] = value;
      cells.set(`penalties.${name}`, ref(r, PENALTY_WORDS[foldDiacritics(key)] ? cValue : cKey));
    } else if (section === "total") {
      const word = foldDiacritics(cellText(row[cValue]) || key);
      raw.total = TOTAL_WORDS[word] ?? word;
      cells.set("total", ref(r, cValue));
    } else if (section === "bonuses") {
      const i = list(section).push({ code: key, points: value, margin: extra ?? 0 }) - 1;
      cells.set(`bonuses[${i}].code`, ref(r, cKey));
      cells.set(`bonuses[${i}].points`, ref(r, cValue));
      cells.set(`bonuses[${i}].margin`, ref(r, cExtra));
    } else if (section === "groups") {
      const groups = obj(section);
      const members = (groups[key] ??= []) as unknown[];
      cells.set(`groups.${key}[${members.push(cellText(row[cValue])) - 1}]`, ref(r, cValue));
    } else {
      const m = /^(\d+)\s*(?:[-–]\s*(\d+))?$/.exec(key);
      const from = m ? Number(m[1]) : Number.NaN;
      const to = m?.[2] ? Number(m[2]) : from;
      const i = list(section).push({ from, to, title: cellText(row[cValue]), ...(extra !== undefined ? { minPoints: extra } : {}) }) - 1;
      cells.set(`titles[${i}]`, ref(r, cKey));
      cells.set(`titles[${i}].title`, ref(r, cValue));
      cells.set(`titles[${i}].minPoints`, ref(r, cExtra));
    }
  }
  const validated = validateScoringRules(raw, context, (path) => cells.get(path) ?? (path === "" ? sheet : `${sheet} (${path})`));
  return { rules: problems.length === 0 ? validated.rules : null, problems: [...problems, ...validated.problems] };
}
