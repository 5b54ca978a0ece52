#!/usr/bin/env node
// The installed `chitieu`: the bundle scripts/build-cli.mjs writes at `npm ci` (the `prepare` step),
// started with V8's code cache. Compiling the 2 MB bundle costs more than a tenth of a second at
// every start, longer than the command itself takes on a few files; the compiled code of the first
// run of each command is kept (in the OS temp folder, per bundle, Node version and command) and
// later runs start from it. Node 20 has no built-in compile cache (module.enableCompileCache is
// Node 22). CHITIEU_CODE_CACHE=<folder> puts the cache elsewhere, CHITIEU_CODE_CACHE=0 turns it off.
// Anything wrong with the cache (unwritable folder, a stale or damaged file) only costs the compile:
// V8 checks the cache against the source and rejects what does not match. The folder must be the
// user's own and writable by nobody else, or no cache is used.
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const Module = require("node:module");

const bundle = path.join(__dirname, "..", "dist", "chitieu.cjs");

/** The cache file for this bundle, Node and command, or null when caching is off or impossible. */
function cacheFileFor(stat) {
  const setting = process.env.CHITIEU_CODE_CACHE;
  if (setting === "0") return null;
  const command = process.argv.slice(2).find((a) => !a.startsWith("-") && a !== "vi" && a !== "en") || "none";
  if (!/^[a-z][a-z-]{0,23}$/.test(command)) return null;
  const uid = typeof process.getuid === "function" ? process.getuid() : "u";
  const dir = setting || path.join(require("node:os").tmpdir(), `chitieu-code-cache-${uid}`);
  const key = require("node:crypto")
    .createHash("sha1")
    .update(`${bundle}\0${stat.size}\0${stat.mtimeMs}\0${process.version}\0${process.arch}`)
    .digest("hex")
    .slice(0, 16);
  // Compiled code is only read from a folder of this user's that nobody else can write to: another
  // user's file in a shared temp folder must never become code this user runs.
  try {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    const folder = fs.statSync(dir);
    if (!folder.isDirectory() || (typeof process.getuid === "function" && folder.uid !== process.getuid()) || (process.platform !== "win32" && (folder.mode & 0o022) !== 0)) return null;
  } catch {
    return null;
  }
  return path.join(dir, `${key}-${command}.bin`);
}

function run() {
  const vm = require("node:vm");
  const stat = fs.statSync(bundle);
  const cacheFile = cacheFileFor(stat);
  let cachedData;
  if (cacheFile) {
    try {
      cachedData = fs.readFileSync(cacheFile);
    } catch {
      cachedData = undefined;
    }
  }
  let source = fs.readFileSync(bundle, "utf8");
  // The bundle's own "#!" line (kept by esbuild) is not JavaScript once wrapped.
  if (source.startsWith("#!")) source = "//" + source.slice(2);
  const script = new vm.Script(Module.wrap(source), { filename: bundle, cachedData });
  if (cacheFile && (!cachedData || script.cachedDataRejected)) {
    // Kept at exit, so the cache holds the functions this command compiled, not only the top level.
    process.once("exit", () => {
      try {
        const part = `${cacheFile}.${process.pid}.part`;
        fs.writeFileSync(part, script.createCachedData());
        fs.renameSync(part, cacheFile);
      } catch {
        // No cache this time; the next run compiles again.
      }
    });
  }
  const mod = new Module(bundle, module);
  mod.filename = bundle;
  mod.paths = Module._nodeModulePaths(path.dirname(bundle));
  mod.loaded = true;
  script.runInThisContext().call(mod.exports, mod.exports, Module.createRequire(bundle), mod, bundle, path.dirname(bundle));
}

if (process.env.CHITIEU_CODE_CACHE === "0" || typeof Module.wrap !== "function") require(bundle);
else run();
