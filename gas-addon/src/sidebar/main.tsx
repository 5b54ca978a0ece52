// The Sheets sidebar: the shared UI (ui/) over the google.script.run port, in one HTML file served
// by HtmlService. Without the bridge (the page opened alone, or the frame's policy blocked what
// HtmlService injects) the boot screen says so at once instead of "Đang tải…" forever.
import { createRoot } from "react-dom/client";
import type { Tab } from "../../../ui/context";
import { App } from "../../../ui/App";
import { hasBridge } from "./run";
import { sheetsPort } from "./port";

/** The menu item the sidebar was opened from (menu.ts appends it after the page, so read it once parsed). */
function startView(): Tab {
  const start = document.querySelector('meta[name="chitieu-start"]')?.getAttribute("content");
  if (start === "check") return "check";
  if (start === "summary" || start === "consolidate") return "summary";
  return "load";
}

function start(): void {
  const mount = document.getElementById("app");
  if (!mount) return;
  if (!hasBridge()) {
    mount.querySelector(".boot-failed")?.classList.add("now");
    mount.querySelector(".boot-wait")?.remove();
    return;
  }
  const view = startView();
  createRoot(mount).render(<App port={sheetsPort()} lang={document.documentElement.lang === "en" ? "en" : "vi"} initialView={view} onViewRequest={view === "load" ? undefined : (listener) => (listener({ view, run: true }), () => undefined)} />);
  (window as unknown as { __CHITIEU_RENDERED__?: boolean }).__CHITIEU_RENDERED__ = true;
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
else start();
