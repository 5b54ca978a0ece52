// The shared UI's host port on Excel: each operation is one Excel.run over the adapter's commands
// (excel-addin/src/adapter/), mapped to the port's plain data. What only some clicks need (the
// importer, the plan reader, the report builders, the .xlsx reader) loads on first use, so the
// pane's start weight is the form alone; the adapter itself (and zod with it) loads right after
// the pane shows, with the first command.
const commands = () => import("../adapter/commands");
import PLAN_INDEX from "virtual:plan-index";
import type { Finding, Lang, Plan } from "../../../shared/model";
import type { FindingItem, HostPort, PlanPick, Result, StartInfo } from "../../../ui/host-port";
import { text } from "../../../ui/text";
import { reviewedPlanData } from "../../../ui/reviewed-plan";
import { describeError, type AddinHost } from "../host";
import { refusal as refusalLine, tx } from "../messages";

type Fail = { ok: false; message: string };
const fail = (message: string): Fail => ({ ok: false, message });

function toFinding(item: FindingItem): Finding {
  return { severity: item.severity, rule: item.rule, code: item.code, sheet: item.sheet ?? undefined, cell: item.cell ?? undefined, message: item.message, fix: item.fix ? { value: item.fix.value, ...(item.fix.from !== null ? { from: item.fix.from } : {}) } : undefined };
}

function toItem(f: Finding): FindingItem {
  return { severity: f.severity, rule: f.rule, code: f.code, sheet: f.sheet ?? null, cell: f.cell ?? null, message: f.message, fix: f.fix ? { value: f.fix.value, from: f.fix.from ?? null } : null, section: f.section ?? null };
}

/** The reviewed rows as a plan the core validates (its messages name the row, not a schema path). */
async function reviewedPlan(pick: Extract<PlanPick, { kind: "reviewed" }>, unit: string, year: number, lang: Lang): Promise<Plan | Fail> {
  const { validatePlan } = await import("../../../shared/plan-io");
  const checked = validatePlan(
    reviewedPlanData(pick, unit, year, lang, new Date().getFullYear()),
    lang,
  );
  return checked.ok ? checked.plan : fail(tx("wf.plan-invalid", { detail: checked.problems.map((p) => p.message).join("; ") }, lang));
}

async function chosenPlan(pick: PlanPick, unit: string, year: number, lang: Lang): Promise<Plan | Fail> {
  if (pick.kind === "builtin") return (await import("../../../shared/catalog")).findBuiltInPlan(pick.id) ?? fail(tx("wf.need-plan", {}, lang));
  if (pick.kind === "json") {
    const { parsePlanJson } = await import("../../../shared/plan-io");
    const parsed = parsePlanJson(pick.text, pick.file, lang);
    return parsed.ok ? parsed.plan : fail(parsed.problems.map((p) => p.message).join(" "));
  }
  return reviewedPlan(pick, unit, year, lang);
}

