// "Kế hoạch năm sau" (in Tổng hợp): pick next year's plan — a built-in one, a JSON file, or this
// year's indicators with the targets left blank —, its year and period, then the host writes next
// year's sheets beside this year's ("Chỉ tiêu 2026"), "Thực hiện năm trước" filled from this year's
// figures. What the core says comes back as lines: what was carried, which are estimates, what
// could not be matched (listed, never guessed).
import { useEffect, useState } from "react";
import type { Period } from "../shared/model";
import { useAction, useUi } from "./context";
import { BusyButton, Field, NoticeLine, useControlClass } from "./controls";
import type { NextYearPick } from "./host-port";
import { PERIOD_CHOICES } from "./LoadPanel";
import { PlanSourceFields, type PlanFile } from "./PlanSourceFields";
import { useStyles } from "./styles";

type Source = "builtin" | "json" | "same";

export function NextYearSection() {
  const styles = useStyles();
  const control = useControlClass();
  const { port, lang, t, info } = useUi();
  const thisYear = info?.loaded?.year ?? new Date().getFullYear();
  const [source, setSource] = useState<Source>("builtin");
  const [planId, setPlanId] = useState("");
  const [json, setJson] = useState<PlanFile | null>(null);
  const [year, setYear] = useState(String(thisYear + 1));
  const [period, setPeriod] = useState<Period>("ca-nam");
  const [lines, setLines] = useState<string[]>([]);
  const making = useAction();

  // Next year follows the plan loaded; the built-in plan offered first is one of a later year, if any.
  useEffect(() => {
    setYear(String(thisYear + 1));
    const later = (info?.plans ?? []).find((p) => p.year > thisYear);
    setPlanId((current) => current || later?.id || info?.loaded?.planId || info?.plans[0]?.id || "");
  }, [thisYear, info]);

  const make = () => {
    const plan: NextYearPick | null = source === "same" ? { kind: "same" } : source === "json" ? (json ? { kind: "json", ...json } : null) : planId ? { kind: "builtin", id: planId } : null;
    setLines([]);
    if (!plan) {
      making.setNotice({ ok: false, text: t("load.need-plan") });
      return;
    }
    void making.run(
      () => port.nextYear({ plan, year: Number(year), period, lang }),
      (answer) => {
        setLines(answer.messages.slice(1));
        return answer.messages[0] ?? null;
      },
    );
  };

  return (
    <div className={styles.section} data-testid="next-year">
      <h2 className={styles.h2}>{t("nextyear")}</h2>
      <p className={styles.small}>{t("nextyear.hint")}</p>
      <PlanSourceFields
        source={source}
        onSourceChange={setSource}
        sourceLabel={t("nextyear.source")}
        other={{ value: "same", label: t("nextyear.source.same") }}
        planId={planId}
        onPlanChange={setPlanId}
        json={json}
        onJsonChange={setJson}
        testIds={{ source: "next-source", plan: "next-plan", jsonFile: "next-json-file" }}
      />
      <div className={styles.row}>
        <Field label={t("nextyear.year")}>
          {(id) => <input id={id} className={control} value={year} onChange={(e) => setYear(e.target.value)} inputMode="numeric" style={{ width: "6em" }} data-testid="next-year-year" />}
        </Field>
        <Field label={t("period")} className={styles.grow}>
          {(id) => (
            <select id={id} className={control} value={period} onChange={(e) => setPeriod(e.target.value as Period)} data-testid="next-period">
              {PERIOD_CHOICES.map((p) => (
                <option key={p} value={p}>
                  {t(`period.${p}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <div className={styles.actions}>
        <BusyButton busy={making.busy} disabled={!info?.loaded} onClick={make} data-testid="next-make">
          {t("nextyear.make")}
        </BusyButton>
      </div>
      <NoticeLine notice={making.notice} testId="next-notice" />
      {lines.length > 0 && (
        <ul className={styles.list} data-testid="next-result">
          {lines.map((line, i) => (
            <li key={i} className={styles.info}>
              <LongLine line={line} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** A long list ("Chưa có … (28): 1.1 …; 1.2 …") folds under its lead, so the pane stays short at 320 px. */
function LongLine({ line }: { line: string }) {
  const cut = line.indexOf(": ");
  if (line.length <= 160 || cut < 0 || cut > 120) return <>{line}</>;
  return (
    <details>
      <summary>{line.slice(0, cut + 1)}</summary>
      {line.slice(cut + 2)}
    </details>
  );
}
