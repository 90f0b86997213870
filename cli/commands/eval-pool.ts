/**
 * A pool of worker threads for long NDJSON batches: the main thread reads and writes, the
 * workers evaluate. Batches go out round-robin and come back as promises the caller awaits in
 * input order, so output order never depends on which worker finished first.
 */
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { PolicyIR } from "../../runtime/ir.js";
import type { Batch, BatchResult, EvalOptions } from "../../runtime/evaluate-batch.js";
import { batchLineCount } from "../../runtime/ndjson-lines.js";

const WORKER_URL = new URL("./eval-worker.js", import.meta.url);

export class EvalPool {
  private readonly workers: Worker[];
  private readonly pending = new Map<number, { resolve: (r: BatchResult) => void; reject: (e: Error) => void }>();
  private nextId = 0;

  private constructor(policy: PolicyIR, options: EvalOptions, size: number) {
    this.workers = Array.from({ length: size }, () => {
      const w = new Worker(fileURLToPath(WORKER_URL), { workerData: { policy, options } });
      w.on("message", (m: { id: number; result: BatchResult }) => {
        this.pending.get(m.id)?.resolve(m.result);
        this.pending.delete(m.id);
      });
      w.on("error", (e) => {
        for (const p of this.pending.values()) p.reject(e);
        this.pending.clear();
      });
      return w;
    });
  }

  /** A pool, or null where threads cannot help (one core) or the worker is not built (tsx runs). */
  static create(policy: PolicyIR, options: EvalOptions): EvalPool | null {
    // SLA_EVAL_THREADS sets the number of worker threads (0 or 1: evaluate in the main thread).
    const wanted = Number(process.env["SLA_EVAL_THREADS"] ?? Number.NaN);
    const size = Number.isInteger(wanted) && wanted >= 0 ? wanted : Math.min(4, availableParallelism());
    if (size < 2 || WORKER_URL.protocol !== "file:" || !existsSync(fileURLToPath(WORKER_URL))) return null;
    return new EvalPool(policy, options, size);
  }

  run(batch: Batch): Promise<BatchResult> {
    const id = this.nextId++;
    const worker = this.workers[id % this.workers.length]!;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      // The batch's bytes are a fresh copy (see `batches`), so they can be transferred, once counted.
      batchLineCount(batch);
      worker.postMessage({ id, batch }, [batch.bytes.buffer as ArrayBuffer]);
    });
  }

  /** In-flight batches that keep every worker busy without holding much input in memory. */
  get depth(): number {
    return this.workers.length + 1;
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
