/**
 * A worker thread of `sla eval`: receives the compiled policy once, then batches of NDJSON lines,
 * and answers each batch with its output text.
 */
import { parentPort, workerData } from "node:worker_threads";
import type { PolicyIR } from "../../runtime/ir.js";
import { type Batch, type EvalOptions, evaluateBatch, evaluateOptions } from "../../runtime/evaluate-batch.js";

const { policy, options } = workerData as { policy: PolicyIR; options: EvalOptions };
const runtimeOptions = evaluateOptions(options);

parentPort?.on("message", (message: { id: number; batch: Batch }) => {
  const result = evaluateBatch(policy, message.batch, runtimeOptions);
  // Transfer, not copy: the output buffer is this batch's alone.
  parentPort?.postMessage({ id: message.id, result }, [result.out.buffer as ArrayBuffer]);
});
