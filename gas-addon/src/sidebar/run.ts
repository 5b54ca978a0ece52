// google.script.run as typed promises: the names and signatures come from the server's exports.
import type * as Server from "../index";

type ServerApi = typeof Server;
type Callable = { [K in keyof ServerApi]: ServerApi[K] extends (...args: never[]) => unknown ? K : never }[keyof ServerApi];

interface ScriptRun {
  withSuccessHandler(fn: (value: unknown) => void): ScriptRun;
  withFailureHandler(fn: (error: unknown) => void): ScriptRun;
  [name: string]: unknown;
}

declare const google: { script: { run: ScriptRun } };

export function call<K extends Callable>(name: K, ...args: Parameters<ServerApi[K]>): Promise<ReturnType<ServerApi[K]>> {
  return new Promise((resolve, reject) => {
    const runner = google.script.run.withSuccessHandler((value) => resolve(value as ReturnType<ServerApi[K]>)).withFailureHandler(reject);
    (runner[name] as (...a: unknown[]) => void)(...args);
  });
}
