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

/** The objects whose writes Apps Script holds back and sends in batches: the spreadsheet's. */
const SPREADSHEET_TYPES = new Set(["Spreadsheet", "Sheet", "Range", "RangeList", "Protection", "NamedRange", "Filter", "Banding", "EmbeddedChart", "SpreadsheetApp"]);
/** Getters that only make a handle or answer from the handle itself: no round trip, no flush. */
const LOCAL_GETTERS = new Set([
  "getRange", "getRangeList", "getActiveSpreadsheet", "getActive", "getUi", "getRow", "getColumn", "getNumRows", "getNumColumns",
  "getA1Notation", "getSheet", "getGridId",
]);

/**
 * How the platform costs a call. Apps Script caches a script's spreadsheet writes and sends them
 * when a read follows pending writes, at SpreadsheetApp.flush(), or when the run ends: what costs is
 * that flush, not the setter. A read is a getter (get…, is…) of spreadsheet state.
 */
export function callKind(method: string): "read" | "write" | "flush" | "other" {
  const [type, name = ""] = method.split(".");
  if (!SPREADSHEET_TYPES.has(type)) return "other";
  if (method === "SpreadsheetApp.flush") return "flush";
  if (/^(get|is|has|find|can)/.test(name)) return LOCAL_GETTERS.has(name) || /^Range\.getLast(Row|Column)$/.test(method) ? "other" : "read";
  if (type === "SpreadsheetApp" && /^(open|new)/.test(name)) return "other";
  return "write";
}

export class CallLog {
  readonly records: CallRecord[] = [];
  private mark = 0;
  /** Writes sent so far by a read after them or by flush(), and whether writes wait to be sent. */
  private flushed = 0;
  private flushMark = 0;
  private pending = false;

  record(method: string, detail: string): void {
    this.records.push({ method, detail });
    const kind = callKind(method);
    if (kind === "write") this.pending = true;
    else if ((kind === "read" || kind === "flush") && this.pending) {
      this.flushed++;
      this.pending = false;
    }
  }

  /** Round trips that send writes since the last reset(), counting the one at the end of the run for writes still waiting. */
  get flushes(): number {
    return this.flushed - this.flushMark + (this.pending ? 1 : 0);
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
    this.flushMark = this.flushed;
    this.pending = false;
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
