// Form controls for the pane: native <input>/<select>/<textarea> dressed in Fluent UI's design
// tokens. Fluent's own Field/Input/Select/TabList would add about 45 KB gzipped to the start
// weight (measured with the build), over the 150 KB goal; buttons stay Fluent's.
import { makeStyles, tokens, ToggleButton } from "@fluentui/react-components";
import type { ReactNode } from "react";
import { useId } from "react";

const useControlStyles = makeStyles({
  field: { display: "flex", flexDirection: "column", gap: "2px", minWidth: 0 },
  label: { fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground1 },
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
    ":focus": { outline: `2px solid ${tokens.colorBrandStroke1}`, outlineOffset: "-1px" },
  },
  tabs: { display: "flex", flexWrap: "wrap", gap: "4px", padding: "4px 8px" },
  check: { display: "flex", gap: "8px", alignItems: "center", fontSize: tokens.fontSizeBase300 },
});

export function Field({ label, children, required, className }: { label: string; children: (id: string) => ReactNode; required?: boolean; className?: string }) {
  const styles = useControlStyles();
  const id = useId();
  return (
    <div className={className ? `${styles.field} ${className}` : styles.field}>
      <label htmlFor={id} className={styles.label}>
        {label}
        {required && (
          <span className={styles.required} aria-hidden>
            *
          </span>
        )}
      </label>
      {children(id)}
    </div>
  );
}

export function useControlClass(): string {
  return useControlStyles().control;
}

export function CheckboxField({ label, checked, onChange }: { label: string; checked: boolean; onChange: (checked: boolean) => void }) {
  const styles = useControlStyles();
  return (
    <label className={styles.check}>
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      {label}
    </label>
  );
}

export function Tabs<T extends string>({ value, onChange, tabs }: { value: T; onChange: (value: T) => void; tabs: { value: T; label: string }[] }) {
  const styles = useControlStyles();
  return (
    <div role="tablist" className={styles.tabs}>
      {tabs.map((tab) => (
        <ToggleButton
          key={tab.value}
          role="tab"
          aria-selected={tab.value === value}
          checked={tab.value === value}
          appearance={tab.value === value ? "primary" : "subtle"}
          size="small"
          onClick={() => onChange(tab.value)}
          data-tab={tab.value}
        >
          {tab.label}
        </ToggleButton>
      ))}
    </div>
  );
}
