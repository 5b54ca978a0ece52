// Jest's TypeScript transform: esbuild (already the project's bundler) turns each test and source
// file into CommonJS. SWC would do the same, but the npm registry this project installs from lacks
// most platforms' SWC binaries, so `npm ci` could not verify a lock file that named them.
const { createHash } = require("node:crypto");
const { transformSync, version } = require("esbuild");

const LOADERS = { ".ts": "ts", ".tsx": "tsx", ".js": "js", ".cjs": "js", ".mjs": "js", ".jsx": "jsx" };

function loaderOf(filename) {
  const match = /\.[cm]?[jt]sx?$/.exec(filename);
  return (match && LOADERS[match[0]]) || "js";
}

module.exports = {
  process(source, filename) {
    const { code, map } = transformSync(source, {
      loader: loaderOf(filename),
      format: "cjs",
      target: "node20",
      jsx: "automatic",
      sourcemap: "external",
      sourcefile: filename,
      supported: { "dynamic-import": false },
    });
    return { code, map };
  },
  getCacheKey(source, filename) {
    return createHash("sha256").update(version).update("\0").update(filename).update("\0").update(source).digest("hex");
  },
};
