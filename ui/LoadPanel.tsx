// "Nạp": pick a built-in plan (named by issuer and year, the loaded one preselected), open a JSON
// plan, or paste a plan's text and review what was read; then unit, year and "Nạp vào bảng tính".
// When loading would set typed figures aside, the host answers with the list first and nothing is
// written until the clerk agrees.
import { useEffect, useRef, useState } from "react";
import { useAction, useUi } from "./context";
import { BusyButton, CheckboxField, Field, NoticeLine, useControlClass } from "./controls";
import type { LoadAnswer, PlanPick, Preview, ResultRow, ReviewRow } from "./host-port";
import type { Period } from "../shared/model";
import { readNumber } from "./format";
import { PlanSourceFields, type PlanFile } from "./PlanSourceFields";
import { QuestionBox } from "./QuestionBox";
import { ReviewTable, targetText, type DraftRow } from "./ReviewTable";
import { useStyles } from "./styles";

type Source = "builtin" | "json" | "text";

/** The periods a sheet reports on, the whole year first (the default). */
export const PERIOD_CHOICES: readonly Period[] = ["ca-nam", "6-thang", "9-thang"];

export function LoadPanel() {
  const styles = useStyles();
  const control = useControlClass();
  const { port, lang, t, info, setLoaded, setStep } = useUi();
  const [source, setSource] = useState<Source>("builtin");
  const [planId, setPlanId] = useState("");
  const [json, setJson] = useState<PlanFile | null>(null);
  const [pasted, setPasted] = useState("");
  const [rows, setRows] = useState<DraftRow[] | null>(null);
  const [meta, setMeta] = useState<Preview["meta"]>({ title: null, issuer: null, year: null });
  const [warnings, setWarnings] = useState<string[]>([]);
  const [results, setResults] = useState<ResultRow[]>([]);
  const [unit, setUnit] = useState("");
  const [year, setYear] = useState(String(new Date().getFullYear()));
  const [estimate, setEstimate] = useState(false);
  const [period, setPeriod] = useState<Period>("ca-nam");
  const [confirm, setConfirm] = useState<Extract<LoadAnswer, { kind: "confirm" }> | null>(null);
  const [messages, setMessages] = useState<string[]>([]);
  const reading = useAction();
  const loading = useAction();
  const seeded = useRef(false);
  const picked = useRef(false);
  const pasteBox = useRef<HTMLTextAreaElement>(null);
  // A click on a row's source line selects that span in the pasted text (the importer's offsets are in it).
  const showSpan = (span: { start: number; end: number }) => {
    const box = pasteBox.current;
    if (!box) return;
    box.focus();
    box.setSelectionRange(span.start, span.end);
  };

  // Once the host has said what is loaded: that plan, unit and year are the form's start. The
  // options appear in the same render that schedules this effect, so a quick clerk (or a test) can
  // pick a plan before it runs: what was picked or typed by then is kept, never replaced by the
  // start values (CI once loaded the first plan instead of the one chosen).
  useEffect(() => {
    if (!info || seeded.current) return;
    seeded.current = true;
    const loaded = info.loaded;
    const chosen = info.plans.find((p) => p.id === loaded?.planId) ?? info.plans[0];
    if (picked.current) {
      if (loaded) setUnit((typed) => typed || loaded.unit);
      return;
    }
    if (chosen) setPlanId(chosen.id);
    if (loaded) {
      setUnit((typed) => typed || loaded.unit);
      setYear(String(loaded.year));
      setEstimate(loaded.estimate);
      setPeriod(loaded.period ?? "ca-nam");
      if (!info.plans.some((p) => p.id === loaded.planId)) setSource("json");
    } else if (chosen) setYear(String(chosen.year));
  }, [info]);

  const pickPlan = (id: string) => {
    picked.current = true;
    setPlanId(id);
    // The report year follows the plan; the clerk may still type another.
    const chosen = info?.plans.find((p) => p.id === id);
    if (chosen) setYear(String(chosen.year));
  };

  const readText = () =>
    reading.run(
      () => port.preview(pasted, lang),
      (preview) => {
        setWarnings(preview.warnings);
        setResults(preview.results ?? []);
        if (preview.rows.length === 0) {
          setRows(null);
          return t("paste.none");
        }
        setRows(preview.rows.map((row) => ({ row, target: targetText(row.target, lang), min: targetText(row.targetMin, lang), max: targetText(row.targetMax, lang) })));
        setMeta(preview.meta);
        if (preview.meta.year) setYear(String(preview.meta.year));
        return null;
      },
    );

  // A refusal of the preview also clears the old list, so it cannot be loaded by mistake.
  useEffect(() => {
    if (reading.notice && !reading.notice.ok) setRows(null);
  }, [reading.notice]);

  const pick = (): PlanPick | string => {
    if (source === "builtin") return planId ? { kind: "builtin", id: planId } : t("load.need-plan");
    if (source === "json") return json ? { kind: "json", text: json.text, file: json.file } : t("load.need-plan");
    if (!rows || rows.length === 0) return t("load.need-plan");
    const reviewed: ReviewRow[] = [];
    for (const draft of rows) {
      const numbers = { target: readNumber(draft.target), targetMin: readNumber(draft.min), targetMax: readNumber(draft.max) };
      for (const [key, value] of [["target", draft.target], ["min", draft.min], ["max", draft.max]] as const) {
        const read = key === "target" ? numbers.target : key === "min" ? numbers.targetMin : numbers.targetMax;
        if (value.trim() !== "" && read === null) return t("review.bad-number", { text: value, code: draft.row.code });
      }
      reviewed.push({ ...draft.row, ...numbers });
    }
    return { kind: "reviewed", rows: reviewed, meta };
  };

  const load = (confirmSetAside: boolean) => {
    const plan = pick();
    setMessages([]);
    if (typeof plan === "string") {
      loading.setNotice({ ok: false, text: plan });
      return;
    }
    void loading.run(
      () => port.load({ plan, unit, year: Number(year), estimate, lang, confirmSetAside, period }),
      (answer) => {
        if (answer.kind === "confirm") {
          setConfirm(answer);
          return null;
        }
        setConfirm(null);
        setMessages(answer.messages.slice(1));
        if (answer.loaded) setLoaded({ ...answer.loaded, period: answer.loaded.period ?? period });
        setStep("enter");
        return answer.messages[0] ?? null;
      },
    );
  };

  return (
    <section className={styles.panel} aria-label={t("tab.load")}>
      <PlanSourceFields
        source={source}
        onSourceChange={setSource}
        sourceLabel={t("source")}
        other={{ value: "text", label: t("source.text") }}
        planId={planId}
        onPlanChange={pickPlan}
        markLoaded
        json={json}
        onJsonChange={setJson}
        testIds={{ source: "source", plan: "plan", jsonFile: "json-file" }}
      />
      {source === "text" && (
        <>
          <Field label={t("paste")}>
            {(id) => <textarea id={id} ref={pasteBox} className={control} value={pasted} onChange={(e) => setPasted(e.target.value)} rows={6} data-testid="paste" />}
          </Field>
          <div className={styles.actions}>
            <BusyButton busy={reading.busy} disabled={pasted.trim() === ""} onClick={() => void readText()} data-testid="read-text">
              {t("paste.read")}
            </BusyButton>
          </div>
          <NoticeLine notice={reading.notice} testId="read-notice" />
          {warnings.length > 0 && (
            <ul className={styles.list} data-testid="read-warnings">
              {warnings.map((w, i) => (
                <li key={i} className={styles.small}>
                  {w}
                </li>
              ))}
            </ul>
          )}
          {rows && <ReviewTable rows={rows} results={results} onChange={setRows} onShowSpan={showSpan} />}
        </>
      )}
      <div className={styles.row}>
        <Field label={t("unit")} className={styles.grow} required>
          {(id) => <input id={id} className={control} value={unit} onChange={(e) => setUnit(e.target.value)} placeholder={t("unit.placeholder")} data-testid="unit" />}
        </Field>
        <Field label={t("year")}>
          {(id) => <input id={id} className={control} value={year} onChange={(e) => setYear(e.target.value)} inputMode="numeric" style={{ width: "6em" }} data-testid="year" />}
        </Field>
      </div>
      <Field label={t("period")}>
        {(id) => (
          <select id={id} className={control} value={period} onChange={(e) => setPeriod(e.target.value as Period)} data-testid="period">
            {PERIOD_CHOICES.map((p) => (
              <option key={p} value={p}>
                {t(`period.${p}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <CheckboxField checked={estimate} onChange={setEstimate} label={t("estimate")} testId="estimate" />
      <div className={styles.actions}>
        <BusyButton appearance="primary" busy={loading.busy && !confirm} onClick={() => load(false)} data-testid="load">
          {t("load")}
        </BusyButton>
      </div>
      {confirm && (
        <QuestionBox
          question={confirm.message || t("load.confirm.title")}
          items={confirm.setAside}
          yesLabel={t("load.confirm.yes")}
          noLabel={t("load.confirm.no")}
          busy={loading.busy}
          onYes={() => load(true)}
          onNo={() => setConfirm(null)}
          testIds={{ box: "confirm", title: "confirm-title", yes: "confirm-yes", no: "confirm-no" }}
        />
      )}
      <NoticeLine notice={loading.notice} testId="load-notice" />
      {messages.length > 0 && (
        <ul className={styles.list} data-testid="load-result">
          {messages.map((m, i) => (
            <li key={i} className={styles.info}>
              {m}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
