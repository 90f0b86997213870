/**
 * Cedar's soundness check, with only `grammar/`: the formatter may change whitespace and nothing
 * else, so the output must lex to the same non-comment tokens (type and image) and the same
 * comment texts, in the same order. Newlines carry no meaning in `.sla`, so equal lexemes mean
 * an equal parse.
 */
import type { IToken } from "chevrotain";
import { slaLexer } from "../grammar/tokens.js";
import { commentText } from "./comments.js";
import { SlaFormatInternalError } from "./errors.js";

/** One non-comment token, as the soundness check compares it. */
export interface Lexeme {
  readonly type: string;
  readonly image: string;
}

/** What a text means to the formatter: its tokens and its comments' texts. */
export interface Lexemes {
  readonly tokens: readonly Lexeme[];
  readonly comments: readonly string[];
}

/** Lexemes of already-lexed tokens and comments. */
export function lexemesOf(tokens: readonly IToken[], comments: readonly IToken[]): Lexemes {
  return {
    tokens: tokens.map((t) => ({ type: t.tokenType.name, image: t.image })),
    comments: comments.map(commentText),
  };
}

/** Lex `text` again with the grammar's own lexer (no second lexer in the formatter). */
export function relex(text: string): Lexemes & { readonly lexErrors: number } {
  const lexed = slaLexer.tokenize(text);
  return { ...lexemesOf(lexed.tokens, lexed.groups["comments"] ?? []), lexErrors: lexed.errors.length };
}

const show = (l: Lexeme | undefined): string => (l === undefined ? "end of file" : `${l.type} \`${l.image}\``);

/** The first difference between two lexeme lists, described; `null` when they are equal. */
export function compareLexemes(before: Lexemes, after: Lexemes): string | null {
  const n = Math.max(before.tokens.length, after.tokens.length);
  for (let i = 0; i < n; i++) {
    const a = before.tokens[i];
    const b = after.tokens[i];
    if (a?.type !== b?.type || a?.image !== b?.image) {
      return `token ${i + 1} changed from ${show(a)} to ${show(b)}`;
    }
  }
  const m = Math.max(before.comments.length, after.comments.length);
  for (let i = 0; i < m; i++) {
    const a = before.comments[i];
    const b = after.comments[i];
    if (a !== b) return `comment ${i + 1} changed from \`${a ?? "(none)"}\` to \`${b ?? "(none)"}\``;
  }
  return null;
}

/** Throws `SlaFormatInternalError` unless `output` lexes to the same lexemes as the input. */
export function assertSameMeaning(input: Lexemes, output: string): void {
  const after = relex(output);
  const difference = after.lexErrors > 0 ? "the output does not lex" : compareLexemes(input, after);
  if (difference !== null) {
    throw new SlaFormatInternalError(`formatting would change the file's meaning: ${difference}`);
  }
}
