/**
 * Recurring targets in SQL (`runtime/recurring.ts`, issue 11.5): "update the customer at least
 * every 4 business hours". Design in four lines:
 * - the target's one-shot obligation (`sla_obligation`) gives the clock's counting spans; the
 *   count from the start, `C(x)`, is monotone, so "the due of an interval starting at `from`
 *   with budget B" is the first instant where C reaches `C(from) + B` (`query-recurring-due.ts`);
 * - the restarts (deduplicated instants after the start and before the stop) and the end (the
 *   stop, else `asOf`) get their C once, in `sla_rpoint`;
 * - fixed goals (business hours, elapsed time) have their intervals in closed form: between two
 *   points the dues are `C(from) + n·B`, n = 1, 2, …, missed while before the next point
 *   (`query-recurring-fixed.ts`); business days, whose budget depends on each interval's start,
 *   step through a recursive CTE (`query-recurring-days.ts`);
 * - `sla_intervals` lists every interval; `sla_recurring` sums them per ticket and target.
 */
import { MAX_INTERVALS } from "../runtime/recurring.js";
import type { QueryContext } from "./query-tickets.js";
import { fixedIntervals } from "./query-recurring-fixed.js";
import { dayIntervals } from "./query-recurring-days.js";
import { inList, openBefore, type Relation } from "./sql-text.js";

/** Above any cumulative count: the key of a clock's open-ended tail, which always reaches. */
const TAIL_KEY = "9000000000000000000";

/** The indices of the recurring targets (`restart on …`). */
export function recurringTargets(ctx: QueryContext): number[] {
  return ctx.ir.targets.flatMap((t, i) => (t.clock.restart !== undefined ? [i] : []));
}

/** `sla_rbase`: the recurring targets' obligations, with the goal to recompute per interval and whether a span is broken. */
function base(targets: readonly number[]): Relation {
  return {
    name: "sla_rbase",
    sql: `SELECT o.okey, o.tkey, o.obligation AS target, o.calendar AS meter, o.stop_ms, o.as_of_ms, g.start_ms, g.kind, g.ms, g.days, g.calendar AS bd_cal, k.broken
FROM sla_obligation o JOIN sla_tb g ON g.tkey = o.tkey AND g.target = o.obligation
JOIN (SELECT okey, bool_or(broken) AS broken FROM sla_oseg GROUP BY okey) k ON k.okey = o.okey
WHERE o.obligation IN (${targets.join(", ")})`,
  };
}

/**
 * `sla_rspan`: the counting spans of the recurring obligations that count (a span of no open
 * time never reaches first: the one before it reached as well), keyed by the count at their end.
 */
function spans(): Relation {
  return {
    name: "sla_rspan",
    sql: `SELECT s.okey, s.at_ms, s.to_ms, s.tail, s.before, s.cum_at, CASE WHEN s.tail THEN ${TAIL_KEY} ELSE s.before + s.len END AS reach_key
FROM sla_oseg s JOIN sla_rbase b ON b.okey = s.okey
WHERE s.tail OR s.len > 0`,
    indexes: ["okey, reach_key", "okey, at_ms"],
  };
}

/**
 * `sla_rpoint`: per obligation its restart instants numbered `j` from 1, then its end (`is_end`:
 * the stop, else `asOf`), each with the clock's count there (C): the last counting span starting
 * at or before it, counted up to it.
 */
