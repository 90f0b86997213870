import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { CstNode } from "chevrotain";
import { format as prettierFormat } from "prettier";
import { describe, expect, it } from "vitest";
import { parseSla } from "../../grammar/parse.js";
import { slaParser } from "../../grammar/parser.js";
import plugin, { formatSla, languages, parsers, printers, SlaFormatInternalError, SlaSyntaxError, type FormatOptions } from "../../format/index.js";
import { CommentStore } from "../../format/comments.js";
import { layoutOf, layouts } from "../../format/layout.js";
import { printFile } from "../../format/print.js";
import { assertSameMeaning, compareLexemes, relex } from "../../format/soundness.js";
import { expectFormatsTo, expectSameMeaning, format } from "./helpers.js";

const root = join(import.meta.dirname, "..", "..");
const fixtures = join(import.meta.dirname, "fixtures");
const read = (path: string): string => readFileSync(path, "utf8");

describe("golden fixtures (input.sla → output.sla, idempotent, same CST)", () => {
  const slugs = readdirSync(fixtures, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
  it("has fixtures", () => expect(slugs.length).toBeGreaterThan(10));
  for (const slug of slugs) {
    it(slug, async () => {
      const dir = join(fixtures, slug);
      const options: FormatOptions = existsSync(join(dir, "options.json")) ? JSON.parse(read(join(dir, "options.json"))) : {};
      await expectFormatsTo(read(join(dir, "input.sla")), read(join(dir, "output.sla")), options);
    });
  }
});

describe("seed policies", () => {
  const policies = readdirSync(join(root, "policies")).filter((f) => f.endsWith(".sla"));
  it("finds the five seeds", () => expect(policies.length).toBeGreaterThanOrEqual(5));
  for (const file of policies) {
    it(`${file} is in canonical form`, async () => {
      const text = read(join(root, "policies", file));
      const output = await format(text);
      expectSameMeaning(text, output);
      expect(await format(output)).toBe(output);
      expect(output).toBe(text);
    });
  }
});

describe("example policies", () => {
  const examples = readdirSync(join(root, "examples"), { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".sla"));
  it("examples/ holds at least one policy", () => expect(examples.length).toBeGreaterThan(0));
  for (const file of examples) {
    it(`${file} formats idempotently without changing meaning`, async () => {
      const text = read(join(root, "examples", file));
      const output = await format(text);
      expectSameMeaning(text, output);
      expect(await format(output)).toBe(output);
    });
  }
});

describe("layout rules", () => {
  it("keeps one-line declarations of one keyword together and separates the rest", async () => {
    await expectFormatsTo(
      "plan a\nplan b\npriority P1\nchannel email\nexclude channel email\n",
      "plan a\nplan b\n\npriority P1\n\nchannel email\n\nexclude channel email\n",
    );
  });

  it("removes trailing whitespace from comments and nothing else of them", async () => {
    await expectFormatsTo("plan a //  keep  inner  spacing \t \n", "plan a //  keep  inner  spacing\n");
  });

  it("never breaks a long string, even with a tiny print width", async () => {
    const text = `obligation o "${"word ".repeat(40).trim()}"\n`;
    await expectFormatsTo(text, text, { printWidth: 10 });
  });

  it("writes CRLF when asked", async () => {
    expect(await format("plan a\nplan b\n", { endOfLine: "crlf" })).toBe("plan a\r\nplan b\r\n");
  });

  it("keeps a trailing comment inside a list on its token's line", async () => {
    await expectFormatsTo(
      "region r { languages en, // English\n it }\n",
      "region r {\n  languages en, // English\n    it\n}\n",
    );
  });
});

describe("prettier plugin", () => {
  it("exports languages, parsers, printers and a default plugin object", () => {
    expect(languages[0]).toMatchObject({ name: "sla", extensions: [".sla"] });
    expect(parsers.sla.astFormat).toBe("sla-cst");
    expect(Object.keys(printers)).toEqual(["sla-cst"]);
    expect(plugin).toEqual({ languages, parsers, printers });
  });

  it("is picked from the file extension", async () => {
    const output = await prettierFormat("plan   a   \"A\"", { filepath: "x/policy.sla", plugins: [plugin] });
    expect(output).toBe('plan a "A"\n');
  });
});

describe("refusals", () => {
  const broken = "plan a\ncalendar c {\n  zone\n}\n";

  it("refuses a file with a syntax error, with the parser's message", async () => {
    const parserMessage = parseSla(broken).errors[0]?.message ?? "";
    expect(parserMessage).not.toBe("");
    const refusal = prettierFormat(broken, { parser: "sla", plugins: [plugin] });
    await expect(refusal).rejects.toBeInstanceOf(SlaSyntaxError);
    await expect(refusal).rejects.toThrow(parserMessage);
    await expect(refusal).rejects.toThrow("4:1: error:");
  });

  it("formatSla returns the parser's errors as data", async () => {
    const result = await formatSla(broken);
    expect(result).toEqual({ ok: false, errors: parseSla(broken).errors });
  });

  it("refuses a lexical error too", async () => {
    const result = await formatSla('plan a "A" ~\n');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]?.message).toBe("unexpected character `~`");
  });
});

