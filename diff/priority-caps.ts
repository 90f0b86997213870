/**
 * Caps on the priority (`priority at most P3 for environment non_production`): the tickets meeting
 * a cap's condition are judged at its level whenever a more urgent level is in force. A cap
 * lowers their priority, so gives them the longer goals of a less urgent level: a cap added, or
 * lowered to a less urgent level, is looser for the provider; one removed or raised, stricter.
 *
 * What a cap does is the set of levels it lowers (those ranked before its level, in the version's
 * own order): a change is read from that set, so reordering the priorities is seen too. A cap whose
 * condition is edited is one change: applying to more tickets is looser, to fewer stricter, to
 * other tickets mixed (`condition-scope.ts`).
 */
import type { PolicyIR } from "../runtime/ir.js";
import { change, combine, setEffect } from "./cite.js";
import { compareScope, sharedProperties } from "./condition-scope.js";
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

/** How the tickets an edited condition holds for compare, in words. */
const SCOPE_WORDS = { same: "the same tickets", more: "more tickets", fewer: "fewer tickets", other: "other tickets" } as const;

/**
 * Pairs each cap only the old version has with one only the new version has that tests a property
 * it tests (`environment non_production` → `environment non_production, staging`): one cap whose
 * condition was edited, not one removed and one added. Most shared properties first, then the same
 * level, then declaration order.
 */
function pairEdited(removed: readonly Effective[], added: readonly Effective[]): Array<[Effective, Effective]> {
  const free = [...added];
  const pairs: Array<[Effective, Effective]> = [];
  for (const x of removed) {
    let best = -1;
    let bestScore = 0;
    free.forEach((y, i) => {
      const shared = sharedProperties(x.cap.when, y.cap.when);
      const score = shared === 0 ? 0 : shared * 2 + (x.cap.level === y.cap.level ? 1 : 0);
      if (score > bestScore) [best, bestScore] = [i, score];
    });
    if (best >= 0) pairs.push([x, free.splice(best, 1)[0]!]);
  }
  return pairs;
}

/**
 * One cap with another condition: tickets only the new condition holds for are newly lowered
 * (looser, when the cap lowers anything), tickets only the old one held for no longer are
 * (stricter), and those under both see the change of the levels lowered.
 */
function editedCap(x: Effective, y: Effective): Change {
  const scope = compareScope(x.cap.when, y.cap.when);
  const gains = (scope === "more" || scope === "other") && y.lowered.length > 0;
  const loses = (scope === "fewer" || scope === "other") && x.lowered.length > 0;
  const effect = combine([setEffect(x.lowered, y.lowered, "looser"), gains ? "looser" : "neutral", loses ? "stricter" : "neutral"]);
  const level = x.cap.level === y.cap.level ? `judged at ${y.cap.level} at most (lowers ${loweredText(y)})` : `judged at ${x.cap.level} at most → ${y.cap.level} at most (lowers ${loweredText(y)})`;
  const summary = `applies to ${conditionText(x.cap.when)} → ${conditionText(y.cap.when)} (${SCOPE_WORDS[scope]}), ${level}`;
  return change("goal", `priority cap · ${conditionText(x.cap.when)}`, summary, effect, x.cap.origin, y.cap.origin);
}

/**
 * Caps added, removed, judging at another level (or lowering other levels), matched by condition;
 * a cap whose condition was edited (see {@link pairEdited}) is one change, read from the tickets
 * it holds for.
 */
export function diffPriorityCaps(a: PolicyIR, b: PolicyIR): Change[] {
  const was = capsOf(a);
  const now = capsOf(b);
  const out: Change[] = [];
  const onlyIn = (m: Map<string, Effective>, other: Map<string, Effective>) => [...m].filter(([k]) => !other.has(k)).map(([, e]) => e);
  const edited = new Map(pairEdited(onlyIn(was, now), onlyIn(now, was)).flatMap(([x, y]) => [[x, y], [y, x]] as const));
  for (const key of new Set([...was.keys(), ...now.keys()])) {
    const x = was.get(key);
    const y = now.get(key);
    if (x && edited.has(x)) out.push(editedCap(x, edited.get(x)!));
    if ((x && edited.has(x)) || (y && edited.has(y))) continue;
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
