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
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { compile } from "../../compiler/index.js";
import { sourceFile } from "../../grammar/source.js";
import { allTokens, keywords, slaLexer } from "../../grammar/tokens.js";
import type { Checked, Snapshot } from "../../lsp/documents.js";
import { completion } from "../../lsp/features/completion.js";
import { positionAt } from "../../lsp/features/diagnostics.js";
import { hover } from "../../lsp/features/hover.js";

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
