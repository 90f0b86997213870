/**
 * The formatter at scale (issue 9, item 6). Sizes are chosen so that the old quadratic comment
 * attachment (every comment of a run rescanned the text back to the token before the run: 20,000
 * comments took 10–37 s) could not finish within the suite's test timeout, while the linear one
 * takes about a second. Each test asserts the whole output, never a duration.
 */
import { describe, expect, it } from "vitest";
import { expectSameMeaning, format } from "./helpers.js";

/** `count` lines `prefix// c<i><suffix>`, each ending in a newline. */
function commentRun(count: number, prefix = "", suffix = ""): string {
  const lines: string[] = [];
  for (let i = 0; i < count; i++) lines.push(`${prefix}// c${i}${suffix}\n`);
  return lines.join("");
}

describe("long comment runs", () => {
  it("100,000 comments after a token are attached and printed in order, trimmed", async () => {
    // Indented, with trailing blanks: the output must differ from the input, so the test sees
    // every line actually printed (not the text handed back).
    const input = `plan gold\n${commentRun(100_000, "   ", " \t")}plan silver\n`;
    const output = await format(input);
    expect(output).toBe(`plan gold\n${commentRun(100_000)}plan silver\n`);
    expectSameMeaning(input, output);
  });

  it("a first comment on the token's line still trails it, and the run after it leads the next token", async () => {
    const input = `plan gold // trailing\n${commentRun(50_000, "  ")}plan silver\n`;
    expect(await format(input)).toBe(`plan gold // trailing\n${commentRun(50_000)}plan silver\n`);
  });

  it("300,000 comments in a block and before a declaration print without overflowing the stack", async () => {
    // Short comments reach counts whose Docs, spread into one `push`, exceeded V8's argument
    // limit ("Maximum call stack size exceeded") while the file stays under the 1 MB limit.
    const run = "//\n".repeat(150_000);
    const input = `plan a\n${run}calendar x "X" {\nzone "Europe/Rome"\n${run}Mon-Fri 09:00-17:00\n}\n`;
    const indented = "  //\n".repeat(150_000);
    const expected = `plan a\n\n${run}calendar x "X" {\n  zone "Europe/Rome"\n${indented}  Mon-Fri 09:00-17:00\n}\n`;
    expect(await format(input)).toBe(expected);
  });
});
