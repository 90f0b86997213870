/**
 * Tables print with aligned columns, one row per line, every cell padded to its column's widest
 * cell: `| priority | basic             | gold |`. Widths use prettier's string width, so wide
 * (CJK) characters and combining marks line up in an editor.
 *
 * A row with a comment *inside* it (between its cells) cannot stay on one line; it is left out
 * of the alignment and printed as an ordinary clause, with its comments where they were.
 */
import type { CstElement, CstNode, IToken } from "chevrotain";
import { util } from "prettier";
import type { CommentStore } from "./comments.js";
import { isToken, orderedChildren, tokensOf, typeOf } from "./cst.js";
import { joinTokens } from "./spacing.js";

/** The cells of a `| a | b |` row, or `null` when the row has another shape. */
function cellsOf(row: CstNode): CstNode[] | null {
  const children = orderedChildren(row);
  const cells: CstNode[] = [];
  for (const [i, child] of children.entries()) {
    const wantPipe = i % 2 === 0;
    if (wantPipe !== (isToken(child) && typeOf(child) === "Pipe")) return null;
    if (!isToken(child)) cells.push(child);
  }
  return children.length % 2 === 1 && cells.length > 0 ? cells : null;
}

/** True when no comment sits between the row's first and last tokens. */
function hasInnerComments(row: CstNode, comments: CommentStore): boolean {
  const tokens = tokensOf(row);
  return tokens.some(
    (t, i) => (i > 0 && comments.hasLeading(t)) || (i < tokens.length - 1 && comments.hasTrailing(t)),
  );
}

/**
 * The aligned text of every row that can be aligned, keyed by row node. Rows missing from the
 * map (inner comments, unexpected shape, or not a row at all) are printed by the caller as
 * clauses. Call before printing the rows: it reads, but does not take, their comments.
 */
export function alignRows(items: readonly CstElement[], comments: CommentStore): Map<CstNode, string> {
  const rows: { row: CstNode; cells: string[] }[] = [];
  for (const item of items) {
    if (isToken(item) || item.name !== "row" || hasInnerComments(item, comments)) continue;
    const cells = cellsOf(item);
    if (cells) rows.push({ row: item, cells: cells.map((c) => joinTokens(tokensOf(c))) });
  }
  const widths: number[] = [];
  for (const { cells } of rows) {
    cells.forEach((cell, i) => {
      widths[i] = Math.max(widths[i] ?? 0, util.getStringWidth(cell));
    });
  }
  const out = new Map<CstNode, string>();
  for (const { row, cells } of rows) {
    const padded = cells.map((cell, i) => cell + " ".repeat((widths[i] ?? 0) - util.getStringWidth(cell)));
    out.set(row, `| ${padded.join(" | ")} |`);
  }
  return out;
}

/** The last token of an aligned row (its closing `|`), whose trailing comment ends the line. */
export function closingPipe(row: CstNode): IToken | undefined {
  const tokens = tokensOf(row);
  return tokens[tokens.length - 1];
}
