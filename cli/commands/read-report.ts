// `chitieu read-report <file|-> [--plan <id|file.json>] [--into <workbook.xlsx> -o <out.xlsx>] [--overwrite] [--force] [--json]`:
// a unit's year-end report (.txt, .docx, or pasted on stdin) → its results and headline tally;
// with a plan, each result on its indicator; with --into, a copy of the unit's workbook with the
// figures entered. A figure already typed that differs is never replaced without --overwrite, and
// every such cell is listed (old → new).
// Exit 0: something was read; 1: nothing was; 2: unusable input or arguments.
import { readFileSync, statSync } from "node:fs";
import { basename, resolve } from "node:path";
import { inflateRawSync } from "node:zlib";
import type { Lang, Plan } from "../../shared/model";
import { formatVietnameseNumber } from "../../shared/numbers";
import { readReport, type ReportReading, type ReportResult } from "../../shared/report";
import { acceptedEntries, reviewReport, showFigure, type ReportReview } from "../../shared/report/review";
import { checkTallyAgainstResults, REPORT_TALLY_KEY } from "../../shared/report/tally-check";
import { LIMITS } from "../../xlsx-reader/package";
import { DocxFileError, readDocxText } from "../../xlsx-reader/docx";
import { boolFlag, parseArgs, stringFlag } from "../args";
import { UsageError, type Command } from "../context";
import { t } from "../i18n";
import { loadPlanArgument } from "../plan-source";
import { fileProblemMessage, requireXlsxName, writeNewFile } from "../xlsx/files";
import { loadFilledForCommand } from "../xlsx/input-args";
import { XlsxFileError } from "../xlsx/open";
import { renderTable } from "../table";
import { decodeText, MAX_TEXT_BYTES } from "./parse";
import { copyWithFigures } from "./read-report-workbook";

const USAGE = "chitieu read-report <báo-cáo.txt|.docx|-> [--plan <id|file.json>] [--into <bieu.xlsx> -o <ra.xlsx>] [--overwrite] [--force] [--json]";

export const command: Command = {
  summary: { vi: "đọc báo cáo năm của đơn vị (.txt, .docx) ra kết quả chỉ tiêu và câu tổng hợp", en: "read a unit's year-end report (.txt, .docx) into its results and tally" },
  async run(ctx) {
    const args = parseArgs(
      ctx.args,
      { plan: { value: true }, into: { value: true }, output: { value: true, alias: "o" }, json: { value: false }, overwrite: { value: false }, force: { value: false } },
      ctx.lang,
    );
    const [source, ...extra] = args.positionals;
    if (!source) throw new UsageError(t("cli.missing-argument", { what: t("cli.read-report.what", {}, ctx.lang), usage: USAGE }, ctx.lang));
    if (extra.length) throw new UsageError(t("cli.too-many-arguments", { extra: extra.join(" "), usage: USAGE }, ctx.lang));
    const into = stringFlag(args, "into");
    const output = stringFlag(args, "output");
    if (into && !output) throw new UsageError(t("cli.read-report.into-needs-output", {}, ctx.lang));
    if (output && !into) throw new UsageError(t("cli.read-report.output-needs-into", {}, ctx.lang));
    if (into && output) {
      requireXlsxName(output, ctx.lang);
      if (resolve(ctx.cwd, output) === resolve(ctx.cwd, into)) throw new UsageError(t("cli.read-report.output-is-input", { file: output }, ctx.lang));
    }
    const planArg = stringFlag(args, "plan");
    const name = source === "-" ? "-" : source;
    const text = source === "-" ? await ctx.readStdin() : readReportFile(source, ctx.cwd, ctx.lang);

    if (into && output) return fillCopy(ctx, text, name, into, output, planArg, boolFlag(args, "overwrite"), boolFlag(args, "force"), boolFlag(args, "json"));

    const plan: Plan | undefined = planArg ? loadPlanArgument(planArg, ctx.cwd, ctx.lang) : undefined;
    const review = plan ? reviewReport({ text, plan, lang: ctx.lang }) : null;
    const reading = review ? review.reading : readReport(text, { lang: ctx.lang });
    const codes = review ? codesOf(review) : new Map<ReportResult, string>();
    const found = reading.results.length > 0 || reading.tally !== null;
    if (boolFlag(args, "json")) {
      ctx.stdout(JSON.stringify(contract(reading, codes, review?.unmatched ?? []), null, 2) + "\n");
      return found ? 0 : 1;
    }
    ctx.stdout(renderReading(reading, codes, name, ctx.lang));
    if (review) {
      if (review.unmatched.length) ctx.stdout(t("cli.read-report.unmatched", { count: review.unmatched.length, names: review.unmatched.map((r) => `"${r.name}"`).join(", ") }, ctx.lang) + "\n");
      if (review.unmentioned.length) ctx.stdout(t("cli.read-report.unmentioned", { count: review.unmentioned.length, names: review.unmentioned.map((i) => i.code).join(", ") }, ctx.lang) + "\n");
      if (review.tallyCheck) ctx.stdout(review.tallyCheck.message + "\n");
    } else if (reading.tally) {
      const checked = checkTallyAgainstResults(
        { total: reading.tally.total, achievedOrExceeded: reading.tally.achievedOrExceeded, exceeded: reading.tally.exceeded, notAchieved: reading.tally.notAchieved, text: reading.tally.span.text },
        reading.results,
        ctx.lang,
      );
      if (checked) ctx.stdout(checked.message + "\n");
    }
    return found ? 0 : 1;
  },
};

