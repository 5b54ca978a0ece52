/** Jest: TypeScript through esbuild, tests by layer under test/, one closing line for CI. */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  transform: { "^.+\\.(t|j)sx?$": "<rootDir>/test/support/esbuild-transform.cjs" },
  moduleFileExtensions: ["ts", "tsx", "js", "cjs", "mjs", "json"],
  testTimeout: 30000,
  reporters: ["default", "<rootDir>/test/support/count-reporter.cjs"],
};
