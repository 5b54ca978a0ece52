// The fresh-machine policy (issue 11 §1): a test whose engine is missing is skipped loudly, with
// the Debian package named and counted in the closing line; under CI it fails instead.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { testWithEngine } from "../support/engines";

const ROOT = join(__dirname, "..", "..");

function runSample(env: Record<string, string>): { code: number | null; out: string } {
  const config = JSON.stringify({
    rootDir: ROOT,
    roots: ["<rootDir>/test/fixtures/engine-policy"],
    testMatch: ["**/*.policy.ts"],
    transform: { "^.+\\.(t|j)sx?$": "<rootDir>/test/support/esbuild-transform.cjs" },
    reporters: ["default", "<rootDir>/test/support/count-reporter.cjs"],
  });
  const run = spawnSync(process.execPath, [require.resolve("jest/bin/jest"), "--config", config], {
    cwd: ROOT,
    env: { ...process.env, CI: "", ...env },
    encoding: "utf8",
    timeout: 120_000,
  });
  return { code: run.status, out: `${run.stdout}${run.stderr}` };
}

test("without an engine: skipped, each missing engine named with its install line, counted in the closing line", () => {
  const { code, out } = runSample({ CHITIEU_TEST_WITHOUT: "libreoffice,xmllint" });
  expect(code).toBe(0);
  expect(out).toContain("SKIPPED 2 test(s): LibreOffice is not installed; apt-get install libreoffice-calc");
  expect(out).toContain("SKIPPED 1 test(s): xmllint is not installed; apt-get install libxml2-utils");
  expect(out).toMatch(/^tests: 1 passed, 0 failed, 3 skipped \(no LibreOffice: apt-get install libreoffice-calc; no xmllint: apt-get install libxml2-utils\)$/m);
});

test("under CI a missing engine fails the run", () => {
  const { code, out } = runSample({ CHITIEU_TEST_WITHOUT: "libreoffice", CI: "true" });
  expect(code).not.toBe(0);
  expect(out).toMatch(/^tests: 2 passed, 1 failed$/m);
  expect(out).toContain("CI must run every test: LibreOffice is not installed");
});

testWithEngine(["libreoffice", "xmllint"], "with the engines installed, nothing is skipped", () => {
  const { code, out } = runSample({ CHITIEU_TEST_WITHOUT: "" });
  expect(out).not.toContain("SKIPPED");
  expect(code).toBe(0);
  expect(out).toMatch(/^tests: 4 passed, 0 failed$/m);
});
