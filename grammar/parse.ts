/**
 * Text → tokens → CST. Never throws: lexing and parsing errors come back as data, with spans.
 */
import type { CstNode, IToken, IRecognitionException } from "chevrotain";
import { slaLexer } from "./tokens.js";
import { slaParser } from "./parser.js";
import type { Span } from "./source.js";

export interface SyntaxError {
  readonly kind: "lexical" | "syntax";
  readonly message: string;
  readonly span: Span;
  /** The rule being parsed, for hints ("in a calendar block"). */
  readonly rule: string | null;
  /** What the parser expected there, when it knows. */
  readonly expected: string | null;
  /** The token found there (`null` at end of input). */
  readonly found: string | null;
}

export interface ParseResult {
  readonly cst: CstNode;
  readonly tokens: readonly IToken[];
  readonly comments: readonly IToken[];
  readonly errors: readonly SyntaxError[];
}

/** chevrotain's offsets are inclusive at the end; ours are exclusive. Fixed here, once. */
export function tokenSpan(token: IToken): Span {
  const start = Number.isFinite(token.startOffset) ? token.startOffset : 0;
  const end = token.endOffset !== undefined && Number.isFinite(token.endOffset) ? token.endOffset + 1 : start;
  return { start, end: Math.max(start, end) };
}

function hasValidPosition(token: IToken | undefined): token is IToken {
  return token !== undefined && Number.isFinite(token.startOffset) && token.tokenType?.name !== "EOF";
}

function syntaxErrorFrom(e: IRecognitionException, text: string): SyntaxError {
  const token = e.token;
  // Recovery-inserted and EOF tokens have no position: point just after the previous token.
  let span: Span;
  if (hasValidPosition(token)) span = tokenSpan(token);
  else {
    const prev = (e as IRecognitionException & { previousToken?: IToken }).previousToken;
    const at = hasValidPosition(prev) ? tokenSpan(prev).end : text.length;
    span = { start: at, end: at };
  }
  const ruleStack = e.context?.ruleStack ?? [];
  const found = hasValidPosition(token) ? token.image : null;
  const expected = describeExpected(e.message);
  return {
    kind: "syntax",
    message: found === null ? `unexpected end of file${expected ? `, expected ${expected}` : ""}` : `unexpected \`${found}\`${expected ? `, expected ${expected}` : ""}`,
    span,
    rule: ruleStack[ruleStack.length - 1] ?? null,
    expected,
    found,
  };
}

/** Turn chevrotain's long "Expecting: one of these possible Token sequences…" into a short list. */
function describeExpected(message: string): string | null {
  const single = /Expecting token of type --> (\S+) <--/.exec(message) ?? /Expecting --> (.+?) <--/.exec(message);
  if (single?.[1]) return single[1];
  const seqs = [...message.matchAll(/\[([^\]]*)\]/g)].map((m) => (m[1] ?? "").split(",")[0]?.trim() ?? "");
  const uniq = [...new Set(seqs.filter((s) => s.length > 0))];
  if (uniq.length === 0) return null;
  if (uniq.length > 6) return `${uniq.slice(0, 6).join(", ")}, …`;
  return uniq.length === 1 ? uniq[0]! : `one of ${uniq.join(", ")}`;
}

/** Parse a whole `.sla` text. */
export function parseSla(text: string): ParseResult {
  const lexed = slaLexer.tokenize(text);
  const errors: SyntaxError[] = lexed.errors.map((e) => {
    const start = e.offset;
    const end = Math.min(text.length, start + Math.max(1, e.length));
    const ch = text.slice(start, end);
    return {
      kind: "lexical",
      message: `unexpected character \`${ch}\``,
      span: { start, end },
      rule: null,
      expected: null,
      found: ch,
    };
  });
  slaParser.input = lexed.tokens;
  const cst = slaParser.file();
  for (const e of slaParser.errors) errors.push(syntaxErrorFrom(e, text));
  errors.sort((a, b) => a.span.start - b.span.start);
  return { cst, tokens: lexed.tokens, comments: lexed.groups["comments"] ?? [], errors };
}
