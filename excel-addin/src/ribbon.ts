// The ribbon's ExecuteFunction commands, registered in one place, before Office.onReady: each
// manifest <FunctionName> has exactly one entry here (the manifest test checks both ways). In the
// shared runtime a button opens the task pane on its view; the pane runs the command and shows
// the result, so the ribbon and the pane never disagree.
import type { AddinHost } from "./host";
import { requestView, type ViewRequest } from "./navigation";

export const RIBBON_FUNCTIONS: Record<string, ViewRequest> = {
  openPlanPicker: { view: "load" },
  checkFigures: { view: "check", run: "check" },
  buildSummarySheet: { view: "summary", run: "summary" },
  openDashboard: { view: "dashboard", run: "dashboard" },
};

export async function runRibbonFunction(name: string, host: Promise<AddinHost>): Promise<void> {
  const request = RIBBON_FUNCTIONS[name];
  if (!request) return;
  await (await host).showTaskpane();
  requestView(request);
}

/** Associates every ribbon function; `event.completed()` always runs, so a click never hangs Excel. */
export function registerRibbon(host: Promise<AddinHost>): string[] {
  if (typeof Office === "undefined" || !Office.actions?.associate) return [];
  const names = Object.keys(RIBBON_FUNCTIONS);
  for (const name of names)
    Office.actions.associate(name, async (event: Office.AddinCommands.Event) => {
      try {
        await runRibbonFunction(name, host);
      } finally {
        event.completed();
      }
    });
  return names;
}
