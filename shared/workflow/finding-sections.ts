// The plan section a finding belongs to, so a host can show the blanks of one section as one line
// instead of one line per indicator. In a plan with its own sections (indicator.group on the
// top-level indicators, as the summary prints them: "I. Chỉ tiêu kinh tế") that heading; in a plan
// without, the top-level indicator a sub-item belongs to ("4. Giáo dục"), the other top-level
// indicators sharing one unnamed section. Every host gets it from the core in the finding itself.
import type { Finding, Indicator, Lang, Plan } from "../model";
import { childrenByCode, depthOf, parentCode } from "../model";
import { foldDiacritics } from "../actual";
import { t } from "../i18n";
import { sectionLabel, sentenceName } from "../summary";

const cache = new WeakMap<Plan, Map<Lang, Map<string, string>>>();

function topAncestor(code: string): string {
  let current = code;
  for (let parent = parentCode(current); parent !== null; parent = parentCode(current)) current = parent;
  return current;
}

/** Code → section label ("" for the plan's unnamed section), per plan and language. */
export function sectionsOfPlan(plan: Plan, lang: Lang): Map<string, string> {
  let byLang = cache.get(plan);
  if (!byLang) cache.set(plan, (byLang = new Map()));
  const known = byLang.get(lang);
  if (known) return known;
  const byCode = new Map<string, Indicator>(plan.indicators.map((ind) => [ind.code, ind]));
  const hasGroups = plan.indicators.some((ind) => depthOf(ind.code) === 0 && ind.group !== null && ind.group.trim().length > 0);
  const children = childrenByCode(plan.indicators);
  const out = new Map<string, string>();
  const indexOf = new Map<string, number>();
  for (const ind of plan.indicators) {
    const top = byCode.get(topAncestor(ind.code)) ?? ind;
    let label: string;
    if (hasGroups) {
      // As the summary numbers its sections: in plan order, those outside any group as "Chỉ tiêu khác".
      const title = top.group?.trim() || null;
      const key = title === null ? "\u0000" : foldDiacritics(title);
      let index = indexOf.get(key);
      if (index === undefined) indexOf.set(key, (index = indexOf.size));
      label = sectionLabel(index, title ?? t("summary.section.other", {}, lang));
    } else label = children.has(top.code) ? `${top.code}. ${sentenceName(top.name)}` : "";
    out.set(ind.code, label);
  }
  byLang.set(lang, out);
  return out;
}

/** The findings with the section of their indicator (a finding about the sheet itself has none). */
export function withSections(plan: Plan, findings: Finding[], lang: Lang): Finding[] {
  const sections = sectionsOfPlan(plan, lang);
  return findings.map((f) => {
    const section = f.code === null ? undefined : sections.get(f.code);
    return section === undefined ? f : { ...f, section };
  });
}
