/**
 * The clock walk in SQL (SPEC §2.10–2.14, `runtime/clock.ts` `walkClock`): per clock rule, which
 * spans of each ticket's timeline count, and the run's start, stop, final pause and judging
 * priority.
 *
 * Design: window functions over the timeline, one pass per distinct clock rule.
 * - start: the first event of a start kind; stop: the first event of a stop kind after it.
 * - paused after an event: whether the last pause-or-resume event so far was a pause, found as
 *   `max(2 * pos + isPause)` (repeated pauses and resumes change nothing, as in the walk).
 * - the span from an event to the next counts when the clock has started, has not stopped, and
 *   is not paused after it; the span from the stop on counts too ("a stopped clock's due is
 *   projected as if it had kept running"), as does the span after the last event of a running
 *   clock. Those two are open-ended: `tail`.
 * - the judging priority: the last `reprioritize` up to the stop, found as `max(pos * R + code)`.
 */
import type { ClockIR } from "../runtime/ir.js";
import type { Clocks } from "./policy-tables.js";
import { PRIORITY_RADIX } from "./policy-tables.js";
import { inList, type Relation } from "./sql-text.js";

/** `sla_walk_k`: the timeline with the clock's state after each event. */
function walk(k: number, c: ClockIR): Relation {
  return {
    name: `sla_walk_${k}`,
    sql: `SELECT ticket_id, pos, at_ms, kind, prio, next_ms, start_pos, paused_after,
  min(CASE WHEN ${inList("kind", c.stop)} AND pos > start_pos THEN pos END) OVER (PARTITION BY ticket_id) AS stop_pos
FROM (
  SELECT ticket_id, pos, at_ms, kind, prio,
    lead(at_ms) OVER (PARTITION BY ticket_id ORDER BY pos) AS next_ms,
    min(CASE WHEN ${inList("kind", c.start)} THEN pos END) OVER (PARTITION BY ticket_id) AS start_pos,
    coalesce(max(CASE WHEN ${inList("kind", c.pause)} THEN 2 * pos + 1 WHEN ${inList("kind", c.resume)} THEN 2 * pos END)
      OVER (PARTITION BY ticket_id ORDER BY pos ROWS UNBOUNDED PRECEDING), 0) % 2 AS paused_after
  FROM sla_ev
) w`,
  };
}

/** `sla_run_k`: per ticket, the run's start and stop instants, final pause and last priority change. */
function run(k: number): Relation {
  return {
    name: `sla_run_${k}`,
    sql: `SELECT ticket_id,
  max(CASE WHEN pos = start_pos THEN at_ms END) AS start_ms,
  max(CASE WHEN pos = stop_pos THEN at_ms END) AS stop_ms,
  (max(stop_pos) IS NULL AND max(CASE WHEN next_ms IS NULL THEN paused_after END) = 1) AS paused_end,
  max(CASE WHEN kind = 'reprioritize' AND (stop_pos IS NULL OR pos <= stop_pos) THEN pos * ${PRIORITY_RADIX} + prio END) AS prio_enc
FROM sla_walk_${k} GROUP BY ticket_id`,
  };
}

/** The counting spans of clock k: `[at_ms, to_ms)`, `to_ms` NULL for an open-ended tail. */
function spans(k: number): string {
  return `SELECT ticket_id, ${k} AS clock, pos, at_ms, CASE WHEN tail THEN NULL ELSE next_ms END AS to_ms, tail
FROM (SELECT *, ((stop_pos IS NOT NULL AND pos = stop_pos) OR (stop_pos IS NULL AND next_ms IS NULL)) AS tail FROM sla_walk_${k}) w
WHERE pos >= start_pos AND (stop_pos IS NULL OR pos <= stop_pos) AND ((stop_pos IS NOT NULL AND pos = stop_pos) OR paused_after = 0)`;
}

/** Walk and run relations of every clock rule, and `sla_seg`, the counting spans of all of them. */
export function clockRelations(clocks: Clocks): Relation[] {
  const out: Relation[] = [];
  clocks.rules.forEach((c, k) => out.push(walk(k, c), run(k)));
  out.push({ name: "sla_seg", sql: clocks.rules.map((_, k) => spans(k)).join("\nUNION ALL\n") });
  return out;
}
