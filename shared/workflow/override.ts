// "Điều chỉnh đánh giá": writes a status and its reason into the indicator's row, found by code. The
// reason is written as text whatever it starts with (a host's text guard keeps "=…" or "1.5" text).
import { STATUSES, type Lang, type Status } from "../model";
import { cellA1 } from "../sheet/a1";
import { done, refused, type Outcome } from "./outcome";
import { say, statusLabel } from "./say";
import { isMessage, readLoadedSheet, type SheetInput } from "./sheet-input";

export interface OverrideRequest {
  code: string;
  /** null clears the override. */
  status: Status | null;
  reason: string;
}

export function overrideCommand(input: SheetInput, request: OverrideRequest, lang: Lang): Outcome<{ code: string; cell: string }> {
  const read = readLoadedSheet(input, lang);
  if (isMessage(read)) return refused(lang, [read]);
  const code = request.code.trim();
  const reason = (request.reason ?? "").trim();
  if (request.status !== null && (!STATUSES.includes(request.status) || reason === "")) return refused(lang, [say(lang, "error", "wf.override.need-reason")]);
  const row = read.reading.rowsByCode.get(code);
  const columns = read.reading.layout?.columns ?? {};
  if (row === undefined || columns.override === undefined || columns.overrideReason === undefined) return refused(lang, [say(lang, "error", "wf.override.unknown-code", { code })]);
  const cell = cellA1(row, columns.override);
  const at = { sheet: read.sheet, cell };
  return done(
    lang,
    { code, cell },
    [
      {
        kind: "cells",
        cells: [
          { sheet: read.sheet, cell, value: request.status ?? null, text: true },
          { sheet: read.sheet, cell: cellA1(row, columns.overrideReason), value: request.status === null ? null : reason, text: true },
        ],
      },
    ],
    [request.status === null ? say(lang, "success", "wf.override.cleared", { code }, { at }) : say(lang, "success", "wf.override.done", { code, status: statusLabel(request.status, lang) }, { at })],
  );
}
