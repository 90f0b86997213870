/**
 * `sla eval POLICY TICKET.json|TICKETS.ndjson|-` (SPEC §3, §4). One ticket gives one result;
 * NDJSON gives one output line per input line, in order, streamed with bounded memory. A bad
 * line gets an error object naming the field; the others still get their results.
 */
import { createReadStream, statSync } from "node:fs";
import type { Readable } from "node:stream";
import { parseInstant } from "../../runtime/instant.js";
import { inSupportedYears, SUPPORTED_YEARS } from "../../runtime/io.js";
import type { PolicyIR } from "../../runtime/ir.js";
import { type BatchResult, type EvalOptions, evaluateBatch, evaluateJsonText, evaluateOptions } from "../../runtime/evaluate-batch.js";
import { EvalPool } from "./eval-pool.js";
import { type Io, UsageError } from "../io.js";
import { batches } from "../../runtime/ndjson-lines.js";
import { loadPolicy } from "../policy.js";
import { readJsonText } from "../read-file.js";

/**
 * Worker threads are opt-in: on the 2-core machine we measure on, two workers used ~60 % more CPU
 * per ticket than one thread and were slower in wall time at every batch size tried (500,000 varied
 * LumApps tickets: 2.34 s in one thread, 2.75 s with two workers, load 3). `SLA_EVAL_THREADS=N`
 * (N >= 2) turns them on past 200,000 lines; `SLA_EVAL_POOL_AFTER` moves that threshold.
 */
const POOL_AFTER_LINES = Number(process.env["SLA_EVAL_POOL_AFTER"] ?? (Number(process.env["SLA_EVAL_THREADS"] ?? 0) >= 2 ? 200_000 : Number.POSITIVE_INFINITY));

/**
 * NDJSON in, NDJSON out, in input order, with bounded memory. Short inputs are evaluated in this
 * thread; when worker threads are asked for, past {@link POOL_AFTER_LINES} lines they take the batches. Returns the
 * number of bad lines.
 */
export async function evaluateNdjson(policy: PolicyIR, stream: Readable, options: EvalOptions, write: (bytes: Uint8Array) => Promise<void> | void): Promise<number> {
  const runtimeOptions = evaluateOptions(options);
  let failed = 0;
  let pool: EvalPool | null = null;
  let poolTried = false;
  const queue: Promise<BatchResult>[] = [];
  const flushOne = async () => {
    const r = await queue.shift()!;
    failed += r.failed;
    if (r.out.length > 0) await write(r.out);
  };
  try {
    for await (const batch of batches(stream)) {
      if (!poolTried && batch.firstLine > POOL_AFTER_LINES) {
        poolTried = true;
        pool = EvalPool.create(policy, options);
      }
      queue.push(pool ? pool.run(batch) : Promise.resolve(evaluateBatch(policy, batch, runtimeOptions)));
      while (queue.length > (pool ? pool.depth : 0)) await flushOne();
    }
    while (queue.length > 0) await flushOne();
  } finally {
    await pool?.close();
  }
  return failed;
}

/** Write through the Io, waiting for stdout to drain so memory stays bounded. */
function writer(io: Io): (bytes: Uint8Array) => Promise<void> {
  const decoder = new TextDecoder();
  return async (bytes) => {
    if (io.outBytes) io.outBytes(bytes);
    else io.out(decoder.decode(bytes));
    await io.drain?.();
  };
}

export async function runEval(args: {
  policyPath: string;
  input: string;
  at: string | null;
  explain: boolean;
  /** `svg`: the timeline picture of one ticket (`server/timeline/svg.ts`); `text` and `json` print JSON. */
  format?: string;
  /** `--engine duckdb`: the policy compiled to SQL and run in DuckDB (issue 15, `eval-duckdb.ts`). */
  engine?: string | null;
  out?: string | null;
  years?: string | null;
  io: Io;
}): Promise<number> {
  const { io } = args;
  if (args.format !== undefined && !["text", "json", "svg"].includes(args.format)) throw new UsageError(`\`--format\` is one of text, json, svg, not \`${args.format}\``);
  let asOf: number | null = null;
  if (args.at !== null) {
    asOf = parseInstant(args.at);
    if (asOf === null || !inSupportedYears(asOf)) {
      throw new UsageError(`--at \`${args.at}\` is not an ISO-8601 instant with an offset in the years ${SUPPORTED_YEARS.from}–${SUPPORTED_YEARS.to} (e.g. 2026-03-31T00:00:00Z)`);
    }
  }
  const duckdb = args.engine === "duckdb" ? await import("./eval-duckdb.js") : null;
  if (duckdb) {
    if (args.explain || args.format === "svg") throw new UsageError("`--explain` and `--format svg` are not available with `--engine duckdb`");
    duckdb.checkFiles(args.input, args.out ?? null);
  } else {
    if (args.engine != null && args.engine !== "js") throw new UsageError(`unknown engine \`${args.engine}\` (valid: js, duckdb)`);
    if (args.out != null || args.years != null) throw new UsageError("`--out` and `--years` need `--engine duckdb`");
  }
  const policy = loadPolicy(args.policyPath, io);
  if (!policy) return 1;
  const options = { asOf, explain: args.explain };
  const write = writer(io);
  if (args.input === "-") {
    const failed = await evaluateNdjson(policy, process.stdin, options, write);
    return failed > 0 ? 1 : 0;
  }
  try {
    if (!statSync(args.input).isFile()) throw new UsageError(`\`${args.input}\` is not a file`);
  } catch (e) {
    if (e instanceof UsageError) throw e;
    io.err(`sla: cannot read \`${args.input}\`: ${(e as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (e as Error).message}\n`);
    return 1;
  }
  if (duckdb) return duckdb.runEvalDuckdb({ policy, policyPath: args.policyPath, input: args.input, at: asOf, out: args.out ?? null, years: args.years ?? null, io });
  if (args.format === "svg" && !args.input.endsWith(".json")) throw new UsageError("`--format svg` draws one ticket: give a `.json` file");
  if (!args.input.endsWith(".json")) {
    const failed = await evaluateNdjson(policy, createReadStream(args.input, { highWaterMark: 1 << 18 }), options, write);
    return failed > 0 ? 1 : 0;
  }
  // One ticket is read whole: a regular file within the JSON size limit (a file that grows
  // after `stat`, or a huge one, is refused instead of read into memory).
  const read = readJsonText(args.input);
  if (!read.ok) {
    io.err(`sla: cannot read \`${args.input}\`: ${read.message}\n`);
    return 1;
  }
  if (args.format === "svg") {
    const drawn = (await import("../../server/timeline/svg.js")).timelineOfText(policy, read.text, evaluateOptions(options));
    if (drawn.ok) io.out(drawn.svg);
    else io.err(`${JSON.stringify({ id: drawn.id, error: drawn.error }, null, 2)}\n`);
    return drawn.ok ? 0 : 1;
  }
  const outcome = evaluateJsonText(policy, read.text, evaluateOptions(options), null);
  const value: unknown = JSON.parse(outcome.json);
  (outcome.ok ? io.out : io.err)(`${JSON.stringify(value, null, 2)}\n`);
  return outcome.ok ? 0 : 1;
}
