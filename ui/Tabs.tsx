// The pane's tabs, after the WAI-ARIA tabs pattern: one tab in the Tab order, ←/→ (and Home/End)
// move to and open the neighbouring tab, and the row never wraps (at 320 px it scrolls inside
// itself if a translation is long). Hand-made rather than Fluent's TabList, whose focus library
// (tabster) would add about 25 KB gzipped to the start weight; the look follows Fluent's tokens.
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { useRef, type KeyboardEvent } from "react";

const useTabStyles = makeStyles({
  list: { display: "flex", flexWrap: "nowrap", overflowX: "auto", gap: "0", padding: "4px 6px 0", borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, scrollbarWidth: "thin" },
  tab: {
    flexShrink: 0,
    background: "none",
    border: "none",
    borderBottom: "3px solid transparent",
    padding: "6px 5px 5px",
    font: "inherit",
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
    cursor: "pointer",
    borderRadius: `${tokens.borderRadiusMedium} ${tokens.borderRadiusMedium} 0 0`,
    ":hover": { color: tokens.colorNeutralForeground1, backgroundColor: tokens.colorSubtleBackgroundHover },
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "-2px" },
  },
  selected: { color: tokens.colorNeutralForeground1, fontWeight: tokens.fontWeightSemibold, borderBottomColor: tokens.colorCompoundBrandStroke },
});

export function Tabs<T extends string>({ value, onChange, tabs, label }: { value: T; onChange: (value: T) => void; tabs: { value: T; label: string }[]; label: string }) {
  const styles = useTabStyles();
  const list = useRef<HTMLDivElement>(null);
  const move = (event: KeyboardEvent<HTMLDivElement>) => {
    const at = tabs.findIndex((tab) => tab.value === value);
    const next =
      event.key === "ArrowRight" ? (at + 1) % tabs.length : event.key === "ArrowLeft" ? (at - 1 + tabs.length) % tabs.length : event.key === "Home" ? 0 : event.key === "End" ? tabs.length - 1 : -1;
    if (next < 0) return;
    event.preventDefault();
    onChange(tabs[next].value);
    list.current?.querySelectorAll<HTMLButtonElement>("[role=tab]")[next]?.focus();
  };
  return (
    <div role="tablist" aria-label={label} className={styles.list} ref={list} onKeyDown={move}>
      {tabs.map((tab) => (
        <button
          type="button"
          role="tab"
          key={tab.value}
          id={`tab-${tab.value}`}
          aria-selected={tab.value === value}
          aria-controls={`panel-${tab.value}`}
          tabIndex={tab.value === value ? 0 : -1}
          className={mergeClasses(styles.tab, tab.value === value && styles.selected)}
          onClick={() => onChange(tab.value)}
          data-tab={tab.value}
        >
          {tab.label}
        </button>
      ))}
    </div>
  );
}
