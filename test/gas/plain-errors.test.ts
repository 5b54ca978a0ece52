// Apps Script's own failures reach the clerk in plain words with the next step, never its English
// "Exception: …" text; a paste with nothing in it is an empty review, said by the pane as in Excel;
// the review keeps the importer's "chưa chắc" rows and their reasons (Sheets used to drop the flag).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { importPlanText } from "../../shared/import";
import { UNSURE } from "../../ui/format";
import { buildToTemp, loadRequest, run, sandbox, type Built } from "./support";

let built: Built;
beforeAll(async () => {
  built = await buildToTemp();
}, 120_000);

test("an Apps Script failure is said in plain Vietnamese or English, with what to do", () => {
  const box = sandbox(built);
  expect(run(box, "loadPlan", loadRequest("dong-hai-2025")).ok).toBe(true);
  // The spreadsheet service times out, whichever way the command reaches a sheet.
  const book = box.world.active as unknown as Record<"getSheetByName" | "getSheets" | "getRange" | "getRangeByName", () => unknown>;
  for (const method of ["getSheetByName", "getSheets", "getRange", "getRangeByName"] as const) {
    book[method] = () => {
      throw new Error("Exception: Service Spreadsheets timed out while accessing document with id active-sheet-id.");
    };
  }
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

test("the review of a pasted plan keeps the importer's 'chưa chắc' rows and why, as Excel's review reads them", () => {
  const text = readFileSync(join("/work/shared/corpus/plans", "04-xa-quangbinh-thanhhoa-2025.txt"), "utf8");
  const box = sandbox(built);
  const review = run<{ rows: { code: string; confidence: number; reasons: string[] }[] }>(box, "previewPlanText", text, "vi");
  // Excel's port reads the importer in the pane itself: the same rows, confidences and reasons.
  const direct = importPlanText(text, { lang: "vi" });
  expect(review.rows.map((r) => [r.code, r.confidence])).toEqual(direct.indicators.map((i) => [i.code, i.confidence]));
  const unsure = review.rows.filter((r) => r.confidence < UNSURE);
  expect(unsure.length).toBeGreaterThan(0);
  for (const row of unsure) expect(row.reasons.length).toBeGreaterThan(0);
  expect(unsure.every((r) => r.reasons.every((w) => !/^import\./.test(w)))).toBe(true);
});

test("a unit's link that cannot be opened is listed with a plain reason and what to do, not Apps Script's English", () => {
  const box = sandbox(built, "consolidation");
  expect(run(box, "loadPlan", loadRequest("dong-hai-2025", "UBND phường Đông Hải")).ok).toBe(true);
  const locked = "https://docs.google.com/spreadsheets/d/locked/edit";
  const wrong = "https://docs.google.com/spreadsheets/d/wrong/edit";
  box.world.forbiddenUrls.add(locked);
  const r = run<{ register: { source: string; reason: string }[] }>(box, "startConsolidation", [locked, wrong], "vi", { expected: null, deadline: null });
  // Two links, two units (named by the spreadsheet's id, not both "edit"), each with its reason.
  expect(r.register.map((u) => u.source)).toEqual([locked, wrong]);
  expect(r.register[0]!.reason).toBe("Tệp không sử dụng được: Không đọc được tệp: tài khoản này không có quyền xem bảng tính đó; nhờ đơn vị chia sẻ quyền xem rồi tổng hợp lại");
  expect(r.register[1]!.reason).toBe("Tệp không sử dụng được: Không đọc được tệp: không mở được đường dẫn này (sai đường dẫn, hoặc bảng tính đã bị xóa); kiểm tra lại đường dẫn với đơn vị");
  for (const u of r.register) expect(u.reason).not.toMatch(/Exception|permission|Unexpected error/);
});
