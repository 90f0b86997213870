/**
 * Comments are a lexer group, outside the CST, so the printer attaches them to tokens itself
 * (prettier's generic attachment works on AST nodes and would need a node per token):
 *
 * - a comment on the same line as the token before it is that token's *trailing* comment and is
 *   printed at the end of that token's line;
 * - any other comment is a *leading* comment of the next token and is printed on its own line
 *   just before it (or at the end of the file when no token follows).
 *
 * The printer keeps both relations, so formatting the output again attaches every comment to the
 * same token: that is what makes comment placement idempotent.
 */
import type { IToken } from "chevrotain";
import { endOf } from "./cst.js";
import { SlaFormatInternalError } from "./errors.js";

/** A comment's text as printed and compared: trailing whitespace is not part of it. */
export function commentText(comment: IToken): string {
  return comment.image.trimEnd();
}

/** Number of line breaks in `text[from, to)`, counting `\r\n` once. */
export function lineBreaks(text: string, from: number, to: number): number {
  return text.slice(from, to).match(/\r\n|\r|\n/g)?.length ?? 0;
}

/** Comments attached to tokens; each comment is taken (printed) exactly once. */
export class CommentStore {
  private readonly leading = new Map<IToken, IToken[]>();
  private readonly trailing = new Map<IToken, IToken>();
  private readonly eof: IToken[] = [];
  private readonly printed = new Set<IToken>();

  /** `tokens` and `comments` in source order, as the lexer returns them. */
  constructor(
    private readonly text: string,
    tokens: readonly IToken[],
    private readonly comments: readonly IToken[],
  ) {
    let next = 0; // index of the first token starting after the current comment
    let previousEnd = -1; // end of the comment before the current one
    for (const comment of comments) {
      while (next < tokens.length && tokens[next]!.startOffset < comment.startOffset) next++;
      const before = tokens[next - 1];
      const after = tokens[next];
      // A comment runs to the end of its line, so one that follows another comment (with no
      // token between) is on a later line and cannot trail `before`. Skipping the line-break scan
      // for it keeps this loop linear: the scans cover disjoint stretches of text, where scanning
      // from `before` for each comment of a long run was quadratic.
      const followsComment = before !== undefined && previousEnd > before.startOffset;
      previousEnd = endOf(comment);
      if (before && !followsComment && !this.trailing.has(before) && lineBreaks(text, endOf(before), comment.startOffset) === 0) {
        this.trailing.set(before, comment);
      } else if (after) {
        const list = this.leading.get(after);
        if (list) list.push(comment);
        else this.leading.set(after, [comment]);
      } else this.eof.push(comment);
    }
  }

  /** Own-line comments before `token`, removed from the store. */
  takeLeading(token: IToken): IToken[] {
    const list = this.leading.get(token) ?? [];
    this.leading.delete(token);
    for (const c of list) this.printed.add(c);
    return list;
  }

  /** True when `token` has own-line comments not printed yet. */
  hasLeading(token: IToken): boolean {
    return (this.leading.get(token)?.length ?? 0) > 0;
  }

  /** The comment at the end of `token`'s line, removed from the store. */
  takeTrailing(token: IToken): IToken | undefined {
    const comment = this.trailing.get(token);
    this.trailing.delete(token);
    if (comment) this.printed.add(comment);
    return comment;
  }

  /** True when `token` has a trailing comment not printed yet. */
  hasTrailing(token: IToken): boolean {
    return this.trailing.has(token);
  }

  /** Comments after the last token. */
  takeEndOfFile(): IToken[] {
    const list = this.eof.splice(0);
    for (const c of list) this.printed.add(c);
    return list;
  }

  /** True when the user left a blank line somewhere in `text[from, to)`. */
  blankBetween(from: number, to: number): boolean {
    return lineBreaks(this.text, from, to) >= 2;
  }

  /** Throws unless every comment was printed: a lost comment is a printer bug. */
  assertAllPrinted(): void {
    const lost = this.comments.find((c) => !this.printed.has(c));
    if (lost) {
      throw new SlaFormatInternalError(`comment at offset ${lost.startOffset} (\`${commentText(lost)}\`) was not printed`);
    }
  }
}
