// Bundles the command line into dist/chitieu.cjs so the `chitieu` bin starts without a TypeScript loader.
import { build } from "esbuild";

await build({
  entryPoints: ["cli/main.ts"],
  bundle: true,
  platform: "node",
  target: "node20",
  format: "cjs",
  outfile: "dist/chitieu.cjs",
  external: ["exceljs", "playwright-core", "hyperformula"],
  banner: { js: "#!/usr/bin/env node" },
  define: { "require.main": "module" },
  logLevel: "warning",
});
