// The pure .docx reader both panes use (xlsx-reader/docx.ts, the fflate inflater) reads a report
// written by Word's own library as the CLI reads it, and refuses what is not a .docx with a kind.
import { Paragraph, Table, TextRun } from "docx";
import { zipSync } from "fflate";
import { DocxFileError, fileKindOf, readDocxText, reportFileText } from "../../xlsx-reader/docx";
import { docxText } from "../../cli/commands/read-report";
import { docxBytes, row } from "./docx-support";

const problem = (bytes: Uint8Array) => {
  try {
    readDocxText(bytes);
    return null;
  } catch (error) {
    return error instanceof DocxFileError ? error.problem : "other";
  }
};

test("a report's paragraphs and table rows, the same text as the CLI reads", async () => {
  const bytes = await docxBytes([
    new Paragraph({ children: [new TextRun("Năm 2025 có 25/30 chỉ tiêu đạt và vượt kế hoạch.")] }),
    new Table({ rows: [row(["Thu ngân sách", "40.120", "109,3%"])] }),
  ]);
  const text = readDocxText(bytes);
  expect(text).toContain("25/30 chỉ tiêu");
  expect(text).toContain("Thu ngân sách\t40.120\t109,3%");
  expect(text).toBe(docxText(bytes, "bc.docx", "vi"));
});

test("not a .docx: a kind, never a crash", () => {
  expect(problem(new TextEncoder().encode("%PDF-1.7 ..."))).toBe("pdf");
  expect(problem(Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 1, 2]))).toBe("old-doc");
  expect(problem(new Uint8Array())).toBe("empty");
  expect(problem(new TextEncoder().encode("Báo cáo"))).toBe("not-zip");
  expect(fileKindOf(new TextEncoder().encode("Báo cáo"))).toBe("text");
  expect(problem(zipSync({ "xl/workbook.xml": new TextEncoder().encode("<workbook/>") }))).toBe("not-docx");
  const cut = zipSync({ "word/document.xml": new TextEncoder().encode("<w:document>" + "x".repeat(5000) + "</w:document>") });
  expect(problem(cut.subarray(0, cut.length - 30))).toBe("damaged");
  // A part that claims to inflate a thousandfold and more is refused before it is inflated.
  const bomb = zipSync({ "word/document.xml": new Uint8Array(5_000_000) }, { level: 9 });
  expect(problem(bomb)).toBe("too-big");
});

test("a picked report file: UTF-8 text (BOM dropped), a .docx, or a refusal", async () => {
  expect(reportFileText(new TextEncoder().encode("\uFEFFThu ngân sách đạt 40.120 triệu đồng."))).toBe("Thu ngân sách đạt 40.120 triệu đồng.");
  expect(reportFileText(await docxBytes([new Paragraph({ children: [new TextRun("Đạt 64 buổi.")] })]))).toContain("Đạt 64 buổi.");
  expect(() => reportFileText(Uint8Array.from([0x42, 0xe1, 0xba]))).toThrow(DocxFileError);
});
