// `chitieu parse <file.txt|-> [--json] [--year 2025] [--id my-plan]`: a plan's text → its indicators.
// Exit 0: indicators found (warnings may be printed); 1: nothing found; 2: unreadable input or bad arguments.
import { readFileSync, statSync } from "node:fs";
import { basename, resolve } from "node:path";
import { t } from "../i18n";
import { importPlanText, type ImportResult } from "../../shared/import";
import { depthOf, type Lang } from "../../shared/model";
import { formatVietnameseNumber } from "../../shared/numbers";
import { boolFlag, parseArgs, stringFlag } from "../args";
import { UsageError, type Command } from "../context";
import { renderTable } from "../table";
import { describeTarget } from "./plan";

const USAGE = "chitieu parse <file.txt|-> [--json] [--year 2025] [--id my-plan]";
export const MAX_TEXT_BYTES = 5 * 1024 * 1024;
/** Below this confidence an indicator is marked "cần kiểm tra". */
export const CHECK_BELOW = 0.75;

export const command: Command = {
  summary: { vi: "đọc văn bản kế hoạch <tệp.txt|-> thành danh sách chỉ tiêu [--json]", en: "read a plan's text <file.txt|-> into its indicator list [--json]" },
  async run(ctx) {
    const args = parseArgs(ctx.args, { json: { value: false }, year: { value: true }, id: { value: true } }, ctx.lang);
    const [source, ...extra] = args.positionals;
    if (!source) throw new UsageError(t("cli.missing-argument", { what: t("cli.parse.what", {}, ctx.lang), usage: USAGE }, ctx.lang));
    if (extra.length) throw new UsageError(t("cli.too-many-arguments", { extra: extra.join(" "), usage: USAGE }, ctx.lang));
    const yearText = stringFlag(args, "year");
    const year = yearText === undefined ? undefined : Number(yearText);
    if (year !== undefined && (!/^\d{4}$/.test(yearText!) || year < 1900 || year > 2200)) throw new UsageError(t("cli.parse.bad-year", { value: yearText! }, ctx.lang));
    const id = stringFlag(args, "id");
    if (id !== undefined && !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(id)) throw new UsageError(t("cli.parse.bad-id", { value: id }, ctx.lang));

    const text = source === "-" ? await ctx.readStdin() : readTextFile(source, ctx.cwd, ctx.lang);
    const result = importPlanText(text, { year, id, source: source === "-" ? null : basename(source), lang: ctx.lang });
    if (boolFlag(args, "json")) {
      // The contract: the Plan, its indicators with confidence/span/reasons (and `secondary` when the text gives a
      // second target), `warnings`, and `results`: figures already achieved, never offered as targets.
      const out = result.plan
        ? { ...result.plan, indicators: result.indicators, warnings: result.warnings, results: result.results }
        : { plan: null, indicators: [], warnings: result.warnings, results: result.results };
      ctx.stdout(JSON.stringify(out, null, 2) + "\n");
      return result.plan ? 0 : 1;
    }
    ctx.stdout(renderResult(result, ctx.lang));
    return result.plan ? 0 : 1;
  },
};

/** A file's text, or one clear line (exit 2) when it is missing, too large or not text. */
function readTextFile(file: string, cwd: string, lang: Lang): string {
  const path = resolve(cwd, file);
  let bytes: Buffer;
  try {
    const size = statSync(path).size;
    if (size > MAX_TEXT_BYTES)
      throw new UsageError(t("cli.parse.too-big", { file, size: formatVietnameseNumber(size / 1024 / 1024, { decimals: 1 }), max: MAX_TEXT_BYTES / 1024 / 1024 }, lang));
    bytes = readFileSync(path);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    const detail = code === "ENOENT" ? (lang === "en" ? "no such file" : "không có tệp này") : code === "EISDIR" ? (lang === "en" ? "it is a folder" : "đây là thư mục") : (error as Error).message;
    throw new UsageError(t("cli.file-unreadable", { file, detail }, lang));
  }
  const text = decodeText(bytes);
  if (text === null) throw new UsageError(t("cli.parse.not-text", { file }, lang));
  return text;
}

/** UTF-8 (or UTF-16 with its byte-order mark); null for binary files, .docx, .pdf and other non-text. */
export function decodeText(bytes: Uint8Array): string | null {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes.subarray(2));
  const head = bytes.subarray(0, 8);
  // eslint-disable-next-line chitieu/no-data-sized-spread -- eight bytes
  const signature = String.fromCharCode(...head);
  if (signature.startsWith("PK\u0003\u0004") || signature.startsWith("%PDF") || signature.startsWith("\u00d0\u00cf\u0011\u00e0")) return null;
  const sample = bytes.subarray(0, 65536);
  let control = 0;
  for (const byte of sample) {
    if (byte === 0) return null;
    if (byte < 9 || (byte > 13 && byte < 32)) control++;
  }
  if (control > sample.length * 0.01) return null;
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\uFEFF/, "");
  } catch {
    return null;
  }
}

function renderResult(result: ImportResult, lang: Lang): string {
  const lines: string[] = [];
  if (result.plan) {
    const plan = result.plan;
    lines.push(t("cli.parse.heading", { title: plan.title, issuer: plan.issuer, year: plan.year, count: result.indicators.length }, lang), "");
    const header = t("cli.parse.columns", {}, lang).split("|");
    let toCheck = 0;
    const rows = result.indicators.map((ind) => {
      const flagged = ind.confidence < CHECK_BELOW;
      if (flagged) toCheck++;
      const why = flagged && ind.reasons?.length ? `: ${ind.reasons.map((r) => t(r, {}, lang)).join("; ")}` : "";
      return [
        ind.code,
        "  ".repeat(depthOf(ind.code)) + ind.name,
        ind.unit,
        ind.secondary ? `${describeTarget(ind, lang)}; ${t("cli.parse.secondary", { target: describeTarget({ ...ind, ...ind.secondary, target: ind.secondary.target }, lang) + (ind.secondary.unit && ind.secondary.unit !== ind.unit ? ` ${ind.secondary.unit}` : "") }, lang)}` : describeTarget(ind, lang),
        ind.deadlineYear ? t("cli.plan.by-year", { year: ind.deadlineYear }, lang) : "",
        `${Math.round(ind.confidence * 100)} %`,
        flagged ? t("cli.parse.check", {}, lang) + why : "",
      ];
    });
    lines.push(renderTable(header, rows, [8, 64, 16, 44, 10, 10, 60]).trimEnd());
    if (toCheck) lines.push("", t("cli.parse.to-check", { count: toCheck }, lang));
  } else {
    lines.push(t("cli.parse.nothing", {}, lang));
  }
  if (result.results.length) {
    lines.push("", t("cli.parse.results", { count: result.results.length }, lang));
    for (const r of result.results) {
      const percent = r.percentOfPlan === null ? "" : ` (${formatVietnameseNumber(r.percentOfPlan)} %)`;
      lines.push(t("cli.parse.result-line", { line: r.span.line, name: r.name, actual: `${formatVietnameseNumber(r.actual)}${r.unit ? " " + r.unit : ""}`, percent }, lang));
    }
  }
  if (result.warnings.length) {
    lines.push("", t("cli.parse.warnings", { count: result.warnings.length }, lang));
    for (const w of result.warnings) lines.push(w.text ? t("cli.parse.warning-line", { message: w.message, text: w.text }, lang) : `  ${w.message}`);
  }
  return lines.join("\n") + "\n";
}
