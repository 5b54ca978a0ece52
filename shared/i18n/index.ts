// Messages are data: each area of the product keeps its Vietnamese and English tables side by side
// in its own file under shared/i18n/, and a parity test checks that both have the same keys and
// the same {placeholders}. Vietnamese is the default.
import type { Lang } from "../model";
import { messages as core } from "./core";

export type MessageTable = Record<string, string>;
export interface AreaMessages {
  vi: MessageTable;
  en: MessageTable;
}

const AREAS: AreaMessages[] = [core];

const merged: Record<Lang, MessageTable> = { vi: {}, en: {} };

/** Adds an area's messages; each area registers itself once where it is defined. */
export function registerMessages(area: AreaMessages): void {
  Object.assign(merged.vi, area.vi);
  Object.assign(merged.en, area.en);
}
AREAS.forEach(registerMessages);

export type MessageParams = Record<string, string | number>;

/** The message `key` in `lang`, with {name} placeholders filled; an unknown key shows itself. */
export function t(key: string, params: MessageParams = {}, lang: Lang = "vi"): string {
  const template = merged[lang][key] ?? merged.vi[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole,
  );
}

export function hasMessage(key: string): boolean {
  return key in merged.vi;
}
