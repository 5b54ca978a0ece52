// Round trips as Apps Script costs them: writes are cached and sent when a read follows pending
// writes, at flush(), or when the run ends (test/fakes/gas/calls.ts). Every command sends its
// writes in at most two flushes, whatever the number of rows, and its calls stay flat in the rows
// (test/gas/command-costs.ts runs every command the sidebar calls; the bench reports the same runs).
import { callKind, CallLog } from "../fakes/gas/calls";
import { buildToTemp, type Built } from "./support";
import { commandCosts, COST_SIZES } from "./command-costs";

describe("the flush count of the fake", () => {
  test("a setter costs nothing until a read follows it or the run ends", () => {
    const log = new CallLog();
    log.record("Range.setValues", "");
    log.record("Range.setNumberFormats", "");
    expect(log.flushes).toBe(1);
    log.record("Range.getValues", "");
    expect(log.flushes).toBe(1);
    log.record("Range.getValues", "");
    log.record("Sheet.getRange", "");
    expect(log.flushes).toBe(1);
    log.record("Range.setValue", "");
    expect(log.flushes).toBe(2);
    log.record("SpreadsheetApp.flush", "");
    log.record("Properties.getProperties", "");
    expect(log.flushes).toBe(2);
    log.reset();
    expect(log.flushes).toBe(0);
  });

  test("reads and writes are told apart by the method, only on spreadsheet objects", () => {
    expect(callKind("Range.getValues")).toBe("read");
    expect(callKind("Sheet.getLastRow")).toBe("read");
    expect(callKind("Range.getLastRow")).toBe("other");
    expect(callKind("Sheet.getRange")).toBe("other");
    expect(callKind("Range.setValues")).toBe("write");
    expect(callKind("Spreadsheet.insertSheet")).toBe("write");
    expect(callKind("Properties.setProperties")).toBe("other");
  });
});

let built: Built;
beforeAll(async () => {
  built = await buildToTemp();
}, 120_000);

test("flushes and calls of every command at 30, 300 and 3,000 rows", () => {
  const bySize = COST_SIZES.map((size) => commandCosts(built, size));
  console.log(JSON.stringify(bySize));
  const at30 = bySize[0]!;
  // Every command the sidebar calls is measured (the consolidation up to CONSOLIDATION_MAX_ROWS).
  expect(Object.keys(at30)).toEqual(
    expect.arrayContaining(["sidebar", "preview", "load", "reload", "validate", "activateCell", "fix", "selectedCode", "override", "summary", "summary.rerun", "dashboard", "settings.get", "settings.save", "readReport", "enterReport", "wordReport", "assignmentForm", "nextYear", "consolidate.start", "consolidate.continue", "consolidate.cancel"]),
  );
  bySize.forEach((costs, i) => {
    for (const [name, cost] of Object.entries(costs)) {
      expect([name, COST_SIZES[i], cost.flushes <= 2]).toEqual([name, COST_SIZES[i], true]);
      expect([name, COST_SIZES[i], cost.calls - cost.grow]).toEqual([name, COST_SIZES[i], at30[name]!.calls - at30[name]!.grow]);
      expect(cost.grow).toBeLessThanOrEqual(2);
    }
  });
  // The rounds of a consolidation: the first reads, the last one also writes every sheet.
  expect(at30["consolidate.continue"]!.flushes).toBeGreaterThan(0);
}, 600_000);
