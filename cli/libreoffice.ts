// LibreOffice, headless: the PDF printer of `summary --pdf`, the real engine of the tests and the
// baseline of the benchmark. Every run gets a throw-away profile, so it neither waits on nor
// changes the user's own LibreOffice, and is removed afterwards.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const CANDIDATES = ["/usr/bin/soffice", "/usr/local/bin/soffice", "/usr/lib/libreoffice/program/soffice", "/opt/libreoffice/program/soffice", "/Applications/LibreOffice.app/Contents/MacOS/soffice"];

/** The soffice executable, or null when LibreOffice is not installed. */
export function findSoffice(): string | null {
  const fromEnv = process.env.CHITIEU_SOFFICE;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : null;
  for (const path of CANDIDATES) if (existsSync(path)) return path;
  const which = spawnSync(process.platform === "win32" ? "where" : "which", ["soffice"], { encoding: "utf8" });
  const found = which.status === 0 ? which.stdout.split(/\r?\n/)[0]?.trim() : "";
  return found ? found : null;
}

export interface ConvertResult {
  ok: boolean;
  /** What soffice said, for a one-line reason when it failed. */
  output: string;
}

/**
 * Converts files in one soffice run: `format` is what `--convert-to` takes ("pdf", "xlsx",
 * `csv:"Text - txt - csv (StarCalc)":44,34,76,1,,0,false,true,false,false,false,-1`).
 */
export function convertWithLibreOffice(
  soffice: string,
  files: string[],
  format: string,
  outDir: string,
  options: { timeoutMs?: number; locale?: string } = {},
): Promise<ConvertResult> {
  const timeoutMs = options.timeoutMs ?? 600_000;
  // The locale decides how numbers print ("7.312,72" under vi_VN); LibreOffice takes it from the environment.
  const env = options.locale ? { ...process.env, LC_ALL: options.locale, LANG: options.locale } : process.env;
  const profile = mkdtempSync(join(tmpdir(), "chitieu-lo-profile-"));
  const args = [`-env:UserInstallation=${pathToFileURL(profile).href}`, "--headless", "--norestore", "--nolockcheck", "--convert-to", format, "--outdir", outDir, ...files];
  return new Promise((resolve) => {
    const child = spawn(soffice, args, { stdio: ["ignore", "pipe", "pipe"], env });
    let output = "";
    child.stdout.on("data", (d: Buffer) => (output += d.toString("utf8")));
    child.stderr.on("data", (d: Buffer) => (output += d.toString("utf8")));
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    const finish = (ok: boolean, extra = "") => {
      clearTimeout(timer);
      rmSync(profile, { recursive: true, force: true });
      resolve({ ok, output: (output + extra).trim() });
    };
    child.on("error", (error) => finish(false, error.message));
    child.on("close", (code) => finish(code === 0, code === 0 ? "" : ` (exit ${code})`));
  });
}
