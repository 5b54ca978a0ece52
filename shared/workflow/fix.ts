// The one-click fix of a number typed as text: the cell is rewritten as the number only if it still
// holds text that reads as that very number, so a figure changed since the check is never touched.
import { readActual } from "../actual";
import type { Lang } from "../model";
import { formatNumberFor } from "../validate";
import { done, refused, type Outcome } from "./outcome";
import { say } from "./say";

export interface FixInput {
  sheet: string;
  cell: string;
  /** The cell's value as the host reads it now. */
  current: unknown;
}

export function fixCommand(input: FixInput, value: number, lang: Lang): Outcome<{ cell: string; value: number }> {
  const read = typeof input.current === "string" ? readActual(input.current, null) : null;
  const at = { sheet: input.sheet, cell: input.cell };
  if (!Number.isFinite(value) || !read || read.kind !== "number" || !read.fromText || read.value !== value)
    return refused(lang, [say(lang, "warning", "wf.fix.changed", { cell: input.cell }, { at, next: "wf.fix.changed.next" })]);
  return done(lang, { cell: input.cell, value }, [{ kind: "cells", cells: [{ sheet: input.sheet, cell: input.cell, value }] }], [say(lang, "success", "wf.fix.done", { cell: input.cell, value: formatNumberFor(value, lang) }, { at })]);
}

/** The label of a finding's fix button, when it has one. */
export function fixLabel(fix: { value: number } | undefined, lang: Lang): string | null {
  return fix ? say(lang, "info", "wf.fix.label", { value: formatNumberFor(fix.value, lang) }).text : null;
}
