// Entry of the shared-runtime page: the ribbon functions are associated first, then Office.onReady
// (called once, as a function) renders the task pane. Outside Office the page runs against the fake
// Excel the test page provides, or says that Excel is needed.
import { createRoot } from "react-dom/client";
import { fakeHost, langFromDisplayLanguage, noHost, officeHost, type AddinHost } from "../host";
import { registerRibbon } from "../ribbon";
import { App } from "./App";

// Zod (loaded with the first command) runs jitless: the bundle's "zod" module sets
// `z.config({ jitless: true })` before any schema exists (excel-addin/src/bundle/zod-slim.ts).

// Tells boot.js that this build started (else it falls back to the one-file build).
const started = window as unknown as { __CHITIEU_STARTED__?: string };
started.__CHITIEU_STARTED__ ??= "modules";

let resolveHost: (host: AddinHost) => void = () => undefined;
const host = new Promise<AddinHost>((resolve) => (resolveHost = resolve));
registerRibbon(host);

function chooseHost(info: { host: Office.HostType | null } | null): AddinHost {
  if (info?.host === Office.HostType.Excel) return officeHost();
  const fake = window.__CHITIEU_FAKE_EXCEL__;
  return fake ? fakeHost(fake) : noHost(langFromDisplayLanguage(navigator.language));
}

function start(info: { host: Office.HostType | null } | null): void {
  const chosen = chooseHost(info);
  resolveHost(chosen);
  const mount = document.getElementById("root");
  if (mount) createRoot(mount).render(<App host={chosen} />);
}

if (typeof Office !== "undefined") void Office.onReady((info) => start(info));
else start(null);
