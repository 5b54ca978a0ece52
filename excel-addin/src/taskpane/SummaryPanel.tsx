// "Tổng hợp": the year-end summary sheet of this unit, and the consolidation of several units' files.
import { Button } from "@fluentui/react-components";
import { useEffect, useRef, useState } from "react";
import { usePane, useText } from "./App";
import { Field } from "./controls";
import { useStyles } from "./styles";

export function SummaryPanel({ autoRun }: { autoRun: number | null }) {
  const styles = useStyles();
  const t = useText();
  const { host, lang, run, busy } = usePane();
  const [notice, setNotice] = useState<{ ok: boolean; lines: string[] } | null>(null);
  const [progress, setProgress] = useState<{ value: number; text: string } | null>(null);
  const files = useRef<HTMLInputElement>(null);

  const summary = async () => {
    setNotice(null);
    // The report builders load on first use: they are not part of the pane's start weight.
    const { buildSummary } = await import("../adapter/report-commands");
    const outcome = await run((context) => buildSummary(context, lang, host.features));
    if (!outcome) return;
    setNotice(outcome.ok ? { ok: true, lines: [t("xl.summary.done", { sheet: outcome.sheet }), outcome.sentence] } : { ok: false, lines: [outcome.message] });
  };

  // Runs when the ribbon asks again (a new timestamp), not on every render.
  useEffect(() => {
    if (autoRun !== null) void summary();
  }, [autoRun]);

  const consolidate = async () => {
    setNotice(null);
    const picked = [...(files.current?.files ?? [])];
    if (picked.length === 0) {
      setNotice({ ok: false, lines: [t("xl.consolidate.no-files")] });
      return;
    }
    const report = (index: number, total: number, file: string) =>
      setProgress({ value: total === 0 ? 1 : index / total, text: file ? t("xl.consolidate.progress", { index: index + 1, total, file }) : "" });
    const [{ consolidateFiles }, { readUnitFiles }] = await Promise.all([import("../adapter/report-commands"), import("../xlsx-reader")]);
    const units = await readUnitFiles(picked, report, lang);
    const outcome = await run((context) => consolidateFiles(context, units, lang, host.features, report));
    setProgress(null);
    if (!outcome) return;
    setNotice(outcome.ok ? { ok: true, lines: [t("xl.consolidate.done", { units: outcome.units, sheet: outcome.sheet, unusable: outcome.unusable })] } : { ok: false, lines: [outcome.message] });
  };

  return (
    <section className={styles.panel} aria-label={t("xl.tab.summary")}>
      <Button appearance="primary" onClick={() => void summary()} disabled={busy} data-testid="summary">
        {busy ? t("xl.summary.working") : t("xl.summary")}
      </Button>
      {notice && (
        <div role="status" data-testid="summary-result">
          {notice.lines.map((line, i) => (
            <p key={i} className={notice.ok ? (i === 0 ? styles.success : styles.info) : styles.error}>
              {line}
            </p>
          ))}
        </div>
      )}
      <div className={styles.section}>
        <h2 className={styles.h2}>{t("xl.consolidate")}</h2>
        <Field label={t("xl.consolidate.pick")}>
          {(id) => <input id={id} ref={files} type="file" multiple accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" data-testid="unit-files" />}
        </Field>
        <Button onClick={() => void consolidate()} disabled={busy} data-testid="consolidate">
          {t("xl.consolidate")}
        </Button>
        {progress && <progress value={progress.value} max={1} style={{ width: "100%" }} />}
        {progress && <small>{progress.text}</small>}
      </div>
    </section>
  );
}
