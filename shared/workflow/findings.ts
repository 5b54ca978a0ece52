// The findings on a sheet of typed figures, assembled once for every host and the CLI: what the
// reader found about the layout, then what validation found about the figures, in one order —
// errors first, then by the cell's place in the sheet (row, then column), findings about the sheet
// itself before those about a cell. Hosts and the CLI show them in this order and no other.
import { parseCell } from "../sheet/a1";
import type { ActualEntry, Finding, Plan, Settings } from "../model";
import { validateEntries } from "../validate";
import { withSections } from "./finding-sections";
import { estimateDepartures } from "../period-figures";

const SEVERITY_RANK: Record<Finding["severity"], number> = { error: 0, warning: 1 };

/** Sheet order of a finding's cell: no cell first (about the sheet), then row by row. */
function place(f: Finding): [number, number] {
  const at = f.cell ? parseCell(f.cell) : null;
  return at ? [at.row, at.col] : [-1, -1];
}

/** Errors first, then by sheet order; findings at one place keep the order they were found in. */
export function orderFindings(findings: readonly Finding[]): Finding[] {
  return findings
    .map((finding, index) => ({ finding, index, at: place(finding) }))
    .sort((a, b) => SEVERITY_RANK[a.finding.severity] - SEVERITY_RANK[b.finding.severity] || a.at[0] - b.at[0] || a.at[1] - b.at[1] || a.index - b.index)
    .map(({ finding }) => finding);
}

/** What the reader reported plus what validation finds (and a final figure far from its estimate: likely a slip), ordered; each with its plan section (finding-sections.ts). */
export function findingsOf(plan: Plan, reading: { entries: readonly ActualEntry[]; problems: readonly Finding[] }, settings: Settings): Finding[] {
  return withSections(plan, orderFindings([...reading.problems, ...validateEntries(plan, reading.entries as ActualEntry[], settings), ...estimateDepartures(plan, reading.entries, settings.lang)]), settings.lang);
}

export function countFindings(findings: readonly Finding[]): { errors: number; warnings: number } {
  let errors = 0;
  for (const f of findings) if (f.severity === "error") errors++;
  return { errors, warnings: findings.length - errors };
}
