// The sidebar: load a plan (built-in, JSON file, or pasted text with review), check the figures
// (click a finding to go to its cell, one click to fix a number typed as text), build the summary,
// consolidate the units' spreadsheets. Plain DOM; user text is only ever set as textContent.
import type { Lang } from "../../../shared/model";
import type { CheckResult, ConsolidateResult, FindingView, Outcome, PlanSource, PreviewResult, SidebarState } from "../api-types";
import { formatVietnameseNumber } from "../../../shared/numbers";
import { tg } from "../messages";
import { call } from "./run";

type Tab = "load" | "check" | "summary" | "consolidate";
type Child = Node | string | null | false | undefined;

interface UiState {
  lang: Lang;
  tab: Tab;
  server: SidebarState | null;
  busy: boolean;
  status: { text: string; bad: boolean } | null;
  source: "builtin" | "json" | "text";
  planId: string;
  jsonText: string | null;
  jsonFile: string;
  pasted: string;
  preview: PreviewResult | null;
  unit: string;
  year: number;
  estimate: boolean;
  repaint: boolean;
  check: CheckResult | null;
  sentence: string | null;
  urls: string;
  consolidation: ConsolidateResult | null;
}

const start = document.querySelector('meta[name="chitieu-start"]')?.getAttribute("content");
const state: UiState = {
  lang: "vi",
  tab: start === "check" || start === "summary" || start === "consolidate" ? start : "load",
  server: null,
  busy: false,
  status: null,
  source: "builtin",
  planId: "",
  jsonText: null,
  jsonFile: "",
  pasted: "",
  preview: null,
  unit: "",
  year: new Date().getFullYear(),
  estimate: false,
  repaint: false,
  check: null,
  sentence: null,
  urls: "",
  consolidation: null,
};

const m = (key: string, params: Record<string, string | number> = {}) => tg(key, params, state.lang);

function h(tag: string, attrs: Record<string, unknown> = {}, ...children: Child[]): HTMLElement {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith("on") && typeof v === "function") el.addEventListener(k.slice(2).toLowerCase(), v as EventListener);
    else if (k === "value") (el as HTMLInputElement).value = String(v);
    else if (k === "checked") (el as HTMLInputElement).checked = Boolean(v);
    else el.setAttribute(k, v === true ? "" : String(v));
  }
  for (const c of children) if (c !== null && c !== false && c !== undefined) el.append(c);
  return el;
}

function setStatus(text: string, bad = false): void {
  state.status = { text, bad };
}

/** Runs one server call with the sidebar busy, and shows its message or failure. */
async function act<T>(work: () => Promise<Outcome<T>>, onOk: (value: { ok: true } & T) => void): Promise<void> {
  state.busy = true;
  state.status = { text: m("gas.ui.working"), bad: false };
  render();
  try {
    const result = await work();
    if (result.ok) onOk(result);
    else setStatus(result.message, true);
  } catch (error) {
    setStatus(m("gas.ui.failed", { detail: error instanceof Error ? error.message : String(error) }), true);
  } finally {
    state.busy = false;
    render();
  }
}

function refreshState(): Promise<void> {
  return act(
    () => call("getSidebarState"),
    (s) => {
      state.server = s;
      state.lang = s.lang;
      state.planId ||= s.loaded?.planId ?? s.plans[0]?.id ?? "";
      if (s.loaded) {
        state.unit ||= s.loaded.unit;
        state.year = s.loaded.year;
        state.estimate = s.loaded.estimate;
      }
      state.status = null;
    },
  );
}

// ---- Load ----
function planSource(): PlanSource | null {
  if (state.source === "builtin") return { kind: "builtin", id: state.planId };
  if (state.source === "json") return state.jsonText === null ? null : { kind: "json", text: state.jsonText, file: state.jsonFile };
  return state.preview ? { kind: "reviewed", plan: state.preview.plan } : null;
}

function loadPlan(): void {
  const source = planSource();
  if (!source) {
    setStatus(m(state.source === "json" ? "gas.ui.no-file" : "gas.error.empty-text"), true);
    render();
    return;
  }
  void act(
    () => call("loadPlan", { source, unit: state.unit, year: state.year, estimate: state.estimate, lang: state.lang, repaint: state.repaint }),
    (r) => {
      setStatus(r.messages.join(" "));
      void call("getSidebarState").then((s) => {
        if (s.ok) state.server = s;
        render();
      });
    },
  );
}

