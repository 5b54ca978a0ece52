// Lints given texts as if they were files at given paths, with the project's ESLint config, and
// prints the no-restricted-imports messages of each as JSON. A separate Node process, because the
// config is an ES module that Jest's module system cannot load.
import { ESLint } from "eslint";
import { join } from "node:path";
import { readFileSync } from "node:fs";

const root = process.argv[2];
const cases = JSON.parse(readFileSync(0, "utf8"));
const eslint = new ESLint({ cwd: root });
const out = [];
for (const { file, code } of cases) {
  const [result] = await eslint.lintText(code, { filePath: join(root, file) });
  out.push(result.messages.filter((m) => m.ruleId === "no-restricted-imports").map((m) => m.message));
}
process.stdout.write(JSON.stringify(out));
