// "Nạp kế hoạch": writes (or rewrites) the fill-in sheet from a plan, keeping every actual, note
// and override already typed. Indicators that left the plan keep their figures in a sheet of old
// figures, so nothing typed is lost.
import { findBuiltInPlan } from "../../../../shared/catalog";
import { defaultSettings, type ActualEntry, type Lang, type Plan } from "../../../../shared/model";
import { parsePlanJson, validatePlan } from "../../../../shared/plan-io";
import { SheetBuilder } from "../../../../shared/sheet/builder";
import { carryOver } from "../../../../shared/sheet/carry-over";
import { SHEET_FONT, STYLES } from "../../../../shared/sheet/style";
import type { TableLayout, WorkbookModel } from "../../../../shared/sheet/types";
import type { ReadLayout } from "../../../../shared/sheet/read-back";
import type { LoadRequest, LoadResult, Outcome, PlanSource } from "../../api-types";
import type { TargetSheet } from "../../adapter/sheet-io";
import { tg } from "../../messages";
import { blockingProblems, FILL_IN_SHEET, fillInWorkbook } from "../core";
import { documentProperties, fingerprintProperties, writeIfChanged, type DocumentInfo } from "../document-state";
import { fail, fillInNameOf, jsonSafeCell, openDocument, readFillInSheet, UserFacingError, type OpenDocument } from "../host";
import { readSheet } from "../../adapter/sheet-io";
import { renderWorkbook } from "../render-workbook";


export function resolvePlan(source: PlanSource, lang: Lang): { plan: Plan; custom: boolean } {
  if (source.kind === "builtin") {
    const plan = findBuiltInPlan(source.id);
    if (!plan) throw new UserFacingError(tg("gas.error.unknown-plan", { id: source.id }, lang));
    return { plan, custom: false };
  }
  const result = source.kind === "json" ? parsePlanJson(source.text, source.file, lang) : validatePlan(source.plan, lang);
  if (!result.ok) throw new UserFacingError(tg("gas.error.plan-invalid", { detail: result.problems.map((p) => p.message).join("; ") }, lang));
  const builtIn = findBuiltInPlan(result.plan.id);
  // A JSON file equal to a built-in plan is stored by id; anything else is kept whole.
  const custom = !builtIn || JSON.stringify(builtIn) !== JSON.stringify(result.plan);
  return { plan: result.plan, custom };
}

/** Whether the table stands where the new model puts it, row for row and column for column. */
export function sameLayout(read: ReadLayout | null, table: TableLayout | undefined): boolean {
  if (!read || !table) return false;
  if (read.headerRow !== table.headerRow || read.firstDataRow !== table.firstDataRow || read.lastDataRow !== table.lastDataRow) return false;
  if (read.rowCodes.length !== table.rowCodes.length || read.rowCodes.some((code, i) => code !== table.rowCodes[i])) return false;
  return table.columns.every((c, i) => read.columns[c.key] === undefined || read.columns[c.key] === i);
}

export const OLD_FIGURES_SHEET = "Số liệu cũ";
const OLD_FIGURES_COLUMNS = 6;

type OldRow = (string | number | boolean | null)[];

/** Rows already in the sheet of old figures (kept: a second plan change must not drop the first's). */
function oldRowsIn(doc: OpenDocument): OldRow[] {
  const target = readSheet(doc.ss, OLD_FIGURES_SHEET, doc.fingerprints[OLD_FIGURES_SHEET] ?? null, false);
  if (!target?.values) return [];
  return target.values
    .slice(1)
    .filter((row) => row.some((v) => v !== "" && v !== null))
    .map((row) => Array.from({ length: OLD_FIGURES_COLUMNS }, (_, i) => jsonSafeCell(row[i])));
}

