// "Lập biểu tổng hợp": evaluates the typed figures and writes the year-end summary sheet.
import type { Lang } from "../../../../shared/model";
import type { Outcome, SummaryResult } from "../../api-types";
import { tg } from "../../messages";
import { summaryWorkbook } from "../core";
import { fingerprintProperties, writeIfChanged } from "../document-state";
import { openDocument, requireFillIn, requireStored, todayInVietnam, withFillInName } from "../host";
import { renderWorkbook } from "../render-workbook";

export function summaryCommand(lang: Lang): Outcome<SummaryResult> {
  const doc = openDocument();
  const { plan, info } = requireStored(doc, lang);
  const { target, reading } = requireFillIn(doc, plan, lang);
  const settings = { ...info.settings, lang };
  const { summary, workbook } = summaryWorkbook(plan, reading.entries, settings, {
    unit: info.unit,
    year: info.year,
    estimate: info.estimate,
    issuer: info.issuer,
    date: todayInVietnam(),
    lang,
  });
  const fingerprints = renderWorkbook(doc.ss, workbook, withFillInName(doc.fingerprints, target.name), lang);
  writeIfChanged(doc.store, doc.properties, fingerprintProperties(fingerprints), ["render"]);
  const sheet = workbook.sheets[0]!.name;
  return { ok: true, sheet, sentence: summary.sentence, message: tg("gas.summary.done", { sheet }, lang) };
}
