// The units' files of a consolidation read on every core: for a large run the main thread and
// reading workers (unit-worker.ts, node:worker_threads) take the next files from one shared
// counter, each reads and evaluates its files (readUnitFile), and the reads are handed to the
// caller strictly in the files' order — the same reads, the same progress lines, the same output
// as reading them one by one. Few files (under CHITIEU_WORKERS_FROM, 200 by default: a worker's
// start costs about what reading a hundred files does), a machine whose cores are all busy (load
// average), or CHITIEU_WORKERS=0 read on the main thread only; a worker that cannot start or dies
// leaves its files to the main thread.
import { existsSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import type { Plan } from "../../shared/model";
import { PlanDecoding, readUnitFile, type UnitRead, type UnitReadJob } from "./unit-read";
import type { UnitWorkerData, UnitWorkerMessage } from "./unit-worker";

/** From this many files on, the reading is shared with workers (measured: bench/cli.bench.ts). */
export const WORKERS_FROM_FILES = 200;

/** Files a thread takes from the counter at a time. */
const CHUNK = 16;

/** How the last run read its files (for tests: counts, never times). */
export const lastUnitReading = { workers: 0, readByWorkers: 0, readByMain: 0 };

interface WorkerChoice {
  workers: number;
  mainReads: boolean;
}

/**
 * The workers to start for `count` files, from the environment and the machine's cores; 0 = read on
 * the main thread. By default only when a core is free: with the 1-minute load average at or above
 * the cores' count (other programs keep every core busy), a worker only adds its own cost — measured
 * at load 8 on 2 cores, 1,140 files took 12.7–13.4 s with it against 8.0–12.2 s without.
 */
export function workersFor(count: number, env: NodeJS.ProcessEnv = process.env, load: number = loadavg()[0] ?? 0): WorkerChoice {
  const setting = env.CHITIEU_WORKERS?.trim();
  const from = Number(env.CHITIEU_WORKERS_FROM ?? WORKERS_FROM_FILES);
  // CHITIEU_WORKERS_MAIN=0 leaves every file to the workers (tests: each file then crosses threads).
  const mainReads = env.CHITIEU_WORKERS_MAIN !== "0";
  if (setting === "0" || count < (Number.isFinite(from) && from >= 1 ? from : WORKERS_FROM_FILES)) return { workers: 0, mainReads: true };
  const asked = setting ? Number(setting) : NaN;
  if (Number.isInteger(asked) && asked > 0) return { workers: Math.min(asked, 16), mainReads };
  const cores = availableParallelism();
  if (load >= cores) return { workers: 0, mainReads: true };
  // The main thread reads too: one worker per other core.
  const workers = Math.min(cores - (mainReads ? 1 : 0), 8);
  return workers > 0 ? { workers, mainReads } : { workers: 0, mainReads: true };
}

/** The worker's script: the bundle's own next to dist/chitieu.cjs, or the sources through tsx. */
function workerScript(): string | null {
  const file = __filename.endsWith(".cjs") ? join(__dirname, "chitieu-unit-worker.cjs") : join(__dirname, "unit-worker-source.cjs");
  return existsSync(file) ? file : null;
}

/**
 * Reads every file (`paths` absolute, `files` as named) and calls `onRead` for each, in the files'
 * order. Throws, at the first file in order whose reading threw, what it threw (not the file's fault).
 */
export async function readUnitFiles(paths: string[], files: string[], job: UnitReadJob, onRead: (index: number, read: UnitRead) => void): Promise<void> {
  const { workers, mainReads } = workersFor(paths.length);
  const script = workers > 0 ? workerScript() : null;
  lastUnitReading.workers = 0;
  lastUnitReading.readByWorkers = 0;
  lastUnitReading.readByMain = 0;
  if (!script) {
    paths.forEach((path, i) => {
      onRead(i, readUnitFile(path, files[i], job));
      lastUnitReading.readByMain++;
    });
    return;
  }
  await readInParallel(script, workers, mainReads, paths, files, job, onRead);
}

async function readInParallel(script: string, count: number, mainReads: boolean, paths: string[], files: string[], job: UnitReadJob, onRead: (index: number, read: UnitRead) => void): Promise<void> {
  const total = paths.length;
  const counter = new SharedArrayBuffer(4);
  const next = new Int32Array(counter);
  const reads: (UnitRead | undefined)[] = new Array(total);
  let delivered = 0;
  /** The first file in order whose reading threw, and what. */
  let failure: { at: number; error: Error } | null = null;
  const fail = (at: number, error: Error) => {
    if (!failure || at < failure.at) failure = { at, error };
  };
  const deliver = () => {
    while (delivered < total && (failure === null || delivered < failure.at)) {
      const read = reads[delivered];
      if (read === undefined) break;
      reads[delivered] = undefined;
      onRead(delivered++, read);
    }
  };

  const canonical = new Map<string, Plan>();
  if (job.plan) canonical.set(JSON.stringify(job.plan), job.plan);
  const { plan, ...rest } = job;
  const data: UnitWorkerData = { paths, files, job: rest, planJson: plan ? JSON.stringify(plan) : null, counter, chunk: CHUNK };
  let wake: (() => void) | null = null;
  const poke = () => {
    const w = wake;
    wake = null;
    w?.();
  };
  let running = 0;
  const workers: Worker[] = [];
  for (let w = 0; w < count; w++) {
    let worker: Worker;
    try {
      worker = new Worker(script, { workerData: data });
    } catch {
      break;
    }
    workers.push(worker);
    running++;
    const decoding = new PlanDecoding(canonical);
    let finished = false;
    const end = () => {
      if (finished) return;
      finished = true;
      running--;
      poke();
    };
    worker.on("message", (message: UnitWorkerMessage) => {
      if (message.kind === "reads") {
        decoding.addPlans(message.plans);
        message.reads.forEach((read, k) => {
          reads[message.start + k] = decoding.decode(read);
        });
        lastUnitReading.readByWorkers += message.reads.length;
      } else if (message.kind === "failed") {
        const error = new Error(message.message);
        if (message.stack) error.stack = message.stack;
        fail(message.failedAt, error);
        end();
      } else end();
      poke();
    });
    // A worker that cannot load or dies: what it took and did not send, the main thread reads below.
    worker.on("error", end);
    worker.on("exit", end);
  }
  lastUnitReading.workers = workers.length;

  try {
    if (mainReads || workers.length === 0) {
      for (;;) {
        const start = Atomics.add(next, 0, CHUNK);
        if (start >= total || failure !== null) break;
        for (let i = start; i < Math.min(total, start + CHUNK); i++) {
          try {
            reads[i] = readUnitFile(paths[i], files[i], job);
            lastUnitReading.readByMain++;
          } catch (error) {
            fail(i, error as Error);
            break;
          }
        }
        deliver();
        // Lets the workers' reads in between chunks, so progress keeps its pace.
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
    }
    while (running > 0) {
      deliver();
      if (failure !== null && delivered >= (failure as { at: number }).at) break;
      await new Promise<void>((resolve) => {
        wake = resolve;
      });
    }
    // Files a worker took and never sent (it could not start, or died): read here, in order.
    for (let i = delivered; i < total && (failure === null || i < (failure as { at: number }).at); i++) {
      if (reads[i] !== undefined) continue;
      try {
        reads[i] = readUnitFile(paths[i], files[i], job);
        lastUnitReading.readByMain++;
      } catch (error) {
        fail(i, error as Error);
      }
    }
    deliver();
    if (failure !== null) throw (failure as { error: Error }).error;
  } finally {
    for (const worker of workers) void worker.terminate();
  }
}
