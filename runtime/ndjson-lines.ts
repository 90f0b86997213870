/**
 * Reading NDJSON input, shared by `sla eval`, `sla report` and `sla serve`: a byte stream cut into batches of
 * whole lines, and a batch decoded into its lines. One reader, so a byte-order mark, a `\r\n`
 * line end or a line split across chunks is treated the same way by every command.
 */
import type { Readable } from "node:stream";

/** Whole lines of input, as bytes, with the number of the first. */
export interface Batch {
  /** UTF-8 bytes of whole input lines joined by `\n` (no trailing partial line). */
  readonly bytes: Uint8Array;
  /** The 1-based line number of the first line. */
  readonly firstLine: number;
}

/** The number of line breaks (`\n` bytes) in `bytes`. */
export function countLines(bytes: Uint8Array): number {
  let n = 0;
  for (let nl = bytes.indexOf(10); nl !== -1; nl = bytes.indexOf(10, nl + 1)) n++;
  return n;
}

/**
 * Lines per batch, counted by whoever read the batch first: {@link batchLines} splits it anyway,
 * so the reader numbering the next batch does not scan its bytes again (a tenth of a microsecond
 * a line, about 3 % of `sla eval`). Keyed by the bytes, which a batch never shares.
 */
const lineCounts = new WeakMap<Uint8Array, number>();

/**
 * The number of lines in a batch (its last line has no line break). A consumer that hands the
 * bytes to another thread (`postMessage` with a transfer) asks for it first: once the bytes are
 * gone they cannot be counted.
 */
export function batchLineCount(batch: Batch): number {
  let n = lineCounts.get(batch.bytes);
  if (n === undefined) {
    n = countLines(batch.bytes) + 1;
    lineCounts.set(batch.bytes, n);
  }
  return n;
}

/**
 * Cut a byte stream into batches of whole lines, one batch per chunk read: only line breaks are
 * looked for here (a `\n` byte never occurs inside a UTF-8 sequence), and a program that writes
 * one ticket and waits for its result gets it at once. Each batch is a fresh copy, never a view
 * of the stream's pooled buffers, so it can be handed to a worker. Memory stays bounded by one
 * chunk and one batch.
 */
export async function* batches(stream: Readable): AsyncGenerator<Batch> {
  // Pieces of the unfinished last line, joined only once its line break arrives (linear even
  // for a very long line).
  let pending: Buffer[] = [];
  let firstLine = 1;
  for await (const chunk of stream as AsyncIterable<Buffer | string>) {
    const bytes = typeof chunk === "string" ? Buffer.from(chunk) : chunk;
    const cut = bytes.lastIndexOf(10);
    if (cut === -1) {
      pending.push(Buffer.from(bytes));
      continue;
    }
    const batch: Batch = { bytes: new Uint8Array(Buffer.concat([...pending, bytes.subarray(0, cut)])), firstLine };
    pending = cut + 1 < bytes.length ? [Buffer.from(bytes.subarray(cut + 1))] : [];
    yield batch;
    // Counted by the consumer by now (it read or handed off the batch before asking for the next).
    firstLine += batchLineCount(batch);
  }
  if (pending.length > 0) yield { bytes: new Uint8Array(Buffer.concat(pending)), firstLine };
}

/**
 * `ignoreBOM`: a default TextDecoder drops a byte-order mark at the start of every `decode` call,
 * that is of every batch, so a line's validity would depend on where a chunk boundary fell.
 * Only the BOM at the very start of the input is dropped, by {@link batchLines}.
 */
const decoder = new TextDecoder("utf-8", { ignoreBOM: true });
const BOM = "\ufeff";

/**
 * The lines of a batch as text, without their `\r\n` or `\n` ends; line `i` of the result is
 * input line `batch.firstLine + i`. A byte-order mark is dropped at the start of the input only.
 */
export function batchLines(batch: Batch): string[] {
  let input = decoder.decode(batch.bytes);
  if (batch.firstLine === 1 && input.startsWith(BOM)) input = input.slice(1);
  const lines = input.split("\n");
  lineCounts.set(batch.bytes, lines.length);
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!;
    if (raw.endsWith("\r")) lines[i] = raw.slice(0, -1);
  }
  return lines;
}
