/**
 * The intervals of recurring targets with a fixed goal (business hours, elapsed time), in closed
 * form (`runtime/recurring.ts` `walkRecurring`): no recursion, so as fast as any due.
 *
 * Design: between two points of `sla_rpoint` (the start or a restart, then the next restart or
 * the end) the intervals start at the first point and at each missed due, so their dues are
 * where the count reaches `C(from) + n·B`, n = 1, 2, …; those before the next point are missed,
 * the first at or after it ends the run of misses (met by the restart or the stop; pending or
 * paused at `asOf`). n runs to `(C(next) − C(from)) / B + 2`, which always includes that one.
 */
import { MAX_INTERVALS } from "../runtime/recurring.js";
import { dueOfCount } from "./query-recurring-due.js";
import type { QueryContext } from "./query-tickets.js";
import type { Relation } from "./sql-text.js";

/** The relations ending in `sla_rfixed(okey, tkey, target, idx, from_ms, due_ms, status)`. */
export function fixedIntervals(ctx: QueryContext): Relation[] {
  const span = "p.c_ms - coalesce(p0.c_ms, 0)";
  return [
    {
      // Segments: from point j − 1 (or the start) to point j, with the most intervals they can hold.
      name: "sla_rseg",
      sql: `SELECT b.okey, b.tkey, b.target, b.meter, b.ms AS budget, b.stop_ms, p.j AS seg, p.is_end, p.at_ms AS end_at,
  coalesce(p0.at_ms, b.start_ms) AS seg_from, coalesce(p0.c_ms, 0) AS c_from, (p.c_ms IS NULL OR (p0.j IS NOT NULL AND p0.c_ms IS NULL)) AS seg_broken,
  coalesce(least(CAST(floor(CAST(${span} AS DOUBLE PRECISION) / b.ms) AS BIGINT) + 2, ${MAX_INTERVALS}), 1) AS n_max
FROM sla_rbase b JOIN sla_rpoint p ON p.okey = b.okey LEFT JOIN sla_rpoint p0 ON p0.okey = p.okey AND p0.j = p.j - 1
WHERE b.kind IN ('business', 'elapsed') AND NOT b.broken`,
    },
    {
      name: "sla_rfixed0",
      sql: `SELECT s.okey, s.tkey, s.target, s.meter, s.stop_ms, s.seg, s.is_end, s.end_at, s.seg_from, s.seg_broken, g.n, s.c_from + g.n * s.budget AS v
FROM sla_rseg s CROSS JOIN LATERAL generate_series(1, s.n_max) AS g(n)`,
    },
    { name: "sla_rfixed1", sql: dueOfCount((l) => ctx.dialect.nearest(l), "SELECT * FROM sla_rfixed0") },
    {
      name: "sla_rfixed2",
      sql: `SELECT x.*, count(CASE WHEN x.missed THEN 1 END) OVER (PARTITION BY x.okey, x.seg) AS misses FROM (
  SELECT f.*, (NOT f.broken AND NOT f.seg_broken AND f.due_ms IS NOT NULL AND f.due_ms < f.end_at) AS missed FROM sla_rfixed1 f) x`,
    },
    {
      name: "sla_rfixed",
      sql: `SELECT okey, tkey, target, row_number() OVER (PARTITION BY okey ORDER BY seg, n) AS idx,
  coalesce(lag(due_ms) OVER (PARTITION BY okey, seg ORDER BY n), seg_from) AS from_ms, due_ms,
  CASE WHEN missed THEN 'missed' WHEN broken OR seg_broken THEN 'broken' WHEN NOT is_end OR stop_ms IS NOT NULL THEN 'met'
       WHEN due_ms IS NULL THEN 'paused' ELSE 'pending' END AS status
FROM sla_rfixed2 WHERE n <= misses + 1`,
    },
  ];
}
