// What every command on a loaded workbook starts from: the document the host kept and the fill-in
// sheet it read. One place says what is missing, in the same words for every host.
import type { Lang, Plan, Settings } from "../model";
import { readFillInSheet, type FillInReadResult } from "../sheet/read-back";
import type { DocumentInfo, UserMessage } from "./outcome";
import type { GridRead } from "./load";
import { say } from "./say";

export interface SheetInput {
  document: DocumentInfo | null;
  /** The host found its stored state but could not read it (edited by hand, another version). */
  documentUnreadable?: boolean;
  fillIn: GridRead | null;
}

export interface ReadSheet {
  document: DocumentInfo;
  plan: Plan;
  settings: Settings;
  sheet: string;
  reading: FillInReadResult;
}

/** The sheet read with the document's plan, or the message saying why there is nothing to read. */
export function readLoadedSheet(input: SheetInput, lang: Lang): ReadSheet | UserMessage {
  if (input.documentUnreadable) return say(lang, "error", "wf.document-unreadable", {}, { next: "wf.reload.next" });
  const document = input.document;
  if (!document) return say(lang, "error", "wf.no-document", {}, { next: "wf.no-document.next" });
  if (!input.fillIn) return say(lang, "error", "wf.fill-in-missing", { sheet: document.fillInSheet }, { next: "wf.reload.next" });
  const reading = readFillInSheet(input.fillIn.grid as unknown[][], input.fillIn.sheet, { plan: document.plan, lang });
  return { document, plan: document.plan, settings: { ...document.settings, lang }, sheet: input.fillIn.sheet, reading };
}

export function isMessage(value: ReadSheet | UserMessage): value is UserMessage {
  return "key" in value && "text" in value;
}