export function excelPort(host: AddinHost): HostPort {
  /** One Excel.run; an Excel refusal or failure becomes one plain line, never a stack trace. */
  const run = async <T>(lang: Lang, batch: (context: Excel.RequestContext) => Promise<Result<T>>): Promise<Result<T>> => {
    try {
      return await host.run(batch);
    } catch (error) {
      return fail(describeError(error, lang));
    }
  };
  const titleOf = (id: string) => PLAN_INDEX.find((p) => p.id === id)?.title ?? id;

  return {
    host: "excel",
    async start() {
      // No Excel: either Office.js never loaded (blocked, offline), or the page was opened by hand.
      if (host.kind === "none") return fail(`${text(host.lang, typeof Office === "undefined" ? "fail.start.excel" : "fail.start.outside")} ${text(host.lang, "fail.start.next")}`);
      if (!host.supported) return fail(`${text(host.lang, "fail.start.old")} ${text(host.lang, "fail.start.next")}`);
      return run<StartInfo>(host.lang, async (context) => {
        const { locateWorkbook } = await import("../adapter/workbook-io");
        const snapshot = await locateWorkbook(context);
        const doc = snapshot.document;
        return {
          ok: true,
          lang: doc?.settings.lang ?? host.lang,
          plans: PLAN_INDEX.map((p) => ({ id: p.id, title: p.title, issuer: p.issuer, year: p.year, indicators: p.indicators })),
          loaded: doc ? { planId: doc.planId, planTitle: titleOf(doc.planId), unit: doc.unit, year: doc.year, estimate: doc.estimate, indicators: 0, period: doc.settings.period ?? "ca-nam" } : null,
          step: doc ? "enter" : "load",
          consolidation: "files",
        };
      });
    },
    async preview(text, lang) {
      // The importer loads when a text is read, not at start.
      const [{ importPlanText }, { t }] = await Promise.all([import("../../../shared/import"), import("../../../shared/i18n")]);
      const imported = importPlanText(text, { lang });
      return {
        ok: true,
        rows: imported.indicators.map((ind) => ({
          code: ind.code,
          name: ind.name,
          unit: ind.unit,
          comparator: ind.comparator,
          target: ind.target,
          targetMin: ind.targetMin ?? null,
          targetMax: ind.targetMax ?? null,
          deadlineYear: ind.deadlineYear,
          group: ind.group,
          confidence: ind.confidence,
          reasons: (ind.reasons ?? []).map((key) => t(key, {}, lang)),
          span: ind.span ? { line: ind.span.line, start: ind.span.start, end: ind.span.end, text: ind.span.text } : null,
          secondary: ind.secondary ?? null,
        })),
        results: (imported.results ?? []).map((r) => ({ name: r.name, actual: r.actual, unit: r.unit, percentOfPlan: r.percentOfPlan, estimate: r.estimate, span: { line: r.span.line, text: r.span.text } })),
        warnings: imported.warnings.map((w) => (w.line ? `${w.line}: ${w.message}` : w.message)),
        meta: { title: imported.meta.title ?? null, issuer: imported.meta.detectedIssuer ?? null, year: imported.meta.detectedYear ?? null },
      };
    },
    async load(request) {
      const plan = await chosenPlan(request.plan, request.unit, request.year, request.lang);
      if ("ok" in plan) return plan;
      const { loadPlan } = await import("../adapter/load-command");
      return run(request.lang, async (context) => {
        const answers = request.confirmSetAside ? { "reload-set-aside": true } : undefined;
        const settings = request.period ? { settings: { period: request.period } } : {};
        const outcome = await loadPlan(context, { plan, unit: request.unit, year: request.year, estimate: request.estimate, issuer: null, lang: request.lang, answers, ...settings }, host.features);
        if (!outcome.ok) return outcome;
        if (outcome.confirm) return { ok: true, kind: "confirm", message: outcome.confirm.message, setAside: outcome.confirm.items };
        return {
          ok: true,
          kind: "done",
          messages: outcome.messages,
          loaded: { planId: plan.id, planTitle: plan.title, unit: request.unit.trim(), year: request.year, estimate: request.estimate, indicators: plan.indicators.length, period: request.period ?? "ca-nam" },
        };
      });
    },
    check(lang) {
      return run(lang, async (context) => {
        const { checkSheet } = await commands();
        const outcome = await checkSheet(context, lang);
        if (!outcome.ok) return outcome;
        // Each finding carries its plan section from the core: the pane groups blanks per section.
        const findings = outcome.findings.map(toItem);
        // The core's own words ("2 lỗi, 3 cảnh báo (30 chỉ tiêu đã kiểm tra)"), as Sheets says them.
        const message = outcome.messages.join(" ");
        return { ok: true, findings, errors: outcome.errors, warnings: outcome.warnings, message };
      });
    },
    fix(findings, lang) {
      return run(lang, async (context) => {
        const { fixNumberAsText } = await commands();
        const cells: string[] = [];
        const said: string[] = [];
        let refusal: string | null = null;
        for (const item of findings) {
          const outcome = await fixNumberAsText(context, toFinding(item), lang);
          if (outcome.ok) {
            cells.push(outcome.cell);
            for (const line of outcome.messages) said.push(line);
          } else refusal ??= outcome.message;
        }
        if (cells.length === 0) return fail(refusal ?? refusalLine("wf.fix.changed", "wf.fix.changed.next", { cell: findings[0]?.cell ?? "?" }, lang));
        // One fix: the core's words ("Đã đổi ô F12 thành số 1.234,5"), as Sheets says them.
        const message = cells.length === 1 ? said.join(" ") : text(lang, "fix.done-many", { count: cells.length, cells: cells.join(", ") });
        return { ok: true, message: refusal ? `${message} ${refusal}` : message, fixed: cells.length };
      });
    },
    override(code, status, reason, lang) {
      return run(lang, async (context) => {
        const { setOverride } = await commands();
        const outcome = await setOverride(context, code, status, reason, lang);
        if (!outcome.ok) return outcome;
        return { ok: true, message: outcome.messages.join(" ") };
      });
    },
    selectedCode(lang) {
      return run(lang, async (context) => {
        const { readFilled } = await commands();
        const selected = context.workbook.getSelectedRange();
        // `worksheet` is a proxy to another object, not a property of the range's data: it is
        // loaded on its own (sheet.load below), which the lint rule does not follow.
        // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/load-object-before-read
        const sheet = selected.worksheet;
        selected.load("rowIndex");
        sheet.load("name");
        await context.sync();
        const read = await readFilled(context, lang);
        if (!read.ok) return read;
        if (sheet.name.toLowerCase() !== read.sheet.toLowerCase()) return { ok: true, code: null };
        for (const [code, row] of read.reading.rowsByCode) if (row === selected.rowIndex) return { ok: true, code };
        return { ok: true, code: null };
      });
    },
    dashboard(lang) {
      return run(lang, async (context) => {
        const { readDocumentSettings, dashboard } = await commands();
        const settings = await readDocumentSettings(context);
        const outcome = await dashboard(context, lang);
        if (!outcome.ok) return outcome;
        return {
          ok: true,
          unit: outcome.unit,
          year: outcome.year,
          planTitle: outcome.planTitle,
          counts: outcome.counts,
          nearMiss: outcome.nearMiss,
          amberLabel: settings?.amberLabel ?? "Gần đạt",
          counted: outcome.counted,
          sentence: outcome.sentence,
          rows: outcome.evaluations.map((e) => ({ code: e.code, name: e.indicator.name, status: e.status, nearMiss: e.nearMiss, percent: Number.isFinite(e.percent) ? e.percent : null, counted: outcome.countedCodes.includes(e.code) })),
        };
      });
    },
    async summary(lang) {
      // The report builders load on first use: they are not part of the pane's start weight.
      const { buildSummary } = await import("../adapter/report-commands");
      return run(lang, async (context) => {
        const outcome = await buildSummary(context, lang, host.features);
        if (!outcome.ok) return outcome;
        return { ok: true, message: outcome.messages.join(" "), sentence: outcome.sentence, tally: (outcome as { tally?: string | null }).tally ?? null };
      });
    },
    async wordReport(lang) {
      // The report model in one read; the docx writer loads on this click only (docx-writer/browser.ts).
      const [{ buildWordReport }, { reportBytes }] = await Promise.all([import("../adapter/word-report-command"), import("../../../docx-writer/browser")]);
      const made = await run(lang, (context) => buildWordReport(context, lang));
      if (!made.ok) return made;
      try {
        return { ok: true, bytes: await reportBytes(made.document, lang), fileName: made.fileName, message: made.messages.join(" ") };
      } catch (error) {
        return fail(describeError(error, lang));
      }
    },
    async consolidate(input, lang, progress, options) {
      if (input.kind !== "files") return fail(tx("wf.consolidate.no-files", {}, lang));
      const report = (index: number, total: number, file: string) => progress(file ? tx("excel.consolidate.progress", { index: index + 1, total, file }, lang) : "", total === 0 ? 1 : index / total);
      // The units' work (register, own targets, points) loads on first use: not in the pane's start weight.
      const [{ consolidateUnitFiles }, { readReceivedFiles }] = await Promise.all([import("../adapter/units-commands"), import("../units-files")]);
      const files = await readReceivedFiles(input.files, report, lang);
      return run(lang, async (context) => {
        const outcome = await consolidateUnitFiles(context, files, { expected: options?.expected ?? null, deadline: options?.deadline ?? null }, lang, host.features);
        if (!outcome.ok) return outcome;
        const [first, , ...notes] = outcome.messages;
        return {
          ok: true,
          message: first ?? "",
          unusable: outcome.unusable,
          pending: false,
          register: { sentence: outcome.sentence, counts: outcome.counts, rows: outcome.rows, sheets: { register: outcome.registerSheet, ranking: outcome.rankingSheet }, notes },
        };
      });
    },
    async assignmentForm(lang) {
      const { writeAssignmentForm } = await import("../adapter/units-commands");
      return run(lang, async (context) => {
        const outcome = await writeAssignmentForm(context, lang, host.features);
        if (!outcome.ok) return outcome;
        return { ok: true, message: outcome.messages.join(" "), sheet: outcome.sheet };
      });
    },
    getSettings() {
      return run(host.lang, async (context) => {
        const { readDocumentSettings } = await commands();
        const saved = await readDocumentSettings(context);
        return { ok: true, settings: saved ? { amberBand: saved.amberBand, amberLabel: saved.amberLabel, countLevel: saved.countLevel } : null };
      });
    },
    saveSettings(settings, lang) {
      return run(lang, async (context) => {
        const { readDocumentSettings, saveDocumentSettings } = await commands();
        const saved = await readDocumentSettings(context);
        if (!saved) return fail(refusalLine("wf.no-document", "wf.no-document.next", {}, lang));
        const written = await saveDocumentSettings(context, { ...saved, ...settings, lang });
        return written ? { ok: true, message: tx("wf.settings.saved", {}, lang) } : fail(refusalLine("wf.no-document", "wf.no-document.next", {}, lang));
      });
    },
    async nextYear(request) {
      const plan = request.plan.kind === "same" ? "same" : await chosenPlan(request.plan, "", request.year, request.lang);
      if (plan !== "same" && "ok" in plan) return plan;
      const { makeNextYear } = await import("../adapter/next-year-command");
      return run(request.lang, async (context) => {
        const outcome = await makeNextYear(context, { plan, year: request.year, ...(request.period ? { period: request.period } : {}), lang: request.lang }, host.features);
        if (!outcome.ok) return outcome;
        return {
          ok: true,
          messages: outcome.messages,
          sheet: outcome.sheet,
          carried: outcome.carried.length,
          fromEstimate: outcome.carried.filter((c) => c.source === "estimate").map((c) => c.code),
          notCarried: outcome.notCarried.map((n) => ({ code: n.code, name: n.name })),
          withoutFigure: outcome.withoutFigure,
        };
      });
    },
    async selectCell(sheet, cell) {
      await run(host.lang, async (context) => {
        const { selectCell } = await commands();
        await selectCell(context, sheet, cell);
        return { ok: true };
      });
    },
    // "Dán báo cáo" (adapter/enter-report.ts): loaded when the Nhập số tab first reads a report.
    async readReport(pasted, lang) {
      const { readReport } = await import("../adapter/enter-report");
      return run(lang, async (context) => {
        const answer = await readReport(context, pasted, lang);
        return answer.ok ? { ok: true, ...answer.view, messages: answer.messages } : answer;
      });
    },
    async enterReport(request) {
      const { enterReport } = await import("../adapter/enter-report");
      const { lang } = request;
      return run(lang, async (context) => {
        const answers = request.overwrite === null ? undefined : { "report-overwrite": request.overwrite };
        const answer = await enterReport(context, { figures: request.figures, tally: request.tally, ...(answers ? { answers } : {}) }, lang);
        if (!answer.ok) return answer;
        if (answer.kind === "ask") return { ok: true, kind: "confirm", message: answer.question.text, items: answer.question.items, confirm: answer.question.confirm, cancel: answer.question.cancel };
        return { ok: true, kind: "done", messages: answer.messages, cells: answer.result.cells };
      });
    },
    async reportFileText(file, lang) {
      const { readReportFile } = await import("../../../xlsx-reader/docx");
      const read = await readReportFile(file);
      return read.ok ? read : fail(text(lang, `report.file.${read.problem}`, { file: file.name }));
    },
  };
}
