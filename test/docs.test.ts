/**
 * The README shows policy text beside the contract; that text must be what the policy says.
 * Every blank-line-separated block of a ```sla snippet in the README must appear verbatim in
 * policies/imagicle.sla or one of the public agreements (examples/agreements/), and every snippet
 * of docs/language.md must parse.
 */
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseSla } from "../grammar/parse.js";

function snippets(markdown: string): string[] {
  return [...markdown.matchAll(/```sla\n([\s\S]*?)```/g)].map((m) => m[1]!);
}

describe("documentation", () => {
  const policies = [readFileSync("policies/imagicle.sla", "utf8"), ...readdirSync("examples/agreements").filter((f) => f.endsWith(".sla")).map((f) => readFileSync(`examples/agreements/${f}`, "utf8"))];

  it("the README's policy text is the policy's own text", () => {
    const blocks = snippets(readFileSync("README.md", "utf8")).flatMap((s) => s.split(/\n\s*\n/)).map((b) => b.trim()).filter(Boolean);
    expect(blocks.length).toBeGreaterThan(4);
    expect(blocks.filter((b) => !policies.some((p) => p.includes(b)))).toEqual([]);
  });

  it("every snippet of the language reference parses", () => {
    const bad = snippets(readFileSync("docs/language.md", "utf8"))
      // Policy text starts with a declaration or a comment; the grammar summary does not.
      .filter((s) => /^\s*(policy|plan|calendar|region|exclude|target|escalation|credits|fees|example|priority|role|channel|work|obligation|\/\/)/.test(s))
      .map((s) => ({ s, errors: parseSla(s).errors }))
      .filter((r) => r.errors.length > 0)
      .map((r) => `${r.s.split("\n")[0]}: ${r.errors[0]!.message}`);
    expect(bad).toEqual([]);
  });
});
