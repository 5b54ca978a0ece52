// Validates an OOXML package (.xlsx, .docx) the way a strict reader would see it: every XML part
// against its ECMA-376 Transitional schema with xmllint, offline (../shared/schemas/ooxml with its
// catalog), after markup-compatibility processing (ooxml-mce.ts); plus the package rules a schema
// cannot state (content types, relationship targets) and, for workbooks, the cross-part rules
// whose breach makes Excel offer to repair the file (ooxml-workbook-checks.ts).
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, posix } from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { processMarkupCompatibility } from "./ooxml-mce";
import { workbookProblems } from "./ooxml-workbook-checks";

export const SCHEMA_DIR = join(__dirname, "..", "..", "..", "shared", "schemas", "ooxml");

export interface OoxmlProblem {
  /** The part, e.g. "xl/worksheets/sheet1.xml" ("" for the package as a whole). */
  part: string;
  message: string;
}

/** The schema of a part, by the namespace of its root element. */
const SCHEMA_BY_ROOT_NAMESPACE: Record<string, string> = {
  "http://schemas.openxmlformats.org/spreadsheetml/2006/main": "sml.xsd",
  "http://schemas.openxmlformats.org/wordprocessingml/2006/main": "wml.xsd",
  "http://schemas.openxmlformats.org/presentationml/2006/main": "pml.xsd",
  "http://schemas.openxmlformats.org/drawingml/2006/main": "dml-main.xsd",
  "http://schemas.openxmlformats.org/drawingml/2006/chart": "dml-chart.xsd",
  "http://schemas.openxmlformats.org/drawingml/2006/chartDrawing": "dml-chartDrawing.xsd",
  "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing": "dml-spreadsheetDrawing.xsd",
  "http://schemas.openxmlformats.org/drawingml/2006/diagram": "dml-diagram.xsd",
  "http://schemas.openxmlformats.org/package/2006/content-types": "opc-contentTypes.xsd",
  "http://schemas.openxmlformats.org/package/2006/relationships": "opc-relationships.xsd",
  "http://schemas.openxmlformats.org/package/2006/metadata/core-properties": "opc-coreProperties.xsd",
  "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties": "shared-documentPropertiesExtended.xsd",
  "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties": "shared-documentPropertiesCustom.xsd",
  "http://schemas.openxmlformats.org/officeDocument/2006/bibliography": "shared-bibliography.xsd",
  "http://schemas.openxmlformats.org/officeDocument/2006/customXml": "shared-customXmlDataProperties.xsd",
};

/** Legacy parts the ECMA schemas do not govern as documents (VML is a drawing language of its own). */
const NOT_SCHEMA_VALIDATED = /\.vml$/i;

export interface ValidateOptions {
  /** The xmllint binary (enginePath("xmllint")). */
  xmllint: string;
}

/** Every problem of the package, per part; [] for a sound file. */
export function validateOoxml(bytes: Uint8Array, options: ValidateOptions): OoxmlProblem[] {
  return validateOoxmlPackages(new Map([["", bytes]]), options).get("") ?? [];
}

/** Several packages at once, one xmllint run per schema over all of them (a schema compiles once). */
export function validateOoxmlPackages(packages: Map<string, Uint8Array>, options: ValidateOptions): Map<string, OoxmlProblem[]> {
  const results = new Map<string, OoxmlProblem[]>();
  const bySchema = new Map<string, { key: string; part: string; xml: string }[]>();
  for (const [key, bytes] of packages) {
    const problems: OoxmlProblem[] = [];
    results.set(key, problems);
    let files: Record<string, Uint8Array>;
    try {
      files = unzipSync(bytes);
    } catch (error) {
      problems.push({ part: "", message: `not a zip: ${(error as Error).message}` });
      continue;
    }
    const parts = new Map(Object.entries(files).filter(([name]) => !name.endsWith("/")));
    problems.push(...packageProblems(parts));
    // Markup compatibility first; xmllint later, over every package's parts of a schema.
    const processed = new Map<string, string>();
    for (const [part, data] of parts) {
      if (NOT_SCHEMA_VALIDATED.test(part) || !/\.(xml|rels)$/i.test(part)) continue;
      let result: ReturnType<typeof processMarkupCompatibility>;
      try {
        result = processMarkupCompatibility(strFromU8(data));
      } catch (error) {
        problems.push({ part, message: `not well-formed XML: ${(error as Error).message}` });
        continue;
      }
      processed.set(part, result.xml);
      const schema = SCHEMA_BY_ROOT_NAMESPACE[result.rootNamespace];
      if (!schema) {
        problems.push({ part, message: `no ECMA-376 schema for the root element's namespace "${result.rootNamespace}"` });
        continue;
      }
      const list = bySchema.get(schema) ?? [];
      list.push({ key, part, xml: result.xml });
      bySchema.set(schema, list);
    }
    if (parts.has("xl/workbook.xml")) problems.push(...workbookProblems(processed));
  }
  for (const [schema, list] of bySchema) {
    for (const { key, problem } of runXmllint(schema, list, options.xmllint)) {
      if (key === null) for (const problems of results.values()) problems.push(problem);
      else results.get(key)?.push(problem);
    }
  }
  return results;
}

