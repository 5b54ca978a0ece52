// The Excel the task pane talks to: the real one through Office.js (`Excel.run`), or, outside Office
// (a plain browser, the Chromium test), the in-memory fake the page provides as
// `window.__CHITIEU_FAKE_EXCEL__`. Commands never see the difference: they get a request context.
import type { Lang } from "../../shared/model";
import type { HostFeatures } from "./adapter/commands";
import { tx } from "./messages";
import { START_TEXTS } from "../../ui/start-text";

export interface FakeExcelGlobal {
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  supports(version: number): boolean;
  lang?: Lang;
  showTaskpane?: () => void;
}

declare global {
  interface Window {
    __CHITIEU_FAKE_EXCEL__?: FakeExcelGlobal;
  }
}

export interface AddinHost {
  kind: "office" | "fake" | "none";
  lang: Lang;
  features: HostFeatures;
  /** ExcelApi 1.8 (data validation): below it the add-in tells the user to use the .xlsx template. */
  supported: boolean;
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  showTaskpane(): Promise<void>;
}

/** "vi-VN" → vi; English only when Office itself is in English; Vietnamese otherwise. */
export function langFromDisplayLanguage(displayLanguage: string | undefined | null): Lang {
  return displayLanguage && /^en\b/i.test(displayLanguage) ? "en" : "vi";
}

export function officeHost(): AddinHost {
  const requirements = Office.context.requirements;
  return {
    kind: "office",
    lang: langFromDisplayLanguage(Office.context.displayLanguage),
    features: { pageLayout: requirements.isSetSupported("ExcelApi", "1.9") },
    supported: requirements.isSetSupported("ExcelApi", "1.8"),
    run: (batch) => Excel.run((context) => batch(context)),
    showTaskpane: async () => {
      if (Office.context.requirements.isSetSupported("SharedRuntime", "1.1")) await Office.addin.showAsTaskpane();
    },
  };
}

export function fakeHost(fake: FakeExcelGlobal): AddinHost {
  return {
    kind: "fake",
    lang: fake.lang ?? "vi",
    features: { pageLayout: fake.supports(1.9) },
    supported: fake.supports(1.8),
    run: (batch) => fake.run(batch),
    showTaskpane: async () => fake.showTaskpane?.(),
  };
}

/** No Excel at all (the page opened by hand): every command says so instead of failing obscurely. */
export function noHost(lang: Lang): AddinHost {
  return {
    kind: "none",
    lang,
    features: { pageLayout: false },
    supported: false,
    run: () => Promise.reject(new Error(`${START_TEXTS[lang]["fail.start.outside"]} ${START_TEXTS[lang]["fail.start.next"]}`)),
    showTaskpane: async () => undefined,
  };
}

/** One user-facing line for an error from Excel: never a stack trace. */
export function describeError(error: unknown, lang: Lang): string {
  const code = (error as { code?: string } | null)?.code;
  if (code === "InvalidOperationInCellEditMode") return tx("excel.edit-mode", {}, lang);
  const detail = error instanceof Error ? error.message : String(error);
  return tx("excel.unexpected", { detail: detail.split("\n")[0] }, lang);
}
