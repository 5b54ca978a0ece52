// "Nạp chỉ tiêu": pick a built-in plan, open a JSON plan, or paste a plan's text and review the
// indicators the importer found; then unit, year and "Nạp vào bảng tính".
import { Button } from "@fluentui/react-components";
import { useMemo, useState } from "react";
import { builtInPlans, CITY_PLAN_ID } from "../../../shared/catalog";
import type { ImportedIndicator } from "../../../shared/import";
import { COMPARATORS, type Comparator, type Plan } from "../../../shared/model";
import { parseNumber } from "../../../shared/numbers";
import { parsePlanJson, validatePlan } from "../../../shared/plan-io";
import { loadPlan, type LoadResult } from "../adapter/load-command";
import { usePane, useText } from "./App";
import { CheckboxField, Field, useControlClass } from "./controls";
import { useStyles } from "./styles";

type Source = "builtin" | "json" | "text";

interface DraftRow {
  indicator: ImportedIndicator;
  targetText: string;
}

export function LoadPanel() {
  const styles = useStyles();
  const control = useControlClass();
  const t = useText();
  const { host, lang, run, busy } = usePane();
  const plans = useMemo(() => builtInPlans(), []);
  const [source, setSource] = useState<Source>("builtin");
  const [planId, setPlanId] = useState<string>(CITY_PLAN_ID);
  const [jsonPlan, setJsonPlan] = useState<Plan | null>(null);
  const [pasted, setPasted] = useState("");
  const [draft, setDraft] = useState<DraftRow[] | null>(null);
  const [draftMeta, setDraftMeta] = useState<Partial<Plan>>({});
  const [unit, setUnit] = useState("");
  const [year, setYear] = useState(String(new Date().getFullYear()));
  const [estimate, setEstimate] = useState(false);
  const [problems, setProblems] = useState<string[]>([]);
  const [result, setResult] = useState<LoadResult | null>(null);

  const onJsonFile = async (file: File | undefined) => {
    setProblems([]);
    setJsonPlan(null);
    if (!file) return;
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
    if (source === "builtin") return plans.find((p) => p.id === planId) ?? t("xl.need-plan");
    if (source === "json") return jsonPlan ?? t("xl.need-plan");
    if (!draft || draft.length === 0) return t("xl.need-plan");
    const { plainIndicator } = await import("../../../shared/import");
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
            <select id={id} className={control} value={planId} onChange={(e) => setPlanId(e.target.value)} data-testid="plan">
              {plans.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.title.length > 90 ? `${p.title.slice(0, 88)}…` : p.title} ({t("xl.plan.count", { count: p.indicators.length })})
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
          {draft && <DraftTable rows={draft} onEdit={editRow} onRemove={(i) => setDraft((rows) => rows?.filter((_r, j) => j !== i) ?? null)} />}
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

function DraftTable({ rows, onEdit, onRemove }: { rows: DraftRow[]; onEdit: (index: number, change: Partial<ImportedIndicator>, targetText?: string) => void; onRemove: (index: number) => void }) {
  const styles = useStyles();
  const t = useText();
  return (
    <>
      <p className={styles.info}>{t("xl.plan.found", { count: rows.length })}</p>
      <table className={styles.table} data-testid="draft">
        <thead>
          <tr>
            <th>{t("xl.col.code")}</th>
            <th>{t("xl.col.name")}</th>
            <th>{t("xl.col.unit")}</th>
            <th>{t("xl.col.target")}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {rows.map(({ indicator, targetText }, i) => (
            <tr key={i} title={indicator.span.text} style={indicator.confidence < 0.7 ? { background: "#FFF4CE" } : undefined}>
              <td style={{ width: "3.5em" }}>
                <input className={styles.cellInput} value={indicator.code} onChange={(e) => onEdit(i, { code: e.target.value })} aria-label={t("xl.col.code")} />
              </td>
              <td>
                <input className={styles.cellInput} value={indicator.name} onChange={(e) => onEdit(i, { name: e.target.value })} aria-label={t("xl.col.name")} />
                {indicator.confidence < 0.7 && <small>{t("xl.plan.low-confidence")}</small>}
              </td>
              <td style={{ width: "4.5em" }}>
                <input className={styles.cellInput} value={indicator.unit} onChange={(e) => onEdit(i, { unit: e.target.value })} aria-label={t("xl.col.unit")} />
              </td>
              <td style={{ width: "7em" }}>
                <select value={indicator.comparator ?? ""} onChange={(e) => onEdit(i, { comparator: (e.target.value || null) as Comparator | null })} aria-label="comparator">
                  <option value="">—</option>
                  {COMPARATORS.map((c) => (
                    <option key={c} value={c}>
                      {c}
                    </option>
                  ))}
                </select>
                <input className={styles.cellInput} value={targetText} onChange={(e) => onEdit(i, {}, e.target.value)} aria-label={t("xl.col.target")} />
              </td>
              <td>
                <Button size="small" appearance="subtle" onClick={() => onRemove(i)}>
                  {t("xl.plan.remove")}
                </Button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
