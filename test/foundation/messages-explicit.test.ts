// Messages are data, chosen explicitly: the core's table is CORE_AREAS (shared/i18n/index.ts), each
// outer layer passes its own areas to messages(lang, …) (the CLI's cli/i18n.ts, the hosts' messages.ts,
// the .xlsx reader's xlsxText). So no module registers messages or imports a messages module for its
// side effect, every declared area is one of those lists, and no key is in two areas (the order of
// the lists decides nothing).
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { CORE_AREAS, messages, t as coreT, type AreaMessages } from "../../shared/i18n";
import { CLI_AREAS, cliMessages, t as cliT } from "../../cli/i18n";
import { messages as excel } from "../../excel-addin/src/messages";
import { messages as sheets } from "../../gas-addon/src/messages";
import { messages as xlsxReader, xlsxText } from "../../xlsx-reader/messages";

const ROOT = join(__dirname, "..", "..");
const SKIP = new Set(["node_modules", "dist", "build", "coverage", "out"]);

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    if (name.startsWith(".") || SKIP.has(name)) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...sources(path));
    else if (/\.(tsx?|mts|cts)$/.test(name) && !name.endsWith(".d.ts")) out.push(path);
  }
  return out;
}

const files = sources(ROOT).map((path) => ({ path: relative(ROOT, path), code: readFileSync(path, "utf8") }));
const THIS_FILE = relative(ROOT, __filename);

/** `import "./messages"`, `import "../i18n/judgement"`, `import "../messages-xlsx"`: an import for its side effect. */
const SIDE_EFFECT_IMPORT = /^\s*import\s+["'][^"']*(?:\/messages[\w-]*|\/i18n(?:\/[\w-]+)?)(?:\.ts)?["'];?\s*$/m;

test("no module, test or source, imports a messages module for its side effect", () => {
  const offenders = files.filter((f) => SIDE_EFFECT_IMPORT.test(f.code)).map((f) => f.path);
  expect(offenders).toEqual([]);
});

test("nothing registers messages: registerMessages is gone from the core and nobody calls it", () => {
  const offenders = files.filter((f) => f.path !== THIS_FILE && (/\bregisterMessages\s*\(/.test(f.code) || (!f.path.startsWith("test/") && /\bregisterMessages\b/.test(f.code)))).map((f) => f.path);
  expect(offenders).toEqual([]);
  expect(Object.keys(jest.requireActual("../../shared/i18n"))).not.toContain("registerMessages");
});

test("the check above would catch a registration and a side-effect import", () => {
  expect(SIDE_EFFECT_IMPORT.test('import { t } from "../i18n";\nimport "../consolidation/messages";\n')).toBe(true);
  expect(SIDE_EFFECT_IMPORT.test('import "../../shared/i18n/judgement";')).toBe(true);
  expect(SIDE_EFFECT_IMPORT.test('import "./messages-xlsx";')).toBe(true);
  expect(SIDE_EFFECT_IMPORT.test('import { messages } from "./messages";')).toBe(false);
  expect(SIDE_EFFECT_IMPORT.test('import "./styles.css";')).toBe(false);
});

test("every area a module declares is chosen explicitly: the core's, the CLI's, a host's or the reader's", () => {
  const declaring = files.filter((f) => !f.path.startsWith("test/") && /:\s*AreaMessages\s*=|satisfies\s+AreaMessages\b/.test(f.code)).map((f) => f.path);
  expect(declaring).toEqual(expect.arrayContaining(["shared/i18n/core.ts", "shared/consolidation/messages.ts", "shared/period-messages.ts", "cli/messages.ts", "cli/messages-read-report.ts", "xlsx-reader/messages.ts"]));
  const chosen = new Set<AreaMessages>([...CORE_AREAS, ...CLI_AREAS, excel, sheets, xlsxReader]);
  const loose = declaring.filter((path) => {
    const loaded = jest.requireActual(join(ROOT, path)) as Record<string, unknown>;
    const areas = Object.values(loaded).filter((v): v is AreaMessages => typeof v === "object" && v !== null && "vi" in v && "en" in v);
    return areas.length === 0 || areas.some((area) => !chosen.has(area));
  });
  expect(loose).toEqual([]);
});

test("no key is in two areas, so the order of CORE_AREAS and CLI_AREAS changes no text", () => {
  const owner = new Map<string, number>();
  const twice: string[] = [];
  [...CORE_AREAS, ...CLI_AREAS].forEach((area, index) => {
    for (const key of Object.keys(area.vi)) {
      if (owner.has(key)) twice.push(key);
      owner.set(key, index);
    }
  });
  expect(twice).toEqual([]);
});

test("the core's t reads every core area, the CLI's t every core and CLI area, in both languages", () => {
  for (const lang of ["vi", "en"] as const) {
    const core = messages(lang);
    for (const area of CORE_AREAS) for (const [key, text] of Object.entries(area[lang])) expect([key, core[key]]).toEqual([key, text]);
    const cli = cliMessages(lang);
    for (const area of [...CORE_AREAS, ...CLI_AREAS]) for (const [key, text] of Object.entries(area[lang])) expect([key, cli[key]]).toEqual([key, text]);
  }
  // A consolidation key (shared/consolidation/messages.ts) with no import of that module here.
  expect(coreT("assignment.no-header", {}, "en")).toBe(messages("en")["assignment.no-header"]);
  expect(coreT("assignment.no-header", {}, "en")).not.toBe("assignment.no-header");
  expect(cliT("xlsx.empty", { file: "a.xlsx" }, "en")).toBe("a.xlsx: the file is empty (0 bytes), not an .xlsx workbook.");
  expect(xlsxText("xlsx.empty", { file: "a.xlsx" }, "vi")).toBe("a.xlsx: tệp rỗng (0 byte), không phải bảng tính .xlsx.");
  // The core does not speak the CLI's words: they are the CLI's, chosen by cli/i18n.ts.
  expect(coreT("xlsx.empty", { file: "a.xlsx" }, "en")).toBe("xlsx.empty");
});
