// English says its plurals right ("1 error", "2 errors"), Vietnamese has none; statuses have English words.
import { fill, messages, t } from "../../shared/i18n";
import { statusLabel } from "../../shared/workflow/say";
import { STATUSES } from "../../shared/model";
import { messages as xlsxMessages } from "../../cli/messages-xlsx";
import { t as cliT } from "../../cli/i18n";

test("{n|one|other} picks the word for the count", () => {
  expect(fill("{n} {n|error|errors}", { n: 1 })).toBe("1 error");
  expect(fill("{n} {n|error|errors}", { n: 2 })).toBe("2 errors");
  expect(fill("{n} {n|error|errors}", { n: 0 })).toBe("0 errors");
  expect(fill("{n|error|errors}", {})).toBe("{n|error|errors}");
});

test("the check's counts in English, from the core and from the CLI", () => {
  expect(t("wf.check.counts", { errors: 1, warnings: 2, count: 1 }, "en")).toBe("1 error, 2 warnings (1 indicator checked).");
  expect(cliT("xlsx.check.counts", { file: "a.xlsx", errors: 1, warnings: 1, count: 3 }, "en")).toBe("a.xlsx: 1 error, 1 warning (3 indicators read).");
  expect(t("wf.check.counts", { errors: 1, warnings: 2, count: 1 }, "vi")).toBe("1 lỗi, 2 cảnh báo (1 chỉ tiêu đã kiểm tra).");
});

test("no English message of the workflow, the summary, the findings or the CLI's .xlsx commands says a number before a bare plural noun", () => {
  const en = messages("en", xlsxMessages);
  // The hot-loop templates (shared/message-templates.ts: the summary sentence, findings) read the
  // plural form too (test/core/plural-templates.test.ts), so their areas are checked here as well.
  const bad = Object.entries(en).filter(([key, text]) => /^(wf|xlsx|summary|validate|layout|sheet)\./.test(key) && /\{(\w+)\} (errors|warnings|indicators|units|files)\b/.test(text) && !text.includes("|"));
  expect(bad).toEqual([]);
});

test("every status has an English word", () => {
  for (const status of STATUSES) {
    expect(statusLabel(status, "vi")).toBe(status);
    expect(statusLabel(status, "en")).toMatch(/^[A-Za-z ]+$/);
  }
});
