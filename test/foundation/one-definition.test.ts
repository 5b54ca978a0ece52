// Rules the core once had twice, tied here so they cannot drift apart again: the yes/no words of a
// boolean indicator (the TypeScript reader and the fill-in sheet's formulas), and what "a rate" is
// (validation's 0–100 check and the rules' change in points).
import { foldDiacritics, NO_WORDS, readBooleanWord, readActual, YES_WORDS, namesARate } from "../../shared/actual";
import { builtInPlans } from "../../shared/catalog";
import { changeModeOf } from "../../shared/rules/comparators";
import { BOOLEAN_FALSE_WORDS, BOOLEAN_TRUE_WORDS } from "../../shared/sheet/fill-in";
import { classifyUnit } from "../../shared/validate";
import type { Indicator } from "../../shared/model";

describe("the yes/no words", () => {
  test("every word the sheet's formula accepts reads the same in the core", () => {
    for (const word of BOOLEAN_TRUE_WORDS) expect([word, readBooleanWord(word)]).toEqual([word, true]);
    for (const word of BOOLEAN_FALSE_WORDS) expect([word, readBooleanWord(word)]).toEqual([word, false]);
  });

  test("every word the core reads is one the sheet's formula accepts, as typed and without diacritics", () => {
    // The formula compares LOWER(TRIM(cell)): lower-case forms, accented and folded.
    for (const word of YES_WORDS) for (const form of [word, foldDiacritics(word)]) expect(BOOLEAN_TRUE_WORDS).toContain(form);
    for (const word of NO_WORDS) for (const form of [word, foldDiacritics(word)]) expect(BOOLEAN_FALSE_WORDS).toContain(form);
  });

  test("a boolean cell typed with capitals and spaces reads as the word", () => {
    expect(readActual("  Không Đạt ", "boolean")).toMatchObject({ kind: "boolean", value: false });
    expect(readActual("Hoàn thành", "boolean")).toMatchObject({ kind: "boolean", value: true });
  });
});

describe("a rate", () => {
  const percent = (name: string, comparator: Indicator["comparator"] = ">="): Pick<Indicator, "name" | "unit" | "comparator"> => ({ name, unit: "%", comparator });

  test("a share (tỷ trọng) is a rate for validation and changes in points for the rules", () => {
    const share = percent("Tỷ trọng công nghiệp trong GRDP");
    expect(classifyUnit(share)).toBe("rate");
    expect(changeModeOf(share)).toBe("points");
    expect(changeModeOf(percent("Tỷ trọng công nghiệp trong GRDP", "increase-by"))).toBe("points");
  });

  test("a growth given in % (not a rate) changes relatively and is no rate", () => {
    const growth = percent("Tốc độ tăng trưởng kinh tế");
    expect(classifyUnit(growth)).toBe("percent");
    expect(changeModeOf(growth)).toBe("relative");
  });

  test("on every built-in plan: rate for validation ⇔ points for the rules, for every % indicator not measuring a change", () => {
    let checked = 0;
    for (const plan of builtInPlans())
      for (const ind of plan.indicators) {
        if (ind.unit.trim() !== "%") continue;
        const change = /\b(tang|giam)\b/.test(foldDiacritics(ind.name)) || ind.comparator === "increase-by" || ind.comparator === "decrease-by";
        expect([ind.name, changeModeOf(ind) === "points"]).toEqual([ind.name, namesARate(ind.name)]);
        if (!change) expect([ind.name, classifyUnit(ind) === "rate"]).toEqual([ind.name, namesARate(ind.name)]);
        checked++;
      }
    expect(checked).toBeGreaterThan(10);
  });
});
