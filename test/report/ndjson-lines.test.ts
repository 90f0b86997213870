/**
 * The NDJSON reader shared by `sla eval` and `sla report` (cli/ndjson-lines.ts): lines and their
 * numbers do not depend on where the input's chunks were cut — inside a multi-byte character,
 * between `\r` and `\n`, or right after a byte-order mark — and only the BOM at the very start
 * of the input is dropped.
 */
import { Readable } from "node:stream";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { batches, batchLines } from "../../runtime/ndjson-lines.js";
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
});
