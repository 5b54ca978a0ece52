// A reading worker (node:worker_threads) of a large consolidation: takes the next files from the
// counter it shares with the other threads, reads each with readUnitFile, and posts the reads back
// in chunks; the main thread puts them in the files' order (unit-read-parallel.ts). Bundled as
// dist/chitieu-unit-worker.cjs (scripts/build-cli.mjs); from the sources, unit-worker-source.cjs.
import { parentPort, workerData } from "node:worker_threads";
import { PlanNumbering, readUnitFile, type UnitReadJob, type WireRead } from "./unit-read";

/** What the main thread gives a worker. */
export interface UnitWorkerData {
  /** Absolute paths and the names shown, in the command line's order. */
  paths: string[];
  files: string[];
  /** The job, its plan as JSON (`--plan`). */
  job: Omit<UnitReadJob, "plan">;
  planJson: string | null;
  /** Int32Array over it: [0] the next file to take. */
  counter: SharedArrayBuffer;
  chunk: number;
}

/** What a worker posts: reads from `start` on, the plans first seen in them; or what went wrong at `failedAt`. */
export type UnitWorkerMessage =
  | { kind: "reads"; start: number; reads: WireRead[]; plans: import("../../shared/model").Plan[] }
  | { kind: "failed"; failedAt: number; message: string; stack?: string }
  | { kind: "done" };

function run(data: UnitWorkerData): void {
  const port = parentPort;
  if (!port) return;
  const job: UnitReadJob = { ...data.job, ...(data.planJson !== null ? { plan: JSON.parse(data.planJson) } : {}) };
  const counter = new Int32Array(data.counter);
  const numbering = new PlanNumbering();
  const total = data.paths.length;
  for (;;) {
    const start = Atomics.add(counter, 0, data.chunk);
    if (start >= total) break;
    const end = Math.min(total, start + data.chunk);
    const reads: WireRead[] = [];
    for (let i = start; i < end; i++) {
      try {
        reads.push(numbering.encode(readUnitFile(data.paths[i], data.files[i], job)));
      } catch (error) {
        if (reads.length > 0) port.postMessage({ kind: "reads", start, reads, plans: numbering.takeNewPlans() } satisfies UnitWorkerMessage);
        port.postMessage({ kind: "failed", failedAt: i, message: error instanceof Error ? error.message : String(error), ...(error instanceof Error && error.stack ? { stack: error.stack } : {}) } satisfies UnitWorkerMessage);
        return;
      }
    }
    port.postMessage({ kind: "reads", start, reads, plans: numbering.takeNewPlans() } satisfies UnitWorkerMessage);
  }
  port.postMessage({ kind: "done" } satisfies UnitWorkerMessage);
}

run(workerData as UnitWorkerData);
