// Prints the line CI reads at the end of every run: "tests: N passed, M failed", and when tests were
// skipped, how many and why: "tests: 700 passed, 0 failed, 44 skipped (no LibreOffice: apt-get install
// libreoffice-calc)". The reasons come from the markers test/support/engines.ts puts in the titles of
// the tests it skips for a missing program; a skip without a marker is counted as "other".
const MARKER = /\[no ([^:\]]+): apt-get install ([^\]]+)\]/g;

class CountReporter {
  onRunComplete(_contexts, results) {
    const failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
    const reasons = new Map();
    let skipped = 0;
    for (const suite of results.testResults) {
      for (const test of suite.testResults) {
        if (test.status !== "pending" && test.status !== "skipped" && test.status !== "todo") continue;
        skipped += 1;
        const title = [...test.ancestorTitles, test.title].join(" ");
        const found = [...title.matchAll(MARKER)].map((m) => `no ${m[1]}: apt-get install ${m[2]}`);
        const key = found.length > 0 ? [...new Set(found)].join("; ") : "other";
        reasons.set(key, (reasons.get(key) ?? 0) + 1);
      }
    }
    let line = `tests: ${results.numPassedTests} passed, ${failed} failed`;
    if (skipped > 0) {
      const engines = new Map();
      for (const [key, n] of reasons) {
        for (const part of key.split("; ")) engines.set(part, (engines.get(part) ?? 0) + n);
      }
      process.stdout.write("\n");
      for (const [reason, n] of engines) {
        if (reason === "other") continue;
        process.stdout.write(`SKIPPED ${n} test(s): ${reason.replace(/^no /, "").replace(/: /, " is not installed; ")} (or npm run setup)\n`);
      }
      line += `, ${skipped} skipped`;
      // The reasons ride on the closing line, as a reader expects; under CI (where a missing engine
      // fails instead) they go on the line before, so the closing line stays the plain count.
      const why = `(${[...engines.keys()].join("; ")})`;
      if (/^(1|true|yes)$/i.test(process.env.CI ?? "")) process.stdout.write(`skipped: ${why}\n`);
      else line += ` ${why}`;
    }
    process.stdout.write(`\n${line}\n`);
  }
}
module.exports = CountReporter;
