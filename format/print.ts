/**
 * CST → prettier Doc. Three shapes cover the whole grammar (see `layout.ts`):
 *
 * - a *clause* prints its tokens on one line; only a list (after a comma) may break, when it
 *   does not fit in `printWidth`, and its continuation lines are indented;
 * - a *block* prints its header clause, `{`, one item per line indented, then `}`;
 * - a *table* is a block whose rows are aligned (`table.ts`).
 *
 * Comments come from `CommentStore`: leading comments print on their own lines before their
 * token, trailing comments at the end of their token's line (a trailing comment inside a clause
 * ends that line, and the clause continues on the next one).
 */
import type { CstElement, CstNode, IToken } from "chevrotain";
import { doc, type Doc } from "prettier";
import { commentText, type CommentStore } from "./comments.js";
import { endOf, firstToken, isToken, lastToken, orderedChildren, tokensOf, typeOf } from "./cst.js";
import { SlaFormatInternalError } from "./errors.js";
import { layoutOf } from "./layout.js";
import { spacingBetween } from "./spacing.js";
import { alignRows, closingPipe } from "./table.js";

const { fill, group, hardline, indent, join, line, lineSuffix } = doc.builders;

/** How to treat the user's blank line before an item: drop it, keep it, or always have one. */
type BlankLine = "strip" | "keep" | "force";

/** The whole file: declarations separated by blank lines, comments kept. */
export function printFile(root: CstNode, comments: CommentStore): Doc {
  const parts: Doc[] = [];
  let prev: { keyword: string; oneLine: boolean } | undefined;
  let prevEnd = 0;
  for (const item of orderedChildren(root)) {
    const first = firstToken(item);
    const current = {
      keyword: first.image,
      oneLine: isToken(item) || !tokensOf(item).some((t) => typeOf(t) === "LCurly"),
    };
    let blank: BlankLine = "strip";
    if (prev) {
      parts.push(hardline);
      // A run of one-line declarations of one keyword (plans, priorities, …) reads as a list;
      // everything else is separated by a blank line.
      const grouped = prev.oneLine && current.oneLine && prev.keyword === current.keyword;
      blank = grouped ? "keep" : "force";
    }
    printLeading(parts, comments.takeLeading(first), first.startOffset, prevEnd, blank, comments);
    parts.push(printItem(item, comments));
    prevEnd = endOf(lastToken(item));
    prev = current;
  }
  const eof = comments.takeEndOfFile();
  if (prev) printDangling(parts, eof, prevEnd, "keep", comments);
  else {
    eof.forEach((comment, i) => {
      const previous = eof[i - 1];
      if (previous) parts.push(hardline, comments.blankBetween(endOf(previous), comment.startOffset) ? hardline : "");
      parts.push(commentText(comment));
    });
  }
  comments.assertAllPrinted();
  if (parts.length === 0) return "";
  parts.push(hardline);
  return parts;
}

/** One item of the file or of a block (a token alone is a one-token clause). */
function printItem(item: CstElement, comments: CommentStore): Doc {
  return isToken(item) ? printClause([item], comments) : printNode(item, comments);
}

function printNode(node: CstNode, comments: CommentStore): Doc {
  const layout = layoutOf(node);
  switch (layout) {
    case "block":
    case "table":
      return printBlock(node, layout, comments);
    case "inline":
    case "row":
      return printClause(atomsOf(node), comments);
    case "file":
      throw new SlaFormatInternalError("grammar rule `file` nested inside another rule");
  }
}

/**
 * The pieces of a clause in source order: its tokens, with nested blocks kept whole (a block
 * brings its own line structure).
 */
function atomsOf(node: CstNode): CstElement[] {
  const out: CstElement[] = [];
  for (const child of orderedChildren(node)) {
    if (isToken(child)) {
      if (typeOf(child) === "LCurly") {
        throw new SlaFormatInternalError(`grammar rule \`${node.name}\` has braces but is laid out as a clause in format/layout.ts`);
      }
      out.push(child);
      continue;
    }
    const layout = layoutOf(child);
    if (layout === "block" || layout === "table") out.push(child);
    else if (layout === "file") throw new SlaFormatInternalError("grammar rule `file` nested inside another rule");
    else out.push(...atomsOf(child));
  }
  return out;
}

/**
 * A clause on one line. Each run of tokens is filled like prose: when a list does not fit in
 * `printWidth`, it breaks after a comma and continues on an indented line. Nested blocks stay
 * outside the indentation so their items line up with the clause.
 */
