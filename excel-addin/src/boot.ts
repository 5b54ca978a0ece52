// Chooses the pane's bundle (a classic script): the ES-module
// build, whose parts load on demand with dynamic import(), where the web view runs it; otherwise
// the one-file build (taskpane-legacy.js), for web views without dynamic import() such as EdgeHTML
// (Excel 2019 on Windows). The module build marks window.__CHITIEU_STARTED__ as it starts; if it
// has not once its script loaded or failed, the one-file build runs. `?legacy` forces it (tests).
(function () {
  const w = window as unknown as { __CHITIEU_STARTED__?: string };
  function add(src: string, module: boolean): HTMLScriptElement {
    const script = document.createElement("script");
    if (module) script.type = "module";
    script.src = src;
    document.body.appendChild(script);
    return script;
  }
  function legacy(): void {
    if (w.__CHITIEU_STARTED__) return;
    w.__CHITIEU_STARTED__ = "legacy";
    add("taskpane-legacy.js", false);
  }
  if (/[?&]legacy\b/.test(location.search) || !("noModule" in HTMLScriptElement.prototype)) {
    legacy();
    return;
  }
  const entry = add("taskpane.js", true);
  entry.onload = legacy;
  entry.onerror = legacy;
})();
