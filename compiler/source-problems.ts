/**
 * File-level problems of a policy (SLA004): too large, not UTF-8, empty. One home for their
 * wording and their position, used by `sla check` (which reads bytes from disk) and the language
 * server (which receives text from the editor). Pure: reading files is the caller's business.
 *
 * Every problem has a position (`1:1`, or where the first invalid UTF-8 byte is), so that editors
 * and CI problem matchers, which drop a diagnostic without one, show it.
 */
import { lineCol, sourceFile } from "../grammar/source.js";

/**
 * Policies are a few hundred lines; a file over this size is surely not one (and would be slow
 * to show). `sla check` and the language server both refuse it with SLA004.
 */
export const MAX_POLICY_BYTES = 1024 * 1024;

/** Why a file cannot be compiled at all, and where (1-based line and column, UTF-16 columns). */
export interface FileProblem {
  readonly message: string;
  readonly help: string;
  readonly line: number;
  readonly column: number;
}

/** A file over `maxBytes` (its exact size need not be known: readers stop at the limit). */
export function tooLargeProblem(maxBytes: number = MAX_POLICY_BYTES): FileProblem {
  const mb = maxBytes / 1024 / 1024;
  return { message: `file is too large (over ${mb} MB)`, help: `policies are at most ${mb} MB`, line: 1, column: 1 };
}

/** A file with nothing but white space in it. */
export function emptyProblem(): FileProblem {
  return { message: "file is empty", help: 'a policy starts with `policy <id> "title"`', line: 1, column: 1 };
}

/**
 * Decode a policy's bytes: UTF-8 (a leading byte-order mark dropped), not empty, not over the
 * limit. An invalid byte is reported at its line and column; its value is never echoed.
 */
export function decodePolicy(bytes: Uint8Array, maxBytes: number = MAX_POLICY_BYTES): { ok: true; text: string } | { ok: false; problem: FileProblem } {
  if (bytes.length > maxBytes) return { ok: false, problem: tooLargeProblem(maxBytes) };
  const bad = firstInvalidUtf8(bytes);
  if (bad !== -1) {
    // The prefix before the bad byte is valid: its length in UTF-16 units gives the column the
    // way every other diagnostic counts it.
    const before = new TextDecoder("utf-8").decode(bytes.subarray(0, bad));
    const at = lineCol(sourceFile("", before), before.length);
    return { ok: false, problem: { message: "file is not valid UTF-8", help: `save the policy as UTF-8 text (the first invalid byte is at byte ${bad})`, ...at } };
  }
  const text = new TextDecoder("utf-8", { ignoreBOM: false }).decode(bytes);
  if (text.trim().length === 0) return { ok: false, problem: emptyProblem() };
  return { ok: true, text };
}

/** Index of the first byte that is not part of a well-formed UTF-8 sequence, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    // Lead byte: the sequence length and the allowed range of the second byte (Unicode table 3-7:
    // no overlong forms, no surrogates, nothing above U+10FFFF).
    let len: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) len = 2;
    else if (b >= 0xe0 && b <= 0xef) {
      len = 3;
      if (b === 0xe0) lo = 0xa0;
      if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      len = 4;
      if (b === 0xf0) lo = 0x90;
      if (b === 0xf4) hi = 0x8f;
    } else return i;
    if (i + len > n) return i;
    const second = bytes[i + 1]!;
    if (second < lo || second > hi) return i;
    for (let k = 2; k < len; k++) {
      const c = bytes[i + k]!;
      if (c < 0x80 || c > 0xbf) return i;
    }
    i += len;
  }
  return -1;
}

/** `path:line:col: error[SLA004]: message` and its help, as `sla check` prints it. */
export function renderFileProblemText(path: string, problem: FileProblem): string {
  return `${path}:${problem.line}:${problem.column}: error[SLA004]: ${problem.message}\n  = help: ${problem.help}`;
}

/** The JSON form, shaped like every other diagnostic of `sla check --format json`. */
export function renderFileProblemJson(path: string, problem: FileProblem): Record<string, unknown> {
  const at = { line: problem.line, column: problem.column };
  return { file: path, code: "SLA004", severity: "error", message: problem.message, start: at, end: at, help: problem.help };
}
