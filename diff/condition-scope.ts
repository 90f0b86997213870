/**
 * Which tickets a condition holds for, compared between two conditions (a cap whose condition is
 * edited: `environment non_production` → `environment non_production, staging`).
 *
 * A condition is a conjunction of tests, each on one property of the ticket (its priority, plan,
 * cause, channel, a field, a flag). Tests on one property intersect, so a condition is a box: per
 * property, the values it admits. One box holds for every ticket another holds for when, on each
 * property the first constrains, the other admits a subset of it (or nothing at all: an empty box
 * is inside every box). A property one leaves free and the other constrains is read as "more
 * tickets" on the free side: a ticket may carry none of the constrained values.
 */
import type { ConditionIR, TestIR } from "../runtime/ir.js";

/** How the tickets a new condition holds for compare with those of the old one. */
export type Scope = "same" | "more" | "fewer" | "other";

/** The property a test reads: `cause`, `channel`, `field environment`, `flag phone_escalated`… */
export function testedProperty(t: TestIR): string {
  return t.on === "field" ? `field ${t.field}` : t.on === "flag" ? `flag ${t.flag}` : t.on;
}

/** Per property, the values a condition admits (a flag admits `set`). */
function box(when: ConditionIR): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const t of when) {
    const values = new Set(t.on === "flag" ? ["set"] : t.values);
    const held = out.get(testedProperty(t));
    out.set(testedProperty(t), held ? new Set([...held].filter((v) => values.has(v))) : values);
  }
  return out;
}

const isEmpty = (b: Map<string, Set<string>>) => [...b.values()].some((s) => s.size === 0);

/** True when every ticket meeting `inner` meets `outer`. */
function within(inner: Map<string, Set<string>>, outer: Map<string, Set<string>>): boolean {
  if (isEmpty(inner)) return true;
  for (const [property, admitted] of outer) {
    const own = inner.get(property);
    if (!own || [...own].some((v) => !admitted.has(v))) return false;
  }
  return true;
}

/** Whether `now` holds for the same tickets as `was`, for more (a superset), fewer (a subset), or other ones. */
export function compareScope(was: ConditionIR, now: ConditionIR): Scope {
  const a = box(was);
  const b = box(now);
  const wider = within(a, b);
  const narrower = within(b, a);
  return wider && narrower ? "same" : wider ? "more" : narrower ? "fewer" : "other";
}

/** The properties two conditions both test: a removed and an added cap sharing one are one cap edited. */
export function sharedProperties(x: ConditionIR, y: ConditionIR): number {
  const px = new Set(x.map(testedProperty));
  return new Set(y.map(testedProperty).filter((p) => px.has(p))).size;
}
