// "Kiểm tra": the findings, errors first, blanks of a section as one line; a click (or Enter) on a
// finding selects its cell; a one-click fix beside it (a number typed as text, a ÷ 1.000 slip),
// "fix all" for every number typed as text, and the assessment override opened from the finding.
// After a fix the list is checked again and the focus stays where the clerk was.
import { mergeClasses } from "@fluentui/react-components";
import { useEffect, useRef, useState } from "react";
import { useAction, useUi } from "./context";
import { BusyButton, NoticeLine } from "./controls";
import { findingLines, fixLabel, textNumberFixes, type FindingLine } from "./findings";
import type { CheckView, FindingItem } from "./host-port";
import { OverrideForm } from "./OverrideForm";
import { useStyles } from "./styles";

export function CheckPanel({ autoRun }: { autoRun: number | null }) {
  const styles = useStyles();
  const { port, lang, t, setStep, setErrorsLeft } = useUi();
  const [result, setResult] = useState<CheckView | null>(null);
  const [overrideFor, setOverrideFor] = useState<string | null>(null);
  const checking = useAction();
  const fixing = useAction();
  const [fixedAt, setFixedAt] = useState<string | null>(null);
  const list = useRef<HTMLUListElement>(null);
  const focusAfter = useRef<number | null>(null);

  const check = () =>
    checking.run(
      () => port.check(lang),
      (view) => {
        setResult(view);
        setErrorsLeft(view.errors);
        // Errors to fix: step 3; figures still blank: step 2; else the summary is next.
        setStep(view.errors > 0 ? "check" : view.findings.some((f) => f.rule === "blank") ? "enter" : "summary");
        return null;
      },
    );

  // Runs when the ribbon or the menu asks again (a new timestamp), not on every render.
  useEffect(() => {
    if (autoRun !== null) void check();
  }, [autoRun]);

  const lines = result ? findingLines(result.findings, lang) : [];

  // After a fix the list is new: focus goes to the line now at the fixed one's place.
  useEffect(() => {
    if (focusAfter.current === null || !list.current) return;
    const buttons = list.current.querySelectorAll<HTMLButtonElement>("[data-goto]");
    const target = buttons[Math.min(focusAfter.current, buttons.length - 1)];
    focusAfter.current = null;
    target?.focus();
  }, [result]);

  const goTo = (finding: FindingItem) => {
    if (finding.sheet && finding.cell) void port.selectCell(finding.sheet, finding.cell);
  };

  const fix = async (findings: FindingItem[], key: string, index: number) => {
    setFixedAt(key);
    const done = await fixing.run(() => port.fix(findings, lang), (r) => r.message);
    if (!done) return;
    focusAfter.current = index;
    await check();
  };

  const all = result ? textNumberFixes(result.findings) : [];

  return (
    <section className={styles.panel} aria-label={t("tab.check")}>
      <div className={styles.actions}>
        <BusyButton appearance="primary" busy={checking.busy} onClick={() => void check()} data-testid="check">
          {t("check")}
        </BusyButton>
        {all.length > 1 && (
          <BusyButton busy={fixing.busy && fixedAt === "all"} onClick={() => void fix(all, "all", 0)} data-testid="fix-all">
            {t("fix.all", { count: all.length })}
          </BusyButton>
        )}
      </div>
      <NoticeLine notice={checking.notice} testId="check-notice" />
      {(fixedAt === "all" || !lines.some((l) => l.key === fixedAt)) && <NoticeLine notice={fixing.notice} testId="fix-notice" />}
      {result && (
        <p className={result.findings.length === 0 ? styles.success : styles.info} data-testid="check-counts" role="status">
          {result.findings.length === 0 ? t("check.clean") : t("check.counts", { errors: result.errors, warnings: result.warnings })}
        </p>
      )}
      {lines.length > 0 && (
        <ul className={styles.list} data-testid="findings" ref={list}>
          {lines.map((line, index) => (
            <FindingRow
              key={line.key}
              line={line}
              onRecheck={() => void check()}
              onGoTo={goTo}
              onFix={(f) => void fix([f], line.key, index)}
              fixBusy={fixing.busy && fixedAt === line.key}
              fixNotice={fixedAt === line.key ? fixing.notice : null}
              overrideOpen={overrideFor === line.key}
              onOverride={() => setOverrideFor(overrideFor === line.key ? null : line.key)}
            />
          ))}
        </ul>
      )}
      <div className={styles.section}>
        <h2 className={styles.h2}>{t("override")}</h2>
        <OverrideForm code="" focusOnOpen={false} />
      </div>
    </section>
  );
}

function FindingRow({
  line,
  onRecheck,
  onGoTo,
  onFix,
  fixBusy,
  fixNotice,
  overrideOpen,
  onOverride,
}: {
  line: FindingLine;
  onRecheck: () => void;
  onGoTo: (f: FindingItem) => void;
  onFix: (f: FindingItem) => void;
  fixBusy: boolean;
  fixNotice: ReturnType<typeof useAction>["notice"];
  overrideOpen: boolean;
  onOverride: () => void;
}) {
  const styles = useStyles();
  const { lang, t } = useUi();
  const { finding } = line;
  const label = fixLabel(finding, lang);
  return (
    <li
      className={mergeClasses(styles.finding, finding.severity === "error" ? styles.findingError : styles.findingWarning)}
      data-rule={finding.rule}
      data-cell={finding.cell ?? ""}
      data-code={finding.code ?? ""}
      data-count={line.count}
    >
      <button type="button" className={styles.findingText} onClick={() => onGoTo(finding)} data-goto title={finding.cell ? t("finding.goto", { cell: finding.cell }) : undefined}>
        <span className={styles.severity}>{finding.severity === "error" ? t("severity.error") : t("severity.warning")}</span>
        {finding.cell && <span className={styles.cellRef}>{finding.cell}</span>}
        {finding.message}
      </button>
      {(label || finding.code) && (
        <div className={styles.actions}>
          {label && (
            <BusyButton size="small" busy={fixBusy} onClick={() => onFix(finding)} data-testid="fix">
              {label}
            </BusyButton>
          )}
          {finding.code && (
            <BusyButton size="small" appearance="subtle" busy={false} onClick={onOverride} aria-expanded={overrideOpen} data-testid="open-override">
              {t("override")}
            </BusyButton>
          )}
        </div>
      )}
      <NoticeLine notice={fixNotice} testId="fix-notice" />
      {overrideOpen && finding.code && <OverrideForm code={finding.code} onClose={onOverride} onDone={onRecheck} />}
    </li>
  );
}