function runXmllint(schema: string, list: { key: string; part: string; xml: string }[], xmllint: string): { key: string | null; problem: OoxmlProblem }[] {
  const dir = mkdtempSync(join(tmpdir(), "ooxml-validate-"));
  try {
    const files = list.map(({ xml }, i) => {
      const file = join(dir, `${i}.xml`);
      writeFileSync(file, xml);
      return file;
    });
    const run = spawnSync(xmllint, ["--noout", "--nonet", "--schema", join(SCHEMA_DIR, schema), ...files], {
      encoding: "utf8",
      env: { ...process.env, XML_CATALOG_FILES: join(SCHEMA_DIR, "catalog.xml") },
      maxBuffer: 256 * 1024 * 1024,
    });
    if (run.error) return [{ key: null, problem: { part: "", message: `xmllint did not run: ${run.error.message}` } }];
    const out: { key: string | null; problem: OoxmlProblem }[] = [];
    const lines = (run.stderr ?? "").split("\n").filter((l) => l.trim() !== "");
    for (const line of lines) {
      // The Dublin Core schemas import each other twice; xmllint says so and carries on.
      if (/Schemas parser warning/.test(line)) continue;
      const m = new RegExp(`^${dir.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}/(\\d+)\\.xml(.*)$`).exec(line);
      if (!m) {
        // A schema that does not compile is every package's problem.
        out.push({ key: null, problem: { part: "", message: `xmllint (${schema}): ${line}` } });
        continue;
      }
      const rest = m[2];
      if (/^ (validates|fails to validate)$/.test(rest)) continue;
      const { key, part } = list[Number(m[1])];
      out.push({ key, problem: { part, message: `${schema}${rest}` } });
    }
    if (run.status !== 0 && out.length === 0) out.push({ key: null, problem: { part: "", message: `xmllint (${schema}) exited ${run.status}: ${lines.slice(-3).join(" ")}` } });
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** OPC rules: every part has a content type; every internal relationship points at a part. */
function packageProblems(parts: Map<string, Uint8Array>): OoxmlProblem[] {
  const problems: OoxmlProblem[] = [];
  const typesXml = parts.get("[Content_Types].xml");
  if (!typesXml) return [{ part: "[Content_Types].xml", message: "missing" }];
  const types = strFromU8(typesXml);
  const defaults = new Set([...types.matchAll(/<Default\b[^>]*Extension="([^"]+)"/g)].map((m) => m[1].toLowerCase()));
  const overrides = new Set([...types.matchAll(/<Override\b[^>]*PartName="([^"]+)"/g)].map((m) => m[1]));
  for (const part of parts.keys()) {
    if (part === "[Content_Types].xml") continue;
    const extension = part.includes(".") ? (part.split(".").pop() as string).toLowerCase() : "";
    if (!overrides.has(`/${part}`) && !defaults.has(extension)) problems.push({ part, message: "has no content type in [Content_Types].xml" });
  }
  for (const name of overrides) if (!parts.has(name.slice(1))) problems.push({ part: "[Content_Types].xml", message: `Override for ${name}, which is not in the package` });
  for (const [part, data] of parts) {
    if (!part.endsWith(".rels")) continue;
    const source = part.replace(/_rels\/([^/]*)\.rels$/, "$1");
    const base = posix.dirname(source);
    const ids = new Set<string>();
    for (const m of strFromU8(data).matchAll(/<Relationship\b([^>]*)\/?>/g)) {
      const attrs = m[1];
      const id = /\bId="([^"]+)"/.exec(attrs)?.[1] ?? "";
      if (ids.has(id)) problems.push({ part, message: `relationship Id ${id} used twice` });
      ids.add(id);
      if (/\bTargetMode="External"/.test(attrs)) continue;
      const target = /\bTarget="([^"]+)"/.exec(attrs)?.[1] ?? "";
      const resolved = target.startsWith("/") ? target.slice(1) : posix.normalize(posix.join(base === "." ? "" : base, target));
      if (!parts.has(resolved)) problems.push({ part, message: `relationship ${id} points at ${resolved}, which is not in the package` });
    }
  }
  return problems;
}

/** One line per problem, for a test failure message. */
export function formatProblems(problems: OoxmlProblem[]): string {
  return problems.map((p) => `${p.part || "(package)"}: ${p.message}`).join("\n");
}
