// Messages are data: each area of the product keeps its Vietnamese and English tables side by side
// in its own file under shared/i18n/, and a parity test checks that both have the same keys and
// the same {placeholders}. Vietnamese is the default.
//
// The core's areas are listed here, explicitly (CORE_AREAS, some kept beside their code: period,
// consolidation, chart, report, report-doc): `messages(lang)` is the whole table, chosen by import,
// never by which module happened to load first. Layers outside the core pass their own areas to
// `messages(lang, …areas)` in their own lookup: the CLI's `t` (cli/i18n.ts), the hosts' `tx`/`tg`,
// the .xlsx reader's `xlsxText`. Nothing registers messages (test/foundation/messages-explicit.test.ts).
import type { Lang } from "../model";
import { messages as core } from "./core";
import { messages as enterReport } from "./enter-report";
import { messages as evaluate } from "./evaluate";
import { messages as importer } from "./import";
import { messages as judgement } from "./judgement";
import { messages as workflow } from "./workflow";
import { messages as nextYear } from "./next-year";
import { messages as units } from "./units";
import { messages as wordReport } from "./word-report";
import { messages as chart } from "../chart/messages";
import { messages as consolidation } from "../consolidation/messages";
import { messages as period } from "../period-messages";
import { messages as report } from "../report/messages";
import { messages as reportDoc } from "../report-doc/messages";

export type MessageTable = Record<string, string>;
export interface AreaMessages {
  vi: MessageTable;
  en: MessageTable;
}

/** Every message area of the core, in the order later keys win. */
export const CORE_AREAS: readonly AreaMessages[] = [core, evaluate, importer, judgement, workflow, units, nextYear, wordReport, enterReport, period, consolidation, chart, report, reportDoc];

/** The core's messages in `lang`, with the given outer areas added (later ones win). */
export function messages(lang: Lang, ...areas: readonly AreaMessages[]): MessageTable {
  return Object.assign({}, ...[...CORE_AREAS, ...areas].map((area) => area[lang]));
}

const merged: Readonly<Record<Lang, MessageTable>> = { vi: messages("vi"), en: messages("en") };

export type MessageParams = Record<string, string | number>;

/**
 * Fills {name} placeholders; {name|one|other} picks the word for a count ("1 error", "2 errors"),
 * so English says its plurals right. An unknown placeholder stays as written.
 */
export function fill(template: string, params: MessageParams = {}): string {
  return template.replace(/\{(\w+)(?:\|([^|{}]*)\|([^{}]*))?\}/g, (whole, name: string, one?: string, other?: string) => {
    if (!Object.prototype.hasOwnProperty.call(params, name)) return whole;
    if (one === undefined) return String(params[name]);
    return Number(params[name]) === 1 ? one : (other ?? one);
  });
}

/** The message `key` in `lang`, with placeholders filled; an unknown key shows itself. */
export function t(key: string, params: MessageParams = {}, lang: Lang = "vi"): string {
  return fill(merged[lang][key] ?? merged.vi[key] ?? key, params);
}

export function hasMessage(key: string): boolean {
  return key in merged.vi;
}