/** The indicator code of each result the review matched. */
function codesOf(review: ReportReview): Map<ReportResult, string> {
  return new Map(review.rows.map((r) => [review.reading.results.find((x) => x.span === r.span) as ReportResult, r.code]));
}

/** The --json contract of issue 14. */
function contract(reading: ReportReading, codes: Map<ReportResult, string>, unmatched: ReportResult[]) {
  const result = (r: ReportResult) => ({
    code: codes.get(r) ?? null,
    name: r.name,
    actual: r.actual,
    unit: r.unit,
    percentOfPlan: r.percentOfPlan,
    status: r.status,
    confidence: r.confidence,
    span: r.span,
  });
  const tally = reading.tally;
  return {
    tally: tally ? { total: tally.total, achievedOrExceeded: tally.achievedOrExceeded, exceeded: tally.exceeded, notAchieved: tally.notAchieved, span: tally.span } : null,
    results: reading.results.map(result),
    unmatched: unmatched.map(result),
    warnings: reading.warnings,
  };
}

function figure(r: ReportResult, lang: Lang): string {
  const a = r.actual;
  const approx = r.approximate ? `${r.approximate} ` : "";
  if (a === null) return "";
  if (typeof a === "boolean") return showFigure(a, lang);
  if (typeof a === "number") return approx + (lang === "en" ? String(a) : formatVietnameseNumber(a));
  return `${formatVietnameseNumber(a.min)} – ${formatVietnameseNumber(a.max)}`;
}

function renderReading(reading: ReportReading, codes: Map<ReportResult, string>, file: string, lang: Lang): string {
  const lines: string[] = [];
  if (reading.results.length === 0 && !reading.tally) {
    lines.push(t("cli.read-report.nothing", { file }, lang));
  } else {
    lines.push(t("cli.read-report.heading", { count: reading.results.length, file }, lang), "");
    if (reading.results.length) {
      const header = t("cli.read-report.columns", {}, lang).split("|");
      const rows = reading.results.map((r) => [
        codes.get(r) ?? "",
        (r.parent ? "  " : "") + r.name,
        figure(r, lang),
        r.unit,
        r.percentOfPlan === null ? "" : lang === "en" ? String(r.percentOfPlan) : formatVietnameseNumber(r.percentOfPlan),
        r.status ?? "",
        `${Math.round(r.confidence * 100)} %`,
      ]);
      lines.push(renderTable(header, rows, [6, 60, 14, 18, 8, 10, 10]).trimEnd(), "");
    }
    lines.push(tallyLine(reading, lang));
  }
  if (reading.warnings.length) {
    lines.push("", t("cli.read-report.warnings", { count: reading.warnings.length }, lang));
    for (const w of reading.warnings) lines.push(`  ${w.message}${w.text ? ` «${w.text}»` : ""}`);
  }
  return lines.join("\n") + "\n";
}

function tallyLine(reading: ReportReading, lang: Lang): string {
  const tally = reading.tally;
  if (!tally) return t("cli.read-report.no-tally", {}, lang);
  return t(
    "cli.read-report.tally",
    {
      achieved: tally.achievedOrExceeded ?? "?",
      total: tally.total ?? "?",
      exceeded: tally.exceeded !== null ? t("cli.read-report.tally-exceeded", { count: tally.exceeded }, lang) : "",
      missed: tally.notAchieved !== null ? t("cli.read-report.tally-missed", { count: tally.notAchieved }, lang) : "",
      line: tally.span.line,
    },
    lang,
  );
}

