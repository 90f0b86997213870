/**
 * Caps on the priority (`priority at most P3 for environment non_production`): the tickets meeting
 * a cap's condition are judged at its level whenever a more urgent level is in force. A cap
 * lowers their priority, so gives them the longer goals of a less urgent level: a cap added, or
 * lowered to a less urgent level, is looser for the provider; one removed or raised, stricter.
 *
 * What a cap does is the set of levels it lowers (those ranked before its level, in the version's
 * own order): a change is read from that set, so reordering the priorities is seen too.
 */
import type { PolicyIR } from "../runtime/ir.js";
import { change, setEffect } from "./cite.js";
import { conditionKey, conditionText } from "./coverage.js";
import type { Change } from "./model.js";

type Cap = NonNullable<PolicyIR["priorityCaps"]>[number];

/** The level a cap judges at, and the levels it lowers (those more urgent than it). */
interface Effective {
  readonly cap: Cap;
  readonly lowered: readonly string[];
}

/**
 * A policy's caps by condition. Of several caps with one condition the least urgent wins (as in
 * the runtime), so that one stands for them; a level the policy does not rank lowers nothing.
 */
function capsOf(p: PolicyIR): Map<string, Effective> {
  const rank = new Map(p.priorities.map((x, i) => [x.name, i]));
  const out = new Map<string, Effective>();
  for (const cap of p.priorityCaps ?? []) {
    const r = rank.get(cap.level) ?? 0;
    const key = conditionKey(cap.when);
    const held = out.get(key);
    if (held && held.lowered.length >= r) continue;
    out.set(key, { cap, lowered: p.priorities.slice(0, r).map((x) => x.name) });
  }
  return out;
}

const loweredText = (e: Effective) => (e.lowered.length ? e.lowered.join(", ") : "no level");

/** Caps added, removed, or judging at another level (or lowering other levels), matched by condition. */
export function diffPriorityCaps(a: PolicyIR, b: PolicyIR): Change[] {
  const was = capsOf(a);
  const now = capsOf(b);
  const out: Change[] = [];
  for (const key of new Set([...was.keys(), ...now.keys()])) {
    const x = was.get(key);
    const y = now.get(key);
    const when = conditionText((x ?? y)!.cap.when);
    const subject = `priority cap · ${when}`;
    const effect = setEffect(x?.lowered ?? [], y?.lowered ?? [], "looser");
    if (!x) out.push(change("goal", subject, `tickets with ${when} now judged at ${y!.cap.level} at most (lowers ${loweredText(y!)})`, effect, null, y!.cap.origin));
    else if (!y) out.push(change("goal", subject, `tickets with ${when} no longer judged at ${x.cap.level} at most (lowered ${loweredText(x)})`, effect, x.cap.origin, null));
    else if (x.cap.level !== y.cap.level) out.push(change("goal", subject, `judged at ${x.cap.level} at most → ${y.cap.level} at most`, effect, x.cap.origin, y.cap.origin));
    else if (effect !== "neutral") out.push(change("goal", subject, `judged at ${x.cap.level} at most, which lowers ${loweredText(x)} → ${loweredText(y)}`, effect, x.cap.origin, y.cap.origin));
  }
  return out;
}
