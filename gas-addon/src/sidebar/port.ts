// The shared UI's host port on Google Sheets: promise wrappers over the server functions
// (gas-addon/src/server/api.ts) through google.script.run (run.ts), mapped to the port's data.
// A refusal comes back as one message; a failure of the bridge itself (an Apps Script error, a
// timeout, no authorisation) becomes one plain line with the next step, never the raw English text.
import type { Lang } from "../../../shared/model";
import type { ReportDocument } from "../../../shared/report-doc/model";
import type { FindingItem, HostPort, PlanPick, Result, ReviewRow } from "../../../ui/host-port";
import { text } from "../../../ui/text";
import { reviewedPlanData } from "../../../ui/reviewed-plan";
import type { ConsolidateResult, FindingView, NextYearResult, PlanSource } from "../api-types";
import { call, callOptional } from "./run";
import { readReportFile } from "../../../xlsx-reader/docx";

type Fail = { ok: false; message: string };

/** What google.script.run's failure handler gets, in words the clerk can act on. */
export function bridgeFailure(error: unknown, lang: Lang): Fail {
  const raw = error instanceof Error ? error.message : String((error as { message?: unknown } | null)?.message ?? error);
  const detail = /authori[sz]ation|permission|quyền/i.test(raw)
    ? text(lang, "fail.sheets.permission")
    : /timed? ?out|exceeded maximum execution time|thời gian/i.test(raw)
      ? text(lang, "fail.sheets.timeout")
      : /not found|không tìm thấy.*hàm|Script function/i.test(raw)
        ? text(lang, "fail.sheets.outdated")
        : text(lang, "fail.sheets.server");
  return { ok: false, message: detail };
}

function item(f: FindingView): FindingItem {
  const fix = f.fixValue !== null ? { value: f.fixValue, from: f.fixFrom ?? null } : null;
  return { severity: f.severity, rule: f.rule, code: f.code, sheet: f.sheet, cell: f.cell, message: f.message, fix, section: f.section ?? null };
}

/** The reviewed rows as the plan JSON the server validates (the server's messages name the row). */
function planSource(pick: PlanPick, unit: string, year: number, lang: Lang): PlanSource {
  if (pick.kind === "builtin") return { kind: "builtin", id: pick.id };
  if (pick.kind === "json") return { kind: "json", text: pick.text, file: pick.file };
  return {
    kind: "reviewed",
    plan: reviewedPlanData(pick, unit, year, lang, new Date().getFullYear()),
  };
}

function consolidation(r: ConsolidateResult) {
  return { ok: true as const, message: r.message, unusable: r.register.map((u) => ({ source: u.source, reason: u.reason })), pending: !r.finished, register: r.registerView ?? null };
}

type DrawnSvg = { svg: string; width: number; height: number };
type DocxWriter = { reportBytes(doc: ReportDocument, svgs: readonly DrawnSvg[]): Promise<Uint8Array> };
let writerLoaded: Promise<DocxWriter> | null = null;

/** The Word writer, run once in a <script> of its own from the DocxWriter.html text the server hands over. */
async function docxWriter(lang: Lang): Promise<({ ok: true } & DocxWriter) | Fail> {
  writerLoaded ??= callOptional<{ script: string }>("getDocxWriter", lang, lang).then((answer) => {
    if (!answer.ok) throw new Error(answer.message);
    const element = document.createElement("script");
    element.textContent = answer.script;
    document.head.appendChild(element);
    const writer = (window as unknown as { __chitieuDocxWriter?: DocxWriter }).__chitieuDocxWriter;
    if (!writer) throw new Error("DocxWriter");
    return writer;
  });
  try {
    const writer = await writerLoaded;
    return { ok: true, reportBytes: writer.reportBytes };
  } catch (error) {
    writerLoaded = null;
    return bridgeFailure(error, lang);
  }
}

