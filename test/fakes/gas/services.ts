// The Apps Script globals the add-on uses, as strict counting fakes: SpreadsheetApp, HtmlService,
// the Ui, PropertiesService (with the 9 KB per value / 500 KB total limits), ScriptApp, and a
// fake clock for the 6-minute limit.
import { CallLog, tracked } from "./calls";
import { FakeConditionalFormatRuleBuilder, FakeDataValidationBuilder, FakeTextStyleBuilder } from "./builders";
import { FakeSpreadsheet } from "./spreadsheet";

export const VALUE_LIMIT_BYTES = 9 * 1024;
export const TOTAL_LIMIT_BYTES = 500 * 1024;

const bytes = (text: string) => Buffer.byteLength(text, "utf8");

export class FakeProperties {
  readonly data = new Map<string, string>();
  writes = 0;
  getProperty(key: string): string | null {
    return this.data.get(key) ?? null;
  }
  getProperties(): Record<string, string> {
    return Object.fromEntries(this.data);
  }
  getKeys(): string[] {
    return [...this.data.keys()];
  }
  setProperty(key: string, value: string): this {
    return this.setProperties({ [key]: value });
  }
  setProperties(values: Record<string, string>, deleteAllOthers?: boolean): this {
    const next = deleteAllOthers ? new Map<string, string>() : new Map(this.data);
    for (const [key, value] of Object.entries(values)) {
      if (typeof value !== "string") throw new Error(`Exception: property ${key} must be a string`);
      if (bytes(key) + bytes(value) > VALUE_LIMIT_BYTES) throw new Error(`Exception: Argument too large: value (property ${key}, ${bytes(value)} bytes)`);
      next.set(key, value);
    }
    let total = 0;
    for (const [k, v] of next) total += bytes(k) + bytes(v);
    if (total > TOTAL_LIMIT_BYTES) throw new Error("Exception: You have exceeded the property storage quota.");
    this.data.clear();
    for (const [k, v] of next) this.data.set(k, v);
    this.writes++;
    return this;
  }
  deleteProperty(key: string): this {
    this.data.delete(key);
    return this;
  }
  deleteAllProperties(): this {
    this.data.clear();
    return this;
  }
}

export class FakeClock {
  constructor(public ms = Date.UTC(2025, 11, 1, 2, 0, 0)) {}
  now = (): number => this.ms;
  advance(ms: number): void {
    this.ms += ms;
  }
}

export interface MenuRecord {
  title: string;
  items: { label: string; functionName: string }[];
  addedToUi: boolean;
}

export class FakeUi {
  readonly menus: MenuRecord[] = [];
  readonly sidebars: { title: string; content: string }[] = [];
  readonly alerts: string[] = [];
  readonly ButtonSet = { OK: "OK", OK_CANCEL: "OK_CANCEL", YES_NO: "YES_NO" };
  readonly Button = { OK: "OK", CANCEL: "CANCEL", YES: "YES", NO: "NO" };
  constructor(
    private readonly log: CallLog,
    private readonly functionExists: (name: string) => boolean,
  ) {}
  createAddonMenu(): unknown {
    return this.menu("Chỉ tiêu thi đua (add-on)");
  }
  createMenu(title: string): unknown {
    return this.menu(title);
  }
  showSidebar(html: unknown): void {
    const out = html as { getTitle(): string; getContent(): string };
    this.sidebars.push({ title: out.getTitle(), content: out.getContent() });
  }
  alert(message: string): string {
    this.alerts.push(message);
    return "OK";
  }
  private menu(title: string): unknown {
    const record: MenuRecord = { title, items: [], addedToUi: false };
    this.menus.push(record);
    const exists = this.functionExists;
    const menu = {
      addItem(label: string, functionName: string) {
        if (typeof label !== "string" || typeof functionName !== "string") throw new Error("Exception: addItem(label, functionName)");
        if (!exists(functionName)) throw new Error(`Exception: menu item "${label}" calls ${functionName}, which is not a top-level function`);
        record.items.push({ label, functionName });
        return proxy;
      },
      addSeparator() {
        return proxy;
      },
      addToUi() {
        record.addedToUi = true;
      },
    };
    const proxy: unknown = tracked(menu, "Menu", this.log);
    return proxy;
  }
}

export interface GasWorld {
  log: CallLog;
  clock: FakeClock;
  active: FakeSpreadsheet;
  /** Other spreadsheets reachable with openByUrl (consolidation). */
  byUrl: Map<string, FakeSpreadsheet>;
  /** openByUrl of these URLs fails as for a file the user cannot open. */
  forbiddenUrls: Set<string>;
  /** Simulated time each openByUrl takes. */
  openCostMs: number;
  documentProperties: FakeProperties;
  ui: FakeUi;
  htmlFiles: Map<string, string>;
  /** The globals to put in the sandbox. */
  globals: Record<string, unknown>;
}

export interface WorldOptions {
  htmlFiles?: Record<string, string>;
  /** Id and title of the open spreadsheet (each unit's file has its own). */
  activeId?: string;
  activeName?: string;
  functionExists?: (name: string) => boolean;
}

