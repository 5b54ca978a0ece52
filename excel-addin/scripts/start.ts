// `npm start`: builds the task pane, serves dist/excel-addin over https://localhost:3000 with the
// office-addin-dev-certs certificates, and sideloads into desktop Excel where office-addin-debugging
// and Excel exist. Without them it says so, prints how to sideload by hand, and keeps serving.
// `npm stop` ends it (the pid is in dist/excel-addin-server.pid).
import { existsSync, mkdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from "node:http";
import { createServer as createHttpsServer, type ServerOptions } from "node:https";
import { homedir } from "node:os";
import { extname, join, normalize } from "node:path";
import { buildTaskpane, DEFAULT_OUT_DIR } from "./build";
import { DEV_BASE_URL, REPO_ROOT } from "./manifest-checks";
import { dx } from "./messages";

export const PID_FILE = join(REPO_ROOT, "dist", "excel-addin-server.pid");
const PORT = Number(process.env.PORT ?? new URL(DEV_BASE_URL).port);
const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".png": "image/png",
  ".xml": "application/xml; charset=utf-8",
  ".json": "application/json; charset=utf-8",
};

function staticHandler(root: string) {
  return (req: IncomingMessage, res: ServerResponse) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? "/", "http://localhost").pathname)).replace(/^(\.\.[/\\])+/, "");
    const file = join(root, path === "/" ? "taskpane.html" : path);
    if (!file.startsWith(root) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("404");
      return;
    }
    res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream", "cache-control": "no-store" }).end(readFileSync(file));
  };
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return Promise.race([promise, new Promise<T>((_resolve, reject) => setTimeout(() => reject(new Error(`timeout ${ms} ms`)), ms).unref())]);
}

type DevCerts = typeof import("office-addin-dev-certs");

/** Trusted dev certificates, else self-signed ones made here, else null (plain http). */
async function httpsOptions(): Promise<ServerOptions | null> {
  const devCerts = (await import("office-addin-dev-certs")) as DevCerts;
  let failure = "";
  if (!process.env.CHITIEU_NO_CERT_INSTALL) {
    try {
      const options = await withTimeout(devCerts.getHttpsServerOptions(), 60000);
      console.log(dx("xl.dev.certs-installed"));
      return options;
    } catch (error) {
      failure = error instanceof Error ? error.message : String(error);
    }
  } else failure = "CHITIEU_NO_CERT_INSTALL";
  const dir = join(homedir(), ".chitieu-dev-certs");
  const ca = join(dir, "ca.crt");
  const cert = join(dir, "localhost.crt");
  const key = join(dir, "localhost.key");
  try {
    if (!existsSync(cert) || !existsSync(key)) {
      mkdirSync(dir, { recursive: true });
      await devCerts.generateCertificates(ca, cert, key, 30);
    }
    console.log(dx("xl.dev.certs-untrusted", { detail: failure, dir, ca }));
    return { cert: readFileSync(cert), key: readFileSync(key) };
  } catch (error) {
    console.log(dx("xl.dev.certs-none", { detail: error instanceof Error ? error.message : String(error), url: `http://localhost:${PORT}` }));
    return null;
  }
}

function desktopExcel(): string | null {
  const candidates =
    process.platform === "win32"
      ? ["C:\\Program Files\\Microsoft Office\\root\\Office16\\EXCEL.EXE", "C:\\Program Files (x86)\\Microsoft Office\\root\\Office16\\EXCEL.EXE"]
      : process.platform === "darwin"
        ? ["/Applications/Microsoft Excel.app"]
        : [];
  return candidates.find((path) => existsSync(path)) ?? null;
}

interface Debugging {
  startDebugging?: (manifest: string, options: Record<string, unknown>) => Promise<void>;
}

async function loadDebugging(): Promise<Debugging | null> {
  try {
    return (await import("office-addin-debugging" as string)) as Debugging;
  } catch {
    return null;
  }
}

async function sideload(manifest: string): Promise<void> {
  const debugging = await loadDebugging();
  const excel = desktopExcel();
  if (debugging?.startDebugging && excel) {
    console.log(dx("xl.dev.sideloading"));
    await debugging.startDebugging(manifest, { appType: "desktop", app: "excel", enableDebugging: false });
    return;
  }
  if (!debugging) console.log(dx("xl.dev.no-debugging"));
  console.log(excel ? dx("xl.dev.excel-found", { excel, path: manifest }) : dx("xl.dev.no-excel", { path: manifest }));
}

async function main(): Promise<void> {
  console.log(dx("xl.dev.building"));
  const built = await buildTaskpane({ outDir: DEFAULT_OUT_DIR, baseUrl: null, quiet: true });
  const manifest = built.manifests[0];
  const options = await httpsOptions();
  const handler = staticHandler(DEFAULT_OUT_DIR);
  const server = options ? createHttpsServer(options, handler) : createHttpServer(handler);
  server.on("error", (error: NodeJS.ErrnoException) => {
    console.error(error.code === "EADDRINUSE" ? dx("xl.dev.port-busy", { port: PORT }) : error.message);
    process.exit(2);
  });
  server.listen(PORT, "localhost", () => {
    writeFileSync(PID_FILE, String(process.pid));
    console.log(dx("xl.dev.serving", { url: `${options ? "https" : "http"}://localhost:${PORT}/taskpane.html` }));
    console.log(dx("xl.dev.manifest", { path: manifest }));
    void sideload(manifest);
  });
  const shutdown = () => {
    server.close();
    if (existsSync(PID_FILE) && readFileSync(PID_FILE, "utf8") === String(process.pid)) unlinkSync(PID_FILE);
    process.exit(0);
  };
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
}

if (require.main === module)
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  });
