// import.*: the plan-text importer scored on the real public plan texts of ../shared/corpus/plans
// (scoring rules in test/import/corpus-score.ts; `npm run eval:import` prints the detail). Shares, not
// times: F1 of the targets found, and on the matched ones the share with the right polarity, unit and
// deadline; the held-out halves (odd files = dev, even = test) are measured beside the whole.
import type { BenchEntry } from "./run";
import { scoreCorpus, totals } from "../test/import/corpus-score";

export async function entries(): Promise<BenchEntry[]> {
  const scores = scoreCorpus();
  const all = totals(scores);
  const dev = totals(scores.filter((s) => s.half === "dev"));
  const test = totals(scores.filter((s) => s.half === "test"));
  const share = (value: number) => Math.round(value * 1000) / 1000;
  return [
    { name: "import.f1", size: all.expected, value: share(all.f1), unit: "share" },
    { name: "import.polarity", size: all.matched, value: share(all.polarity), unit: "share" },
    { name: "import.unit", size: all.matched, value: share(all.unit), unit: "share" },
    { name: "import.deadline", size: all.matched, value: share(all.deadline), unit: "share" },
    { name: "import.f1.dev", size: dev.expected, value: share(dev.f1), unit: "share" },
    { name: "import.f1.test", size: test.expected, value: share(test.f1), unit: "share" },
  ];
}
