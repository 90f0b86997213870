/**
 * The due of every obligation in SQL (`clock.ts` `dueFromCounted`, SPEC §2.5): the earliest
 * instant at which the clock's counting spans have counted the budget on the meter.
 *
 * Design: each span's counted time is the difference of "open time before" at its two ends
 * (one nearest-row lookup each in `sla_windows`; elapsed meters subtract instants); a running
 * sum finds the first span where the count reaches the budget (an open-ended tail always
 * does); the due is then "add the remaining open ms to the span's start": the open time before
 * the start plus the remainder, looked up as the window whose running total first reaches it.
 * A lookup that falls outside the calendar tables marks the obligation `broken` (never a
 * silently shorter count).
 */
import type { QueryContext } from "./query-tickets.js";
import { openBefore, type Relation } from "./sql-text.js";

/** `sla_oseg`: every obligation's spans with their counted time (`len`, 0 for a tail) and the count before. */
function spans(ctx: QueryContext): Relation[] {
  const d = ctx.dialect;
  const cum = (alias: string, probe: string) => d.nearest({ table: "sla_windows", alias, from: "x", calendar: "calendar", probe, key: "to_ms", direction: "after" });
  return [
    {
      name: "sla_oseg0",
      sql: `SELECT o.okey, o.tkey, o.obligation, o.calendar, o.budget_ms, s.pos, s.at_ms, s.to_ms, s.tail
FROM sla_obligation o JOIN sla_seg s ON s.tkey = o.tkey AND s.clock = o.clock`,
    },
    {
      name: "sla_oseg1",
      // Calendar meters look both ends up; elapsed ones (no lookup) subtract instants.
      sql: `SELECT y.*, ((NOT y.tail AND y.len IS NULL) OR (y.calendar IS NOT NULL AND y.cum_at IS NULL)) AS broken FROM (
  SELECT x.*, ${openBefore("a", "x.at_ms")} AS cum_at,
    CASE WHEN x.tail THEN 0 ELSE ${openBefore("b", "x.to_ms")} - ${openBefore("a", "x.at_ms")} END AS len
  FROM (SELECT * FROM sla_oseg0 WHERE calendar IS NOT NULL) x
  ${cum("a", "at_ms")}
  ${cum("b", "to_ms")}
  UNION ALL
  SELECT x.*, CAST(NULL AS BIGINT) AS cum_at, CASE WHEN x.tail THEN 0 ELSE x.to_ms - x.at_ms END AS len
  FROM sla_oseg0 x WHERE x.calendar IS NULL) y`,
    },
    {
      name: "sla_oseg",
      sql: `SELECT *, CAST(sum(len) OVER (PARTITION BY okey ORDER BY pos ROWS UNBOUNDED PRECEDING) AS BIGINT) - len AS before FROM sla_oseg1`,
    },
  ];
}

/** `sla_reach`: per obligation the first span that reaches the budget (or is broken). */
function reach(): Relation {
  return {
    name: "sla_reach",
    sql: `SELECT tkey, obligation, calendar, at_ms, cum_at, budget_ms - before AS remaining, broken FROM (
  SELECT *, row_number() OVER (PARTITION BY okey ORDER BY pos) AS rn FROM sla_oseg
  WHERE broken OR tail OR before + len >= budget_ms) r
WHERE rn = 1`,
  };
}

/** `sla_due`: the due instant (`due_ms`), NULL when broken or past the tables. */
function due(ctx: QueryContext): Relation {
  const lookup = ctx.dialect.nearest({ table: "sla_windows", alias: "w", from: "r", calendar: "add_cal", probe: "target_cum", key: "cum_ms", direction: "before" });
  return {
    name: "sla_due",
    sql: `SELECT r.tkey, r.obligation, r.broken,
  CASE WHEN r.broken THEN NULL
       WHEN r.remaining <= 0 THEN r.at_ms
       WHEN r.calendar IS NULL THEN r.at_ms + r.remaining
       WHEN r.target_cum <= w.cum_ms + (w.to_ms - w.from_ms) THEN w.from_ms + (r.target_cum - w.cum_ms) END AS due_ms
FROM (SELECT *,
    CASE WHEN NOT broken AND remaining > 0 THEN cum_at + remaining END AS target_cum,
    CASE WHEN NOT broken AND remaining > 0 THEN calendar END AS add_cal
  FROM sla_reach) r
${lookup}`,
  };
}

/** The relations from obligations to dues. */
export function dueRelations(ctx: QueryContext): Relation[] {
  return [...spans(ctx), reach(), due(ctx)];
}
