/**
 * `LineBytes` (how `evaluateBatch` encodes its output): the bytes are exactly the UTF-8 of the
 * lines joined with `\n`, across growth of its buffer and for characters of 1 to 4 bytes.
 */
import { describe, expect, it } from "vitest";
import { LineBytes } from "../../runtime/line-bytes.js";

const utf8 = (s: string) => new TextEncoder().encode(s);

describe("LineBytes", () => {
  it("writes each line and a newline, growing past its first guess", () => {
    const lines = Array.from({ length: 500 }, (_, i) => `{"id":"t-${i}","goal":"4 heures ouvrées → ${"é".repeat(i % 7)}😀"}`);
    const out = new LineBytes(16);
    for (const line of lines) out.add(line);
    expect(Buffer.from(out.take()).toString("hex")).toBe(Buffer.from(utf8(lines.map((l) => `${l}\n`).join(""))).toString("hex"));
  });

  it("writes an empty line as a newline alone, and nothing for no lines", () => {
    const none = new LineBytes(0);
    expect(none.take().length).toBe(0);
    const one = new LineBytes(0);
    one.add("");
    expect([...one.take()]).toEqual([10]);
  });

  it("gives bytes of its own, never a view of Buffer's shared pool (a worker transfers them)", () => {
    const out = new LineBytes(10);
    out.add("x");
    const bytes = out.take();
    expect(bytes.byteOffset).toBe(0);
    expect(bytes.buffer).not.toBe(Buffer.allocUnsafe(1).buffer);
  });
});
