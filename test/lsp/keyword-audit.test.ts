/**
 * Audit: every word the grammar reserves is offered by completion somewhere it is valid, and
 * explained by hover. The words come from the lexer's token definitions (grammar/tokens.ts), not
 * from a list kept by hand, so a keyword added to the language fails here until the language
 * server knows it.
 *
 * "Somewhere it is valid" is read off real text: every `.sla` file of the repository without
 * syntax errors (policies, agreements, fixtures), plus test/lsp/fixtures/every-construct.sla for
 * the words no other file uses yet. At an occurrence of a word, completion at the start of the
 * word, or at the start of one of the few words before it on its clause, must offer an item whose
 * words are the text written there: `claim within 30 days after outage` covers `outage` when
 * completion offers `outage` after `after`, or `by end of next month` covers `end` after `claim`.
 *
 * Constructs are audited from the grammar itself (chevrotain's productions of grammar/parser.ts):
 * every clause a block's `{ … }` takes must be offered, by its first word, on an empty line of
 * that block (and every declaration at top level).
 */
import { Alternation, Alternative, type IProduction, NonTerminal, Option, Repetition, RepetitionMandatory, RepetitionMandatoryWithSeparator, RepetitionWithSeparator, type Rule, Terminal, type TokenType } from "chevrotain";
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { compile } from "../../compiler/index.js";
import { sourceFile } from "../../grammar/source.js";
import { slaParser } from "../../grammar/parser.js";
import { allTokens, keywords, LCurly, slaLexer } from "../../grammar/tokens.js";
import type { Checked, Snapshot } from "../../lsp/documents.js";
import { completion } from "../../lsp/features/completion.js";
import { positionAt } from "../../lsp/features/diagnostics.js";
import { hover } from "../../lsp/features/hover.js";
import { marked } from "./markers.js";

const ROOT = join(import.meta.dirname, "../..");
const SKIP_DIRS = new Set(["node_modules", "dist", ".git", "scratch", "test-artifacts"]);
/** How many words before an occurrence a phrase offered by completion may start. */
const MAX_PHRASE_LEAD = 5;
/** Occurrences of one word tried before giving up (the commonest words are found at once). */
const MAX_TRIES = 60;

/** Every word the lexer reserves: the keywords, and the literal words that are tokens of their own (`24x7`, `×`). */
function reservedWords(): string[] {
  const literal = allTokens
    .map((t) => /^`([^`]+)`$/.exec(String(t.LABEL ?? ""))?.[1])
    .filter((w): w is string => w !== undefined && /[A-Za-z0-9×]/.test(w));
  return [...new Set([...keywords, ...literal])];
}

function slaFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    if (e.isDirectory()) return SKIP_DIRS.has(e.name) ? [] : slaFiles(join(dir, e.name));
    return e.name.endsWith(".sla") ? [join(dir, e.name)] : [];
  });
}

interface Doc {
  readonly name: string;
  readonly text: string;
  readonly snapshot: Snapshot;
  readonly checked: Checked;
  readonly tokens: readonly { image: string; start: number; line: number; valid: boolean }[];
}

/** The repository's `.sla` files that lex and parse without errors, with their tokens. */
function corpus(): Doc[] {
  const docs: Doc[] = [];
  for (const path of slaFiles(ROOT)) {
    const text = readFileSync(path, "utf8");
    const name = relative(ROOT, path);
    const result = compile(name, text);
    if (result.diagnostics.some((d) => d.code === "SLA001" || d.code === "SLA002")) continue;
    const uri = `file:///${name}`;
    // A word inside an error (`4 business weeks` is SLA304) is not a place where it is valid.
    const errors = result.diagnostics.filter((d) => d.severity === "error");
    const tokens = slaLexer
      .tokenize(text)
      .tokens.map((t) => ({ image: t.image, start: t.startOffset, line: t.startLine ?? 0, valid: !errors.some((e) => e.span.start <= t.startOffset && t.startOffset < e.span.end) }));
    docs.push({
      name,
      text,
      tokens,
      snapshot: { uri, version: 1, text, file: sourceFile(name, text) },
      checked: { uri, version: 1, result, lastGoodIr: result.ir },
    });
  }
  return docs;
}

const docs = corpus();
const words = reservedWords();

