// The built-in plans: the five seed documents, curated by hand into JSON files under shared/plans/.
import { PlanSchema, type Plan } from "./model";
import { PLAN_FILES } from "./plans";

let cache: Plan[] | null = null;

/** Every built-in plan, validated against the schema (a broken catalog fails loudly in tests). */
export function builtInPlans(): Plan[] {
  cache ??= PLAN_FILES.map((data) => PlanSchema.parse(data));
  return cache;
}

export function findBuiltInPlan(id: string): Plan | undefined {
  return builtInPlans().find((plan) => plan.id === id);
}

/** The plan the demo and the examples use: Hải Phòng city, 232/KH-UBND. */
export const CITY_PLAN_ID = "hai-phong-232-2025";