/** A fresh Apps Script world: one active spreadsheet, empty document properties, a fake clock. */
export function createGasWorld(options: WorldOptions = {}): GasWorld {
  const log = new CallLog();
  const clock = new FakeClock();
  const active = new FakeSpreadsheet(log, options.activeId ?? "active-sheet-id", options.activeName ?? "Báo cáo chỉ tiêu");
  const byUrl = new Map<string, FakeSpreadsheet>();
  const forbiddenUrls = new Set<string>();
  const documentProperties = new FakeProperties();
  const htmlFiles = new Map(Object.entries(options.htmlFiles ?? {}));
  const world: GasWorld = {
    log,
    clock,
    active,
    byUrl,
    forbiddenUrls,
    openCostMs: 2000,
    documentProperties,
    ui: undefined as unknown as FakeUi,
    htmlFiles,
    globals: {},
  };
  world.ui = new FakeUi(log, (name) => (options.functionExists ?? (() => true))(name));

  const spreadsheetApp = {
    getActiveSpreadsheet: () => active.wrap(active, "Spreadsheet"),
    getActive: () => active.wrap(active, "Spreadsheet"),
    // The container's active sheet and selection (a bound add-on's script runs in the open spreadsheet).
    getActiveSheet: () => active.getActiveSheet(),
    getActiveRange: () => active.getActiveRange(),
    getUi: () => tracked(world.ui, "Ui", log),
    openByUrl: (url: string) => {
      clock.advance(world.openCostMs);
      if (forbiddenUrls.has(url)) throw new Error("Exception: You do not have permission to access the requested document.");
      const book = byUrl.get(url);
      if (!book) throw new Error("Exception: Unexpected error while getting the method or property openByUrl on object SpreadsheetApp.");
      return book.wrap(book, "Spreadsheet");
    },
    openById: () => {
      throw new Error("Exception: the add-on must not open files by id");
    },
    flush: () => undefined,
    newConditionalFormatRule: () => new FakeConditionalFormatRuleBuilder(),
    newDataValidation: () => new FakeDataValidationBuilder(),
    newTextStyle: () => new FakeTextStyleBuilder(),
    ProtectionType: { SHEET: "SHEET", RANGE: "RANGE" },
    WrapStrategy: { WRAP: "WRAP", OVERFLOW: "OVERFLOW", CLIP: "CLIP" },
    BorderStyle: { SOLID: "SOLID", DOTTED: "DOTTED", DASHED: "DASHED" },
    BooleanCriteria: { CUSTOM_FORMULA: "CUSTOM_FORMULA" },
    DataValidationCriteria: { VALUE_IN_LIST: "VALUE_IN_LIST", NUMBER_BETWEEN: "NUMBER_BETWEEN", CUSTOM_FORMULA: "CUSTOM_FORMULA" },
  };
  // Builders and enums are local: only the calls that reach a document are counted.
  const LOCAL = new Set(["newConditionalFormatRule", "newDataValidation", "newTextStyle"]);
  const countedApp = new Proxy(spreadsheetApp, {
    get(obj, prop) {
      if (typeof prop === "symbol") return undefined;
      const value = (obj as Record<string, unknown>)[prop];
      if (value === undefined) throw new TypeError(`TypeError: SpreadsheetApp.${prop} is not a function (the fake is strict)`);
      if (typeof value !== "function" || LOCAL.has(prop)) return value;
      return (...args: unknown[]) => {
        log.record(`SpreadsheetApp.${prop}`, "");
        return (value as (...a: unknown[]) => unknown)(...args);
      };
    },
  });

  const htmlService = tracked(
    {
      createHtmlOutputFromFile(name: string) {
        const content = htmlFiles.get(name);
        if (content === undefined) throw new Error(`Exception: No HTML file named ${name} was found.`);
        return htmlOutput(content);
      },
      createHtmlOutput(content: string) {
        return htmlOutput(content);
      },
    },
    "HtmlService",
    log,
  );
  function htmlOutput(initial: string) {
    let title = "";
    let content = initial;
    const out = {
      append(more: string) {
        content += more;
        return proxy;
      },
      setTitle(t: string) {
        title = t;
        return proxy;
      },
      getTitle: () => title,
      getContent: () => content,
    };
    const proxy: unknown = tracked(out, "HtmlOutput", log);
    return proxy;
  }

  const propertiesService = tracked(
    {
      getDocumentProperties: () => tracked(documentProperties, "Properties", log),
    },
    "PropertiesService",
    log,
  );

  const scriptApp = {
    AuthMode: { NONE: "NONE", LIMITED: "LIMITED", FULL: "FULL", CUSTOM_FUNCTION: "CUSTOM_FUNCTION" },
  };

  world.globals = {
    SpreadsheetApp: countedApp,
    HtmlService: htmlService,
    PropertiesService: propertiesService,
    ScriptApp: scriptApp,
    Logger: { log: () => undefined },
  };
  return world;
}

/** A spreadsheet another unit filled in, reachable by its URL. */
export function addRemoteSpreadsheet(world: GasWorld, id: string, name: string): FakeSpreadsheet {
  const book = new FakeSpreadsheet(world.log, id, name);
  world.byUrl.set(book.url, book);
  return book;
}
