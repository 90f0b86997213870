/**
 * Evaluating NDJSON lines in batches: the one code path used in the main thread and in the
 * worker threads of `sla eval` and in `sla serve`. Depends on the runtime only, so workers start light.
 */
import { evaluateTicket, type EvaluateOptions } from "./evaluate.js";
import type { PolicyIR } from "./ir.js";
import { type Batch, batchLines } from "./ndjson-lines.js";
import { EMPTY_LINE_ERROR, readTicketText } from "./ticket-line.js";
import { LineBytes } from "./line-bytes.js";
import { resultJson } from "./result-json.js";

export interface EvalOptions {
  readonly asOf: number | null;
  readonly explain: boolean;
}

export type LineOutcome = { ok: boolean; json: string };

/** Evaluate one JSON text; `line` numbers NDJSON errors. Never throws. */
export function evaluateJsonText(policy: PolicyIR, text: string, options: EvaluateOptions, line: number | null): LineOutcome {
  // Syntax errors at a line and column (a column alone within an NDJSON line), input never quoted.
  const parsed = readTicketText(policy, text, line !== null);
  if (!parsed.ok) {
    const { id, error } = parsed;
    // A whole JSON file with a syntax error has no ticket, hence no id: `{ error }` alone.
    return { ok: false, json: JSON.stringify(line !== null ? { line, id, error } : parsed.syntax ? { error } : { id, error }) };
  }
  try {
    return { ok: true, json: resultJson(evaluateTicket(policy, parsed.ticket, options)) };
  } catch (e) {
    // One output line per input line (SPEC §4) even when a ticket cannot be evaluated (a policy
    // IR that names an unknown holiday country, an option out of range): the error names the
    // ticket and the batch goes on.
    const error = { field: "", message: `cannot evaluate: ${e instanceof Error ? e.message : String(e)}` };
    return { ok: false, json: JSON.stringify(line === null ? { id: parsed.ticket.id, error } : { line, id: parsed.ticket.id, error }) };
  }
}

/** The runtime's options from the command line's. */
export function evaluateOptions(options: EvalOptions): EvaluateOptions {
  return options.asOf === null ? { explain: options.explain } : { asOf: options.asOf, explain: options.explain };
}

export type { Batch } from "./ndjson-lines.js";

export interface BatchResult {
  /** UTF-8 bytes of one output line per input line, each ending in a newline. */
  readonly out: Uint8Array;
  readonly failed: number;
}

function emptyLine(line: number): LineOutcome {
  return { ok: false, json: JSON.stringify({ line, id: null, error: EMPTY_LINE_ERROR }) };
}

/**
 * Bytes in, bytes out: decoding and encoding happen here, so in a worker thread they run in
 * parallel and the main thread only moves buffers. Each line is encoded as soon as it is made
 * (`LineBytes`), so its text dies young.
 */
export function evaluateBatch(policy: PolicyIR, batch: Batch, options: EvaluateOptions): BatchResult {
  // Results run about 1.3 times the size of their tickets (LumApps), more with escalations.
  const out = new LineBytes(batch.bytes.length * 2);
  let failed = 0;
  const lines = batchLines(batch);
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i]!;
    // SPEC §4: one output line per input line, so a consumer pairing them by position stays in step.
    const outcome = text.trim() === "" ? emptyLine(batch.firstLine + i) : evaluateJsonText(policy, text, options, batch.firstLine + i);
    if (!outcome.ok) failed++;
    out.add(outcome.json);
  }
  return { out: out.take(), failed };
}
