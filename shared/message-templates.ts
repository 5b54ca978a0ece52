// Messages filled in a hot loop (validation findings, summary sentences): the template of a key is
// split into its pieces once, so filling it costs no regular expression. The result is exactly
// what `t(key, params, lang)` gives: a {placeholder} without a parameter stays as written.
//
// The templates are read once per key and language, through `t` itself: the core's table is every
// area of CORE_AREAS (shared/i18n/index.ts), whole from the first import.
import { t, type MessageParams } from "./i18n";
import type { Lang } from "./model";

/** A template as alternating pieces: text, placeholder name, text, …, text. */
export interface MessageTemplate {
  /** The template with nothing filled in. */
  readonly text: string;
  readonly texts: readonly string[];
  readonly names: readonly string[];
  /** Per placeholder, its plural words when written {name|one|other} ("1 indicator", "2 indicators"), else null. */
  readonly forms: readonly (readonly [string, string] | null)[];
}

const templates: Record<Lang, Map<string, MessageTemplate>> = { vi: new Map(), en: new Map() };

function isWordChar(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;
}

/**
 * Splits a template at its {name} and {name|one|other} placeholders, matching as `fill` in
 * shared/i18n does from left to right (`one` holds no "|", "{" or "}"; `other` no "{" or "}").
 */
export function parseTemplate(text: string): MessageTemplate {
  const texts: string[] = [];
  const names: string[] = [];
  const forms: ([string, string] | null)[] = [];
  let literalStart = 0;
  let i = text.indexOf("{");
  while (i >= 0) {
    let j = i + 1;
    while (j < text.length && isWordChar(text.charCodeAt(j))) j++;
    let end = -1;
    let form: [string, string] | null = null;
    if (j > i + 1 && text.charCodeAt(j) === 125 /* } */) end = j;
    else if (j > i + 1 && text.charCodeAt(j) === 124 /* | */) {
      const plural = /^\|([^|{}]*)\|([^{}]*)\}/.exec(text.slice(j));
      if (plural) {
        form = [plural[1]!, plural[2]!];
        end = j + plural[0].length - 1;
      }
    }
    if (end >= 0) {
      texts.push(text.slice(literalStart, i));
      names.push(text.slice(i + 1, j));
      forms.push(form);
      literalStart = end + 1;
      i = text.indexOf("{", literalStart);
    } else {
      i = text.indexOf("{", i + 1);
    }
  }
  texts.push(text.slice(literalStart));
  return { text, texts, names, forms };
}

/** What the k-th placeholder becomes with `params`: the value, the plural word for it, or itself as written. */
function piece(template: MessageTemplate, k: number, params: MessageParams): string {
  const name = template.names[k];
  const form = template.forms[k];
  if (!Object.prototype.hasOwnProperty.call(params, name)) return form ? `{${name}|${form[0]}|${form[1]}}` : `{${name}}`;
  if (!form) return String(params[name]);
  return Number(params[name]) === 1 ? form[0] : form[1];
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
    if (template.forms[k]) out += piece(template, k, params);
    else out += Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : `{${name}}`;
    out += texts[k + 1];
  }
  return out;
}

/** The template with some of its placeholders filled once (those `known` has): filling the rest
 *  later gives what filling all of them at once gives. */
export function partialTemplate(template: MessageTemplate, known: MessageParams): MessageTemplate {
  const texts = [template.texts[0]];
  const names: string[] = [];
  const forms: (readonly [string, string] | null)[] = [];
  for (let k = 0; k < template.names.length; k++) {
    const name = template.names[k];
    if (Object.prototype.hasOwnProperty.call(known, name)) {
      texts[texts.length - 1] += piece(template, k, known) + template.texts[k + 1];
    } else {
      names.push(name);
      forms.push(template.forms[k] ?? null);
      texts.push(template.texts[k + 1]);
    }
  }
  const rest: MessageTemplate = { text: "", texts, names, forms };
  let text = texts[0];
  for (let k = 0; k < names.length; k++) text += piece(rest, k, {}) + texts[k + 1];
  return { text, texts, names, forms };
}

/** `t(key, params, lang)`, without re-reading the template. */
export function message(key: string, params: MessageParams, lang: Lang): string {
  return fillTemplate(messageTemplate(key, lang), params);
}
