// "Kế hoạch năm sau": next year's fill-in sheet made from this year's, in both add-ins (and the
// CLI's `next-year`, through the same carry: shared/period-next-year.ts). Its "Thực hiện năm trước"
// column holds this year's figures — the final one where typed, else the estimate, and it says
// which — matched by the carry-over rule; what cannot be matched is listed, never guessed.
//
// Where it goes: NEW sheets of the same document, named with next year ("Chỉ tiêu 2026", "Danh mục
// 2026"), their workbook names suffixed the same way (ChiTieu_NamBaoCao_2026 …) so this year's
// formulas, names and anchor stay exactly as they are. Why: nothing typed this year may be lost or
// rewritten, Sheets keeps its one narrow scope (spreadsheets.currentonly cannot create another
// spreadsheet), and the Excel pane cannot write an .xlsx file without the CLI's writer. A sheet of
// either name that already exists is never overwritten (it may hold next year's first figures): the
// command refuses and says what to rename.
import { defaultSettings, type Lang, type Period, type Plan } from "../model";
import { nextYearCarry, samePlanNextYear, type NextYearCarry } from "../period-next-year";
import { buildFillInWorkbook } from "../sheet/fill-in";
import type { SheetModel, WorkbookModel } from "../sheet/types";
import { t } from "../i18n";
import { formatNumberFor } from "../validate";
import { done, refused, type UserMessage } from "./outcome";
import { say } from "./say";
import { isMessage, readLoadedSheet, type SheetInput } from "./sheet-input";

export interface NextYearInput extends SheetInput {
  /** Every sheet name the document has now (to refuse writing over one). */
  sheetNames: readonly string[];
}

export interface NextYearRequest {
  /** Next year's plan, or "same": this year's indicators with every target left blank. */
  plan: Plan | "same";
  /** Next year; absent: the document's year + 1. */
  year?: number;
  /** The period next year's sheet reports on; absent: the whole year. */
  period?: Period;
  lang: Lang;
}

export interface NextYearReport {
  fromYear: number;
  year: number;
  /** Next year's fill-in sheet, and every sheet written. */
  sheet: string;
  sheets: string[];
  planId: string;
  carried: NextYearCarry["carried"];
  notCarried: { code: string; name: string; reason: "no-match" | "unit-differs" }[];
  withoutFigure: NextYearCarry["withoutFigure"];
}

/** "Chỉ tiêu" → "Chỉ tiêu 2026" (Excel allows 31 characters in a sheet name). */
export function yearSheetName(name: string, year: number): string {
  const suffix = ` ${year}`;
  return name.slice(0, 31 - suffix.length).trimEnd() + suffix;
}

/**
 * The model with every sheet and every workbook name of it carrying `year`: sheet names, defined
 * names, the table's anchor, the names read by formulas (cells and conditional rules), list sources.
 * Only the model's own names are renamed, as whole words.
 */
export function withYearSuffix(model: WorkbookModel, year: number): WorkbookModel {
  const sheetName = new Map(model.sheets.map((s) => [s.name, yearSheetName(s.name, year)]));
  const own = new Set<string>();
  for (const s of model.sheets) {
    for (const n of s.names) own.add(n.name);
    if (s.table) own.add(s.table.anchorName);
    for (const tb of s.tables ?? []) own.add(tb.name);
  }
  const rename = (name: string) => (own.has(name) ? `${name}_${year}` : name);
  // No lookbehind (older Office web views lack it): the character before a name is matched and kept.
  const pattern = own.size > 0 ? new RegExp(`(^|[^A-Za-z0-9_.])(${[...own].sort((a, b) => b.length - a.length).join("|")})(?![A-Za-z0-9_(])`, "g") : null;
  const inFormula = (formula: string) => (pattern ? formula.replace(pattern, (_whole, before: string, name: string) => before + rename(name)) : formula);
  const sheetOf = (name: string) => sheetName.get(name) ?? name;
  const sheets = model.sheets.map(
    (s): SheetModel => ({
      ...s,
      name: sheetOf(s.name),
      cells: s.cells.map((row) => row.map((c) => (c !== null && typeof c === "object" ? { formula: inFormula(c.formula) } : c))),
      conditionalRules: s.conditionalRules.map((r) => ({ ...r, formula: inFormula(r.formula) })),
      validations: s.validations.map((v) => (v.rule.kind === "list" ? { ...v, rule: { ...v.rule, sourceSheet: sheetOf(v.rule.sourceSheet) } } : v)),
      names: s.names.map((n) => ({ ...n, name: rename(n.name), sheet: sheetOf(n.sheet) })),
      ...(s.table ? { table: { ...s.table, anchorName: rename(s.table.anchorName) } } : {}),
      ...(s.tables ? { tables: s.tables.map((tb) => ({ ...tb, name: rename(tb.name) })) } : {}),
    }),
  );
  // The document's own facts (plan, year, settings) stay this year's: next year's sheets carry none.
  return { sheets, metadata: {} };
}

