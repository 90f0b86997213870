/**
 * Recurring targets in SQL (`runtime/recurring.ts`, issue 11.5): "update the customer at least
 * every 4 business hours". Design in four lines:
 * - the target's one-shot obligation (`sla_obligation`) gives the clock's counting spans; the
 *   count from the start, `C(x)`, is monotone, so "the due of an interval starting at `from`
 *   with budget B" is the first instant where C reaches `C(from) + B`: one nearest-row lookup
 *   over the spans keyed by their cumulative end, then one in `sla_windows`;
 * - the restarts (deduplicated instants after the start and before the stop) get their C once;
 * - the intervals are a recursive CTE, one row per interval in the evaluator's order: met by a
 *   restart (the next starts there) or the stop (the last), missed at its due (the next starts
 *   there), else pending or paused; business days recompute the budget from each interval's start;
 * - per ticket and target the count of intervals, the misses, the first missed due, the last due.
 */
import type { TargetIR } from "../runtime/ir.js";
import { MAX_INTERVALS } from "../runtime/recurring.js";
import type { QueryContext } from "./query-tickets.js";
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

/** `sla_rrestart`: each obligation's restart instants numbered from 1, with the clock's count at each (C). */
function restarts(ctx: QueryContext, targets: readonly number[]): Relation[] {
  const d = ctx.dialect;
  const events = targets.map((i) => {
    const t: TargetIR = ctx.ir.targets[i]!;
    return `SELECT DISTINCT b.okey, b.meter, e.at_ms FROM sla_rbase b JOIN sla_ev e ON e.tkey = b.tkey
WHERE b.target = ${i} AND ${inList("e.kind", t.clock.restart!)} AND e.at_ms > b.start_ms AND (b.stop_ms IS NULL OR e.at_ms < b.stop_ms)`;
  });
  return [
    {
      // The last counting span starting at or before the restart, and where to count up to in it.
      name: "sla_rrestart0",
      sql: `SELECT x.okey, x.meter, x.at_ms, row_number() OVER (PARTITION BY x.okey ORDER BY x.at_ms) AS j,
  s.at_ms AS s_at, s.before, s.cum_at, CASE WHEN s.tail THEN x.at_ms ELSE least(x.at_ms, s.to_ms) END AS probe
FROM (${events.join("\nUNION ALL\n")}) x
${d.nearest({ table: "sla_rspan", group: "okey", alias: "s", from: "x", calendar: "okey", probe: "at_ms", key: "at_ms", direction: "atOrBefore" })}`,
    },
    {
      name: "sla_rrestart",
      sql: `SELECT x.okey, x.j, x.at_ms,
  CASE WHEN x.s_at IS NULL THEN 0 WHEN x.meter IS NULL THEN x.before + x.probe - x.s_at ELSE x.before + ${openBefore("w", "x.probe")} - x.cum_at END AS c_ms
FROM sla_rrestart0 x
${d.nearest({ table: "sla_windows", alias: "w", from: "x", calendar: "meter", probe: "probe", key: "to_ms", direction: "after" })}`,
      indexes: ["okey, j"],
    },
  ];
}

/** The columns an interval row carries from step to step. */
const CARRIED = "okey, tkey, target, idx, seg, from_ms, c_from, meter, bd_cal, kind, ms, days, stop_ms, as_of_ms";

/**
 * One interval per row of `source` (columns {@link CARRIED}: it starts at `from_ms`, where the
 * clock had counted `c_from`, and `seg` numbers the next restart): its budget (business days:
 * the open time from its start to the close of the n-th business day after it), its due `v`
 * counted, how it ended and its status, as `walkRecurring` decides them.
 */
