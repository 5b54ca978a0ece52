// The manifest's checks: the offline XSD validation (xmllint against ../shared/schemas/office-manifest)
// and what a schema cannot say: every resid exists, ids are unique, strings fit, URLs are https,
// the icons exist at the sizes Office asks for, every ExecuteFunction name is associated in the
// ribbon code, Vietnamese is the default locale with English overrides.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";

export const REPO_ROOT = resolve(__dirname, "..", "..");
export const SCHEMA = resolve(REPO_ROOT, "..", "shared", "schemas", "office-manifest", "OfficeAppManifestV1_1.xsd");
export const ROOT_MANIFEST = join(REPO_ROOT, "manifest.xml");
export const ASSETS_DIR = join(REPO_ROOT, "excel-addin", "assets");
export const RIBBON_SOURCE = join(REPO_ROOT, "excel-addin", "src", "ribbon.ts");
/** The base URL of the development manifest; builds substitute their own. */
export const DEV_BASE_URL = "https://localhost:3000";

export interface SchemaResult {
  ok: boolean;
  output: string;
}

export function validateAgainstSchema(manifestPath: string): SchemaResult {
  const run = spawnSync("xmllint", ["--noout", "--nonet", "--schema", SCHEMA, manifestPath], { encoding: "utf8" });
  if (run.error) return { ok: false, output: `xmllint: ${run.error.message} (Debian: apt-get install libxml2-utils)` };
  return { ok: run.status === 0, output: `${run.stdout}${run.stderr}`.trim() };
}

const attr = (tag: string, name: string): string | null => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1] ?? null;

function tags(xml: string, element: string): string[] {
  return xml.match(new RegExp(`<${element}\\b[^>]*>`, "g")) ?? [];
}

function section(xml: string, element: string): string {
  const match = new RegExp(`<${element}\\b[^>]*>([\\s\\S]*?)</${element}>`).exec(xml);
  return match ? match[1] : "";
}

