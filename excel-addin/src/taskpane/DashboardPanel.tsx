// "Bảng điều khiển": how many indicators stand at each status, from the sheet as it is now.
import { Button } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import { STATUSES } from "../../../shared/model";
import { dashboard, type DashboardResult } from "../adapter/commands";
import { usePane, useText } from "./App";
import { STATUS_COLOURS, useStyles } from "./styles";

export function DashboardPanel({ autoRun }: { autoRun: number | null }) {
  const styles = useStyles();
  const t = useText();
  const { lang, run, busy } = usePane();
  const [data, setData] = useState<DashboardResult | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  const refresh = async () => {
    const outcome = await run((context) => dashboard(context, lang));
    if (!outcome) return;
    if (outcome.ok) {
      setData(outcome);
      setMessage(null);
    } else {
      setData(null);
      setMessage(outcome.message);
    }
  };

  useEffect(() => {
    void refresh();
  }, [autoRun]);

  return (
    <section className={styles.panel} aria-label={t("xl.tab.dashboard")}>
      <Button onClick={() => void refresh()} disabled={busy} data-testid="dashboard-refresh">
        {t("xl.dashboard.refresh")}
      </Button>
      {message && <p className={styles.info}>{message}</p>}
      {data && (
        <>
          <p className={styles.info}>
            {data.unit} — {data.year}. {t("xl.dashboard.total", { counted: data.counted })}
          </p>
          <div className={styles.counts} data-testid="dashboard-counts">
            {STATUSES.map((status) => (
              <div key={status} className={styles.count} style={{ background: STATUS_COLOURS[status] }} data-status={status}>
                <span className={styles.countNumber}>{data.counts[status]}</span>
                {status}
              </div>
            ))}
          </div>
          <p className={styles.info}>{data.sentence}</p>
        </>
      )}
    </section>
  );
}
