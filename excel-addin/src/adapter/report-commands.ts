// The report commands, loaded only when the user asks for a report (they pull the summary and
// consolidation sheet builders, which the task pane does not need at start): the year-end summary
// sheet and the consolidation of other units' files. Three requests each, like every command.
import type { Lang, Plan, Settings } from "../../../shared/model";
import { evaluatePlan } from "../../../shared/evaluate";
import { summarize } from "../../../shared/summary";
import { validateEntries } from "../../../shared/validate";
import * as core from "../core";
import * as reports from "../core-reports";
import { tx } from "../messages";
import { readFilled, writeOwnSheets } from "./commands";
import { actualName, fail, metadataSheets, type HostFeatures, type Outcome } from "./sheets";
import { hasSheet, locateWorkbook, planOf, readSheets, type DocumentState } from "./workbook-io";

export interface SummaryResult {
  sheet: string;
  sentence: string;
}

/** Tạo bảng tổng hợp: read → evaluate → summarize → write the summary sheet (three requests). */
export async function buildSummary(context: Excel.RequestContext, lang: Lang, features: HostFeatures): Promise<Outcome<SummaryResult>> {
  const read = await readFilled(context, lang, (doc) => Object.keys(doc.sheets));
  if (!read.ok) return read;
  const { doc } = read;
  const settings = { ...doc.settings, lang };
  const evaluations = evaluatePlan(read.plan, read.reading.entries, settings);
  const summary = summarize(read.plan, evaluations, settings);
  const model = reports.summaryWorkbook(read.plan, summary, { unit: doc.unit, year: doc.year, estimate: doc.estimate, issuer: doc.issuer, lang });
  const written = await writeOwnSheets(context, read.snapshot, read.existing, model, doc, features);
  if (!written.ok) return written;
  return { ok: true, sheet: written.first, sentence: summary.sentence };
}

export interface UnitFile {
  name: string;
  /** What the file reader made of it: a grid per sheet, or why it could not be read. */
  read: { ok: true; sheets: { name: string; grid: unknown[][] }[]; unit: string | null } | { ok: false; reason: string };
}

export interface ConsolidationResult {
  sheet: string;
  units: number;
  unusable: number;
}

/** Consolidation: other units' files (already read in the browser) → consolidated sheets (three requests). */
export async function consolidateFiles(
  context: Excel.RequestContext,
  files: UnitFile[],
  lang: Lang,
  features: HostFeatures,
  onProgress: (done: number, total: number, file: string) => void = () => undefined,
): Promise<Outcome<ConsolidationResult>> {
  if (files.length === 0) return fail(tx("xl.consolidate.no-files", {}, lang));
  const snapshot = await locateWorkbook(context);
  const doc = snapshot.document;
  if (!doc) return fail(tx("xl.no-document", {}, lang));
  // The add-in's own sheets are probed (used range) with the plan read, so the write is the third request.
  const metadata = metadataSheets(snapshot);
  const own = Object.keys(doc.sheets).filter((name) => hasSheet(snapshot, name)).map((name) => actualName(snapshot, name));
  const reads = await readSheets(context, null, own, metadata);
  const plan = planOf(doc, reads.grids.get(metadata[0] ?? ""));
  if (!plan) return fail(tx("xl.plan-missing", { id: doc.planId }, lang));
  const settings = { ...doc.settings, lang };
  const inputs = files.map((file, index) => {
    onProgress(index, files.length, file.name);
    return unitInput(file, doc, plan, settings, lang);
  });
  onProgress(files.length, files.length, "");
  const model = reports.consolidationWorkbook(inputs, settings, { year: doc.year, issuer: doc.issuer, lang });
  const probed = reads.existing;
  const written = await writeOwnSheets(context, snapshot, probed, model, doc, features);
  if (!written.ok) return written;
  const unusable = inputs.filter((i) => "reason" in i && !("evaluations" in i)).length;
  return { ok: true, sheet: written.first, units: inputs.length - unusable, unusable };
}

function unitInput(file: UnitFile, doc: DocumentState, plan: Plan, settings: Settings, lang: Lang) {
  if (!file.read.ok) return { file: file.name, reason: tx("xl.consolidate.unreadable", { detail: file.read.reason }, lang) };
  const sheetName = doc.fillInSheet ?? "";
  const sheet = file.read.sheets.find((s) => s.name.toLowerCase() === sheetName.toLowerCase());
  if (!sheet) return { file: file.name, reason: tx("xl.consolidate.no-sheet", { plan: plan.title }, lang) };
  const reading = core.readFillIn(sheet.grid, sheet.name, plan, lang);
  const broken = core.unreadableLayout(reading);
  if (broken.length > 0) return { file: file.name, reason: broken.map((p) => p.message).join("; ") };
  const evaluations = evaluatePlan(plan, reading.entries, settings);
  const findings = [...reading.problems, ...validateEntries(plan, reading.entries, settings)];
  return { unit: file.read.unit ?? file.name.replace(/\.xlsx$/i, ""), file: file.name, plan, evaluations, findings };
}

