/**
 * The NDJSON reader shared by `sla eval` and `sla report` (cli/ndjson-lines.ts): lines and their
 * numbers do not depend on where the input's chunks were cut — inside a multi-byte character,
 * between `\r` and `\n`, or right after a byte-order mark — and only the BOM at the very start
 * of the input is dropped.
 */
import { Readable } from "node:stream";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { batchLineCount, batches, batchLines } from "../../runtime/ndjson-lines.js";
import { propertyRuns } from "../property/budget.js";

async function linesOf(chunks: readonly Uint8Array[]): Promise<Array<[number, string]>> {
  const out: Array<[number, string]> = [];
  for await (const batch of batches(Readable.from(chunks.map((c) => Buffer.from(c))))) {
    batchLines(batch).forEach((text, i) => out.push([batch.firstLine + i, text]));
  }
  return out;
}

/** `bytes` cut at the given offsets. */
function cut(bytes: Uint8Array, at: readonly number[]): Uint8Array[] {
  const points = [...new Set(at.map((a) => a % (bytes.length + 1)))].sort((a, b) => a - b);
  const out: Uint8Array[] = [];
  let from = 0;
  for (const p of [...points, bytes.length]) {
    if (p > from) out.push(bytes.subarray(from, p));
    from = Math.max(from, p);
  }
  return out;
}

const INPUT = '\ufeff{"id":"é-1"}\r\n{"id":"ü€-2"}\n\n\ufeff{"id":"3"}\r\n{"id":"😀"}';
const EXPECTED: Array<[number, string]> = [
  [1, '{"id":"é-1"}'],
  [2, '{"id":"ü€-2"}'],
  [3, ""],
  [4, '\ufeff{"id":"3"}'],
  [5, '{"id":"😀"}'],
];

describe("NDJSON lines", () => {
  it("are numbered from 1; CRLF ends a line; a BOM is dropped at the start only; a last line without a newline counts", async () => {
    expect(await linesOf([new TextEncoder().encode(INPUT)])).toEqual(EXPECTED);
  });

  it("are the same wherever the chunks are cut", async () => {
    const bytes = new TextEncoder().encode(INPUT);
    await fc.assert(
      fc.asyncProperty(fc.array(fc.nat(), { maxLength: 12 }), async (at) => {
        expect(await linesOf(cut(bytes, at))).toEqual(EXPECTED);
      }),
      { numRuns: propertyRuns(2) },
    );
  });

  it("are numbered the same when a consumer skips batches, counts them, or moves their bytes away", async () => {
    const bytes = new TextEncoder().encode(INPUT);
    for (const consume of ["read", "skip", "count", "transfer"] as const) {
      const firstLines: number[] = [];
      for await (const batch of batches(Readable.from(cut(bytes, [5, 20, 21, 40]).map((c) => Buffer.from(c))))) {
        firstLines.push(batch.firstLine);
        if (consume === "read") batchLines(batch);
        if (consume === "count") expect(batchLineCount(batch)).toBe(batchLines(batch).length);
        if (consume === "transfer") {
          batchLineCount(batch); // what the worker pool does before handing the bytes to a thread
          structuredClone(batch.bytes.buffer, { transfer: [batch.bytes.buffer as ArrayBuffer] });
          expect(batch.bytes.length).toBe(0);
        }
      }
      // Whole lines per batch, as the cuts fall: line 1; lines 2–3; line 4; line 5 (no line break).
      expect(firstLines, consume).toEqual([1, 2, 4, 5]);
    }
  });
});
