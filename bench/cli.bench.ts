// Consolidation at the size of a city (114 wards and communes), a province (1,140) and the country
// (3,321 communes and wards after the 2025 reorganisation): `chitieu summary` on that many filled
// workbooks of the city plan, in a child process (its peak memory and CPU are its own), against
// LibreOffice merely converting the 114 files to CSV in one soffice run, measured in the same run.
// The unit files are generated once into a cache folder under the OS temp dir (keyed by the
// sources that shape them), so the bench measures consolidating, not generating.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build } from "esbuild";
import { strFromU8, unzipSync } from "fflate";
import type { BenchEntry } from "./run";
import { CITY_PLAN_ID, findBuiltInPlan } from "../shared/catalog";
import { fillInWorkbookBytes } from "../cli/commands/template";
import { exampleEntries } from "../cli/demo-data";
import { convertWithLibreOffice, findSoffice } from "../cli/libreoffice";

export const SIZES = [114, 1140, 3321];
export const UNIT_COUNT = SIZES[0];
const ROOT = join(__dirname, "..");

/** The sources whose change changes the generated files. */
const SHAPING_SOURCES = ["cli/commands/template.ts", "cli/demo-data.ts", "cli/xlsx/write.ts", "cli/xlsx/sheet-xml.ts", "cli/xlsx/styles-xml.ts", "cli/xlsx/worksheet-xml.ts", "shared/sheet/fill-in.ts", "shared/sheet/fill-in-columns.ts", `shared/plans/${CITY_PLAN_ID}.json`];

/** `count` filled unit workbooks, generated on the first run and kept in the OS temp dir. */
export async function cachedUnitFiles(count: number): Promise<string[]> {
  const plan = findBuiltInPlan(CITY_PLAN_ID);
  if (!plan) throw new Error(`built-in plan ${CITY_PLAN_ID} missing`);
  const hash = createHash("sha1");
  for (const source of SHAPING_SOURCES) if (existsSync(join(ROOT, source))) hash.update(readFileSync(join(ROOT, source)));
  const dir = join(tmpdir(), `chitieu-bench-units-${hash.digest("hex").slice(0, 12)}`);
  mkdirSync(dir, { recursive: true });
  const files: string[] = [];
  let made = 0;
  for (let i = 0; i < count; i++) {
    const file = join(dir, `don-vi-${String(i + 1).padStart(4, "0")}.xlsx`);
    if (!existsSync(file)) {
      const bytes = await fillInWorkbookBytes(plan, { unit: `Phường ${i + 1}`, lang: "vi", entries: exampleEntries(plan, i + 1) });
      // Written aside and renamed, so an interrupted run never leaves half a file in the cache.
      writeFileSync(file + ".part", bytes);
      renameSync(file + ".part", file);
      made++;
    }
    files.push(file);
  }
  if (made > 0) console.error(`cli.bench: generated ${made} unit workbooks into ${dir} (kept for the next runs)`);
  return files;
}

interface Run {
  seconds: number;
  cpuSeconds: number;
  peakMB: number;
  widestSheet: number;
}

