// "Nạp kế hoạch" (load, or load again over a sheet with typed figures): one pure function from what
// the host read to what it must write. Every actual, note and override typed is read back by code
// and handed to the sheet builder; a figure follows only to the same indicator of the new plan
// (carry-over.ts), and what does not carry over is never dropped: the user is asked first, shown
// what will be set aside, and it goes to the one set-aside sheet (set-aside.ts).
import { defaultSettings, type ActualEntry, type Lang, type Plan, type Settings } from "../model";
import { carryOver, hasTyped } from "../sheet/carry-over";
import { buildFillInWorkbook, FILL_IN_SHEET } from "../sheet/fill-in";
import { readFillInSheet, reloadBlockers } from "../sheet/read-back";
import { t } from "../i18n";
import { formatNumberFor } from "../validate";
import { ask, done, refused, type Answers, type DocumentInfo, type HostWrite, type Outcome, type UserMessage } from "./outcome";
import { loadRequestProblems } from "./request";
import { say } from "./say";
import { setAsideSheetNames, setAsideWorkbook } from "./set-aside";

/** A sheet as the host read it: its name in the workbook and its values from A1. */
export interface GridRead {
  sheet: string;
  grid: readonly (readonly unknown[])[];
}

export interface LoadInput {
  /** What the host kept about the document; null for a workbook never loaded. */
  document: DocumentInfo | null;
  /** The fill-in sheet as it stands (found by the host by name, then by its anchor), or null. */
  fillIn: GridRead | null;
  /** The set-aside sheet as it stands (any of setAsideSheetNames()), or null. */
  setAside: GridRead | null;
}

export interface LoadRequest {
  plan: Plan;
  unit: string;
  year: number;
  estimate: boolean;
  issuer: string | null;
  /** What is not given comes from the document's saved settings, then the defaults. */
  settings?: Partial<Settings>;
  lang: Lang;
  answers?: Answers;
}

export interface LoadReport {
  sheet: string;
  indicators: number;
  kept: { actuals: number; notes: number; overrides: number };
  added: string[];
  removed: string[];
  /** What was set aside, by code, with what had been typed. */
  setAside: { code: string; raw: unknown }[];
  setAsideSheet: string | null;
  targetChanged: string[];
}

/** What an entry holds, for the question and the report: the figure, else last year's, the note, the override. */
function shownValue(entry: ActualEntry, lang: Lang): string {
  const first = [entry.raw, entry.estimate, entry.previous, entry.note, entry.override?.status].find(hasTyped);
  return typeof first === "number" ? formatNumberFor(first, lang) : String(first ?? "");
}

function differences(oldPlan: Plan | null, plan: Plan): Pick<LoadReport, "added" | "removed" | "targetChanged"> {
  if (!oldPlan) return { added: [], removed: [], targetChanged: [] };
  const codes = new Set(plan.indicators.map((i) => i.code));
  const before = new Map(oldPlan.indicators.map((i) => [i.code, i]));
  return {
    added: plan.indicators.filter((i) => !before.has(i.code)).map((i) => i.code),
    removed: oldPlan.indicators.filter((i) => !codes.has(i.code)).map((i) => i.code),
    targetChanged: plan.indicators
      .filter((i) => {
        const old = before.get(i.code);
        return old !== undefined && (old.target !== i.target || old.comparator !== i.comparator || old.targetMin !== i.targetMin || old.targetMax !== i.targetMax);
      })
      .map((i) => i.code),
  };
}

