// `npm run build`: the task pane as static files for any HTTPS host, in dist/excel-addin/:
// taskpane.html (the shared-runtime page: task pane and ribbon FunctionFile in one), taskpane.js
// (minified, React in production mode), support.html, assets/, and two manifests generated from
// the root manifest.xml: manifest.localhost.xml (https://localhost:3000) and manifest.xml (the
// production URL from ADDIN_BASE_URL). Prints the start weight: what the pane loads at start,
// gzipped; Office.js itself comes from Microsoft's CDN and is not counted.
import { build, type Metafile, type Plugin } from "esbuild";
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, relative, resolve, sep } from "node:path";
import { gzipSync } from "node:zlib";
import { builtInPlans } from "../../shared/catalog";
import { ASSETS_DIR, DEV_BASE_URL, REPO_ROOT, ROOT_MANIFEST, manifestFor } from "./manifest-checks";

export const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
export const DEFAULT_OUT_DIR = join(REPO_ROOT, "dist", "excel-addin");
export const START_WEIGHT_GOAL_KB = 150;

/** Resolves the bare "zod" (not its subpaths) to the slim module (see excel-addin/src/bundle/zod-slim.ts). */
const slimZod: Plugin = {
  name: "slim-zod",
  setup(builder) {
    builder.onResolve({ filter: /^zod$/ }, () => ({ path: join(REPO_ROOT, "excel-addin", "src", "bundle", "zod-slim.ts") }));
  },
};

/** "virtual:plan-index": the built-in plans' id, title and size, so the picker needs no plan data at start. */
const planIndex: Plugin = {
  name: "plan-index",
  setup(builder) {
    builder.onResolve({ filter: /^virtual:plan-index$/ }, (args) => ({ path: args.path, namespace: "plan-index" }));
    builder.onLoad({ filter: /.*/, namespace: "plan-index" }, () => ({
      contents: JSON.stringify(builtInPlans().map((plan) => ({ id: plan.id, title: plan.title, issuer: plan.issuer, year: plan.year, indicators: plan.indicators.length }))),
      loader: "json",
    }));
  },
};

export interface BuildResult {
  outDir: string;
  /** Gzipped bytes of each file the pane loads at start. */
  startFiles: Record<string, number>;
  startKB: number;
  manifests: string[];
}

/**
 * The pane runs only its own scripts and Office.js from Microsoft's CDN, and talks to nobody.
 * Fluent UI injects its styles at run time, hence 'unsafe-inline' for styles only; there is no
 * 'unsafe-eval' (the bundled zod runs jitless). A <meta> policy cannot set frame-ancestors: a host
 * that serves the pane should send it as a header (SECURITY.md).
 */
