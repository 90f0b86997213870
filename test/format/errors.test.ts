/**
 * The formatter's refusals when it runs as a prettier plugin: the message is what the user
 * reads, so, like `sla check`'s diagnostics, it stays bounded however long a line is and no
 * control character of the policy reaches the terminal (`grammar/printable.ts`).
 */
import { format as prettierFormat } from "prettier";
import { describe, expect, it } from "vitest";
import plugin, { formatSla, SlaFormatInternalError, SlaSyntaxError } from "../../format/index.js";
import { parseSla } from "../../grammar/parse.js";

/** C0 but line feed, DEL and C1: what may not reach a terminal raw. */
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;
const LONG = "x".repeat(200_000);
/** Line 2: a plan named by 200,000 characters, titled by an escape sequence (clear screen) and a bell, then a stray word. */
const POLICY = `policy acme "A"\nplan ${LONG} "\u001b[2J\u0007" oops\n`;

/** The error prettier's API rejects with. */
async function refusal(text: string): Promise<SlaSyntaxError> {
  try {
    await prettierFormat(text, { parser: "sla", plugins: [plugin] });
  } catch (error) {
    if (error instanceof SlaSyntaxError) return error;
    throw error;
  }
  throw new Error("formatted a file with a syntax error");
}

describe("a syntax error on a 200,000-character line, through prettier's API", () => {
  it("gives a bounded message, with the parser's errors, a clipped code frame and no raw control character", async () => {
    const error = await refusal(POLICY);
    const lines = error.message.split("\n");
    expect(lines[0]).toBe("cannot format a file with syntax errors");
    expect(lines[1]).toBe("2:200015: error: unexpected `oops`");
    // The frame: the last 120 columns of the line (the error is at its end), `…` where it was cut, the caret under `oops`.
    const tail = ` "␛[2J␇" oops`;
    expect(lines.at(-2)).toBe(`> 2 | …${"x".repeat(120 - tail.length)}${tail}`);
    expect(lines.at(-1)).toBe(`    | ${" ".repeat(1 + 120 - "oops".length)}^^^^`);
    expect(lines).toHaveLength(4);
    expect(error.message).not.toMatch(RAW_CONTROL);
    expect(String(error)).toBe(`SlaSyntaxError: ${error.message}`);
  });

  it("keeps the position prettier's CLI reads (a syntax error, not a stack trace) and the parser's errors as data", async () => {
    const error = await refusal(POLICY);
    expect(error.loc).toEqual({ start: { line: 2, column: 200015 }, end: { line: 2, column: 200019 } });
    expect(error.errors).toEqual(parseSla(POLICY).errors);
    // Prettier's own frame of the raw line is not kept either.
    expect((error as unknown as { codeFrame: string }).codeFrame).toBe(error.message.split("\n").slice(-2).join("\n"));
    expect(await formatSla(POLICY)).toEqual({ ok: false, errors: parseSla(POLICY).errors });
  });

  it("shortens a 200,000-character token the message quotes", async () => {
    const error = await refusal(`policy acme "A"\nplan ${LONG} ${LONG}\n`);
    expect(error.message.length).toBeLessThan(600);
    expect(error.message.split("\n")[1]).toBe(`2:200007: error: unexpected \`${"x".repeat(50)}…${"x".repeat(20)}\``);
  });
});

describe("the formatter's internal error", () => {
  it("makes a quoted control character visible", () => {
    expect(new SlaFormatInternalError("token `\u001b[31m` lost").message).toBe("internal error: token `␛[31m` lost (the file was left unchanged; please report this)");
  });
});
