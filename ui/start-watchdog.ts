// The pane that cannot start: loaded as a plain script before anything else, it waits for the UI to
// say it rendered (window.__CHITIEU_RENDERED__); when that does not happen in time (Office.js never
// loaded, google.script.run is absent, the web view cannot run the bundle), it replaces "Đang tải…"
// with what happened and what to do next, in plain words, pointing to the .xlsx template.
import { START_TEXTS } from "./start-text";

export const START_TIMEOUT_MS = 15000;

export function watchStart(host: "excel" | "sheets", timeoutMs: number = START_TIMEOUT_MS): void {
  const w = window as unknown as { __CHITIEU_RENDERED__?: boolean; __CHITIEU_START_TIMEOUT__?: number };
  const wait = w.__CHITIEU_START_TIMEOUT__ ?? timeoutMs;
  setTimeout(() => {
    if (w.__CHITIEU_RENDERED__) return;
    const box = document.createElement("div");
    box.setAttribute("role", "alert");
    box.setAttribute("data-testid", "start-failure");
    box.style.cssText = "font-family:Segoe UI,Roboto,Arial,sans-serif;font-size:14px;padding:12px;line-height:1.45";
    for (const lang of ["vi", "en"] as const) {
      const texts = START_TEXTS[lang];
      const part = document.createElement("section");
      part.lang = lang;
      if (lang === "en") part.style.cssText = "margin-top:12px;color:#555;font-size:12px";
      const title = document.createElement("h1");
      title.style.cssText = "font-size:16px;margin:0 0 6px";
      title.textContent = texts["fail.start.title"];
      const why = document.createElement("p");
      why.textContent = texts[host === "excel" ? "fail.start.excel" : "fail.start.sheets"];
      const next = document.createElement("p");
      next.textContent = texts["fail.start.next"];
      part.append(title, why, next);
      box.append(part);
    }
    const root = document.getElementById("root") ?? document.getElementById("app");
    if (root) root.replaceChildren(box);
    else (document.body ?? document.documentElement).appendChild(box);
  }, wait);
}
