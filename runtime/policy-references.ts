/**
 * Reference checks of a compiled policy (`loadPolicy`): the names an IR uses must be names it
 * defines, and its zones and holiday codes must be ones the runtime can build.
 *
 * `PolicySchema` checks shape only. The compiler never emits a dangling name, but an IR written
 * or edited by hand can, and the evaluator would then fail at the first ticket with a bare error
 * (or, for a holiday code such as `constructor`, once per ticket). Resolving every reference here
 * turns that into one error at load time that names the path in the IR.
 */
import { validateHolidaySpec } from "./holidays.js";
import type { CalendarIR, MemberCalendarIR, PolicyIR } from "./ir.js";
import { isKnownZone } from "./zone-offsets.js";

/** A reference the IR cannot resolve: its path (`regions[1].calendar`) and why. */
export interface ReferenceError {
  readonly field: string;
  readonly message: string;
}

/**
 * Thrown when a policy that did not go through `loadPolicy` is evaluated and one of its
 * references does not resolve: the same path and words `loadPolicy` would have given, so a
 * program can tell a bad policy (`field`) from a bug.
 */
export class PolicyReferenceError extends Error {
  override readonly name = "PolicyReferenceError";
  /** The path inside the IR (`targets[0].calendar`). */
  readonly field: string;

  constructor(policyId: string, problem: ReferenceError) {
    super(`policy \`${policyId}\`: ${problem.field} ${problem.message} (load compiled policies with \`loadPolicy\`)`);
    this.field = problem.field;
  }
}

/**
 * A calendar's zone and holiday codes; a member of a union (`open during`) also takes neither
 * from the ticket (the runtime builds members as they are).
 */
function calendarReference(c: MemberCalendarIR | CalendarIR, at: string, member = false): ReferenceError | null {
  if (!isKnownZone(c.zone)) return { field: `${at}.zone`, message: `unknown time zone \`${c.zone}\`` };
  for (const [k, h] of c.holidays.entries()) {
    try {
      validateHolidaySpec(h);
    } catch (e) {
      return { field: `${at}.holidays[${k}]`, message: (e as Error).message };
    }
  }
  if (member && (c.zoneFromTicket || c.holidaysFromTicket)) {
    return { field: `${at}.${c.zoneFromTicket ? "zoneFromTicket" : "holidaysFromTicket"}`, message: "a calendar open during others cannot have members that take their zone or holidays from the ticket" };
  }
  return null;
}

/** The first unresolved reference of a (shape-valid) policy, or `null` when all resolve. */
export function unresolvedReference(policy: PolicyIR): ReferenceError | null {
  const calendars = new Set(policy.calendars.map((c) => c.name));
  const targets = new Set(policy.targets.map((t) => t.name));
  const plans = new Set(policy.plans.map((p) => p.name));
  const calendar = (field: string, name: string): ReferenceError | null =>
    calendars.has(name) ? null : { field, message: `names unknown calendar \`${name}\`` };

  for (const [i, c] of policy.calendars.entries()) {
    const err = calendarReference(c, `calendars[${i}]`) ?? (c.members ?? []).reduce<ReferenceError | null>((found, m, k) => found ?? calendarReference(m, `calendars[${i}].members[${k}]`, true), null);
    if (err) return err;
  }
  if (policy.defaultCalendar !== null) {
    const err = calendar("defaultCalendar", policy.defaultCalendar);
    if (err) return err;
  }
  for (const [i, t] of policy.targets.entries()) {
    const err = t.calendar === null ? null : calendar(`targets[${i}].calendar`, t.calendar);
    if (err) return err;
  }
  for (const [i, r] of policy.regions.entries()) {
    const err = calendar(`regions[${i}].calendar`, r.calendar);
    if (err) return err;
    for (const [plan, name] of Object.entries(r.planCalendars)) {
      const field = `regions[${i}].planCalendars.${plan}`;
      if (!plans.has(plan)) return { field, message: `names unknown plan \`${plan}\`` };
      const bad = calendar(field, name);
      if (bad) return bad;
    }
  }
  for (const [i, e] of policy.escalations.entries()) {
    if (e.calendarPlan !== null && !plans.has(e.calendarPlan)) {
      return { field: `escalations[${i}].calendarPlan`, message: `names unknown plan \`${e.calendarPlan}\`` };
    }
    for (const [j, l] of e.levels.entries()) {
      if (l.after.kind === "percent" && !targets.has(l.after.target)) {
        return { field: `escalations[${i}].levels[${j}].after.target`, message: `names unknown target \`${l.after.target}\`` };
      }
    }
  }
  for (const [k, name] of (policy.credits?.targets ?? []).entries()) {
    if (!targets.has(name)) return { field: `credits.targets[${k}]`, message: `names unknown target \`${name}\`` };
  }
  // Issue 12.3–12.4: an availability measured over a calendar, an objective over a target.
  for (const [i, a] of (policy.availability ?? []).entries()) {
    const err = a.over.kind === "calendar" ? calendar(`availability[${i}].over.calendar`, a.over.calendar) : null;
    if (err) return err;
    const window = a.excuse?.within !== undefined ? calendar(`availability[${i}].excuse.within`, a.excuse.within) : null;
    if (window) return window;
  }
  for (const [i, o] of (policy.objectives ?? []).entries()) {
    if (!targets.has(o.target)) return { field: `objectives[${i}].target`, message: `names unknown target \`${o.target}\`` };
  }
  return null;
}
