// What the add-in's commands share: the answer type, and how they tell the add-in's own sheets
// from the user's (a sheet is ours when the document state lists it or the anchor points into it).
import { METADATA_SHEET } from "../../../xlsx-reader/metadata";
import type { SheetRole, WorkbookModel } from "../../../shared/sheet/types";
import { hasSheet, type DocumentState, type WorkbookSnapshot } from "./workbook-io";

export interface HostFeatures {
  /** ExcelApi 1.9 (`worksheet.pageLayout`): print setup is written only where it is supported. */
  pageLayout: boolean;
}

/** A command's answer for the task pane: what to tell the user, and what happened. */
export type Outcome<T> = ({ ok: true } & T) | { ok: false; message: string };

export function fail(message: string): { ok: false; message: string } {
  return { ok: false, message };
}

/** A sheet the model would write whose name is taken by a sheet the add-in did not make. */
export function foreignSheet(snapshot: WorkbookSnapshot, model: WorkbookModel): string | null {
  const ours = new Set(Object.keys(snapshot.document?.sheets ?? {}).map((n) => n.toLowerCase()));
  for (const sheet of model.sheets) if (hasSheet(snapshot, sheet.name) && !ours.has(sheet.name.toLowerCase())) return sheet.name;
  return null;
}

/** The add-in's sheets that the model rewrites (their used ranges are cleared first). */
export function ownedTargets(snapshot: WorkbookSnapshot, model: WorkbookModel): string[] {
  return model.sheets.filter((s) => hasSheet(snapshot, s.name)).map((s) => actualName(snapshot, s.name));
}

export function actualName(snapshot: WorkbookSnapshot, name: string): string {
  return snapshot.sheetNames.find((n) => n.toLowerCase() === name.toLowerCase()) ?? name;
}

/** The indicator sheet as the workbook holds it: found by its anchor name (which follows a renamed sheet). */
export function previousFillIn(snapshot: WorkbookSnapshot): { sheet: string } | null {
  const doc = snapshot.document;
  if (!doc) return null;
  const anchored = doc.fillInAnchor ? snapshot.names.get(doc.fillInAnchor.toLowerCase()) : undefined;
  const sheet = anchored?.sheet ?? doc.fillInSheet;
  if (!sheet || !hasSheet(snapshot, sheet)) return null;
  return { sheet: actualName(snapshot, sheet) };
}

export function rolesOf(model: WorkbookModel, doc: DocumentState | null): Record<string, SheetRole> {
  const roles: Record<string, SheetRole> = { ...(doc?.sheets ?? {}) };
  for (const sheet of model.sheets) roles[sheet.name] = sheet.role;
  return roles;
}


/** The hidden sheet holding the plan, when the workbook has it (as its actual name). */
export function metadataSheets(snapshot: WorkbookSnapshot): string[] {
  return hasSheet(snapshot, METADATA_SHEET) ? [actualName(snapshot, METADATA_SHEET)] : [];
}
