// "Điều chỉnh đánh giá": a status set by hand with its reason (giải trình), opened from a finding,
// from a dashboard row, or for the row the cursor is on; its answer appears under its own button.
import { useEffect, useRef, useState } from "react";
import type { Status } from "../shared/model";
import { useAction, useUi } from "./context";
import { BusyButton, Field, NoticeLine, useControlClass } from "./controls";
import { STATUS_ORDER } from "./format";
import { useStyles } from "./styles";

export function OverrideForm({ code: initialCode, onClose, onDone, focusOnOpen = true }: { code: string; onClose?: () => void; onDone?: () => void; focusOnOpen?: boolean }) {
  const styles = useStyles();
  const control = useControlClass();
  const { port, lang, t } = useUi();
  const [code, setCode] = useState(initialCode);
  const [status, setStatus] = useState<Status | "">("");
  const [reason, setReason] = useState("");
  const action = useAction();
  const picking = useAction();
  const first = useRef<HTMLSelectElement>(null);
  useEffect(() => setCode(initialCode), [initialCode]);
  useEffect(() => {
    if (focusOnOpen) first.current?.focus();
  }, [focusOnOpen]);

  const apply = () => {
    if (code.trim() === "") return action.setNotice({ ok: false, text: t("override.need-code") });
    if (status !== "" && reason.trim() === "") return action.setNotice({ ok: false, text: t("override.need-reason") });
    void action.run(
      () => port.override(code.trim(), status === "" ? null : status, reason, lang),
      (done) => {
        onDone?.();
        return done.message;
      },
    );
  };

  const fromSelection = () =>
    picking.run(
      () => port.selectedCode(lang),
      (picked) => {
        if (picked.code === null) return t("override.no-selection");
        setCode(picked.code);
        first.current?.focus();
        return null;
      },
    );

  return (
    <div className={styles.box} data-testid="override-form" role="group" aria-label={t("override.for", { code: code || "…" })}>
      <div className={styles.row}>
        <Field label={t("override.code")}>
          {(id) => <input id={id} className={control} value={code} onChange={(e) => setCode(e.target.value)} style={{ width: "6em" }} data-testid="override-code" />}
        </Field>
        <Field label={t("override.status")} className={styles.grow}>
          {(id) => (
            <select id={id} ref={first} className={control} value={status} onChange={(e) => setStatus(e.target.value as Status | "")} data-testid="override-status">
              <option value="">{t("override.none")}</option>
              {STATUS_ORDER.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <Field label={t("override.reason")}>
        {(id) => <textarea id={id} className={control} value={reason} onChange={(e) => setReason(e.target.value)} rows={2} data-testid="override-reason" />}
      </Field>
      <div className={styles.actions}>
        <BusyButton appearance="primary" busy={action.busy} onClick={apply} data-testid="override-apply">
          {t("override.apply")}
        </BusyButton>
        {!onClose && (
          <BusyButton busy={picking.busy} onClick={() => void fromSelection()} data-testid="override-pick">
            {t("override.from-selection")}
          </BusyButton>
        )}
        {onClose && (
          <BusyButton busy={false} appearance="subtle" onClick={onClose} data-testid="override-close">
            {t("override.close")}
          </BusyButton>
        )}
      </div>
      <NoticeLine notice={picking.notice} testId="override-pick-notice" />
      <NoticeLine notice={action.notice} testId="override-notice" />
    </div>
  );
}
