// Runs the built Code.js in a Node `vm` context holding the fake Apps Script globals, the way
// Apps Script runs one global script: the top-level function declarations become callable by name.
import { readFileSync } from "node:fs";
import vm from "node:vm";
import { createGasWorld, type GasWorld, type WorldOptions } from "./services";

export interface GasSandbox {
  world: GasWorld;
  context: vm.Context;
  /** Calls a top-level function of the script by name, as a menu, trigger or google.script.run does. */
  call(name: string, ...args: unknown[]): unknown;
  /** The names of the top-level functions the script declares. */
  functionNames(): string[];
}

export function loadBundle(codeFile: string, options: WorldOptions = {}): GasSandbox {
  const code = readFileSync(codeFile, "utf8");
  let context: vm.Context | null = null;
  const world = createGasWorld({
    ...options,
    functionExists: (name) => context !== null && typeof (context as Record<string, unknown>)[name] === "function",
  });
  context = vm.createContext({ ...world.globals });
  vm.runInContext(`Date.now = function () { return __clock(); };`, Object.assign(context, { __clock: world.clock.now }));
  new vm.Script(code, { filename: "Code.js" }).runInContext(context);
  const ctx = context;
  return {
    world,
    context: ctx,
    call(name, ...args) {
      const fn = (ctx as Record<string, unknown>)[name];
      if (typeof fn !== "function") throw new Error(`Code.js has no top-level function ${name}`);
      // Arguments cross as google.script.run sends them: copied as JSON-safe data.
      return (fn as (...a: unknown[]) => unknown)(...args.map((a) => copyForScriptRun(a, `${name} argument`)));
    },
    functionNames() {
      return Object.keys(ctx).filter((k) => typeof (ctx as Record<string, unknown>)[k] === "function" && !k.startsWith("__"));
    },
  };
}

/**
 * What google.script.run accepts: primitives, arrays and plain objects. A Date, a function or a class
 * instance fails (as it does in Apps Script); undefined inside arrays becomes null.
 */
export function copyForScriptRun(value: unknown, where: string): unknown {
  if (value === null || typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  if (value === undefined) return undefined;
  const tag = Object.prototype.toString.call(value);
  if (tag === "[object Date]") throw new Error(`${where}: a Date cannot cross google.script.run (send an ISO string)`);
  if (typeof value === "function") throw new Error(`${where}: a function cannot cross google.script.run`);
  if (Array.isArray(value)) return value.map((v, i) => (v === undefined ? null : copyForScriptRun(v, `${where}[${i}]`)));
  if (tag !== "[object Object]") throw new Error(`${where}: ${tag} cannot cross google.script.run`);
  const proto = Object.getPrototypeOf(value);
  if (proto !== null && Object.getPrototypeOf(proto) !== null) throw new Error(`${where}: a class instance cannot cross google.script.run`);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    if (v === undefined) continue;
    out[k] = copyForScriptRun(v, `${where}.${k}`);
  }
  return out;
}
