/**
 * The two ways the formatter refuses a file. Both are thrown from inside prettier's pipeline
 * (prettier has no other channel), and `formatSla` turns the syntax one back into data.
 */
import type { SyntaxError } from "../grammar/parse.js";
import { lineCol, sourceFile } from "../grammar/source.js";

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
      return `${line}:${column}: error: ${e.message}`;
    });
    super(`cannot format a file with syntax errors\n${lines.join("\n")}`);
    this.errors = errors;
    const first = errors[0];
    if (first === undefined) this.loc = undefined;
    else {
      const start = lineCol(file, first.span.start);
      const end = lineCol(file, first.span.end);
      this.loc = { start, end };
    }
  }
}

/**
 * The formatter itself went wrong: its output would not mean the same as its input (Cedar's
 * soundness check), a comment would be lost, or the grammar has a rule the printer does not
 * know. Always a bug in `format/`, never in the user's file.
 */
export class SlaFormatInternalError extends Error {
  override readonly name = "SlaFormatInternalError";

  constructor(detail: string) {
    super(`internal error: ${detail} (the file was left unchanged; please report this)`);
  }
}