function printClause(atoms: readonly CstElement[], comments: CommentStore): Doc {
  const out: Doc[] = [];
  // The run being built, as fill contents: a new content starts after each breakable comma.
  let run: Doc[][] | undefined;
  const flush = (): void => {
    if (run) out.push(group(indent(fill(join(line, run)))));
    run = undefined;
  };
  let prev: IToken | undefined;
  let mustBreak = false; // the previous token's trailing comment ended the line
  atoms.forEach((atom, i) => {
    const first = firstToken(atom);
    let sep: Doc = "";
    const leading = comments.takeLeading(first);
    if (prev) {
      const spacing = spacingBetween(prev, first);
      sep = mustBreak || leading.length > 0 ? hardline : spacing === "none" ? "" : spacing === "space" ? " " : line;
    }
    // One Doc (an array) for all of them: spreading a long comment run into `push` would
    // overflow the call stack.
    const own = leading.flatMap((comment) => [commentText(comment), hardline]);
    if (!isToken(atom)) {
      flush();
      // A `line` outside a group would always break: between a block and a list there is none.
      out.push(sep === line ? " " : sep, own);
      mustBreak = comments.hasTrailing(lastToken(atom));
      out.push(printNode(atom, comments));
      prev = lastToken(atom);
      return;
    }
    if (!run) {
      out.push(sep === line ? " " : sep, own);
      run = [[]];
    } else if (sep === line && own.length === 0) run.push([]);
    else run[run.length - 1]!.push(sep, own);
    const content = run[run.length - 1]!;
    content.push(atom.image);
    const trailing = comments.takeTrailing(atom);
    if (trailing) {
      // At the end of the clause a line break always follows (the container's), so the
      // comment rides as a line suffix and does not count against the list's width.
      content.push(i === atoms.length - 1 ? lineSuffix(` ${commentText(trailing)}`) : [" ", commentText(trailing)]);
    }
    mustBreak = trailing !== undefined;
    prev = atom;
  });
  flush();
  return out;
}

/** `header {`, the items one per line, `}`; `header {}` when empty. */
function printBlock(node: CstNode, layout: "block" | "table", comments: CommentStore): Doc {
  const children = orderedChildren(node);
  const isBrace = (c: CstElement | undefined, type: string): boolean => c !== undefined && isToken(c) && typeOf(c) === type;
  const open = children.findIndex((c) => isBrace(c, "LCurly"));
  const close = children.findLastIndex((c) => isBrace(c, "RCurly"));
  const openToken = children[open];
  const closeToken = children[close];
  if (!openToken || !closeToken || !isToken(openToken) || !isToken(closeToken) || close < open) {
    throw new SlaFormatInternalError(`grammar rule \`${node.name}\` is laid out as a block in format/layout.ts but has no \`{ }\``);
  }
  if (close !== children.length - 1) {
    throw new SlaFormatInternalError(`grammar rule \`${node.name}\` has tokens after its \`}\`: format/print.ts does not lay that out yet`);
  }
  const items = children.slice(open + 1, close);
  const empty = items.length === 0 && !comments.hasTrailing(openToken) && !comments.hasLeading(closeToken);
  const header = printClause([...children.slice(0, open).flatMap((c) => (isToken(c) ? [c] : atomsOf(c))), openToken], comments);
  const closing = ["}", trailingSuffix(closeToken, comments)];
  if (empty) return [header, closing];
  const aligned = layout === "table" ? alignRows(items, comments) : new Map<CstNode, string>();
  const body: Doc[] = [];
  let prevEnd = endOf(openToken);
  items.forEach((item, i) => {
    const first = firstToken(item);
    body.push(hardline);
    printLeading(body, comments.takeLeading(first), first.startOffset, prevEnd, i === 0 ? "strip" : "keep", comments);
    const row = isToken(item) ? undefined : aligned.get(item);
    const pipe = row === undefined || isToken(item) ? undefined : closingPipe(item);
    body.push(row !== undefined && pipe ? [row, trailingSuffix(pipe, comments)] : printItem(item, comments));
    prevEnd = endOf(lastToken(item));
  });
  printDangling(body, comments.takeLeading(closeToken), prevEnd, items.length === 0 ? "strip" : "keep", comments);
  return [header, indent(body), hardline, closing];
}

/** A token's trailing comment, at the end of its line (a line break always follows). */
function trailingSuffix(token: IToken, comments: CommentStore): Doc {
  const comment = comments.takeTrailing(token);
  return comment ? lineSuffix(` ${commentText(comment)}`) : "";
}

/**
 * Own-line comments before an item, each on its line, and the blank lines around them: before
 * the first one as `blank` says, elsewhere where the user had one (at most one).
 * The caller has already started a new line. Appends to `out` (a run of comments can be
 * hundreds of thousands long, too many to spread into `push`).
 */
function printLeading(
  out: Doc[],
  leading: readonly IToken[],
  tokenStart: number,
  prevEnd: number,
  blank: BlankLine,
  comments: CommentStore,
): void {
  let from = prevEnd;
  let mode = blank;
  const blankBefore = (to: number): boolean => mode === "force" || (mode === "keep" && comments.blankBetween(from, to));
  for (const comment of leading) {
    if (blankBefore(comment.startOffset)) out.push(hardline);
    out.push(commentText(comment), hardline);
    from = endOf(comment);
    mode = "keep";
  }
  if (blankBefore(tokenStart)) out.push(hardline);
}

/** Comments after the last item of a block or file, each on its own line; appends to `out`. */
function printDangling(out: Doc[], dangling: readonly IToken[], prevEnd: number, blank: BlankLine, comments: CommentStore): void {
  let from = prevEnd;
  let mode = blank;
  for (const comment of dangling) {
    out.push(hardline);
    if (mode === "force" || (mode === "keep" && comments.blankBetween(from, comment.startOffset))) out.push(hardline);
    out.push(commentText(comment));
    from = endOf(comment);
    mode = "keep";
  }
}
