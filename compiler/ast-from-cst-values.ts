/**
 * The small pieces every section of the CST → AST builder reads: names, strings and literals with
 * their spans, units, durations, money, and keyword tables keyed by the generated token names.
 * Defensive like the rest of the builder: a token that error recovery dropped gives `null`.
 */
import type { IToken } from "chevrotain";
import type * as C from "../grammar/cst.generated.js";
import { tokenSpan } from "../grammar/parse.js";
import type * as A from "./ast.js";
import { sub, spanOf, tok, toks, type TokenName, type TypedNode } from "./cst-access.js";

/** The items of a block read by `item`, dropping those it cannot make sense of. */
export function items<N, T>(nodes: readonly N[], item: (node: N) => T | null): T[] {
  return nodes.flatMap((n) => {
    const x = item(n);
    return x ? [x] : [];
  });
}

/** A name token as an AST name, or null when error recovery dropped it. */
export function name(t: IToken | null): A.Name | null {
  return t ? { text: t.image, span: tokenSpan(t) } : null;
}

/** The names of a `nameList` (`gold, platinum`). */
export function names(node: C.NameListCstNode | null): A.Name[] {
  return node ? toks(node, "Identifier").map((t) => name(t)!) : [];
}

/** Unescape a string literal: `"a \"b\""` → `a "b"`. */
export function str(t: IToken | null): A.Str | null {
  if (!t) return null;
  const inner = t.image.slice(1, -1).replace(/\\(.)/g, "$1");
  return { value: inner, span: tokenSpan(t) };
}

/** A literal token with the value `value` reads from its image, or null when absent. */
export function lit<T>(t: IToken | null, value: (image: string) => T): A.Lit<T> | null {
  return t ? { value: value(t.image), span: tokenSpan(t) } : null;
}

/** Month abbreviations as written, January first. */
export const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** `20 %` → `20`: a percentage's digits exactly as written. */
export function percentValue(image: string): string {
  return image.replace(/\s*%$/, "");
}

/** A unit word (`hours`, `day`) as its singular name; `hour` for a word it does not know. */
export function unitOf(image: string): A.UnitName {
  const u = image.replace(/s$/, "");
  return (["minute", "hour", "day", "week", "month"].includes(u) ? u : "hour") as A.UnitName;
}

/** The unit of a `unit` node (`minutes`, `day`, `days`). */
export function unitNode(node: C.UnitCstNode | null): A.UnitName | null {
  if (!node) return null;
  const t = tok(node, "Unit") ?? tok(node, "Day") ?? tok(node, "Days");
  return t ? unitOf(t.image) : null;
}

/** `60 minutes`, `4 business hours`: a duration, or null when recovery dropped a part. */
export function duration(node: C.DurationCstNode | null): A.Duration | null {
  if (!node) return null;
  const n = tok(node, "NumberLit");
  const unit = unitNode(sub(node, "unit"));
  if (!n || !unit) return null;
  return {
    kind: "duration",
    amount: Number(n.image),
    amountText: n.image,
    business: tok(node, "Business") !== null,
    unit,
    span: spanOf(node),
  };
}

/** `39 EUR`: an amount and its currency. */
export function money(node: C.MoneyCstNode | null): A.Money | null {
  if (!node) return null;
  const amount = lit(tok(node, "NumberLit"), String);
  if (!amount) return null;
  return { amount, currency: name(tok(node, "Identifier")), span: spanOf(node) };
}

/**
 * The first keyword of `table` present under `node`, with what the table maps it to. The tables
 * are keyed by the node's generated token names, so a renamed keyword is a compile error.
 */
export function keywordIn<Cn, K extends TokenName<Cn>, V>(node: TypedNode<Cn>, table: { readonly [P in K]: V }): { value: V; token: IToken } | null {
  for (const key of Object.keys(table) as K[]) {
    const token = tok(node, key);
    if (token) return { value: table[key], token };
  }
  return null;
}
