/**
 * Caps on the priority (issue 11/12 follow-up; `docs/time-rules.md` §11): `priority at most P3
 * for environment non_production`. A ticket meeting a cap's condition is judged at the cap's
 * level whenever a more urgent level is in force: as opened and after every `reprioritize`. The
 * levels are ranked by declaration order (the first is the most urgent); of several caps that
 * hold, the least urgent level wins. Policies without caps never reach this module.
 */
import type { TimelineEvent } from "./clock.js";
import type { PolicyIR } from "./ir.js";
import { predicateOf, type Predicate, type TicketFacts } from "./ticket-attributes.js";

/** A policy's caps, ready to test a ticket's facts. */
export interface CompiledCaps {
  readonly caps: readonly { readonly holds: Predicate; readonly level: string; readonly rank: number }[];
  /** Declared priority → its rank (0 = the most urgent). */
  readonly rank: ReadonlyMap<string, number>;
}

/** The caps of `policy`, or `null` when it has none. */
export function compileCaps(policy: PolicyIR): CompiledCaps | null {
  if (!policy.priorityCaps || policy.priorityCaps.length === 0) return null;
  const rank = new Map(policy.priorities.map((p, i) => [p.name, i]));
  return { rank, caps: policy.priorityCaps.map((c) => ({ holds: predicateOf(c.when), level: c.level, rank: rank.get(c.level) ?? 0 })) };
}

/** The level a ticket with these facts is capped at, or `null` when no cap holds. */
export function capFor(compiled: CompiledCaps, facts: TicketFacts): { readonly level: string; readonly rank: number } | null {
  let cap: { level: string; rank: number } | null = null;
  for (const c of compiled.caps) if (c.holds(facts) && (cap === null || c.rank > cap.rank)) cap = c;
  return cap;
}

/** `priority` under the cap: a more urgent declared level becomes the cap's level. */
export function capped(compiled: CompiledCaps, cap: { readonly level: string; readonly rank: number }, priority: string | null): string | null {
  if (priority === null) return null;
  const r = compiled.rank.get(priority);
  return r !== undefined && r < cap.rank ? cap.level : priority;
}

/** The events with every `reprioritize` target capped (a new array only when one changes). */
export function cappedEvents(compiled: CompiledCaps, cap: { readonly level: string; readonly rank: number }, events: readonly TimelineEvent[]): readonly TimelineEvent[] {
  let out: TimelineEvent[] | null = null;
  for (let i = 0; i < events.length; i++) {
    const e = events[i]!;
    const p = e.priority === undefined ? undefined : capped(compiled, cap, e.priority);
    if (p !== e.priority) {
      out ??= events.slice(0, i);
      out.push({ ...e, priority: p ?? undefined });
    } else if (out) out.push(e);
  }
  return out ?? events;
}
