/**
 * Who is covered: the axes tickets name (priorities, plans, regions, channels), excluded
 * channels and causes, and the languages each region supports.
 */
import type { ConditionIR, Named, PolicyIR, SourceRef } from "../runtime/ir.js";
import { change, combine, sharedRegions } from "./cite.js";
import type { Change, Effect } from "./model.js";

/** Excluded channels and causes: a new exclusion removes the SLA from tickets (looser). */
export function diffExclusions(a: PolicyIR, b: PolicyIR): Change[] {
  const out: Change[] = [];
  const was = new Map(a.exclusions.channels.map((c) => [c.channel, c]));
  const now = new Map(b.exclusions.channels.map((c) => [c.channel, c]));
  for (const [ch, c] of now) if (!was.has(ch)) out.push(change("exclusion", `channel ${ch}`, `tickets from \`${ch}\` now have no SLA`, "looser", null, c.origin));
  for (const [ch, c] of was) if (!now.has(ch)) out.push(change("exclusion", `channel ${ch}`, `tickets from \`${ch}\` now have an SLA`, "stricter", c.origin, null));
  out.push(...namedSet("exclusion", "cause", a.exclusions.causes, b.exclusions.causes, "looser", (n, added) => `tickets with cause \`${n}\` now have ${added ? "no SLA" : "an SLA"}`));
  out.push(...conditionSet("exclusion", "excluded", a.exclusions.attributes ?? [], b.exclusions.attributes ?? [], "looser"));
  return out;
}

/** A condition in words: `product beta and phone_escalated`. */
export function conditionText(when: ConditionIR): string {
  return when.map((t) => (t.on === "flag" ? t.flag : `${t.on === "field" ? t.field : t.on} ${t.values.join(", ")}`)).join(" and ") || "every ticket";
}

/** A condition as a key: equal for the same tests in any order, values in any order. */
export function conditionKey(w: ConditionIR): string {
  return w.map((t) => JSON.stringify({ ...t, values: "values" in t ? [...t.values].sort() : undefined })).sort().join("&");
}

/**
 * Conditions added and removed (`exclude product beta`, `ineligible phone_escalated`), matched by
 * what they test whatever their order; `addedEffect` is the effect of one more condition.
 */
export function conditionSet(kind: Change["kind"], what: string, a: ReadonlyArray<{ when: ConditionIR; origin: SourceRef }>, b: ReadonlyArray<{ when: ConditionIR; origin: SourceRef }>, addedEffect: Effect): Change[] {
  const key = conditionKey;
  const was = new Map(a.map((x) => [key(x.when), x]));
  const now = new Map(b.map((x) => [key(x.when), x]));
  const removed: Effect = addedEffect === "looser" ? "stricter" : "looser";
  return [
    ...[...now].filter(([k]) => !was.has(k)).map(([, x]) => change(kind, `${what} ${conditionText(x.when)}`, `tickets with ${conditionText(x.when)} now ${what}`, addedEffect, null, x.origin)),
    ...[...was].filter(([k]) => !now.has(k)).map(([, x]) => change(kind, `${what} ${conditionText(x.when)}`, `tickets with ${conditionText(x.when)} no longer ${what}`, removed, x.origin, null)),
  ];
}

/** Added and removed names of one kind (`what` leads the subject, when not empty); `addedEffect` is the effect of an addition. */
export function namedSet(
  kind: Change["kind"],
  what: string,
  a: readonly Named[],
  b: readonly Named[],
  addedEffect: Effect,
  words: (name: string, added: boolean) => string = (n, added) => `${what} \`${n}\` ${added ? "added" : "removed"}`,
): Change[] {
  const was = new Map(a.map((n) => [n.name, n]));
  const now = new Map(b.map((n) => [n.name, n]));
  const removed: Effect = addedEffect === "looser" ? "stricter" : addedEffect === "stricter" ? "looser" : "neutral";
  return [
    ...[...now].filter(([n]) => !was.has(n)).map(([n, x]) => change(kind, what ? `${what} ${n}` : n, words(n, true), addedEffect, null, x.origin)),
    ...[...was].filter(([n]) => !now.has(n)).map(([n, x]) => change(kind, what ? `${what} ${n}` : n, words(n, false), removed, x.origin, null)),
  ];
}

/** Priorities, plans, regions and channels added or removed: the vocabulary tickets use. */
export function diffAxes(a: PolicyIR, b: PolicyIR): Change[] {
  const channels = (p: PolicyIR): Named[] => p.channels.map((name) => ({ name, title: null, description: null, origin: { file: "", line: 0, column: 0, text: name } }));
  const noOrigin = (cs: Change[]) => cs.map((c) => ({ ...c, old: c.old?.line ? c.old : null, new: c.new?.line ? c.new : null }));
  return [
    ...namedSet("axis", "priority", a.priorities, b.priorities, "neutral"),
    ...namedSet("axis", "plan", a.plans, b.plans, "neutral"),
    ...namedSet("axis", "region", a.regions.map((r) => ({ ...r, description: null })), b.regions.map((r) => ({ ...r, description: null })), "neutral"),
    ...noOrigin(namedSet("axis", "channel", channels(a), channels(b), "neutral")),
    // Issue 11: the words of ticket attributes, causes and declared events.
    ...namedSet("axis", "field", (a.fields ?? []).map((f) => ({ ...f, description: null })), (b.fields ?? []).map((f) => ({ ...f, description: null })), "neutral"),
    ...(a.fields ?? []).flatMap((f) => {
      const g = b.fields?.find((x) => x.name === f.name);
      return g ? namedSet("axis", `${f.name} value`, f.values, g.values, "neutral") : [];
    }),
    ...namedSet("axis", "flag", a.flags ?? [], b.flags ?? [], "neutral"),
    ...namedSet("axis", "cause", a.causes ?? [], b.causes ?? [], "neutral"),
    ...namedSet("axis", "event", a.events ?? [], b.events ?? [], "neutral"),
  ];
}

/** Region languages: a language leaving the supported list loses its SLA (looser). */
export function diffLanguages(a: PolicyIR, b: PolicyIR): Change[] {
  const out: Change[] = [];
  for (const name of sharedRegions(a, b)) {
    const ra = a.regions.find((r) => r.name === name);
    const rb = b.regions.find((r) => r.name === name);
    if (!ra || !rb) continue;
    const la = ra.languages;
    const lb = rb.languages;
    if (JSON.stringify(la && { p: [...la.primary].sort(), o: [...la.optional].sort() }) === JSON.stringify(lb && { p: [...lb.primary].sort(), o: [...lb.optional].sort() })) continue;
    const supported = (l: typeof la) => new Set(l ? l.primary : []);
    const sa = supported(la);
    const sb = supported(lb);
    const lost = la === null ? lb !== null : [...sa].some((x) => !sb.has(x));
    const gained = lb === null ? la !== null : [...sb].some((x) => !sa.has(x));
    const text = (l: typeof la) => (l ? `${l.primary.join(", ")}${l.optional.length ? ` (optional ${l.optional.join(", ")})` : ""}` : "any");
    out.push(change("languages", `region ${name}`, `languages ${text(la)} → ${text(lb)}`, combine([lost ? "looser" : "neutral", gained ? "stricter" : "neutral"]), ra.origin, rb.origin));
  }
  return out;
}
