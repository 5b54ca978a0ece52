// `chitieu report` end to end on a seed plan's filled workbook: the .docx is opened by LibreOffice
// (printed to PDF), its pages rendered with pdftoppm and kept in test-artifacts/docx/, and checked as
// a reader would: the Decree 30 layout (A4, margins, Times New Roman, the header block, no page
// number on page 1, page numbers at the top from page 2), the landscape appendix whose header row
// is on every one of its pages, the chart pictures; and the consolidated report's ranking and register.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { t } from "../../cli/i18n";
import { describeWithEngine, enginePath } from "../support/engines";
import { cli, fillActuals, tempDir } from "../cli/support";
import { validateWordParts } from "./wml-validate";

const ARTIFACTS = join(__dirname, "..", "..", "test-artifacts", "docx");
const TIMEOUT = 240_000;

function poppler(tool: "pdfinfo" | "pdftotext" | "pdfimages", ...args: string[]): string {
  const dir = enginePath("pdftoppm").replace(/[^/]+$/, "");
  return execFileSync(join(dir, tool), args, { encoding: "utf8" });
}

/** Page sizes in points, from pdfinfo. */
function pageSizes(pdf: string): { width: number; height: number }[] {
  const info = poppler("pdfinfo", "-f", "1", "-l", "999", pdf);
  return [...info.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/gm)].map((m) => ({ width: Number(m[1]), height: Number(m[2]) }));
}

function pageText(pdf: string, page: number): string {
  return poppler("pdftotext", "-f", String(page), "-l", String(page), "-layout", pdf, "-");
}

function render(pdf: string, prefix: string): string[] {
  mkdirSync(ARTIFACTS, { recursive: true });
  execFileSync(enginePath("pdftoppm"), ["-r", "60", "-png", pdf, join(ARTIFACTS, prefix)]);
  const count = pageSizes(pdf).length;
  return Array.from({ length: count }, (_, i) => join(ARTIFACTS, `${prefix}-${String(i + 1).padStart(count >= 10 ? 2 : 1, "0")}.png`));
}

function parts(docx: string): Record<string, string> {
  const files = unzipSync(new Uint8Array(readFileSync(docx)));
  const out: Record<string, string> = {};
  for (const [name, bytes] of Object.entries(files)) if (name.endsWith(".xml") || name.endsWith(".rels")) out[name] = strFromU8(bytes);
  out["__media__"] = Object.keys(files).filter((n) => n.startsWith("word/media/")).join("\n");
  return out;
}

const A4 = { short: 595.3, long: 841.9 };
const close = (a: number, b: number) => Math.abs(a - b) < 1.5;

