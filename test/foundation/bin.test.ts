// The installed `chitieu`: the bundle `npm ci` builds (the `prepare` step), started as a user starts it.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";

const ROOT = resolve(__dirname, "../..");

beforeAll(() => {
  const build = spawnSync(process.execPath, ["scripts/build-cli.mjs"], { cwd: ROOT, encoding: "utf8" });
  expect(build.status).toBe(0);
}, 60000);

test("the bundle starts with exactly one #! line", () => {
  const lines = readFileSync(resolve(ROOT, "dist/chitieu.cjs"), "utf8").split("\n", 3);
  expect(lines[0]).toBe("#!/usr/bin/env node");
  expect(lines[1].startsWith("#!")).toBe(false);
});

test("bin/chitieu.cjs lists the plans and exits 0", () => {
  const run = spawnSync(process.execPath, ["bin/chitieu.cjs", "plans", "--json"], { cwd: ROOT, encoding: "utf8" });
  expect(run.stderr).toBe("");
  expect(run.status).toBe(0);
  expect((JSON.parse(run.stdout) as { id: string }[]).map((p) => p.id)).toContain("hai-phong-232-2025");
});

test("bad arguments through the bin: exit 2, one line, no stack trace", () => {
  const run = spawnSync(process.execPath, ["bin/chitieu.cjs", "plan", "khong-co-ke-hoach-nay"], { cwd: ROOT, encoding: "utf8" });
  expect(run.status).toBe(2);
  expect(run.stderr.trim().split("\n")).toHaveLength(1);
  expect(run.stderr).not.toMatch(/\bat .*\(.*:\d+:\d+\)/);
});
