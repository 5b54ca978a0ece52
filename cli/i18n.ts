// The CLI's words: the core's table (shared/i18n, CORE_AREAS) with the CLI's own areas, chosen here
// explicitly and passed to messages(lang, …): the usage and errors (messages.ts), the .xlsx commands
// (messages-xlsx.ts), `report` (docx/messages.ts), `read-report` (messages-read-report.ts) and the
// .xlsx reader's refusals (xlsx-reader/messages.ts). Every CLI module, and a worker thread, reads the
// same table whatever loaded first; nothing is registered.
import { fill, messages, type AreaMessages, type MessageParams, type MessageTable } from "../shared/i18n";
import type { Lang } from "../shared/model";
import { messages as xlsxReader } from "../xlsx-reader/messages";
import { messages as docx } from "./docx/messages";
import { messages as cli } from "./messages";
import { messages as readReport } from "./messages-read-report";
import { messages as xlsx } from "./messages-xlsx";

/** The CLI's own areas, in the order later keys win (after the core's). */
export const CLI_AREAS: readonly AreaMessages[] = [xlsxReader, cli, xlsx, docx, readReport];

const tables: Partial<Record<Lang, MessageTable>> = {};

/** The whole table the CLI speaks in `lang`. */
export function cliMessages(lang: Lang): MessageTable {
  return (tables[lang] ??= messages(lang, ...CLI_AREAS));
}

/** The message `key` in `lang` (Vietnamese if English lacks it), placeholders filled; an unknown key shows itself. */
export function t(key: string, params: MessageParams = {}, lang: Lang = "vi"): string {
  return fill(cliMessages(lang)[key] ?? cliMessages("vi")[key] ?? key, params);
}
