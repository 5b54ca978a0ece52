// "Đơn vị": the work of the office that consolidates several units. The blank assignment form
// (giao chỉ tiêu) written into the document; the consolidation of the units' files (Excel: picked
// .xlsx files; Sheets: spreadsheet links, over several rounds) with the units expected (the
// assignment sheet, or a pasted list) and the deadline; then the register of who reported (counts
// and list) and the sheets written. The rules are the core's (shared/workflow/units.ts), so the
// CLI's `summary --expected --deadline` gives the same register.
import { useRef, useState } from "react";
import { useAction, useUi } from "./context";
import { BusyButton, Field, NoticeLine, useControlClass } from "./controls";
import type { ConsolidateAnswer, RegisterView } from "./host-port";
import { useStyles } from "./styles";
import type { TextKey } from "./text";

const COUNTS: { key: TextKey; id: string; of: (c: RegisterView["counts"]) => number }[] = [
  { key: "units.count.received", id: "received", of: (c) => c.sent },
  { key: "units.count.missing", id: "missing", of: (c) => c.missing },
  { key: "units.count.late", id: "late", of: (c) => c.late },
  { key: "units.count.other-plan", id: "other-plan", of: (c) => c.otherPlan },
  { key: "units.count.twice", id: "twice", of: (c) => c.duplicates },
  { key: "units.count.errors", id: "errors", of: (c) => c.withErrors },
];

function Register({ register }: { register: RegisterView }) {
  const styles = useStyles();
  const { t } = useUi();
  return (
    <div className={styles.panel} data-testid="register">
      <p className={styles.h3}>{t("units.register")}</p>
      <p className={register.counts.missing > 0 || register.counts.late > 0 ? styles.warn : styles.info} data-testid="register-sentence">
        {register.sentence}
      </p>
      <ul className={styles.tiles} style={{ listStyle: "none", padding: 0, margin: 0, gridTemplateColumns: "repeat(auto-fill, minmax(120px, 1fr))" }} aria-label={t("units.register")}>
        {COUNTS.map((c) => (
          <li key={c.id} className={styles.finding} data-testid={`register-count-${c.id}`}>
            <strong>{c.of(register.counts)}</strong> {t(c.key)}
          </li>
        ))}
      </ul>
      <ul className={styles.list} data-testid="register-rows">
        {register.rows.map((row, i) => {
          const bad = row.statuses.includes("missing") || (row.file !== null && !row.used);
          const fine = row.statuses.every((s) => s === "received");
          return (
            <li key={i} className={`${styles.finding} ${bad ? styles.findingError : fine ? "" : styles.findingWarning}`}>
              <span>
                <strong>{row.unit}</strong>
                {row.group ? ` (${row.group})` : ""}: {row.labels.join(", ")}
              </span>
              {row.file && (
                <small className={styles.small}>
                  {row.file}
                  {row.date ? ` — ${row.date}` : ""}
                </small>
              )}
              {row.note && <small className={styles.small}>{row.note}</small>}
            </li>
          );
        })}
      </ul>
      <small className={styles.small} data-testid="register-sheets">
        {t("units.register.sheets", { register: register.sheets.register, ranking: register.sheets.ranking })}
      </small>
      {register.notes.map((note, i) => (
        <small key={i} className={styles.small}>
          {note}
        </small>
      ))}
    </div>
  );
}

export function UnitsPanel() {
  const styles = useStyles();
  const control = useControlClass();
  const { port, lang, t, info } = useUi();
  const forming = useAction();
  const consolidating = useAction();
  const [progress, setProgress] = useState<{ text: string; share: number } | null>(null);
  const [links, setLinks] = useState("");
  const [expected, setExpected] = useState("");
  const [deadline, setDeadline] = useState("");
  const [answer, setAnswer] = useState<ConsolidateAnswer | null>(null);
  const files = useRef<HTMLInputElement>(null);

  const makeForm = () => void forming.run(() => port.assignmentForm(lang), (done) => done.message);

  const mode = info?.consolidation ?? "unavailable";
  const consolidate = () => {
    const picked = [...(files.current?.files ?? [])];
    const listed = links.split(/\s+/).filter(Boolean);
    if ((mode === "files" && picked.length === 0) || (mode === "links" && listed.length === 0)) {
      consolidating.setNotice({ ok: false, text: t("consolidate.none") });
      return;
    }
    void consolidating
      .run(
        () => port.consolidate(mode === "files" ? { kind: "files", files: picked } : { kind: "links", links: listed }, lang, (text, share) => setProgress({ text, share }), { expected, deadline }),
        (done) => {
          setProgress(null);
          setAnswer(done);
          return done.message;
        },
      )
      .then(() => setProgress(null));
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
    <section className={styles.panel} aria-label={t("tab.units")}>
      <div className={styles.panel}>
        <small className={styles.small}>{t("units.form.hint")}</small>
        <div className={styles.actions}>
          <BusyButton busy={forming.busy} disabled={!info?.loaded} onClick={makeForm} data-testid="units-form">
            {t("units.form")}
          </BusyButton>
        </div>
        <NoticeLine notice={forming.notice} testId="units-form-notice" />
      </div>
      <div className={styles.section}>
        <h2 className={styles.h2}>{t("consolidate")}</h2>
        {mode === "unavailable" && <p className={styles.info}>{t("consolidate.unavailable")}</p>}
        {mode === "files" && (
          <Field label={t("consolidate.files")}>
            {(id) => <input id={id} ref={files} type="file" multiple accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" data-testid="unit-files" style={{ maxWidth: "100%" }} />}
          </Field>
        )}
        {mode === "links" && (
          <Field label={t("consolidate.links")}>
            {(id) => <textarea id={id} className={control} value={links} onChange={(e) => setLinks(e.target.value)} rows={4} data-testid="unit-links" />}
          </Field>
        )}
        {mode !== "unavailable" && (
          <>
            <Field label={t("units.expected")}>
              {(id) => <textarea id={id} className={control} value={expected} onChange={(e) => setExpected(e.target.value)} rows={3} data-testid="units-expected" />}
            </Field>
            <Field label={t("units.deadline")}>
              {(id) => <input id={id} type="date" className={control} value={deadline} onChange={(e) => setDeadline(e.target.value)} data-testid="units-deadline" />}
            </Field>
            <small className={styles.small}>{t("units.scoring.hint")}</small>
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
          </>
        )}
        {progress && (
          <>
            <progress value={progress.share} max={1} style={{ width: "100%" }} />
            <small className={styles.small}>{progress.text}</small>
          </>
        )}
        <NoticeLine notice={consolidating.notice} testId="consolidate-notice" />
        {answer?.register && <Register register={answer.register} />}
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
    </section>
  );
}
