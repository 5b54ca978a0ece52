// "Xuất báo cáo Word": the report's content model (shared/report-doc/) from what the host read,
// the same model `chitieu report` builds from a filled .xlsx, so the pane's .docx and the CLI's are
// one document. Nothing is written to the workbook: the host lays the model out
// (docx-writer/render.ts) and offers the file.
import { evaluatePlan } from "../evaluate";
import type { ActualEntry, Lang, Period, Plan, Settings } from "../model";
import type { ReportDocument } from "../report-doc/model";
import { buildUnitReport } from "../report-doc/unit-report";
import { summarize, type Summary } from "../summary";
import { countFindings, findingsOf } from "./findings";
import { done, refused, type Outcome, type UserMessage } from "./outcome";
import { say } from "./say";
import { isMessage, readLoadedSheet, type SheetInput } from "./sheet-input";

export interface UnitReportRequest {
  unit: string;
  estimate: boolean;
  period?: Period;
  /** "05/12/2026" or "2026-12-05"; without it the place-and-date line is left for the writer. */
  date?: string;
  recipient?: string;
}

/** The unit's report model from its plan, typed figures and settings: one builder for the CLI and the panes. */
export function unitReportDocument(plan: Plan, entries: readonly ActualEntry[], settings: Settings, request: UnitReportRequest, lang: Lang): { document: ReportDocument; summary: Summary } {
  const summary = summarize(plan, evaluatePlan(plan, [...entries], settings), settings);
  const notes: Record<string, string> = {};
  for (const entry of entries) if (entry.note && entry.note.trim()) notes[entry.code] = entry.note.trim();
  const period = request.period ?? settings.period;
  const document = buildUnitReport(plan, summary, {
    unit: request.unit,
    estimate: request.estimate,
    notes,
    lang,
    ...(period ? { period } : {}),
    ...(request.date ? { date: request.date } : {}),
    ...(request.recipient ? { recipient: request.recipient } : {}),
  });
  return { document, summary };
}

export interface WordReport {
  document: ReportDocument;
  /** "bao-cao-phuong-dong-hai-2025.docx": ASCII, so every browser and file system keeps it. */
  fileName: string;
  sentence: string;
  errors: number;
}

/** A file name from the unit and year, without diacritics or spaces. */
export function reportFileName(unit: string, year: number, lang: Lang): string {
  const slug = unit
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60);
  return `${lang === "en" ? "report" : "bao-cao"}${slug ? `-${slug}` : ""}-${year}.docx`;
}

/** The loaded workbook's report model (nothing written); the errors left in the figures are said, not refused. */
export function wordReportCommand(input: SheetInput, request: Partial<UnitReportRequest>, lang: Lang): Outcome<WordReport> {
  const read = readLoadedSheet(input, lang);
  if (isMessage(read)) return refused(lang, [read]);
  const doc = read.document;
  const { document, summary } = unitReportDocument(read.plan, read.reading.entries, read.settings, { unit: doc.unit || read.plan.issuer, estimate: doc.estimate, ...request }, lang);
  const findings = findingsOf(read.plan, read.reading, read.settings);
  const { errors } = countFindings(findings);
  const fileName = reportFileName(doc.unit || read.plan.issuer, doc.year, lang);
  const messages: UserMessage[] = [say(lang, "success", "wf.word-report.done", { file: fileName, rows: document.appendix.table.rows.length })];
  if (errors > 0) messages.push(say(lang, "warning", "wf.word-report.with-errors", { errors }));
  return done(lang, { document, fileName, sentence: summary.sentence, errors }, [], messages, findings);
}