describeWithEngine(["libreoffice", "libreoffice-writer", "libreoffice-draw", "pdftoppm", "xmllint"], "chitieu report → .docx opened by LibreOffice", () => {
  const tmp = tempDir();
  const file = (name: string) => join(tmp.dir, name);
  afterAll(tmp.cleanup);

  beforeAll(async () => {
    const units: [string, string, Record<string, unknown>][] = [
      ["dh.xlsx", "Phường Đông Hải", { "1": 38000, "1.1": 11000, "1.2": 9500, "1.3": 8000, "1.4": 7200, "2": 100, "3": 85, "4": 100, "5": 100, "6": 93, "7": 99, "8": 300, "9": 18.2, "10": 100, "11": 100, "12": 100, "13": 97, "14": 0.8, "15": 12.5, "16": 108, "17.1": 4.5, "17.2": 8, "18": 96, "19": 56, "20": 25, "21": 96, "22": 19, "23": 65 }],
      ["u1.xlsx", "Phường Hồng Bàng", { "1": 13, "2": 7400, "3": 17, "4": 170000, "11": 2.2 }],
      ["u2.xlsx", "Phường Ngô Quyền", { "1": 11, "2": 7000, "3": 16.8, "4": 160000, "11": 2.6 }],
    ];
    for (const [name, unit, values] of units) {
      const plan = name === "dh.xlsx" ? "dong-hai-2025" : "hai-phong-232-2025";
      expect((await cli(tmp.dir, "template", "--plan", plan, "-o", name, "--unit", unit)).code).toBe(0);
      await fillActuals(file(name), values);
    }
    await fillActuals(file("dh.xlsx"), { "3": "Khu tái định cư chưa được phát thùng phân loại rác" }, "Ghi chú");
    await fillActuals(file("dh.xlsx"), { "18": "Đạt" }, "Đánh giá điều chỉnh");
    await fillActuals(file("dh.xlsx"), { "18": "Số liệu BHXH chốt ngày 30/11, chưa tính tháng 12" }, "Giải trình");
    writeFileSync(file("hong.xlsx"), "không phải bảng tính");
  }, TIMEOUT);

  describe("one unit", () => {
    let run: Awaited<ReturnType<typeof cli>>;
    const docx = () => file("bao-cao.docx");
    const pdf = () => file("bao-cao.pdf");
    beforeAll(async () => {
      run = await cli(tmp.dir, "report", "dh.xlsx", "-o", "bao-cao.docx", "--pdf");
    }, TIMEOUT);

    it("writes the .docx and its PDF, with the sentence on stdout", () => {
      expect(run.stderr).not.toMatch(/không vẽ được|không có LibreOffice/);
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/^Có \d+\/24 chỉ tiêu đạt và vượt kế hoạch/);
      expect(existsSync(docx()) && existsSync(pdf())).toBe(true);
    });

    it("is A4 with the Decree 30 margins, Times New Roman, a different first page and a landscape appendix section", () => {
      const xml = parts(docx());
      const doc = xml["word/document.xml"]!;
      const sections = [...doc.matchAll(/<w:sectPr\b[\s\S]*?<\/w:sectPr>/g)].map((m) => m[0]);
      expect(sections).toHaveLength(2);
      const [main, appendix] = sections as [string, string];
      expect(main).toMatch(/<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"\/>/);
      expect(main).toContain("<w:titlePg/>");
      expect(main).toMatch(/<w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701"/);
      expect(appendix).toMatch(/<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/);
      expect(xml["word/styles.xml"]).toMatch(/<w:rFonts w:ascii="Times New Roman"[^>]*\/><w:sz w:val="28"\/>/);
      // The header row repeats; headings are headings; no text box anywhere.
      expect(doc).toContain("<w:tblHeader/>");
      expect(doc).toContain('<w:pStyle w:val="Heading1"/>');
      expect(doc).not.toMatch(/txbx|<v:shape|<wps:wsp/);
      // Page numbers: a PAGE field in the default header, nothing in the first page's.
      const headers = Object.entries(xml).filter(([n]) => /^word\/header\d+\.xml$/.test(n));
      expect(headers.filter(([, x]) => /PAGE/.test(x)).length).toBeGreaterThanOrEqual(1);
      expect(headers.some(([, x]) => !/PAGE/.test(x))).toBe(true);
      expect(xml["__media__"]!.split("\n").filter((n) => n.endsWith(".png"))).toHaveLength(2);
    });

    it("validates: every WordprocessingML part against wml.xsd", () => {
      const { checked, problems } = validateWordParts(new Uint8Array(readFileSync(docx())), enginePath("xmllint"));
      expect(checked).toEqual(expect.arrayContaining(["word/document.xml", "word/styles.xml", "word/settings.xml", "word/header1.xml"]));
      expect(problems).toEqual([]);
    });

    it("prints portrait pages, then landscape appendix pages that each start with the table's header row", () => {
      const sizes = pageSizes(pdf());
      const portrait = sizes.filter((s) => close(s.width, A4.short) && close(s.height, A4.long)).length;
      const landscape = sizes.filter((s) => close(s.width, A4.long) && close(s.height, A4.short)).length;
      expect(portrait + landscape).toBe(sizes.length);
      expect(portrait).toBeGreaterThanOrEqual(2);
      expect(landscape).toBeGreaterThanOrEqual(2);
      // Portrait first, then only landscape.
      expect(sizes.slice(0, portrait).every((s) => s.height > s.width)).toBe(true);
      for (let page = portrait + 1; page <= sizes.length; page++) {
        const text = pageText(pdf(), page);
        expect(text).toMatch(/STT\s+Chỉ tiêu/);
        expect(text).toMatch(/Tỷ lệ/);
        expect(text).toMatch(/Đánh giá/);
        // The page number at the top.
        expect(text.trim().split("\n")[0]!.trim()).toBe(String(page));
      }
      expect(pageText(pdf(), portrait + 1)).toContain("PHỤ LỤC");
    });

    it("has the header block, the title and no page number on page 1; page 2 is numbered at the top", () => {
      const first = pageText(pdf(), 1);
      expect(first.trim().split("\n")[0]).toMatch(/ỦY BAN NHÂN DÂN\s+CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM/);
      expect(first).toMatch(/PHƯỜNG ĐÔNG HẢI\s+Độc lập - Tự do - Hạnh phúc/);
      expect(first).toMatch(/Số:\s+\/BC-UBND\s+Đông Hải, ngày\s+tháng\s+năm 2025/);
      expect(first).toMatch(/BÁO CÁO\s+Kết quả thực hiện các chỉ tiêu thi đua năm 2025/);
      expect(first).toContain("I. KẾT QUẢ CHUNG");
      expect(pageText(pdf(), 2).trim().split("\n")[0]!.trim()).toBe("2");
      const all = poppler("pdftotext", "-layout", pdf(), "-").replace(/\s+/g, " ");
      expect(all).toContain("Giải trình: Khu tái định cư chưa được phát thùng phân loại rác");
      expect(all).toMatch(/Lý do: Số liệu BHXH chốt ngày 30\/11, chưa tính tháng 12/);
      expect(all).toMatch(/TM\. ỦY BAN NHÂN DÂN/);
      expect(all).toContain("Nơi nhận:");
      // The two chart pictures are in the PDF, with their captions.
      expect(all).toContain("Biểu đồ 1. Số chỉ tiêu theo kết quả đánh giá");
      expect(all).toContain("Biểu đồ 2. Tỷ lệ thực hiện từng chỉ tiêu so với kế hoạch");
      const images = poppler("pdfimages", "-list", pdf()).split("\n").filter((l) => /^\s*\d+\s+\d+\s+image/.test(l));
      expect(images.length).toBeGreaterThanOrEqual(2);
    });

    it("keeps the rendered pages as test artifacts", () => {
      const pngs = render(pdf(), "bao-cao-don-vi");
      expect(pngs.every((p) => existsSync(p))).toBe(true);
    });

    it("never overwrites the report without --force", async () => {
      const again = await cli(tmp.dir, "report", "dh.xlsx", "-o", "bao-cao.docx");
      expect(again.code).toBe(2);
      expect(again.stderr).toBe(t("xlsx.out-exists", { file: "bao-cao.docx" }) + "\n");
    });
  });

  it(
    "consolidated: the ranking and the register of the file that could not be used",
    async () => {
      const run = await cli(tmp.dir, "report", "u1.xlsx", "hong.xlsx", "u2.xlsx", "-o", "tong-hop.docx", "--unit", "Thành phố Hải Phòng", "--pdf");
      expect(run.code).toBe(1);
      expect(run.stdout).toBe(t("report.cli.consolidated", { used: 2, total: 3, failed: 1 }) + "\n");
      const pdf = file("tong-hop.pdf");
      const all = poppler("pdftotext", "-layout", pdf, "-");
      expect(all).toMatch(/THÀNH PHỐ HẢI PHÒNG/);
      expect(all).toContain("III. XẾP HẠNG CÁC ĐƠN VỊ");
      expect(all).toMatch(/1\s+Phường Hồng Bàng[\s\S]*2\s+Phường Ngô Quyền/);
      expect(all.replace(/\s+/g, " ")).toMatch(/IV\. CÁC ĐƠN VỊ CHƯA CÓ BÁO CÁO HOẶC SỐ LIỆU CHƯA SỬ DỤNG ĐƯỢC - hong\.xlsx: /);
      const sizes = pageSizes(pdf);
      expect(sizes[sizes.length - 1]!.width).toBeGreaterThan(sizes[sizes.length - 1]!.height);
      render(pdf, "bao-cao-tong-hop");
    },
    TIMEOUT,
  );

  it(
    "--period and --lang en: the six-month report in English, its date written in full",
    async () => {
      const run = await cli(tmp.dir, "report", "dh.xlsx", "-o", "six.docx", "--period", "6-thang", "--date", "2025-07-05", "--lang", "en");
      expect(run.stderr).toContain("Wrote the report six.docx");
      const doc = parts(file("six.docx"))["word/document.xml"]!;
      const text = [...doc.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join("|");
      expect(text).toContain("Results of the emulation indicators, first six months of 2025");
      expect(text).toContain("Đông Hải, 05/07/2025");
      expect(text).toContain("SOCIALIST REPUBLIC OF VIET NAM");
      expect(text).not.toContain("Nơi nhận");
    },
    TIMEOUT,
  );

  it("refuses a period it does not know, in one line", async () => {
    const run = await cli(tmp.dir, "report", "dh.xlsx", "-o", "x.docx", "--period", "quý 3");
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(t("report.cli.bad-period", { value: "quý 3" }) + "\n");
  });
});
