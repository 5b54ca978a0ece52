// The ranking sheet (bảng chấm điểm thi đua): per group (cụm, khối), each unit's rank, the points
// of each indicator (weight × the points of its assessment, coloured by the assessment), the
// bonuses and penalties, the total, and the proposed title ("đề nghị tặng Cờ thi đua").
import type { Consolidation } from "../consolidate";
import { SCORED_STATUSES, type ScoringResult, type UnitScore } from "../consolidation/scoring";
import { t } from "../i18n";
import type { Lang } from "../model";
import { formatNumberFor } from "../validate";
import { SheetBuilder } from "./builder";
import { decree30Print, SHEET_FONT, STYLES } from "./style";
import { statusStyle } from "./summary-sheet";
import type { SheetModel } from "./types";

export interface RankingSheetOptions {
  lang?: Lang;
  year?: number;
}

const POINTS_FORMAT = "#,##0.##";

function howText(score: UnitScore, lang: Lang): string {
  const parts = score.perIndicator.filter((p) => p.bonus > 0).map((p) => `${t("register.code", {}, lang)} ${p.code} +${formatNumberFor(p.bonus, lang)}`);
  for (const p of score.penalties) parts.push(t(`ranking-sheet.penalty.${p.kind}`, { points: formatNumberFor(p.points, lang) }, lang));
  return parts.join("; ");
}

export function buildRankingSheet(consolidation: Consolidation, scoring: ScoringResult, options: RankingSheetOptions = {}): SheetModel {
  const lang = options.lang ?? consolidation.lang;
  const year = options.year ?? consolidation.reportYear;
  // One column per indicator that any unit was scored on, in the matrix's order.
  const scoredCodes = new Set(scoring.groups.flatMap((g) => g.units.flatMap((u) => u.perIndicator.map((p) => p.code))));
  const columns: { code: string; name: string }[] = [];
  for (const row of consolidation.rows) if (scoredCodes.has(row.code) && !columns.some((c) => c.code === row.code)) columns.push({ code: row.code, name: row.name });
  const first = 2;
  const after = first + columns.length;
  const width = after + 6;
  const b = new SheetBuilder(t("ranking-sheet.name", {}, lang), "units", SHEET_FONT);
  b.width(0, 9).width(1, 30);
  columns.forEach((_, i) => b.width(first + i, 8));
  [10, 10, 10, 12, 28, 26].forEach((w, i) => b.width(after + i, w));
  b.block({ row: 0, col: 0, rows: 1, cols: width }, t("ranking-sheet.title", { year }, lang), STYLES.title);
  const pointsText = SCORED_STATUSES.map((s) => `${t(`status.${s}`, {}, lang)} ${formatNumberFor(scoring.rules.points[s], lang)}`).join(", ");
  const rule = t("ranking-sheet.rule", { points: pointsText, total: t(`ranking-sheet.rule.${scoring.rules.total}`, {}, lang) }, lang);
  b.block({ row: 1, col: 0, rows: 1, cols: width }, rule, STYLES.note);
  b.rowHeight(1, 36);

  const header = 3;
  b.set(header, 0, t("ranking-sheet.col.rank", {}, lang));
  b.set(header, 1, t("ranking-sheet.col.unit", {}, lang));
  columns.forEach((c, i) => {
    b.set(header, first + i, c.code, "@");
    b.set(header + 1, first + i, c.name);
  });
  const totalHeader = scoring.rules.total === "percent" ? "ranking-sheet.col.total-percent" : "ranking-sheet.col.total";
  ["ranking-sheet.col.base", "ranking-sheet.col.bonus", "ranking-sheet.col.penalty", totalHeader, "ranking-sheet.col.title", "ranking-sheet.col.how"].forEach((key, i) => {
    b.set(header, after + i, t(key, {}, lang));
    b.merge({ row: header, col: after + i, rows: 2, cols: 1 });
  });
  b.merge({ row: header, col: 0, rows: 2, cols: 1 });
  b.merge({ row: header, col: 1, rows: 2, cols: 1 });
  b.style({ row: header, col: 0, rows: 2, cols: width }, STYLES.tableHeader);
  b.style({ row: header + 1, col: first, rows: 1, cols: columns.length }, { font: { bold: false, italic: true, size: 9 } });
  b.rowHeight(header + 1, 90);

  let row = header + 2;
  for (const group of scoring.groups) {
    if (scoring.groups.length > 1 || group.group !== null) {
      b.block({ row, col: 0, rows: 1, cols: width }, group.group ?? t("ranking-sheet.no-group", {}, lang), { ...STYLES.body, font: { bold: true }, fill: "#DDEBF7" });
      row++;
    }
    for (const unit of group.units) {
      b.set(row, 0, unit.rank, "0");
      b.set(row, 1, unit.unit);
      const byCode = new Map(unit.perIndicator.map((p) => [p.code, p]));
      b.style({ row, col: 0, rows: 1, cols: width }, STYLES.bodyCenter);
      b.style({ row, col: 1, rows: 1, cols: 1 }, { horizontal: "left" });
      columns.forEach((c, i) => {
        const p = byCode.get(c.code);
        b.set(row, first + i, p ? p.points : t("ranking-sheet.not-scored", {}, lang), p ? POINTS_FORMAT : null);
        if (p) b.style({ row, col: first + i, rows: 1, cols: 1 }, statusStyle(p.status, false));
      });
      b.set(row, after, unit.base, POINTS_FORMAT);
      b.set(row, after + 1, unit.bonus, POINTS_FORMAT);
      b.set(row, after + 2, unit.penalty > 0 ? -unit.penalty : 0, POINTS_FORMAT);
      b.set(row, after + 3, unit.total, POINTS_FORMAT);
      b.set(row, after + 4, unit.title ?? "");
      b.set(row, after + 5, howText(unit, lang));
      b.style({ row, col: after + 3, rows: 1, cols: 1 }, { font: { bold: true } });
      b.style({ row, col: after + 4, rows: 1, cols: 2 }, { horizontal: "left" });
      row++;
    }
  }
  const sheet = b.finish(width);
  sheet.frozen = { rows: header + 2, cols: 2 };
  sheet.print = decree30Print({ first: header, last: header + 1 });
  return sheet;
}
