/**
 * Ticket attributes (issue 11): enumerated fields (`field product "Product" { x "Product X" }`),
 * boolean flags (`flag phone_escalated "…"`), causes (`cause x`, `exclude cause x`) and declared
 * events (`event escalation_requested "…"`); and the conditions (`for priority P1`, `for channel phone`, `for product
 * a, b`, `for phone_escalated`) that let them choose goals, calendars, exclusions and credits.
 */
import type { ConditionIR, Named, PolicyIR, TestIR } from "../runtime/ir.js";
import type * as A from "./ast.js";
import { type CheckContext, sourceRef } from "./context.js";
import { didYouMean } from "./diagnostic.js";
import type { Plans } from "./plans.js";

/** How many events a policy may declare (the runtime's clock masks have a bit for each). */
export const MAX_DECLARED_EVENTS = 24;

/** The built-in ticket events that clock rules and example cases may name. */
export const BUILT_IN_EVENTS: readonly string[] = ["open", "approve", "pause", "resume", "respond", "resolve", "reprioritize", "reopen"];

/** The attribute declarations of a policy, lowered for the IR. */
export interface Attributes {
  readonly fields: NonNullable<PolicyIR["fields"]>;
  readonly flags: Named[];
  readonly causes: Named[];
  readonly events: Named[];
}

function namedOf(ctx: CheckContext, kind: "flag" | "cause" | "event"): Named[] {
  return ctx.symbols.all(kind).map((e) => {
    const d = e.decl as A.NamedDecl | A.ExcludeDecl;
    return { name: e.name.text, title: null, description: d.text?.value ?? null, origin: sourceRef(ctx, d.span) };
  });
}

/** Check the field declarations (values unique, at least one) and lower every attribute declaration. */
export function lowerAttributes(ctx: CheckContext, fields: readonly A.FieldDecl[]): Attributes {
  const out: Attributes["fields"] = [];
  for (const f of fields) {
    if (!f.name || ctx.symbols.get("field", f.name.text)?.decl !== f) continue;
    const values: Named[] = [];
    const seen = new Map<string, A.Name>();
    for (const v of f.values) {
      const first = seen.get(v.name.text);
      if (first) {
        ctx.diagnostics.error("SLA102", v.name.span, `duplicate value \`${v.name.text}\` of field \`${f.name.text}\``, {
          labels: [{ span: first.span, message: "first listed here" }],
          help: "list each value once",
        });
        continue;
      }
      seen.set(v.name.text, v.name);
      values.push({ name: v.name.text, title: v.text?.value ?? null, description: v.text?.value ?? null, origin: sourceRef(ctx, v.span) });
    }
    if (values.length === 0) {
      ctx.diagnostics.error("SLA106", f.name.span, `field \`${f.name.text}\` has no values`, {
        help: `list its values with the document's words: \`field ${f.name.text} { x "Product X"  y "Product Y" }\`; for a yes/no attribute write \`flag ${f.name.text} "…"\``,
      });
    }
    out.push({ name: f.name.text, title: f.title?.value ?? null, values, origin: sourceRef(ctx, f.name.span) });
  }
  const events = namedOf(ctx, "event");
  // Each declared event takes a bit of the runtime's clock masks (runtime/clock.ts MAX_DECLARED_EVENTS).
  const extra = ctx.symbols.all("event")[MAX_DECLARED_EVENTS];
  if (extra) {
    ctx.diagnostics.error("SLA106", extra.name.span, `a policy declares at most ${MAX_DECLARED_EVENTS} events`, { help: "use the built-in events where they fit, or fewer declared ones" });
  }
  return { fields: out, flags: namedOf(ctx, "flag"), causes: namedOf(ctx, "cause"), events: events.slice(0, MAX_DECLARED_EVENTS) };
}

/** The values of a declared field, or null (an unknown field, reported). */
function fieldValues(ctx: CheckContext, field: A.Name): readonly string[] | null {
  const entry = ctx.symbols.resolve("field", field);
  if (!entry || entry.decl.kind !== "field") return null;
  return entry.decl.values.map((v) => v.name.text);
}

/**
 * Check a value of a field: SLA101 naming the field and its values (with did-you-mean) when it is
 * not one of them. Returns whether it is.
 */
