// The task pane: five views (load, check, summary, dashboard, settings) over one host. Every
// command goes through `useCommand`, which shows a busy state and turns any failure into one line.
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { createContext, lazy, Suspense, useCallback, useContext, useEffect, useState } from "react";
import type { Lang } from "../../../shared/model";
import { describeError, type AddinHost } from "../host";
import { tx } from "../messages";
import { onViewRequest, type View, type ViewAction } from "../navigation";
import { Tabs } from "./controls";
import { LoadPanel } from "./LoadPanel";
import { useStyles } from "./styles";

// The load view is what the pane opens on; the others load when first shown (start weight).
const CheckPanel = lazy(() => import("./CheckPanel").then((m) => ({ default: m.CheckPanel })));
const SummaryPanel = lazy(() => import("./SummaryPanel").then((m) => ({ default: m.SummaryPanel })));
const DashboardPanel = lazy(() => import("./DashboardPanel").then((m) => ({ default: m.DashboardPanel })));
const SettingsPanel = lazy(() => import("./SettingsPanel").then((m) => ({ default: m.SettingsPanel })));

export interface PaneContext {
  host: AddinHost;
  lang: Lang;
  setLang(lang: Lang): void;
  /** Runs a command against Excel; resolves to null (and shows the error) when it throws. */
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T | null>;
  busy: boolean;
  error: string | null;
  clearError(): void;
}

const Pane = createContext<PaneContext | null>(null);

export function usePane(): PaneContext {
  const pane = useContext(Pane);
  if (!pane) throw new Error("usePane outside <App>");
  return pane;
}

export function useText(): (key: Parameters<typeof tx>[0], params?: Parameters<typeof tx>[1]) => string {
  const { lang } = usePane();
  return (key, params = {}) => tx(key, params, lang);
}

export function App({ host }: { host: AddinHost }) {
  const styles = useStyles();
  const [lang, setLang] = useState<Lang>(host.lang);
  const [view, setView] = useState<View>("load");
  const [action, setAction] = useState<{ run: ViewAction; at: number } | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(
    () =>
      onViewRequest((request) => {
        setView(request.view);
        if (request.run) setAction({ run: request.run, at: Date.now() });
      }),
    [],
  );

  const run = useCallback(
    async <T,>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T | null> => {
      setBusy(true);
      setError(null);
      try {
        return await host.run(batch);
      } catch (caught) {
        setError(describeError(caught, lang));
        return null;
      } finally {
        setBusy(false);
      }
    },
    [host, lang],
  );

  const pane: PaneContext = { host, lang, setLang, run, busy, error, clearError: () => setError(null) };
  const t = (key: Parameters<typeof tx>[0]) => tx(key, {}, lang);
  return (
    <FluentProvider theme={webLightTheme} className={styles.root} lang={lang === "vi" ? "vi-VN" : "en-US"}>
      <Pane.Provider value={pane}>
        <header className={styles.header}>
          <h1 className={styles.title}>{t("xl.app.title")}</h1>
        </header>
        {!host.supported && host.kind !== "none" && <p className={styles.error}>{t("xl.error.old-excel")}</p>}
        <Tabs<View>
          value={view}
          onChange={setView}
          tabs={[
            { value: "load", label: t("xl.tab.load") },
            { value: "check", label: t("xl.tab.check") },
            { value: "summary", label: t("xl.tab.summary") },
            { value: "dashboard", label: t("xl.tab.dashboard") },
            { value: "settings", label: t("xl.tab.settings") },
          ]}
        />
        <main className={styles.main}>
          {error && (
            <p role="alert" className={styles.error} data-testid="error">
              {error}
            </p>
          )}
          {view === "load" && <LoadPanel />}
          <Suspense fallback={<p className={styles.info}>…</p>}>
            {view === "check" && <CheckPanel autoRun={action?.run === "check" ? action.at : null} />}
            {view === "summary" && <SummaryPanel autoRun={action?.run === "summary" ? action.at : null} />}
            {view === "dashboard" && <DashboardPanel autoRun={action?.run === "dashboard" ? action.at : null} />}
            {view === "settings" && <SettingsPanel />}
          </Suspense>
        </main>
      </Pane.Provider>
    </FluentProvider>
  );
}
