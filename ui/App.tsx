// The task pane of both hosts: a header with the plan in use and the step guide, five tabs (arrow
// keys move between them, they never wrap), and the panels. A panel, once shown,
// stays mounted (hidden when another tab is chosen), so the load form keeps its plan, unit, pasted
// text and review table across tab switches, and nothing is redrawn from scratch after a command.
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { Component, lazy, Suspense, useCallback, useEffect, useMemo, useState, type ReactNode } from "react";
import type { Lang } from "../shared/model";
import { Ui, useText, type Tab, type UiContext } from "./context";
import type { HostPort, LoadedInfo, StartInfo, Step } from "./host-port";
import { LoadPanel } from "./LoadPanel";
import { StepGuide } from "./StepGuide";
import { useStyles } from "./styles";
import { Tabs } from "./Tabs";
import { text } from "./text";

// The load view is what the pane opens on; the others load when first shown (start weight).
const EnterPanel = lazy(() => import("./EnterPanel").then((m) => ({ default: m.EnterPanel })));
const CheckPanel = lazy(() => import("./CheckPanel").then((m) => ({ default: m.CheckPanel })));
const SummaryPanel = lazy(() => import("./SummaryPanel").then((m) => ({ default: m.SummaryPanel })));
const DashboardPanel = lazy(() => import("./DashboardPanel").then((m) => ({ default: m.DashboardPanel })));
const UnitsPanel = lazy(() => import("./UnitsPanel").then((m) => ({ default: m.UnitsPanel })));
const SettingsPanel = lazy(() => import("./SettingsPanel").then((m) => ({ default: m.SettingsPanel })));

const TABS: Tab[] = ["load", "enter", "check", "summary", "units", "dashboard", "settings"];

export interface ViewRequest {
  view: Tab;
  /** Run the tab's command at once (a ribbon button or a menu item asked for it). */
  run?: boolean;
}

export interface AppProps {
  port: HostPort;
  lang: Lang;
  /** Requests from outside the pane (ribbon, menu); returns the unsubscribe. */
  onViewRequest?: (listener: (request: ViewRequest) => void) => () => void;
  initialView?: Tab;
}

export function App({ port, lang: initialLang, onViewRequest, initialView }: AppProps) {
  const styles = useStyles();
  const [lang, setLang] = useState<Lang>(initialLang);
  const [tab, setTab] = useState<Tab>(initialView ?? "load");
  const [visited, setVisited] = useState<Set<Tab>>(() => new Set([initialView ?? "load"]));
  const [info, setInfo] = useState<StartInfo | null>(null);
  const [startError, setStartError] = useState<string | null>(null);
  const [step, setStep] = useState<Step>("load");
  const [errorsLeft, setErrorsLeft] = useState<number | null>(null);
  const [autoRun, setAutoRun] = useState<{ view: Tab; at: number } | null>(null);
  const t = useText(lang);

  const go = useCallback((next: Tab) => {
    setTab(next);
    setVisited((seen) => (seen.has(next) ? seen : new Set([...seen, next])));
  }, []);

  useEffect(() => {
    let live = true;
    port.start().then(
      (started) => {
        if (!live) return;
        if (started.ok) {
          setInfo(started);
          setStep(started.step);
          setLang(started.lang);
        } else setStartError(started.message);
      },
      (error: unknown) => live && setStartError(text(initialLang, "fail.call", { detail: error instanceof Error ? error.message : String(error) })),
    );
    return () => {
      live = false;
    };
  }, [port, initialLang]);

  useEffect(
    () =>
      onViewRequest?.((request) => {
        go(request.view);
        if (request.run) setAutoRun({ view: request.view, at: Date.now() });
      }),
    [onViewRequest, go],
  );

  const setLoaded = useCallback((loaded: LoadedInfo | null) => setInfo((current) => (current ? { ...current, loaded } : current)), []);
  const ui: UiContext = useMemo(
    () => ({ port, lang, setLang, t, info, setLoaded, step, setStep, errorsLeft, setErrorsLeft, go }),
    [port, lang, t, info, setLoaded, step, errorsLeft, go],
  );

  const panel = (view: Tab, node: ReactNode) =>
    visited.has(view) ? (
      <div role="tabpanel" id={`panel-${view}`} aria-labelledby={`tab-${view}`} hidden={tab !== view} key={view}>
        {node}
      </div>
    ) : null;
  const runAt = (view: Tab) => (autoRun?.view === view ? autoRun.at : null);

  return (
    <FluentProvider theme={webLightTheme} className={styles.root} lang={lang === "vi" ? "vi-VN" : "en-US"}>
      <Ui.Provider value={ui}>
        <header className={styles.header}>
          <h1 className={styles.title}>{t("app.title")}</h1>
          <p className={styles.loaded} data-testid="loaded">
            {info?.loaded ? t("loaded", { plan: planName(info, info.loaded), unit: info.loaded.unit, year: info.loaded.year }) + (info.loaded.period && info.loaded.period !== "ca-nam" ? t("loaded.period", { period: t(`period.${info.loaded.period}`) }) : "") : t("none-loaded")}
          </p>
          <StepGuide />
        </header>
        <Tabs<Tab> value={tab} onChange={go} label={t("app.title")} tabs={TABS.map((view) => ({ value: view, label: t(`tab.${view}`) }))} />
        <main className={styles.main}>
          {startError && (
            <p role="alert" className={styles.error} data-testid="start-error">
              {startError}
            </p>
          )}
          <Boundary message={t("fail.render")}>
            {panel("load", <LoadPanel />)}
            <Suspense fallback={<p className={styles.info}>{t("busy")}</p>}>
              {panel("enter", <EnterPanel />)}
              {panel("check", <CheckPanel autoRun={runAt("check")} />)}
              {panel("summary", <SummaryPanel autoRun={runAt("summary")} />)}
              {panel("units", <UnitsPanel />)}
              {panel("dashboard", <DashboardPanel autoRun={runAt("dashboard")} visible={tab === "dashboard"} />)}
              {panel("settings", <SettingsPanel />)}
            </Suspense>
          </Boundary>
        </main>
      </Ui.Provider>
    </FluentProvider>
  );
}

/** The plan in use, named as the picker names it (issuer — year), its long title only when not built in. */
function planName(info: StartInfo, loaded: LoadedInfo): string {
  const chosen = info.plans.find((p) => p.id === loaded.planId);
  if (chosen) return `${chosen.issuer} — ${chosen.year}`;
  return loaded.planTitle.length > 70 ? `${loaded.planTitle.slice(0, 68)}…` : loaded.planTitle;
}

/** A render error shows one plain line instead of a blank pane. */
class Boundary extends Component<{ message: string; children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }
  override render(): ReactNode {
    return this.state.failed ? (
      <p role="alert" data-testid="render-error">
        {this.props.message}
      </p>
    ) : (
      this.props.children
    );
  }
}
