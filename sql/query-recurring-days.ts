/**
 * The intervals of recurring targets with a business-day goal (`runtime/recurring.ts`
 * `walkRecurring`, `budgetAt`): each interval's budget is the open time from its own start to the
 * close of the n-th business day after it, so an interval depends on where the previous ended.
 *
 * Design: a recursive CTE, one row per interval: the budget from its start (two lookups in
 * `sla_business_days`, two in `sla_windows`), its due (`dueOfCount`), then how it ended as the
 * evaluator decides: met by the next restart or the stop (the next starts at that restart, with
 * its count), missed at its due before them and before `asOf` (the next starts at the due, with
 * the count reached), else pending or paused. The lookups are the dialect's recursive form.
 */
import { MAX_INTERVALS } from "../runtime/recurring.js";
import { dueOfCount } from "./query-recurring-due.js";
import type { QueryContext } from "./query-tickets.js";
import { openBefore, type Relation } from "./sql-text.js";

/** The columns an interval row carries from step to step. */
const CARRIED = ["okey", "tkey", "target", "idx", "seg", "from_ms", "c_from", "meter", "bd_cal", "days", "stop_ms", "as_of_ms"];

/**
 * One interval per row of `source` (columns {@link CARRIED}: it starts at `from_ms`, where the
 * clock had counted `c_from`; `seg` numbers the next restart): its budget, due and end.
 */
function interval(ctx: QueryContext, source: string): string {
  const nearest = ctx.dialect.nearestInRecursion;
  const window = (from: string, alias: string, probe: string) => nearest({ table: "sla_windows", alias, from, calendar: "bd_cal", probe, key: "to_ms", direction: "after" });
  const budget = `SELECT q.*, q.c_from + ${openBefore("c", "q.close_ms")} - ${openBefore("f", "q.from_ms")} AS v
FROM (
  SELECT p.*, dd.close_ms FROM (${source}) p
  ${nearest({ table: "sla_business_days", alias: "a", from: "p", calendar: "bd_cal", probe: "from_ms", key: "day_start_ms", direction: "after" })}
  LEFT JOIN sla_business_days dd ON dd.calendar = p.bd_cal AND dd.ordinal = a.ordinal + p.days - 1) q
${window("q", "c", "close_ms")}
${window("q", "f", "from_ms")}`;
  const end = "coalesce(r.at_ms, z.stop_ms)";
  return `SELECT ${CARRIED.map((c) => `z.${c}`).join(", ")}, z.v, z.due_ms, ${end} AS end_ms, r.c_ms AS end_c, r.at_ms IS NOT NULL AS by_restart,
  CASE WHEN z.broken THEN 'broken'
       WHEN ${end} IS NOT NULL AND (z.due_ms IS NULL OR ${end} <= z.due_ms) THEN 'met'
       WHEN z.due_ms IS NOT NULL AND z.due_ms < z.as_of_ms THEN 'missed'
       WHEN z.due_ms IS NULL THEN 'paused' ELSE 'pending' END AS status
FROM (${dueOfCount(nearest, budget)}) z
LEFT JOIN sla_rpoint r ON r.okey = z.okey AND r.j = z.seg AND NOT r.is_end`;
}

/** `sla_rdays(okey, tkey, target, idx, from_ms, due_ms, status)`: the recursion over intervals. */
export function dayIntervals(ctx: QueryContext): Relation[] {
  const first = `SELECT okey, tkey, target, CAST(1 AS INTEGER) AS idx, CAST(1 AS INTEGER) AS seg, start_ms AS from_ms, CAST(0 AS BIGINT) AS c_from,
  meter, bd_cal, days, stop_ms, as_of_ms FROM sla_rbase WHERE kind = 'businessDays' AND NOT broken`;
  // After a met restart the next interval starts there with its count; after a miss, at the due with the count reached.
  const next = `SELECT i.okey, i.tkey, i.target, i.idx + 1 AS idx, CASE WHEN i.status = 'met' THEN i.seg + 1 ELSE i.seg END AS seg,
  CASE WHEN i.status = 'met' THEN i.end_ms ELSE i.due_ms END AS from_ms, CASE WHEN i.status = 'met' THEN i.end_c ELSE i.v END AS c_from,
  i.meter, i.bd_cal, i.days, i.stop_ms, i.as_of_ms
FROM sla_iv i WHERE i.idx < ${MAX_INTERVALS} AND ((i.status = 'met' AND i.by_restart) OR (i.status = 'missed' AND i.due_ms > i.from_ms))`;
  return [
    {
      name: "sla_rdays",
      sql: `WITH RECURSIVE sla_iv AS (
${interval(ctx, first)}
UNION ALL
${interval(ctx, next)}
)
SELECT okey, tkey, target, idx, from_ms, due_ms, status FROM sla_iv`,
    },
  ];
}
