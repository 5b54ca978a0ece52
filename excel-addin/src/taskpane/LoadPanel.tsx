// "Nạp chỉ tiêu": pick a built-in plan, open a JSON plan, or paste a plan's text and review the
// indicators the importer found; then unit, year and "Nạp vào bảng tính".
//
// Only the form is here at start: the plans' contents, the JSON reader, the text importer and the
// sheet builder load when they are first needed (a click), so the pane opens light. The picker
// lists the built-in plans from an index the build makes (virtual:plan-index).
import { Button } from "@fluentui/react-components";
import { lazy, Suspense, useState } from "react";
import PLAN_INDEX from "virtual:plan-index";
import type { ImportedIndicator } from "../../../shared/import";
import type { Plan } from "../../../shared/model";
import type { LoadResult } from "../adapter/load-command";
import { usePane, useText } from "./App";
import { CheckboxField, Field, useControlClass } from "./controls";
import type { DraftRow } from "./DraftTable";
import { useStyles } from "./styles";

const DraftTable = lazy(() => import("./DraftTable").then((m) => ({ default: m.DraftTable })));

type Source = "builtin" | "json" | "text";

export function LoadPanel() {
  const styles = useStyles();
  const control = useControlClass();
  const t = useText();
  const { host, lang, run, busy } = usePane();
  const plans = PLAN_INDEX;
  const [source, setSource] = useState<Source>("builtin");
  const [planId, setPlanId] = useState<string>(PLAN_INDEX[0]?.id ?? "");
  const [jsonPlan, setJsonPlan] = useState<Plan | null>(null);
  const [pasted, setPasted] = useState("");
  const [draft, setDraft] = useState<DraftRow[] | null>(null);
  const [draftMeta, setDraftMeta] = useState<Partial<Plan>>({});
  const [unit, setUnit] = useState("");
  // The report year is the plan's year until the clerk types another.
  const [year, setYear] = useState(String(PLAN_INDEX[0]?.year ?? new Date().getFullYear()));
  const [estimate, setEstimate] = useState(false);
  const [problems, setProblems] = useState<string[]>([]);
  const [result, setResult] = useState<LoadResult | null>(null);

  const onJsonFile = async (file: File | undefined) => {
    setProblems([]);
    setJsonPlan(null);
    if (!file) return;
    const { parsePlanJson } = await import("../../../shared/plan-io");
    const parsed = parsePlanJson(await file.text(), file.name, lang);
    if (parsed.ok) setJsonPlan(parsed.plan);
    else setProblems(parsed.problems.map((p) => p.message));
  };

  const onReadText = async () => {
    setProblems([]);
    // The importer loads when a text is pasted, not at start.
    const { importPlanText } = await import("../../../shared/import");
    const imported = importPlanText(pasted, { lang, year: Number(year) || undefined });
    if (imported.indicators.length === 0) {
      setDraft(null);
      setProblems([t("xl.plan.none-found"), ...imported.warnings.map((w) => w.message)]);
      return;
    }
    setDraftMeta(imported.plan ?? {});
    setDraft(imported.indicators.map((indicator) => ({ indicator, targetText: indicator.target === null ? "" : String(indicator.target).replace(".", ",") })));
    setProblems(imported.warnings.map((w) => (w.line ? `${w.line}: ${w.message}` : w.message)));
  };

  const editRow = (index: number, change: Partial<ImportedIndicator>, targetText?: string) =>
    setDraft((rows) => rows?.map((row, i) => (i === index ? { indicator: { ...row.indicator, ...change }, targetText: targetText ?? row.targetText } : row)) ?? null);

  const chosenPlan = async (): Promise<Plan | string> => {
    if (source === "builtin") return (await import("../../../shared/catalog")).findBuiltInPlan(planId) ?? t("xl.need-plan");
    if (source === "json") return jsonPlan ?? t("xl.need-plan");
    if (!draft || draft.length === 0) return t("xl.need-plan");
    const [{ plainIndicator }, { validatePlan }, { parseNumber }] = await Promise.all([import("../../../shared/import"), import("../../../shared/plan-io"), import("../../../shared/numbers")]);
    const checked = validatePlan(
      {
        id: draftMeta.id ?? "ke-hoach-dan",
        title: draftMeta.title ?? "Kế hoạch",
        issuer: draftMeta.issuer ?? (unit || "UBND"),
        level: draftMeta.level ?? "xa",
        year: Number(year) || draftMeta.year,
        source: null,
        indicators: draft.map(({ indicator, targetText }) => ({ ...plainIndicator(indicator), target: indicator.comparator === null || indicator.comparator === "boolean" || indicator.comparator === "range" ? indicator.target : parseNumber(targetText) })),
      },
      lang,
    );
    return checked.ok ? checked.plan : t("xl.plan.invalid", { detail: checked.problems.map((p) => p.message).join("; ") });
  };

  const onLoad = async () => {
    setResult(null);
    const plan = await chosenPlan();
    if (typeof plan === "string") {
      setProblems([plan]);
      return;
    }
    setProblems([]);
    const { loadPlan } = await import("../adapter/load-command");
    const outcome = await run((context) => loadPlan(context, { plan, unit, year: Number(year), estimate, issuer: null, lang }, host.features));
    if (!outcome) return;
    if (outcome.ok) setResult(outcome);
    else setProblems([outcome.message]);
  };

  return (
    <section className={styles.panel} aria-label={t("xl.tab.load")}>
      <Field label={t("xl.plan.pick")}>
        {(id) => (
          <select id={id} className={control} value={source} onChange={(e) => setSource(e.target.value as Source)} data-testid="source">
            <option value="builtin">{t("xl.source.builtin")}</option>
            <option value="json">{t("xl.source.json")}</option>
            <option value="text">{t("xl.source.text")}</option>
          </select>
        )}
      </Field>
      {source === "builtin" && (
        <Field label={t("xl.source.builtin")}>
          {(id) => (
            <select
            id={id}
            className={control}
            value={planId}
            onChange={(e) => {
              setPlanId(e.target.value);
              const chosen = plans.find((p) => p.id === e.target.value);
              if (chosen) setYear(String(chosen.year));
            }}
            data-testid="plan"
          >
              {plans.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.title.length > 90 ? `${p.title.slice(0, 88)}…` : p.title} ({t("xl.plan.count", { count: p.indicators })})
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      {source === "json" && (
        <Field label={t("xl.plan.json-file")}>
          {(id) => (
            <>
              <input id={id} type="file" accept=".json,application/json" onChange={(e) => void onJsonFile(e.target.files?.[0])} data-testid="json-file" />
              {jsonPlan && <p className={styles.info}>{`${jsonPlan.title} — ${t("xl.plan.count", { count: jsonPlan.indicators.length })}`}</p>}
            </>
          )}
        </Field>
      )}
      {source === "text" && (
        <>
          <Field label={t("xl.plan.paste")}>
            {(id) => <textarea id={id} className={control} value={pasted} onChange={(e) => setPasted(e.target.value)} rows={6} data-testid="paste" />}
          </Field>
          <Button onClick={() => void onReadText()} disabled={pasted.trim() === ""}>
            {t("xl.plan.paste-read")}
          </Button>
          {draft && (
            <Suspense fallback={<p className={styles.info}>…</p>}>
              <DraftTable rows={draft} onEdit={editRow} onRemove={(i) => setDraft((rows) => rows?.filter((_r, j) => j !== i) ?? null)} />
            </Suspense>
          )}
        </>
      )}
      <div className={styles.row}>
        <Field label={t("xl.unit")} className={styles.grow} required>
          {(id) => <input id={id} className={control} value={unit} onChange={(e) => setUnit(e.target.value)} placeholder={t("xl.unit.placeholder")} data-testid="unit" />}
        </Field>
        <Field label={t("xl.year")}>
          {(id) => <input id={id} className={control} value={year} onChange={(e) => setYear(e.target.value)} inputMode="numeric" style={{ width: "6em" }} data-testid="year" />}
        </Field>
      </div>
      <CheckboxField checked={estimate} onChange={setEstimate} label={t("xl.estimate")} />
      <Button appearance="primary" onClick={() => void onLoad()} disabled={busy} data-testid="load">
        {busy ? t("xl.loading") : t("xl.load")}
      </Button>
      {problems.length > 0 && (
        <ul className={styles.list} role="alert">
          {problems.map((p, i) => (
            <li key={i} className={styles.error}>
              {p}
            </li>
          ))}
        </ul>
      )}
      {result && (
        <ul className={styles.list} data-testid="load-result">
          {result.messages.map((m, i) => (
            <li key={i} className={i === 0 ? styles.success : styles.info}>
              {m}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
