// "Nhập số": step 2 of the guide. The figures are typed into the indicator sheet's "Thực hiện"
// column; or a unit's report is pasted (or picked as .txt / .docx) and read here ("Dán báo cáo"):
// the host reads it against the loaded plan and the sheet (shared/workflow/enter-report.ts), the
// clerk reviews the rows (tick, edit the figure, the old figure shown where one is typed), sees the
// tally check, the results that fit no indicator, and writes. When a ticked figure would replace a
// different typed one, nothing is written until the clerk answers the question (old → new).
import { useRef, useState } from "react";
import { useAction, useUi } from "./context";
import { BusyButton, Field, NoticeLine, useControlClass } from "./controls";
import type { ReportEntryAnswer, ReportReview } from "./host-port";
import { acceptedFigures, draftsOf, ReportReviewTable, type ReportDraft } from "./ReportReviewTable";
import { QuestionBox } from "./QuestionBox";
import { useStyles } from "./styles";

type Confirm = Extract<ReportEntryAnswer, { kind: "confirm" }>;

export function EnterPanel() {
  const styles = useStyles();
  const control = useControlClass();
  const { port, lang, t, setStep } = useUi();
  const [pasted, setPasted] = useState("");
  const [review, setReview] = useState<ReportReview | null>(null);
  const [drafts, setDrafts] = useState<ReportDraft[]>([]);
  const [confirm, setConfirm] = useState<Confirm | null>(null);
  const [written, setWritten] = useState<string[]>([]);
  const reading = useAction();
  const picking = useAction();
  const writing = useAction();
  const pasteBox = useRef<HTMLTextAreaElement>(null);
  const showSpan = (span: { start: number; end: number }) => {
    const box = pasteBox.current;
    if (!box) return;
    box.focus();
    box.setSelectionRange(span.start, span.end);
  };

  const read = (text: string) =>
    reading.run(
      () => port.readReport(text, lang),
      (answer) => {
        setReview(answer);
        setDrafts(draftsOf(answer.rows));
        setConfirm(null);
        setWritten([]);
        writing.setNotice(null);
        return answer.messages[0] ?? null;
      },
    );

  const pick = (file: File) =>
    picking.run(
      () => port.reportFileText(file, lang),
      (answer) => {
        setPasted(answer.text);
        setReview(null);
        return t("enter.file.read", { file: file.name });
      },
    );

  const write = (overwrite: boolean | null) => {
    if (!review) return;
    const figures = acceptedFigures(drafts);
    if (figures.length === 0) {
      writing.setNotice({ ok: false, text: t("enter.none-ticked") });
      return;
    }
    setWritten([]);
    void writing.run(
      () => port.enterReport({ figures, tally: review.tallyToStore, overwrite, lang }),
      (answer) => {
        if (answer.kind === "confirm") {
          setConfirm(answer);
          return null;
        }
        setConfirm(null);
        setWritten(answer.messages.slice(1));
        if (answer.cells.length > 0) setStep("check");
        return answer.messages[0] ?? null;
      },
    );
  };

  // A refusal of the read clears the old review, so it cannot be written by mistake.
  const shown = reading.notice && !reading.notice.ok ? null : review;

  return (
    <section className={styles.panel} aria-label={t("tab.enter")}>
      <p className={styles.info}>{t("step.hint.enter")}</p>
      <div className={styles.section}>
        <h2 className={styles.h2}>{t("enter.title")}</h2>
        <p className={styles.small} style={{ margin: 0 }}>
          {t("enter.intro")}
        </p>
        <Field label={t("enter.paste")}>
          {(id) => <textarea id={id} ref={pasteBox} className={control} value={pasted} onChange={(e) => setPasted(e.target.value)} rows={6} data-testid="report-paste" />}
        </Field>
        <Field label={t("enter.file")}>
          {(id) => (
            <input
              id={id}
              type="file"
              accept=".txt,.docx,text/plain,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
              data-testid="report-file"
              style={{ maxWidth: "100%" }}
              onChange={(e) => {
                const file = e.target.files?.[0];
                if (file) void pick(file);
              }}
            />
          )}
        </Field>
        <NoticeLine notice={picking.notice} testId="report-file-notice" />
        <div className={styles.actions}>
          <BusyButton appearance="primary" busy={reading.busy} disabled={pasted.trim() === ""} onClick={() => void read(pasted)} data-testid="read-report">
            {t("enter.read")}
          </BusyButton>
        </div>
        <NoticeLine notice={reading.notice} testId="report-notice" />
        {shown && (
          <>
            {shown.messages.length > 1 && (
              <ul className={styles.list} data-testid="report-messages">
                {/* The tally's check is shown in its own box below. */}
                {shown.messages.slice(1).filter((m) => m !== shown.tally?.message).map((m, i) => (
                  <li key={i} className={styles.small}>
                    {m}
                  </li>
                ))}
              </ul>
            )}
            {shown.tally && (
              <div className={shown.tally.agrees === false ? styles.warn : styles.info} data-testid="report-tally">
                <div>{t("enter.tally", { line: shown.tally.line, text: shown.tally.text })}</div>
                {shown.tally.message && <div data-testid="report-tally-check">{shown.tally.message}</div>}
              </div>
            )}
            {shown.warnings.length > 0 && (
              <ul className={styles.list} data-testid="report-warnings">
                {shown.warnings.map((w, i) => (
                  <li key={i} className={styles.small}>
                    {w}
                  </li>
                ))}
              </ul>
            )}
            {drafts.length > 0 && <ReportReviewTable drafts={drafts} onChange={setDrafts} onShowSpan={showSpan} />}
            {shown.unmatched.length > 0 && (
              <details className={styles.box} data-testid="report-unmatched">
                <summary>{t("enter.unmatched", { count: shown.unmatched.length })}</summary>
                <ul className={styles.list}>
                  {shown.unmatched.map((u, i) => (
                    <li key={i} className={styles.small} title={u.text}>
                      {t("enter.unmatched.item", { line: u.line, name: u.name, figure: u.figureText })}
                    </li>
                  ))}
                </ul>
              </details>
            )}
            {shown.unmentioned.length > 0 && (
              <details className={styles.box} data-testid="report-unmentioned">
                <summary>{t("enter.unmentioned", { count: shown.unmentioned.length })}</summary>
                <ul className={styles.list}>
                  {shown.unmentioned.map((u) => (
                    <li key={u.code} className={styles.small}>
                      {u.code} — {u.name}
                    </li>
                  ))}
                </ul>
              </details>
            )}
            {drafts.length > 0 && (
              <div className={styles.actions}>
                <BusyButton appearance="primary" busy={writing.busy && !confirm} onClick={() => write(null)} data-testid="write-report">
                  {t("enter.write")}
                </BusyButton>
              </div>
            )}
            {confirm && (
              <QuestionBox
                question={confirm.message || t("enter.confirm.title")}
                items={confirm.items}
                yesLabel={confirm.confirm}
                noLabel={confirm.cancel}
                busy={writing.busy}
                onYes={() => write(true)}
                onNo={() => write(false)}
                testIds={{ box: "report-confirm", title: "report-confirm-title", yes: "report-confirm-yes", no: "report-confirm-no" }}
              />
            )}
            <NoticeLine notice={writing.notice} testId="write-notice" />
            {written.length > 0 && (
              <ul className={styles.list} data-testid="write-result">
                {written.map((m, i) => (
                  <li key={i} className={styles.info}>
                    {m}
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
      </div>
    </section>
  );
}
