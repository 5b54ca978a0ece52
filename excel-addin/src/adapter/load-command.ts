// "Nạp vào bảng tính": the core's load command (shared/workflow/load.ts) on the open workbook. Two
// requests: one read (the document state and, in the same request, what the sheets the load may
// write hold now — the fill-in sheet, the set-aside sheet, the plan sheet, their used ranges —
// asked by their fixed names before knowing which exist), then the write. The core decides what
// carries over, what is set aside and when to ask first; this file only reads and writes.
import { buildFillInWorkbook, FILL_IN_SHEET } from "../../../shared/sheet/fill-in";
import { loadCommand, type LoadReport } from "../../../shared/workflow/load";
import { setAsideSheetNames } from "../../../shared/workflow/set-aside";
import type { Outcome as WorkflowOutcome, Question } from "../../../shared/workflow/outcome";
import { messageLines, writeOf } from "../../../shared/workflow/outcome";
import { METADATA_SHEET, withMetadataSheet } from "../../../xlsx-reader/metadata";
import { actualName, fail, foreignSheet, metadataSheets, ownedTargets, previousFillIn, type HostFeatures, type Outcome } from "./sheets";
import { applyOutcome, documentInfoOf } from "./workflow-io";
import { hasSheet, planOf, readWorkbook, sheetReadsOf } from "./workbook-io";
import { refusal } from "../messages";

// The load request is the core's own (one shape for every host).
export type { LoadRequest } from "../../../shared/workflow/load";
import type { LoadRequest } from "../../../shared/workflow/load";

export interface LoadResult extends LoadReport {
  /** Removed indicators' typed figures, as set aside (the core's LoadReport.setAside). */
  removedData: { code: string; raw: unknown }[];
  messages: string[];
  outcome: WorkflowOutcome<LoadReport>;
  /** Nothing was written: the core asks first (figures would be set aside). Load again with answers. */
  confirm?: { message: string; items: Question["items"] };
}

export type LoadAnswer = Outcome<LoadResult>;

/** Writes (or rewrites) the fill-in sheet, keeping every actual, note and override already typed. */
export async function loadPlan(context: Excel.RequestContext, request: LoadRequest, features: HostFeatures): Promise<LoadAnswer> {
  const { plan, lang } = request;
  // The sheets the load may write, by name: read with the document state in one request; a user's
  // sheet of the same name is refused before anything of it is used.
  const draft = withMetadataSheet(buildFillInWorkbook(plan, { lang, year: request.year }));
  const drafted = draft.sheets.map((s) => s.name);
  const read = await readWorkbook(context, { grids: [FILL_IN_SHEET, METADATA_SHEET, ...setAsideSheetNames()], probes: [...drafted, ...setAsideSheetNames()] });
  const snapshot = read.snapshot;
  const conflict = foreignSheet(snapshot, draft);
  if (conflict) return fail(refusal("wf.sheet-conflict", "wf.sheet-conflict.next", { sheet: conflict }, lang));

  const previous = previousFillIn(snapshot);
  const ours = new Set(Object.keys(snapshot.document?.sheets ?? {}).map((n) => n.toLowerCase()));
  // The set-aside sheet is read only when the add-in wrote it: a user's sheet of that name is theirs.
  const setAside = setAsideSheetNames().filter((name) => hasSheet(snapshot, name) && ours.has(name.toLowerCase())).map((name) => actualName(snapshot, name));
  const metadata = metadataSheets(snapshot);
  const rewritten = [...ownedTargets(snapshot, draft), ...setAside];
  const reads = previous || rewritten.length > 0 ? await sheetReadsOf(context, read, previous?.sheet ?? null, rewritten, [...metadata, ...setAside]) : null;
  const oldPlan = snapshot.document && reads ? planOf(snapshot.document, reads.grids.get(metadata[0] ?? "")) : null;
  const document = snapshot.document && oldPlan ? documentInfoOf(snapshot.document, oldPlan) : null;

  const outcome = loadCommand(
    {
      document,
      fillIn: previous && reads?.grid ? { sheet: previous.sheet, grid: reads.grid } : null,
      setAside: setAside[0] !== undefined ? { sheet: setAside[0], grid: reads?.grids.get(setAside[0]) ?? [] } : null,
    },
    { plan, unit: request.unit, year: request.year, estimate: request.estimate, issuer: request.issuer, settings: { ...snapshot.document?.settings, ...request.settings }, lang, answers: request.answers },
  );
  if (outcome.status === "ask" && outcome.question) {
    const nothing = { sheet: "", indicators: plan.indicators.length, kept: { actuals: 0, notes: 0, overrides: 0 }, added: [], removed: [], setAside: [], setAsideSheet: null, targetChanged: [] };
    return { ok: true, ...nothing, removedData: [], messages: [], outcome, confirm: { message: outcome.question.text, items: outcome.question.items } };
  }
  if (outcome.status !== "done" || !outcome.result) return fail(messageLines(outcome).join(" "));
  // A set-aside sheet new to the workbook is a name that must not be a user's sheet either.
  const asideWrite = writeOf(outcome, "set-aside");
  if (asideWrite && hasSheet(snapshot, asideWrite.sheet) && !ours.has(asideWrite.sheet.toLowerCase()))
    return fail(refusal("wf.sheet-conflict", "wf.sheet-conflict.next", { sheet: asideWrite.sheet }, lang));
  await applyOutcome(context, outcome, snapshot, reads?.existing ?? new Map(), features, snapshot.document);
  return { ok: true, ...outcome.result, removedData: outcome.result.setAside, messages: messageLines(outcome), outcome };
}
