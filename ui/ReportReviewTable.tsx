// The review of a unit's report, row by row, in the plan import's look (ReviewTable.tsx): at 320 px
// each row is a small card — the tick box and code, the plan's name; then the figure as read
// (editable, decimal comma), the unit and the % of plan; the figure already in the cell, when one
// is; rows the reader is unsure of are yellow, "chưa chắc", with why, and not ticked; each shows
// the line of the report it came from (a click selects it in the pasted text).
import type React from "react";
import { mergeClasses } from "@fluentui/react-components";
import { useUi } from "./context";
import { useControlClass } from "./controls";
import { formatNumber } from "./format";
import type { ReportRow } from "./host-port";
import { useStyles } from "./styles";

export interface ReportDraft {
  row: ReportRow;
  accept: boolean;
  /** The figure as the box shows it, edited or not. */
  figure: string;
}

const SPAN_BUTTON: React.CSSProperties = { background: "none", border: 0, padding: 0, textAlign: "left", cursor: "pointer", font: "inherit", color: "inherit", width: "100%" };
const HEAD: React.CSSProperties = { gridTemplateColumns: "auto minmax(0, 1fr)", alignItems: "center" };

export function draftsOf(rows: readonly ReportRow[]): ReportDraft[] {
  return rows.map((row) => ({ row, accept: row.accept, figure: row.figureText }));
}

/** What is sent for a ticked row: the figure as read when the box was not edited, else the text typed (the core reads it). */
export function acceptedFigures(drafts: readonly ReportDraft[]): { code: string; figure: number | boolean | string }[] {
  return drafts.filter((d) => d.accept).map((d) => ({ code: d.row.code, figure: d.figure === d.row.figureText && d.row.figure !== null ? d.row.figure : d.figure }));
}

export function ReportReviewTable({ drafts, onChange, onShowSpan }: { drafts: ReportDraft[]; onChange: (drafts: ReportDraft[]) => void; onShowSpan?: (span: { start: number; end: number }) => void }) {
  const styles = useStyles();
  const control = useControlClass(true);
  const { t, lang } = useUi();
  const edit = (index: number, change: Partial<ReportDraft>) => onChange(drafts.map((d, i) => (i === index ? { ...d, ...change } : d)));
  const ticked = drafts.filter((d) => d.accept).length;
  return (
    <div className={styles.review} data-testid="report-review">
      <p className={styles.info} data-testid="report-count">
        {t("enter.count", { count: drafts.length, ticked })}
      </p>
      {drafts.map((draft, i) => {
        const { row } = draft;
        return (
          <div key={`${row.code}-${i}`} className={mergeClasses(styles.reviewRow, row.unsure && styles.reviewUnsure)} style={HEAD} data-testid="report-row" data-code={row.code} data-unsure={row.unsure || undefined} data-change={row.change}>
            <label style={{ display: "flex", gap: "4px", alignItems: "center", fontWeight: 600 }}>
              <input type="checkbox" checked={draft.accept} disabled={row.figure === null && draft.figure.trim() === ""} onChange={(e) => edit(i, { accept: e.target.checked })} aria-label={t("enter.accept", { code: row.code })} data-field="accept" />
              <span>{row.code}</span>
            </label>
            <span data-field="name">{row.name}</span>
            <div className={styles.reviewTarget}>
              <input className={control} value={draft.figure} onChange={(e) => edit(i, { figure: e.target.value, accept: e.target.value.trim() !== "" ? true : draft.accept })} aria-label={t("enter.figure", { code: row.code })} inputMode="decimal" data-field="figure" />
              <span className={styles.small} style={{ alignSelf: "center" }}>
                {row.unit}
              </span>
              <span className={styles.small} style={{ alignSelf: "center" }} data-field="percent">
                {row.percentOfPlan !== null ? t("enter.percent", { percent: formatNumber(row.percentOfPlan, lang) }) : ""}
              </span>
            </div>
            <div className={styles.reviewMeta}>
              {row.unsure && (
                <span className={styles.flag} data-testid="unsure">
                  {t("review.unsure")}
                </span>
              )}
              {row.unsure && row.notes.length > 0 && <span>{row.notes.join("; ")}</span>}
              {row.change === "differs" && row.cell && (
                <span className={styles.warn} style={{ padding: "0 4px" }} data-testid="old">
                  {t("enter.old", { cell: row.cell, old: row.oldText ?? "" })}
                </span>
              )}
              {row.change === "same" && row.cell && <span data-testid="same">{t("enter.same", { cell: row.cell })}</span>}
              {row.change === "nothing" && <span>{t("enter.no-figure")}</span>}
              {!row.unsure && row.notes.length > 0 && <span className={styles.small}>{row.notes.join("; ")}</span>}
            </div>
            {onShowSpan ? (
              <button type="button" className={styles.span} style={SPAN_BUTTON} data-testid="span" title={t("review.show-span")} onClick={() => onShowSpan(row.span)}>
                {t("review.from-text", { line: row.span.line, text: row.span.text })}
              </button>
            ) : (
              <p className={styles.span} data-testid="span">
                {t("review.from-text", { line: row.span.line, text: row.span.text })}
              </p>
            )}
          </div>
        );
      })}
    </div>
  );
}
