/**
 * Reading input files (cli/read-file.ts), decoding policies (compiler/source-problems.ts) and
 * locating JSON syntax errors (cli/json-text.ts), in process.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseJsonText } from "../../runtime/json-text.js";
import { readJsonFile, readRegularFile } from "../../cli/read-file.js";
import { decodePolicy, firstInvalidUtf8 } from "../../compiler/source-problems.js";

const tmp = mkdtempSync(join(tmpdir(), "sla-read-"));

describe("readRegularFile", () => {
  it("refuses /dev/zero instead of reading it forever", () => {
    const r = readRegularFile("/dev/zero", 1024);
    expect(r).toMatchObject({ ok: false, reason: "not-regular" });
  });

  it("refuses a FIFO without blocking (no writer ever comes)", () => {
    const fifo = join(tmp, "x.sla");
    execFileSync("mkfifo", [fifo]);
    expect(readRegularFile(fifo, 1024)).toMatchObject({ ok: false, reason: "not-regular", message: "not a regular file (a device, a FIFO or a socket)" });
  });

  it("stops one byte past the limit, whatever the file's size", () => {
    const huge = join(tmp, "huge.bin");
    writeFileSync(huge, Buffer.alloc(5 * 1024 * 1024, 0x61));
    expect(readRegularFile(huge, 1024 * 1024)).toMatchObject({ ok: false, reason: "too-large", message: "file is too large (over 1 MB)" });
    const exact = join(tmp, "exact.bin");
    writeFileSync(exact, Buffer.alloc(1000, 0x62));
    const r = readRegularFile(exact, 1000);
    expect(r.ok && r.bytes.length).toBe(1000);
  });

  it("names a directory and a missing file", () => {
    expect(readRegularFile(tmp, 10)).toMatchObject({ ok: false, reason: "directory" });
    expect(readRegularFile(join(tmp, "nope"), 10)).toMatchObject({ ok: false, reason: "missing", message: "no such file" });
  });
});

describe("decodePolicy", () => {
  it("places the first invalid UTF-8 byte at its line and column", () => {
    const bytes = Buffer.concat([Buffer.from("policy p\n// ça va \n  x"), Buffer.from([0xc3, 0x28]), Buffer.from("\n")]);
    expect(decodePolicy(bytes)).toMatchObject({ ok: false, problem: { message: "file is not valid UTF-8", line: 3, column: 4 } });
  });

  it("gives empty and too-large files the position 1:1", () => {
    expect(decodePolicy(Buffer.from(" \n\t\n"))).toMatchObject({ ok: false, problem: { message: "file is empty", line: 1, column: 1 } });
    expect(decodePolicy(Buffer.alloc(1024 * 1024 + 1, 0x61))).toMatchObject({ ok: false, problem: { message: "file is too large (over 1 MB)", line: 1, column: 1 } });
  });

  it("drops a byte-order mark", () => {
    expect(decodePolicy(Buffer.from("\ufeffpolicy p"))).toEqual({ ok: true, text: "policy p" });
  });

  it("finds exactly the bytes a fatal TextDecoder refuses", () => {
    const fatal = new TextDecoder("utf-8", { fatal: true });
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 12 }), (bytes) => {
        let valid = true;
        try {
          fatal.decode(bytes);
        } catch {
          valid = false;
        }
        const bad = firstInvalidUtf8(bytes);
        expect(bad === -1).toBe(valid);
        if (bad !== -1) expect(() => fatal.decode(bytes.subarray(0, bad))).not.toThrow();
      }),
      { numRuns: 2000 },
    );
  });
});

describe("parseJsonText", () => {
  it.each([
    ["{ nope", 1, 3, "expected a property name in double quotes"],
    ['{\n  "a": 1,\n  "b": }', 3, 8, "expected a value"],
    ['{\n  "a": 1\n  "b": 2 }', 3, 3, "expected `,` or `}`"],
    ['["x",\n', 2, 1, "unexpected end of the input"],
    ['{"a": "line\nbreak"}', 1, 12, "a control character (such as a line break) inside a string"],
    ["[1, 2] 3", 1, 8, "unexpected text after the JSON value"],
    ["[01]", 1, 3, "expected `,` or `]`"],
    ["root:x:0:0:root:/root:/bin/bash\n", 1, 1, "expected a value"],
  ])("%j → %i:%i %s", (text, line, column, message) => {
    expect(parseJsonText(text)).toEqual({ ok: false, line, column, message });
  });

  it("accepts what JSON.parse accepts", () => {
    fc.assert(
      fc.property(fc.json(), (text) => {
        expect(parseJsonText(text)).toEqual({ ok: true, value: JSON.parse(text) });
      }),
      { numRuns: 300 },
    );
  });

  it("a JSON file never has its content quoted in the error", () => {
    const secret = join(tmp, "secret.json");
    writeFileSync(secret, "TOP-SECRET-VALUE and more\n");
    const r = readJsonFile(secret);
    expect(r).toEqual({ ok: false, message: "invalid JSON: expected a value", at: { line: 1, column: 1 } });
  });
});
