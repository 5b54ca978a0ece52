// Entry of the shared-runtime page: the ribbon functions are associated first, then Office.onReady
// (called once, as a function) renders the shared UI (ui/) with the Excel port. Outside Office the
// page runs against the fake Excel the test page provides, or the UI says Excel is needed.
import { createRoot } from "react-dom/client";
import { App, type ViewRequest } from "../../../ui/App";
import { fakeHost, langFromDisplayLanguage, noHost, officeHost, type AddinHost } from "../host";
import { onViewRequest } from "../navigation";
import { registerRibbon } from "../ribbon";
import { excelPort } from "./port";

// Zod (loaded with the first command) runs jitless: the bundle's "zod" module sets
// `z.config({ jitless: true })` before any schema exists (excel-addin/src/bundle/zod-slim.ts).

// Tells boot.js that this build started (else it falls back to the one-file build); "rendered"
// tells the start watchdog (watchdog.ts) that the pane is up.
const started = window as unknown as { __CHITIEU_STARTED__?: string; __CHITIEU_RENDERED__?: boolean };
started.__CHITIEU_STARTED__ ??= "modules";

let resolveHost: (host: AddinHost) => void = () => undefined;
const host = new Promise<AddinHost>((resolve) => (resolveHost = resolve));
registerRibbon(host);

function chooseHost(info: { host: Office.HostType | null } | null): AddinHost {
  if (typeof Office !== "undefined" && info?.host === Office.HostType.Excel) return officeHost();
  const fake = window.__CHITIEU_FAKE_EXCEL__;
  return fake ? fakeHost(fake) : noHost(langFromDisplayLanguage(navigator.language));
}

/** The ribbon asks for a view (and maybe its command) through navigation.ts. */
function viewRequests(listener: (request: ViewRequest) => void): () => void {
  return onViewRequest((request) => listener({ view: request.view, run: request.run !== undefined }));
}

function start(info: { host: Office.HostType | null } | null): void {
  const chosen = chooseHost(info);
  resolveHost(chosen);
  const mount = document.getElementById("root");
  if (!mount) return;
  createRoot(mount).render(<App port={excelPort(chosen)} lang={chosen.lang} onViewRequest={viewRequests} />);
  started.__CHITIEU_RENDERED__ = true;
}

if (typeof Office !== "undefined") void Office.onReady((info) => start(info));
else start(null);
