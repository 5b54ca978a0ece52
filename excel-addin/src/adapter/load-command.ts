// "Nạp vào bảng tính": writes (or rewrites) the fill-in sheet from the core's model. Three
// requests: locate, read what the sheet holds now, write. On a reload every actual, note and
// override typed is read back by code and handed to the builder, so nothing typed is lost, and the
// user is told what changed.
import { PLAN_JSON_KEY, withMetadataSheet } from "../../../xlsx-reader/metadata";
import { defaultSettings, type ActualEntry, type Lang, type Plan, type Settings } from "../../../shared/model";
import { carryOver, hasTyped, type CarryOver } from "../../../shared/sheet/carry-over";
import * as core from "../core";
import { tx } from "../messages";
import type { ExistingSheet } from "./render";
import { fail, foreignSheet, metadataSheets, ownedTargets, previousFillIn, rolesOf, type HostFeatures, type Outcome } from "./sheets";
import { documentState, locateWorkbook, planOf, readSheets, writeModel } from "./workbook-io";


export interface LoadRequest {
  plan: Plan;
  unit: string;
  year: number;
  estimate: boolean;
  issuer: string | null;
  /** Settings to use; what is not given comes from the workbook's saved settings, then the defaults. */
  settings?: Partial<Settings>;
  lang: Lang;
}

export interface LoadResult {
  sheet: string;
  indicators: number;
  kept: { actuals: number; notes: number; overrides: number };
  added: string[];
  removed: string[];
  removedData: { code: string; raw: unknown }[];
  targetChanged: string[];
  messages: string[];
}


/** Writes (or rewrites) the fill-in sheet, keeping every actual, note and override already typed. */
export async function loadPlan(context: Excel.RequestContext, request: LoadRequest, features: HostFeatures): Promise<Outcome<LoadResult>> {
  const { plan, lang } = request;
  if (request.unit.trim() === "") return fail(tx("xl.need-unit", {}, lang));
  if (!Number.isInteger(request.year) || request.year < 1900 || request.year > 2200) return fail(tx("xl.need-year", {}, lang));
  const snapshot = await locateWorkbook(context);
  const settings = defaultSettings(request.year, { ...snapshot.document?.settings, ...request.settings, reportYear: request.year, lang });
  const fillInOptions = (entries: ActualEntry[]): core.FillInOptions => ({
    unit: request.unit.trim(),
    year: request.year,
    estimate: request.estimate,
    settings,
    entries,
    issuer: request.issuer,
    lang,
  });
  const draft = withMetadataSheet(core.fillInWorkbook(plan, fillInOptions([])));
  const conflict = foreignSheet(snapshot, draft);
  if (conflict) return fail(tx("xl.sheet-conflict", { sheet: conflict }, lang));

  const previous = previousFillIn(snapshot);
  const rewritten = ownedTargets(snapshot, draft);
  let entries: ActualEntry[] = [];
  let oldPlan: Plan | null = null;
  let existing = new Map<string, ExistingSheet>();
  if (previous || rewritten.length > 0) {
    const metadata = metadataSheets(snapshot);
    const reads = await readSheets(context, previous?.sheet ?? null, rewritten, metadata);
    existing = reads.existing;
    oldPlan = snapshot.document ? planOf(snapshot.document, reads.grids.get(metadata[0] ?? "")) : null;
    if (previous && reads.grid) {
      // Read with the plan the sheet was made from; codes are matched the same with either.
      const reading = core.readFillIn(reads.grid, previous.sheet, oldPlan ?? plan, lang);
      const broken = core.blockingProblems(reading, previous.sheet, lang);
      if (broken.length > 0) return fail(broken.map((p) => p.message).join(" "));
      entries = reading.entries;
    }
  }
  const carry = carryOver(previous ? oldPlan : null, plan, entries);
  const carried = carry.kept;

  // The hidden `_chitieu` sheet carries the plan in the file itself, as the CLI writes it, so a
  // workbook saved from Excel can be checked by `chitieu check` or consolidated elsewhere.
  const model = withMetadataSheet(core.fillInWorkbook(plan, fillInOptions(carried)), { [PLAN_JSON_KEY]: JSON.stringify(plan) });
  const sheet = core.fillInSheetOf(model);
  const roles = rolesOf(model, snapshot.document);
  const state = documentState({
    planId: plan.id,
    unit: request.unit.trim(),
    year: request.year,
    estimate: request.estimate,
    issuer: request.issuer,
    settings,
    sheets: roles,
    fillInSheet: sheet.name,
    fillInAnchor: sheet.table?.anchorName ?? null,
  });
  await writeModel(context, model, snapshot, existing, features.pageLayout, state, sheet.name);
  return { ok: true, ...describeReload(previous ? oldPlan : null, plan, carry, sheet.name, lang) };
}

function describeReload(oldPlan: Plan | null, plan: Plan, carry: CarryOver, sheet: string, lang: Lang): LoadResult {
  const codes = new Set(plan.indicators.map((i) => i.code));
  const oldByCode = new Map((oldPlan?.indicators ?? []).map((i) => [i.code, i]));
  const added = oldPlan ? plan.indicators.filter((i) => !oldByCode.has(i.code)).map((i) => i.code) : [];
  const removed = oldPlan ? oldPlan.indicators.filter((i) => !codes.has(i.code)).map((i) => i.code) : [];
  const targetChanged = plan.indicators
    .filter((i) => {
      const old = oldByCode.get(i.code);
      return old !== undefined && (old.target !== i.target || old.comparator !== i.comparator || old.targetMin !== i.targetMin || old.targetMax !== i.targetMax);
    })
    .map((i) => i.code);
  const kept = carry.counts;
  const removedData = carry.left.filter((e) => hasTyped(e.raw)).map((e) => ({ code: e.code, raw: e.raw }));
  const messages = [tx("xl.load.done", { count: plan.indicators.length, sheet }, lang)];
  if (oldPlan) messages.push(tx("xl.load.kept", kept, lang));
  if (added.length) messages.push(tx("xl.load.added", { codes: added.join(", ") }, lang));
  if (removed.length) messages.push(tx("xl.load.removed", { codes: removed.join(", ") }, lang));
  if (removedData.length) messages.push(tx("xl.load.removed-data", { items: removedData.map((d) => `${d.code} = ${String(d.raw)}`).join("; ") }, lang));
  if (targetChanged.length) messages.push(tx("xl.load.target-changed", { codes: targetChanged.join(", ") }, lang));
  return { sheet, indicators: plan.indicators.length, kept, added, removed, removedData, targetChanged, messages };
}

