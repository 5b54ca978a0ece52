// The hosts' own message areas hold only what is theirs (excel.*: Office.js; sheets.*: the menu,
// Apps Script's limits), each key used, none saying what the core or the pane already says, and
// they are passed to messages(lang, …) explicitly: no registration, no xl.* / gas.* key left.
// (Parity of Vietnamese and English is test/core/i18n-parity.test.ts.)
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { messages as core } from "../../shared/i18n";
import { messages as excel, tx } from "../../excel-addin/src/messages";
import { messages as sheets, tg } from "../../gas-addon/src/messages";
import { TEXTS } from "../../ui/text";

const ROOT = join(__dirname, "..", "..");

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...sources(path));
    else if (/\.(tsx?|html)$/.test(name)) out.push(path);
  }
  return out;
}

const HOSTS = [
  { name: "excel", dir: "excel-addin/src", area: excel, prefix: "excel." },
  { name: "sheets", dir: "gas-addon/src", area: sheets, prefix: "sheets." },
] as const;

describe.each(HOSTS)("the $name host's own messages", ({ dir, area, prefix }) => {
  const files = sources(join(ROOT, dir)).filter((f) => !f.endsWith("/messages.ts"));
  const code = files.map((f) => readFileSync(f, "utf8")).join("\n");
  const table = readFileSync(join(ROOT, dir, "messages.ts"), "utf8");

  test("every key is the host's and is used by the host", () => {
    const keys = Object.keys(area.vi);
    expect(keys.length).toBeGreaterThan(0);
    for (const key of keys) expect(key.startsWith(prefix)).toBe(true);
    const unused = keys.filter((key) => !code.includes(`"${key}"`));
    expect(unused).toEqual([]);
  });

  test("none says what the core's workflow or the pane already says (one key per meaning)", () => {
    const elsewhere = new Set([...Object.values(core("vi")), ...Object.values(TEXTS.vi)]);
    expect(Object.entries(area.vi).filter(([, text]) => elsewhere.has(text))).toEqual([]);
  });

  test("no technical words for the clerk", () => {
    for (const text of [...Object.values(area.vi), ...Object.values(area.en)]) expect(text).not.toMatch(/ExcelApi|README|zod|Exception|undefined/);
  });

  test("chosen explicitly, not registered; no old xl.* / gas.* key is asked for", () => {
    expect(table).not.toMatch(/registerMessages/);
    expect(code).not.toMatch(/\b(tx|tg|t)\("(xl|gas)\./);
    expect(code).not.toMatch(/`(xl|gas)\.\$\{/);
  });
});

test("the hosts' lookups read the core's workflow messages and their own, in both languages", () => {
  expect(tx("wf.need-plan", {}, "vi")).toBe(core("vi")["wf.need-plan"]);
  expect(tg("wf.need-plan", {}, "en")).toBe(core("en")["wf.need-plan"]);
  expect(tx("excel.consolidate.progress", { index: 2, total: 5, file: "a.xlsx" }, "en")).toBe("Reading file 2/5: a.xlsx");
  expect(tg("sheets.consolidate.progress", { done: 1, total: 3, left: 2 }, "vi")).toBe("Đã đọc 1/3 tệp; còn 2 tệp. Bấm “Tiếp tục” để đọc tiếp.");
});

test("the pane and the hosts have no xl.* / gas.* keys anywhere in their code", () => {
  const all = [...sources(join(ROOT, "ui")), ...sources(join(ROOT, "excel-addin/src")), ...sources(join(ROOT, "gas-addon/src"))];
  const offenders = all.filter((f) => /["'`](xl|gas)\.[a-z]+[.-][a-z]/.test(readFileSync(f, "utf8"))).map((f) => relative(ROOT, f));
  expect(offenders).toEqual([]);
});
