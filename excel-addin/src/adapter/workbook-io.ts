// Finding the add-in's sheets in the open workbook and reading them, by anchor, never by a fixed
// address: the document state (plan, unit, year, settings, which sheets are ours) lives in the
// workbook's add-in settings, and the indicator table is the workbook name the model defines.
// `readWorkbook` is the one read request of a command: the document state and, in the same request,
// the sheets the command may need, asked by name as NullObjects (the names are known before the
// document is: the add-in's sheets have fixed names). Only a sheet the guess missed (a renamed
// fill-in sheet, found by its anchor) costs one more request.
import { z } from "zod";
import { PLAN_JSON_KEY, readMetadata } from "../../../xlsx-reader/metadata";
import { findBuiltInPlan } from "../../../shared/catalog";
import { SettingsSchema, type Lang, type Plan, type Settings } from "../../../shared/model";
import { validatePlan } from "../../../shared/plan-io";
import type { Rect, SheetRole } from "../../../shared/sheet/types";
import { parseReference } from "../../../shared/sheet/a1";
import { renderWorkbook, type ExistingSheet, type RenderResult } from "./render";
import type { WorkbookModel } from "../../../shared/sheet/types";

export const DOCUMENT_SETTING = "chitieu.document";

const DocumentStateSchema = z.object({
  version: z.literal(2),
  /** The plan itself is in the hidden `_chitieu` sheet (planJson), read with the indicator sheet. */
  planId: z.string(),
  unit: z.string(),
  year: z.number().int(),
  estimate: z.boolean(),
  issuer: z.string().nullable(),
  settings: SettingsSchema,
  /** The sheets the add-in wrote, by name, with their role. */
  sheets: z.record(z.string(), z.string()),
  fillInSheet: z.string().nullable(),
  fillInAnchor: z.string().nullable(),
  /** The tally of the unit's report entered by "Dán báo cáo" (shared/workflow/enter-report.ts). */
  reportTally: z
    .object({ total: z.number().nullable(), achievedOrExceeded: z.number().nullable(), exceeded: z.number().nullable(), notAchieved: z.number().nullable(), text: z.string() })
    .nullable()
    .optional(),
});
export type DocumentState = z.infer<typeof DocumentStateSchema> & { sheets: Record<string, SheetRole> };

export interface WorkbookSnapshot {
  document: DocumentState | null;
  /** The setting exists but does not read as a document state (edited by hand, another version). */
  documentUnreadable: boolean;
  sheetNames: string[];
  /** Workbook names by lower-cased name. */
  names: Map<string, { name: string; sheet: string; rect: Rect }>;
}

/** One sync: the document state, the sheet names and the workbook names. */
export async function locateWorkbook(context: Excel.RequestContext): Promise<WorkbookSnapshot> {
  const located = queueLocate(context);
  await context.sync();
  return located();
}

/** Queues the document state, sheet names and workbook names; the returned function reads them after the sync. */
function queueLocate(context: Excel.RequestContext): () => WorkbookSnapshot {
  const setting = context.workbook.settings.getItemOrNullObject(DOCUMENT_SETTING);
  setting.load("value");
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name");
  const names = context.workbook.names;
  names.load("items/name,items/value");
  return () => snapshotOf(setting, worksheets, names);
}

