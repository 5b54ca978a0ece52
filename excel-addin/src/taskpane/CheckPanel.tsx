// "Kiểm tra số liệu": findings by severity; a click selects the cell; a number typed as text has its
// one-click fix; and a status override with its reason.
import { Button } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import { STATUSES, type Finding, type Status } from "../../../shared/model";
import { checkSheet, fixLabel, fixNumberAsText, selectCell, setOverride, type CheckResult } from "../adapter/commands";
import { formatNumberFor } from "../../../shared/validate";
import { usePane, useText } from "./App";
import { mergeClasses } from "@fluentui/react-components";
import { Field, useControlClass } from "./controls";
import { useStyles } from "./styles";

export function CheckPanel({ autoRun }: { autoRun: number | null }) {
  const styles = useStyles();
  const control = useControlClass();
  const t = useText();
  const { lang, run, busy } = usePane();
  const [result, setResult] = useState<CheckResult | null>(null);
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);
  const [code, setCode] = useState("");
  const [status, setStatus] = useState<Status | "">("");
  const [reason, setReason] = useState("");

  const check = async () => {
    setNotice(null);
    const outcome = await run((context) => checkSheet(context, lang));
    if (!outcome) return;
    if (outcome.ok) setResult(outcome);
    else {
      setResult(null);
      setNotice({ ok: false, text: outcome.message });
    }
  };

  // Runs when the ribbon asks again (a new timestamp), not on every render.
  useEffect(() => {
    if (autoRun !== null) void check();
  }, [autoRun]);

  const goTo = (finding: Finding) => {
    if (finding.sheet && finding.cell) void run((context) => selectCell(context, finding.sheet!, finding.cell!));
  };

  const fix = async (finding: Finding) => {
    const outcome = await run((context) => fixNumberAsText(context, finding, lang));
    if (!outcome) return;
    if (!outcome.ok) {
      setNotice({ ok: false, text: outcome.message });
      return;
    }
    await check();
    setNotice({ ok: true, text: t("xl.fix.done", { cell: outcome.cell, value: formatNumberFor(finding.fix?.value ?? 0, lang) }) });
  };

  const applyOverride = async () => {
    const outcome = await run((context) => setOverride(context, code.trim(), status === "" ? null : status, reason, lang));
    if (!outcome) return;
    if (!outcome.ok) setNotice({ ok: false, text: outcome.message });
    else setNotice({ ok: true, text: status === "" ? t("xl.override.cleared", { code }) : t("xl.override.done", { code, status }) });
  };

  return (
    <section className={styles.panel} aria-label={t("xl.tab.check")}>
      <Button appearance="primary" onClick={() => void check()} disabled={busy} data-testid="check">
        {busy ? t("xl.checking") : t("xl.check")}
      </Button>
      {notice && (
        <p className={notice.ok ? styles.success : styles.error} role="status" data-testid="notice">
          {notice.text}
        </p>
      )}
      {result && (
        <>
          <p className={result.findings.length === 0 ? styles.success : styles.info} data-testid="check-counts">
            {result.findings.length === 0 ? t("xl.check.clean") : t("xl.check.counts", { errors: result.errors, warnings: result.warnings })}
          </p>
          <ul className={styles.list} data-testid="findings">
            {result.findings.map((finding, i) => {
              const label = fixLabel(finding, lang);
              return (
                <li
                  key={i}
                  className={mergeClasses(styles.finding, finding.severity === "error" ? styles.findingError : styles.findingWarning)}
                  onClick={() => goTo(finding)}
                  onKeyDown={(e) => (e.key === "Enter" ? goTo(finding) : undefined)}
                  tabIndex={0}
                  role="button"
                  data-rule={finding.rule}
                  data-cell={finding.cell ?? ""}
                  title={finding.cell ? t("xl.goto", { cell: finding.cell }) : undefined}
                >
                  <span className={styles.severity}>{finding.severity === "error" ? t("xl.severity.error") : t("xl.severity.warning")}</span>
                  {finding.message}
                  {label && (
                    <div>
                      <Button
                        size="small"
                        onClick={(e) => {
                          e.stopPropagation();
                          void fix(finding);
                        }}
                        data-testid="fix"
                      >
                        {label}
                      </Button>
                    </div>
                  )}
                </li>
              );
            })}
          </ul>
        </>
      )}
      <div className={styles.section}>
        <h2 className={styles.h2}>{t("xl.override")}</h2>
        <div className={styles.row}>
          <Field label={t("xl.override.code")}>
            {(id) => <input id={id} className={control} value={code} onChange={(e) => setCode(e.target.value)} style={{ width: "6em" }} data-testid="override-code" />}
          </Field>
          <Field label={t("xl.override.status")} className={styles.grow}>
            {(id) => (
              <select id={id} className={control} value={status} onChange={(e) => setStatus(e.target.value as Status | "")} data-testid="override-status">
                <option value="">{t("xl.override.none")}</option>
                {STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {s}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <Field label={t("xl.override.reason")}>
          {(id) => <input id={id} className={control} value={reason} onChange={(e) => setReason(e.target.value)} data-testid="override-reason" />}
        </Field>
        <Button onClick={() => void applyOverride()} disabled={busy || code.trim() === ""}>
          {t("xl.override.apply")}
        </Button>
      </div>
    </section>
  );
}