/** The ExecuteFunction names the ribbon code associates (`RIBBON_FUNCTIONS` keys). */
export function associatedFunctionNames(source: string): string[] {
  const table = /RIBBON_FUNCTIONS[^=]*=\s*\{([\s\S]*?)\n\}/.exec(source)?.[1] ?? "";
  const names = [...table.matchAll(/^\s*([A-Za-z_$][\w$]*)\s*:/gm)].map((m) => m[1]);
  return /Office\.actions\.associate\(/.test(source) ? names : [];
}

export interface SemanticOptions {
  assetsDir?: string;
  ribbonSource?: string;
  /** URLs of this base are icons served from assetsDir. */
  baseUrl?: string;
}

/** Problems the XSD cannot see; an empty list when the manifest is right. */
export function semanticProblems(xml: string, options: SemanticOptions = {}): string[] {
  const problems: string[] = [];
  const assetsDir = options.assetsDir ?? ASSETS_DIR;
  const baseUrl = options.baseUrl ?? DEV_BASE_URL;
  const resources = section(xml, "Resources");
  const defined = new Map<string, string>();
  for (const kind of ["bt:Image", "bt:Url", "bt:String"])
    for (const tag of tags(resources, kind)) {
      const id = attr(tag, "id");
      if (!id) continue;
      if (defined.has(id)) problems.push(`resource id "${id}" is defined twice`);
      defined.set(id, tag);
    }
  const used = new Set(tags(xml, "[A-Za-z:]+").map((t) => attr(t, "resid")).filter((v): v is string => v !== null));
  for (const resid of used) {
    if (!defined.has(resid)) problems.push(`resid "${resid}" has no resource`);
    if (resid.length > 32) problems.push(`resid "${resid}" is longer than 32 characters`);
  }
  for (const id of defined.keys()) if (!used.has(id)) problems.push(`resource "${id}" is never used`);

  for (const tag of tags(section(resources, "bt:ShortStrings"), "bt:String")) {
    const value = attr(tag, "DefaultValue") ?? "";
    if (value.length > 125) problems.push(`short string "${attr(tag, "id")}" is longer than 125 characters`);
  }
  for (const tag of tags(section(resources, "bt:LongStrings"), "bt:String")) {
    const value = attr(tag, "DefaultValue") ?? "";
    if (value.length > 250) problems.push(`long string "${attr(tag, "id")}" is longer than 250 characters`);
  }
  const strings = /<bt:String\b[^>]*>[\s\S]*?<\/bt:String>|<bt:String\b[^>]*\/>/g;
  for (const block of resources.match(strings) ?? [])
    if (!/<bt:Override\s+Locale="en-US"/.test(block)) problems.push(`string "${attr(block, "id")}" has no en-US override`);

  if (!/<DefaultLocale>vi-VN<\/DefaultLocale>/.test(xml)) problems.push("DefaultLocale is not vi-VN");
  for (const element of ["DisplayName", "Description"]) {
    const block = new RegExp(`<${element}\\b[\\s\\S]*?</${element}>`).exec(xml)?.[0] ?? "";
    if (!/<Override\s+Locale="en-US"/.test(block)) problems.push(`${element} has no en-US override`);
  }
  if (!/<Permissions>ReadWriteDocument<\/Permissions>/.test(xml)) problems.push("Permissions is not ReadWriteDocument");
  if (!/<Set\s+Name="ExcelApi"\s+MinVersion="1\.8"\s*\/>/.test(xml)) problems.push("the ExcelApi 1.8 requirement is missing");

  const urls = [...xml.matchAll(/(?:DefaultValue|Value)="(https?:[^"]*)"/g)].map((m) => m[1]);
  for (const tag of tags(xml, "AppDomain")) urls.push(tag);
  for (const url of urls) if (!url.startsWith("https://")) problems.push(`URL is not https: ${url}`);

  for (const tag of tags(section(resources, "bt:Images"), "bt:Image")) {
    const url = attr(tag, "DefaultValue") ?? "";
    if (url.startsWith(`${baseUrl}/assets/`) && !existsSync(join(assetsDir, url.slice(`${baseUrl}/assets/`.length))))
      problems.push(`icon file missing for ${attr(tag, "id")}: ${url}`);
  }
  for (const block of xml.match(/<Icon>[\s\S]*?<\/Icon>/g) ?? []) {
    const sizes = tags(block, "bt:Image").map((t) => attr(t, "size"));
    for (const size of ["16", "32", "80"]) if (!sizes.includes(size)) problems.push(`an <Icon> lacks the ${size} px image`);
  }
  for (const element of ["IconUrl", "HighResolutionIconUrl"]) {
    const url = attr(tags(xml, element)[0] ?? "", "DefaultValue") ?? "";
    if (url.startsWith(`${baseUrl}/assets/`) && !existsSync(join(assetsDir, url.slice(`${baseUrl}/assets/`.length)))) problems.push(`${element} file missing: ${url}`);
  }

  const ids = [...tags(xml, "Control"), ...tags(xml, "Group"), ...tags(xml, "CustomTab")].map((t) => attr(t, "id"));
  const seen = new Set<string>();
  for (const id of ids) {
    if (id && seen.has(id)) problems.push(`control id "${id}" is used twice`);
    if (id) seen.add(id);
  }

  const functions = [...xml.matchAll(/<FunctionName>([^<]*)<\/FunctionName>/g)].map((m) => m[1]);
  const source = options.ribbonSource ?? (existsSync(RIBBON_SOURCE) ? readFileSync(RIBBON_SOURCE, "utf8") : "");
  const associated = new Set(associatedFunctionNames(source));
  for (const name of functions) if (!associated.has(name)) problems.push(`ExecuteFunction "${name}" is not associated in excel-addin/src/ribbon.ts`);
  if (new Set(functions).size !== functions.length) problems.push("two buttons share one FunctionName (one function per button)");
  return problems;
}

/** The manifest for another host: every development URL rewritten to `baseUrl`. */
export function manifestFor(xml: string, baseUrl: string): string {
  const clean = baseUrl.replace(/\/+$/, "");
  if (!/^https:\/\/[^\s"<>]+$/.test(clean)) throw new Error(`ADDIN_BASE_URL must be an https URL, got "${baseUrl}"`);
  return xml.split(DEV_BASE_URL).join(clean);
}
