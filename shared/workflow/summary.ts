// "Lập biểu tổng hợp" and the dashboard: the figures evaluated and summarised. The summary writes
// its sheet (and says so when errors are left); the dashboard only answers.
import { evaluatePlan } from "../evaluate";
import type { Evaluation, Lang, Status } from "../model";
import { buildSummaryWorkbook, unitNotesOf } from "../sheet/summary-sheet";
import { summarize, type Summary } from "../summary";
import { countFindings, findingsOf } from "./findings";
import { done, refused, type Outcome, type UserMessage } from "./outcome";
import { say } from "./say";
import { isMessage, readLoadedSheet, type ReadSheet, type SheetInput } from "./sheet-input";

export interface SummaryReport {
  sheet: string;
  sentence: string;
  errors: number;
}

export interface DashboardReport {
  unit: string;
  year: number;
  planTitle: string;
  counts: Record<Status, number>;
  nearMiss: number;
  counted: number;
  sentence: string;
  evaluations: Evaluation[];
}

function summaryOf(read: ReadSheet): Summary {
  return summarize(read.plan, evaluatePlan(read.plan, read.reading.entries, read.settings), read.settings);
}

/** `date`: the report's date (the host's today, "2025-12-05"), so the core stays free of clocks. */
export function summaryCommand(input: SheetInput, request: { date?: string }, lang: Lang): Outcome<SummaryReport> {
  const read = readLoadedSheet(input, lang);
  if (isMessage(read)) return refused(lang, [read]);
  const summary = summaryOf(read);
  const doc = read.document;
  const model = buildSummaryWorkbook(read.plan, summary, { unitNotes: unitNotesOf(read.reading.entries), unit: doc.unit, year: doc.year, estimate: doc.estimate, issuer: doc.issuer ?? undefined, ...(request.date ? { date: request.date } : {}), lang });
  const sheet = model.sheets.find((s) => !s.hidden)?.name ?? model.sheets[0].name;
  const findings = findingsOf(read.plan, read.reading, read.settings);
  const { errors } = countFindings(findings);
  const messages: UserMessage[] = [say(lang, "success", "wf.summary.done", { sheet })];
  if (errors > 0) messages.push(say(lang, "warning", "wf.summary.with-errors", { errors }));
  const sheets = { ...doc.sheets };
  for (const s of model.sheets) sheets[s.name] = s.role;
  return done(lang, { sheet, sentence: summary.sentence, errors }, [{ kind: "sheets", model, activate: sheet }, { kind: "document", info: { ...doc, sheets } }], messages, findings);
}

export function dashboardCommand(input: SheetInput, lang: Lang): Outcome<DashboardReport> {
  const read = readLoadedSheet(input, lang);
  if (isMessage(read)) return refused(lang, [read]);
  const evaluations = evaluatePlan(read.plan, read.reading.entries, read.settings);
  const summary = summarize(read.plan, evaluations, read.settings);
  const doc = read.document;
  return done(lang, { unit: doc.unit, year: doc.year, planTitle: read.plan.title, counts: summary.tally.byStatus, nearMiss: summary.tally.nearMiss, counted: summary.tally.counted, sentence: summary.sentence, evaluations }, [], []);
}