function intervals(ctx: QueryContext, source: string): string {
  const d = { nearest: ctx.dialect.nearestInRecursion };
  const window = (from: string, alias: string, probe: string) => d.nearest({ table: "sla_windows", alias, from, calendar: "bd_cal", probe, key: "to_ms", direction: "after" });
  const budget = `SELECT q.*, CASE WHEN q.kind IN ('business', 'elapsed') THEN q.ms ELSE ${openBefore("c", "q.close_ms")} - ${openBefore("f", "q.from_ms")} END AS budget
FROM (
  SELECT p.*, dd.close_ms FROM (${source}) p
  ${d.nearest({ table: "sla_business_days", alias: "a", from: "p", calendar: "bd_cal", probe: "from_ms", key: "day_start_ms", direction: "after" })}
  LEFT JOIN sla_business_days dd ON p.kind = 'businessDays' AND dd.calendar = p.bd_cal AND dd.ordinal = a.ordinal + p.days - 1) q
${window("q", "c", "close_ms")}
${window("q", "f", "from_ms")}`;
  const reach = `SELECT x.*, s.at_ms AS s_at, x.v - s.before AS remaining, s.cum_at + (x.v - s.before) AS target_cum
FROM (SELECT b.*, b.c_from + b.budget AS v, b.c_from + b.budget - 1 AS v_probe FROM (${budget}) b) x
${d.nearest({ table: "sla_rspan", group: "okey", alias: "s", from: "x", calendar: "okey", probe: "v_probe", key: "reach_key", direction: "after" })}`;
  const inWindow = "y.target_cum <= w.cum_ms + (w.to_ms - w.from_ms)";
  const due = `SELECT y.*,
  CASE WHEN y.budget IS NULL OR y.s_at IS NULL THEN NULL WHEN y.meter IS NULL THEN y.s_at + y.remaining WHEN ${inWindow} THEN w.from_ms + (y.target_cum - w.cum_ms) END AS due_ms,
  (y.budget IS NULL OR (y.s_at IS NOT NULL AND y.meter IS NOT NULL AND NOT coalesce(${inWindow}, false))) AS broken
FROM (${reach}) y
${d.nearest({ table: "sla_windows", alias: "w", from: "y", calendar: "meter", probe: "target_cum", key: "cum_ms", direction: "before" })}`;
  const end = "coalesce(r.at_ms, z.stop_ms)";
  return `SELECT ${CARRIED.split(", ").map((c) => `z.${c}`).join(", ")}, z.v, z.due_ms, z.broken, ${end} AS end_ms, r.c_ms AS end_c, r.at_ms IS NOT NULL AS by_restart,
  CASE WHEN z.broken THEN 'broken'
       WHEN ${end} IS NOT NULL AND (z.due_ms IS NULL OR ${end} <= z.due_ms) THEN 'met'
       WHEN z.due_ms IS NOT NULL AND z.due_ms < z.as_of_ms THEN 'missed'
       WHEN z.due_ms IS NULL THEN 'paused' ELSE 'pending' END AS status
FROM (${due}) z
LEFT JOIN sla_rrestart r ON r.okey = z.okey AND r.j = z.seg`;
}

/**
 * `sla_intervals`: every interval of every recurring obligation, numbered `idx` from 1. After a met
 * restart the next starts there with the restart's count; after a miss, at the due with the
 * count it reached; at most {@link MAX_INTERVALS} per ticket, as the evaluator stops there.
 */
function intervalRows(ctx: QueryContext): Relation {
  const first = `SELECT okey, tkey, target, CAST(1 AS INTEGER) AS idx, CAST(1 AS INTEGER) AS seg, start_ms AS from_ms, CAST(0 AS BIGINT) AS c_from,
  meter, bd_cal, kind, ms, days, stop_ms, as_of_ms FROM sla_rbase WHERE NOT broken`;
  const next = `SELECT i.okey, i.tkey, i.target, i.idx + 1 AS idx, CASE WHEN i.status = 'met' THEN i.seg + 1 ELSE i.seg END AS seg,
  CASE WHEN i.status = 'met' THEN i.end_ms ELSE i.due_ms END AS from_ms, CASE WHEN i.status = 'met' THEN i.end_c ELSE i.v END AS c_from,
  i.meter, i.bd_cal, i.kind, i.ms, i.days, i.stop_ms, i.as_of_ms
FROM sla_iv i WHERE i.idx < ${MAX_INTERVALS} AND ((i.status = 'met' AND i.by_restart) OR (i.status = 'missed' AND i.due_ms > i.from_ms))`;
  return {
    name: "sla_intervals",
    sql: `WITH RECURSIVE sla_iv AS (
${intervals(ctx, first)}
UNION ALL
${intervals(ctx, next)}
)
SELECT * FROM sla_iv`,
  };
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

/** The relations of recurring targets (none for a policy without). */
export function recurringRelations(ctx: QueryContext): Relation[] {
  const targets = recurringTargets(ctx);
  if (targets.length === 0) return [];
  return [base(targets), spans(), ...restarts(ctx, targets), intervalRows(ctx), summary()];
}
