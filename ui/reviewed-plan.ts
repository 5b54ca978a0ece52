// The rows the clerk reviewed (and edited) after pasting a plan's text, as the plan data the core
// validates. One place for both hosts: the Excel port validates it in the pane, the Sheets port sends
// it to the server, which validates it with the same core (so their messages name the row alike).
import type { Lang } from "../shared/model";
import type { PlanPick, ReviewRow } from "./host-port";
import { text } from "./text";

/** Plain data in the shape of a Plan; `year` falls back to the text's own, then `fallbackYear`. */
export function reviewedPlanData(pick: Extract<PlanPick, { kind: "reviewed" }>, unit: string, year: number, lang: Lang, fallbackYear: number) {
  return {
    id: "ke-hoach-dan",
    title: pick.meta.title ?? text(lang, "paste.title"),
    issuer: pick.meta.issuer ?? (unit || "UBND"),
    level: "xa" as const,
    year: Number.isInteger(year) ? year : (pick.meta.year ?? fallbackYear),
    source: null,
    indicators: pick.rows.map((row: ReviewRow) => {
      const bounded = row.comparator === "range";
      const judged = row.comparator !== null && row.comparator !== "boolean" && !bounded;
      return {
        code: row.code.trim(),
        name: row.name.trim(),
        group: row.group,
        unit: row.unit.trim(),
        comparator: row.comparator,
        target: judged ? row.target : null,
        ...(bounded ? { targetMin: row.targetMin ?? undefined, targetMax: row.targetMax ?? undefined } : {}),
        deadlineYear: row.deadlineYear,
        note: null,
        ...(row.secondary ? { secondary: row.secondary } : {}),
      };
    }),
  };
}
