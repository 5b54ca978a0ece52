// Bundles the command line into dist/chitieu.cjs so the `chitieu` bin starts without a TypeScript loader.
// (The entry's own "#!/usr/bin/env node" line is kept by esbuild; a second one would break the file.)
import { build } from "esbuild";

await build({
  entryPoints: ["cli/main.ts"],
  bundle: true,
  platform: "node",
  target: "node20",
  format: "cjs",
  outfile: "dist/chitieu.cjs",
  external: ["exceljs", "playwright-core", "hyperformula"],
  define: { "require.main": "module" },
  logLevel: "warning",
});
