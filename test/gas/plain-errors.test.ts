// Apps Script's own failures reach the clerk in plain words with the next step, never its English
// "Exception: …" text; a paste with nothing in it is an empty review, said by the pane as in Excel.
import { buildToTemp, loadRequest, run, sandbox, type Built } from "./support";

let built: Built;
beforeAll(async () => {
  built = await buildToTemp();
}, 120_000);

test("an Apps Script failure is said in plain Vietnamese or English, with what to do", () => {
  const box = sandbox(built);
  expect(run(box, "loadPlan", loadRequest("dong-hai-2025")).ok).toBe(true);
  const book = box.world.active as unknown as { getSheetByName: (name: string) => unknown };
  book.getSheetByName = () => {
    throw new Error("Exception: Service Spreadsheets timed out while accessing document with id active-sheet-id.");
  };
  const vi = run(box, "buildSummary", "vi");
  const en = run(box, "buildSummary", "en");
  expect(vi).toEqual({ ok: false, message: "Google Trang tính báo lỗi khi làm việc này; số liệu đã nhập không bị thay đổi. Thử lại; nếu vẫn lỗi, đóng thanh bên rồi mở lại." });
  expect(en.message).toBe("Google Sheets reported an error while doing this; the figures you entered were not changed. Try again; if it keeps failing, close the sidebar and open it again.");
});

test("nothing to read or nothing found: an empty review, no message of the server's own", () => {
  const box = sandbox(built);
  expect(run(box, "previewPlanText", "   ", "vi")).toEqual({ ok: true, plan: null, rows: [], results: [], warnings: [] });
  const none = run<{ rows: unknown[] }>(box, "previewPlanText", "Báo cáo tình hình thời tiết tuần này: trời nắng.", "vi");
  expect(none.ok).toBe(true);
  expect(none.rows).toEqual([]);
});

test("consolidating from links in the standard edition says which installation it needs, without pointing at a README", () => {
  const box = sandbox(built);
  const r = run(box, "startConsolidation", ["https://docs.google.com/spreadsheets/d/x/edit"], "vi");
  expect(r.ok).toBe(false);
  expect(r.message).toContain("“Chỉ tiêu thi đua – Tổng hợp”");
  expect(r.message).not.toMatch(/README/);
});
