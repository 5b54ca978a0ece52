// `chitieu summary` over many files reads them on every core (cli/xlsx/unit-read-parallel.ts): the
// reading workers must change nothing a user sees. The same files consolidated with the workers
// and with CHITIEU_WORKERS=0 give the same exit code, the same stdout and stderr (progress lines in
// the files' order), and workbooks whose every part is byte for byte the same (the core
// properties' time stamps aside) — with an unreadable file among them, a copy sent twice, a late
// file, the plan given by --plan, and the register (--expected, --deadline, --json). Counts only:
// how many files each thread read, never how long it took.
import { copyFileSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { CITY_PLAN_ID, findBuiltInPlan } from "../../shared/catalog";
import { fillInWorkbookBytes } from "../../cli/commands/template";
import { exampleEntries } from "../../cli/demo-data";
import { lastUnitReading, WORKERS_FROM_FILES, workersFor } from "../../cli/xlsx/unit-read-parallel";
import { cli, tempDir, type CliRun } from "./support";

jest.setTimeout(180_000);

const COUNT = 26;
const ENV_KEYS = ["CHITIEU_WORKERS", "CHITIEU_WORKERS_FROM", "CHITIEU_WORKERS_MAIN"] as const;

describe("chitieu summary on many files: the reading workers give what one thread gives", () => {
  const tmp = tempDir();
  const saved = Object.fromEntries(ENV_KEYS.map((k) => [k, process.env[k]]));
  const files: string[] = [];

  beforeAll(async () => {
    const plan = findBuiltInPlan(CITY_PLAN_ID)!;
    for (let i = 0; i < COUNT; i++) {
      const name = `don-vi-${String(i + 1).padStart(2, "0")}.xlsx`;
      writeFileSync(join(tmp.dir, name), await fillInWorkbookBytes(plan, { unit: `Phường ${i + 1}`, lang: "vi", entries: exampleEntries(plan, i + 1) }));
      utimesSync(join(tmp.dir, name), new Date("2026-12-05T03:00:00Z"), new Date("2026-12-05T03:00:00Z"));
      files.push(name);
    }
    // An unreadable file in the middle, a unit's file sent twice (the copy later), a late one.
    writeFileSync(join(tmp.dir, "hong.xlsx"), "không phải bảng tính");
    files.splice(13, 0, "hong.xlsx");
    copyFileSync(join(tmp.dir, "don-vi-03.xlsx"), join(tmp.dir, "don-vi-03-gui-lai.xlsx"));
    utimesSync(join(tmp.dir, "don-vi-03-gui-lai.xlsx"), new Date("2026-12-12T03:00:00Z"), new Date("2026-12-12T03:00:00Z"));
    files.push("don-vi-03-gui-lai.xlsx");
    utimesSync(join(tmp.dir, "don-vi-07.xlsx"), new Date("2026-12-11T03:00:00Z"), new Date("2026-12-11T03:00:00Z"));
    // Expected: every unit read, and two that sent nothing.
    writeFileSync(join(tmp.dir, "units.txt"), Array.from({ length: COUNT + 2 }, (_, i) => `Phường ${i + 1}`).join("\n") + "\n");
    // The test's threshold: above it with these 28 files, as a real run is above 200.
    process.env.CHITIEU_WORKERS_FROM = "20";
  });

  afterAll(() => {
    for (const k of ENV_KEYS) {
      if (saved[k] === undefined) delete process.env[k];
      else process.env[k] = saved[k];
    }
    tmp.cleanup();
  });

  interface Outcome {
    run: CliRun;
    parts: Map<string, string>;
    reading: typeof lastUnitReading;
  }

  /** One run of `summary` with the given environment, its output workbook's parts (time stamps out). */
  async function summary(env: Partial<Record<(typeof ENV_KEYS)[number], string>>, extra: string[]): Promise<Outcome> {
    for (const k of ["CHITIEU_WORKERS", "CHITIEU_WORKERS_MAIN"] as const) {
      if (env[k] === undefined) delete process.env[k];
      else process.env[k] = env[k];
    }
    const out = join(tmp.dir, "tong-hop.xlsx");
    rmSync(out, { force: true });
    const run = await cli(tmp.dir, "summary", ...files, "-o", "tong-hop.xlsx", ...extra);
    const parts = new Map<string, string>();
    for (const [name, data] of Object.entries(unzipSync(readFileSync(out)))) {
      const text = strFromU8(data);
      parts.set(name, name === "docProps/core.xml" ? text.replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ/g, "<time>") : text);
    }
    return { run, parts, reading: { ...lastUnitReading } };
  }

  function expectSame(a: Outcome, b: Outcome): void {
    expect(b.run.code).toBe(a.run.code);
    expect(b.run.stdout).toBe(a.run.stdout);
    expect(b.run.stderr).toBe(a.run.stderr);
    expect([...b.parts.keys()]).toEqual([...a.parts.keys()]);
    for (const [name, text] of a.parts) expect({ name, text: b.parts.get(name) }).toEqual({ name, text });
  }

  it("the choice: few files on one thread, many on the workers when a core is free, CHITIEU_WORKERS=0 never", () => {
    expect(workersFor(WORKERS_FROM_FILES - 1, {}, 0).workers).toBe(0);
    expect(workersFor(WORKERS_FROM_FILES, { CHITIEU_WORKERS: "2" }, 0).workers).toBe(2);
    expect(workersFor(5000, { CHITIEU_WORKERS: "0" }, 0).workers).toBe(0);
    expect(workersFor(30, { CHITIEU_WORKERS_FROM: "20", CHITIEU_WORKERS: "3" }, 0)).toEqual({ workers: 3, mainReads: true });
    // By default one worker per other core, and none while every core is busy; a number asked for wins.
    const cores = availableParallelism();
    expect(workersFor(5000, {}, 0)).toEqual(cores > 1 ? { workers: Math.min(cores - 1, 8), mainReads: true } : { workers: 0, mainReads: true });
    expect(workersFor(5000, {}, cores).workers).toBe(0);
    expect(workersFor(5000, { CHITIEU_WORKERS: "1" }, cores + 5).workers).toBe(1);
  });

  it.each([
    ["the consolidation", [] as string[]],
    ["the consolidation with --plan", ["--plan", CITY_PLAN_ID]],
    ["the register (--expected, --deadline, --json)", ["--expected", "units.txt", "--deadline", "2026-12-10", "--json"]],
  ])("%s: the same output, stdout and stderr with and without workers", async (_what, extra) => {
    const one = await summary({ CHITIEU_WORKERS: "0" }, extra);
    expect(one.reading).toEqual({ workers: 0, readByWorkers: 0, readByMain: files.length });
    // The progress names every file in order, the unreadable one with why.
    const progress = one.run.stderr.split("\n").filter((l) => l.startsWith("["));
    expect(progress).toHaveLength(files.length);
    progress.forEach((line, i) => expect(line.startsWith(`[${i + 1}/${files.length}] ${files[i]}:`)).toBe(true));
    expect(progress[13]).toContain("hong.xlsx");
    expect(one.run.code).toBe(1);

    // Every file read by the two workers, none by the main thread.
    const workersOnly = await summary({ CHITIEU_WORKERS: "2", CHITIEU_WORKERS_MAIN: "0" }, extra);
    expect(workersOnly.reading).toEqual({ workers: 2, readByWorkers: files.length, readByMain: 0 });
    expectSame(one, workersOnly);

    // The main thread and one worker sharing the files, as on a two-core machine.
    const shared = await summary({ CHITIEU_WORKERS: "1" }, extra);
    expect(shared.reading.workers).toBe(1);
    expect(shared.reading.readByWorkers + shared.reading.readByMain).toBe(files.length);
    expectSame(one, shared);

    if (extra.includes("--json")) {
      const register = JSON.parse(one.run.stdout) as { sentence: string; register: { unit: string; statuses: string[]; file: { sha256: string; date: string } | null }[] };
      expect(register.sentence).toMatch(/^26\/28 đơn vị/);
      const row = (unit: string) => register.register.find((r) => r.unit === unit)!;
      expect(row("Phường 7").statuses).toContain("late");
      expect(row(`Phường ${COUNT + 1}`).statuses).toEqual(["missing"]);
      expect(row("Phường 1").file!.sha256).toMatch(/^[0-9a-f]{64}$/);
    }
  });
});
