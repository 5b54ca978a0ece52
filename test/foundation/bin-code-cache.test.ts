// The installed `chitieu` starts from V8's code cache (bin/chitieu.cjs): the first run of a command
// keeps the compiled bundle, later runs read it; a damaged or stale cache only costs a compile, an
// unwritable cache folder changes nothing. (The time saved is the bench's: cli.consolidate.*.)
import { spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const ROOT = resolve(__dirname, "../..");

function chitieu(cache: string, ...args: string[]) {
  return spawnSync(process.execPath, ["bin/chitieu.cjs", ...args], { cwd: ROOT, encoding: "utf8", env: { ...process.env, CHITIEU_CODE_CACHE: cache } });
}

let dir: string;
beforeAll(() => {
  const build = spawnSync(process.execPath, ["scripts/build-cli.mjs"], { cwd: ROOT, encoding: "utf8" });
  expect(build.status).toBe(0);
  dir = mkdtempSync(join(tmpdir(), "chitieu-code-cache-test-"));
}, 60000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test("the first run keeps the cache for its command, the next reads it and answers the same", () => {
  const cache = join(dir, "ok");
  const first = chitieu(cache, "plans", "--json");
  expect(first.status).toBe(0);
  const files = readdirSync(cache);
  expect(files).toHaveLength(1);
  expect(files[0]).toMatch(/-plans\.bin$/);
  const written = statSync(join(cache, files[0]!)).mtimeMs;
  const second = chitieu(cache, "plans", "--json");
  expect(second.stdout).toBe(first.stdout);
  expect(second.stderr).toBe("");
  // Accepted, so not written again.
  expect(statSync(join(cache, files[0]!)).mtimeMs).toBe(written);
  // Another command, its own cache.
  expect(chitieu(cache, "plan", "dong-hai-2025").status).toBe(0);
  const after = readdirSync(cache);
  expect(after).toHaveLength(2);
  expect(after.filter((f) => /-plan\.bin$/.test(f))).toHaveLength(1);
}, 60000);

test("a damaged cache is rejected by V8 and rewritten; the command answers as without one", () => {
  const cache = join(dir, "damaged");
  const clean = chitieu("0", "plans", "--json");
  expect(chitieu(cache, "plans", "--json").stdout).toBe(clean.stdout);
  const file = join(cache, readdirSync(cache)[0]!);
  writeFileSync(file, Buffer.from("not a code cache at all"));
  const run = chitieu(cache, "plans", "--json");
  expect(run.status).toBe(0);
  expect(run.stdout).toBe(clean.stdout);
  expect(readFileSync(file).length).toBeGreaterThan(1000);
}, 60000);

test("a cache folder others may write to is not used", () => {
  const shared = join(dir, "shared");
  mkdirSync(shared, { mode: 0o777 });
  chmodSync(shared, 0o777);
  const run = chitieu(shared, "plans", "--json");
  expect(run.status).toBe(0);
  expect(readdirSync(shared)).toEqual([]);
});

test("an unwritable cache folder changes nothing but the compile", () => {
  const blocked = join(dir, "a-file");
  writeFileSync(blocked, "");
  const run = chitieu(join(blocked, "cache"), "plan", "khong-co-ke-hoach-nay");
  expect(run.status).toBe(2);
  expect(run.stderr.trim().split("\n")).toHaveLength(1);
});
