/**
 * The clock walk in SQL (SPEC §2.10–2.14, `runtime/clock.ts` `walkClock`): per clock rule, which
 * spans of each ticket's timeline count, and the run's start, stop, final pause and judging
 * priority.
 *
 * Design: window functions over the timeline, every clock rule in the same pass (one sort of
 * the events serves them all); columns of clock k end in `_k`.
 * - start: the first event of a start kind; stop: the first event of a stop kind after it.
 * - paused after an event: whether the last pause-or-resume event so far was a pause, found as
 *   `max(2 * pos + isPause)` (repeated pauses and resumes change nothing, as in the walk).
 * - the span from an event to the next counts when the clock has started, has not stopped, and
 *   is not paused after it; the span from the stop on counts too ("a stopped clock's due is
 *   projected as if it had kept running"), as does the span after the last event of a running
 *   clock. Those two are open-ended: `tail`.
 * - the judging priority: the last `reprioritize` up to the stop, found as `max(pos * R + code)`.
 * An event in two roles gets the walk's order of tests: a stop only after the start's position
 * (the start event itself never stops), a pause before a resume in the CASE, and the stop span
 * counted whatever the event's pause says, as the walk stops before it pauses.
 */
import type { ClockIR } from "../runtime/ir.js";
import type { Clocks } from "./policy-tables.js";
import { PRIORITY_RADIX } from "./policy-tables.js";
import { inList, unionAll, type Relation } from "./sql-text.js";

/** `sla_walk`: the timeline with every clock's state after each event. */
function walk(rules: readonly ClockIR[]): Relation {
  const inner = rules
    .map(
      (c, k) => `,
    min(CASE WHEN ${inList("kind", c.start)} THEN pos END) OVER (PARTITION BY tkey) AS start_pos_${k},
    coalesce(max(CASE WHEN ${inList("kind", c.pause)} THEN 2 * pos + 1 WHEN ${inList("kind", c.resume)} THEN 2 * pos END)
      OVER (PARTITION BY tkey ORDER BY pos ROWS UNBOUNDED PRECEDING), 0) % 2 AS paused_after_${k}`,
    )
    .join("");
  const outer = rules.map((c, k) => `,\n  min(CASE WHEN ${inList("kind", c.stop)} AND pos > start_pos_${k} THEN pos END) OVER (PARTITION BY tkey) AS stop_pos_${k}`).join("");
  return {
    name: "sla_walk",
    sql: `SELECT *${outer}
FROM (
  SELECT tkey, pos, at_ms, kind, prio,
    lead(at_ms) OVER (PARTITION BY tkey ORDER BY pos) AS next_ms${inner}
  FROM sla_ev
) w`,
  };
}

/** `sla_run_k`: per ticket, clock k's start and stop instants, final pause and last priority change. */
function run(k: number): Relation {
  return {
    name: `sla_run_${k}`,
    sql: `SELECT tkey,
  max(CASE WHEN pos = start_pos_${k} THEN at_ms END) AS start_ms,
  max(CASE WHEN pos = stop_pos_${k} THEN at_ms END) AS stop_ms,
  (max(stop_pos_${k}) IS NULL AND max(CASE WHEN next_ms IS NULL THEN paused_after_${k} END) = 1) AS paused_end,
  max(CASE WHEN kind = 'reprioritize' AND (stop_pos_${k} IS NULL OR pos <= stop_pos_${k}) THEN pos * ${PRIORITY_RADIX} + prio END) AS prio_enc
FROM sla_walk GROUP BY tkey`,
  };
}

/** The counting spans of clock k: `[at_ms, to_ms)`, `to_ms` NULL for an open-ended tail. */
function spans(k: number): string {
  const stop = `stop_pos_${k}`;
  const tail = `((${stop} IS NOT NULL AND pos = ${stop}) OR (${stop} IS NULL AND next_ms IS NULL))`;
  return `SELECT tkey, ${k} AS clock, pos, at_ms, CASE WHEN ${tail} THEN NULL ELSE next_ms END AS to_ms, ${tail} AS tail
FROM sla_walk
WHERE pos >= start_pos_${k} AND (${stop} IS NULL OR pos <= ${stop}) AND ((${stop} IS NOT NULL AND pos = ${stop}) OR paused_after_${k} = 0)`;
}

/** `sla_walk`, a run relation per clock rule, and `sla_seg`, the counting spans of all of them. */
export function clockRelations(clocks: Clocks): Relation[] {
  const none = "SELECT tkey, 0 AS clock, pos, at_ms, next_ms AS to_ms, false AS tail FROM sla_walk WHERE false";
  return [walk(clocks.rules), ...clocks.rules.map((_, k) => run(k)), { name: "sla_seg", sql: unionAll(clocks.rules.map((_, k) => spans(k)), none) }];
}