/** Where each word occurs, interleaving files so that the tries see many contexts. */
function occurrences(word: string): { doc: Doc; index: number }[] {
  const perDoc = docs.map((doc) => doc.tokens.flatMap((t, index) => (t.image === word && t.valid ? [{ doc, index }] : [])));
  const out: { doc: Doc; index: number }[] = [];
  for (let round = 0; perDoc.some((l) => l.length > round); round++) for (const l of perDoc) if (l[round]) out.push(l[round]!);
  return out;
}

/** Completion at the start of a word of the clause, offering the text from there through `index`. */
function completionCovers(doc: Doc, index: number): boolean {
  const target = doc.tokens[index]!;
  for (let lead = 0; lead <= Math.min(MAX_PHRASE_LEAD, index); lead++) {
    const from = doc.tokens[index - lead]!;
    if (from.line !== target.line) break;
    const written = doc.tokens.slice(index - lead, index + 1).map((t) => t.image);
    const items = completion(doc.snapshot, doc.checked, positionAt(doc.snapshot.file, from.start)).items;
    const offered = items.some((item) => {
      const label = item.label.split(/\s+/);
      return label.length > lead && written.every((w, i) => label[i] === w);
    });
    if (offered) return true;
  }
  return false;
}

function hoverExplains(doc: Doc, index: number): boolean {
  const t = doc.tokens[index]!;
  const found = hover(doc.checked, positionAt(doc.snapshot.file, t.start + Math.floor(t.image.length / 2)));
  const value = found && typeof found.contents === "object" && "value" in found.contents ? found.contents.value : "";
  return value.includes(t.image);
}

describe("every reserved word of the grammar", () => {
  it("has the corpus to audit against", () => {
    expect(docs.length).toBeGreaterThan(50);
    expect(words).toEqual(expect.arrayContaining(["policy", "availability", "commit", "24x7", "×", "minutes", "Mon", "Dec", "breaches"]));
  });

  it("occurs in a valid file (add the missing ones to test/lsp/fixtures/every-construct.sla)", () => {
    expect(words.filter((w) => occurrences(w).length === 0)).toEqual([]);
  });

  it("is offered by completion where it is valid", () => {
    const missing = words.filter((w) => {
      const found = occurrences(w);
      return found.length > 0 && !found.slice(0, MAX_TRIES).some(({ doc, index }) => completionCovers(doc, index));
    });
    expect(missing).toEqual([]);
  });

  it("is explained by hover", () => {
    const missing = words.filter((w) => {
      const found = occurrences(w);
      return found.length > 0 && !found.slice(0, MAX_TRIES).some(({ doc, index }) => hoverExplains(doc, index));
    });
    expect(missing).toEqual([]);
  });
});

const RULES: Record<string, Rule> = slaParser.getGAstProductions();

/** The tokens a sequence of productions can start with (FIRST), following optional parts and subrules. */
function firstOf(seq: readonly IProduction[], seen = new Set<string>()): Set<TokenType> {
  const out = new Set<TokenType>();
  for (const p of seq) {
    if (p instanceof Terminal) return out.add(p.terminalType);
    if (p instanceof NonTerminal) {
      if (seen.has(p.nonTerminalName)) return out;
      for (const t of firstOf(RULES[p.nonTerminalName]!.definition, new Set([...seen, p.nonTerminalName]))) out.add(t);
      return out;
    }
    if (p instanceof Alternation) {
      for (const alt of p.definition as Alternative[]) for (const t of firstOf(alt.definition, seen)) out.add(t);
      return out;
    }
    const inner = firstOf((p as Alternative | Option | Repetition).definition, seen);
    for (const t of inner) out.add(t);
    // Only what must occur ends the FIRST set: an OPTION or MANY lets the next production start it too.
    if (p instanceof RepetitionMandatory || p instanceof RepetitionMandatoryWithSeparator || p instanceof Alternative) return out;
    if (!(p instanceof Option || p instanceof Repetition || p instanceof RepetitionWithSeparator)) return out;
  }
  return out;
}

/** The clauses a declaration's block takes: the FIRST set of the repetition after its `{`. */
function blockClauses(rule: Rule): Set<TokenType> | null {
  const at = rule.definition.findIndex((p) => p instanceof Terminal && p.terminalType === LCurly);
  const body = rule.definition.slice(at + 1).find((p) => p instanceof Repetition);
  return at >= 0 && body ? firstOf([body]) : null;
}