const listOf = (items: readonly { code: string; name: string }[]): string => items.map((i) => `${i.code} ${i.name}`).join("; ");

export function nextYearCommand(input: NextYearInput, request: NextYearRequest) {
  const { lang } = request;
  const read = readLoadedSheet(input, lang);
  if (isMessage(read)) return refused<NextYearReport>(lang, [read]);
  const fromYear = read.document.year;
  const year = request.year ?? fromYear + 1;
  if (!Number.isInteger(year) || year <= fromYear || year > 2200) return refused<NextYearReport>(lang, [say(lang, "error", "wf.nextyear.bad-year", { year: String(year), fromYear })]);
  const nextPlan = request.plan === "same" ? samePlanNextYear(read.plan, year) : request.plan;
  const carry = nextYearCarry(read.plan, read.reading.entries, nextPlan, lang);

  const settings = defaultSettings(year, { ...read.document.settings, reportYear: year, period: request.period ?? "ca-nam", lang });
  const built = buildFillInWorkbook(nextPlan, {
    unit: read.document.unit,
    year,
    estimate: read.document.estimate,
    settings,
    entries: carry.entries,
    issuer: read.document.issuer,
    headerNote: carry.headerNote,
    lang,
  });
  const model = withYearSuffix(built, year);
  const taken = new Set(input.sheetNames.map((n) => n.toLowerCase()));
  const clash = model.sheets.find((s) => taken.has(s.name.toLowerCase()));
  if (clash) return refused<NextYearReport>(lang, [say(lang, "error", "wf.nextyear.exists", { sheet: clash.name }, { next: "wf.nextyear.exists.next" })]);
  const fillIn = model.sheets.find((s) => s.role === "fill-in") ?? model.sheets[0];

  const fromEstimate = carry.carried.filter((c) => c.source === "estimate");
  const messages: UserMessage[] = [
    say(lang, "success", "wf.nextyear.done", { year, sheet: fillIn.name, fromYear, matched: carry.carried.length, final: carry.carried.length - fromEstimate.length, estimate: fromEstimate.length }),
  ];
  if (fromEstimate.length > 0) messages.push(say(lang, "info", "wf.nextyear.from-estimate", { codes: fromEstimate.map((c) => c.code).join(", ") }));
  if (carry.notCarried.length > 0) {
    const items = carry.notCarried.map((n) => ({ code: n.code, name: n.reason === "unit-differs" ? `${n.name} (${t("nextyear.unit-differs", {}, lang)}: ${typeof n.value === "number" ? formatNumberFor(n.value, lang) : String(n.value)})` : n.name }));
    messages.push(say(lang, "warning", "wf.nextyear.unmatched-old", { count: items.length, list: listOf(items) }));
  }
  if (carry.withoutFigure.length > 0) messages.push(say(lang, "info", "wf.nextyear.unmatched-new", { count: carry.withoutFigure.length, list: listOf(carry.withoutFigure) }));
  if (request.plan === "same") messages.push(say(lang, "info", "wf.nextyear.same", { year }));

  return done<NextYearReport>(
    lang,
    {
      fromYear,
      year,
      sheet: fillIn.name,
      sheets: model.sheets.map((s) => s.name),
      planId: nextPlan.id,
      carried: carry.carried,
      notCarried: carry.notCarried.map((n) => ({ code: n.code, name: n.name, reason: n.reason })),
      withoutFigure: carry.withoutFigure,
    },
    [{ kind: "sheets", model, activate: fillIn.name }],
    messages,
  );
}
