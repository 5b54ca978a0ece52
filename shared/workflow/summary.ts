// "Lập biểu tổng hợp" and the dashboard: the figures evaluated and summarised. The summary writes
// its sheet (and says so when errors are left); the dashboard only answers.
import { evaluatePlan } from "../evaluate";
import type { Evaluation, Lang, Status } from "../model";
import { buildSummaryWorkbook, unitNotesOf } from "../sheet/summary-sheet";
import { summarize, type Summary } from "../summary";
import { figureDates, summaryFigures, type FigureBasis } from "../period-figures";
import { storedTallyFinding } from "./enter-report";
import { countFindings, findingsOf } from "./findings";
import { done, refused, type Outcome, type UserMessage } from "./outcome";
import { say } from "./say";
import { isMessage, readLoadedSheet, type ReadSheet, type SheetInput } from "./sheet-input";

export interface SummaryReport {
  sheet: string;
  sentence: string;
  errors: number;
  /** The report's tally check, when a report entered by "Dán báo cáo" says otherwise than the figures. */
  tally?: string | null;
  /** Which figures the summary was made from ("Số liệu: số chính thức …"), when the sheet holds estimates. */
  basis?: string | null;
  /** The status changes from the estimate to the final figures ("chỉ tiêu 4 chuyển từ Đạt sang Không đạt"). */
  changes?: string[];
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
  /** The indicators the counts count (settings.countLevel): the tiles' lists and the dashboard's filter keep to these. */
  countedCodes: string[];
}

function summaryOf(read: ReadSheet, evaluations: Evaluation[] = evaluatePlan(read.plan, read.reading.entries, read.settings)): Summary {
  return summarize(read.plan, evaluations, read.settings);
}

/**
 * `date`: the report's date (the host's today, "2025-12-05"), so the core stays free of clocks.
 * `from`: the figures to summarise, as `chitieu summary --from`: by default the final figure where
 * typed, else the estimate; the summary says which, and lists the statuses the final figures changed.
 */
export function summaryCommand(input: SheetInput, request: { date?: string; from?: FigureBasis }, lang: Lang): Outcome<SummaryReport> {
  const read = readLoadedSheet(input, lang);
  if (isMessage(read)) return refused(lang, [read]);
  const doc = read.document;
  const dates = figureDates((input.fillIn?.grid ?? []) as unknown[][], read.reading.layout ?? null);
  const figures = summaryFigures(read.plan, read.reading.entries, read.settings, request.from ?? "latest", dates, doc.estimate);
  const evaluations = evaluatePlan(read.plan, figures.entries, read.settings);
  const summary = summaryOf(read, evaluations);
  // As `chitieu summary`: the report's tally, when the figures contradict it, under the sentence.
  const tally = storedTallyFinding(doc, read.plan, evaluations, read.settings);
  const notes = [...figures.changes, ...(tally ? [tally.message] : [])];
  const model = buildSummaryWorkbook(read.plan, summary, {
    unitNotes: unitNotesOf(read.reading.entries),
    unit: doc.unit,
    year: doc.year,
    estimate: figures.estimate,
    ...(figures.basisLine ? { basisLine: figures.basisLine } : {}),
    issuer: doc.issuer ?? undefined,
    ...(request.date ? { date: request.date } : {}),
    ...(notes.length > 0 ? { changes: notes } : {}),
    lang,
  });
  const sheet = model.sheets.find((s) => !s.hidden)?.name ?? model.sheets[0].name;
  const findings = findingsOf(read.plan, read.reading, read.settings);
  const { errors } = countFindings(findings);
  const messages: UserMessage[] = [say(lang, "success", "wf.summary.done", { sheet })];
  if (errors > 0) messages.push(say(lang, "warning", "wf.summary.with-errors", { errors }));
  // Which figures were used is said in the pane only when estimates are among them; the sheet always says it.
  const fromEstimates = figures.use.kind === "estimate" || figures.use.kind === "mixed";
  if (figures.basisLine && fromEstimates) messages.push({ severity: "info", key: "period.basis", text: figures.basisLine });
  for (const line of figures.changes) messages.push({ severity: "warning", key: "period.change", text: line });
  if (tally) messages.push({ severity: "warning", key: "finding.report-tally", text: tally.message });
  const sheets = { ...doc.sheets };
  for (const s of model.sheets) sheets[s.name] = s.role;
  return done(lang, { sheet, sentence: summary.sentence, errors, tally: tally?.message ?? null, basis: fromEstimates ? figures.basisLine : null, changes: figures.changes }, [{ kind: "sheets", model, activate: sheet }, { kind: "document", info: { ...doc, sheets } }], messages, findings);
}

export function dashboardCommand(input: SheetInput, lang: Lang): Outcome<DashboardReport> {
  const read = readLoadedSheet(input, lang);
  if (isMessage(read)) return refused(lang, [read]);
  const evaluations = evaluatePlan(read.plan, read.reading.entries, read.settings);
  const summary = summarize(read.plan, evaluations, read.settings);
  const doc = read.document;
  return done(lang, { unit: doc.unit, year: doc.year, planTitle: read.plan.title, counts: summary.tally.byStatus, nearMiss: summary.tally.nearMiss, counted: summary.tally.counted, sentence: summary.sentence, evaluations, countedCodes: summary.rows.flatMap((r) => (r.kind === "indicator" && r.counted ? [r.code] : [])) }, [], []);
}
