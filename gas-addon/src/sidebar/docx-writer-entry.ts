// DocxWriter.html: the Word writer for the sidebar, a file of its own (HtmlService serves one
// inlined file per page, so a lazy chunk is a second file the sidebar asks for on the click). The
// server sends the charts already drawn as SVG with the report model, so this file is the `docx`
// layout and the canvas only. It puts the one function the sidebar calls on window.
import { reportBytesWith, type DrawnSvg } from "../../../docx-writer/canvas";
import type { ReportDocument } from "../../../shared/report-doc/model";

const reportBytes = (doc: ReportDocument, svgs: readonly DrawnSvg[]): Promise<Uint8Array> => reportBytesWith(doc, (_chart, index) => svgs[index] ?? null);
(window as unknown as { __chitieuDocxWriter?: { reportBytes: typeof reportBytes } }).__chitieuDocxWriter = { reportBytes };
