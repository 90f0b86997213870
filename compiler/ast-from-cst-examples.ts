/**
 * The builder for example cases (`grammar/rules/examples.ts`): the ticket or period, its events,
 * and the expectations.
 */
import type * as C from "../grammar/cst.generated.js";
import { tokenSpan } from "../grammar/parse.js";
import type * as A from "./ast.js";
import { sub, subs, spanOf, tok, toks, type TokenName } from "./cst-access.js";
import { items, keywordIn, lit, name, percentValue, str } from "./ast-from-cst-values.js";
import { eventKind } from "./ast-from-cst-targets.js";

/** Every keyword of the `ticketField` rule and the ticket field it sets. */
const TICKET_FIELDS = {
  Priority: "priority",
  Plan: "plan",
  Region: "region",
  Channel: "channel",
  Language: "language",
  Cause: "cause",
} as const satisfies Record<Exclude<TokenName<C.TicketFieldCstChildren>, "Identifier" | "Word">, Extract<A.ExampleItem, { kind: "field" }>["field"]>;

function exampleItem(node: C.ExampleItemCstNode): A.ExampleItem | null {
  const span = spanOf(node);
  if (tok(node, "Ticket")) return { kind: "ticketId", id: str(tok(node, "StringLit")), span };
  const field = sub(node, "ticketField");
  if (field) {
    const kw = keywordIn(field, TICKET_FIELDS);
    const attribute = tok(field, "Identifier");
    // No keyword: an attribute line, `product x` or `phone_escalated true`.
    if (!kw && attribute) return { kind: "attribute", field: name(attribute)!, value: name(tok(field, "Identifier", 1)), span };
    const value = tok(field, "Identifier") ?? tok(field, "Word");
    return { kind: "field", field: kw?.value ?? "priority", value: name(value), span };
  }
  const zone = sub(node, "zoneClause");
  if (zone) return { kind: "customerZone", zone: str(tok(zone, "StringLit")), span };
  const hol = sub(node, "holidaysClause");
  if (hol) return { kind: "customerHolidays", codes: toks(hol, "StringLit").map((t) => str(t)!), span };
  if (tok(node, "Opened")) return { kind: "opened", at: lit(tok(node, "DateTime"), String), span };
  const ev = sub(node, "eventLine");
  if (ev) {
    return {
      kind: "event",
      event: eventKind(sub(ev, "eventKind")),
      priority: name(tok(ev, "Identifier")),
      at: lit(tok(ev, "DateTime"), String),
      span,
    };
  }
  if (tok(node, "As")) return { kind: "asOf", at: lit(tok(node, "DateTime"), String), span };
  if (tok(node, "Period")) return { kind: "period", file: str(tok(node, "StringLit")), span };
  const ex = sub(node, "expectation");
  if (ex) return expectation(ex);
  return null;
}

function expectation(node: C.ExpectationCstNode): A.ExampleItem {
  const span = spanOf(node);
  if (tok(node, "Dot")) {
    const words = [...toks(node, "Word"), ...toks(node, "Dot"), ...toks(node, "NumberLit")].sort((a, b) => a.startOffset - b.startOffset);
    const first = words[0];
    const last = words[words.length - 1];
    const pathSpan = first && last ? { start: tokenSpan(first).start, end: tokenSpan(last).end } : span;
    return { kind: "expectSettle", path: words.map((w) => w.image).join(""), pathSpan, value: str(tok(node, "StringLit")), span };
  }
  if (tok(node, "No")) return { kind: "expectNoEscalation", span };
  if (tok(node, "Escalation")) {
    return { kind: "expectEscalation", role: name(tok(node, "Identifier")), at: lit(tok(node, "DateTime"), String), span };
  }
  if (tok(node, "Availability")) return { kind: "expectAvailability", name: name(tok(node, "Identifier")), percent: lit(tok(node, "Percent"), percentValue), span };
  if (tok(node, "Objective")) return { kind: "expectObjective", name: name(tok(node, "Identifier")), status: lit(tok(node, "Status") ?? tok(node, "Missed"), String), span };
  if (tok(node, "Credit")) {
    return { kind: "expectCredit", percent: lit(tok(node, "Percent"), (s) => Number(percentValue(s))), span };
  }
  // `none` may be the status (`expect response none`) or the due (`… due none`): tell them apart by position.
  const due = tok(node, "Due");
  const nones = toks(node, "None");
  const statusNone = nones.find((n) => !due || n.startOffset < due.startOffset) ?? null;
  return {
    kind: "expectTarget",
    target: name(tok(node, "Identifier")),
    status: lit(tok(node, "Status") ?? statusNone, (s) => s as "met" | "breached" | "pending" | "paused" | "none"),
    breaches: lit(tok(node, "NumberLit"), Number),
    due: lit(tok(node, "DateTime"), String),
    dueNone: due !== null && nones.some((n) => n.startOffset > due.startOffset),
    span,
  };
}

/** `example "name" { … }` (SPEC §4). */
export function exampleDecl(example: C.ExampleDeclCstNode): A.Decl {
  return { kind: "example", name: str(tok(example, "StringLit")), items: items(subs(example, "exampleItem"), exampleItem), span: spanOf(example) };
}
