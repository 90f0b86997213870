/**
 * Attribute profiles (issue 11): every combination of the ticket facts that the conditions of
 * either version read — each field's declared values (and none), each flag set or not, each
 * cause named (and none). Goal sections, calendar rules and the assertion are compared over
 * every profile, so "exhaustive over the declared values" is literal.
 */
import type { ConditionIR, PolicyIR } from "../runtime/ir.js";
import type { TicketFacts } from "../runtime/ticket-attributes.js";

/** One combination: attribute values and the cause, as a ticket would give them. */
export interface Profile {
  readonly attributes: ReadonlyMap<string, string | boolean>;
  readonly cause: string | null;
  /** The channel, when a condition tests it (`for channel phone`); else `null`. */
  readonly channel: string | null;
  /** `product=a, phone_escalated`; empty for the profile of a ticket with no attributes. */
  readonly label: string;
}

/** A ticket that gives no attribute and no cause. */
export const NO_PROFILE: Profile = { attributes: new Map(), cause: null, channel: null, label: "" };

/** More combinations than this are cut (the cut is said in the assertion's docs); a policy has a few. */
export const MAX_PROFILES = 256;

/** Every condition a policy's clauses test. */
function conditionsOf(p: PolicyIR): ConditionIR[] {
  return [
    ...p.targets.flatMap((t) => [...t.goals.flatMap((g) => (g.when ? [g.when] : [])), ...(t.calendarRules ?? []).map((r) => r.when)]),
    ...p.regions.flatMap((r) => (r.calendarRules ?? []).map((x) => x.when)),
    ...(p.exclusions.attributes ?? []).map((e) => e.when),
    ...(p.credits?.ineligibleWhen ?? []),
    ...(p.objectives ?? []).map((o) => o.when),
  ];
}

/** The profiles of two versions: one empty profile when neither reads attributes or causes. */
export function profilesOf(a: PolicyIR, b: PolicyIR): Profile[] {
  const fields = new Map<string, Set<string>>();
  const flags = new Set<string>();
  const causes = new Set<string>();
  const channels = new Set<string>();
  for (const p of [a, b]) {
    for (const test of conditionsOf(p).flat()) {
      if (test.on === "field") {
        const declared = p.fields?.find((f) => f.name === test.field)?.values.map((v) => v.name) ?? [];
        fields.set(test.field, new Set([...(fields.get(test.field) ?? []), ...declared, ...test.values]));
      } else if (test.on === "flag") flags.add(test.flag);
      else if (test.on === "cause") test.values.forEach((c) => causes.add(c));
      else if (test.on === "channel") [...p.channels, ...test.values].forEach((c) => channels.add(c));
    }
  }
  type Dim = { name: string; values: Array<string | boolean | null> };
  const dims: Dim[] = [
    ...[...fields].sort().map(([name, values]) => ({ name, values: [null, ...[...values].sort()] })),
    ...[...flags].sort().map((name) => ({ name, values: [false, true] as Array<boolean | null> })),
  ];
  const causeValues: Array<string | null> = [null, ...[...causes].sort()];
  const channelValues: Array<string | null> = [null, ...[...channels].sort()];
  let out: Profile[] = [];
  const build = (i: number, attrs: Array<[string, string | boolean]>) => {
    if (out.length >= MAX_PROFILES) return;
    if (i === dims.length) {
      for (const cause of causeValues) {
        for (const channel of channelValues) {
          const words = [...attrs.map(([k, v]) => (v === true ? k : `${k}=${v}`)), ...(cause ? [`cause ${cause}`] : []), ...(channel ? [`channel ${channel}`] : [])];
          out.push({ attributes: new Map(attrs), cause, channel, label: words.join(", ") });
        }
      }
      return;
    }
    for (const v of dims[i]!.values) build(i + 1, v === null || v === false ? attrs : [...attrs, [dims[i]!.name, v]]);
  };
  build(0, []);
  out = out.slice(0, MAX_PROFILES);
  return out;
}

/** The facts a condition reads, for a ticket of this profile, priority and plan. */
export function factsOf(profile: Profile, priority: string | null, plan: string | null): TicketFacts {
  return { priority, plan, cause: profile.cause, channel: profile.channel, attributes: profile.attributes.size > 0 ? profile.attributes : null };
}
