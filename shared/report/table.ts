// Results in a table. Two shapes reach us:
// - rows whose cells are separated by tabs (a .docx table, a table copied from Word or a spreadsheet);
// - a table copied from a web page, one cell per line ("Stt", "Chỉ tiêu", "KH năm 2019", "Ước TH năm
//   2019", "Ghi chú", then "1", "Tốc độ tăng …", "6,61", "7,5-8,0", "7,18", "Không đạt", …).
// The header names the columns; a row starts at its number ("1", "II") followed by a name; its figures
// go to the figure columns in order (a row naming two sub-measures lists their figures column by
// column); a status word ("Đạt", "Không đạt", "Vượt") is the table's own verdict and is kept as it is.
import type { MappedText } from "../import/mapped";
import { parseVietnameseNumber } from "../numbers";
import { UNITS } from "../import/lexicon";
import type { DraftResult } from "./results";
import { CELL_MARK, type Sentence } from "./sentences";
import type { ReportStatus } from "./types";

type Column = "code" | "name" | "unit" | "plan" | "actual" | "percent" | "yoy" | "status" | "previous" | "other";

const HEADERS: [RegExp, Column][] = [
  [/^(?:stt|tt|so tt|ma|ma so)$/, "code"],
  [/^(?:chi tieu|ten chi tieu|noi dung|danh muc|cac chi tieu)/, "name"],
  [/^(?:don vi(?: tinh)?|dvt)$/, "unit"],
  [/(?:so (?:voi )?cung ky|so (?:voi )?nam truoc|cung ky)/, "yoy"],
  [/(?:ty le|ti le|% so (?:voi )?(?:ke hoach|kh)|so (?:voi )?(?:ke hoach|kh)|% kh|th\/kh|^%$)/, "percent"],
  [/^(?:danh gia|ket qua danh gia|ghi chu|muc do hoan thanh)/, "status"],
  [/^(?:ke hoach|kh|chi tieu ke hoach|muc tieu|nghi quyet)\b/, "plan"],
  [/^(?:(?:uoc )?(?:thuc hien|th)|ket qua|uoc th|uoc)\b/, "actual"],
  [/(?:nam truoc)/, "previous"],
];
const FIGURE_COLUMNS: ReadonlySet<Column> = new Set(["plan", "actual", "percent", "yoy", "previous"]);

function fold(s: string): string {
  return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[đĐ]/g, "d").toLowerCase().replace(/\s+/g, " ").trim();
}

interface Cell {
  text: string;
  start: number;
  end: number;
}

/** The columns of a header row, or null when it is not one (it must name the name and an actual). */
function headerOf(cells: readonly Cell[]): Column[] | null {
  const columns: Column[] = cells.map((cell) => HEADERS.find(([re]) => re.test(fold(cell.text)))?.[1] ?? "other");
  // "TH năm 2018 | KH năm 2019 | Ước TH năm 2019": of the actual columns, the latest year is this year's.
  const years = cells.map((cell) => Number(/\b(\d{4})\b/.exec(cell.text)?.[1] ?? NaN));
  const actualYears = columns.map((c, i) => (c === "actual" ? years[i] : NaN)).filter((y) => !Number.isNaN(y));
  const latest = actualYears.reduce((a, b) => Math.max(a, b), -Infinity);
  columns.forEach((c, i) => {
    if (c === "actual" && !Number.isNaN(years[i]) && years[i] < latest) columns[i] = "previous";
  });
  return columns.includes("name") && columns.includes("actual") ? columns : null;
}

export function statusWord(text: string): ReportStatus | null {
  const f = fold(text);
  if (/^(?:khong dat|chua dat|khong hoan thanh|chua hoan thanh|xap xi dat|tiem can|co ban dat)/.test(f)) return "Không đạt";
  if (/^(?:vuot|hoan thanh vuot)/.test(f)) return "Vượt";
  if (/^(?:dat|hoan thanh)\b/.test(f)) return "Đạt";
  return null;
}

