// The .docx parts against wml.xsd with xmllint, after markup-compatibility processing (H-A's
// test/support/ooxml-mce.ts). wml.xsd imports the XML namespace (xml:space) without a location, so
// xmllint cannot compile it alone: a wrapper schema imports ../shared/schemas/ooxml/dc/xml.xsd first.
// (The package validator test/support/ooxml-validate.ts reports "wml.xsd failed to compile" for the
// same reason; H-A is told in coord/NOTES.md.)
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { processMarkupCompatibility } from "../support/ooxml-mce";
import { SCHEMA_DIR } from "../support/ooxml-validate";

const WML = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

/** Problems of every WordprocessingML part of the package ([] when all validate), and how many parts were checked. */
export function validateWordParts(docx: Uint8Array, xmllint: string): { checked: string[]; problems: string[] } {
  const dir = mkdtempSync(join(tmpdir(), "chitieu-wml-"));
  try {
    const wrapper = join(dir, "wrapper.xsd");
    writeFileSync(
      wrapper,
      `<?xml version="1.0"?><xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:chitieu:wml-wrapper">` +
        `<xsd:import namespace="http://www.w3.org/XML/1998/namespace" schemaLocation="${join(SCHEMA_DIR, "dc", "xml.xsd")}"/>` +
        `<xsd:import namespace="${WML}" schemaLocation="${join(SCHEMA_DIR, "wml.xsd")}"/></xsd:schema>`,
    );
    const files: string[] = [];
    const checked: string[] = [];
    for (const [name, bytes] of Object.entries(unzipSync(docx))) {
      if (!name.endsWith(".xml")) continue;
      const processed = processMarkupCompatibility(strFromU8(bytes));
      if (processed.rootNamespace !== WML) continue;
      const file = join(dir, name.replace(/\//g, "__"));
      writeFileSync(file, processed.xml);
      files.push(file);
      checked.push(name);
    }
    const run = spawnSync(xmllint, ["--noout", "--schema", wrapper, ...files], { encoding: "utf8", env: { ...process.env, XML_CATALOG_FILES: join(SCHEMA_DIR, "catalog.xml") } });
    const problems = (run.stderr ?? "").split("\n").filter((line) => line.trim() && !/ validates$/.test(line));
    return { checked, problems };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
