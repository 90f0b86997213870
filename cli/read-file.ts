/**
 * The one way the CLI reads an input file (a policy, a period, a ticket): regular files only, at
 * most a given number of bytes, never blocking.
 *
 * Why each rule: a path can name `/dev/zero` (endless: reading it whole grew to 1 GB), a FIFO
 * (reading blocks until a writer comes, so `sla check dir/` hung on a FIFO named `x.sla`) or a
 * file that grows after `stat` (a size checked beforehand is no limit). So the file is opened
 * with O_NONBLOCK (a FIFO opens at once), checked with `fstat` on the open descriptor (no race
 * with a rename), and read in chunks that stop one byte past the limit.
 */
import { closeSync, constants, fstatSync, openSync, readSync } from "node:fs";
import { parseJsonText } from "../runtime/json-text.js";

/** Why a file could not be read; `message` is lowercase and never contains the file's content. */
export type ReadFailure = { readonly reason: "missing" | "directory" | "not-regular" | "too-large" | "unreadable"; readonly message: string };

export type ReadBytes = { ok: true; bytes: Buffer } | ({ ok: false } & ReadFailure);

/** Read a regular file of at most `maxBytes` bytes. Never throws, never blocks. */
export function readRegularFile(path: string, maxBytes: number): ReadBytes {
  let fd: number;
  try {
    // O_NONBLOCK is 0 where it does not exist (Windows), where FIFOs are not files anyway.
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (e) {
    return failure(e);
  }
  try {
    const st = fstatSync(fd);
    if (st.isDirectory()) return { ok: false, reason: "directory", message: "a directory, not a file" };
    if (!st.isFile()) return { ok: false, reason: "not-regular", message: "not a regular file (a device, a FIFO or a socket)" };
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      // One byte more than allowed tells "exactly at the limit" from "over it".
      const chunk = Buffer.allocUnsafe(Math.min(1 << 16, maxBytes + 1 - total));
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      chunks.push(n === chunk.length ? chunk : chunk.subarray(0, n));
      total += n;
      if (total > maxBytes) return { ok: false, reason: "too-large", message: `file is too large (over ${formatBytes(maxBytes)})` };
    }
    return { ok: true, bytes: Buffer.concat(chunks, total) };
  } catch (e) {
    return failure(e);
  } finally {
    closeSync(fd);
  }
}

/** `1 MB`, `64 MB`, `512 KB`: limits are round numbers. */
export function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${+(n / 1024 / 1024).toFixed(1)} MB` : `${+(n / 1024).toFixed(1)} KB`;
}

function failure(e: unknown): { ok: false } & ReadFailure {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === "ENOENT" || code === "ENOTDIR") return { ok: false, reason: "missing", message: "no such file" };
  if (code === "EISDIR") return { ok: false, reason: "directory", message: "a directory, not a file" };
  if (code === "EACCES" || code === "EPERM") return { ok: false, reason: "unreadable", message: "permission denied" };
  return { ok: false, reason: "unreadable", message: `unreadable (${code ?? "unknown error"})` };
}

/**
 * JSON inputs (tickets, periods) are at most this large: a month's period with thousands of
 * work entries is a few megabytes. NDJSON streams are not read whole and have no limit.
 */
export const MAX_JSON_BYTES = 64 * 1024 * 1024;

/**
 * Read and parse a JSON input file: UTF-8 (a byte-order mark dropped), `readRegularFile`'s rules.
 * A failure's message says what is wrong (`invalid JSON: expected a value`) and `at` where, for a
 * syntax error, without quoting the file.
 */
export function readJsonFile(path: string, maxBytes: number = MAX_JSON_BYTES): { ok: true; value: unknown } | { ok: false; message: string; at?: { line: number; column: number } } {
  const read = readJsonText(path, maxBytes);
  if (!read.ok) return read;
  const parsed = parseJsonText(read.text);
  return parsed.ok ? parsed : { ok: false, message: `invalid JSON: ${parsed.message}`, at: { line: parsed.line, column: parsed.column } };
}

/**
 * The text of a JSON input file, not yet parsed: `readRegularFile`'s rules and limit, UTF-8, a
 * byte-order mark dropped. For callers that parse the text themselves (`sla eval TICKET.json`
 * reports a ticket's syntax errors its own way).
 */
export function readJsonText(path: string, maxBytes: number = MAX_JSON_BYTES): { ok: true; text: string } | { ok: false; message: string } {
  const read = readRegularFile(path, maxBytes);
  if (!read.ok) return { ok: false, message: read.message };
  try {
    return { ok: true, text: new TextDecoder("utf-8", { fatal: true }).decode(read.bytes).replace(/^\ufeff/, "") };
  } catch {
    return { ok: false, message: "not valid UTF-8 text" };
  }
}

/** `path: no such file`, or for a syntax error `path:3:9: invalid JSON: expected a value` (clickable). */
export function describeReadFailure(path: string, failure: { message: string; at?: { line: number; column: number } }): string {
  return failure.at ? `${path}:${failure.at.line}:${failure.at.column}: ${failure.message}` : `${path}: ${failure.message}`;
}
