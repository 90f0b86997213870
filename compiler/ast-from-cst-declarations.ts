/**
 * The builder for the grammar's declarations section (`grammar/rules/declarations.ts`): ticket
 * conditions, which later sections reuse, and the one-line declarations (names, priority caps,
 * exclusions, enumerated fields).
 */
import type * as C from "../grammar/cst.generated.js";
import { tokenSpan } from "../grammar/parse.js";
import type * as A from "./ast.js";
import { sub, subs, spanOf, tok, toks, type TokenName } from "./cst-access.js";
import { items, keywordIn, name, names, str } from "./ast-from-cst-values.js";

/** `priority P1`, `cause x`, `channel phone`, `product a, b`, `gold, platinum`, `phone_escalated` (issue 11). */
export function condition(node: C.ConditionCstNode | null): A.Condition | null {
  if (!node) return null;
  const values = names(sub(node, "nameList"));
  const priority = tok(node, "Priority");
  const cause = tok(node, "Cause");
  const channel = tok(node, "Channel");
  const field = tok(node, "Identifier");
  const axis: A.Condition["axis"] = priority
    ? { kind: "priority", span: tokenSpan(priority) }
    : cause
      ? { kind: "cause", span: tokenSpan(cause) }
      : channel
        ? { kind: "channel", span: tokenSpan(channel) }
        : field
          ? { kind: "field", field: name(field)!, span: tokenSpan(field) }
          : null;
  return { axis, values, span: spanOf(node) };
}

/** `a and b and c`: the first condition, the others in its `also`. */
export function conditions(nodes: readonly C.ConditionCstNode[]): A.Condition | null {
  const [first, ...rest] = items(nodes, condition);
  return first ? (rest.length > 0 ? { ...first, also: rest } : first) : null;
}

/** Every keyword of the `namedDecl` rule and the kind of name it declares. */
const NAMED = {
  Plan: "plan",
  Priority: "priority",
  Role: "role",
  Channel: "channel",
  Work: "work",
  Obligation: "obligation",
  Flag: "flag",
  Event: "event",
  Cause: "cause",
} as const satisfies Record<Exclude<TokenName<C.NamedDeclCstChildren>, "Identifier" | "Extends" | "StringLit">, A.NamedKind>;

/** `plan platinum extends gold "…"` and the other named declarations. */
export function namedDecl(named: C.NamedDeclCstNode): A.Decl {
  const kw = keywordIn(named, NAMED);
  return {
    kind: "named",
    what: kw?.value ?? "plan",
    keywordSpan: kw ? tokenSpan(kw.token) : spanOf(named),
    name: name(tok(named, "Identifier", 0)),
    parent: tok(named, "Extends") ? name(tok(named, "Identifier", 1)) : null,
    text: str(tok(named, "StringLit")),
    span: spanOf(named),
  };
}

/** `priority at most P3 for environment non_production "…"` (issue 11/12 follow-up). */
export function priorityCapDecl(cap: C.PriorityCapDeclCstNode): A.Decl {
  return { kind: "priorityCap", level: name(tok(cap, "Identifier")), when: conditions(subs(cap, "condition")), text: str(tok(cap, "StringLit")), span: spanOf(cap) };
}

/** `exclude channel email`, `exclude product beta`, `exclude beta_feature`. */
export function excludeDecl(ex: C.ExcludeDeclCstNode): A.Decl {
  const keyword = tok(ex, "Cause") ? "cause" : tok(ex, "Channel") ? "channel" : null;
  const ids = toks(ex, "Identifier");
  // `exclude product beta`: a field and its value; `exclude beta_feature`: a flag alone.
  const field = keyword === null && ids.length > 1 ? name(ids[0]!) : null;
  return {
    kind: "exclude",
    what: keyword ?? "attribute",
    field,
    name: name(ids[ids.length - 1] ?? null),
    text: str(tok(ex, "StringLit")),
    span: spanOf(ex),
  };
}

/** `field product "Product" { x "Product X" … }`: an enumerated ticket field. */
export function fieldDecl(field: C.FieldDeclCstNode): A.Decl {
  return {
    kind: "field",
    name: name(tok(field, "Identifier")),
    title: str(tok(field, "StringLit")),
    values: items(subs(field, "fieldValue"), (v) => {
      const id = name(tok(v, "Identifier"));
      return id ? { name: id, text: str(tok(v, "StringLit")), span: spanOf(v) } : null;
    }),
    span: spanOf(field),
  };
}
