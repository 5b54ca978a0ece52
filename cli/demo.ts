// `npm run demo`: from the built-in Hải Phòng city plan, writes into ./out/ the template, an example
// filled workbook (its header says the figures are example data), the check findings, the summary
// .xlsx and, where LibreOffice is installed, its PDF; prints where each file is and the summary
// sentence. It replaces only the files it wrote itself on an earlier run.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { CITY_PLAN_ID, findBuiltInPlan } from "../shared/catalog";
import type { Lang, Plan } from "../shared/model";
import { t } from "./i18n";
import { runCli } from "./main";
import { fillInWorkbookBytes } from "./commands/template";
import { exampleEntries } from "./demo-data";
import { writeNewFile } from "./xlsx/files";

const MARKER = ".chitieu-demo";
const FILES = {
  template: "bieu-nhap-chi-tieu-hai-phong-2025.xlsx",
  filled: "vi-du-da-nhap-so-lieu.xlsx",
  check: "vi-du-kiem-tra.txt",
  checkJson: "vi-du-kiem-tra.json",
  summary: "bieu-tong-hop-vi-du.xlsx",
  pdf: "bieu-tong-hop-vi-du.pdf",
};
export const EXAMPLE_UNIT = "Phường Minh Họa";

export interface DemoResult {
  outDir: string;
  files: string[];
  sentence: string;
  pdf: string | null;
}

export interface DemoOptions {
  log?: (line: string) => void;
  lang?: Lang;
  /** Print the summary to PDF when LibreOffice is installed (default true). */
  pdf?: boolean;
}

export async function runDemo(outDir: string, options: DemoOptions = {}): Promise<DemoResult> {
  const log = options.log ?? console.log;
  const lang = options.lang ?? "vi";
  const plan = findBuiltInPlan(CITY_PLAN_ID) as Plan;
  prepareOutDir(outDir, lang);
  const written: string[] = [];
  const path = (name: string) => join(outDir, name);
  const capture = () => {
    const out: string[] = [];
    const err: string[] = [];
    return { out, err, options: { cwd: outDir, stdout: (s: string) => void out.push(s), stderr: (s: string) => void err.push(s) } };
  };

  const template = capture();
  if ((await runCli(["template", "--plan", CITY_PLAN_ID, "-o", FILES.template, "--force", "--lang", lang], template.options)) !== 0) throw new Error(template.err.join(""));
  written.push(path(FILES.template));

  const filled = await fillInWorkbookBytes(plan, {
    unit: EXAMPLE_UNIT,
    estimate: true,
    lang,
    entries: exampleEntries(plan, 0),
    banner: t("demo.banner", {}, lang),
    metadata: { example: "1" },
  });
  writeNewFile(path(FILES.filled), filled, true, lang);
  written.push(path(FILES.filled));

  const check = capture();
  await runCli(["check", FILES.filled, "--lang", lang], check.options);
  writeFileSync(path(FILES.check), check.out.join("") + check.err.join(""));
  const checkJson = capture();
  await runCli(["check", FILES.filled, "--json", "--lang", lang], checkJson.options);
  writeFileSync(path(FILES.checkJson), checkJson.out.join(""));
  written.push(path(FILES.check), path(FILES.checkJson));

  const summary = capture();
  const pdfFlag = options.pdf === false ? [] : ["--pdf"];
  const summaryCode = await runCli(["summary", FILES.filled, "-o", FILES.summary, ...pdfFlag, "--force", "--lang", lang], summary.options);
  if (summaryCode === 2) throw new Error(summary.err.join(""));
  written.push(path(FILES.summary));
  const pdf = existsSync(path(FILES.pdf)) ? path(FILES.pdf) : null;
  if (pdf) written.push(pdf);

  const sentence = summary.out.join("").trim();
  log(t("demo.files", {}, lang));
  for (const file of written) log(`  ${relative(process.cwd(), file) || file}`);
  const pdfNote = summary.err.filter((l) => /LibreOffice|PDF/.test(l)).join("").trim();
  if (!pdf && pdfNote) log(`  ${pdfNote}`);
  log("");
  log(t("demo.check", {}, lang));
  for (const line of check.out.join("").trimEnd().split("\n")) log(`  ${line}`);
  log("");
  log(sentence);
  return { outDir, files: written, sentence, pdf };
}

/** Creates the folder, or clears the files an earlier demo run wrote there (and nothing else). */
function prepareOutDir(outDir: string, lang: Lang): void {
  mkdirSync(outDir, { recursive: true });
  const marker = join(outDir, MARKER);
  const ours = existsSync(marker) ? readFileSync(marker, "utf8").split("\n").filter(Boolean) : [];
  for (const name of Object.values(FILES)) {
    const file = join(outDir, name);
    if (!existsSync(file)) continue;
    if (!ours.includes(name)) throw new Error(t("demo.not-ours", { file }, lang));
    rmSync(file);
  }
  writeFileSync(marker, Object.values(FILES).join("\n") + "\n");
}

if (require.main === module) {
  runDemo(resolve(process.cwd(), "out")).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 2;
  });
}
