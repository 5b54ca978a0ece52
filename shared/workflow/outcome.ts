// The one answer every command of the workflow layer gives, whichever host asked: what the host must
// write, what it tells the user, the findings, and the question to ask before anything is written.
// Hosts read what the command needs, call it, then apply `writes` in order and render `messages`:
// no host decides anything an Outcome does not say. Plain JSON-safe data throughout (it crosses
// google.script.run), so the Sheets sidebar and the Excel task pane receive the very same object.
import type { Finding, Lang, Plan, Settings } from "../model";
import type { LiteralValue, SheetRole, WorkbookModel } from "../sheet/types";
import type { StoredTally } from "../report/tally-check";

/** How a message is shown: a refusal, something to look at, news, or that the action worked. */
export type MessageSeverity = "error" | "warning" | "info" | "success";

/** One thing said to the user, already in their language, with where it is about and what to do next. */
export interface UserMessage {
  severity: MessageSeverity;
  /** The message key (shared/i18n): tests and the UI tell messages apart by it, never by the text. */
  key: string;
  text: string;
  /** The cell it is about, when there is one (the UI offers to select it). */
  at?: { sheet: string; cell: string };
  /** The next step in words, when the user has one to take ("Đổi tên trang đó rồi làm lại"). */
  next?: string;
}

/** One cell to write, by A1 address. `text`: written so the host keeps it as text, never a formula or number. */
export interface CellWrite {
  sheet: string;
  cell: string;
  value: LiteralValue;
  text?: boolean;
}

/** What the host keeps in the document about itself (Excel: a document setting; Sheets: document properties). */
export interface DocumentInfo {
  plan: Plan;
  unit: string;
  year: number;
  estimate: boolean;
  issuer: string | null;
  settings: Settings;
  /** The fill-in sheet's name as last written or found (users rename it). */
  fillInSheet: string;
  /** The sheets the product wrote, by name, with their role; others are the user's and never overwritten. */
  sheets: Record<string, SheetRole>;
  /** The tally of the unit's report read by "Dán báo cáo" (enter-report.ts): Check and Summary compare it with the figures. */
  reportTally?: StoredTally | null;
}

export type HostWrite =
  /** Write these sheets from their models (creating or rewriting the product's own sheets); show `activate`. */
  | { kind: "sheets"; model: WorkbookModel; activate: string | null }
  /** Figures that did not carry over to the new plan: the ONE set-aside sheet, whole (earlier rows kept). */
  | { kind: "set-aside"; model: WorkbookModel; sheet: string; rows: number }
  /** A few cells (a fix, an override), each written only as given. */
  | { kind: "cells"; cells: CellWrite[] }
  /** Keep this about the document. */
  | { kind: "document"; info: DocumentInfo }
  /** Keep these settings with the document (the rest of what it keeps unchanged). */
  | { kind: "settings"; settings: Settings }
  /** Move the cursor there (selecting a finding's cell). */
  | { kind: "select"; sheet: string; cell: string };

/** A question the user answers before anything is written; the host calls again with `answers[id] = true`. */
export interface Question {
  id: "reload-set-aside" | "report-overwrite";
  /** The question, in the user's language. */
  text: string;
  /** What it is about, one line each ("1 — Thu ngân sách: 40000"), with the indicator's code. */
  items: { code: string; text: string }[];
  confirm: string;
  cancel: string;
}

export type OutcomeStatus =
  /** `writes` are to be applied, in order. */
  | "done"
  /** Nothing is written until the user answers `question`. */
  | "ask"
  /** Nothing is written; `messages` say why and what to do. */
  | "refused";

export interface Outcome<R = null> {
  status: OutcomeStatus;
  /** The command's own answer for the UI (counts, the summary sentence …); null unless done. */
  result: R | null;
  writes: HostWrite[];
  messages: UserMessage[];
  /** Findings on the figures, errors first, then by sheet order of their cells (one order everywhere). */
  findings: Finding[];
  question: Question | null;
  lang: Lang;
}

/** The answers the user gave to questions of an earlier Outcome. */
export type Answers = Partial<Record<Question["id"], boolean>>;

export function done<R>(lang: Lang, result: R, writes: HostWrite[], messages: UserMessage[], findings: Finding[] = []): Outcome<R> {
  return { status: "done", result, writes, messages, findings, question: null, lang };
}

export function refused<R = never>(lang: Lang, messages: UserMessage[], findings: Finding[] = []): Outcome<R> {
  return { status: "refused", result: null, writes: [], messages, findings, question: null, lang };
}

export function ask<R = never>(lang: Lang, question: Question, messages: UserMessage[] = []): Outcome<R> {
  return { status: "ask", result: null, writes: [], messages, findings: [], question, lang };
}

/** The text of every message, in order: what a CLI prints or a test compares. */
export function messageLines(outcome: Pick<Outcome<unknown>, "messages">): string[] {
  return outcome.messages.map((m) => m.text);
}

/** The outcome's first write of a kind, typed. */
export function writeOf<K extends HostWrite["kind"]>(outcome: Pick<Outcome<unknown>, "writes">, kind: K): Extract<HostWrite, { kind: K }> | undefined {
  return outcome.writes.find((w): w is Extract<HostWrite, { kind: K }> => w.kind === kind);
}
