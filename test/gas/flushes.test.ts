// Round trips as Apps Script costs them: writes are cached and sent when a read follows pending
// writes, at flush(), or when the run ends (test/fakes/gas/calls.ts). Every command sends its
// writes in at most two flushes, whatever the number of rows, and its calls stay flat in the rows.
import { callKind, CallLog } from "../fakes/gas/calls";
import { buildToTemp, columnOf, FILL_IN, loadRequest, rowOfCode, run, sandbox, syntheticPlan, userTypes, type Built } from "./support";

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

const SIZES = [30, 300, 3000];

interface Cost {
  calls: number;
  flushes: number;
  /** A new sheet has 1,000 rows: a bigger table asks for more, once (Sheet.insertRowsAfter). */
  grow: number;
}

function measure(size: number): Record<string, Cost> {
  const box = sandbox(built);
  const plan = syntheticPlan(size);
  const out: Record<string, Cost> = {};
  const m = (name: string, fn: () => { ok: boolean; message?: string }) => {
    box.world.log.reset();
    const result = fn();
    if (!result.ok) throw new Error(`${name} at ${size}: ${result.message}`);
    out[name] = { calls: box.world.log.count, flushes: box.world.log.flushes, grow: box.world.log.byMethod()["Sheet.insertRowsAfter"] ?? 0 };
  };
  const request = { ...loadRequest("x"), source: { kind: "reviewed", plan } };
  m("load", () => run(box, "loadPlan", request));
  const sheet = box.world.active.sheet(FILL_IN);
  userTypes(sheet, rowOfCode(sheet, "1"), columnOf("actual"), 150);
  m("reload", () => run(box, "loadPlan", request));
  m("validate", () => run(box, "checkFigures", "vi"));
  m("summary", () => run(box, "buildSummary", "vi"));
  userTypes(sheet, rowOfCode(sheet, "2"), columnOf("actual"), 1);
  m("summary.rerun", () => run(box, "buildSummary", "vi"));
  return out;
}

test("flushes and calls per command at 30, 300 and 3,000 rows", () => {
  const bySize = SIZES.map(measure);
  console.log(JSON.stringify(bySize));
  for (const [name, at30] of Object.entries(bySize[0])) {
    for (const at of bySize) {
      expect([name, at[name].flushes <= 2]).toEqual([name, true]);
      expect([name, at[name].calls - at[name].grow]).toEqual([name, at30.calls - at30.grow]);
      expect(at[name].grow).toBeLessThanOrEqual(1);
    }
  }
}, 240_000);
