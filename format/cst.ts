/**
 * Reading chevrotain's CST generically: children in source order, first and last tokens.
 * chevrotain groups a node's children by key (token type or rule name), which loses their
 * order; the printer needs the order, never the keys, so a grammar change that renames or adds
 * a child does not break it.
 */
import type { CstElement, CstNode, IToken } from "chevrotain";
import { SlaFormatInternalError } from "./errors.js";

/** True for a token, false for a sub-rule node. */
export function isToken(element: CstElement): element is IToken {
  return "image" in element;
}

/** Offset of an element's first character. */
function startOf(element: CstElement): number {
  return isToken(element) ? element.startOffset : (element.location?.startOffset ?? Number.NaN);
}

const orderCache = new WeakMap<CstNode, readonly CstElement[]>();

/** A node's direct children (tokens and nodes) in source order. */
export function orderedChildren(node: CstNode): readonly CstElement[] {
  const cached = orderCache.get(node);
  if (cached) return cached;
  const all: CstElement[] = [];
  for (const group of Object.values(node.children)) {
    for (const child of group) {
      // A node that consumed no token has no position and nothing to print.
      if (!isToken(child) && !Number.isFinite(startOf(child))) continue;
      all.push(child);
    }
  }
  all.sort((a, b) => startOf(a) - startOf(b));
  orderCache.set(node, all);
  return all;
}

/** Every token under a node, in source order. */
export function tokensOf(node: CstNode): IToken[] {
  const out: IToken[] = [];
  const walk = (n: CstNode): void => {
    for (const child of orderedChildren(n)) {
      if (isToken(child)) out.push(child);
      else walk(child);
    }
  };
  walk(node);
  return out;
}

/** The first token of an element. */
export function firstToken(element: CstElement): IToken {
  if (isToken(element)) return element;
  for (const child of orderedChildren(element)) return firstToken(child);
  throw new SlaFormatInternalError(`grammar rule \`${element.name}\` produced a node without tokens`);
}

/** The last token of an element. */
export function lastToken(element: CstElement): IToken {
  if (isToken(element)) return element;
  const children = orderedChildren(element);
  const last = children[children.length - 1];
  if (last === undefined) {
    throw new SlaFormatInternalError(`grammar rule \`${element.name}\` produced a node without tokens`);
  }
  return lastToken(last);
}

/** Offset just past a token (chevrotain's `endOffset` is inclusive). */
export function endOf(token: IToken): number {
  return (token.endOffset ?? token.startOffset) + 1;
}

/** The token type's name, e.g. `LCurly`. */
export function typeOf(token: IToken): string {
  return token.tokenType.name;
}
