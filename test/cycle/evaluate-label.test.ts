// `evaluate --json` on a six-month workbook: each row keeps its five-status contract and adds the
// label the Đánh giá cell shows ("Đạt tiến độ", "Chậm tiến độ", "Chưa đến kỳ đánh giá"); a
// year-end workbook's rows are as before (five keys, no label).
import { join } from "node:path";
import { cli, fillActuals, tempDir } from "../cli/support";

const tmp = tempDir();
afterAll(() => tmp.cleanup());

test("six months: the label beside the status, worked out by hand for Hải Phòng's plan", async () => {
  expect((await cli(tmp.dir, "template", "--plan", "hai-phong-232-2025", "--period", "6", "--year", "2026", "-o", "6t.xlsx")).code).toBe(0);
  // Thu ngân sách (4, target 165.011,59 tỷ đồng): 90.000 is 54,5 % of the year's plan, on track at six
  // months; vốn đầu tư (5, 320.850): 100.000 is 31,2 %, behind; tỷ lệ hộ nghèo (14) waits for the year end.
  await fillActuals(join(tmp.dir, "6t.xlsx"), { "4": 90000, "5": 100000, "14": 1.2 }, "Thực hiện 6 tháng đầu năm 2026");
  const run = await cli(tmp.dir, "evaluate", "6t.xlsx", "--json");
  const rows = JSON.parse(run.stdout).indicators as { code: string; status: string; label?: string }[];
  const row = (code: string) => rows.find((r) => r.code === code)!;
  expect([row("4").status, row("4").label]).toEqual(["Đạt", "Đạt tiến độ"]);
  expect([row("5").status, row("5").label]).toEqual(["Không đạt", "Chậm tiến độ"]);
  expect([row("14").status, row("14").label]).toEqual(["Chưa đến hạn", "Chưa đến kỳ đánh giá"]);
});

test("the whole year: five keys, no label", async () => {
  expect((await cli(tmp.dir, "template", "--plan", "hai-phong-232-2025", "--year", "2025", "-o", "nam.xlsx")).code).toBe(0);
  await fillActuals(join(tmp.dir, "nam.xlsx"), { "4": 170000 });
  const rows = JSON.parse((await cli(tmp.dir, "evaluate", "nam.xlsx", "--json")).stdout).indicators as object[];
  for (const r of rows) expect(Object.keys(r)).toEqual(["code", "target", "actual", "percent", "status"]);
});
