// `summary --pdf`: the written .xlsx printed through LibreOffice, when it is installed; when it is
// not, one clear line says so and the .xlsx stands.
import { existsSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { t } from "./i18n";
import type { CliContext } from "./context";
import { convertWithLibreOffice, findSoffice } from "./libreoffice";

/** Where the PDF of an .xlsx goes: beside it, same name. */
export function pdfPathFor(xlsxPath: string): string {
  return join(dirname(xlsxPath), basename(xlsxPath).replace(/\.xlsx$/i, "") + ".pdf");
}

/** Prints `xlsxPath` to a PDF beside it; returns the PDF's path, or null (with the reason on stderr). */
export async function printPdf(xlsxPath: string, ctx: Pick<CliContext, "stderr" | "lang">): Promise<string | null> {
  const soffice = findSoffice();
  if (!soffice) {
    ctx.stderr(t("xlsx.pdf.no-soffice", {}, ctx.lang) + "\n");
    return null;
  }
  const pdfPath = pdfPathFor(xlsxPath);
  const result = await convertWithLibreOffice(soffice, [xlsxPath], "pdf", dirname(xlsxPath), {
    timeoutMs: 180_000,
    locale: ctx.lang === "en" ? "en_US.UTF-8" : "vi_VN.UTF-8",
  });
  if (!result.ok || !existsSync(pdfPath)) {
    const detail = result.output.split(/\r?\n/).filter(Boolean).pop() ?? "?";
    ctx.stderr(t("xlsx.pdf.failed", { file: basename(xlsxPath), detail }, ctx.lang) + "\n");
    return null;
  }
  ctx.stderr(t("xlsx.pdf.written", { file: pdfPath }, ctx.lang) + "\n");
  return pdfPath;
}