describe("soundness check", () => {
  const lexemes = relex('plan a "A" // note\n');

  it("accepts a re-spaced text", () => {
    expect(compareLexemes(lexemes, relex('plan  a\n"A"   // note'))).toBeNull();
    expect(() => assertSameMeaning(lexemes, 'plan\ta "A" // note\n')).not.toThrow();
  });

  it("names the first changed token", () => {
    expect(compareLexemes(lexemes, relex('plan b "A" // note'))).toBe("token 2 changed from Identifier `a` to Identifier `b`");
    expect(compareLexemes(lexemes, relex("plan a // note"))).toBe("token 3 changed from StringLit `\"A\"` to end of file");
  });

  it("names a changed or lost comment", () => {
    expect(compareLexemes(lexemes, relex('plan a "A" // other'))).toBe("comment 1 changed from `// note` to `// other`");
    expect(compareLexemes(lexemes, relex('plan a "A"'))).toBe("comment 1 changed from `// note` to `(none)`");
  });

  it("refuses with an internal error when the meaning would change", () => {
    expect(() => assertSameMeaning(lexemes, 'plan a "B" // note\n')).toThrow(SlaFormatInternalError);
    expect(() => assertSameMeaning(lexemes, 'plan a "B" // note\n')).toThrow(/^internal error: formatting would change/);
    expect(() => assertSameMeaning(lexemes, 'plan a "A" // note ~\n~')).toThrow("the output does not lex");
  });
});

describe("grammar coverage", () => {
  it("has a layout for every grammar rule, and no other", () => {
    const rules = Object.keys(slaParser.getGAstProductions()).sort();
    expect(Object.keys(layouts).sort()).toEqual(rules);
  });

  it("fails loudly on a rule it does not know", () => {
    const parsed = parseSla("plan a\n");
    const declaration = parsed.cst.children["declaration"]?.[0] as CstNode;
    const mystery: CstNode = { ...declaration, name: "mystery" };
    const fakeRoot: CstNode = { ...parsed.cst, children: { declaration: [mystery] } };
    expect(() => layoutOf(mystery)).toThrow(SlaFormatInternalError);
    expect(() => printFile(fakeRoot, new CommentStore("plan a\n", parsed.tokens, parsed.comments))).toThrow(
      "no layout for grammar rule `mystery`",
    );
  });

  it("fails loudly when a comment would be dropped", () => {
    const text = "plan a // kept\n";
    const parsed = parseSla(text);
    const store = new CommentStore(text, parsed.tokens, parsed.comments);
    expect(() => store.assertAllPrinted()).toThrow(/internal error: comment .* was not printed/);
  });
});
