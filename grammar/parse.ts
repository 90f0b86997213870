/**
 * Text → tokens → CST. Never throws: lexing and parsing errors come back as data, with spans.
 */
import type { IToken, IRecognitionException } from "chevrotain";
import type { FileCstNode } from "./cst.generated.js";
import { slaLexer } from "./tokens.js";
import { SlaParser, slaParser } from "./parser.js";
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
  /** The concrete syntax tree, typed by the types generated from the grammar. */
  readonly cst: FileCstNode;
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

/**
 * The first token of a sequence `a, b, c`. Labels may hold commas themselves
 * (`a unit (\`minutes\`, \`hours\`)`), so only a comma outside parentheses separates tokens.
 */
function firstOfSequence(sequence: string): string {
  let depth = 0;
  for (let i = 0; i < sequence.length; i++) {
    const c = sequence[i];
    if (c === "(") depth++;
    else if (c === ")") depth = Math.max(0, depth - 1);
    else if (c === "," && depth === 0) return sequence.slice(0, i).trim();
  }
  return sequence.trim();
}

/** Turn chevrotain's long "Expecting: one of these possible Token sequences…" into a short list. */
function describeExpected(message: string): string | null {
  const single = /Expecting token of type --> (\S+) <--/.exec(message) ?? /Expecting --> (.+?) <--/.exec(message);
  // The file rule ends with EOF: anything else there is a stray token between declarations.
  if (single?.[1]) return single[1] === "EOF" ? "a declaration" : single[1];
  const seqs = [...message.matchAll(/\[([^\]]*)\]/g)].map((m) => firstOfSequence(m[1] ?? ""));
  const uniq = [...new Set(seqs.filter((s) => s.length > 0))];
  if (uniq.length === 0) return null;
  if (uniq.length > 6) return `one of ${uniq.slice(0, 6).join(", ")}, …`;
  return uniq.length === 1 ? uniq[0]! : `${uniq.slice(0, -1).join(", ")} or ${uniq[uniq.length - 1]!}`;
}

/** Parse a whole `.sla` text. */
export function parseSla(text: string): ParseResult {
  const lexed = slaLexer.tokenize(text);
  // Like the parser, stop listing after MAX_ERRORS: a binary file would otherwise give thousands.
  const lexErrors = lexed.errors.slice(0, SlaParser.MAX_ERRORS);
  const errors: SyntaxError[] = lexErrors.map((e) => {
    const start = e.offset;
    let end = Math.min(text.length, start + Math.max(1, e.length));
    let ch = text.slice(start, end);
    // A quote no string token matched: a string left open up to the end of its line.
    const unterminated = ch.startsWith('"');
    if (unterminated) {
      const eol = text.slice(start).search(/[\r\n]/);
      end = eol < 0 ? text.length : start + eol;
      ch = text.slice(start, end);
    }
    return {
      kind: "lexical",
      message: unterminated
        ? "unterminated string"
        : [...ch].length === 1
          ? `unexpected character \`${ch}\``
          : `unexpected characters \`${[...ch].length > 16 ? `${[...ch].slice(0, 16).join("")}…` : ch}\``,
      span: { start, end },
      rule: null,
      expected: null,
      found: ch,
    };
  });
  const lastLexError = lexErrors[lexErrors.length - 1];
  if (lexed.errors.length > SlaParser.MAX_ERRORS && lastLexError) {
    errors.push({
      kind: "lexical",
      message: `too many unexpected characters (${lexed.errors.length} runs): only the first ${SlaParser.MAX_ERRORS} are listed`,
      span: { start: lastLexError.offset, end: lastLexError.offset + Math.max(1, lastLexError.length) },
      rule: null,
      expected: null,
      found: null,
    });
  }
  slaParser.input = lexed.tokens;
  const cst = slaParser.file();
  for (const e of slaParser.errors) errors.push(syntaxErrorFrom(e, text));
  const stopped = slaParser.stoppedAt;
  if (stopped) {
    errors.push({
      kind: "syntax",
      message: `too many syntax errors (${SlaParser.MAX_ERRORS}): the rest of the file is not read`,
      span: tokenSpan(stopped),
      rule: null,
      expected: null,
      found: stopped.image,
    });
  }
  errors.sort((a, b) => a.span.start - b.span.start);
  return { cst, tokens: lexed.tokens, comments: lexed.groups["comments"] ?? [], errors };
}
