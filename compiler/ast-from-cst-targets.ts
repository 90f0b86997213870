/**
 * The builder for targets and escalations (`grammar/rules/targets.ts`): clock rules, events, and
 * the tables and cells both are written with.
 */
import type * as C from "../grammar/cst.generated.js";
import { tokenSpan } from "../grammar/parse.js";
import type * as A from "./ast.js";
import { allTokens, sub, subs, spanOf, tok, type TokenName } from "./cst-access.js";
import { duration, items, keywordIn, name, names, percentValue, str } from "./ast-from-cst-values.js";
import { conditions } from "./ast-from-cst-declarations.js";
import { calendarRef } from "./ast-from-cst-calendars.js";

/** Every keyword that starts a `clockRule` and the rule it sets. */
const CLOCK_RULES = { Start: "start", Pause: "pause", Resume: "resume", Stop: "stop", Restart: "restart" } as const satisfies Record<
  Exclude<TokenName<C.ClockRuleCstChildren>, "On" | "Comma">,
  A.ClockRule["rule"]
>;

/** Every keyword of the `eventKind` rule: a new event keyword is a compile error until it is mapped here. */
const EVENT_KINDS = {
  Identifier: null,
  Open: "open",
  Approve: "approve",
  Pause: "pause",
  Resume: "resume",
  Respond: "respond",
  Resolve: "resolve",
  Reprioritize: "reprioritize",
  Reopen: "reopen",
} as const satisfies Record<TokenName<C.EventKindCstChildren>, A.EventKindName | null>;

function clockRule(node: C.ClockRuleCstNode): A.ClockRule {
  return {
    kind: "clockRule",
    rule: keywordIn(node, CLOCK_RULES)?.value ?? "start",
    events: items(subs(node, "eventKind"), eventKind),
    span: spanOf(node),
  };
}

/** A built-in event keyword, or a declared event's name (`value` null in the table). */
export function eventKind(node: C.EventKindCstNode | null): A.EventRef | null {
  if (!node) return null;
  const kw = keywordIn(node, EVENT_KINDS);
  if (!kw) return null;
  return { value: kw.value ?? kw.token.image, declared: kw.value === null, span: tokenSpan(kw.token) };
}

function cell(node: C.CellCstNode): A.Cell | null {
  const span = spanOf(node);
  const d = sub(node, "duration");
  if (d && tok(node, "Less")) {
    const inner = duration(d);
    return inner ? { kind: "under", duration: inner, span } : null;
  }
  if (d && tok(node, "Term")) {
    const inner = duration(d);
    return inner ? { kind: "termDays", duration: inner, span } : null;
  }
  if (d) return duration(d);
  const days = tok(node, "NumberLit");
  if (days) return { kind: "supportDays", amount: Number(days.image), span };
  if (tok(node, "Next")) return { kind: "nextBusinessDay", span };
  if (tok(node, "Same")) return { kind: "sameBusinessDay", span };
  if (tok(node, "Best")) return { kind: "bestEffort", span };
  const pct = tok(node, "Percent");
  if (pct) return { kind: "percent", value: Number(percentValue(pct.image)), of: name(tok(node, "Identifier")), span };
  const id = tok(node, "Identifier");
  const value = tok(node, "Identifier", 1);
  if (id && value) return { kind: "attribute", field: name(id)!, value: name(value)!, span };
  if (id) return { kind: "name", name: name(id)!, span };
  if (tok(node, "None")) return { kind: "none", span };
  const word = allTokens(node)[0];
  return word ? { kind: "word", word: word.image, span } : null;
}

/** A `{ | … | }` table: its rows of cells (the first row is the header). */
export function table(node: C.TableCstNode): A.Table {
  const rows = subs(node, "row").map((r) => ({
    cells: items(subs(r, "cell"), cell),
    span: spanOf(r),
  }));
  return { kind: "table", rows, span: spanOf(node) };
}

/** `target NAME ["title"] { clock rules, kpi, calendars, goals, reopen within }`. */
export function targetDecl(target: C.TargetDeclCstNode): A.Decl {
  const kpi = sub(target, "kpiClause");
  return {
    kind: "target",
    name: name(tok(target, "Identifier")),
    title: str(tok(target, "StringLit")),
    clock: subs(target, "clockRule").map(clockRule),
    kpi: kpi ? { text: str(tok(kpi, "StringLit")), span: spanOf(kpi) } : null,
    calendars: subs(target, "calendarRef").map(calendarRef),
    goals: items(subs(target, "goalsClause"), (g): A.GoalsTable | null => {
      const t = sub(g, "table");
      return t ? { ...table(t), when: conditions(subs(g, "condition")) } : null;
    }),
    reopens: subs(target, "reopenClause").map((r) => ({ window: duration(sub(r, "duration")), span: spanOf(r) })),
    span: spanOf(target),
  };
}

/** `escalation [for plans] { clock rules, calendars, tables }`. */
export function escalationDecl(esc: C.EscalationDeclCstNode): A.Decl {
  return {
    kind: "escalation",
    plans: names(sub(esc, "nameList")),
    clock: subs(esc, "clockRule").map(clockRule),
    calendars: subs(esc, "calendarRef").map(calendarRef),
    tables: subs(esc, "table").map(table),
    span: spanOf(esc),
  };
}
