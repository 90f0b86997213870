/**
 * Formatter laws over random inputs: generated policies (every construct of the grammar, random
 * layout and comments) and the seed policies re-spaced at random. For both: formatting never
 * throws on a file that parses, is idempotent, keeps the tokens and the CST, and keeps every
 * comment's text.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { IToken } from "chevrotain";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { propertyRuns } from "./budget.js";
import { slaLexer } from "../../grammar/tokens.js";
import { formatSla, type FormatOptions } from "../../format/index.js";
import { relex } from "../../format/soundness.js";
import { format, parseOk, stripCst } from "../format/helpers.js";
import { formatOptions, gap, policyText } from "../format/sla-arbitrary.js";

/** Formatting a policy is costly: half the ordinary budget. */
const RUNS = propertyRuns(0.5);
const root = join(import.meta.dirname, "..", "..");
const seeds = readdirSync(join(root, "policies"))
  .filter((f) => f.endsWith(".sla"))
  .map((f) => readFileSync(join(root, "policies", f), "utf8"));

/** A seed policy with random whitespace (and extra comments) between its tokens and comments. */
function respaced(text: string): fc.Arbitrary<string> {
  const lexed = slaLexer.tokenize(text);
  const elements: IToken[] = [...lexed.tokens, ...(lexed.groups["comments"] ?? [])].sort((a, b) => a.startOffset - b.startOffset);
  const isComment = (t: IToken | undefined): boolean => t?.tokenType.name === "Comment";
  // A line comment runs to the end of its line, so whatever follows one starts on a new line.
  const afterComment = fc.tuple(fc.constantFrom("\n", "\r\n", "\r", "\n\n"), gap(true)).map(([a, b]) => a + b);
  const gaps = elements.map((el, i) => {
    const prev = elements[i - 1];
    if (isComment(prev)) return afterComment;
    // Tokens the author wrote touching (`Mon-Fri`, `en,`) may stay touching; others may not.
    const touching = prev !== undefined && (prev.endOffset ?? 0) + 1 === el.startOffset;
    return gap(touching || isComment(el));
  });
  return fc.tuple(...gaps, gap(true)).map((g) => elements.map((el, i) => g[i] + el.image).join("") + g[elements.length]);
}

const sources: [string, fc.Arbitrary<string>][] = [
  ["generated policies", policyText],
  ["re-spaced seed policies", fc.oneof(...seeds.map(respaced))],
];

const params = { numRuns: RUNS };

describe.each(sources)("formatter laws: %s", (_name, texts) => {
  const cases = fc.tuple(texts, formatOptions);

  it("never throws on a file that parses", async () => {
    await fc.assert(
      fc.asyncProperty(cases, async ([text, options]) => {
        parseOk(text);
        const result = await formatSla(text, options);
        expect(result.ok).toBe(true);
      }),
      params,
    );
  });

  it("is idempotent", async () => {
    await fc.assert(
      fc.asyncProperty(cases, async ([text, options]) => {
        const once = await format(text, options);
        expect(await format(once, options)).toBe(once);
      }),
      params,
    );
  });

  it("preserves meaning: same tokens, same CST without locations", async () => {
    await fc.assert(
      fc.asyncProperty(cases, async ([text, options]: [string, FormatOptions]) => {
        const output = await format(text, options);
        expect(relex(output).tokens).toEqual(relex(text).tokens);
        expect(stripCst(parseOk(output))).toEqual(stripCst(parseOk(text)));
      }),
      params,
    );
  });

  it("keeps every comment's text, in order", async () => {
    await fc.assert(
      fc.asyncProperty(cases, async ([text, options]) => {
        const output = await format(text, options);
        const comments = (t: string): string[] => (slaLexer.tokenize(t).groups["comments"] ?? []).map((c) => c.image.trimEnd());
        expect(comments(output)).toEqual(comments(text));
      }),
      params,
    );
  });
});
