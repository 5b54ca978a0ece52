// "Tổng hợp": this unit's year-end summary (with a warning first when the last check left errors),
// the sentence with a copy button, and the consolidation of several units' files or spreadsheets.
import { useEffect, useRef, useState } from "react";
import { useAction, useUi } from "./context";
import { BusyButton, Field, NoticeLine, useControlClass } from "./controls";
import type { ConsolidateAnswer } from "./host-port";
import { useStyles } from "./styles";
import { NextYearSection } from "./NextYearSection";

export function SummaryPanel({ autoRun }: { autoRun: number | null }) {
  const styles = useStyles();
  const control = useControlClass();
  const { port, lang, t, info, errorsLeft, setErrorsLeft, setStep, go } = useUi();
  const [sentence, setSentence] = useState<string | null>(null);
  const [warning, setWarning] = useState<number | null>(null);
  const [copied, setCopied] = useState<{ ok: boolean; text: string } | null>(null);
  const summarising = useAction();
  const consolidating = useAction();
  const [progress, setProgress] = useState<{ text: string; share: number } | null>(null);
  const [links, setLinks] = useState("");
  const [answer, setAnswer] = useState<ConsolidateAnswer | null>(null);
  const files = useRef<HTMLInputElement>(null);
  const sentenceRef = useRef<HTMLParagraphElement>(null);

  const build = () =>
    summarising.run(
      () => port.summary(lang),
      (done) => {
        setWarning(null);
        setSentence(done.sentence);
        setCopied(null);
        setStep("summary");
        return done.message;
      },
    );

  /** Warns first when errors are left: from the last check, or from a check made now. */
  const summary = async () => {
    let errors = errorsLeft;
    if (errors === null) {
      const checked = await summarising.run(() => port.check(lang));
      errors = checked ? checked.errors : 0;
      if (checked) setErrorsLeft(checked.errors);
    }
    if (errors > 0) {
      setWarning(errors);
      return;
    }
    await build();
  };

  useEffect(() => {
    if (autoRun !== null) void summary();
  }, [autoRun]);

  const copy = async () => {
    if (!sentence) return;
    try {
      await navigator.clipboard.writeText(sentence);
      setCopied({ ok: true, text: t("summary.copied") });
    } catch {
      // Web views that refuse the clipboard: the sentence is selected for Ctrl+C.
      const range = document.createRange();
      if (sentenceRef.current) range.selectNodeContents(sentenceRef.current);
      const selection = window.getSelection();
      selection?.removeAllRanges();
      selection?.addRange(range);
      setCopied({ ok: false, text: t("summary.copy-failed") });
    }
  };

  const mode = info?.consolidation ?? "unavailable";
  const consolidate = () => {
    const picked = [...(files.current?.files ?? [])];
    const listed = links.split(/\s+/).filter(Boolean);
    if ((mode === "files" && picked.length === 0) || (mode === "links" && listed.length === 0)) {
      consolidating.setNotice({ ok: false, text: t("consolidate.none") });
      return;
    }
    void consolidating.run(
      () => port.consolidate(mode === "files" ? { kind: "files", files: picked } : { kind: "links", links: listed }, lang, (text, share) => setProgress({ text, share })),
      (done) => {
        setProgress(null);
        setAnswer(done);
        return done.message;
      },
    ).then(() => setProgress(null));
  };
  const next = (work: "continue" | "cancel") =>
    consolidating.run(
      async () => {
        if (work === "continue" && port.continueConsolidation) return port.continueConsolidation(lang);
        if (work === "cancel" && port.cancelConsolidation) {
          const cancelled = await port.cancelConsolidation(lang);
          return cancelled.ok ? { ok: true as const, message: cancelled.message, unusable: [], pending: false } : cancelled;
        }
        return { ok: false as const, message: t("consolidate.unavailable") };
      },
      (done) => {
        setAnswer(done);
        return done.message;
      },
    );

  return (
    <section className={styles.panel} aria-label={t("tab.summary")}>
      <div className={styles.actions}>
        <BusyButton appearance="primary" busy={summarising.busy} onClick={() => void summary()} data-testid="summary">
          {t("summary")}
        </BusyButton>
      </div>
      {warning !== null && (
        <div className={styles.box} role="alert" data-testid="summary-warning">
          <p className={styles.warn}>{t("summary.errors-left", { errors: warning })}</p>
          <div className={styles.actions}>
            <BusyButton busy={summarising.busy} onClick={() => void build()} data-testid="summary-anyway">
              {t("summary.anyway")}
            </BusyButton>
            <BusyButton busy={false} appearance="subtle" onClick={() => go("check")} data-testid="summary-go-check">
              {t("summary.go-check")}
            </BusyButton>
          </div>
        </div>
      )}
      <NoticeLine notice={summarising.notice} testId="summary-notice" />
      {sentence && (
        <div className={styles.panel} data-testid="summary-result">
          <p className={styles.h3}>{t("summary.sentence")}</p>
          <p className={styles.sentence} ref={sentenceRef} data-testid="sentence">
            {sentence}
          </p>
          <div className={styles.actions}>
            <BusyButton busy={false} onClick={() => void copy()} data-testid="copy">
              {t("summary.copy")}
            </BusyButton>
          </div>
          <NoticeLine notice={copied} testId="copy-notice" />
        </div>
      )}
      <div className={styles.section}>
        <h2 className={styles.h2}>{t("consolidate")}</h2>
        {mode === "unavailable" && <p className={styles.info}>{t("consolidate.unavailable")}</p>}
        {mode === "files" && (
          <Field label={t("consolidate.files")}>
            {(id) => <input id={id} ref={files} type="file" multiple accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" data-testid="unit-files" />}
          </Field>
        )}
        {mode === "links" && (
          <Field label={t("consolidate.links")}>
            {(id) => <textarea id={id} className={control} value={links} onChange={(e) => setLinks(e.target.value)} rows={4} data-testid="unit-links" />}
          </Field>
        )}
        {mode !== "unavailable" && (
          <div className={styles.actions}>
            <BusyButton busy={consolidating.busy} onClick={consolidate} data-testid="consolidate">
              {t("consolidate.start")}
            </BusyButton>
            {answer?.pending && (
              <>
                <BusyButton busy={false} disabled={consolidating.busy} onClick={() => void next("continue")} data-testid="consolidate-continue">
                  {t("consolidate.continue")}
                </BusyButton>
                <BusyButton busy={false} disabled={consolidating.busy} appearance="subtle" onClick={() => void next("cancel")} data-testid="consolidate-cancel">
                  {t("consolidate.cancel")}
                </BusyButton>
              </>
            )}
          </div>
        )}
        {progress && (
          <>
            <progress value={progress.share} max={1} style={{ width: "100%" }} />
            <small className={styles.small}>{progress.text}</small>
          </>
        )}
        <NoticeLine notice={consolidating.notice} testId="consolidate-notice" />
        {answer && answer.unusable.length > 0 && (
          <>
            <p className={styles.h3}>{t("consolidate.unusable")}</p>
            <ul className={styles.list} data-testid="unusable">
              {answer.unusable.map((u, i) => (
                <li key={i} className={styles.error}>
                  <strong>{u.source}</strong>: {u.reason}
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
      <NextYearSection />
    </section>
  );
}
