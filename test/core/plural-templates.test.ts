// The hot-loop templates (shared/message-templates.ts: the summary sentence, the findings) say
// English plurals right with the {n|one|other} form `fill` reads, and give exactly what `fill` gives.
import { fill, type MessageParams } from "../../shared/i18n";
import { fillTemplate, parseTemplate, partialTemplate } from "../../shared/message-templates";
import { findBuiltInPlan } from "../../shared/catalog";
import { defaultSettings, type Status } from "../../shared/model";
import { addToTally, emptyTally, summarySentence } from "../../shared/summary";

const plan = findBuiltInPlan("dong-hai-2025")!;
const names = plan.indicators.filter((i) => !i.code.includes(".")).map((i) => ({ code: i.code, name: i.name }));

function sentence(statuses: Status[], lang: "vi" | "en" = "en"): string {
  const tally = emptyTally();
  for (const s of statuses) addToTally(tally, s, false);
  const noData = names.slice(0, statuses.filter((s) => s === "Chưa có số liệu").length);
  return summarySentence(tally, { missed: [], noData }, defaultSettings(2025, { lang }));
}

test("the English summary sentence counts 0, 1 and 2 indicators with the right noun", () => {
  expect(sentence(["Đạt"])).toBe("1 of 1 indicator met or exceeded the plan.");
  expect(sentence(["Đạt", "Vượt"])).toBe("2 of 2 indicators met or exceeded the plan (1 exceeded it).");
  expect(sentence(["Chưa có số liệu", "Chưa có số liệu"])).toBe(`0 of 2 indicators met or exceeded the plan; 2 without data: ${names[0]!.name}, ${names[1]!.name}.`);
  expect(sentence(["Chưa đến hạn"])).toBe("No indicator is due for evaluation in 2025 (1 is due after 2025).");
  expect(sentence(["Chưa đến hạn", "Chưa đến hạn"])).toBe("No indicator is due for evaluation in 2025 (2 are due after 2025).");
});

test("Vietnamese has no plural: the same words for 1 and 2", () => {
  expect(sentence(["Đạt"], "vi")).toBe("Có 1/1 chỉ tiêu đạt và vượt kế hoạch.");
  expect(sentence(["Đạt", "Đạt"], "vi")).toBe("Có 2/2 chỉ tiêu đạt và vượt kế hoạch.");
});

describe("a parsed template fills as fill() does", () => {
  const templates = [
    "{n} {n|error|errors}",
    "{where}: code {code} appears {count} {count|time|times} ({cells})",
    "{a|x|y} and {b} {b|one|other|more}",
    "{notAPlural|} {x|y {z}",
    "no placeholder",
  ];
  const paramsList: MessageParams[] = [{ n: 0 }, { n: 1 }, { n: 2, count: 1, where: "B3", code: "4", cells: "B3, B9" }, { a: 1, b: 3 }, { count: 2 }, {}];
  test.each(templates)("%s", (template) => {
    const parsed = parseTemplate(template);
    for (const params of paramsList) {
      expect(fillTemplate(parsed, params)).toBe(fill(template, params));
      // Filling some placeholders first, then the rest, gives the same text.
      const [first, ...rest] = Object.entries(params);
      const partial = partialTemplate(parsed, first ? Object.fromEntries([first]) : {});
      expect(fillTemplate(partial, Object.fromEntries(rest))).toBe(fill(template, params));
      expect(partial.text).toBe(fill(template, first ? Object.fromEntries([first]) : {}));
    }
  });
});