function snapshotOf(setting: Excel.Setting, worksheets: Excel.WorksheetCollection, names: Excel.NamedItemCollection): WorkbookSnapshot {
  let document: DocumentState | null = null;
  let documentUnreadable = false;
  if (!setting.isNullObject) {
    const raw: unknown = typeof setting.value === "string" ? safeJson(setting.value) : setting.value;
    const parsed = DocumentStateSchema.safeParse(raw);
    if (parsed.success) document = parsed.data as DocumentState;
    else documentUnreadable = true;
  }
  const nameMap = new Map<string, { name: string; sheet: string; rect: Rect }>();
  for (const item of names.items) {
    const reference = typeof item.value === "string" ? parseReference(item.value) : null;
    if (reference) nameMap.set(item.name.toLowerCase(), { name: item.name, ...reference });
  }
  return { document, documentUnreadable, sheetNames: worksheets.items.map((ws) => ws.name), names: nameMap };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

export function hasSheet(snapshot: WorkbookSnapshot, name: string): boolean {
  const folded = name.toLowerCase();
  return snapshot.sheetNames.some((n) => n.toLowerCase() === folded);
}

export interface SheetReads {
  /** The values of this sheet, from A1 to the end of its used range ("" for blank cells). */
  grid: unknown[][] | null;
  existing: Map<string, ExistingSheet>;
  /** The values of the `extraGrids` sheets, by name. */
  grids: Map<string, unknown[][]>;
}

/** What the one read request found: the snapshot, and the guessed sheets that exist, by lower-cased name. */
export interface WorkbookRead {
  snapshot: WorkbookSnapshot;
  /** Values from A1 to the end of the used range ([] for an empty sheet). */
  grids: Map<string, unknown[][]>;
  /** Used rectangle (formats included) of the probed sheets. */
  existing: Map<string, ExistingSheet>;
}

/**
 * One sync: the document state, the sheet and workbook names, and — before knowing which exist —
 * the values of the `grids` sheets and the used range of the `probes` sheets, each through
 * `getItemOrNullObject`, so a sheet that is not there reads as nothing instead of failing the request.
 * Protection cannot be read on a sheet that may not exist: a probed sheet is unprotected before it is
 * rewritten (a no-op when it is not protected), as a sheet found protected was before.
 */
export async function readWorkbook(context: Excel.RequestContext, guess: { grids: readonly string[]; probes: readonly string[] }): Promise<WorkbookRead> {
  const located = queueLocate(context);
  const sheets = context.workbook.worksheets;
  const unique = (names: readonly string[]) => [...new Map(names.map((n) => [n.toLowerCase(), n])).values()];
  const grids = unique(guess.grids).map((name) => {
    const range = sheets.getItemOrNullObject(name).getUsedRangeOrNullObject(true);
    range.load("values,rowIndex,columnIndex");
    return { name, range };
  });
  const probes = unique(guess.probes).map((name) => {
    const used = sheets.getItemOrNullObject(name).getUsedRangeOrNullObject(false);
    used.load("rowIndex,columnIndex,rowCount,columnCount");
    return { name, used };
  });
  await context.sync();

  const snapshot = located();
  const read: WorkbookRead = { snapshot, grids: new Map(), existing: new Map() };
  for (const { name, range } of grids)
    if (hasSheet(snapshot, name)) read.grids.set(name.toLowerCase(), range.isNullObject ? [] : padToA1(range.values, range.rowIndex, range.columnIndex));
  for (const { name, used } of probes) {
    if (!hasSheet(snapshot, name)) continue;
    const rect = used.isNullObject ? null : { row: used.rowIndex, col: used.columnIndex, rows: used.rowCount, cols: used.columnCount };
    read.existing.set(name.toLowerCase(), { name: actualSheetName(snapshot, name), used: rect, protected: true });
  }
  return read;
}

/**
 * The reads a command needs, from the one read request when it guessed them; what it did not guess
 * (a sheet renamed by the user) is read in one more request.
 */
export async function sheetReadsOf(context: Excel.RequestContext, read: WorkbookRead, gridSheet: string | null, others: readonly string[], extraGrids: readonly string[] = []): Promise<SheetReads> {
  const key = (name: string) => name.toLowerCase();
  const gridMissing = gridSheet !== null && !read.grids.has(key(gridSheet));
  const othersMissing = others.filter((name) => !read.existing.has(key(name)));
  const extrasMissing = extraGrids.filter((name) => !read.grids.has(key(name)));
  const more = gridMissing || othersMissing.length > 0 || extrasMissing.length > 0 ? await readSheets(context, gridMissing ? gridSheet : null, othersMissing, extrasMissing) : null;
  const grid = gridSheet === null ? null : gridMissing ? (more?.grid ?? []) : read.grids.get(key(gridSheet))!;
  const existing = new Map<string, ExistingSheet>();
  for (const name of others) existing.set(name, more?.existing.get(name) ?? { ...read.existing.get(key(name))!, name });
  const grids = new Map<string, unknown[][]>();
  for (const name of extraGrids) grids.set(name, more?.grids.get(name) ?? read.grids.get(key(name)) ?? []);
  return { grid, existing, grids };
}

function actualSheetName(snapshot: WorkbookSnapshot, name: string): string {
  return snapshot.sheetNames.find((n) => n.toLowerCase() === name.toLowerCase()) ?? name;
}

/** One sync: the values of `gridSheet` (if any) and the used range and protection of `others`. */
export async function readSheets(context: Excel.RequestContext, gridSheet: string | null, others: readonly string[], extraGrids: readonly string[] = []): Promise<SheetReads> {
  const sheets = context.workbook.worksheets;
  const extras = extraGrids.map((name) => {
    const range = sheets.getItem(name).getUsedRangeOrNullObject(true);
    range.load("values,rowIndex,columnIndex");
    return { name, range };
  });
  const gridRange = gridSheet === null ? null : sheets.getItem(gridSheet).getUsedRangeOrNullObject(true);
  gridRange?.load("values,rowIndex,columnIndex");
  const probes = others.map((name) => {
    const ws = sheets.getItem(name);
    const used = ws.getUsedRangeOrNullObject(false);
    used.load("rowIndex,columnIndex,rowCount,columnCount");
    const protection = ws.protection.load("protected");
    return { name, used, protection };
  });
  await context.sync();

  let grid: unknown[][] | null = null;
  if (gridRange) grid = gridRange.isNullObject ? [] : padToA1(gridRange.values, gridRange.rowIndex, gridRange.columnIndex);
  const existing = new Map<string, ExistingSheet>();
  for (const probe of probes) {
    const used = probe.used.isNullObject
      ? null
      : { row: probe.used.rowIndex, col: probe.used.columnIndex, rows: probe.used.rowCount, cols: probe.used.columnCount };
    existing.set(probe.name, { name: probe.name, used, protected: probe.protection.protected });
  }
  const grids = new Map<string, unknown[][]>();
  for (const { name, range } of extras) grids.set(name, range.isNullObject ? [] : padToA1(range.values, range.rowIndex, range.columnIndex));
  return { grid, existing, grids };
}

/** The used range starts where the first value is; readers expect the grid from A1. */
function padToA1(values: unknown[][], rowIndex: number, columnIndex: number): unknown[][] {
  const lead = (row: unknown[]) => (columnIndex > 0 ? [...new Array<unknown>(columnIndex).fill(""), ...row] : row);
  const rows = values.map(lead);
  return rowIndex > 0 ? [...Array.from({ length: rowIndex }, () => [] as unknown[]), ...rows] : rows;
}

/** The plan the workbook was loaded with: the copy in the `_chitieu` sheet, else the built-in plan of that id. */
export function planOf(doc: DocumentState, metadataGrid: unknown[][] | undefined): Plan | null {
  const json = metadataGrid ? readMetadata(metadataGrid)[PLAN_JSON_KEY] : undefined;
  if (json) {
    const parsed = validatePlan(safeJson(json));
    if (parsed.ok) return parsed.plan;
  }
  return findBuiltInPlan(doc.planId) ?? null;
}

export function documentState(input: {
  planId: string;
  unit: string;
  year: number;
  estimate: boolean;
  issuer: string | null;
  settings: Settings;
  sheets: Record<string, SheetRole>;
  fillInSheet: string | null;
  fillInAnchor: string | null;
  reportTally?: DocumentState["reportTally"];
}): DocumentState {
  return { version: 2, ...input };
}

export function writeDocumentState(context: Excel.RequestContext, state: DocumentState): void {
  context.workbook.settings.add(DOCUMENT_SETTING, JSON.stringify(state));
}

export function langOf(state: DocumentState | null, fallback: Lang): Lang {
  return state?.settings.lang ?? fallback;
}

/** Writes the model and, in the same requests, keeps the add-in's state in the document and shows `activate`. */
export function writeModel(
  context: Excel.RequestContext,
  model: WorkbookModel,
  snapshot: WorkbookSnapshot,
  existing: Map<string, ExistingSheet>,
  pageLayout: boolean,
  state: DocumentState,
  activate: string,
  /** More commands for the last request, after the sheets are written (the charts bound to them). */
  beforeSync?: (context: Excel.RequestContext) => void,
): Promise<RenderResult> {
  return renderWorkbook(context, model, {
    existing,
    existingNames: new Set(snapshot.names.keys()),
    pageLayout,
    finish: (ctx) => {
      writeDocumentState(ctx, state);
      ctx.workbook.worksheets.getItem(activate).activate();
      beforeSync?.(ctx);
    },
  });
}
