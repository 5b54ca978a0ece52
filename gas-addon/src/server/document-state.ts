// What the add-on keeps with the spreadsheet, in document properties: the loaded plan (its id, or
// the whole plan when it is not built in), the unit, year and settings, and a consolidation in
// progress. Apps Script allows 9 KB per value and 500 KB in all, so long JSON is cut into parts.
import { PlanSchema, SettingsSchema, type Lang, type Plan, type Settings } from "../../../shared/model";
import { findBuiltInPlan } from "../../../shared/catalog";
import type { Fingerprints } from "../adapter/fingerprint";
import type { StoredTally } from "../../../shared/report/tally-check";

const PREFIX = "chitieu.";
/** Characters per stored part: at most 3 bytes each in UTF-8, under the 9 KB limit with the key. */
export const PART_CHARS = 2800;
/** What Apps Script keeps in a document's properties in all (keys and values, UTF-8): 500 KB. */
export const STORE_LIMIT_BYTES = 500 * 1024;

export interface DocumentInfo {
  planId: string;
  /** The plan itself when it is not one of the built-in plans. */
  customPlan: boolean;
  unit: string;
  year: number;
  estimate: boolean;
  issuer: string | null;
  settings: Settings;
  lang: Lang;
  /** The tally of the unit's report entered by "Dán báo cáo" (shared/workflow/enter-report.ts). */
  reportTally?: StoredTally | null;
}

export interface StoredDocument {
  info: DocumentInfo;
  plan: Plan;
}

export type PropertyMap = Record<string, string>;

/** All of the document's properties, in two calls. */
export function readProperties(): { store: GoogleAppsScript.Properties.Properties; values: PropertyMap } {
  const store = PropertiesService.getDocumentProperties();
  return { store, values: store.getProperties() };
}

/** Cuts `text` under `key` into parts: { key.n: "3", key.0: …, key.1: … }. */
export function splitValue(key: string, text: string): PropertyMap {
  const out: PropertyMap = {};
  let n = 0;
  for (let i = 0; i < text.length; i += PART_CHARS) out[`${PREFIX}${key}.${n++}`] = text.slice(i, i + PART_CHARS);
  out[`${PREFIX}${key}.n`] = String(n);
  return out;
}

export function joinValue(values: PropertyMap, key: string): string | null {
  const count = Number(values[`${PREFIX}${key}.n`]);
  if (!Number.isInteger(count) || count < 0) return null;
  let text = "";
  for (let i = 0; i < count; i++) {
    const part = values[`${PREFIX}${key}.${i}`];
    if (part === undefined) return null;
    text += part;
  }
  return text;
}

/** Keys of a split value, to drop the parts a shorter value no longer uses. */
export function partKeys(values: PropertyMap, key: string): string[] {
  return Object.keys(values).filter((k) => k.startsWith(`${PREFIX}${key}.`));
}

export function utf8Bytes(text: string): number {
  let bytes = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes;
}

export function documentFrom(values: PropertyMap): StoredDocument | null {
  const infoText = joinValue(values, "info");
  if (!infoText) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(infoText);
  } catch {
    return null;
  }
  const info = raw as DocumentInfo;
  const settings = SettingsSchema.safeParse(info?.settings);
  if (!settings.success || typeof info.planId !== "string") return null;
  let plan: Plan | undefined;
  if (info.customPlan) {
    const planText = joinValue(values, "plan");
    const parsed = planText ? PlanSchema.safeParse(JSON.parse(planText)) : null;
    plan = parsed?.success ? parsed.data : undefined;
  } else {
    plan = findBuiltInPlan(info.planId);
  }
  if (!plan) return null;
  return { info: { ...info, settings: settings.data }, plan };
}

/** The properties to write for a loaded plan (the custom plan in parts). */
export function documentProperties(info: DocumentInfo, plan: Plan): PropertyMap {
  return { ...splitValue("info", JSON.stringify(info)), ...(info.customPlan ? splitValue("plan", JSON.stringify(plan)) : {}) };
}

/** The bytes a set of properties takes in the store (keys and values). */
export function storedBytes(values: PropertyMap): number {
  let bytes = 0;
  for (const [k, v] of Object.entries(values)) bytes += utf8Bytes(k) + utf8Bytes(v);
  return bytes;
}

/** What `writeProperties(store, current, next, rewrittenKeys)` leaves stored: its size is what must fit. */
export function propertiesAfter(current: PropertyMap, next: PropertyMap, rewrittenKeys: string[]): PropertyMap {
  const merged: PropertyMap = {};
  for (const [k, v] of Object.entries(current)) {
    const rewritten = rewrittenKeys.some((key) => k.startsWith(`${PREFIX}${key}.`));
    if (!rewritten) merged[k] = v;
  }
  return Object.assign(merged, next);
}

/** Writes `next` in one call, dropping parts of `key`s that the new values no longer use. */
export function writeProperties(store: GoogleAppsScript.Properties.Properties, current: PropertyMap, next: PropertyMap, rewrittenKeys: string[]): void {
  store.setProperties(propertiesAfter(current, next, rewrittenKeys), true);
}

/** What the adapter remembers of the sheets it wrote (see adapter/fingerprint.ts). */
export function fingerprintsFrom(values: PropertyMap): Fingerprints {
  const text = joinValue(values, "render");
  if (!text) return {};
  try {
    return JSON.parse(text) as Fingerprints;
  } catch {
    return {};
  }
}

export function fingerprintProperties(fingerprints: Fingerprints): PropertyMap {
  return splitValue("render", JSON.stringify(fingerprints));
}

/** Writes only when something changed: a command that changed nothing costs no property write. */
export function writeIfChanged(store: GoogleAppsScript.Properties.Properties, current: PropertyMap, next: PropertyMap, rewrittenKeys: string[]): void {
  const unchanged =
    Object.entries(next).every(([k, v]) => current[k] === v) &&
    Object.keys(current).every((k) => !rewrittenKeys.some((key) => k.startsWith(`${PREFIX}${key}.`)) || k in next);
  if (!unchanged) writeProperties(store, current, next, rewrittenKeys);
}
