// What every panel reads: the host port, the language, the texts, where the document stands, and
// `useAction` (one busy flag and one message per button, so a spinner and an error appear beside
// the button that was pressed, never at the top of the pane).
import { createContext, useCallback, useContext, useRef, useState } from "react";
import type { Lang } from "../shared/model";
import type { HostPort, LoadedInfo, Result, StartInfo, Step } from "./host-port";
import { text, type TextKey } from "./text";

export type Tab = "load" | "enter" | "check" | "summary" | "units" | "dashboard" | "settings";

export interface UiContext {
  port: HostPort;
  lang: Lang;
  setLang(lang: Lang): void;
  t(key: TextKey, params?: Record<string, string | number>): string;
  info: StartInfo | null;
  setLoaded(loaded: LoadedInfo | null): void;
  step: Step;
  setStep(step: Step): void;
  /** Errors left at the last check (null before one): the summary warns when some are. */
  errorsLeft: number | null;
  setErrorsLeft(errors: number | null): void;
  go(tab: Tab): void;
}

export const Ui = createContext<UiContext | null>(null);

export function useUi(): UiContext {
  const ui = useContext(Ui);
  if (!ui) throw new Error("useUi outside <App>");
  return ui;
}

export interface Notice {
  ok: boolean;
  text: string;
}

/**
 * One command behind one button: `busy` while it runs, its `notice` (result or refusal) to show
 * beside that button. A thrown error (google.script.run failure, Excel refusal) becomes one plain
 * line; a second press while busy is ignored.
 */
export function useAction(): {
  busy: boolean;
  notice: Notice | null;
  setNotice(notice: Notice | null): void;
  run<T>(work: () => Promise<Result<T>>, onOk?: (value: { ok: true } & T) => string | null | void): Promise<({ ok: true } & T) | null>;
} {
  const { t } = useUi();
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);
  const running = useRef(false);
  const run = useCallback(
    async <T,>(work: () => Promise<Result<T>>, onOk?: (value: { ok: true } & T) => string | null | void) => {
      if (running.current) return null;
      running.current = true;
      setBusy(true);
      setNotice(null);
      try {
        const result = await work();
        if (!result.ok) {
          setNotice({ ok: false, text: result.message });
          return null;
        }
        const said = onOk?.(result);
        if (typeof said === "string") setNotice({ ok: true, text: said });
        return result;
      } catch (error) {
        setNotice({ ok: false, text: t("fail.call", { detail: plainDetail(error) }) });
        return null;
      } finally {
        running.current = false;
        setBusy(false);
      }
    },
    [t],
  );
  return { busy, notice, setNotice, run };
}

/** The first line of an error, without "Error:" prefixes or stack frames. */
export function plainDetail(error: unknown): string {
  const raw = error instanceof Error ? error.message : typeof error === "string" ? error : String((error as { message?: unknown } | null)?.message ?? error);
  return raw.split("\n")[0].replace(/^(Exception|Error|TypeError|ScriptError):\s*/i, "").trim() || "?";
}

export function useText(lang: Lang): (key: TextKey, params?: Record<string, string | number>) => string {
  return useCallback((key: TextKey, params: Record<string, string | number> = {}) => text(lang, key, params), [lang]);
}
