/**
 * `N support days` in SQL (`runtime/support-days.ts`): due at the start's open offset into its
 * support day, N business days later (at most that day's close); from before the opening (offset
 * 0), at the close of the N-th support day counting the start's.
 *
 * Design: like business days (`query-budget.ts`), the goal becomes a budget of open time from the
 * start, so pauses push it by the paused open time. Open time before an instant is monotone, so
 * the budget needs no "add open time" lookup: with `cum(x)` the open time before x,
 *   offset = cum(start) - cum(start of the first open instant's day), at least 0;
 *   offset 0: cum(close of day ordinal + N - 1) - cum(start);
 *   else: least(cum(start of day ordinal + N) + offset, cum(close of that day)) - cum(start).
 * Four steps, each adding the nearest-row lookups its probes need.
 */
import type { QueryContext } from "./query-tickets.js";
import { openBefore, type Relation } from "./sql-text.js";

/** Whether a policy has `support days` goals (only then are these relations built). */
export function hasSupportDays(ctx: QueryContext): boolean {
  return ctx.ir.targets.some((t) => t.goals.some((g) => g.goal.kind === "supportDays"));
}

/** The relations ending in `sla_tsdays(tkey, target, budget_ms)`, read from `sla_tgoal`. */
export function supportDayRelations(ctx: QueryContext): Relation[] {
  const d = ctx.dialect;
  const window = (from: string, alias: string, probe: string) => d.nearest({ table: "sla_windows", alias, from, calendar: "bd_cal", probe, key: "to_ms", direction: "after" });
  return [
    {
      // The first open instant at or after the start (the sentinel window at the range's end is no opening) and cum(start).
      name: "sla_tsup0",
      sql: `SELECT g.*, CASE WHEN w.to_ms > w.from_ms THEN greatest(g.start_ms, w.from_ms) END AS first_ms, ${openBefore("w", "g.start_ms")} AS cum_start
FROM (SELECT tkey, target, days, start_ms, calendar AS bd_cal FROM sla_tgoal WHERE kind = 'supportDays' AND start_ms IS NOT NULL AND NOT excluded) g
${window("g", "w", "start_ms")}`,
    },
    {
      // The support day of the first open instant: the business day whose date contains it.
      name: "sla_tsup1",
      sql: `SELECT g.*, b.ordinal AS day_ord, b.day_start_ms AS day_start
FROM sla_tsup0 g
${d.nearest({ table: "sla_business_days", alias: "b", from: "g", calendar: "bd_cal", probe: "first_ms", key: "day_start_ms", direction: "atOrBefore" })}`,
    },
    {
      name: "sla_tsup2",
      sql: `SELECT y.*, d.close_ms, d.day_start_ms AS close_day FROM (
  SELECT x.*, CASE WHEN x.offset_ms = 0 THEN x.day_ord + x.days - 1 ELSE x.day_ord + x.days END AS close_ord FROM (
    SELECT g.*, greatest(g.cum_start - ${openBefore("w", "g.day_start")}, 0) AS offset_ms
    FROM sla_tsup1 g
    ${window("g", "w", "day_start")}) x) y
LEFT JOIN sla_business_days d ON d.calendar = y.bd_cal AND d.ordinal = y.close_ord`,
    },
    {
      name: "sla_tsdays",
      sql: `SELECT x.tkey, x.target,
  CASE WHEN x.offset_ms = 0 THEN ${openBefore("c", "x.close_ms")} ELSE least(${openBefore("s", "x.close_day")} + x.offset_ms, ${openBefore("c", "x.close_ms")}) END - x.cum_start AS budget_ms
FROM sla_tsup2 x
${window("x", "c", "close_ms")}
${window("x", "s", "close_day")}`,
    },
  ];
}