function consolidateOnce(bin: string, dir: string, files: string[]): Run {
  const peakFile = join(dir, "peak.json");
  const preload = join(dir, "peak.cjs");
  writeFileSync(preload, PEAK_PRELOAD);
  const out = join(dir, `tong-hop-${files.length}.xlsx`);
  rmSync(out, { force: true });
  const started = process.hrtime.bigint();
  const child = spawnSync(process.execPath, ["-r", preload, bin, "summary", ...files, "-o", out], {
    cwd: dir,
    encoding: "utf8",
    env: { ...process.env, NODE_PATH: join(ROOT, "node_modules"), CHITIEU_PEAK_FILE: peakFile, CHITIEU_CODE_CACHE: join(dir, "code-cache") },
    maxBuffer: 256 * 1024 * 1024,
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (child.status === 2 || child.status === null || !existsSync(out)) throw new Error(`consolidation of ${files.length} failed (exit ${child.status}): ${(child.stderr ?? "").slice(-500)}`);
  const peak = JSON.parse(readFileSync(peakFile, "utf8")) as { kb: number; cpu: number };
  return { seconds, cpuSeconds: peak.cpu, peakMB: peak.kb / 1024, widestSheet: widestSheet(readFileSync(out)) };
}

/** The most columns any sheet of the workbook spans (from each sheet's <dimension>). */
function widestSheet(bytes: Uint8Array): number {
  const parts = unzipSync(bytes, { filter: (f) => f.name.startsWith("xl/worksheets/sheet") });
  let widest = 0;
  for (const data of Object.values(parts)) {
    const ref = /<dimension ref="[A-Z]+\d+:([A-Z]+)\d+"/.exec(strFromU8(data.subarray(0, 4096)))?.[1];
    if (!ref) continue;
    let col = 0;
    for (const ch of ref) col = col * 26 + (ch.charCodeAt(0) - 64);
    widest = Math.max(widest, col);
  }
  return widest;
}

export async function entries(): Promise<BenchEntry[]> {
  const all = await cachedUnitFiles(SIZES[SIZES.length - 1]);
  const dir = mkdtempSync(join(tmpdir(), "chitieu-bench-"));
  try {
    // The command as `chitieu` runs it: bin/chitieu.cjs starting the esbuild bundle of
    // scripts/build-cli.mjs (dist/chitieu.cjs) from V8's code cache, under plain node.
    mkdirSync(join(dir, "bin"));
    copyFileSync(join(ROOT, "bin", "chitieu.cjs"), join(dir, "bin", "chitieu.cjs"));
    const bin = join(dir, "bin", "chitieu.cjs");
    // The same two bundles as scripts/build-cli.mjs: the command and its reading worker.
    await build({
      entryPoints: { chitieu: join(ROOT, "cli", "main.ts"), "chitieu-unit-worker": join(ROOT, "cli", "xlsx", "unit-worker.ts") },
      outdir: join(dir, "dist"),
      outExtension: { ".js": ".cjs" },
      bundle: true,
      platform: "node",
      target: "node20",
      format: "cjs",
      external: ["exceljs", "playwright-core", "hyperformula"],
      define: { "require.main": "module" },
      logLevel: "warning",
    });
    const result: BenchEntry[] = [];
    const runs = new Map<number, Run>();
    // The first run of `summary` after an install compiles the bundle and keeps the code cache
    // (bin/chitieu.cjs): measured apart, on the city's files, and every later run starts from it.
    const cold = consolidateOnce(bin, dir, all.slice(0, SIZES[0]));
    result.push({ name: "cli.consolidate.firstRunSeconds", size: SIZES[0], value: cold.seconds, unit: "s" });
    for (const size of SIZES) {
      const run = consolidateOnce(bin, dir, all.slice(0, size));
      runs.set(size, run);
      const last = size === SIZES[SIZES.length - 1];
      result.push({ name: "cli.consolidate.seconds", size, value: run.seconds, unit: "s", ...(last ? { goal: 10 } : {}) });
      result.push({ name: "cli.consolidate.cpuSeconds", size, value: run.cpuSeconds, unit: "s" });
      result.push({ name: "cli.consolidate.secondsPerFile", size, value: run.seconds / size, unit: "s" });
      result.push({ name: "cli.consolidate.peakMB", size, value: run.peakMB, unit: "MB", goal: 400 });
      result.push({ name: "cli.consolidate.widestSheetColumns", size, value: run.widestSheet, unit: "columns", goal: 200 });
    }
    // Linear growth: the CPU per file at the country's size against the city's (wall time on a
    // shared machine says more about the neighbours).
    const small = runs.get(SIZES[0]) as Run;
    const large = runs.get(SIZES[SIZES.length - 1]) as Run;
    result.push({ name: "cli.consolidate.cpuPerFileGrowth", size: SIZES[SIZES.length - 1], value: large.cpuSeconds / SIZES[SIZES.length - 1] / (small.cpuSeconds / SIZES[0]), unit: "ratio", goal: 1.5 });

    const soffice = findSoffice();
    if (soffice) {
      const files = all.slice(0, UNIT_COUNT);
      const csvDir = join(dir, "csv");
      mkdirSync(csvDir);
      const loStarted = process.hrtime.bigint();
      const converted = await convertWithLibreOffice(soffice, files, "csv", csvDir);
      const loSeconds = Number(process.hrtime.bigint() - loStarted) / 1e9;
      const made = readdirSync(csvDir).length;
      if (!converted.ok || made < UNIT_COUNT) throw new Error(`LibreOffice baseline failed (${made}/${UNIT_COUNT}): ${converted.output.slice(-300)}`);
      result.push({ name: "cli.consolidate.libreOfficeSeconds", size: UNIT_COUNT, value: loSeconds, unit: "s" });
      result.push({ name: "cli.consolidate.ratioToLibreOffice", size: UNIT_COUNT, value: small.seconds / loSeconds, unit: "ratio", goal: 0.05 });
    } else {
      console.error("cli.bench: LibreOffice (soffice) is not installed; cli.consolidate.ratioToLibreOffice not measured.");
    }
    return result;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Writes the process's peak resident memory (VmHWM, kB) and CPU seconds where CHITIEU_PEAK_FILE says, on exit. */
const PEAK_PRELOAD = `
const { readFileSync, writeFileSync } = require("node:fs");
process.on("exit", () => {
  let kb = Math.round(process.memoryUsage().rss / 1024);
  try {
    const hwm = /VmHWM:\\s+(\\d+) kB/.exec(readFileSync("/proc/self/status", "utf8"));
    if (hwm) kb = Number(hwm[1]);
  } catch {}
  const cpu = process.cpuUsage();
  writeFileSync(process.env.CHITIEU_PEAK_FILE, JSON.stringify({ kb, cpu: (cpu.user + cpu.system) / 1e6 }));
});
`;
