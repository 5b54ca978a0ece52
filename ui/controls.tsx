// Form controls: native <input>/<select>/<textarea> dressed in Fluent UI's tokens (Fluent's own
// Field/Input/Select would weigh on the start size for nothing the clerk sees), Fluent's Button
// with a spinner while its command runs, and the notice shown beside a button.
import { Button, makeStyles, mergeClasses, Spinner, tokens, type ButtonProps } from "@fluentui/react-components";
import { useEffect, useId, useRef, type ReactNode } from "react";
import type { Notice } from "./context";
import { useStyles } from "./styles";

const useControlStyles = makeStyles({
  field: { display: "flex", flexDirection: "column", gap: "2px", minWidth: 0 },
  label: { fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground1 },
  hint: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3 },
  required: { color: tokens.colorPaletteRedForeground3, paddingLeft: "4px" },
  control: {
    font: "inherit",
    fontSize: tokens.fontSizeBase300,
    color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderBottomColor: tokens.colorNeutralStrokeAccessible,
    borderRadius: tokens.borderRadiusMedium,
    padding: "5px 8px",
    minHeight: "32px",
    boxSizing: "border-box",
    width: "100%",
    minWidth: 0,
    ":focus": { outline: `2px solid ${tokens.colorBrandStroke1}`, outlineOffset: "-1px" },
  },
  small: { padding: "2px 4px", minHeight: "26px", fontSize: tokens.fontSizeBase200 },
  check: { display: "flex", gap: "8px", alignItems: "flex-start", fontSize: tokens.fontSizeBase300 },
});

export function Field({ label, hint, children, required, className }: { label: string; hint?: string; children: (id: string) => ReactNode; required?: boolean; className?: string }) {
  const styles = useControlStyles();
  const id = useId();
  return (
    <div className={mergeClasses(styles.field, className)}>
      <label htmlFor={id} className={styles.label}>
        {label}
        {required && (
          <span className={styles.required} aria-hidden>
            *
          </span>
        )}
      </label>
      {children(id)}
      {hint && <span className={styles.hint}>{hint}</span>}
    </div>
  );
}

export function useControlClass(small = false): string {
  const styles = useControlStyles();
  return small ? mergeClasses(styles.control, styles.small) : styles.control;
}

export function CheckboxField({ label, checked, onChange, testId }: { label: string; checked: boolean; onChange: (checked: boolean) => void; testId?: string }) {
  const styles = useControlStyles();
  return (
    <label className={styles.check}>
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} data-testid={testId} />
      <span>{label}</span>
    </label>
  );
}

/** A Fluent button that shows a spinner and stays in place (and focusable) while its command runs. */
export function BusyButton({ busy, children, disabled, ...props }: ButtonProps & { busy: boolean }) {
  return (
    <Button {...props} disabledFocusable={busy || Boolean(disabled)} aria-busy={busy || undefined} icon={busy ? <Spinner size="extra-tiny" /> : props.icon}>
      {children}
    </Button>
  );
}

/** The result or refusal of the button just above it; scrolled into view when it appears. */
export function NoticeLine({ notice, testId }: { notice: Notice | null; testId?: string }) {
  const styles = useStyles();
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    ref.current?.scrollIntoView?.({ block: "nearest" });
  }, [notice]);
  if (!notice) return null;
  return (
    <p ref={ref} className={notice.ok ? styles.success : styles.error} role={notice.ok ? "status" : "alert"} data-testid={testId}>
      {notice.text}
    </p>
  );
}
