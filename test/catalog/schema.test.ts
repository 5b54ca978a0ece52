import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { builtInPlans, CITY_PLAN_ID, findBuiltInPlan } from "../../shared/catalog";
import { childrenByCode, parentCode, PlanSchema } from "../../shared/model";
import { PLAN_FILES } from "../../shared/plans";
import { SEEDS_DIR } from "./expected-plan";

const PLAN_IDS = ["hai-phong-232-2025", "do-son-2025", "dong-hai-2025", "kien-an-2025", "nguyen-luong-bang-2025"];

describe("built-in plan catalogs", () => {
  test("every plan file parses with PlanSchema", () => {
    for (const data of PLAN_FILES) {
      const result = PlanSchema.safeParse(data);
      expect(result.error?.issues ?? []).toEqual([]);
    }
  });

  test("the five seed plans are built in, under short unique ids, the city plan among them", () => {
    const ids = builtInPlans().map((plan) => plan.id);
    expect(ids).toEqual(PLAN_IDS);
    expect(new Set(ids).size).toBe(ids.length);
    expect(findBuiltInPlan(CITY_PLAN_ID)?.issuer).toBe("UBND thành phố Hải Phòng");
    for (const id of ids) expect(id.length).toBeLessThanOrEqual(30);
  });

  test("each plan names an existing seed file as its source, one plan per seed", () => {
    const seeds = readdirSync(SEEDS_DIR).filter((name) => name.endsWith(".txt"));
    const sources = builtInPlans().map((plan) => plan.source);
    for (const source of sources) {
      expect(source).not.toBeNull();
      expect(existsSync(path.join(SEEDS_DIR, source ?? ""))).toBe(true);
    }
    expect([...sources].sort()).toEqual([...seeds].sort());
  });

  test("issuer, level and year are the document's", () => {
    const facts = builtInPlans().map((plan) => [plan.id, plan.issuer, plan.level, plan.year, plan.source?.slice(0, 3)]);
    expect(facts).toEqual([
      ["hai-phong-232-2025", "UBND thành phố Hải Phòng", "tinh", 2025, "003"],
      ["do-son-2025", "UBND quận Đồ Sơn", "huyen", 2025, "000"],
      ["dong-hai-2025", "UBND phường Đông Hải", "xa", 2025, "001"],
      ["kien-an-2025", "UBND phường Kiến An", "xa", 2025, "002"],
      ["nguyen-luong-bang-2025", "UBND xã Nguyễn Lương Bằng", "xa", 2025, "004"],
    ]);
  });

  test.each(PLAN_IDS)("%s: titles are short, text is NFC with normalised whitespace", (id) => {
    const plan = findBuiltInPlan(id)!;
    expect(plan.title.length).toBeLessThanOrEqual(200);
    expect(plan.title.startsWith("Kế hoạch")).toBe(true);
    const texts = [plan.title, plan.issuer, ...plan.indicators.flatMap((ind) => [ind.name, ind.unit, ind.note ?? "", ind.group ?? ""])];
    for (const text of texts) {
      expect(text).toBe(text.normalize("NFC"));
      expect(text).toBe(text.trim());
      expect(text).not.toMatch(/\s{2,}|[\t\n\r]/);
    }
  });

  test.each(PLAN_IDS)("%s: codes are unique and every child directly follows its parent's block", (id) => {
    const { indicators } = findBuiltInPlan(id)!;
    const codes = indicators.map((ind) => ind.code);
    expect(new Set(codes).size).toBe(codes.length);
    indicators.forEach((ind, i) => {
      const parent = parentCode(ind.code);
      if (parent === null) return;
      const previous = indicators[i - 1]?.code ?? "";
      expect(previous === parent || previous.startsWith(`${parent}.`)).toBe(true);
    });
  });

  test.each(PLAN_IDS)("%s: a heading (comparator null) has children; top-level codes run 1…N", (id) => {
    const { indicators } = findBuiltInPlan(id)!;
    const children = childrenByCode(indicators);
    for (const ind of indicators.filter((i) => i.comparator === null)) expect(children.get(ind.code)?.length ?? 0).toBeGreaterThan(0);
    const topLevel = indicators.filter((ind) => parentCode(ind.code) === null).map((ind) => Number(ind.code));
    expect(topLevel).toEqual(topLevel.map((_, i) => i + 1));
    for (const [parent, list] of children) expect(list.map((c) => c.code)).toEqual(list.map((_, i) => `${parent}.${i + 1}`));
  });

  test.each(PLAN_IDS)("%s: deadlines are the plan year or later; a child keeps its parent's deadline", (id) => {
    const plan = findBuiltInPlan(id)!;
    const codes = new Map(plan.indicators.map((ind) => [ind.code, ind]));
    for (const ind of plan.indicators) {
      if (ind.deadlineYear !== null) expect(ind.deadlineYear).toBeGreaterThan(plan.year);
      const parent = codes.get(parentCode(ind.code) ?? "");
      if (parent?.deadlineYear != null) expect(ind.deadlineYear).toBe(parent.deadlineYear);
    }
  });

  test("where children are parts of the parent amount, they share its unit and their targets do not exceed it", () => {
    const partParents = builtInPlans().flatMap((plan) => plan.indicators.filter((ind) => ind.childrenAreParts).map((ind) => ({ plan, ind })));
    expect(partParents.map(({ plan, ind }) => `${plan.id} ${ind.code}`)).toEqual(["hai-phong-232-2025 4", "dong-hai-2025 1"]);
    for (const { plan, ind } of partParents) {
      const parts = childrenByCode(plan.indicators).get(ind.code) ?? [];
      for (const part of parts) expect(part.unit).toBe(ind.unit);
      const sum = parts.reduce((total, part) => total + (part.target ?? 0), 0);
      expect(sum).toBeLessThanOrEqual(ind.target ?? 0);
    }
  });

  test("lower-is-better indicators written with a bare number are ceilings, and say so", () => {
    const lowerIsBetter = builtInPlans().flatMap((plan) =>
      plan.indicators.filter((ind) => ind.comparator === "<=").map((ind) => `${plan.id} ${ind.code}`),
    );
    expect(lowerIsBetter).toEqual([
      "do-son-2025 11",
      "dong-hai-2025 14",
      "dong-hai-2025 15",
      "dong-hai-2025 16",
      "dong-hai-2025 17.1",
      "dong-hai-2025 17.2",
      "kien-an-2025 7",
    ]);
    for (const plan of builtInPlans())
      for (const ind of plan.indicators.filter((i) => i.comparator === "<=")) expect(ind.note).toContain("chỉ tiêu càng thấp càng tốt");
  });

  test("groups appear only where the plan has its own sections (Kiến An)", () => {
    for (const plan of builtInPlans()) {
      const groups = [...new Set(plan.indicators.map((ind) => ind.group).filter((g) => g !== null))];
      if (plan.id === "kien-an-2025")
        expect(groups).toEqual(["Chỉ tiêu kinh tế", "Chỉ tiêu văn hóa - xã hội", "Chỉ tiêu giáo dục", "Chỉ tiêu môi trường"]);
      else expect(groups).toEqual([]);
    }
  });
});