/** An empty line inside each block the grammar has, by the rule that reads it. */
const EMPTY_LINE_IN: Record<string, string> = {
  calendarDecl: "calendar c {\n  <|>\n}",
  regionDecl: "region r {\n  <|>\n}",
  targetDecl: "target t {\n  <|>\n}",
  escalationDecl: "escalation {\n  <|>\n}",
  creditsDecl: "credits {\n  <|>\n}",
  availabilityDecl: "availability a {\n  <|>\n}",
  objectiveDecl: "objective o {\n  <|>\n}",
  feesDecl: "fees {\n  <|>\n}",
  packageDecl: "fees {\n  package p 100 EUR {\n    <|>\n  }\n}",
  exampleDecl: 'example "e" {\n  <|>\n}',
};
/**
 * Clauses the grammar reads but the checker always refuses there: completion offers only what is
 * valid, so these are not offered (each with the diagnostic that refuses it).
 */
const REFUSED_BY_CHECKER: Record<string, string> = {
  "escalationDecl: restart": "SLA103 only a target restarts",
  "exampleDecl: open": "SLA601 a ticket opens with `opened <instant>`",
};
/** Blocks whose lines are new names or table rows: nothing to offer at their start. */
const NAMES_OR_ROWS = new Set(["fieldDecl", "table"]);

/** What completion must offer for a clause starting with `token`: its word, or a snippet for what has none. */
function expectedWord(token: TokenType): string | null {
  const literal = /^`([^`]+)`$/.exec(String(token.LABEL ?? ""))?.[1];
  if (literal) return literal;
  if (token.name === "Weekday") return "Mon";
  return null; // a name, a number or a percentage starts the clause: see the snippets' own tests
}

const emptyDocument = (() => {
  const result = compile("empty.sla", "");
  const uri = "file:///empty.sla";
  return { snapshot: { uri, version: 1, text: "", file: sourceFile("empty.sla", "") }, checked: { uri, version: 1, result, lastGoodIr: result.ir } };
})();

describe("every clause of the grammar", () => {
  const base = readFileSync(join(import.meta.dirname, "fixtures/every-construct.sla"), "utf8");
  const offered = (fixture: string): string[] => {
    const { text, position } = marked(`${base}\n${fixture}\n`);
    const result = compile("construct.sla", text);
    const uri = "file:///construct.sla";
    const list = completion({ uri, version: 1, text, file: sourceFile("construct.sla", text) }, { uri, version: 1, result, lastGoodIr: result.ir }, position);
    return list.items.map((i) => i.label.split(/\s+/)[0]!);
  };

  it("has an empty-line fixture for every block the grammar has", () => {
    const blocks = Object.entries(RULES).filter(([name, rule]) => !NAMES_OR_ROWS.has(name) && blockClauses(rule) !== null).map(([name]) => name);
    expect(blocks.sort()).toEqual(Object.keys(EMPTY_LINE_IN).sort());
  });

  it("is offered by its first word on an empty line of its block", () => {
    const missing: string[] = [];
    for (const [rule, fixture] of Object.entries(EMPTY_LINE_IN)) {
      const labels = new Set(offered(fixture));
      for (const token of blockClauses(RULES[rule]!)!) {
        const word = expectedWord(token);
        const clause = `${rule}: ${word}`;
        if (word && !labels.has(word) && !(token === LCurly && labels.has("table")) && !Object.hasOwn(REFUSED_BY_CHECKER, clause)) missing.push(clause);
      }
    }
    expect(missing).toEqual([]);
  });

  it("is offered by its first word at top level", () => {
    // In an empty file (the `policy` header) or after the fixture's declarations (the others).
    const labels = new Set([...offered("<|>"), ...completion(emptyDocument.snapshot, emptyDocument.checked, { line: 0, character: 0 }).items.map((i) => i.label.split(/\s+/)[0]!)]);
    const missing = [...firstOf(RULES.file!.definition)].map(expectedWord).filter((w): w is string => w !== null && !labels.has(w));
    expect(missing).toEqual([]);
  });
});
