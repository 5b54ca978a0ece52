// The many-units commands as a clerk meets them: a bad assignment table writes nothing and names
// each cell; existing files are not overwritten; the register and the points through
// `chitieu summary`, with each file's real SHA-256.
import ExcelJS from "exceljs";
import { createHash } from "node:crypto";
import { copyFileSync, existsSync, readFileSync, readdirSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ASSIGNMENT_HEADER_ROW } from "../../shared/sheet/assignment-sheet";
import { cli, fillActuals, tempDir } from "../cli/support";

jest.setTimeout(120_000);
const PLAN = "hai-phong-232-2025";

describe("template --targets and summary --expected/--scoring", () => {
  const tmp = tempDir();
  const file = (name: string) => join(tmp.dir, name);
  afterAll(tmp.cleanup);

  async function form(name: string, typed: Record<string, unknown>): Promise<void> {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file("form.xlsx"));
    const ws = wb.worksheets[0]!;
    for (const [a1, v] of Object.entries(typed)) ws.getCell(a1).value = v as ExcelJS.CellValue;
    await wb.xlsx.writeFile(file(name));
  }

  beforeAll(async () => {
    writeFileSync(file("units.txt"), "Phường Hồng Bàng\nPhường Ngô Quyền\nXã An Lão\n");
    expect((await cli(tmp.dir, "targets-form", "--plan", PLAN, "-o", "form.xlsx", "--units", "units.txt")).code).toBe(0);
  });

  it("a bad assignment table: one line per bad cell, exit 2, no template written", async () => {
    const row = ASSIGNMENT_HEADER_ROW + 2;
    await form("bad.xlsx", { [`D${row}`]: "8,5", [`E${row + 1}`]: -1, [`B${row + 2}`]: "phường hồng bàng" });
    const run = await cli(tmp.dir, "template", "--plan", PLAN, "--targets", "bad.xlsx", "-o", "out/");
    expect(run.code).toBe(2);
    const lines = run.stderr.trim().split("\n");
    expect(lines).toEqual([
      expect.stringContaining(`bad.xlsx: Ô Giao chỉ tiêu!D${row}: chỉ tiêu 1 của "Phường Hồng Bàng" là chữ ("8,5")`),
      expect.stringContaining(`bad.xlsx: Ô Giao chỉ tiêu!E${row + 1}: chỉ tiêu 1.1 của "Phường Ngô Quyền" là số âm (-1,0)`.replace("-1,0", "-1")),
      expect.stringContaining(`bad.xlsx: Ô Giao chỉ tiêu!B${row + 2}: đơn vị "phường hồng bàng" đã có ở ô Giao chỉ tiêu!B${row}`),
      "bad.xlsx: bảng giao chỉ tiêu có 3 lỗi (liệt kê ở trên); chưa ghi biểu nào. Hãy sửa các ô đó rồi chạy lại.",
    ]);
    expect(existsSync(file("out"))).toBe(false);
    const en = await cli(tmp.dir, "--lang", "en", "template", "--plan", PLAN, "--targets", "bad.xlsx", "-o", "out/");
    expect(en.stderr).toContain(`Cell Giao chỉ tiêu!D${row}: the target of 1 for "Phường Hồng Bàng" is text ("8,5")`);
  });

  it("writes the templates once, and will not overwrite them without --force", async () => {
    await form("ok.xlsx", { [`D${ASSIGNMENT_HEADER_ROW + 2}`]: 9 });
    const first = await cli(tmp.dir, "template", "--plan", PLAN, "--targets", "ok.xlsx", "-o", "out/");
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^Đã ghi 3 biểu vào out\//);
    expect(readdirSync(file("out")).sort()).toEqual(["Phường Hồng Bàng.xlsx", "Phường Ngô Quyền.xlsx", "Xã An Lão.xlsx"]);
    const again = await cli(tmp.dir, "template", "--plan", PLAN, "--targets", "ok.xlsx", "-o", "out/");
    expect(again.code).toBe(2);
    expect(again.stderr).toContain("đã có 3 tệp trùng tên");
    expect((await cli(tmp.dir, "template", "--plan", PLAN, "--targets", "ok.xlsx", "-o", "out/", "--force")).code).toBe(0);
    expect((await cli(tmp.dir, "template", "--plan", PLAN, "--targets", "ok.xlsx", "-o", "x.xlsx")).stderr).toContain("-o là một thư mục");
  });

  it("summary: the register with hashes, the duplicate named, the points by a scoring file", async () => {
    const dir = (n: string) => join(file("out"), n);
    await fillActuals(dir("Phường Hồng Bàng.xlsx"), { "1": 9.5, "2": 7400 });
    await fillActuals(dir("Phường Ngô Quyền.xlsx"), { "1": 13, "2": 7000 });
    copyFileSync(dir("Phường Ngô Quyền.xlsx"), file("ngo-quyen-gui-lai.xlsx"));
    utimesSync(dir("Phường Hồng Bàng.xlsx"), new Date("2026-12-05T03:00:00Z"), new Date("2026-12-05T03:00:00Z"));
    utimesSync(dir("Phường Ngô Quyền.xlsx"), new Date("2026-12-04T03:00:00Z"), new Date("2026-12-04T03:00:00Z"));
    utimesSync(file("ngo-quyen-gui-lai.xlsx"), new Date("2026-12-14T03:00:00Z"), new Date("2026-12-14T03:00:00Z"));
    writeFileSync(file("diem.json"), JSON.stringify({ points: { "Vượt": 10, "Đạt": 8 }, penalties: { late: 5 }, total: "sum" }));
    const files = ["out/Phường Hồng Bàng.xlsx", "out/Phường Ngô Quyền.xlsx", "ngo-quyen-gui-lai.xlsx"];
    const run = await cli(tmp.dir, "summary", ...files, "-o", "th.xlsx", "--expected", "ok.xlsx", "--deadline", "2026-12-04", "--scoring", "diem.json", "--json");
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out.sentence).toBe("2/3 đơn vị đã gửi báo cáo; 1 đơn vị chưa gửi: Xã An Lão; 1 đơn vị gửi muộn (sau 04/12/2026): Phường Hồng Bàng.");
    // The same bytes sent again on 14/12: one report, sent on time on 04/12.
    const ngo = out.register.find((r: { unit: string }) => r.unit === "Phường Ngô Quyền");
    expect(ngo.statuses).toEqual(["received", "duplicate"]);
    expect(ngo.file.file).toBe("out/Phường Ngô Quyền.xlsx");
    expect(ngo.file.sha256).toBe(createHash("sha256").update(readFileSync(file("ngo-quyen-gui-lai.xlsx"))).digest("hex"));
    expect(ngo.others[0].why).toBe(`giống hệt tệp out/Phường Ngô Quyền.xlsx (cùng SHA-256)`);
    // Hồng Bàng's own GRDP target is 9: 9,5 is Vượt against it (Không đạt against the city's 12,35).
    const hong = out.ranking[0].units.find((u: { unit: string }) => u.unit === "Phường Hồng Bàng");
    expect(hong.perIndicator.find((p: { code: string }) => p.code === "1").status).toBe("Vượt");
    expect(hong.penalties).toEqual([{ kind: "late", points: 5 }]);
    expect(out.ranking[0].units.find((u: { unit: string }) => u.unit === "Phường Ngô Quyền").penalties).toEqual([]);

    // Naming the plan on the command line keeps each unit's own targets from its template: the
    // same register and the same judgement as without --plan, no unit called an old version.
    const named = await cli(tmp.dir, "summary", ...files, "-o", "th-plan.xlsx", "--plan", PLAN, "--expected", "ok.xlsx", "--deadline", "2026-12-04", "--json");
    expect(named.code).toBe(0);
    const withPlan = JSON.parse(named.stdout);
    expect(withPlan.sentence).toBe(out.sentence);
    expect(withPlan.register.map((r: { unit: string; statuses: string[] }) => [r.unit, r.statuses])).toEqual(out.register.map((r: { unit: string; statuses: string[] }) => [r.unit, r.statuses]));
    expect(withPlan.register.flatMap((r: { statuses: string[] }) => r.statuses)).not.toContain("old-version");
    const hongNamed = withPlan.ranking[0].units.find((u: { unit: string }) => u.unit === "Phường Hồng Bàng");
    expect(hongNamed.perIndicator.find((p: { code: string }) => p.code === "1").status).toBe("Vượt");

    writeFileSync(file("diem-sai.json"), JSON.stringify({ points: { "Giỏi": 10 }, weights: { "99": 2 } }));
    const bad = await cli(tmp.dir, "summary", ...files, "-o", "th2.xlsx", "--scoring", "diem-sai.json");
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('diem-sai.json: points.Giỏi: "Giỏi" không phải một mức đánh giá');
    expect(bad.stderr).toContain('diem-sai.json: weights.99: mã chỉ tiêu "99" không có trong kế hoạch.');
    expect(existsSync(file("th2.xlsx"))).toBe(false);
    const badDate = await cli(tmp.dir, "summary", ...files, "-o", "th3.xlsx", "--deadline", "10/12/2026");
    expect(badDate.code).toBe(2);
    expect(badDate.stderr.trim().split("\n").pop()).toBe('Hạn gửi "10/12/2026" không hợp lệ; ghi theo dạng năm-tháng-ngày, ví dụ --deadline 2026-12-10.');
  });
});