export function sheetsPort(): HostPort {
  let lastLang: Lang = "vi";
  const guard = async <R>(lang: Lang, work: () => Promise<R>): Promise<R | Fail> => {
    lastLang = lang;
    try {
      return await work();
    } catch (error) {
      return bridgeFailure(error, lang);
    }
  };

  return {
    host: "sheets",
    start: () =>
      guard(lastLang, async () => {
        const s = await call("getSidebarState");
        if (!s.ok) return s;
        lastLang = s.lang;
        return {
          ok: true,
          lang: s.lang,
          plans: s.plans.map((p) => ({ id: p.id, title: p.title, issuer: p.issuer, year: p.year, indicators: p.indicators })),
          loaded: s.loaded,
          step: s.loaded ? "enter" : "load",
          consolidation: s.edition === "consolidation" ? "links" : "unavailable",
        };
      }),
    preview: (pasted, lang) =>
      guard(lang, async () => {
        const r = await call("previewPlanText", pasted, lang);
        // "Nothing found" is an empty review, so the list read before is cleared.
        if (!r.ok) return { ok: true, rows: [], warnings: [r.message], meta: { title: null, issuer: null, year: null } };
        const plan = r.plan as { title?: string; issuer?: string; year?: number } | null;
        return {
          ok: true,
          rows: r.rows.map((row) => ({
            code: row.code,
            name: row.name,
            unit: row.unit,
            comparator: row.comparator as ReviewRow["comparator"],
            target: row.target,
            targetMin: row.targetMin,
            targetMax: row.targetMax,
            deadlineYear: row.deadlineYear,
            group: row.group ?? null,
            confidence: row.confidence ?? 1,
            reasons: row.reasons ?? [],
            span: row.span ?? null,
            secondary: (row.secondary as ReviewRow["secondary"]) ?? null,
          })),
          results: r.results ?? [],
          warnings: r.warnings,
          meta: { title: plan?.title ?? null, issuer: plan?.issuer ?? null, year: plan?.year ?? null },
        };
      }),
    load: (request) =>
      guard(request.lang, async () => {
        const r = await call("loadPlan", {
          source: planSource(request.plan, request.unit, request.year, request.lang),
          unit: request.unit,
          year: request.year,
          estimate: request.estimate,
          lang: request.lang,
          confirmSetAside: request.confirmSetAside,
          ...(request.period ? { period: request.period } : {}),
        });
        if (!r.ok) return r;
        if (r.confirm) return { ok: true, kind: "confirm", message: r.confirm.message, setAside: r.confirm.items };
        const s = await call("getSidebarState");
        return { ok: true, kind: "done", messages: r.messages, loaded: s.ok ? s.loaded : null };
      }),
    check: (lang) =>
      guard(lang, async () => {
        const r = await call("checkFigures", lang);
        if (!r.ok) return r;
        return { ok: true, findings: r.findings.map(item), errors: r.errors, warnings: r.warnings, message: r.message };
      }),
    fix: (findings, lang) =>
      guard(lang, async (): Promise<Result<{ message: string; fixed: number }>> => {
        const messages: string[] = [];
        let fixed = 0;
        let refusal: string | null = null;
        for (const f of findings) {
          if (!f.sheet || !f.cell || !f.fix) continue;
          const r = await call("fixNumberAsText", f.sheet, f.cell, f.fix.value, lang, f.rule === "unit-slip" ? f.fix.from : null);
          if (r.ok) {
            fixed++;
            messages.push(r.message);
          } else refusal ??= r.message;
        }
        if (fixed === 0) return { ok: false, message: refusal ?? text(lang, "fail.sheets.server") };
        const message = fixed === 1 ? messages[0] : text(lang, "fix.done-many", { count: fixed, cells: findings.filter((f) => f.cell).map((f) => f.cell).join(", ") });
        return { ok: true, message: refusal ? `${message} ${refusal}` : message, fixed };
      }),
    override: (code, status, reason, lang) => guard(lang, () => callOptional<{ message: string }>("setOverride", lang, code, status, reason, lang)),
    selectedCode: (lang) => guard(lang, () => callOptional<{ code: string | null }>("getSelectedCode", lang, lang)),
    dashboard: (lang) => guard(lang, () => callOptional("getDashboard", lang, lang)),
    summary: (lang) =>
      guard(lang, async () => {
        const r = await call("buildSummary", lang);
        return r.ok ? { ok: true, message: r.message, sentence: r.sentence, tally: r.tally ?? null } : r;
      }),
    consolidate: (input, lang, _progress, options) =>
      guard(lang, async () => {
        if (input.kind !== "links") return { ok: false, message: text(lang, "consolidate.none") };
        const r = await call("startConsolidation", input.links, lang, { expected: options?.expected ?? null, deadline: options?.deadline ?? null });
        return r.ok ? consolidation(r) : r;
      }),
    assignmentForm: (lang) => guard(lang, () => call("writeAssignmentForm", lang)),
    continueConsolidation: (lang) =>
      guard(lang, async () => {
        const r = await call("continueConsolidation", lang);
        return r.ok ? consolidation(r) : r;
      }),
    cancelConsolidation: (lang) => guard(lang, () => call("cancelConsolidation", lang)),
    getSettings: () => guard(lastLang, () => callOptional("getSettings", lastLang)),
    saveSettings: (settings, lang) => guard(lang, () => callOptional<{ message: string }>("saveSettings", lang, settings, lang)),
    // "Xuất báo cáo Word" (server/commands/word-report.ts): the model from the server, the writer
    // (DocxWriter.html) fetched on the first report, the .docx made here. No new scope.
    wordReport: (lang) =>
      guard(lang, async () => {
        const [made, writer] = await Promise.all([callOptional<{ document: ReportDocument; charts: DrawnSvg[]; fileName: string; message: string }>("getWordReport", lang, lang), docxWriter(lang)]);
        if (!made.ok) return made;
        if (!writer.ok) return writer;
        return { ok: true, bytes: await writer.reportBytes(made.document, made.charts), fileName: made.fileName, message: made.message };
      }),
    nextYear: (request) =>
      guard(request.lang, async () => {
        const source = request.plan.kind === "same" ? { kind: "same" as const } : planSource(request.plan, "", request.year, request.lang);
        const r = await callOptional<NextYearResult>("makeNextYear", request.lang, { source, year: request.year, ...(request.period ? { period: request.period } : {}), lang: request.lang });
        if (!r.ok) return r;
        return {
          ok: true,
          messages: r.messages,
          sheet: r.sheet,
          carried: r.carried.length,
          fromEstimate: r.carried.filter((c) => c.source === "estimate").map((c) => c.code),
          notCarried: r.notCarried.map((n) => ({ code: n.code, name: n.name })),
          withoutFigure: r.withoutFigure,
        };
      }),
    // "Dán báo cáo" (server/commands/enter-report.ts): the review, then the accepted figures.
    readReport: (pasted, lang) =>
      guard(lang, async () => {
        const r = await call("readReport", pasted, lang);
        return r.ok ? { ok: true, ...r.view, messages: r.messages } : r;
      }),
    enterReport: (request) =>
      guard(request.lang, async () => {
        const answers = request.overwrite === null ? undefined : { "report-overwrite": request.overwrite };
        const r = await call("enterReport", { figures: request.figures, tally: request.tally, ...(answers ? { answers } : {}) }, request.lang);
        if (!r.ok) return r;
        if (r.kind === "ask") return { ok: true, kind: "confirm", message: r.question.text, items: r.question.items, confirm: r.question.confirm, cancel: r.question.cancel };
        return { ok: true, kind: "done", messages: r.messages, cells: r.result.cells };
      }),
    // The file is read in the sidebar (the same guarded reader as the task pane): only its text crosses to the server.
    reportFileText: async (file, lang) => {
      const read = await readReportFile(file);
      return read.ok ? read : { ok: false, message: text(lang, `report.file.${read.problem}`, { file: file.name }) };
    },
    selectCell: async (sheet, cell) => {
      await call("activateCell", sheet, cell, lastLang).catch(() => undefined);
    },
  };
}
