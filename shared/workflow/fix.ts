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

/**
 * `from`: for a unit slip's "÷ 1.000", the figure as it was typed; the cell must still hold it (as a
 * number or as text reading as it), and it becomes `value`. Without `from`, a number typed as text.
 */
export function fixCommand(input: FixInput, value: number, lang: Lang, from?: number | string | null): Outcome<{ cell: string; value: number }> {
  const at = { sheet: input.sheet, cell: input.cell };
  const stillTyped = (): boolean => {
    if (from === undefined || from === null) {
      const read = typeof input.current === "string" ? readActual(input.current, null) : null;
      return read !== null && read.kind === "number" && read.fromText && read.value === value;
    }
    const typed = typeof from === "number" ? from : readActual(from, null);
    const expected = typeof typed === "number" ? typed : typed?.kind === "number" ? typed.value : null;
    const now = typeof input.current === "number" ? input.current : typeof input.current === "string" ? readActual(input.current, null) : null;
    const current = typeof now === "number" ? now : now?.kind === "number" ? now.value : null;
    return expected !== null && current === expected;
  };
  if (!Number.isFinite(value) || !stillTyped())
    return refused(lang, [say(lang, "warning", "wf.fix.changed", { cell: input.cell }, { at, next: "wf.fix.changed.next" })]);
  return done(lang, { cell: input.cell, value }, [{ kind: "cells", cells: [{ sheet: input.sheet, cell: input.cell, value }] }], [say(lang, "success", "wf.fix.done", { cell: input.cell, value: formatNumberFor(value, lang) }, { at })]);
}

/** The label of a finding's fix button, when it has one. */
export function fixLabel(fix: { value: number } | undefined, lang: Lang): string | null {
  return fix ? say(lang, "info", "wf.fix.label", { value: formatNumberFor(fix.value, lang) }).text : null;
}
