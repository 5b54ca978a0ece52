// Results in a table: rows whose cells are separated by tabs (a .docx table, or a table copied from
// Word or a spreadsheet). The header row names the columns ("Chỉ tiêu", "ĐVT", "Kế hoạch",
// "Thực hiện" / "Ước TH", "Tỷ lệ %", "Đánh giá"); each row below with a name and an actual is a result.
import type { MappedText } from "../import/mapped";
import { parseVietnameseNumber } from "../numbers";
import type { DraftResult } from "./results";
import type { Sentence } from "./sentences";
import type { ReportStatus } from "./types";

type Column = "code" | "name" | "unit" | "plan" | "actual" | "percent" | "yoy" | "status" | "previous";

const HEADERS: [RegExp, Column][] = [
  [/^(?:stt|tt|so tt|ma)$/, "code"],
  [/^(?:chi tieu|ten chi tieu|noi dung|danh muc|cac chi tieu)/, "name"],
  [/^(?:don vi(?: tinh)?|dvt)$/, "unit"],
  [/(?:so (?:voi )?cung ky|so (?:voi )?nam truoc|cung ky)/, "yoy"],
  [/(?:ty le|ti le|% so (?:voi )?(?:ke hoach|kh)|so (?:voi )?(?:ke hoach|kh)|% kh|th\/kh|%$)/, "percent"],
  [/^(?:danh gia|ket qua danh gia|ghi chu|muc do hoan thanh)/, "status"],
  [/^(?:ke hoach|kh|chi tieu ke hoach|muc tieu|nghi quyet)/, "plan"],
  [/^(?:(?:uoc )?(?:thuc hien|th)|ket qua|uoc th)/, "actual"],
  [/(?:nam truoc|th \d{4})/, "previous"],
];

function fold(s: string): string {
  return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[đĐ]/g, "d").toLowerCase().replace(/\s+/g, " ").trim();
}

function cellsOf(m: MappedText, s: Sentence): { text: string; start: number; end: number }[] {
  const out: { text: string; start: number; end: number }[] = [];
  let a = s.start;
  for (let i = s.start; i <= s.end; i++) {
    if (i === s.end || m.text[i] === "\t") {
      out.push({ text: m.text.slice(a, i).trim(), start: a, end: i });
      a = i + 1;
    }
  }
  return out;
}

function headerOf(cells: { text: string }[]): Partial<Record<Column, number>> | null {
  const columns: Partial<Record<Column, number>> = {};
  cells.forEach((cell, index) => {
    const f = fold(cell.text);
    const hit = HEADERS.find(([re]) => re.test(f));
    if (hit && columns[hit[1]] === undefined) columns[hit[1]] = index;
  });
  return columns.name !== undefined && columns.actual !== undefined ? columns : null;
}

function statusWord(text: string): ReportStatus | null {
  const f = fold(text);
  if (/^(?:khong dat|chua dat|khong hoan thanh|chua hoan thanh|xap xi dat|tiem can)/.test(f)) return "Không đạt";
  if (/^(?:vuot|hoan thanh vuot)/.test(f)) return "Vượt";
  if (/^(?:dat|hoan thanh)/.test(f)) return "Đạt";
  return null;
}

function numberIn(text: string): number | null {
  const cleaned = text.replace(/^[<>≤≥~]=?\s*|^(?:khoảng|trên|dưới|hơn)\s+/i, "").trim();
  return parseVietnameseNumber(cleaned)?.value ?? null;
}

/** Results of every table in the text (rows after a header row naming the name and actual columns). */
export function resultsOfTable(m: MappedText, sentences: readonly Sentence[]): DraftResult[] {
  const out: DraftResult[] = [];
  let columns: Partial<Record<Column, number>> | null = null;
  let parent: string | null = null;
  for (const s of sentences) {
    if (!s.row) {
      columns = null;
      continue;
    }
    const cells = cellsOf(m, s);
    const header = headerOf(cells);
    if (header) {
      columns = header;
      continue;
    }
    if (!columns) continue;
    const cell = (c: Column) => (columns![c] === undefined ? "" : (cells[columns![c]!]?.text ?? ""));
    let name = cell("name");
    const actualText = cell("actual");
    const actual = numberIn(actualText);
    const code = cell("code");
    if (!name) continue;
    if (actual === null) {
      if (/^[ivxlIVXL]+$|^[A-Z]$/.test(code) || !/\d/.test(actualText)) parent = /^\d+$/.test(code) ? name : parent;
      continue;
    }
    let unit = cell("unit");
    const inName = /\s*\(([^)]+)\)\s*$/.exec(name);
    if (!unit && inName) {
      unit = inName[1].trim();
      name = name.slice(0, inName.index).trim();
    }
    const percent = numberIn(cell("percent").replace(/%$/, ""));
    const target = numberIn(cell("plan"));
    const written = statusWord(cell("status"));
    let status: ReportStatus | null = written;
    let statusFrom: DraftResult["statusFrom"] = written ? "word" : null;
    if (!status && percent !== null) {
      status = percent > 100 ? "Vượt" : percent === 100 ? "Đạt" : "Không đạt";
      statusFrom = "percent";
    }
    const isPart = /^\d+\.\d+/.test(code) || /^[-+•]/.test(name);
    if (/^\d+$/.test(code)) parent = name;
    out.push({
      name: name.replace(/^[-+•]\s*/, ""),
      actual,
      unit: unit === "%" || /%/.test(actualText) ? unit || "%" : unit,
      percentOfPlan: percent,
      plans: percent === null ? [] : [{ percent, basis: "" }],
      target,
      status,
      statusFrom,
      nearMiss: /xap xi|tiem can/.test(fold(cell("status"))) ? cell("status") : null,
      approximate: null,
      yearOnYear: [],
      parent: isPart ? parent : null,
      confidence: unit ? 0.85 : 0.75,
      reasons: ["report.reason.from-table", ...(unit ? [] : ["report.reason.no-unit"])],
      start: s.start,
      end: s.end,
    });
  }
  return out;
}
