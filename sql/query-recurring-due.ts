/**
 * The due of a count (`clock.ts` `dueFromCounted` from the clock's start): the first instant at
 * which an obligation's counting spans (`sla_rspan`) have counted `v`. Shared by the closed form
 * of fixed goals and the recursion of business days.
 *
 * Design: the spans are keyed by the count at their end (a tail by a key above any count), so the
 * span that reaches `v` is the first key >= v: one nearest-row lookup on `v - 1`; the due is then
 * the span's start plus what remains (elapsed meters), or the window whose running open time
 * first reaches it (calendar meters, one lookup in `sla_windows`). No span reaches: the clock is
 * paused at the end, the due unknown (NULL). A window past the tables: `broken`.
 */
import type { NearestLookup } from "./dialect.js";

/**
 * Wrap `source` (columns `okey`, `meter`, `v` and any others) with `due_ms` and `broken`,
 * looking rows up with `nearest` (the dialect's, or its form for recursive terms).
 */
export function dueOfCount(nearest: (l: NearestLookup) => string, source: string): string {
  const reach = `SELECT x.*, s.at_ms AS s_at, x.v - s.before AS remaining, s.cum_at + (x.v - s.before) AS target_cum
FROM (SELECT y.*, y.v - 1 AS v_probe FROM (${source}) y) x
${nearest({ table: "sla_rspan", group: "okey", alias: "s", from: "x", calendar: "okey", probe: "v_probe", key: "reach_key", direction: "after" })}`;
  const inWindow = "y.target_cum <= w.cum_ms + (w.to_ms - w.from_ms)";
  return `SELECT y.*,
  CASE WHEN y.v IS NULL OR y.s_at IS NULL THEN NULL WHEN y.meter IS NULL THEN y.s_at + y.remaining WHEN ${inWindow} THEN w.from_ms + (y.target_cum - w.cum_ms) END AS due_ms,
  (y.v IS NULL OR (y.s_at IS NOT NULL AND y.meter IS NOT NULL AND NOT coalesce(${inWindow}, false))) AS broken
FROM (${reach}) y
${nearest({ table: "sla_windows", alias: "w", from: "y", calendar: "meter", probe: "target_cum", key: "cum_ms", direction: "before" })}`;
}
