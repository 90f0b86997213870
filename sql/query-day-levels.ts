/**
 * Escalation levels after `N business days` in SQL (IR 16; `evaluate.ts` `levelAt`): reached at
 * the close of the Nth business day after the escalation clock's start, pushed by paused open
 * time, which is exactly the due of a goal of `N business days` on that clock and calendar.
 *
 * Design: each such level is a row of `sla_tgoal` (numbered by {@link dayLevelRow}) with kind
 * `businessDays`, on the escalation's clock and calendar at its judging priority, so `sla_tday`,
 * `sla_tclose` and `sla_tdays` look its budget up as they do a target's (one machinery, as
 * `goalBudget` serves both in the evaluator); `sla_obligation` reads the budget back from `sla_tb`.
 */
import type { EscalationIR } from "../runtime/ir.js";
import { escalationRuleCalendar } from "./calendar-rules.js";
import type { Clocks } from "./policy-tables.js";
import { judgingPriority, type QueryContext } from "./query-tickets.js";
import { inList } from "./sql-text.js";

/** Whether an escalation matrix has a level after business days. */
export function hasDayLevels(e: EscalationIR): boolean {
  return e.levels.some((l) => l.after.kind === "businessDays");
}

/**
 * The `sla_tgoal` row of the level `sla_levels.level = <level>` (an SQL expression): below the
 * targets (0…) and the shares of goals (`-1 - share`), so no two obligations share a row.
 */
export function dayLevelRow(clocks: Clocks, level: string): string {
  return `(-1 - ${clocks.shares.length} - ${level})`;
}

/**
 * The `sla_tgoal` rows of the levels after business days, one SELECT per matrix that has them,
 * with `sla_tgoal`'s columns in its order: only started, covered tickets of the matrix's plans
 * (the obligations that can read them), each level of the judging priority of the matrix's clock.
 */
export function dayLevelGoalRows(ctx: QueryContext, clocks: Clocks): string[] {
  const out: string[] = [];
  ctx.ir.escalations.forEach((e, m) => {
    if (!hasDayLevels(e)) return;
    const k = clocks.ofEscalation[m]!;
    const prio = judgingPriority("r", "tk");
    const plans = e.plans ? ` AND ${inList("tk.plan", e.plans)}` : "";
    out.push(`SELECT tk.tkey, ${dayLevelRow(clocks, "l.level")} AS target, 0 AS goal_target, ${k} AS clock, tk.excluded, tk.opened_ms, tk.as_of_ms, tk.plan,
  r.start_ms, r.stop_ms, coalesce(r.paused_end, false) AS paused_end, ${prio} AS prio, ${escalationRuleCalendar(ctx, e, m, prio)} AS calendar, 0 AS section,
  l.kind, CAST(NULL AS BIGINT) AS ms, l.days, false AS strict
FROM sla_tk tk JOIN sla_run_${k} r ON r.tkey = tk.tkey
JOIN sla_levels l ON l.matrix = ${m} AND l.prio = ${prio} AND l.kind = 'businessDays'
WHERE NOT tk.excluded AND r.start_ms IS NOT NULL${plans}`);
  });
  return out;
}
