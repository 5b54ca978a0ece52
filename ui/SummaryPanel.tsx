// "Tổng hợp": this unit's year-end summary (with a warning first when the last check left errors),
// the sentence with a copy button. (The consolidation of several units is in UnitsPanel.tsx.)
import { useEffect, useRef, useState } from "react";
import { useAction, useUi } from "./context";
import { BusyButton, NoticeLine } from "./controls";
import { useStyles } from "./styles";
import { NextYearSection } from "./NextYearSection";
import { WordReportSection } from "./WordReportSection";

export function SummaryPanel({ autoRun }: { autoRun: number | null }) {
  const styles = useStyles();
  const { port, lang, t, errorsLeft, setErrorsLeft, setStep, go } = useUi();
  const [sentence, setSentence] = useState<string | null>(null);
  /** The check of a report's tally kept by "Dán báo cáo" (EnterPanel), when the figures contradict it. */
  const [tally, setTally] = useState<string | null>(null);
  const [warning, setWarning] = useState<number | null>(null);
  const [copied, setCopied] = useState<{ ok: boolean; text: string } | null>(null);
  const summarising = useAction();
  const sentenceRef = useRef<HTMLParagraphElement>(null);

  const build = () =>
    summarising.run(
      () => port.summary(lang),
      (done) => {
        setWarning(null);
        setSentence(done.sentence);
        setTally(done.tally ?? null);
        setCopied(null);
        setStep("summary");
        return done.tally ? done.message.replace(done.tally, "").trim() : done.message;
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
          {tally && (
            <p className={styles.warn} data-testid="summary-tally">
              {tally}
            </p>
          )}
          <div className={styles.actions}>
            <BusyButton busy={false} onClick={() => void copy()} data-testid="copy">
              {t("summary.copy")}
            </BusyButton>
          </div>
          <NoticeLine notice={copied} testId="copy-notice" />
        </div>
      )}
      <WordReportSection />
      <NextYearSection />
    </section>
  );
}