function oldFiguresWorkbook(earlier: OldRow[], entries: ActualEntry[]): WorkbookModel {
  const b = new SheetBuilder(OLD_FIGURES_SHEET, "register", SHEET_FONT);
  ["Mã", "Thực hiện", "Năm trước", "Ghi chú", "Đánh giá điều chỉnh", "Lý do"].forEach((h, i) => b.set(0, i, h).width(i, i === 3 || i === 5 ? 36 : 14));
  earlier.forEach((cells, i) => cells.forEach((v, c) => b.set(i + 1, c, typeof v === "number" || typeof v === "boolean" ? v : v === null ? null : String(v), c === 0 ? "@" : null)));
  entries.forEach((e, i) => {
    const row = earlier.length + i + 1;
    b.set(row, 0, e.code, "@");
    b.set(row, 1, jsonSafeCell(e.raw));
    b.set(row, 2, jsonSafeCell(e.previous));
    b.set(row, 3, e.note ?? null);
    b.set(row, 4, e.override?.status ?? null);
    b.set(row, 5, e.override?.reason ?? null);
  });
  b.style({ row: 0, col: 0, rows: 1, cols: 6 }, STYLES.tableHeader);
  return { sheets: [b.finish(6)], metadata: {} };
}

export function loadPlanCommand(request: LoadRequest): Outcome<LoadResult> {
  const lang = request.lang;
  const unit = (request.unit ?? "").trim();
  if (unit === "") return fail(tg("gas.error.need-unit", {}, lang));
  if (!Number.isInteger(request.year) || request.year < 1900 || request.year > 2200) return fail(tg("gas.error.need-year", {}, lang));
  const { plan, custom } = resolvePlan(request.source, lang);

  const doc = openDocument();
  const { ss } = doc;
  const known = new Map<string, TargetSheet | null>();
  const read = readFillInSheet(doc, doc.stored?.plan ?? plan, lang);
  if (read) {
    // One rule for every host (the core's): the key, the header row and every input column must
    // still be found, or the rewrite would drop what they hold.
    const broken = blockingProblems(read.reading, read.target.name, lang);
    if (broken.length > 0) return fail(broken.map((p) => p.message).join(" "));
  }
  const entries: ActualEntry[] = read ? read.reading.entries : [];
  // One rule with Excel (the core's): a figure follows only to the same indicator of the new plan.
  const { kept: keptEntries, left: removed, counts: kept } = carryOver(doc.stored?.plan ?? null, plan, entries);

  const previousSettings = doc.stored?.info.settings;
  const settings = defaultSettings(request.year, { ...(previousSettings ?? {}), reportYear: request.year, lang });
  const workbook = fillInWorkbook(plan, { unit, year: request.year, estimate: request.estimate, settings, entries: keptEntries, issuer: null, lang });
  if (read) {
    const table = workbook.sheets.find((s) => s.name === FILL_IN_SHEET)?.table;
    known.set(FILL_IN_SHEET, { ...read.target, layoutTrusted: sameLayout(read.reading.layout, table) });
  } else if (fillInNameOf(doc.fingerprints) === FILL_IN_SHEET) {
    // Looked up by that very name and by the anchor: there is none, so no second lookup.
    known.set(FILL_IN_SHEET, null);
  }
  let fingerprints = renderWorkbook(ss, workbook, doc.fingerprints, lang, known, { repaint: request.repaint === true });

  if (removed.length > 0) fingerprints = renderWorkbook(ss, oldFiguresWorkbook(oldRowsIn(doc), removed), fingerprints, lang);

  const info: DocumentInfo = { planId: plan.id, customPlan: custom, unit, year: request.year, estimate: request.estimate, issuer: null, settings, lang };
  writeIfChanged(doc.store, doc.properties, { ...documentProperties(info, plan), ...fingerprintProperties(fingerprints) }, ["info", "plan", "render"]);

  const sheet = read?.target.name ?? FILL_IN_SHEET;
  const messages = [tg("gas.load.done", { count: plan.indicators.length, sheet }, lang)];
  if (kept.actuals + kept.notes + kept.overrides > 0) messages.push(tg("gas.load.kept", kept, lang));
  if (removed.length > 0) messages.push(tg("gas.load.removed", { count: removed.length, sheet: OLD_FIGURES_SHEET, codes: removed.map((e) => e.code).join(", ") }, lang));
  return { ok: true, sheet, indicators: plan.indicators.length, kept, removedCodes: removed.map((e) => e.code), messages };
}
