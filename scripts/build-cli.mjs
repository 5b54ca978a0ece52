// Bundles the command line into dist/chitieu.cjs so the `chitieu` bin starts without a TypeScript loader,
// and the reading worker of large consolidations (cli/xlsx/unit-worker.ts) into dist/chitieu-unit-worker.cjs,
// which the bundle starts from its own folder (cli/xlsx/unit-read-parallel.ts). bench/cli.bench.ts
// builds the same two. (The entry's own "#!/usr/bin/env node" line is kept by esbuild; a second one
// would break the file.)
import { build } from "esbuild";

await build({
  entryPoints: { chitieu: "cli/main.ts", "chitieu-unit-worker": "cli/xlsx/unit-worker.ts" },
  outdir: "dist",
  outExtension: { ".js": ".cjs" },
  bundle: true,
  platform: "node",
  target: "node20",
  format: "cjs",
  external: ["exceljs", "playwright-core", "hyperformula"],
  define: { "require.main": "module" },
  logLevel: "warning",
});
