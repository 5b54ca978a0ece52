// Fuzzing the core with a fixed seed (FUZZ_SEED, FUZZ_RUNS override): random cell values, random
// plan texts, random sheet edits between two loads. `npm run fuzz` runs the same properties longer.
import { assertProperty, CORE_PROPERTIES } from "./properties";

describe("fuzzing the core", () => {
  for (const property of CORE_PROPERTIES) {
    test(property.name, async () => {
      await assertProperty(property);
    });
  }
});
