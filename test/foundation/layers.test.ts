// The layers are enforced by the lint (eslint.config.mjs, no-restricted-imports): a wrong import
// fails `npm run lint`, so a rule cannot drift into a host or the CLI into the core. Each case lints
// a one-line file placed, by its path, in a layer: the wrong import must be reported, the right one not.
import { execFileSync } from "node:child_process";
import { join } from "node:path";

const ROOT = join(__dirname, "..", "..");

/** The no-restricted-imports messages of each case, linted in one ESLint process (lint-probe.mjs). */
function lintAll(cases: { file: string; code: string }[]): string[][] {
  const out = execFileSync(process.execPath, [join(__dirname, "lint-probe.mjs"), ROOT], { input: JSON.stringify(cases), encoding: "utf8", timeout: 120_000 });
  return JSON.parse(out) as string[][];
}

const WRONG: [string, string, string, RegExp][] = [
  ["the core imports the CLI", "shared/workflow/probe.ts", 'import { openXlsx } from "../../cli/xlsx/open";', /pure core/],
  ["the core imports a host", "shared/probe.ts", 'import { loadPlan } from "../excel-addin/src/adapter/load-command";', /pure core/],
  ["the core imports the .xlsx reader", "shared/sheet/probe.ts", 'import { readXlsxBytes } from "../../xlsx-reader/read";', /pure core/],
  ["the core imports Node", "shared/probe.ts", 'import { readFileSync } from "node:fs";', /pure core/],
  ["the .xlsx reader imports the CLI", "xlsx-reader/probe.ts", 'import { openXlsx } from "../cli/xlsx/open";', /shared\/ only/],
  ["the Word writer imports the CLI", "docx-writer/probe.ts", 'import { findSoffice } from "../cli/libreoffice";', /docx package only/],
  ["the Word writer imports Node", "docx-writer/probe.ts", 'import { readFileSync } from "node:fs";', /docx package only/],
  ["the Word writer imports a host", "docx-writer/probe.ts", 'import { tx } from "../excel-addin/src/messages";', /docx package only/],
  ["the Excel add-in imports the CLI", "excel-addin/src/adapter/probe.ts", 'import { messages } from "../../../cli/messages-xlsx";', /never imports cli/],
  ["the Sheets add-on imports the CLI", "gas-addon/src/server/probe.ts", 'import { openXlsx } from "../../../cli/xlsx/open";', /never imports cli/],
  ["the Sheets add-on imports the Excel add-in", "gas-addon/src/server/probe.ts", 'import { tx } from "../../../excel-addin/src/messages";', /never imports cli/],
  ["the UI imports the CLI", "ui/probe.tsx", 'import { t } from "../cli/messages";', /host-port/],
  ["the UI imports Office code", "ui/probe.tsx", 'import { officeHost } from "../excel-addin/src/host";', /host-port/],
  ["the UI imports Apps Script code", "ui/probe.tsx", 'import { loadPlan } from "../gas-addon/src/server/api";', /host-port/],
];

const RIGHT: [string, string, string][] = [
  ["the core imports itself", "shared/workflow/probe.ts", 'import { t } from "../i18n";'],
  ["the .xlsx reader imports the core", "xlsx-reader/probe.ts", 'import { columnIndex } from "../shared/sheet/a1";'],
  ["the Excel add-in imports the core and the reader", "excel-addin/src/probe.ts", 'import { t } from "../../shared/i18n";\nimport { readXlsxBytes } from "../../xlsx-reader/read";'],
  ["the Sheets add-on imports the core", "gas-addon/src/server/probe.ts", 'import { t } from "../../../shared/i18n";'],
  ["the UI imports the core", "ui/probe.tsx", 'import type { Lang } from "../shared/model";'],
  ["the Word writer imports the core and docx", "docx-writer/probe.ts", 'import type { ReportDocument } from "../shared/report-doc/model";\nimport { Packer } from "docx";'],
  ["the UI and both hosts import the Word writer", "ui/probe.tsx", 'import { renderReportDocx } from "../docx-writer/render";'],
  ["the Excel add-in imports the Word writer", "excel-addin/src/probe.ts", 'import { renderReportDocx } from "../../docx-writer/render";'],
  ["the CLI imports the reader", "cli/probe.ts", 'import { readXlsxBytes } from "../xlsx-reader/read";'],
];

let wrong: string[][] = [];
let right: string[][] = [];
beforeAll(() => {
  const all = lintAll([...WRONG, ...RIGHT].map(([, file, code]) => ({ file, code })));
  wrong = all.slice(0, WRONG.length);
  right = all.slice(WRONG.length);
}, 120_000);

describe("a wrong import fails the lint", () => {
  test.each(WRONG.map((c, i) => [...c, i] as const))("%s", (_title, _file, _code, why, i) => {
    expect(wrong[i]).toHaveLength(1);
    expect(wrong[i][0]).toMatch(why);
  });
});

describe("the right imports pass", () => {
  test.each(RIGHT.map((c, i) => [...c, i] as const))("%s", (_title, _file, _code, i) => {
    expect(right[i]).toEqual([]);
  });
});
