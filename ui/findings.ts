// How the check's findings are shown, in the core's order (errors first, then the sheet's): the blanks of one
// section as one line ("12 chỉ tiêu chưa nhập số liệu"), so a freshly loaded sheet does not flood
// the list; and the fixes the list offers (one number typed as text, all of them, a ÷ 1.000 slip).
// Presentation only: what is a finding and its text come from the core through the host.
import type { Lang } from "../shared/model";
import type { FindingItem } from "./host-port";
import { formatNumber, slipFactor } from "./format";
import { text } from "./text";

export interface FindingLine {
  /** Stable across re-checks while the finding stays: React keeps focus on it. */
  key: string;
  finding: FindingItem;
  /** How many findings the line stands for (blanks of a section). */
  count: number;
}

/** The section a code belongs to, as the core named it (shared/workflow/finding-sections.ts); "" the plan's unnamed one. */
function sectionOf(finding: FindingItem): string {
  return finding.section ?? "";
}

/**
 * Blanks grouped: one line per section with every code and cell; a section with one blank keeps
 * the core's own message. A finding the host already grouped (it has `codes`) is kept as it is.
 */
export function findingLines(findings: readonly FindingItem[], lang: Lang): FindingLine[] {
  const lines: FindingLine[] = [];
  const groups = new Map<string, FindingItem[]>();
  // The core gives them in the one order (errors first, then the sheet order): kept as it is.
  const sorted = findings;
  for (const finding of sorted) {
    if (finding.rule !== "blank" || finding.codes) continue;
    const key = sectionOf(finding);
    groups.set(key, [...(groups.get(key) ?? []), finding]);
  }
  const placed = new Set<string>();
  for (const finding of sorted) {
    if (finding.rule === "blank" && !finding.codes) {
      const section = sectionOf(finding);
      if (placed.has(section)) continue;
      placed.add(section);
      const members = groups.get(section) ?? [finding];
      if (members.length === 1) lines.push({ key: `blank:${finding.code ?? ""}`, finding, count: 1 });
      else {
        const codes = members.map((m) => m.code ?? "").filter(Boolean);
        const cells = members.map((m) => m.cell ?? "").filter(Boolean);
        lines.push({
          key: `blank-section:${section}`,
          finding: { ...finding, code: null, cell: cells[0] ?? null, message: blanksMessage(section, members.length, codes, lang), codes, cells },
          count: members.length,
        });
      }
      continue;
    }
    lines.push({ key: `${finding.rule}:${finding.sheet ?? ""}:${finding.cell ?? ""}:${finding.code ?? ""}`, finding, count: finding.codes?.length ?? 1 });
  }
  return lines;
}

/** "II. Chỉ tiêu văn hóa - xã hội: 4 chỉ tiêu chưa nhập số liệu (mã 6, 7, 8, 9)…"; no name for the plan's unnamed section. */
function blanksMessage(section: string, count: number, codes: string[], lang: Lang): string {
  const params = { count, codes: shortList(codes) };
  return section ? text(lang, "finding.blanks.section", { ...params, section }) : text(lang, "finding.blanks", params);
}

/** "1, 2, 3, 4, 5 và 7 chỉ tiêu khác": a long list of codes cut to what a line can show. */
function shortList(codes: string[]): string {
  return codes.length <= 8 ? codes.join(", ") : `${codes.slice(0, 8).join(", ")}…`;
}

/** The label of a finding's one-click fix: "Đổi thành số 12,8", or "÷ 1.000 → 36.692" for a unit slip. */
export function fixLabel(finding: FindingItem, lang: Lang): string | null {
  if (!finding.fix) return null;
  const factor = finding.rule === "unit-slip" ? slipFactor(finding.fix) : null;
  if (factor !== null) return text(lang, "fix.scale", { factor: formatNumber(factor, lang), value: formatNumber(finding.fix.value, lang) });
  return text(lang, "fix.number", { value: formatNumber(finding.fix.value, lang) });
}

/** The findings "fix all" applies: every number typed as text that still has its fix. */
export function textNumberFixes(findings: readonly FindingItem[]): FindingItem[] {
  return findings.filter((f) => f.rule === "number-as-text" && f.fix !== null);
}
