/**
 * `sla eval POLICY TICKET.json|TICKETS.ndjson|-` (SPEC §3, §4). One ticket gives one result;
 * NDJSON gives one output line per input line, in order, streamed with bounded memory. A bad
 * line gets an error object naming the field; the others still get their results.
 */
import { createReadStream, readFileSync, statSync } from "node:fs";
import type { Readable } from "node:stream";
import { evaluateTicket } from "../../runtime/evaluate.js";
import { parseInstant } from "../../runtime/instant.js";
import { parseTicket } from "../../runtime/io.js";
import type { PolicyIR } from "../../runtime/ir.js";
import { type Io, UsageError } from "../io.js";
import { loadPolicy } from "../policy.js";

interface EvalOptions {
  readonly asOf: number | null;
  readonly explain: boolean;
}

type LineOutcome = { ok: true; json: string } | { ok: false; json: string };

/** Evaluate one JSON text; `line` numbers NDJSON errors. Never throws. */
export function evaluateJsonText(policy: PolicyIR, text: string, options: EvalOptions, line: number | null): LineOutcome {
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch (e) {
    const error = { field: "", message: `invalid JSON: ${(e as Error).message}` };
    return { ok: false, json: JSON.stringify(line === null ? { error } : { line, id: null, error }) };
  }
  const parsed = parseTicket(input, policy);
  if (!parsed.ok) {
    const id = typeof input === "object" && input !== null && typeof (input as { id?: unknown }).id === "string" ? (input as { id: string }).id : null;
    return { ok: false, json: JSON.stringify(line === null ? { id, error: parsed.error } : { line, id, error: parsed.error }) };
  }
  const result = evaluateTicket(policy, parsed.ticket, {
    ...(options.asOf !== null ? { asOf: options.asOf } : {}),
    explain: options.explain,
  });
  return { ok: true, json: JSON.stringify(result) };
}

/** Split a byte stream into lines without holding more than one chunk and one partial line. */
async function* lines(stream: Readable): AsyncGenerator<string> {
  let rest = "";
  stream.setEncoding("utf8");
  for await (const chunk of stream as AsyncIterable<string>) {
    const text = rest + chunk;
    let start = 0;
    for (let nl = text.indexOf("\n", start); nl !== -1; nl = text.indexOf("\n", start)) {
      yield text.slice(start, nl);
      start = nl + 1;
    }
    rest = text.slice(start);
  }
  if (rest.length > 0) yield rest;
}

export async function evaluateNdjson(policy: PolicyIR, stream: Readable, options: EvalOptions, write: (s: string) => Promise<void> | void): Promise<number> {
  let lineNo = 0;
  let failed = 0;
  let buffer = "";
  for await (const raw of lines(stream)) {
    lineNo++;
    const text = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
    if (text.trim() === "") continue;
    const outcome = evaluateJsonText(policy, text, options, lineNo);
    if (!outcome.ok) failed++;
    buffer += `${outcome.json}\n`;
    // Batch writes: one write per ~64 KB keeps the stream fast without growing memory.
    if (buffer.length > 65536) {
      await write(buffer);
      buffer = "";
    }
  }
  if (buffer.length > 0) await write(buffer);
  return failed;
}

/** Write through the Io, waiting for stdout to drain so memory stays bounded. */
function writer(io: Io): (s: string) => Promise<void> {
  return async (s) => {
    io.out(s);
    await io.drain?.();
  };
}

export async function runEval(args: { policyPath: string; input: string; at: string | null; explain: boolean; io: Io }): Promise<number> {
  const { io } = args;
  let asOf: number | null = null;
  if (args.at !== null) {
    asOf = parseInstant(args.at);
    if (asOf === null) throw new UsageError(`--at \`${args.at}\` is not an ISO-8601 instant with an offset (e.g. 2026-03-31T00:00:00Z)`);
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
  if (args.input.endsWith(".json")) {
    const outcome = evaluateJsonText(policy, readFileSync(args.input, "utf8"), options, null);
    const value: unknown = JSON.parse(outcome.json);
    (outcome.ok ? io.out : io.err)(`${JSON.stringify(value, null, 2)}\n`);
    return outcome.ok ? 0 : 1;
  }
  const failed = await evaluateNdjson(policy, createReadStream(args.input), options, write);
  return failed > 0 ? 1 : 0;
}
