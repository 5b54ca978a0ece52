// What Sheets now has as Excel does, through the core's workflow: the status override (its reason
// kept as text even when it starts like a formula), the dashboard, the settings.
import { buildToTemp, columnOf, FILL_IN, loadRequest, rowOfCode, run, sandbox, type Built } from "./support";

let built: Built;
beforeAll(async () => {
  built = await buildToTemp();
}, 120_000);

test("override, dashboard and settings on a loaded spreadsheet", () => {
  const box = sandbox(built);
  expect(run(box, "loadPlan", loadRequest("do-son-2025")).ok).toBe(true);
  const noReason = run(box, "setOverride", "1", "Đạt", "  ", "vi");
  expect(noReason).toMatchObject({ ok: false, message: "Ghi lý do khi điều chỉnh đánh giá." });
  const done = run<{ message: string }>(box, "setOverride", "1", "Đạt", "=HYPERLINK(\"x\")", "en");
  expect(done.message).toBe("Wrote the status “Achieved” for indicator 1.");
  const sheet = box.world.active.sheet(FILL_IN);
  const row = rowOfCode(sheet, "1");
  expect(sheet.peek(row, columnOf("override")).value).toBe("Đạt");
  const reason = sheet.peek(row, columnOf("overrideReason"));
  expect([reason.value, reason.formula ?? null]).toEqual(['=HYPERLINK("x")', null]);

  const board = run<{ counts: Record<string, number>; counted: number; rows: { code: string; status: string }[] }>(box, "getDashboard", "vi");
  expect(board.ok).toBe(true);
  expect(board.rows.find((r) => r.code === "1")?.status).toBe("Đạt");
  expect(Object.values(board.counts).reduce((a, b) => a + b, 0)).toBe(board.counted);

  expect(run(box, "saveSettings", { amberBand: 2 }, "vi")).toMatchObject({ ok: false, message: "Ngưỡng gần đạt phải từ 0 đến 100." });
  expect(run(box, "saveSettings", { amberBand: 0.8, amberLabel: "Xấp xỉ đạt" }, "vi").ok).toBe(true);
  expect(run<{ settings: { amberBand: number; amberLabel: string } }>(box, "getSettings", "vi").settings).toMatchObject({ amberBand: 0.8, amberLabel: "Xấp xỉ đạt" });
});
