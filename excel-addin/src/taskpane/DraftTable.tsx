// The review table of the indicators the importer found in pasted text: every field editable, the
// unsure ones highlighted, any row removable, before the plan is loaded.
import { Button } from "@fluentui/react-components";
import type { ImportedIndicator } from "../../../shared/import";
import { COMPARATORS, type Comparator } from "../../../shared/model";
import { useText } from "./App";
import { useStyles } from "./styles";

export interface DraftRow {
  indicator: ImportedIndicator;
  targetText: string;
}

export function DraftTable({ rows, onEdit, onRemove }: { rows: DraftRow[]; onEdit: (index: number, change: Partial<ImportedIndicator>, targetText?: string) => void; onRemove: (index: number) => void }) {
  const styles = useStyles();
  const t = useText();
  return (
    <>
      <p className={styles.info}>{t("xl.plan.found", { count: rows.length })}</p>
      <table className={styles.table} data-testid="draft">
        <thead>
          <tr>
            <th>{t("xl.col.code")}</th>
            <th>{t("xl.col.name")}</th>
            <th>{t("xl.col.unit")}</th>
            <th>{t("xl.col.target")}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {rows.map(({ indicator, targetText }, i) => (
            <tr key={i} title={indicator.span.text} style={indicator.confidence < 0.7 ? { background: "#FFF4CE" } : undefined}>
              <td style={{ width: "3.5em" }}>
                <input className={styles.cellInput} value={indicator.code} onChange={(e) => onEdit(i, { code: e.target.value })} aria-label={t("xl.col.code")} />
              </td>
              <td>
                <input className={styles.cellInput} value={indicator.name} onChange={(e) => onEdit(i, { name: e.target.value })} aria-label={t("xl.col.name")} />
                {indicator.confidence < 0.7 && <small>{t("xl.plan.low-confidence")}</small>}
              </td>
              <td style={{ width: "4.5em" }}>
                <input className={styles.cellInput} value={indicator.unit} onChange={(e) => onEdit(i, { unit: e.target.value })} aria-label={t("xl.col.unit")} />
              </td>
              <td style={{ width: "7em" }}>
                <select value={indicator.comparator ?? ""} onChange={(e) => onEdit(i, { comparator: (e.target.value || null) as Comparator | null })} aria-label="comparator">
                  <option value="">—</option>
                  {COMPARATORS.map((c) => (
                    <option key={c} value={c}>
                      {c}
                    </option>
                  ))}
                </select>
                <input className={styles.cellInput} value={targetText} onChange={(e) => onEdit(i, {}, e.target.value)} aria-label={t("xl.col.target")} />
              </td>
              <td>
                <Button size="small" appearance="subtle" onClick={() => onRemove(i)}>
                  {t("xl.plan.remove")}
                </Button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
