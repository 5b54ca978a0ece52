// The build checks types: the core alone with no host or Node types (so no host API can creep into
// shared/), then everything. jest runs TypeScript through esbuild, which strips types without
// checking them, so without this a type error would pass `npm test`.
import { spawnSync } from "node:child_process";
import { join } from "node:path";

const ROOT = join(__dirname, "..", "..");
const TSC = require.resolve("typescript/bin/tsc");

function tsc(project: string): string {
  const run = spawnSync(process.execPath, [TSC, "-p", project, "--noEmit"], { cwd: ROOT, encoding: "utf8", timeout: 900_000 });
  return `${run.status === 0 ? "" : `exit ${run.status}\n`}${run.stdout}${run.stderr}`.trim();
}

test("the core typechecks alone, with no host, DOM or Node types", () => {
  expect(tsc("shared/tsconfig.json")).toBe("");
}, 900_000);

test("the whole project typechecks", () => {
  expect(tsc("tsconfig.json")).toBe("");
}, 900_000);
