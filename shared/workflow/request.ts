// The checks of a load request, once for every host: a unit's name and a real year.
import type { Lang } from "../model";
import type { UserMessage } from "./outcome";
import { say } from "./say";

export const YEAR_RANGE = { min: 1900, max: 2200 } as const;

export function loadRequestProblems(request: { unit: string; year: number }, lang: Lang): UserMessage[] {
  const out: UserMessage[] = [];
  if ((request.unit ?? "").trim() === "") out.push(say(lang, "error", "wf.need-unit"));
  if (!Number.isInteger(request.year) || request.year < YEAR_RANGE.min || request.year > YEAR_RANGE.max) out.push(say(lang, "error", "wf.need-year"));
  return out;
}
