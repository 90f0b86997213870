/**
 * Conditional calendars in SQL (`runtime/evaluate.ts` `targetCalendar`, `ticketCalendar`):
 * `calendar hotline for channel phone and priority S1` in a region or a target, chosen for the
 * priority that judges the clock at hand.
 *
 * Design: the rules become a searched CASE, first rule that holds wins (the runtime's `find`),
 * over the facts of `sla_tk` (`tk`) and a judging priority expression; the fallback is the
 * calendar `sla_tk` already chose without rules. A target's own rules come first; a region's
 * apply only to targets without a calendar of their own, and to escalations counting on the
 * ticket's calendar.
 */
import type { CalendarRuleIR, EscalationIR, TargetIR } from "../runtime/ir.js";
import { conditionSql } from "./conditions.js";
import { ticketFacts, type QueryContext } from "./query-tickets.js";
import { lit } from "./sql-text.js";

/** A searched CASE over `rules` (first that holds), else `otherwise`. */
function rulesCase(ctx: QueryContext, rules: readonly CalendarRuleIR[], priority: string, otherwise: string): string {
  if (rules.length === 0) return otherwise;
  const facts = ticketFacts(ctx, "tk", priority);
  const cases = rules.map((r) => `WHEN ${conditionSql(r.when, facts, ctx.priorityCode)} THEN ${ctx.calendars.idOf.get(r.calendar)!}`);
  return `CASE ${cases.join(" ")} ELSE ${otherwise} END`;
}

/** The ticket's calendar under its region's rules, judged at `priority` (a code expression); `otherwise` without a rule. */
export function regionRuleCalendar(ctx: QueryContext, priority: string, otherwise: string): string {
  const regions = ctx.ir.regions.filter((r) => (r.calendarRules ?? []).length > 0);
  if (regions.length === 0) return otherwise;
  const cases = regions.map((r) => `WHEN tk.region = ${lit(r.name)} THEN ${rulesCase(ctx, r.calendarRules!, priority, otherwise)}`);
  return `CASE ${cases.join(" ")} ELSE ${otherwise} END`;
}

/** The calendar target `t` counts on, judged at `priority`: its rules, else its own calendar, else the region's rules, else the ticket's. */
export function targetRuleCalendar(ctx: QueryContext, t: TargetIR, priority: string): string {
  const fallback = t.calendar !== null ? String(ctx.calendars.idOf.get(t.calendar)!) : regionRuleCalendar(ctx, priority, "tk.calendar");
  return rulesCase(ctx, t.calendarRules ?? [], priority, fallback);
}

/**
 * The calendar escalation matrix `m` counts business time on, judged at `priority`: with
 * `calendar for <plan>` the region's calendar for that plan (`sla_tk.esc_calendar_<m>`), else the
 * ticket's under the region's rules (`evaluate.ts` `evaluateEscalations`).
 */
export function escalationRuleCalendar(ctx: QueryContext, e: EscalationIR, m: number, priority: string): string {
  return e.calendarPlan === null ? regionRuleCalendar(ctx, priority, `tk.esc_calendar_${m}`) : `tk.esc_calendar_${m}`;
}
