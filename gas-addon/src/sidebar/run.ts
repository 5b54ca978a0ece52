// google.script.run as typed promises: the names and signatures come from the server's exports.
import type { Lang } from "../../../shared/model";
import type { Result } from "../../../ui/host-port";
import { text } from "../../../ui/text";
import type * as Server from "../index";

type ServerApi = typeof Server;
type Callable = { [K in keyof ServerApi]: ServerApi[K] extends (...args: never[]) => unknown ? K : never }[keyof ServerApi];

interface ScriptRun {
  withSuccessHandler(fn: (value: unknown) => void): ScriptRun;
  withFailureHandler(fn: (error: unknown) => void): ScriptRun;
  [name: string]: unknown;
}

declare const google: { script: { run: ScriptRun } } | undefined;

/** Whether HtmlService gave this page its bridge to the server (it is absent when the page was opened alone). */
export function hasBridge(): boolean {
  return typeof google !== "undefined" && Boolean(google?.script?.run);
}

function invoke(name: string, args: unknown[]): Promise<unknown> {
  return new Promise((resolve, reject) => {
    if (!hasBridge()) {
      reject(new Error("google.script.run is missing"));
      return;
    }
    const runner = google!.script.run.withSuccessHandler(resolve).withFailureHandler(reject);
    const fn = runner[name];
    if (typeof fn !== "function") reject(new Error(`Script function ${name} not found`));
    else (fn as (...a: unknown[]) => void).apply(runner, args);
  });
}

export function call<K extends Callable>(name: K, ...args: Parameters<ServerApi[K]>): Promise<ReturnType<ServerApi[K]>> {
  return invoke(name, args) as Promise<ReturnType<ServerApi[K]>>;
}

/**
 * A server function this installation may not have yet (an older deployment): its absence is a
 * plain "update the add-on" message, not an Apps Script error.
 */
export async function callOptional<T>(name: string, lang: Lang, ...args: unknown[]): Promise<Result<T>> {
  try {
    return (await invoke(name, args)) as Result<T>;
  } catch (error) {
    const raw = error instanceof Error ? error.message : String(error);
    if (/not found|is not a function|không tìm thấy/i.test(raw)) return { ok: false, message: text(lang, "fail.sheets.outdated") };
    throw error;
  }
}
