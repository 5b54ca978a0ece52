// Issue 12 (what a clerk met): a unit slip gets a one-click "÷ 1.000": the finding carries the
// figure in the plan's unit and the figure as typed, and the fix command writes it only while the
// cell still holds what was typed.
import { findBuiltInPlan } from "../../shared/catalog";
import { defaultSettings, type ActualEntry } from "../../shared/model";
import { validateEntries } from "../../shared/validate";
import { fixCommand } from "../../shared/workflow/fix";

const dongHai = findBuiltInPlan("dong-hai-2025")!;
const kienAn = findBuiltInPlan("kien-an-2025")!;
const at = (code: string, raw: unknown, cell: string): ActualEntry => ({ code, raw, location: { sheet: "Chỉ tiêu", cell } });

test("Đông Hải revenue typed in nghìn đồng: the fix divides by 1.000, from the typed figure", () => {
  const [slip] = validateEntries(dongHai, [at("1", 36692000, "F6")], defaultSettings(2025)).filter((f) => f.rule === "unit-slip");
  expect(slip.fix).toEqual({ value: 36692, from: 36692000 });
});

test("Kiến An revenue typed in tỷ: the fix multiplies by 1.000", () => {
  const [slip] = validateEntries(kienAn, [at("5", 330.681, "F10")], defaultSettings(2025)).filter((f) => f.rule === "unit-slip");
  expect(slip.fix).toEqual({ value: 330681, from: 330.681 });
});

test("the fix writes the scaled figure while the cell still holds the typed one, and refuses once it changed", () => {
  const done = fixCommand({ sheet: "Chỉ tiêu", cell: "F6", current: 36692000 }, 36692, "vi", 36692000);
  expect(done.status).toBe("done");
  expect(done.writes).toEqual([{ kind: "cells", cells: [{ sheet: "Chỉ tiêu", cell: "F6", value: 36692 }] }]);
  // Typed as text with dots, it is still the same figure.
  expect(fixCommand({ sheet: "Chỉ tiêu", cell: "F6", current: "36.692.000" }, 36692, "vi", 36692000).status).toBe("done");
  const changed = fixCommand({ sheet: "Chỉ tiêu", cell: "F6", current: 38000 }, 36692, "vi", 36692000);
  expect(changed.status).toBe("refused");
  expect(changed.writes).toEqual([]);
});

test("a number typed as text keeps its own rule (no `from`)", () => {
  expect(fixCommand({ sheet: "S", cell: "F7", current: "1.234,5" }, 1234.5, "vi").status).toBe("done");
  expect(fixCommand({ sheet: "S", cell: "F7", current: 1234.5 }, 1234.5, "vi").status).toBe("refused");
});
