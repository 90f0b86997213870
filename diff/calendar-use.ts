/**
 * What counts on a calendar (IR 12: a target whose goals are all elapsed time needs none, and
 * is counted on the runtime's 24×7 UTC). A goal in business time or business days counts on its
 * target's calendar; an escalation in business time, at a share of such a goal or on a plan's
 * calendar counts on the ticket's. A calendar nothing counts on changes no due, no status and no
 * escalation: adding one to an elapsed-only target, or removing it, is no change in meaning.
 *
 * The calendar of a ticket without region also gives the billing zone when neither the fees nor
 * the credits name one ({@link billingZoneChanges}): that use is compared on its own.
 */
import { billingZone } from "../runtime/period.js";
import type { PolicyIR, TargetIR } from "../runtime/ir.js";
import { change } from "./cite.js";
import type { Change } from "./model.js";

/** Whether some goal of the target (its matrix or a `goals for …` section) counts on a calendar. */
export function countsOnCalendar(t: TargetIR | undefined): boolean {
  return t?.goals.some((c) => c.goal.kind !== "elapsed" && c.goal.kind !== "none") ?? false;
}

/**
 * Whether anything counts on the calendar the ticket's region (or the policy's default) gives
 * it: a target without a calendar of its own with a goal that counts on one, or an escalation
 * counting business time, a share of such a target's goal, or a plan's calendar.
 */
export function ticketCalendarCounted(p: PolicyIR): boolean {
  const byName = new Map(p.targets.map((t) => [t.name, t]));
  const onTicketCalendar = (t: TargetIR | undefined) => t !== undefined && t.calendar === null && countsOnCalendar(t);
  if (p.targets.some(onTicketCalendar)) return true;
  return p.escalations.some(
    (e) => e.calendarPlan !== null || e.levels.some((l) => l.after.kind === "business" || l.after.kind === "businessDays" || (l.after.kind === "percent" && onTicketCalendar(byName.get(l.after.target)))),
  );
}

/** Whether a version settles anything in its billing zone: credits, commitments or fees. */
function settles(p: PolicyIR): boolean {
  return p.credits !== null || p.fees !== null || (p.availability?.length ?? 0) > 0 || (p.objectives?.length ?? 0) > 0;
}

/**
 * The billing zone taken from a calendar (no `zone` in the fees or the credits of either
 * version, which their own comparisons report): periods and claim dates are read in another
 * zone, neither version's customers gain or lose as a rule (`neutral`, like a billing zone).
 */
export function billingZoneChanges(a: PolicyIR, b: PolicyIR): Change[] {
  const za = billingZone(a);
  const zb = billingZone(b);
  const named = (p: PolicyIR) => p.fees !== null || (p.credits?.zone ?? null) !== null;
  if (za === zb || named(a) || named(b) || (!settles(a) && !settles(b))) return [];
  const calendarOf = (p: PolicyIR) => (p.calendars.find((c) => c.name === p.defaultCalendar) ?? p.calendars[0])?.origin;
  return [change("credits", "billing zone", `billing zone, from the calendar: ${za} → ${zb}`, "neutral", calendarOf(a) ?? a.credits?.origin, calendarOf(b) ?? b.credits?.origin)];
}
