// Every messages table of the product has the same keys in Vietnamese and English, the same
// {placeholders} per key (a plural {n|one|other} counts as {n}), and no empty text. The tables are found
// by scanning the tree for files that declare one (shared/i18n/*.ts, an AreaMessages, a host's area
// passed to messages(lang, …), the pane's TEXTS), so a new area is checked without listing it; and
// every area the core (CORE_AREAS) and the CLI (CLI_AREAS) choose is among those checked.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { CORE_AREAS } from "../../shared/i18n";
import { CLI_AREAS } from "../../cli/i18n";

const ROOT = join(__dirname, "..", "..");
const SKIP_DIRS = new Set(["node_modules", ".git", "dist", "build", "coverage", "out", "test"]);

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    if (name.startsWith(".") || SKIP_DIRS.has(name)) continue;
    const path = join(dir, name);
    const stat = statSync(path);
    if (stat.isDirectory()) out.push(...sourceFiles(path));
    else if (/\.tsx?$/.test(name) && !name.endsWith(".d.ts")) out.push(path);
  }
  return out;
}

const I18N_DIR = join(ROOT, "shared", "i18n");
const tableFiles = sourceFiles(ROOT)
  .filter((path) => {
    if (path === join(I18N_DIR, "index.ts")) return false;
    if (path.startsWith(I18N_DIR + "/")) return true;
    return /:\s*AreaMessages\s*=|satisfies\s+AreaMessages\b|satisfies\s+Record<Lang,\s*Record<string,\s*string>>|export const (TEXTS|START_TEXTS)\b/.test(readFileSync(path, "utf8"));
  })
  .map((path) => relative(ROOT, path))
  .sort();

interface Table {
  vi: Record<string, unknown>;
  en: Record<string, unknown>;
}

function isTable(value: unknown): value is Table {
  if (value === null || typeof value !== "object") return false;
  const v = value as Partial<Table>;
  return typeof v.vi === "object" && v.vi !== null && typeof v.en === "object" && v.en !== null;
}

function placeholders(text: string): string[] {
  return [...new Set([...text.matchAll(/\{(\w+)(?:\|[^|{}]*\|[^{}]*)?\}/g)].map((m) => m[1] as string))].sort();
}

test("the scan finds the known tables", () => {
  expect(tableFiles).toEqual(
    expect.arrayContaining(["shared/i18n/core.ts", "shared/i18n/judgement.ts", "cli/messages.ts", "excel-addin/src/messages.ts", "gas-addon/src/messages.ts", "ui/text.ts", "ui/start-text.ts"]),
  );
});

test("every area the core and the CLI read is one of the checked tables", () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const checked = new Set(tableFiles.flatMap((file) => Object.values(require(join(ROOT, file)) as Record<string, unknown>).filter(isTable)));
  const unchecked = [...CORE_AREAS, ...CLI_AREAS].filter((area) => !checked.has(area)).map((area) => Object.keys(area.vi)[0]);
  expect(unchecked).toEqual([]);
  expect(tableFiles).toEqual(expect.arrayContaining(["shared/period-messages.ts", "shared/consolidation/messages.ts", "shared/chart/messages.ts", "shared/report/messages.ts", "shared/report-doc/messages.ts", "cli/messages-read-report.ts", "xlsx-reader/messages.ts"]));
});

describe.each(tableFiles)("messages in %s", (file) => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const loaded = require(join(ROOT, file)) as Record<string, unknown>;
  const tables = Object.values(loaded).filter(isTable);

  test("the table is exported, so it can be checked", () => {
    expect(tables.length).toBeGreaterThan(0);
  });

  test("Vietnamese and English have the same keys, the same placeholders and no empty text", () => {
    const problems: string[] = [];
    for (const table of tables) {
      const keys = new Set([...Object.keys(table.vi), ...Object.keys(table.en)]);
      for (const key of keys) {
        const vi = table.vi[key];
        const en = table.en[key];
        if (typeof vi !== "string") problems.push(`${key}: missing in vi`);
        if (typeof en !== "string") problems.push(`${key}: missing in en`);
        if (typeof vi !== "string" || typeof en !== "string") continue;
        if (vi.trim() === "") problems.push(`${key}: empty in vi`);
        if (en.trim() === "") problems.push(`${key}: empty in en`);
        const pv = placeholders(vi).join(",");
        const pe = placeholders(en).join(",");
        if (pv !== pe) problems.push(`${key}: placeholders {${pv}} in vi, {${pe}} in en`);
      }
    }
    expect(problems).toEqual([]);
  });
});
