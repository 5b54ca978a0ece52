// The review of the indicators read from pasted text. At 320 px each row is a small card: code and
// name on top (the name keeps the width), then the comparison in words, the target with a decimal
// comma and the unit; rows the importer is unsure of are yellow with "chưa chắc" and why, and each
// shows the line of the text it came from. Every field is editable; any row can be removed.
import type React from "react";
import { Button, mergeClasses } from "@fluentui/react-components";
import type { Comparator, Lang } from "../shared/model";
import { useUi } from "./context";
import { useControlClass } from "./controls";
import { COMPARATOR_ORDER, comparatorWords, formatNumber, targetWords, UNSURE } from "./format";
import type { ResultRow, ReviewRow } from "./host-port";
import { useStyles } from "./styles";

export interface DraftRow {
  row: ReviewRow;
  /** The number boxes as typed ("1.200", "12,5"), read when the plan is loaded. */
  target: string;
  min: string;
  max: string;
}

/** A number in an editable box: always written the Vietnamese way (1.200; 12,5), as the core reads it back. */
export function targetText(value: number | null, _lang: Lang): string {
  return value === null ? "" : formatNumber(value, "vi");
}

/** The source line of a row: a button that shows its span in the pasted text, when the form can. */
const SPAN_BUTTON: React.CSSProperties = { background: "none", border: 0, padding: 0, textAlign: "left", cursor: "pointer", font: "inherit", color: "inherit", width: "100%" };

export function ReviewTable({ rows, results = [], onChange, onShowSpan }: { rows: DraftRow[]; results?: ResultRow[]; onChange: (rows: DraftRow[]) => void; onShowSpan?: (span: { start: number; end: number }) => void }) {
  const styles = useStyles();
  const control = useControlClass(true);
  const { t, lang } = useUi();
  const edit = (index: number, change: Partial<DraftRow> & { fields?: Partial<ReviewRow> }) =>
    onChange(rows.map((draft, i) => (i === index ? { ...draft, ...change, row: { ...draft.row, ...change.fields } } : draft)));
  const unsure = rows.filter((d) => d.row.confidence < UNSURE).length;
  return (
    <div className={styles.review} data-testid="review">
      <p className={styles.info} data-testid="review-count">
        {t("review.found", { count: rows.length })}
        {unsure > 0 ? ` ${t("review.unsure-count", { count: unsure })}` : ""}
      </p>
      <div className={styles.reviewHead} aria-hidden>
        <span>{t("review.col.code")}</span>
        <span>{t("review.col.name")}</span>
      </div>
      {rows.map((draft, i) => {
        const { row } = draft;
        const isUnsure = row.confidence < UNSURE;
        const label = (what: string) => `${what} — ${row.code}`;
        return (
          <div key={i} className={mergeClasses(styles.reviewRow, isUnsure && styles.reviewUnsure)} data-testid="review-row" data-code={row.code} data-unsure={isUnsure || undefined}>
            <input className={control} value={row.code} onChange={(e) => edit(i, { fields: { code: e.target.value } })} aria-label={label(t("review.col.code"))} data-field="code" />
            <input className={control} value={row.name} onChange={(e) => edit(i, { fields: { name: e.target.value } })} aria-label={label(t("review.col.name"))} data-field="name" />
            <div className={styles.reviewTarget}>
              <select
                className={control}
                value={row.comparator ?? ""}
                onChange={(e) => edit(i, { fields: { comparator: (e.target.value || null) as Comparator | null } })}
                aria-label={label(t("review.comparator"))}
                data-field="comparator"
              >
                <option value="">—</option>
                {COMPARATOR_ORDER.map((c) => (
                  <option key={c} value={c}>
                    {comparatorWords(c, lang)}
                  </option>
                ))}
              </select>
              {row.comparator === "range" ? (
                <span style={{ display: "flex", gap: "2px", minWidth: 0 }}>
                  <input className={control} value={draft.min} onChange={(e) => edit(i, { min: e.target.value })} aria-label={label(t("review.min"))} inputMode="decimal" data-field="min" />
                  <input className={control} value={draft.max} onChange={(e) => edit(i, { max: e.target.value })} aria-label={label(t("review.max"))} inputMode="decimal" data-field="max" />
                </span>
              ) : (
                <input className={control} value={draft.target} onChange={(e) => edit(i, { target: e.target.value })} aria-label={label(t("review.col.target"))} inputMode="decimal" data-field="target" />
              )}
              <input className={control} value={row.unit} onChange={(e) => edit(i, { fields: { unit: e.target.value } })} aria-label={label(t("review.col.unit"))} data-field="unit" />
            </div>
            <div className={styles.reviewMeta}>
              {isUnsure && (
                <span className={styles.flag} data-testid="unsure">
                  {t("review.unsure")}
                </span>
              )}
              {isUnsure && row.reasons.length > 0 && <span>{row.reasons.join("; ")}</span>}
              <Button size="small" appearance="subtle" onClick={() => onChange(rows.filter((_r, j) => j !== i))} aria-label={t("review.remove", { code: row.code })}>
                ✕
              </Button>
            </div>
            {row.secondary && (
              <p className={styles.span} data-testid="secondary" title={row.secondary.note}>
                {t("review.secondary", { what: targetWords(row.secondary, lang) })}
              </p>
            )}
            {row.span && onShowSpan && (
              <button type="button" className={styles.span} style={SPAN_BUTTON} data-testid="span" title={t("review.show-span")} onClick={() => row.span && onShowSpan(row.span)}>
                {t("review.from-text", { line: row.span.line, text: row.span.text })}
              </button>
            )}
            {row.span && !onShowSpan && (
              <p className={styles.span} data-testid="span">
                {t("review.from-text", { line: row.span.line, text: row.span.text })}
              </p>
            )}
          </div>
        );
      })}
      {results.length > 0 && (
        <details className={styles.box} data-testid="results">
          <summary>{t("results.title", { count: results.length })}</summary>
          <ul className={styles.list}>
            {results.map((r, i) => (
              <li key={i} className={styles.small} title={r.span?.text}>
                {t("results.item", { name: r.name, actual: formatNumber(r.actual, lang), unit: r.unit })}
                {r.percentOfPlan !== null ? t("results.percent", { percent: formatNumber(r.percentOfPlan, lang) }) : ""}
                {r.estimate ? t("results.estimate") : ""}
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
