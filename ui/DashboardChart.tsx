// "Tình hình": completion per indicator as a bar chart drawn with plain elements (no chart library
// in the start weight): one bar of % TH/KH per indicator, coloured by its status (a near miss amber),
// the 100 % line, and the status in words where a row has no %; the same bars as the summary
// sheet's native chart and the report's picture (shared/chart/model.ts). The tiles above filter it.
import { formatNumber } from "./format";
import type { DashboardRow } from "./host-port";
import { STATUS_COLOURS } from "./styles";
import type { TextKey } from "./text";
import type { Lang } from "../shared/model";

/** The axis' right end: at least 120 %, rounded up to 20, at most 200 (longer bars are clipped, their figure still shown). */
export function axisMax(rows: readonly DashboardRow[]): number {
  let top = 100;
  for (const r of rows) if (typeof r.percent === "number" && Number.isFinite(r.percent) && r.percent > top) top = r.percent;
  return Math.min(200, Math.max(120, Math.ceil(top / 20) * 20));
}

export function DashboardChart({ rows, lang, t }: { rows: readonly DashboardRow[]; lang: Lang; t: (key: TextKey, params?: Record<string, string | number>) => string }) {
  const max = axisMax(rows);
  const at = (value: number) => `${(Math.min(value, max) / max) * 100}%`;
  return (
    <figure style={{ margin: 0, display: "flex", flexDirection: "column", gap: "4px" }} data-testid="dashboard-chart" aria-label={t("dashboard.chart")}>
      <figcaption style={{ fontWeight: 600 }}>{t("dashboard.chart")}</figcaption>
      <ul style={{ listStyle: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: "6px" }}>
        {rows.map((row) => {
          const colour = row.nearMiss ? STATUS_COLOURS.amber : (STATUS_COLOURS[row.status] ?? "#6E6E6E");
          const has = typeof row.percent === "number";
          return (
            <li key={row.code} data-code={row.code} data-status={row.status} data-counted={row.counted !== false} style={{ display: "flex", flexDirection: "column", gap: "2px", minWidth: 0 }}>
              <span style={{ fontSize: "12px", overflowWrap: "anywhere" }}>
                {row.code}. {row.name}
              </span>
              <span style={{ position: "relative", display: "block", height: "14px", background: "#F0F0F0", borderRadius: "2px" }}>
                {has && <span data-testid="bar" style={{ position: "absolute", left: 0, top: 0, bottom: 0, width: at(row.percent as number), background: colour, borderRadius: "2px" }} />}
                <span aria-hidden="true" style={{ position: "absolute", top: "-2px", bottom: "-2px", left: at(100), borderLeft: "2px dashed #000" }} />
              </span>
              <span style={{ fontSize: "12px", color: colour }} data-testid="bar-value">
                {has ? `${formatNumber(Math.round((row.percent as number) * 10) / 10, lang)}% · ${row.status}` : row.status}
              </span>
            </li>
          );
        })}
      </ul>
      <small style={{ fontSize: "12px" }}>{t("dashboard.chart.line")}</small>
    </figure>
  );
}