export function checkFieldValue(ctx: CheckContext, field: A.Name, value: A.Name): boolean {
  const values = fieldValues(ctx, field);
  if (values === null) return false;
  if (values.includes(value.text)) return true;
  const suggestion = didYouMean(value.text, values);
  ctx.diagnostics.error("SLA101", value.span, `unknown value \`${value.text}\` of field \`${field.text}\``, {
    help: suggestion ? `did you mean \`${suggestion}\`?` : `values of \`${field.text}\`: ${values.map((v) => `\`${v}\``).join(", ")}`,
    ...(suggestion ? { fixes: [{ title: `change to \`${suggestion}\``, edits: [{ span: value.span, newText: suggestion }] }] } : {}),
  });
  return false;
}

/** Names resolved as `kind`; null when any is unknown (reported). */
function resolvedAll(ctx: CheckContext, kind: "priority" | "cause" | "channel" | "plan", names: readonly A.Name[]): string[] | null {
  let ok = true;
  for (const n of names) if (!ctx.symbols.resolve(kind, n)) ok = false;
  return ok ? names.map((n) => n.text) : null;
}

/**
 * Lower a condition to its tests. Without an axis the names are plans (expanded to the plans
 * that extend them), or a single flag. `null` when a name is unknown (reported).
 */
export function lowerCondition(ctx: CheckContext, when: A.Condition, plans: Plans, allPlans: readonly string[]): ConditionIR | null {
  const first = lowerOne(ctx, when, plans, allPlans);
  const rest = (when.also ?? []).map((c) => lowerOne(ctx, c, plans, allPlans));
  if (first === null || rest.some((r) => r === null)) return null;
  return [...first, ...rest.flatMap((r) => r!)];
}

/** One condition (without its `and` parts). */
function lowerOne(ctx: CheckContext, when: A.Condition, plans: Plans, allPlans: readonly string[]): ConditionIR | null {
  const axis = when.axis;
  if (when.values.length === 0) return null;
  let test: TestIR | null = null;
  if (axis?.kind === "priority" || axis?.kind === "cause" || axis?.kind === "channel") {
    const values = resolvedAll(ctx, axis.kind, when.values);
    if (values) test = { on: axis.kind, values };
  } else if (axis?.kind === "field") {
    if (ctx.symbols.has("flag", axis.field.text)) {
      ctx.diagnostics.error("SLA106", when.span, `\`${axis.field.text}\` is a flag: it takes no values`, { help: `write \`for ${axis.field.text}\`` });
      return null;
    }
    if (fieldValues(ctx, axis.field) === null) return null;
    const ok = when.values.every((v) => checkFieldValue(ctx, axis.field, v));
    if (ok) test = { on: "field", field: axis.field.text, values: when.values.map((v) => v.text) };
  } else {
    const [first] = when.values;
    if (when.values.length === 1 && first && ctx.symbols.has("flag", first.text)) {
      ctx.symbols.resolve("flag", first);
      test = { on: "flag", flag: first.text };
    } else if (when.values.length === 1 && first && !ctx.symbols.has("plan", first.text) && ctx.symbols.names("plan").length === 0) {
      // No plans at all: the name can only be a flag; say so rather than "unknown plan".
      ctx.symbols.resolve("flag", first);
    } else {
      const values = resolvedAll(ctx, "plan", when.values);
      if (values) test = { on: "plan", values: plans.expand(values, allPlans) };
    }
  }
  return test ? [test] : null;
}

/** Check a clock rule's event names: built-in, or declared with `event`; did-you-mean otherwise. */
export function checkClockEvents(ctx: CheckContext, events: readonly A.EventRef[]): A.EventRef[] {
  return events.filter((e) => {
    if (!e.declared) return true;
    if (ctx.symbols.has("event", e.value)) {
      ctx.symbols.resolve("event", { text: e.value, span: e.span });
      return true;
    }
    const known = [...BUILT_IN_EVENTS, ...ctx.symbols.names("event")];
    const suggestion = didYouMean(e.value, known);
    ctx.diagnostics.error("SLA101", e.span, `unknown event \`${e.value}\``, {
      help: suggestion
        ? `did you mean \`${suggestion}\`?`
        : `events are ${BUILT_IN_EVENTS.map((k) => `\`${k}\``).join(", ")} and those declared with \`event <name> "…"\``,
      ...(suggestion ? { fixes: [{ title: `change to \`${suggestion}\``, edits: [{ span: e.span, newText: suggestion }] }] } : {}),
    });
    return false;
  });
}
