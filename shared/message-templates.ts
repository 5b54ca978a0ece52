// Messages filled in a hot loop (validation findings, summary sentences): the template of a key is
// split into its pieces once, so filling it costs no regular expression. The result is exactly
// what `t(key, params, lang)` gives: a {placeholder} without a parameter stays as written.
//
// The templates are read once per key and language, through `t` itself: every area registers its
// messages when its module is imported, before anything is validated or summarised.
import { t, type MessageParams } from "./i18n";
import type { Lang } from "./model";

/** A template as alternating pieces: text, placeholder name, text, …, text. */
export interface MessageTemplate {
  /** The template with nothing filled in. */
  readonly text: string;
  readonly texts: readonly string[];
  readonly names: readonly string[];
}

const templates: Record<Lang, Map<string, MessageTemplate>> = { vi: new Map(), en: new Map() };

function isWordChar(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;
}

/** Splits a template at its {name} placeholders, matching as `\{(\w+)\}` does from left to right. */
export function parseTemplate(text: string): MessageTemplate {
  const texts: string[] = [];
  const names: string[] = [];
  let literalStart = 0;
  let i = text.indexOf("{");
  while (i >= 0) {
    let j = i + 1;
    while (j < text.length && isWordChar(text.charCodeAt(j))) j++;
    if (j > i + 1 && text.charCodeAt(j) === 125 /* } */) {
      texts.push(text.slice(literalStart, i));
      names.push(text.slice(i + 1, j));
      literalStart = j + 1;
      i = text.indexOf("{", literalStart);
    } else {
      i = text.indexOf("{", i + 1);
    }
  }
  texts.push(text.slice(literalStart));
  return { text, texts, names };
}

/** The template of `key` in `lang` (with the same fallbacks as `t`). */
export function messageTemplate(key: string, lang: Lang): MessageTemplate {
  const cache = templates[lang];
  let template = cache.get(key);
  if (template === undefined) {
    template = parseTemplate(t(key, {}, lang));
    cache.set(key, template);
  }
  return template;
}

/** The template filled with `params`, as `t` fills it. */
export function fillTemplate(template: MessageTemplate, params: MessageParams): string {
  const { texts, names } = template;
  if (names.length === 0) return texts[0];
  let out = texts[0];
  for (let k = 0; k < names.length; k++) {
    const name = names[k];
    out += Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : `{${name}}`;
    out += texts[k + 1];
  }
  return out;
}

/** The template with some of its placeholders filled once (those `known` has): filling the rest
 *  later gives what filling all of them at once gives. */
export function partialTemplate(template: MessageTemplate, known: MessageParams): MessageTemplate {
  const texts = [template.texts[0]];
  const names: string[] = [];
  for (let k = 0; k < template.names.length; k++) {
    const name = template.names[k];
    if (Object.prototype.hasOwnProperty.call(known, name)) {
      texts[texts.length - 1] += String(known[name]) + template.texts[k + 1];
    } else {
      names.push(name);
      texts.push(template.texts[k + 1]);
    }
  }
  let text = texts[0];
  for (let k = 0; k < names.length; k++) text += `{${names[k]}}${texts[k + 1]}`;
  return { text, texts, names };
}

/** `t(key, params, lang)`, without re-reading the template. */
export function message(key: string, params: MessageParams, lang: Lang): string {
  return fillTemplate(messageTemplate(key, lang), params);
}
