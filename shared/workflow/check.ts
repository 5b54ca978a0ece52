// "Kiểm tra số liệu": every finding on the typed figures, in the one order (findings.ts).
import type { Lang } from "../model";
import { evaluatePlan } from "../evaluate";
import { storedTallyFinding } from "./enter-report";
import { countFindings, findingsOf, orderFindings } from "./findings";
import { done, refused, type Outcome } from "./outcome";
import { say } from "./say";
import { isMessage, readLoadedSheet, type SheetInput } from "./sheet-input";

export interface CheckReport {
  sheet: string;
  errors: number;
  warnings: number;
  checked: number;
}

export function checkCommand(input: SheetInput, lang: Lang): Outcome<CheckReport> {
  const read = readLoadedSheet(input, lang);
  if (isMessage(read)) return refused(lang, [read]);
  // The tally of a report entered by "Dán báo cáo", when the figures contradict it (as `chitieu check`).
  const tally = storedTallyFinding(read.document, read.plan, evaluatePlan(read.plan, read.reading.entries, read.settings), read.settings);
  const findings = tally ? orderFindings([...findingsOf(read.plan, read.reading, read.settings), tally]) : findingsOf(read.plan, read.reading, read.settings);
  const { errors, warnings } = countFindings(findings);
  const checked = read.plan.indicators.length;
  const message =
    findings.length === 0
      ? say(lang, "success", "wf.check.clean", { count: checked })
      : say(lang, errors > 0 ? "error" : "warning", "wf.check.counts", { errors, warnings, count: checked });
  return done(lang, { sheet: read.sheet, errors, warnings, checked }, [], [message], findings);
}