interface Figure {
  value: number | null;
  min?: number;
  max?: number;
  percent: boolean;
}

/** "7,18", "-4,13%", "7,5-8,0", "< 7,6", "1.915"; null for text that is not a figure. */
function figureOf(text: string): Figure | null {
  const t = text.trim();
  if (!t || /^\(.*\)$/.test(t)) return null;
  const body = t.replace(/^(?:[<>≤≥~]=?|khoảng|trên|dưới|hơn)\s*/i, "");
  const range = /^(\d[\d.,]*)\s*[-–]\s*(\d[\d.,]*)\s*(%)?$/.exec(body);
  if (range) {
    const a = parseVietnameseNumber(range[1])?.value;
    const b = parseVietnameseNumber(range[2])?.value;
    if (a !== undefined && b !== undefined && a <= b) return { value: null, min: a, max: b, percent: !!range[3] };
  }
  const n = parseVietnameseNumber(body.replace(/\s*(?:%|‰)$/, (m) => (m.includes("%") ? "%" : "")));
  return n ? { value: n.value, percent: n.percent } : null;
}

const UNIT_CELL_WORDS = new Set(UNITS.map((u) => u.folded));

/** A unit cell: "%", "‰", "Tỷ đồng", "triệu đồng/người", "lượt khách", "ha". */
function unitLike(text: string): boolean {
  const f = fold(text).replace(/\s*\/\s*/g, "/");
  if (/^(?:%|‰|%0)$/.test(f)) return true;
  if (f.length > 25 || /\d{2,}/.test(f)) return false;
  const base = f.replace(/^(?:nghin|ngan|trieu|ty|ti)\s*/, "").split("/")[0];
  return base === "" || UNIT_CELL_WORDS.has(base) || /^(?:dong|usd|ha|tan|km|m2|nguoi|ho|luot|xa|thon)$/.test(base);
}

const CODE = /^(?:\d{1,2}(?:\.\d{1,2})*|[IVXL]{1,5})[.)]?$/;

function nameLike(text: string): boolean {
  const t = text.trim();
  return /\p{L}{2}/u.test(t) && statusWord(t) === null && figureOf(t) === null && !/^\(.*\)$/.test(t) && !CODE.test(t);
}

interface Row {
  code: string | null;
  /** The unit cell of a one-cell-per-line table. */
  unit?: string;
  names: Cell[];
  figures: Figure[];
  status: string | null;
  start: number;
  end: number;
  parentName: string | null;
}

function splitName(raw: string): { name: string; unit: string } {
  const text = raw.trim().replace(/^[-+•]\s*/, "").replace(/:\s*$/, "");
  const m = /\s*\(([^)]{1,20})\)\s*$/.exec(text);
  if (m && !/\d{2,}/.test(m[1])) return { name: text.slice(0, m.index).trim(), unit: m[1].trim() };
  return { name: text, unit: "" };
}

function resultOf(name: Cell, figures: (Figure | undefined)[], columns: Column[], status: string | null, parentName: string | null, start: number, end: number): DraftResult {
  const { name: label, unit: nameUnit } = splitName(name.text);
  const at = (c: Column): Figure | undefined => figures[columns.filter((x) => FIGURE_COLUMNS.has(x)).indexOf(c)];
  const actual = at("actual");
  const plan = at("plan");
  const percent = at("percent");
  const written = status ? statusWord(status) : null;
  let resultStatus: ReportStatus | null = written;
  let statusFrom: DraftResult["statusFrom"] = written ? "word" : null;
  if (!resultStatus && percent?.value !== null && percent?.value !== undefined) {
    resultStatus = percent.value > 100 ? "Vượt" : percent.value === 100 ? "Đạt" : "Không đạt";
    statusFrom = "percent";
  }
  const unit = nameUnit || (actual?.percent ? "%" : "");
  return {
    name: label,
    actual: actual ? (actual.value !== null ? actual.value : actual.min !== undefined ? { min: actual.min, max: actual.max ?? actual.min } : null) : null,
    unit,
    percentOfPlan: percent?.value ?? null,
    plans: percent?.value !== null && percent?.value !== undefined ? [{ percent: percent.value, basis: "" }] : [],
    target: plan?.value ?? null,
    status: resultStatus,
    statusFrom,
    nearMiss: status && /xap xi|tiem can|co ban dat/.test(fold(status)) ? status.trim() : null,
    approximate: null,
    yearOnYear: [],
    parent: parentName,
    confidence: unit ? 0.85 : 0.75,
    reasons: ["report.reason.from-table", ...(unit ? [] : ["report.reason.no-unit"])],
    start,
    end,
  };
}

