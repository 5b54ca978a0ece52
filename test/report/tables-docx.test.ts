// Results in tables (tab rows, and a web table pasted one cell per line) and the text of a real
// .docx built with the `docx` package: what reaches the reader is what Word shows.
import { AlignmentType, Paragraph, Table, TextRun } from "docx";
import { strFromU8, unzipSync } from "fflate";
import { readReport } from "../../shared/report";
import { docxBodyText } from "../../shared/report/docx-text";
import { docxBytes, row } from "./docx-support";

describe("tables", () => {
  test("tab rows: name, unit, plan, actual and the table's own verdict (kept even against the arithmetic)", () => {
    const text = [
      "TT\tChỉ tiêu\tĐơn vị tính\tKế hoạch\tThực hiện\tĐánh giá",
      "1\tThu nhập bình quân đầu người\ttriệu đồng\t68\t70,5\tĐạt",
      "2\tTỷ lệ hộ nghèo\t%\t1,5\t1,6\tKhông đạt",
    ].join("\n");
    const { results } = readReport(text);
    expect(results.map((r) => [r.name, r.actual, r.unit, r.target, r.status])).toEqual([
      ["Thu nhập bình quân đầu người", 70.5, "triệu đồng", 68, "Đạt"],
      ["Tỷ lệ hộ nghèo", 1.6, "%", 1.5, "Không đạt"],
    ]);
  });

  test("one cell per line: this year's actual column, not last year's; sub-rows under 'Trong đó'; interleaved sub-measures", () => {
    const text = [
      "STT", "", "Chỉ tiêu", "", "TH năm 2024", "", "KH năm 2025", "", "Ước TH năm 2025", "", "Đánh giá", "",
      "I", "Kinh tế", "",
      "1", "Tăng trưởng giá trị sản xuất (%)", "7,9", "8-8,5", "8,2", "Đạt",
      "Trong đó:", "- Nông nghiệp (%)", "3,1", "3,5", "2,9", "Không đạt",
      "2", "Tỷ lệ trẻ dưới 5 tuổi suy dinh dưỡng:", "-Thể nhẹ cân (%)", "-Thể thấp còi (%)", "6,2", "9,8", "< 6", "<9,5", "5,9", "9,4", "Đạt",
      "3", "Thu ngân sách (Tỷ đồng)", "410", "450", "472", "Vượt",
    ].join("\n");
    const { results, tally } = readReport(text);
    const byName = new Map(results.map((r) => [r.name, r]));
    expect(byName.get("Tăng trưởng giá trị sản xuất")).toMatchObject({ actual: 8.2, unit: "%", status: "Đạt" });
    expect(byName.get("Nông nghiệp")).toMatchObject({ actual: 2.9, target: 3.5, status: "Không đạt", parent: "Tăng trưởng giá trị sản xuất" });
    expect(byName.get("Thể nhẹ cân")).toMatchObject({ actual: 5.9, target: 6 });
    expect(byName.get("Thể thấp còi")).toMatchObject({ actual: 9.4, target: 9.5 });
    expect(byName.get("Thu ngân sách")).toMatchObject({ actual: 472, unit: "Tỷ đồng", target: 450, status: "Vượt" });
    expect(tally).toMatchObject({ total: 3, achievedOrExceeded: 3, exceeded: 1, notAchieved: 0 });
  });
});

describe(".docx", () => {
  test("paragraphs in order, table rows as tab-separated lines, escaped characters decoded", async () => {
    const bytes = await docxBytes([
      new Paragraph({ children: [new TextRun({ text: "BÁO CÁO", bold: true })], alignment: AlignmentType.CENTER }),
      new Paragraph({ children: [new TextRun("Năm 2025 xã có "), new TextRun({ text: "17/19", bold: true }), new TextRun(" chỉ tiêu đạt & vượt kế hoạch.")] }),
      new Table({ rows: [row(["STT", "Chỉ tiêu", "ĐVT", "Kế hoạch", "Thực hiện", "Đánh giá"]), row(["1", "Tỷ lệ che phủ rừng", "%", "41", "41,3", "Vượt"])] }),
      new Paragraph("Thu ngân sách đạt 22,4 tỷ đồng, đạt 103,2% dự toán <huyện giao>."),
    ]);
    const xml = strFromU8(unzipSync(bytes)["word/document.xml"]);
    const text = docxBodyText(xml);
    expect(text.split("\n")).toEqual([
      "BÁO CÁO",
      "Năm 2025 xã có 17/19 chỉ tiêu đạt & vượt kế hoạch.",
      "STT\tChỉ tiêu\tĐVT\tKế hoạch\tThực hiện\tĐánh giá",
      "1\tTỷ lệ che phủ rừng\t%\t41\t41,3\tVượt",
      "Thu ngân sách đạt 22,4 tỷ đồng, đạt 103,2% dự toán <huyện giao>.",
    ]);
    const reading = readReport(text);
    expect(reading.tally).toMatchObject({ total: 19, achievedOrExceeded: 17 });
    expect(reading.results.map((r) => [r.name, r.actual, r.status])).toEqual([
      ["Tỷ lệ che phủ rừng", 41.3, "Vượt"],
      ["Thu ngân sách", 22.4, "Vượt"],
    ]);
  });

  test("deleted text and field codes are not text; a table inside a cell stays in that cell", () => {
    const xml =
      '<w:document><w:body><w:p><w:r><w:t>Giữ</w:t></w:r><w:del><w:r><w:delText>Bỏ</w:delText></w:r></w:del><w:r><w:instrText> PAGE </w:instrText></w:r></w:p>' +
      "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>A</w:t></w:r></w:p><w:tbl><w:tr><w:tc><w:p><w:r><w:t>a1</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>a2</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:tc>" +
      "<w:tc><w:p><w:r><w:t>B</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:body></w:document>";
    expect(docxBodyText(xml)).toBe("Giữ\nA a1 a2\tB");
  });
});

describe("one cell per line with a unit column", () => {
  test("the short cell after the name is its unit, not a sub-row", () => {
    const text = ["TT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch", "Thực hiện", "Đánh giá", "1", "Thu ngân sách xã", "Tỷ đồng", "12", "13,4", "Vượt", "2", "Tỷ lệ hộ nghèo", "%", "2", "1,7", "Đạt"].join("\n");
    const { results } = readReport(text);
    expect(results.map((r) => [r.name, r.unit, r.actual, r.target, r.status])).toEqual([
      ["Thu ngân sách xã", "Tỷ đồng", 13.4, 12, "Vượt"],
      ["Tỷ lệ hộ nghèo", "%", 1.7, 2, "Đạt"],
    ]);
  });
});
