// `npm run validate [-- <manifest.xml>]`: the manifest against the offline XSDs, then the checks
// the schema cannot make. Exit 0 when both pass. (Microsoft's `office-addin-manifest validate`
// posts XML manifests to an online service, so it cannot run here; see README.)
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { ROOT_MANIFEST, semanticProblems, validateAgainstSchema } from "./manifest-checks";

const path = process.argv[2] ? resolve(process.argv[2]) : ROOT_MANIFEST;
const schema = validateAgainstSchema(path);
console.log(schema.ok ? `XSD: ${path} validates` : `XSD: ${path} does not validate\n${schema.output}`);
const problems = semanticProblems(readFileSync(path, "utf8"));
for (const problem of problems) console.log(`  - ${problem}`);
console.log(problems.length === 0 ? "Checks: resids, strings, https URLs, icons, function names, locales: all right" : `Checks: ${problems.length} problems`);
process.exitCode = schema.ok && problems.length === 0 ? 0 : 1;
