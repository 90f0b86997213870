/**
 * The results of the compiled query (issue 15, SPEC §2.13 and §3): per ticket and target its
 * start, due, stop and status; the escalation levels reached; the service credit earned.
 *
 * Design: statuses follow `evaluate.ts` `statusOf` line by line; a target whose count needed
 * calendar time outside the tables gets status NULL and an `error` naming the years, never a
 * plausible status. Instants are given both as epoch ms (`*_ms`, exact) and as TIMESTAMPTZ.
 */
import { notStartedReason } from "../runtime/not-started.js";
import { creditResults } from "./query-credit.js";
import { recurringTargets } from "./query-recurring.js";
import type { QueryContext } from "./query-tickets.js";
import { lit, type Relation } from "./sql-text.js";

/**
 * What an unstarted target with a goal is: `none` for the targets whose clock waits for an event
 * the policy declares (a circumstance, not a step of every ticket: `notStartedReason`), else
 * `pending`. The evaluator adds the reason; the SQL has only the status.
 */
function unstartedStatus(ctx: QueryContext): string {
  const waiting = ctx.ir.targets.flatMap((t, i) => (notStartedReason(t.clock) === null ? [] : [String(i)]));
  return waiting.length === 0 ? "'pending'" : `CASE WHEN x.target IN (${waiting.join(", ")}) THEN 'none' ELSE 'pending' END`;
}

/**
 * `sla_target_status`: status and due per ticket and target, with codes (for credits). A
 * recurring target (`sla_recurring`, when the policy has one) is breached once an interval was
 * missed, else met when stopped, else paused or pending as its last interval; its due is the
 * last interval's (`recurringOutcome`). A goal met only before its due (`< 1 hour`, `strict`)
 * is breached by a stop at the due itself, and at an `asOf` equal to the due without one.
 */
function targetStatus(ctx: QueryContext, recurring: boolean): Relation {
  const noGoal = "(g.excluded OR g.kind IS NULL OR g.kind = 'none')";
  const rc = recurring ? "\n    LEFT JOIN sla_recurring rc ON rc.tkey = g.tkey AND rc.target = g.target" : "";
  const recurringStatus = recurring
    ? `\n         WHEN x.rc_intervals IS NOT NULL THEN CASE WHEN x.rc_misses > 0 THEN 'breached' WHEN x.stop_ms IS NOT NULL THEN 'met' WHEN x.rc_last = 'paused' THEN 'paused' ELSE 'pending' END`
    : "";
  const rcColumns = recurring
    ? "rc.intervals AS rc_intervals, rc.misses AS rc_misses, rc.first_missed_ms, rc.last_status AS rc_last, CASE WHEN rc.tkey IS NOT NULL THEN rc.last_due_ms ELSE d.due_ms END AS raw_due"
    : "CAST(NULL AS BIGINT) AS rc_intervals, CAST(NULL AS BIGINT) AS rc_misses, CAST(NULL AS BIGINT) AS first_missed_ms, d.due_ms AS raw_due";
  const broken = recurring ? " OR coalesce(rc.broken, false)" : "";
  return {
    name: "sla_target_status",
    sql: `SELECT y.*, CASE WHEN y.status = 'paused' OR y.status = 'none' OR y.status IS NULL THEN NULL ELSE y.raw_due END AS due_ms FROM (
  SELECT x.*,
    CASE WHEN x.excluded OR x.kind IS NULL OR x.kind = 'none' THEN 'none'
         WHEN x.start_ms IS NULL THEN ${unstartedStatus(ctx)}
         WHEN x.out_of_range THEN NULL${recurringStatus}
         WHEN x.stop_ms IS NOT NULL THEN CASE WHEN x.stop_ms < x.raw_due OR (NOT x.strict AND x.stop_ms = x.raw_due) THEN 'met' ELSE 'breached' END
         WHEN x.raw_due IS NOT NULL AND (x.as_of_ms > x.raw_due OR (x.strict AND x.as_of_ms = x.raw_due)) THEN 'breached'
         WHEN x.paused_end THEN 'paused'
         ELSE 'pending' END AS status
  FROM (
    SELECT g.tkey, g.target, g.prio, g.excluded, g.kind, coalesce(g.strict, false) AS strict, g.as_of_ms, g.paused_end,
      CASE WHEN g.excluded THEN NULL ELSE g.start_ms END AS start_ms,
      CASE WHEN g.excluded THEN NULL ELSE g.stop_ms END AS stop_ms,
      ${rcColumns},
      CASE WHEN ${noGoal} OR g.start_ms IS NULL THEN false
           WHEN g.opened_ms < ${ctx.calendars.coveredFromMs} OR g.budget_ms IS NULL OR d.broken${broken}
             OR (d.obligation IS NOT NULL AND d.due_ms IS NULL) OR (d.obligation IS NULL AND NOT g.paused_end) THEN true
           ELSE false END AS out_of_range
    FROM sla_tb g LEFT JOIN sla_due d ON d.tkey = g.tkey AND d.obligation = g.target${rc} WHERE g.target >= 0) x
) y`,
  };
}

/** `sla_target_results`: the documented result per ticket and target. */
function targetResults(ctx: QueryContext): Relation {
  const d = ctx.dialect;
  const years = `${ctx.calendars.years.from}-${ctx.calendars.years.to}`;
  return {
    name: "sla_target_results",
    sql: `SELECT tk.ticket_id, t.name AS target, p.name AS priority, s.status,
  s.start_ms AS started_ms, s.due_ms, s.stop_ms AS stopped_ms,
  ${d.fromMs("s.start_ms")} AS started_at, ${d.fromMs("s.due_ms")} AS due, ${d.fromMs("s.stop_ms")} AS stopped_at,
  s.rc_intervals AS intervals, s.rc_misses AS misses, s.first_missed_ms, ${d.fromMs("s.first_missed_ms")} AS first_missed,
  CASE WHEN s.out_of_range THEN ${lit(`needs calendar time outside the compiled years ${years}`)} END AS error
FROM sla_target_status s JOIN sla_tk tk ON tk.tkey = s.tkey JOIN sla_targets t ON t.target = s.target LEFT JOIN sla_priorities p ON p.prio = s.prio`,
  };
}

/** `sla_escalation_results`: each level reached at or before `asOf`, before the clock's stop (SPEC §3). */
function escalationResults(ctx: QueryContext): Relation {
  const n = ctx.ir.targets.length;
  return {
    name: "sla_escalation_results",
    sql: `SELECT tk.ticket_id, l.matrix, l.level_order, l.role, l.after_text, d.due_ms AS at_ms, ${ctx.dialect.fromMs("d.due_ms")} AS "at"
FROM sla_obligation o
JOIN sla_levels l ON o.obligation = ${n} + l.level
JOIN sla_due d ON d.tkey = o.tkey AND d.obligation = o.obligation
JOIN sla_tk tk ON tk.tkey = o.tkey
WHERE d.due_ms <= o.as_of_ms AND (o.stop_ms IS NULL OR o.stop_ms > d.due_ms)`,
  };
}

/** The result relations. */
export function resultRelations(ctx: QueryContext): Relation[] {
  return [targetStatus(ctx, recurringTargets(ctx).length > 0), targetResults(ctx), escalationResults(ctx), creditResults(ctx)];
}
