// `chitieu summary <files…> -o tong-hop.xlsx [--expected units.txt|giao-chi-tieu.xlsx] [--deadline 2026-12-10]
//  [--scoring diem.json|diem.xlsx] [--json]`: the consolidation of many units with the register of
// who reported and the points for commendation. The CLI's part is only what needs Node: reading
// the files, their dates and SHA-256; the rest is the core's consolidateReports.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import type { ConsolidationInput } from "../../shared/consolidate";
import type { AssignmentTable } from "../../shared/consolidation/assignment";
import { consolidateReports } from "../../shared/consolidation/pipeline";
import { DEADLINE, type ReceivedReport } from "../../shared/consolidation/register";
import { parseScoringJson, type ScoringRules } from "../../shared/consolidation/scoring";
import { readScoringSheet, scoringHeaderRow } from "../../shared/consolidation/scoring-sheet";
import type { ExpectedUnit } from "../../shared/consolidation/unit-list";
import { t } from "../i18n";
import type { Lang, Plan, Settings } from "../../shared/model";
import { buildConsolidationWorkbook } from "../../shared/sheet/consolidation-sheet";
import { buildRankingSheet } from "../../shared/sheet/ranking-sheet";
import { buildRegisterSheet } from "../../shared/sheet/register-sheet";
import { boolFlag, stringFlag, type ParsedArgs } from "../args";
import { UsageError, type CliContext, type ExitCode } from "../context";
import { fileProblemMessage, writeNewFile } from "../xlsx/files";
import { readXlsxFile, XlsxFileError } from "../xlsx/open";
import { readUnitFiles } from "../xlsx/unit-read-parallel";
import { writeXlsxBuffer } from "../xlsx/write";
import { METADATA_SHEET } from "../../xlsx-reader/metadata";
import { readAssignmentFile, readUnitListFile } from "./units-files";

/** The flags that send a consolidation through the register and the scoring. */
export const UNIT_FLAGS = { expected: { value: true }, deadline: { value: true }, scoring: { value: true }, json: { value: false } } as const;

export function wantsUnitRegister(args: ParsedArgs): boolean {
  return Object.keys(UNIT_FLAGS).some((k) => args.flags[k] !== undefined);
}

/** The file's modification time as local ISO 8601 with the offset ("2026-12-09T16:40:00+07:00"). */
export { localIsoDate } from "../../shared/workflow/units";

function readScoring(file: string, ctx: CliContext, codes: string[], units: string[]): ScoringRules {
  const context = { codes, units, lang: ctx.lang };
  let result;
  if (/\.xlsx$/i.test(file)) {
    let book;
    try {
      book = readXlsxFile(resolve(ctx.cwd, file));
    } catch (error) {
      if (error instanceof XlsxFileError) throw new UsageError(fileProblemMessage(new XlsxFileError(error.key, { ...error.params, file }), ctx.lang));
      throw error;
    }
    const sheets = book.sheets.filter((s) => s.name !== METADATA_SHEET && s.state === "visible").map((s) => s.name);
    const sheet = sheets.find((s) => scoringHeaderRow(book.grid(s)) >= 0) ?? sheets[0] ?? file;
    result = readScoringSheet(sheets.includes(sheet) ? book.grid(sheet) : [], sheet, context);
  } else {
    let text: string;
    try {
      text = readFileSync(resolve(ctx.cwd, file), "utf8");
    } catch (error) {
      throw new UsageError(t("cli.file-unreadable", { file, detail: (error as NodeJS.ErrnoException).code ?? String(error) }, ctx.lang));
    }
    result = parseScoringJson(text, context);
  }
  if (!result.rules) {
    for (const p of result.problems) ctx.stderr(`${file}: ${p.message}\n`);
    throw new UsageError(t("scoring.rules-have-problems", { file, count: result.problems.length }, ctx.lang));
  }
  return result.rules;
}

export async function consolidateUnits(ctx: CliContext, args: ParsedArgs, files: string[], plan: Plan | undefined, outPath: string, output: string, force: boolean): Promise<ExitCode> {
  const lang: Lang = ctx.lang;
  const deadline = stringFlag(args, "deadline")?.trim() ?? null;
  if (deadline !== null && !DEADLINE.test(deadline)) throw new UsageError(t("units.bad-deadline", { value: deadline }, lang));
  const expectedArg = stringFlag(args, "expected");
  const expected: ExpectedUnit[] | null = expectedArg ? readUnitListFile(expectedArg, ctx.cwd, lang) : null;

  const reports: ReceivedReport[] = [];
  let settings: Settings | null = null;
  const paths = files.map((file) => resolve(ctx.cwd, file));
  await readUnitFiles(paths, files, { mode: "register", lang, plan, settings: { lang } }, (i, unitRead) => {
    const file = files[i];
    const progress = { index: i + 1, total: files.length, file };
    const facts = { date: unitRead.date ?? null, sha256: unitRead.sha256 ?? null };
    let read: ConsolidationInput;
    let kept: Pick<ReceivedReport, "entries" | "settings"> = {};
    if (unitRead.ok) {
      settings ??= unitRead.settings;
      read = unitRead.input;
      kept = { entries: unitRead.entries, settings: unitRead.settings };
      ctx.stderr(t(unitRead.errors > 0 ? "xlsx.summary.progress-errors" : "xlsx.summary.progress-ok", { ...progress, errors: unitRead.errors }, lang) + "\n");
    } else {
      read = { file, reason: unitRead.reason };
      ctx.stderr(t("xlsx.summary.progress-failed", { ...progress, reason: unitRead.reason }, lang) + "\n");
    }
    reports.push({ file, ...facts, read, ...kept });
  });
  if (settings === null) throw new UsageError(t("xlsx.summary.none-usable", {}, lang));
  const usable = reports.map((r) => r.read).filter((r): r is Extract<ConsolidationInput, { evaluations: unknown }> => "evaluations" in r);
  const basePlan = plan ?? usable[0]?.plan;
  let assignment: AssignmentTable | null = null;
  if (expectedArg && /\.xlsx$/i.test(expectedArg) && basePlan) assignment = readAssignmentFile(expectedArg, ctx.cwd, basePlan, lang).table;

  const scoringArg = stringFlag(args, "scoring");
  const codes = [...new Set(usable.flatMap((u) => u.plan.indicators.map((i) => i.code)))];
  const unitNames = [...(expected ?? []).map((e) => e.unit), ...usable.map((u) => u.unit).filter((u) => u !== "")];
  const scoring = scoringArg ? readScoring(scoringArg, ctx, codes, unitNames) : null;

  const result = consolidateReports(reports, settings, { expected, deadline, plan: plan ?? null, assignment, scoring });
  const register = result.reporting!;
  const model = buildConsolidationWorkbook(result, { lang });
  model.sheets.push(buildRankingSheet(result, result.scoring!, { lang }), buildRegisterSheet(register, { lang, year: result.reportYear }));
  writeNewFile(outPath, await writeXlsxBuffer(model), force, lang);

  if (boolFlag(args, "json")) {
    ctx.stdout(JSON.stringify({ sentence: register.sentence, counts: register.counts, register: register.rows, ranking: result.scoring!.groups }, null, 2) + "\n");
  } else {
    ctx.stdout(register.sentence + "\n");
    const failed = result.register.filter((r) => r.kind !== "validation-errors").length;
    ctx.stdout(t("xlsx.summary.consolidated", { used: result.units.length, total: files.length, failed, file: output }, lang) + "\n");
  }
  return register.rows.some((r) => r.errorCount > 0 || (r.file !== null && !r.used)) ? 1 : 0;
}
