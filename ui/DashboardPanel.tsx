// "Tình hình": how many indicators stand at each status, and the near-miss ("Gần đạt") among the
// misses, from the sheet as it is now. Each tile is a button: pressed, it lists its indicators, and
// each of those can have its assessment adjusted right there. Below, completion per indicator as a
// bar chart (ui/DashboardChart.tsx), filtered by the pressed tile too.
import { mergeClasses } from "@fluentui/react-components";
import { useEffect, useRef, useState } from "react";
import { useAction, useUi } from "./context";
import { BusyButton, NoticeLine } from "./controls";
import { STATUS_ORDER } from "./format";
import type { DashboardRow, DashboardView } from "./host-port";
import { OverrideForm } from "./OverrideForm";
import { DashboardChart } from "./DashboardChart";
import { STATUS_COLOURS, useStyles } from "./styles";

type Filter = DashboardRow["status"] | "near-miss";

export function DashboardPanel({ autoRun, visible }: { autoRun: number | null; visible: boolean }) {
  const styles = useStyles();
  const { port, lang, t } = useUi();
  const [data, setData] = useState<DashboardView | null>(null);
  const [filter, setFilter] = useState<Filter | null>(null);
  const [overrideFor, setOverrideFor] = useState<string | null>(null);
  const refreshing = useAction();
  const wasVisible = useRef(false);

  const refresh = () => refreshing.run(() => port.dashboard(lang), (view) => void setData(view));

  // Fresh figures each time the tab is opened, and when the ribbon asks.
  useEffect(() => {
    if (visible && !wasVisible.current) void refresh();
    wasVisible.current = visible;
  }, [visible]);
  useEffect(() => {
    if (autoRun !== null) void refresh();
  }, [autoRun]);

  const tiles: { key: Filter; label: string; count: number; colour: string }[] = data
    ? [
        ...STATUS_ORDER.map((status) => ({ key: status as Filter, label: status, count: data.counts[status], colour: STATUS_COLOURS[status] })),
        { key: "near-miss" as Filter, label: data.amberLabel, count: data.nearMiss, colour: STATUS_COLOURS.amber },
      ]
    : [];
  const shown = data && filter ? data.rows.filter((r) => r.counted !== false && (filter === "near-miss" ? r.nearMiss : r.status === filter)) : [];
  const filterLabel = tiles.find((tile) => tile.key === filter)?.label ?? "";

  return (
    <section className={styles.panel} aria-label={t("tab.dashboard")}>
      <div className={styles.actions}>
        <BusyButton busy={refreshing.busy} onClick={() => void refresh()} data-testid="dashboard-refresh">
          {t("dashboard.refresh")}
        </BusyButton>
      </div>
      <NoticeLine notice={refreshing.notice} testId="dashboard-notice" />
      {data && (
        <>
          <p className={styles.info}>
            {data.unit} — {data.year}. {t("dashboard.total", { counted: data.counted })}
          </p>
          <div className={styles.tiles} data-testid="dashboard-counts">
            {tiles.map((tile) => (
              <button
                type="button"
                key={tile.key}
                className={mergeClasses(styles.tile, filter === tile.key && styles.tileOn)}
                style={{ background: tile.colour }}
                aria-pressed={filter === tile.key}
                aria-label={t("dashboard.tile", { count: tile.count, status: tile.label })}
                onClick={() => setFilter(filter === tile.key ? null : tile.key)}
                data-status={tile.key}
              >
                <span className={styles.tileNumber}>{tile.count}</span>
                {tile.label}
              </button>
            ))}
          </div>
          {filter && (
            <div className={styles.panel} data-testid="dashboard-list">
              <p className={styles.h3}>{t("dashboard.list", { status: filterLabel })}</p>
              {shown.length === 0 && <p className={styles.small}>{t("dashboard.list.none")}</p>}
              <ul className={styles.list}>
                {shown.map((row) => (
                  <li key={row.code} className={styles.finding} data-code={row.code}>
                    <span>
                      <span className={styles.cellRef}>{row.code}</span>
                      {row.name}
                    </span>
                    <div className={styles.actions}>
                      <BusyButton size="small" appearance="subtle" busy={false} onClick={() => setOverrideFor(overrideFor === row.code ? null : row.code)} aria-expanded={overrideFor === row.code} data-testid="open-override">
                        {t("override")}
                      </BusyButton>
                    </div>
                    {overrideFor === row.code && <OverrideForm code={row.code} onClose={() => setOverrideFor(null)} onDone={() => void refresh()} />}
                  </li>
                ))}
              </ul>
            </div>
          )}
          {/* The bars of the indicators the pressed tile stands for, or of all. */}
          <DashboardChart rows={filter ? shown : data.rows} lang={lang} t={t} />
          <p className={styles.info} data-testid="dashboard-sentence">
            {data.sentence}
          </p>
        </>
      )}
    </section>
  );
}
