// Building the messages of an Outcome from message keys, in the user's language.
import { t, type MessageParams } from "../i18n";
import type { Lang } from "../model";
import type { MessageSeverity, UserMessage } from "./outcome";

export function say(lang: Lang, severity: MessageSeverity, key: string, params: MessageParams = {}, extra: { at?: UserMessage["at"]; next?: string } = {}): UserMessage {
  return { severity, key, text: t(key, params, lang), ...(extra.at ? { at: extra.at } : {}), ...(extra.next ? { next: t(extra.next, params, lang) } : {}) };
}

/** A finding as a message: its own words, its cell, its severity. */
export function findingMessage(f: { severity: "error" | "warning"; rule: string; message: string; sheet?: string; cell?: string }): UserMessage {
  return { severity: f.severity, key: `finding.${f.rule}`, text: f.message, ...(f.sheet && f.cell ? { at: { sheet: f.sheet, cell: f.cell } } : {}) };
}

/** A status as the user reads it: the data keeps the Vietnamese word, English shows its own. */
export function statusLabel(status: string, lang: Lang): string {
  return t(`wf.status.${status}`, {}, lang);
}