function points(ctx: QueryContext, targets: readonly number[]): Relation[] {
  const d = ctx.dialect;
  const restarts = targets.map(
    (i) => `SELECT DISTINCT b.okey, b.meter, e.at_ms, false AS is_end FROM sla_rbase b JOIN sla_ev e ON e.tkey = b.tkey
WHERE b.target = ${i} AND ${inList("e.kind", ctx.ir.targets[i]!.clock.restart!)} AND e.at_ms > b.start_ms AND (b.stop_ms IS NULL OR e.at_ms < b.stop_ms)`,
  );
  const ends = "SELECT okey, meter, coalesce(stop_ms, as_of_ms) AS at_ms, true AS is_end FROM sla_rbase";
  return [
    {
      name: "sla_rpoint0",
      sql: `SELECT x.okey, x.meter, x.at_ms, x.is_end, row_number() OVER (PARTITION BY x.okey ORDER BY x.at_ms, x.is_end) AS j,
  s.at_ms AS s_at, s.before, s.cum_at, CASE WHEN s.tail THEN x.at_ms ELSE least(x.at_ms, s.to_ms) END AS probe
FROM (${[...restarts, ends].join("\nUNION ALL\n")}) x
${d.nearest({ table: "sla_rspan", group: "okey", alias: "s", from: "x", calendar: "okey", probe: "at_ms", key: "at_ms", direction: "atOrBefore" })}`,
    },
    {
      name: "sla_rpoint",
      sql: `SELECT x.okey, x.j, x.at_ms, x.is_end,
  CASE WHEN x.s_at IS NULL THEN 0 WHEN x.meter IS NULL THEN x.before + x.probe - x.s_at ELSE x.before + ${openBefore("w", "x.probe")} - x.cum_at END AS c_ms
FROM sla_rpoint0 x
${d.nearest({ table: "sla_windows", alias: "w", from: "x", calendar: "meter", probe: "probe", key: "to_ms", direction: "after" })}`,
      indexes: ["okey, j"],
    },
  ];
}

/**
 * `sla_recurring`: per ticket and recurring target, the intervals, the misses, the first missed
 * due, the last interval's due and status (`recurringOutcome`), and whether a count needed
 * calendar time outside the tables.
 */
function summary(): Relation {
  return {
    name: "sla_recurring",
    sql: `SELECT b.tkey, b.target, count(i.idx) AS intervals, count(CASE WHEN i.status = 'missed' THEN 1 END) AS misses,
  min(CASE WHEN i.status = 'missed' THEN i.due_ms END) AS first_missed_ms,
  max(CASE WHEN i.idx = l.last_idx THEN i.due_ms END) AS last_due_ms, max(CASE WHEN i.idx = l.last_idx THEN i.status END) AS last_status,
  (b.broken OR coalesce(bool_or(i.status = 'broken'), false)) AS broken
FROM sla_rbase b
LEFT JOIN sla_intervals i ON i.okey = b.okey
LEFT JOIN (SELECT okey, max(idx) AS last_idx FROM sla_intervals GROUP BY okey) l ON l.okey = b.okey
GROUP BY b.tkey, b.target, b.broken`,
  };
}

/**
 * `sla_intervals(okey, tkey, target, idx, from_ms, due_ms, status)`: every interval, numbered
 * `idx` from 1 per ticket and target; at most {@link MAX_INTERVALS}, where the evaluator stops.
 */
function intervals(ctx: QueryContext, targets: readonly number[]): Relation {
  const kinds = new Set(targets.flatMap((i) => ctx.ir.targets[i]!.goals.map((g) => g.goal.kind)));
  const parts = [...(kinds.has("business") || kinds.has("elapsed") ? ["SELECT * FROM sla_rfixed"] : []), ...(kinds.has("businessDays") ? ["SELECT * FROM sla_rdays"] : [])];
  return {
    name: "sla_intervals",
    sql: `SELECT * FROM (${parts.join("\nUNION ALL\n")}) i WHERE i.idx <= ${MAX_INTERVALS}`,
  };
}

/** The relations of recurring targets (none for a policy without). */
export function recurringRelations(ctx: QueryContext): Relation[] {
  const targets = recurringTargets(ctx);
  if (targets.length === 0) return [];
  const kinds = new Set(targets.flatMap((i) => ctx.ir.targets[i]!.goals.map((g) => g.goal.kind)));
  return [
    base(targets),
    spans(),
    ...points(ctx, targets),
    ...(kinds.has("business") || kinds.has("elapsed") ? fixedIntervals(ctx) : []),
    ...(kinds.has("businessDays") ? dayIntervals(ctx) : []),
    intervals(ctx, targets),
    summary(),
  ];
}
