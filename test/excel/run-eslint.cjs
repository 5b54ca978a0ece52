// Runs ESLint's Node API in a plain Node process (Jest's module sandbox cannot load ESLint's
// flat config, which is imported dynamically) and prints the results as JSON.
// Usage: node run-eslint.cjs files <path>…   |   node run-eslint.cjs text <virtual path>  (code on stdin)
const { ESLint } = require("eslint");
const { readFileSync } = require("node:fs");
const { join } = require("node:path");

async function main() {
  const [mode, ...args] = process.argv.slice(2);
  const eslint = new ESLint({ cwd: join(__dirname, "..", "..") });
  const results = mode === "text" ? await eslint.lintText(readFileSync(0, "utf8"), { filePath: args[0] }) : await eslint.lintFiles(args);
  const out = results.map((r) => ({ filePath: r.filePath, messages: r.messages.map((m) => ({ ruleId: m.ruleId, severity: m.severity, line: m.line, message: m.message })) }));
  process.stdout.write(JSON.stringify(out));
}

main().catch((error) => {
  process.stderr.write(String(error && error.stack ? error.stack : error));
  process.exitCode = 2;
});
