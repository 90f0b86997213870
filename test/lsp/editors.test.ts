/**
 * The VS Code package stays in step with the language: its TextMate grammar highlights every
 * reserved word of grammar/tokens.ts, and its contributions match what the server announces.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { keywords } from "../../grammar/tokens.js";
import { SEMANTIC_TOKENS_LEGEND } from "../../lsp/features/symbols.js";

const dir = join(import.meta.dirname, "../../editors/vscode");
const json = (path: string) => JSON.parse(readFileSync(join(dir, path), "utf8"));

interface Rule {
  match?: string;
  patterns?: Rule[];
}

/** Every `match` regex of the grammar. */
function matches(rule: Rule): string[] {
  return [...(rule.match ? [rule.match] : []), ...(rule.patterns ?? []).flatMap(matches)];
}

describe("editors/vscode", () => {
  const pkg = json("package.json");
  const grammar = json("syntaxes/sla.tmLanguage.json");
  const regexes = Object.values(grammar.repository as Record<string, Rule>)
    .flatMap(matches)
    .map((m) => new RegExp(m));

  it("contributes the sla language, its grammar and configuration", () => {
    const language = pkg.contributes.languages[0];
    expect(language.id).toBe("sla");
    expect(language.extensions).toEqual([".sla"]);
    expect(existsSync(join(dir, language.configuration))).toBe(true);
    expect(existsSync(join(dir, pkg.contributes.grammars[0].path))).toBe(true);
    expect(pkg.contributes.grammars[0].scopeName).toBe(grammar.scopeName);
    expect(pkg.main).toBe("./out/extension.js");
    expect(pkg.dependencies["vscode-languageclient"]).toBeDefined();
  });

  it("highlights every reserved word of the language", () => {
    const missing = keywords.filter((k) => !regexes.some((r) => r.exec(k)?.[0] === k));
    expect(missing).toEqual([]);
  });

  it("declares the server's custom semantic token types", () => {
    const standard = new Set([
      "keyword",
      "comment",
      "string",
      "number",
      "operator",
      "class",
      "enumMember",
      "namespace",
      "struct",
      "function",
      "variable",
      "interface",
      "type",
      "property",
      "event",
    ]);
    const custom = SEMANTIC_TOKENS_LEGEND.tokenTypes.filter((t) => !standard.has(t));
    expect(custom).toEqual(pkg.contributes.semanticTokenTypes.map((t: { id: string }) => t.id));
  });
});