/** A row's results: one name with its figures, or a name with sub-measures whose figures interleave. */
function emit(row: Row, columns: Column[], out: DraftResult[]): void {
  if (!row.names.length) return;
  const figureCount = columns.filter((c) => FIGURE_COLUMNS.has(c)).length;
  const [first, ...subs] = row.names;
  if (subs.length && row.figures.length >= subs.length * Math.min(figureCount, 2) && row.figures.length % subs.length === 0) {
    const k = subs.length;
    const main = resultOf(first, [], columns, row.status, row.parentName, row.start, row.end);
    out.push(main);
    subs.forEach((sub, j) => {
      const figures = Array.from({ length: row.figures.length / k }, (_, c) => row.figures[c * k + j]);
      out.push(resultOf(sub, figures, columns, null, main.name, sub.start, row.end));
    });
    return;
  }
  const named = row.unit ? { ...first, text: `${first.text} (${row.unit})` } : first;
  out.push(resultOf(named, row.figures, columns, row.status, row.parentName, row.start, row.end));
}

export interface TableReading {
  results: DraftResult[];
  /** The verdicts of the numbered rows, for a tally when the text writes none. */
  numberedStatuses: (ReportStatus | null)[];
  start: number;
  end: number;
}

/** Results of every table in the text. */
export function readTables(m: MappedText, sentences: readonly Sentence[]): TableReading[] {
  const tables: TableReading[] = [];
  const lines = sentences.map((s) => ({ s, cells: cellsOf(m, s) }));
  for (let i = 0; i < lines.length; i++) {
    // A header is one tab row, or up to twelve one-cell lines in a row.
    if (lines[i].s.row) {
      const columns = headerOf(lines[i].cells);
      if (!columns) continue;
      const rows: Cell[][] = [];
      let j = i + 1;
      for (; j < lines.length && lines[j].s.row; j++) rows.push(lines[j].cells);
      tables.push(readRows(rows.flatMap((cells) => [{ text: "\u0000", start: cells[0]?.start ?? 0, end: cells[0]?.start ?? 0 }, ...cells]), columns, true));
      i = j - 1;
      continue;
    }
    const window = lines.slice(i, i + 12).filter((l) => !l.s.row);
    const header: Cell[] = [];
    for (const l of window) {
      if (l.cells[0].text.length > 40) break;
      header.push(l.cells[0]);
    }
    const columns = headerOf(header);
    if (!columns || fold(header[0].text) !== fold(lines[i].cells[0].text) || !["code", "name"].includes(columns[0])) continue;
    // The header ends at its last recognised column.
    let last = columns.length - 1;
    while (last > 0 && columns[last] === "other") last--;
    const body: Cell[] = [];
    let j = i + last + 1;
    for (; j < lines.length; j++) {
      const text = lines[j].cells[0].text;
      if (lines[j].s.row || text.length > 160) break;
      body.push(lines[j].cells[0]);
    }
    tables.push(readRows(body, columns.slice(0, last + 1), false));
    i = j - 1;
  }
  return tables;
}

function cellsOf(m: MappedText, s: Sentence): Cell[] {
  const out: Cell[] = [];
  let a = s.start;
  for (let i = s.start; i <= s.end; i++) {
    if (i === s.end || m.text[i] === CELL_MARK) {
      out.push({ text: m.text.slice(a, i).trim(), start: a, end: i });
      a = i + 1;
    }
  }
  return out;
}

