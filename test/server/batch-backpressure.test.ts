/**
 * The NDJSON route's result stream (server/routes/evaluate.ts `resultLines`) pulls the request
 * only as its results are read: a client that stops reading stops the evaluation, and with it the
 * upload, instead of the server buffering every result in memory.
 */
import { readFileSync } from "node:fs";
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { compile } from "../../compiler/api.js";
import { resultLines } from "../../server/routes/evaluate.js";

const ir = compile("imagicle.sla", readFileSync("policies/imagicle.sla", "utf8")).ir!;
const ticket = readFileSync("examples/tickets/imagicle.ndjson", "utf8").split("\n")[0]!;
/** One chunk of 100 tickets, as one socket read would bring them. */
const chunk = Buffer.from(`${ticket}\n`.repeat(100));

/** Let every queued callback, microtask and stream read run (no clock involved). */
async function settle(turns = 200): Promise<void> {
  for (let i = 0; i < turns; i++) await new Promise((r) => setImmediate(r));
}

describe("NDJSON batch backpressure", () => {
  it("evaluates only a few chunks ahead of what the client has read, then all of them once it reads", async () => {
    let pulled = 0;
    const chunks = 200;
    const input = Readable.from(
      (function* () {
        for (let i = 0; i < chunks; i++) {
          pulled++;
          yield chunk;
        }
      })(),
      { objectMode: false, highWaterMark: chunk.length },
    );
    let evaluated = 0;
    const out = Readable.from(resultLines(ir, input, { explain: false }, 1 << 30, (n) => (evaluated += n)), { objectMode: false });
    const results = (out as AsyncIterable<Buffer>)[Symbol.asyncIterator]();
    const first = await results.next();
    await settle();
    // One piece read: the stream refills its own buffer (16 KiB, under one chunk's results) and stops.
    // (Measured: 300 tickets evaluated, 4 chunks pulled, of 20,000 and 200.)
    expect([evaluated <= 500, pulled < 10]).toEqual([true, true]);
    let lines = first.value!.toString("utf8").split("\n").length - 1;
    for (let r = await results.next(); !r.done; r = await results.next()) lines += r.value.toString("utf8").split("\n").length - 1;
    expect([lines, evaluated, pulled]).toEqual([chunks * 100, chunks * 100, chunks]);
  });
});
