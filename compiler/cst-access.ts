/**
 * Typed reads of the CST. Each accessor takes a node typed by `grammar/cst.generated.ts` and a
 * child name checked against that node's generated children: renaming a rule or a token in the
 * grammar (then `npm run gen:cst`) makes every read of the old name a compile error here, where a
 * raw string lookup would silently come back empty. Token names only fit `tok`/`toks`, rule names
 * only `sub`/`subs`, and `sub` returns the child's own generated node type.
 *
 * Defensive all the same: a CST built by error recovery may lack any child the grammar requires,
 * and may hold tokens inserted by recovery (no position). Every read may therefore come back empty.
 */
import type { CstElement, CstNode, IToken } from "chevrotain";
import { tokenSpan } from "../grammar/parse.js";
import type { Span } from "../grammar/source.js";

/** A CST node with generated children `C` (each generated `…CstNode` is one). */
export interface TypedNode<C> {
  readonly children: C;
}

/** The names among children `C` that hold tokens. */
export type TokenName<C> = { [K in keyof C]-?: NonNullable<C[K]> extends IToken[] ? K : never }[keyof C];

/** The names among children `C` that hold sub-rule nodes. */
export type RuleChild<C> = { [K in keyof C]-?: NonNullable<C[K]> extends CstNode[] ? K : never }[keyof C];

/** The generated node type of child `K` of children `C`. */
export type ChildNode<C, K extends keyof C> = NonNullable<C[K]> extends readonly (infer N)[] ? N : never;

function children<C>(node: TypedNode<C>, key: keyof C): readonly CstElement[] {
  return (node.children[key] as readonly CstElement[] | undefined) ?? [];
}

function isToken(e: CstElement | undefined): e is IToken {
  return e !== undefined && "image" in e;
}

function isNode(e: CstElement | undefined): e is CstNode {
  return e !== undefined && "children" in e;
}

/** A token usable for a span: recovery-inserted tokens have NaN offsets. */
function realToken(e: CstElement | undefined): IToken | null {
  return isToken(e) && Number.isFinite(e.startOffset) && !e.isInsertedInRecovery ? e : null;
}

/** The `i`-th token named `key` under `node` (0 = the first), or null when absent or inserted by recovery. */
export function tok<C, K extends TokenName<C>>(node: TypedNode<C>, key: K, i = 0): IToken | null {
  return realToken(children(node, key)[i]);
}

/** Every real token named `key` under `node`, in order. */
export function toks<C, K extends TokenName<C>>(node: TypedNode<C>, key: K): IToken[] {
  return children(node, key)
    .map(realToken)
    .filter((t): t is IToken => t !== null);
}

/** The `i`-th sub-rule node named `key` under `node`, typed as that rule's generated node, or null. */
export function sub<C, K extends RuleChild<C>>(node: TypedNode<C>, key: K, i = 0): ChildNode<C, K> | null {
  const e = children(node, key)[i];
  return isNode(e) ? (e as ChildNode<C, K>) : null;
}

/** Every sub-rule node named `key` under `node`, typed as that rule's generated node. */
export function subs<C, K extends RuleChild<C>>(node: TypedNode<C>, key: K): ChildNode<C, K>[] {
  return children(node, key).filter(isNode) as ChildNode<C, K>[];
}

/**
 * All real tokens under a node, in source order. Untyped on purpose: for reads that take
 * whichever token is there (the keyword that starts a clause), not one by name.
 */
export function allTokens(node: CstNode): IToken[] {
  const out: IToken[] = [];
  for (const list of Object.values(node.children)) {
    for (const e of list ?? []) {
      if (isNode(e)) out.push(...allTokens(e));
      else {
        const t = realToken(e);
        if (t) out.push(t);
      }
    }
  }
  return out.sort((a, b) => a.startOffset - b.startOffset);
}

/** The span a node covers: its location, or (after recovery) the span of its real tokens. */
export function spanOf(node: CstNode): Span {
  const loc = node.location;
  if (loc && Number.isFinite(loc.startOffset) && loc.endOffset !== undefined && Number.isFinite(loc.endOffset)) {
    return { start: loc.startOffset, end: loc.endOffset + 1 };
  }
  const ts = allTokens(node);
  if (ts.length === 0) return { start: 0, end: 0 };
  return { start: tokenSpan(ts[0]!).start, end: tokenSpan(ts[ts.length - 1]!).end };
}