/** Rows from a stream of cells; "\u0000" marks a row start when the shape gives it (tab rows). */
function readRows(cells: Cell[], columns: Column[], explicitRows: boolean): TableReading {
  const out: DraftResult[] = [];
  const numberedStatuses: (ReportStatus | null)[] = [];
  let row: Row | null = null;
  let numbered: Row | null = null;
  const close = () => {
    if (!row) return;
    emit(row, columns, out);
    if (row.code && /^\d+$/.test(row.code) && row.names.length) numberedStatuses.push(row.status ? statusWord(row.status) : null);
    row = null;
  };
  const open = (code: string | null, start: number): Row => ({ code, names: [], figures: [], status: null, start, end: start, parentName: code && /^\d+$/.test(code) ? null : (numbered?.names[0] ? splitName(numbered.names[0].text).name : null) });
  let columnIndex = 0;
  const hasUnitColumn = columns.includes("unit");
  for (let k = 0; k < cells.length; k++) {
    const cell = cells[k];
    const text = cell.text;
    if (explicitRows && text === "\u0000") {
      close();
      columnIndex = -1;
      row = open(null, cell.start);
      continue;
    }
    if (explicitRows) {
      columnIndex++;
      const kind = columns[columnIndex] ?? "other";
      const current: Row = row ?? (row = open(null, cell.start));
      current.end = cell.end;
      if (kind === "code" && CODE.test(text)) {
        current.code = text.replace(/[.)]$/, "");
        current.parentName = /^\d+$/.test(current.code) ? null : current.parentName;
        if (/^\d+$/.test(current.code)) numbered = current;
      } else if (kind === "name" && text) current.names.push(cell);
      else if (kind === "status") current.status = text || null;
      else if (FIGURE_COLUMNS.has(kind)) {
        const fig = figureOf(text) ?? { value: null, percent: false };
        // Tab rows keep their positions: a blank cell is a missing figure, not a shift.
        current.figures[columns.filter((c) => FIGURE_COLUMNS.has(c)).indexOf(kind)] = fig;
      } else if (kind === "unit" && text && current.names.length) current.names[0] = { ...current.names[0], text: `${current.names[0].text} (${text})` };
      continue;
    }
    if (!text) continue;
    const next = cells.slice(k + 1).find((c) => c.text.length > 0);
    if (CODE.test(text) && next && nameLike(next.text)) {
      close();
      row = open(text.replace(/[.)]$/, ""), cell.start);
      if (/^\d+$/.test(row.code!)) numbered = row;
      continue;
    }
    if (/^(?:tr\.?\s*do|trong do)\s*:?$/i.test(fold(text))) continue;
    // "Thu ngân sách", "Tỷ đồng", "1.200": with a unit column, the short cell after the name is its unit.
    if (row && hasUnitColumn && row.names.length === 1 && row.figures.length === 0 && !row.unit && unitLike(text)) {
      row.unit = text.trim();
      row.end = cell.end;
      continue;
    }
    if (nameLike(text)) {
      if (row && row.figures.length > 0) {
        // A name after figures: an un-numbered row under the numbered one.
        close();
        row = open(null, cell.start);
      }
      row ??= open(null, cell.start);
      row.names.push(cell);
      row.end = cell.end;
      continue;
    }
    if (!row) continue;
    if (statusWord(text)) {
      row.status = text;
      row.end = cell.end;
      continue;
    }
    const fig = figureOf(text);
    if (fig) {
      row.figures.push(fig);
      row.end = cell.end;
    }
  }
  close();
  const start = cells[0]?.start ?? 0;
  const end = cells[cells.length - 1]?.end ?? start;
  return { results: out.filter((r) => r.name.length > 0 && (r.actual !== null || r.status !== null || r.percentOfPlan !== null)), numberedStatuses, start, end };
}
