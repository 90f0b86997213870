/**
 * The IR features the SQL compiler does not translate (issue 15), named so that a policy using
 * one is refused with a clear message instead of compiled to SQL that answers differently.
 *
 * Design: one pass over the IR collecting every unsupported construct with where it is; the
 * compiler refuses when the list is not empty. The seed policies (`policies/*.sla`) use none.
 */
import type { ClockIR, PolicyIR } from "../runtime/ir.js";

/** One construct the SQL compiler refuses: what, and the clause that uses it. */
export interface Unsupported {
  readonly construct: string;
  /** `file:line` of the clause, when known. */
  readonly where: string;
}

const at = (o: { file: string; line: number }): string => `${o.file}:${o.line}`;

/** Built-in event kinds whose clock meaning the SQL walk implements. */
const BUILT_IN = new Set(["open", "approve", "pause", "resume", "respond", "resolve", "reprioritize"]);

/** Problems of a clock rule: declared events, recurring restarts, an event in two roles. */
function clockProblems(clock: ClockIR, what: string, where: string): Unsupported[] {
  const out: Unsupported[] = [];
  if (clock.restart !== undefined) out.push({ construct: `recurring obligation (\`restart on\`) in ${what}`, where });
  const roles = [clock.start, clock.pause, clock.resume, clock.stop];
  const all = roles.flat();
  for (const e of all) if (!BUILT_IN.has(e)) out.push({ construct: `declared event \`${e}\` in the clock of ${what}`, where });
  // The SQL walk classifies each event once; an event in two roles would need the walk's order of tests.
  if (new Set(all).size !== all.length) out.push({ construct: `an event in two clock roles in ${what}`, where });
  return out;
}

/** Every construct of `ir` the SQL compiler does not translate; empty when it translates all. */
export function unsupportedConstructs(ir: PolicyIR): Unsupported[] {
  const out: Unsupported[] = [];
  for (const c of ir.calendars) {
    if (c.zoneFromTicket) out.push({ construct: `calendar \`${c.name}\` takes its zone from the ticket`, where: at(c.origin) });
    if (c.holidaysFromTicket) out.push({ construct: `calendar \`${c.name}\` takes holidays from the ticket`, where: at(c.origin) });
  }
  for (const r of ir.regions) {
    if (r.calendarRules && r.calendarRules.length > 0) out.push({ construct: `conditional calendar (\`calendar … for …\`) in region \`${r.name}\``, where: at(r.origin) });
  }
  for (const t of ir.targets) {
    out.push(...clockProblems(t.clock, `target \`${t.name}\``, at(t.origin)));
    if (t.calendarRules && t.calendarRules.length > 0) out.push({ construct: `conditional calendar (\`calendar … for …\`) in target \`${t.name}\``, where: at(t.origin) });
    const supportDays = t.goals.find((g) => g.goal.kind === "supportDays");
    if (supportDays) out.push({ construct: `support days (\`${supportDays.goal.text}\`) in target \`${t.name}\``, where: at(supportDays.origin) });
    const section = t.goals.find((g) => g.when !== undefined);
    if (section) out.push({ construct: `goal section (\`goals for …\`) in target \`${t.name}\``, where: at(section.origin) });
  }
  for (const e of ir.escalations) {
    out.push(...clockProblems(e.clock, "an escalation matrix", at(e.origin)));
    const share = e.levels.find((l) => l.after.kind === "percent");
    if (share) out.push({ construct: "escalation at a share of a target's goal", where: at(share.origin) });
  }
  for (const cap of ir.priorityCaps ?? []) out.push({ construct: `priority cap (\`priority at most ${cap.level} for …\`)`, where: at(cap.origin) });
  const attrs = ir.exclusions.attributes ?? [];
  if (attrs.length > 0) out.push({ construct: "exclusion by ticket attribute", where: at(attrs[0]!.origin) });
  const cr = ir.credits;
  if (cr?.ineligibleWhen && cr.ineligibleWhen.length > 0) out.push({ construct: "credit ineligibility by cause or attribute", where: at(cr.origin) });
  return out;
}

/** Thrown by the SQL compiler for a policy it cannot translate; the message names each construct. */
export class UnsupportedPolicyError extends Error {
  constructor(readonly constructs: readonly Unsupported[]) {
    super(`the SQL target does not translate ${constructs.map((c) => `${c.construct} (${c.where})`).join("; ")}`);
  }
}