function loadTab(): HTMLElement {
  const s = state.server;
  const sourceChoice = (value: UiState["source"], label: string) =>
    h(
      "label",
      {},
      h("input", {
        type: "radio",
        name: "source",
        value,
        checked: state.source === value,
        onchange: () => {
          state.source = value;
          render();
        },
      }),
      " " + label,
    );
  const body: Child[] = [
    h("label", {}, m("gas.ui.source")),
    h("div", { class: "choice" }, sourceChoice("builtin", m("gas.ui.source.builtin")), sourceChoice("json", m("gas.ui.source.json")), sourceChoice("text", m("gas.ui.source.text"))),
  ];
  if (state.source === "builtin") {
    const select = h(
      "select",
      { id: "plan", onchange: (e: Event) => (state.planId = (e.target as HTMLSelectElement).value) },
      ...(s?.plans ?? []).map((p) => h("option", { value: p.id, selected: p.id === state.planId }, `${p.issuer} — ${p.year} (${p.indicators})`)),
    );
    body.push(h("label", { for: "plan" }, m("gas.ui.plan")), select);
  } else if (state.source === "json") {
    body.push(
      h("label", { for: "json" }, m("gas.ui.json-file")),
      h("input", {
        id: "json",
        type: "file",
        accept: ".json,application/json",
        onchange: (e: Event) => {
          const file = (e.target as HTMLInputElement).files?.[0];
          if (!file) return;
          state.jsonFile = file.name;
          void file.text().then((text) => {
            state.jsonText = text;
            render();
          });
        },
      }),
      state.jsonText !== null ? h("div", { class: "muted" }, state.jsonFile) : null,
    );
  } else {
    body.push(
      h("label", { for: "pasted" }, m("gas.ui.paste")),
      h("textarea", { id: "pasted", oninput: (e: Event) => (state.pasted = (e.target as HTMLTextAreaElement).value) }, state.pasted),
      h(
        "button",
        {
          class: "secondary",
          disabled: state.busy,
          onclick: () =>
            void act(
              () => call("previewPlanText", state.pasted, state.lang),
              (r) => {
                state.preview = r;
                setStatus(r.warnings.join(" "), false);
              },
            ),
        },
        m("gas.ui.read-text"),
      ),
    );
    if (state.preview) {
      const rows = state.preview.rows.map((r) =>
        h("tr", {}, h("td", {}, r.code), h("td", {}, r.name), h("td", {}, r.comparator ?? ""), h("td", {}, r.target === null ? (r.targetMin !== null ? `${r.targetMin}–${r.targetMax}` : "") : String(r.target)), h("td", {}, r.unit)),
      );
      body.push(h("p", {}, m("gas.ui.review", { count: state.preview.rows.length })), h("table", { class: "review" }, h("tbody", {}, ...rows)));
    }
  }
  body.push(
    h("label", { for: "unit" }, m("gas.ui.unit")),
    h("input", { id: "unit", type: "text", value: state.unit, oninput: (e: Event) => (state.unit = (e.target as HTMLInputElement).value) }),
    h("label", { for: "year" }, m("gas.ui.year")),
    h("input", { id: "year", type: "number", value: state.year, oninput: (e: Event) => (state.year = Number((e.target as HTMLInputElement).value)) }),
    h(
      "label",
      {},
      h("input", { id: "estimate", type: "checkbox", checked: state.estimate, onchange: (e: Event) => (state.estimate = (e.target as HTMLInputElement).checked) }),
      " " + m("gas.ui.estimate"),
    ),
    s?.loaded
      ? h(
          "label",
          { class: "muted" },
          h("input", { id: "repaint", type: "checkbox", checked: state.repaint, onchange: (e: Event) => (state.repaint = (e.target as HTMLInputElement).checked) }),
          " " + m("gas.ui.repaint"),
        )
      : null,
    h("button", { id: "load", class: "primary", disabled: state.busy, onclick: loadPlan }, state.source === "text" ? m("gas.ui.use-reviewed") : m("gas.ui.load")),
  );
  return h("section", {}, ...body);
}

// ---- Check ----
function findingItem(f: FindingView): HTMLElement {
  const goTo = () => {
    if (f.sheet && f.cell) void call("activateCell", f.sheet, f.cell, state.lang);
  };
  const fix =
    f.fixValue !== null && f.sheet && f.cell
      ? h(
          "button",
          {
            class: "secondary fix",
            disabled: state.busy,
            onclick: (e: Event) => {
              e.stopPropagation();
              void act(
                () => call("fixNumberAsText", f.sheet!, f.cell!, f.fixValue!, state.lang),
                (r) => {
                  setStatus(r.message);
                  if (state.check) state.check = { ...state.check, findings: state.check.findings.filter((x) => x !== f) };
                },
              );
            },
          },
          m("gas.ui.fix", { value: state.lang === "vi" ? formatVietnameseNumber(f.fixValue) : f.fixValue.toLocaleString("en-US") }),
        )
      : null;
  return h(
    "li",
    { class: f.severity, "data-cell": f.cell ?? "", title: f.cell ? m("gas.ui.goto", { cell: f.cell }) : undefined, onclick: goTo },
    h("span", { class: "tag" }, m(f.severity === "error" ? "gas.ui.error" : "gas.ui.warning")),
    f.cell ? h("span", { class: "cell" }, f.cell + " ") : null,
    h("div", {}, f.message),
    fix,
  );
}

