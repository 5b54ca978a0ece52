// Requests per command in Excel, as the platform costs them: one read, then one write, whatever
// the number of rows (test/excel/command-syncs.ts runs every command the task pane calls; the
// bench reports the same runs as excel.<command>.syncs). The one exception: a write larger than one
// request safely carries is split (the 3,000-row fill-in sheet, in two), and every request stays
// under Office's 5 MB.
import { PAYLOAD_LIMIT } from "../fakes/excel";
import { excelCommandSyncs, SYNC_GOALS, SYNC_SIZES } from "./command-syncs";

/** Commands that write the 3,000-row fill-in sheet whole: its write goes in two requests. */
const SPLIT_AT_3000 = new Set(["load", "reload"]);

test.each(SYNC_SIZES)("every command at %i rows: within one read and one write, every request under 5 MB", async (rows) => {
  const costs = await excelCommandSyncs(rows);
  console.log(rows, JSON.stringify(Object.fromEntries(Object.entries(costs).map(([k, v]) => [k, v.syncs]))));
  expect(Object.keys(costs).sort()).toEqual(Object.keys(SYNC_GOALS).sort());
  for (const [name, cost] of Object.entries(costs)) {
    const goal = SYNC_GOALS[name]! + (rows >= 3000 && SPLIT_AT_3000.has(name) ? 1 : 0);
    expect([name, cost.syncs <= goal]).toEqual([name, true]);
    expect([name, cost.maxPayload < PAYLOAD_LIMIT]).toEqual([name, true]);
  }
}, 120000);
