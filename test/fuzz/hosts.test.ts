// The sheet-edit property through both host fakes, with a fixed seed (FUZZ_SEED, FUZZ_RUNS override).
import { rmSync } from "node:fs";
import { buildToTemp, type Built } from "../gas/support";
import { excelSheetEdits, gasSheetEdits } from "./host-properties";
import { assertProperty } from "./properties";

describe("fuzzing sheet edits through the hosts", () => {
  let built: Built;
  beforeAll(async () => {
    built = await buildToTemp();
  }, 120000);
  afterAll(() => rmSync(built.root, { recursive: true, force: true }));

  test(excelSheetEdits.name, async () => {
    await assertProperty(excelSheetEdits);
  }, 120000);

  test("sheet edits between loads (Sheets fake)", async () => {
    await assertProperty(gasSheetEdits(() => built, true));
  }, 120000);
});