function checkTab(): HTMLElement {
  const findings = state.check?.findings ?? [];
  return h(
    "section",
    {},
    h(
      "button",
      {
        id: "check",
        class: "primary",
        disabled: state.busy,
        onclick: () =>
          void act(
            () => call("checkFigures", state.lang),
            (r) => {
              state.check = r;
              setStatus(r.message);
            },
          ),
      },
      m("gas.ui.check"),
    ),
    findings.length > 0 ? h("ul", { class: "findings" }, ...findings.map(findingItem)) : null,
  );
}

// ---- Summary ----
function summaryTab(): HTMLElement {
  return h(
    "section",
    {},
    h(
      "button",
      {
        id: "summary",
        class: "primary",
        disabled: state.busy,
        onclick: () =>
          void act(
            () => call("buildSummary", state.lang),
            (r) => {
              state.sentence = r.sentence;
              setStatus(r.message);
            },
          ),
      },
      m("gas.ui.summary"),
    ),
    state.sentence ? h("p", {}, m("gas.ui.sentence")) : null,
    state.sentence ? h("div", { class: "sentence", id: "sentence" }, state.sentence) : null,
  );
}

// ---- Consolidation ----
function consolidateTab(): HTMLElement {
  const s = state.server;
  if (s && s.edition !== "consolidation") return h("section", {}, h("p", { class: "muted" }, m("gas.ui.needs-edition")), h("p", {}, m("gas.error.needs-consolidation-edition")));
  const c = state.consolidation;
  const pending = (c && !c.finished) || (!c && s?.job);
  const onResult = (r: ConsolidateResult) => {
    state.consolidation = r;
    setStatus(r.message);
  };
  return h(
    "section",
    {},
    h("label", { for: "urls" }, m("gas.ui.urls")),
    h("textarea", { id: "urls", oninput: (e: Event) => (state.urls = (e.target as HTMLTextAreaElement).value) }, state.urls),
    h("button", { id: "start", class: "primary", disabled: state.busy, onclick: () => void act(() => call("startConsolidation", state.urls.split(/\s+/).filter(Boolean), state.lang), onResult) }, m("gas.ui.start")),
    pending ? h("button", { id: "continue", class: "secondary", disabled: state.busy, onclick: () => void act(() => call("continueConsolidation", state.lang), onResult) }, m("gas.ui.continue")) : null,
    pending
      ? h(
          "button",
          {
            id: "cancel",
            class: "secondary",
            disabled: state.busy,
            onclick: () =>
              void act(
                () => call("cancelConsolidation", state.lang),
                (r) => {
                  state.consolidation = null;
                  if (state.server) state.server = { ...state.server, job: null };
                  setStatus(r.message);
                },
              ),
          },
          m("gas.ui.cancel"),
        )
      : null,
    c && c.register.length > 0 ? h("p", {}, m("gas.ui.register")) : null,
    c && c.register.length > 0 ? h("ul", { class: "findings" }, ...c.register.map((r) => h("li", { class: "error" }, h("div", { class: "cell" }, r.source), h("div", {}, r.reason)))) : null,
  );
}

// ---- Frame ----
function render(): void {
  const app = document.getElementById("app")!;
  document.documentElement.lang = state.lang;
  const loaded = state.server?.loaded;
  const tabs: Tab[] = ["load", "check", "summary", "consolidate"];
  const content = state.tab === "load" ? loadTab() : state.tab === "check" ? checkTab() : state.tab === "summary" ? summaryTab() : consolidateTab();
  app.replaceChildren(
    h(
      "header",
      {},
      h("div", { class: "loaded" }, loaded ? m("gas.ui.loaded", { plan: loaded.planTitle.slice(0, 60), unit: loaded.unit, year: loaded.year }) : m("gas.ui.none-loaded")),
      h(
        "button",
        {
          class: "secondary",
          id: "lang",
          onclick: () => {
            state.lang = state.lang === "vi" ? "en" : "vi";
            render();
          },
        },
        m("gas.ui.language"),
      ),
    ),
    h(
      "nav",
      { role: "tablist" },
      ...tabs.map((tab) =>
        h(
          "button",
          {
            role: "tab",
            id: `tab-${tab}`,
            "aria-selected": state.tab === tab ? "true" : "false",
            onclick: () => {
              state.tab = tab;
              state.status = null;
              render();
            },
          },
          m(`gas.ui.tab.${tab}`),
        ),
      ),
    ),
    ...(state.status && state.status.text ? [h("div", { class: state.status.bad ? "status bad" : "status", role: "status", id: "status" }, state.status.text)] : []),
    content,
  );
}

render();
void refreshState();
