/**
 * The two ways the formatter refuses a file. Both are thrown from inside prettier's pipeline
 * (prettier has no other channel), and `formatSla` turns the syntax one back into data.
 *
 * Run as a prettier plugin (`prettier --plugin …`), the message is what the user reads, so it
 * follows the rules of the CLI's diagnostics (`grammar/printable.ts`): bounded whatever the length
 * of a line, and no control character of the policy reaches the terminal.
 */
import type { SyntaxError } from "../grammar/parse.js";
import { clipExcerpt, lineSpan, printable, printableMessage } from "../grammar/printable.js";
import { lineCol, type SourceFile, sourceFile, type Span } from "../grammar/source.js";

/** 1-based line and column, the shape prettier reads from `error.loc` to draw a code frame. */
export interface PrettierLoc {
  readonly start: { readonly line: number; readonly column: number };
  readonly end: { readonly line: number; readonly column: number };
}

/**
 * The input does not parse. A file with syntax errors is never formatted: guessing where a
 * broken clause ends could move text across clauses. `errors` are the parser's diagnostics.
 */
export class SlaSyntaxError extends Error {
  override readonly name = "SlaSyntaxError";
  /** The parser's diagnostics, unchanged. */
  readonly errors: readonly SyntaxError[];
  /** Where the first error is, for prettier's code frame. */
  readonly loc: PrettierLoc | undefined;

  constructor(text: string, errors: readonly SyntaxError[]) {
    const file = sourceFile("", text);
    const lines = errors.map((e) => {
      const { line, column } = lineCol(file, e.span.start);
      return `${line}:${column}: error: ${printableMessage(e.message)}`;
    });
    const first = errors[0];
    const frame = first === undefined ? "" : codeFrame(file, first.span);
    const message = [`cannot format a file with syntax errors`, ...lines, ...(frame ? [frame] : [])].join("\n");
    super(message);
    this.errors = errors;
    if (first === undefined) this.loc = undefined;
    else {
      const start = lineCol(file, first.span.start);
      const end = lineCol(file, first.span.end);
      this.loc = { start, end };
    }
    // Prettier appends its own code frame of the raw lines to the message of any error with a
    // `loc` (and keeps it as `codeFrame`): a 200,000-character line whole, control characters
    // raw. The message already holds the clipped, printable frame, so those writes are ignored.
    // `loc` stays: prettier's CLI reads it to report a syntax error rather than a stack trace.
    const fixed = (value: string) => ({ get: () => value, set: () => undefined, configurable: true, enumerable: false });
    Object.defineProperty(this, "message", fixed(message));
    Object.defineProperty(this, "codeFrame", fixed(frame));
  }
}

/**
 * The line of `span`, clipped around it and made printable, with a caret underline, in
 * prettier's code-frame layout (`> 2 | text`, then `    |   ^^^`).
 */
function codeFrame(file: SourceFile, span: Span): string {
  const { line } = lineCol(file, span.start);
  const lineOf = lineSpan(file, line);
  const width = Math.max(1, Math.min(span.end, lineOf.end) - span.start);
  const shown = clipExcerpt(file.text, lineOf, span.start, width);
  const gutter = " ".repeat(String(line).length);
  return `> ${line} | ${shown.text}\n  ${gutter} | ${" ".repeat(shown.caretAt)}${"^".repeat(shown.caretWidth)}`;
}

/**
 * The formatter itself went wrong: its output would not mean the same as its input (Cedar's
 * soundness check), a comment would be lost, or the grammar has a rule the printer does not
 * know. Always a bug in `format/`, never in the user's file.
 */
export class SlaFormatInternalError extends Error {
  override readonly name = "SlaFormatInternalError";

  constructor(detail: string) {
    // The detail may quote the policy's text: printed like any message that does.
    super(`internal error: ${printableMessage(detail)} (the file was left unchanged; please report this)`);
  }
}
