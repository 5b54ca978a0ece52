// Call accounting for the Apps Script fakes: every call on an object that stands for something held
// by Google (a service, the spreadsheet, a sheet, a range, a protection, the UI) is counted and
// logged; a method the fake does not know throws, as a missing method does in Apps Script.
//
// Value objects built locally (rule and validation builders, text styles, the rules a sheet
// returns) are not wrapped: they carry no round trip of their own.

export interface CallRecord {
  /** e.g. "Range.setValues" */
  method: string;
  /** A short description of the arguments (shapes, not data), for failure messages. */
  detail: string;
}

export class CallLog {
  readonly records: CallRecord[] = [];
  private mark = 0;

  record(method: string, detail: string): void {
    this.records.push({ method, detail });
  }

  /** Calls since the last `reset()`. */
  get count(): number {
    return this.records.length - this.mark;
  }

  since(): CallRecord[] {
    return this.records.slice(this.mark);
  }

  reset(): void {
    this.mark = this.records.length;
  }

  /** How many times each method was called since the last reset. */
  byMethod(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const r of this.since()) out[r.method] = (out[r.method] ?? 0) + 1;
    return out;
  }
}

function describeArg(arg: unknown): string {
  if (Array.isArray(arg)) {
    const first = arg[0];
    return Array.isArray(first) ? `[${arg.length}x${first.length}]` : `[${arg.length}]`;
  }
  if (typeof arg === "string") return JSON.stringify(arg.length > 40 ? arg.slice(0, 40) + "…" : arg);
  if (arg !== null && typeof arg === "object") return "{…}";
  return String(arg);
}

const UNTRACKED = new Set(["then", "toJSON", "constructor", "__target", "asymmetricMatch", "$$typeof", "nodeType", "toString"]);

/**
 * Wraps a fake so that every method call is counted under `${typeName}.${method}`, and any access to
 * a property the fake does not define throws. Properties starting with "_" are the fake's own
 * state, hidden from the code under test.
 */
export function tracked<T extends object>(target: T, typeName: string, log: CallLog): T {
  return new Proxy(target, {
    get(obj, prop, receiver) {
      if (prop === "__target") return obj;
      if (typeof prop === "symbol") return Reflect.get(obj, prop, receiver);
      if (prop.startsWith("_")) throw new TypeError(`${typeName}.${prop} is not part of the Apps Script API`);
      const value = Reflect.get(obj, prop, receiver);
      if (value === undefined) {
        if (UNTRACKED.has(prop)) return undefined;
        throw new TypeError(`TypeError: ${typeName}.${prop} is not a function (the fake is strict)`);
      }
      if (typeof value !== "function") return value;
      return (...args: unknown[]) => {
        log.record(`${typeName}.${prop}`, args.map(describeArg).join(", "));
        return (value as (...a: unknown[]) => unknown).apply(obj, args);
      };
    },
    set() {
      throw new TypeError(`${typeName}: properties cannot be assigned`);
    },
  });
}

/** The fake behind a tracked proxy (for assertions). */
export function untracked<T>(proxy: T): T {
  return ((proxy as unknown as { __target?: T }).__target ?? proxy) as T;
}