export const TASKPANE_CSP = [
  "default-src 'self'",
  "script-src 'self' https://appsforoffice.microsoft.com",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "frame-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join("; ");

function page(lang: string, title: string, body: string, scripts: string): string {
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${TASKPANE_CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="X-UA-Compatible" content="IE=edge">
<title>${title}</title>
${scripts}
</head>
<body>
${body}
</body>
</html>
`;
}

export async function buildTaskpane(options: { outDir?: string; baseUrl?: string | null; quiet?: boolean } = {}): Promise<BuildResult> {
  const outDir = options.outDir ?? DEFAULT_OUT_DIR;
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(join(outDir, "assets"), { recursive: true });

  const common = {
    bundle: true,
    minify: true,
    // ES2017 syntax for older WebKit on Mac; the web views the pane needs are listed in the README.
    target: ["es2017"],
    jsx: "automatic" as const,
    define: { "process.env.NODE_ENV": '"production"' },
    legalComments: "none" as const,
    plugins: [slimZod, planIndex],
    logLevel: "error" as const,
    charset: "utf8" as const,
  };
  const entry = join(REPO_ROOT, "excel-addin", "src", "taskpane", "main.tsx");
  // The one-file build for web views without dynamic import() (boot.js chooses).
  await build({ ...common, entryPoints: [entry], format: "iife", outfile: join(outDir, "taskpane-legacy.js") });
  await build({ ...common, entryPoints: [join(REPO_ROOT, "excel-addin", "src", "boot.ts")], format: "iife", target: ["es2015"], outfile: join(outDir, "boot.js") });
  // The start watchdog runs before Office.js, so a pane that cannot start says why (ui/start-watchdog.ts).
  await build({ ...common, entryPoints: [join(REPO_ROOT, "excel-addin", "src", "taskpane", "watchdog.ts")], format: "iife", target: ["es2015"], outfile: join(outDir, "watchdog.js") });
  const result = await build({
    ...common,
    entryPoints: [entry],
    // ES modules with code splitting: what a view needs only on demand (the text importer, the
    // report builders, the .xlsx reader) loads on first use and stays out of the start weight.
    format: "esm",
    splitting: true,
    chunkNames: "chunks/[name]-[hash]",
    outdir: outDir,
    entryNames: "taskpane",
    metafile: true,
  });

  const html = page(
    "vi",
    "Chỉ tiêu thi đua",
    `<div id="root"><p style="font-family:Segoe UI,sans-serif;padding:12px">Đang tải… / Loading…</p></div>\n<script src="boot.js"></script>`,
    `<script src="watchdog.js"></script>\n<script src="${OFFICE_JS_CDN}"></script>`,
  );
  writeFileSync(join(outDir, "taskpane.html"), html);
  writeFileSync(
    join(outDir, "support.html"),
    page(
      "vi",
      "Chỉ tiêu thi đua — Hỗ trợ",
      `<h1>Chỉ tiêu thi đua</h1><p>Hướng dẫn cài đặt và sử dụng: xem tệp excel-addin/README.md của dự án.</p><p lang="en">Installation and use: see excel-addin/README.md in the project.</p>`,
      "",
    ),
  );
  for (const file of readdirSync(ASSETS_DIR)) if (file.endsWith(".png")) copyFileSync(join(ASSETS_DIR, file), join(outDir, "assets", file));

  const rootManifest = readFileSync(ROOT_MANIFEST, "utf8");
  const manifests = [join(outDir, "manifest.localhost.xml")];
  writeFileSync(manifests[0], manifestFor(rootManifest, DEV_BASE_URL));
  const baseUrl = options.baseUrl === undefined ? process.env.ADDIN_BASE_URL : options.baseUrl;
  if (baseUrl) {
    writeFileSync(join(outDir, "manifest.xml"), manifestFor(rootManifest, baseUrl));
    manifests.push(join(outDir, "manifest.xml"));
  }

  const startFiles: Record<string, number> = {};
  for (const file of ["taskpane.html", "watchdog.js", "boot.js", ...startChunks(result.metafile, outDir)]) startFiles[file] = gzipSync(readFileSync(join(outDir, file)), { level: 9 }).length;
  const startKB = Math.round((Object.values(startFiles).reduce((a, b) => a + b, 0) / 1024) * 10) / 10;
  writeFileSync(join(outDir, "build-report.json"), JSON.stringify({ startFiles, startKB, goalKB: START_WEIGHT_GOAL_KB }, null, 2));
  if (!options.quiet) {
    console.log(`Task pane built in ${outDir}`);
    for (const [file, bytes] of Object.entries(startFiles)) console.log(`  ${file.padEnd(16)} ${(bytes / 1024).toFixed(1)} KB gzipped`);
    console.log(`Start weight: ${startKB} KB gzipped (goal ≤ ${START_WEIGHT_GOAL_KB} KB; Office.js from Microsoft's CDN not counted)`);
    console.log(`Manifests: ${manifests.join(", ")}`);
    if (!baseUrl) console.log("No ADDIN_BASE_URL: only the localhost manifest was written. ADDIN_BASE_URL=https://host/path npm run build writes dist/excel-addin/manifest.xml.");
  }
  return { outDir, startFiles, startKB, manifests };
}

/** The entry and every chunk it imports statically: what the browser fetches before the pane shows. */
function startChunks(metafile: Metafile, outDir: string): string[] {
  const outputs = metafile.outputs;
  const key = (path: string) => relative(outDir, resolve(REPO_ROOT, path)).split(sep).join("/");
  const entry = Object.keys(outputs).find((path) => key(path) === "taskpane.js");
  if (!entry) throw new Error("the build wrote no taskpane.js");
  const seen = new Set<string>();
  const visit = (path: string) => {
    if (seen.has(path)) return;
    seen.add(path);
    for (const imported of outputs[path].imports) if (imported.kind === "import-statement" && outputs[imported.path]) visit(imported.path);
  };
  visit(entry);
  const css = Object.keys(outputs).filter((path) => path.endsWith(".css"));
  return [...seen, ...css].map(key);
}

if (require.main === module) {
  buildTaskpane().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