export function loadCommand(input: LoadInput, request: LoadRequest): Outcome<LoadReport> {
  const { plan, lang } = request;
  const problems = loadRequestProblems(request, lang);
  if (problems.length > 0) return refused(lang, problems);
  const unit = request.unit.trim();
  const oldPlan = input.document?.plan ?? null;

  let entries: ActualEntry[] = [];
  if (input.fillIn) {
    // Read with the plan the sheet was made from; codes are matched the same with either.
    const reading = readFillInSheet(input.fillIn.grid as unknown[][], input.fillIn.sheet, { plan: oldPlan ?? plan, lang });
    const blockers = reloadBlockers(reading, input.fillIn.sheet, lang);
    if (blockers.length > 0) return refused(lang, blockers.map((b) => ({ severity: "error", key: `finding.${b.rule}`, text: b.message })), blockers);
    entries = reading.entries;
  }
  const carry = carryOver(input.fillIn ? oldPlan : null, plan, entries);
  const setAsideSheet = input.setAside?.sheet ?? t("wf.set-aside.sheet", {}, lang);
  const names = new Map((oldPlan?.indicators ?? []).map((i) => [i.code, i.name]));

  if (carry.left.length > 0 && request.answers?.["reload-set-aside"] !== true) {
    return ask(lang, {
      id: "reload-set-aside",
      text: t("wf.reload.ask", { count: carry.left.length, sheet: setAsideSheet }, lang),
      items: carry.left.map((e) => ({ code: e.code, text: t("wf.reload.item", { code: e.code, name: names.get(e.code) ?? "", value: shownValue(e, lang) }, lang) })),
      confirm: t("wf.reload.confirm", {}, lang),
      cancel: t("wf.reload.cancel", {}, lang),
    });
  }

  const settings = defaultSettings(request.year, { ...input.document?.settings, ...request.settings, reportYear: request.year, lang });
  const model = buildFillInWorkbook(plan, { unit, year: request.year, estimate: request.estimate, settings, entries: carry.kept, issuer: request.issuer, lang });
  const fillIn = model.sheets.find((s) => s.role === "fill-in");
  const sheet = input.fillIn?.sheet ?? fillIn?.name ?? FILL_IN_SHEET;
  const writes: HostWrite[] = [{ kind: "sheets", model, activate: fillIn?.name ?? null }];
  if (carry.left.length > 0) {
    const aside = setAsideWorkbook(setAsideSheet, { earlier: input.setAside?.grid ?? [], entries: carry.left, from: oldPlan }, lang);
    writes.push({ kind: "set-aside", model: aside.model, sheet: setAsideSheet, rows: aside.rows });
  }
  const sheets = { ...(input.document?.sheets ?? {}) };
  for (const s of model.sheets) sheets[s.name] = s.role;
  if (carry.left.length > 0) sheets[setAsideSheet] = "register";
  const info: DocumentInfo = { plan, unit, year: request.year, estimate: request.estimate, issuer: request.issuer, settings, fillInSheet: sheet, sheets };
  writes.push({ kind: "document", info });

  const diff = differences(input.fillIn ? oldPlan : null, plan);
  const messages: UserMessage[] = [say(lang, "success", "wf.load.done", { count: plan.indicators.length, sheet })];
  if (input.fillIn && oldPlan) messages.push(say(lang, "info", "wf.load.kept", carry.counts));
  if (diff.added.length) messages.push(say(lang, "info", "wf.load.added", { codes: diff.added.join(", ") }));
  if (diff.removed.length) messages.push(say(lang, "info", "wf.load.removed", { codes: diff.removed.join(", ") }));
  if (carry.moved.length) messages.push(say(lang, "info", "wf.load.moved", { moves: carry.moved.map((m) => `${m.from} → ${m.to}`).join(", ") }));
  if (carry.left.length) messages.push(say(lang, "warning", "wf.load.set-aside", { count: carry.left.length, sheet: setAsideSheet, codes: carry.left.map((e) => e.code).join(", ") }));
  if (diff.targetChanged.length) messages.push(say(lang, "info", "wf.load.target-changed", { codes: diff.targetChanged.join(", ") }));
  return done(lang, {
    sheet,
    indicators: plan.indicators.length,
    kept: carry.counts,
    ...diff,
    setAside: carry.left.map((e) => ({ code: e.code, raw: e.raw ?? null })),
    setAsideSheet: carry.left.length > 0 ? setAsideSheet : null,
  }, writes, messages);
}

export { setAsideSheetNames };