async function fillCopy(
  ctx: Parameters<Command["run"]>[0],
  text: string,
  name: string,
  into: string,
  output: string,
  planArg: string | undefined,
  overwrite: boolean,
  force: boolean,
  json: boolean,
): Promise<0 | 1 | 2> {
  const filled = loadFilledForCommand(into, ctx.cwd, ctx.lang, planArg);
  const settings = { ...filled.settings, lang: ctx.lang };
  const review = reviewReport({ text, plan: filled.plan, entries: filled.entries, settings, lang: ctx.lang });
  const accepted = acceptedEntries(review, { overwrite });
  const writes = accepted
    .filter((a) => a.cell !== null)
    .map((a) => ({ cell: a.cell as string, value: typeof a.value === "boolean" ? showFigure(a.value, "vi") : a.value }));
  const metadata: Record<string, string> = review.tallyToStore ? { [REPORT_TALLY_KEY]: JSON.stringify(review.tallyToStore) } : {};
  let result: { bytes: Uint8Array; stored: boolean };
  try {
    result = copyWithFigures({ source: resolve(ctx.cwd, into), sheet: filled.sheet, writes, metadata });
  } catch (error) {
    if (error instanceof XlsxFileError) throw new UsageError(fileProblemMessage(new XlsxFileError(error.key, { ...error.params, file: into }), ctx.lang));
    throw error;
  }
  writeNewFile(resolve(ctx.cwd, output), result.bytes, force, ctx.lang);
  const found = review.reading.results.length > 0 || review.reading.tally !== null;
  if (json) {
    ctx.stdout(JSON.stringify(contract(review.reading, codesOf(review), review.unmatched), null, 2) + "\n");
    return found ? 0 : 1;
  }
  ctx.stdout(renderReview(review, name, output, writes.length, result.stored, overwrite, ctx.lang));
  return found ? 0 : 1;
}

function renderReview(review: ReportReview, file: string, output: string, written: number, stored: boolean, overwrite: boolean, lang: Lang): string {
  const lines = [renderReading(review.reading, codesOf(review), file, lang).trimEnd(), ""];
  for (const row of review.rows.filter((r) => r.change === "differs")) {
    const params = { code: row.code, cell: row.cell ?? "?", old: showFigure(row.oldValue, lang), new: showFigure(row.newValue, lang) };
    lines.push(t(overwrite ? "report.review.overwritten" : "report.review.differs", params, lang));
  }
  const same = review.rows.filter((r) => r.change === "same").length;
  if (same) lines.push(t("cli.read-report.same", { count: same }, lang));
  if (review.unmatched.length) lines.push(t("cli.read-report.unmatched", { count: review.unmatched.length, names: review.unmatched.map((r) => `"${r.name}"`).join(", ") }, lang));
  if (review.unmentioned.length) lines.push(t("cli.read-report.unmentioned", { count: review.unmentioned.length, names: review.unmentioned.map((i) => i.code).join(", ") }, lang));
  if (review.tallyCheck) lines.push(review.tallyCheck.message);
  lines.push(t("cli.read-report.written", { file: output, count: written }, lang));
  if (review.tallyToStore) lines.push(t(stored ? "cli.read-report.tally-stored" : "cli.read-report.tally-not-stored", {}, lang));
  return lines.join("\n") + "\n";
}

/** The report's text from a .txt or a .docx; one clear line (exit 2) for anything else. */
function readReportFile(file: string, cwd: string, lang: Lang): string {
  const path = resolve(cwd, file);
  let bytes: Buffer;
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) throw Object.assign(new Error("dir"), { code: "EISDIR" });
    const isDocx = /\.docx$/i.test(file);
    const limit = isDocx ? LIMITS.fileBytes : MAX_TEXT_BYTES;
    if (stat.size > limit) throw new UsageError(t("cli.parse.too-big", { file, size: formatVietnameseNumber(stat.size / 1024 / 1024, { decimals: 1 }), max: limit / 1024 / 1024 }, lang));
    bytes = readFileSync(path);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    const detail = code === "ENOENT" ? (lang === "en" ? "no such file" : "không có tệp này") : code === "EISDIR" ? (lang === "en" ? "it is a folder" : "đây là thư mục") : (error as Error).message;
    throw new UsageError(t("cli.file-unreadable", { file, detail }, lang));
  }
  const shown = basename(file);
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return docxText(bytes, shown, lang);
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) throw new UsageError(t("cli.read-report.old-doc", { file: shown }, lang));
  if (bytes.subarray(0, 5).toString("latin1") === "%PDF-") throw new UsageError(t("cli.read-report.pdf", { file: shown }, lang));
  const text = decodeText(bytes);
  if (text === null) throw new UsageError(t("cli.read-report.not-text", { file: shown }, lang));
  return text;
}

/**
 * word/document.xml of a .docx, read with the limits every .xlsx is read with (entries, inflated
 * size, ratio per part) before anything is inflated; then its text. The pure reader is
 * xlsx-reader/docx.ts, the one both add-ins' panes use: the CLI passes Node's zlib.
 */
export function docxText(bytes: Uint8Array, file: string, lang: Lang): string {
  const inflate = (data: Uint8Array, size: number) => {
    const out = inflateRawSync(data, { maxOutputLength: Math.max(1, size) });
    return new Uint8Array(out.buffer, out.byteOffset, Math.min(out.length, size));
  };
  try {
    return readDocxText(bytes, inflate);
  } catch (error) {
    if (!(error instanceof DocxFileError)) throw error;
    const key = error.problem === "not-docx" ? "cli.read-report.not-docx" : error.problem === "too-big" ? "cli.read-report.docx-too-big" : "cli.read-report.docx-damaged";
    throw new UsageError(t(key, { file }, lang));
  }
}
