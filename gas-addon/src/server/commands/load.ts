// "Nạp kế hoạch": the core's load command (shared/workflow/load.ts) on the open spreadsheet. This
// file finds the plan the sidebar chose, reads the fill-in sheet (by name, then by its anchor) and
// the set-aside sheet, calls the core, and renders what it says: the fill-in workbook, the figures
// that do not carry over in the one set-aside sheet, the document's properties.
import { findBuiltInPlan } from "../../../../shared/catalog";
import type { Lang, Plan } from "../../../../shared/model";
import { parsePlanJson, validatePlan } from "../../../../shared/plan-io";
import { FILL_IN_SHEET } from "../../../../shared/sheet/fill-in";
import type { TableLayout } from "../../../../shared/sheet/types";
import type { ReadLayout } from "../../../../shared/sheet/read-back";
import { loadCommand } from "../../../../shared/workflow/load";
import { loadRequestProblems } from "../../../../shared/workflow/request";
import { setAsideSheetNames } from "../../../../shared/workflow/set-aside";
import { messageLines, writeOf } from "../../../../shared/workflow/outcome";
import type { LoadRequest, LoadResult, Outcome, PlanSource } from "../../api-types";
import type { TargetSheet } from "../../adapter/sheet-io";
import { tg } from "../../messages";
import { documentProperties, fingerprintProperties, writeIfChanged, type DocumentInfo } from "../document-state";
import { confirmOf, fillInNameOf, notDone, openDocument, readFillInSheet, UserFacingError, workflowDocument } from "../host";
import { readSheet } from "../../adapter/sheet-io";
import { renderWorkbook } from "../render-workbook";

export function resolvePlan(source: PlanSource, lang: Lang): { plan: Plan; custom: boolean } {
  if (source.kind === "builtin") {
    const plan = findBuiltInPlan(source.id);
    if (!plan) throw new UserFacingError(tg("wf.need-plan", {}, lang));
    return { plan, custom: false };
  }
  const result = source.kind === "json" ? parsePlanJson(source.text, source.file, lang) : validatePlan(source.plan, lang);
  if (!result.ok) throw new UserFacingError(tg("wf.plan-invalid", { detail: result.problems.map((p) => p.message).join("; ") }, lang));
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

export function loadPlanCommand(request: LoadRequest): Outcome<LoadResult> {
  const lang = request.lang;
  // The request's own checks first (the core's): a wrong year is said before a plan is looked for.
  const problems = loadRequestProblems({ unit: request.unit ?? "", year: request.year }, lang);
  if (problems.length > 0) return notDone(problems);
  const { plan, custom } = resolvePlan(request.source, lang);

  const doc = openDocument();
  const { ss } = doc;
  const read = readFillInSheet(doc, doc.stored?.plan ?? plan, lang);
  // The set-aside sheet is read only when the add-on wrote it (it has a fingerprint): a user's sheet of that name is theirs.
  const asideName = setAsideSheetNames().find((name) => doc.fingerprints[name]);
  const aside = asideName ? readSheet(ss, asideName, doc.fingerprints[asideName] ?? null, false) : null;
  const outcome = loadCommand(
    {
      document: workflowDocument(doc),
      fillIn: read ? { sheet: read.target.name, grid: read.target.values ?? [] } : null,
      setAside: aside?.values ? { sheet: aside.name, grid: aside.values } : null,
    },
    { plan, unit: request.unit ?? "", year: request.year, estimate: request.estimate, issuer: null, lang, answers: request.confirmSetAside ? { "reload-set-aside": true } : request.answers, ...(request.period ? { settings: { period: request.period } } : {}) },
  );
  if (outcome.status === "ask" && outcome.question) {
    const kept = { actuals: 0, notes: 0, overrides: 0 };
    return { ok: true, sheet: "", indicators: plan.indicators.length, kept, removedCodes: [], added: [], removed: [], targetChanged: [], setAsideSheet: null, messages: [], confirm: confirmOf(outcome.question) };
  }
  if (outcome.status !== "done" || !outcome.result) return notDone(outcome.messages);
  const result = outcome.result;

  const workbook = writeOf(outcome, "sheets")!.model;
  const known = new Map<string, TargetSheet | null>();
  if (read) {
    const table = workbook.sheets.find((s) => s.name === FILL_IN_SHEET)?.table;
    known.set(FILL_IN_SHEET, { ...read.target, layoutTrusted: sameLayout(read.reading.layout, table) });
  } else if (fillInNameOf(doc.fingerprints) === FILL_IN_SHEET) {
    // Looked up by that very name and by the anchor: there is none, so no second lookup.
    known.set(FILL_IN_SHEET, null);
  }
  let fingerprints = renderWorkbook(ss, workbook, doc.fingerprints, lang, known, { repaint: request.repaint === true });
  const setAside = writeOf(outcome, "set-aside");
  if (setAside) fingerprints = renderWorkbook(ss, setAside.model, fingerprints, lang, aside ? new Map([[setAside.sheet, aside]]) : new Map());

  const settings = writeOf(outcome, "document")!.info.settings;
  const info: DocumentInfo = { planId: plan.id, customPlan: custom, unit: request.unit.trim(), year: request.year, estimate: request.estimate, issuer: null, settings, lang };
  writeIfChanged(doc.store, doc.properties, { ...documentProperties(info, plan), ...fingerprintProperties(fingerprints) }, ["info", "plan", "render"]);

  return {
    ok: true,
    sheet: result.sheet,
    indicators: result.indicators,
    kept: result.kept,
    removedCodes: result.setAside.map((e) => e.code),
    added: result.added,
    removed: result.removed,
    targetChanged: result.targetChanged,
    setAsideSheet: result.setAsideSheet,
    messages: messageLines(outcome),
  };
}
