/**
 * Obligations in SQL: what each ticket owes, as counted time on a meter (issue 15; `clock.ts`
 * `goalBudget`). A target's goal is the cell of the priority that judges it (SPEC §2.11) and
 * the ticket's plan; an escalation level is its threshold on the matrix's clock.
 *
 * Design: every obligation becomes `(clock, meter, budget_ms)`: the meter is a calendar id, or
 * NULL for elapsed time; business days and same business day become the open time from the
 * start to their nominal close (SPEC §2.7–2.8), found with two nearest-row lookups in
 * `sla_business_days` and two in `sla_windows`, so pauses push them by the paused open time.
 */
import type { TargetIR } from "../runtime/ir.js";
import { escalationRuleCalendar, targetRuleCalendar } from "./calendar-rules.js";
import { conditionSql } from "./conditions.js";
import { goalSections, type Clocks } from "./policy-tables.js";
import { dayLevelGoalRows, dayLevelRow, hasDayLevels } from "./query-day-levels.js";
import { hasSupportDays, supportDayRelations } from "./query-support-days.js";
import { judgingPriority, ticketFacts, type QueryContext } from "./query-tickets.js";
import { inList, openBefore, unionAll, type Relation } from "./sql-text.js";

/** Business-day goal kinds: their budget is looked up from the start instant. */
const DAY_KINDS = "('businessDays', 'sameBusinessDay')";

/**
 * The `goals for …` section of target `i` whose cell judges the ticket: the first section whose
 * condition holds at the judging priority and that has a cell for it and the plan, else 0 (the
 * runtime's `goalCell`). Each section's cell is looked up by a join aliased `s<n>`.
 */
function sectionChoice(ctx: QueryContext, t: TargetIR, i: number, prio: string): { joins: string; section: string } {
  const sections = goalSections(t);
  if (sections.length === 0) return { joins: "", section: "0" };
  const facts = ticketFacts(ctx, "tk", prio);
  const joins = sections.map((_, n) => `\n  LEFT JOIN sla_goals s${n + 1} ON s${n + 1}.target = ${i} AND s${n + 1}.section = ${n + 1} AND s${n + 1}.prio = ${prio} AND s${n + 1}.plan = tk.plan`).join("");
  const cases = sections.map((s, n) => `WHEN (${conditionSql(s.when, facts, ctx.priorityCode)}) AND s${n + 1}.kind IS NOT NULL THEN ${n + 1}`);
  return { joins, section: `CASE ${cases.join(" ")} ELSE 0 END` };
}

/**
 * One target's row of `sla_tgoal` for every ticket: the run of clock `k`, the calendar and the
 * goal cell of target `i` at priority code `prio`. `row` numbers it (the target, or a share of
 * its goal), `joins` add the relations `prio` reads.
 */
function goalRows(ctx: QueryContext, t: TargetIR, i: number, row: number, k: number, prio: string, joins = ""): string {
  const section = sectionChoice(ctx, t, i, prio);
  return `SELECT x.*, g.kind, g.ms, g.days, g.strict FROM (
  SELECT tk.tkey, ${row} AS target, ${i} AS goal_target, ${k} AS clock, tk.excluded, tk.opened_ms, tk.as_of_ms, tk.plan,
    r.start_ms, r.stop_ms, coalesce(r.paused_end, false) AS paused_end, ${prio} AS prio, ${targetRuleCalendar(ctx, t, prio)} AS calendar, ${section.section} AS section
  FROM sla_tk tk LEFT JOIN sla_run_${k} r ON r.tkey = tk.tkey${joins}${section.joins}) x
LEFT JOIN sla_goals g ON g.target = x.goal_target AND g.section = x.section AND g.prio = x.prio AND g.plan = x.plan`;
}

/**
 * `sla_tgoal`: per ticket and target, the run, the calendar and the goal cell of its judging
 * priority; then per level at a share of a goal (row `-1 - share`), the shared target's cell
 * and calendar at the escalation's judging priority, on the target's clock stopped as the
 * escalation's (`evaluate.ts` `levelAt`), so business-day budgets are computed for both alike;
 * then the levels after business days (`query-day-levels.ts`), on their escalation's clock.
 */
function targetGoals(ctx: QueryContext, clocks: Clocks): Relation {
  const parts = ctx.ir.targets.map((t, i) => goalRows(ctx, t, i, i, clocks.ofTarget[i]!, judgingPriority("r", "tk")));
  clocks.shares.forEach((s, j) => {
    const k = clocks.ofEscalation[s.matrix]!;
    parts.push(goalRows(ctx, ctx.ir.targets[s.target]!, s.target, -1 - j, s.clock, judgingPriority("re", "tk"), `\n  LEFT JOIN sla_run_${k} re ON re.tkey = tk.tkey`));
  });
  parts.push(...dayLevelGoalRows(ctx, clocks));
  const none = `SELECT tk.tkey, 0 AS target, 0 AS goal_target, 0 AS clock, tk.excluded, tk.opened_ms, tk.as_of_ms, tk.plan,
  tk.opened_ms AS start_ms, tk.opened_ms AS stop_ms, false AS paused_end, 0 AS prio, 0 AS calendar, 0 AS section, g.kind, g.ms, g.days, g.strict
FROM sla_tk tk CROSS JOIN sla_goals g WHERE false`;
  return { name: "sla_tgoal", sql: unionAll(parts, none) };
}

/**
 * `sla_tday`: for the started business-day goals only (lookups cost; most goals need none), the
 * first business day after the start and the start's own.
 */
function businessDayProbes(ctx: QueryContext): Relation {
  const d = ctx.dialect;
  const probe = (alias: string, direction: "after" | "atOrBefore") =>
    d.nearest({ table: "sla_business_days", alias, from: "g", calendar: "bd_cal", probe: "start_ms", key: "day_start_ms", direction });
  return {
    name: "sla_tday",
    sql: `SELECT g.*, a.ordinal AS next_ord, b.ordinal AS day_ord, b.close_ms AS day_close
FROM (SELECT tkey, target, kind, days, start_ms, calendar AS bd_cal FROM sla_tgoal WHERE kind IN ${DAY_KINDS} AND start_ms IS NOT NULL AND NOT excluded) g
${probe("a", "after")}
${probe("b", "atOrBefore")}`,
  };
}

/**
 * `sla_tclose`: the nominal close of a business-day goal: the n-th business day after the
 * start's date (SPEC §2.7); for same business day the start date's close when the start is a
 * business day before it, else the next business day's (SPEC §2.8).
 */
function businessDayClose(): Relation {
  return {
    name: "sla_tclose",
    sql: `SELECT x.*, coalesce(x.same_close, d.close_ms) AS close_ms FROM (
  SELECT *,
    CASE WHEN kind = 'businessDays' THEN next_ord + days - 1
         WHEN kind = 'sameBusinessDay' AND NOT coalesce(day_close > start_ms, false) THEN coalesce(day_ord, -1) + 1 END AS close_ord,
    CASE WHEN kind = 'sameBusinessDay' AND day_close > start_ms THEN day_close END AS same_close
  FROM sla_tday) x
LEFT JOIN sla_business_days d ON d.calendar = x.bd_cal AND d.ordinal = x.close_ord`,
  };
}

/** `sla_tdays`: a business-day goal's budget, the open time from the start to the nominal close. */
function businessDayBudgets(ctx: QueryContext): Relation {
  const cum = (alias: string, probe: string) => ctx.dialect.nearest({ table: "sla_windows", alias, from: "x", calendar: "bd_cal", probe, key: "to_ms", direction: "after" });
  return {
    name: "sla_tdays",
    sql: `SELECT x.tkey, x.target, ${openBefore("c", "x.close_ms")} - ${openBefore("s", "x.start_ms")} AS budget_ms
FROM sla_tclose x
${cum("c", "close_ms")}
${cum("s", "start_ms")}`,
  };
}

/** `sla_tb`: each target's budget in ms and its meter (calendar id, NULL for elapsed). */
function targetBudgets(supportDays: boolean): Relation {
  const dayBudgets = supportDays ? "(SELECT * FROM sla_tdays UNION ALL SELECT * FROM sla_tsdays)" : "sla_tdays";
  return {
    name: "sla_tb",
    sql: `SELECT g.*,
  CASE WHEN g.kind IN ('business', 'elapsed') THEN g.ms WHEN g.kind IN ('businessDays', 'sameBusinessDay', 'supportDays') THEN b.budget_ms END AS budget_ms,
  CASE WHEN g.kind = 'elapsed' THEN NULL ELSE g.calendar END AS meter
FROM sla_tgoal g LEFT JOIN ${dayBudgets} b ON b.tkey = g.tkey AND b.target = g.target`,
  };
}

/**
 * `sla_obligation`: targets of started, covered tickets with a goal, and the escalation levels
 * of the judging priority of each matrix's clock (SPEC §3), numbered targets first.
 */
function obligations(ctx: QueryContext, clocks: Clocks): Relation {
  const targets = `SELECT tkey, target AS obligation, clock, meter AS calendar, budget_ms, stop_ms, as_of_ms FROM sla_tb
WHERE target >= 0 AND NOT excluded AND start_ms IS NOT NULL AND kind IS NOT NULL AND kind <> 'none' AND budget_ms IS NOT NULL`;
  const levels = ctx.ir.escalations.map((e, m) => {
    const k = clocks.ofEscalation[m]!;
    const plans = e.plans ? ` AND ${inList("tk.plan", e.plans)}` : "";
    const level = levelBudget(clocks, m, k, escalationRuleCalendar(ctx, e, m, judgingPriority("r", "tk")), hasDayLevels(e));
    return `SELECT tk.tkey, ${ctx.ir.targets.length} + l.level, ${level.columns}, r.stop_ms, tk.as_of_ms
FROM sla_tk tk JOIN sla_run_${k} r ON r.tkey = tk.tkey
JOIN sla_levels l ON l.matrix = ${m} AND l.prio = ${judgingPriority("r", "tk")}${level.join}
WHERE NOT tk.excluded AND r.start_ms IS NOT NULL${plans}${level.where}`;
  });
  // `okey` numbers the obligations: the due's window functions partition on one integer.
  return { name: "sla_obligation", sql: `SELECT row_number() OVER () AS okey, * FROM (\n${[targets, ...levels].join("\nUNION ALL\n")}\n) u` };
}

/** The columns, joins and conditions a matrix's levels add to `sla_obligation`. */
interface LevelBudget {
  readonly columns: string;
  readonly join: string;
  readonly where: string;
}

/**
 * The clock, meter and budget of the levels of matrix `m` (clock `k`, business time counted on
 * `calendar`). Business hours and elapsed time are the level's own `ms`. A share of a goal
 * counts on the shared target's clock (stopped as the escalation's) and meter, its goal's budget
 * scaled and rounded as `goalBudget` does (`Math.round(ms * scale)`, in doubles); a share of a
 * target without a goal or not started is never reached. A level after business days counts on
 * the matrix's clock and calendar, its budget looked up as a business-day goal's
 * (`query-day-levels.ts`); one past the calendar tables is not reached. The level's stop stays
 * the escalation's.
 */
function levelBudget(clocks: Clocks, m: number, k: number, calendar: string, days: boolean): LevelBudget {
  const shared = clocks.shares.some((s) => s.matrix === m);
  if (!shared && !days) return { columns: `${k}, CASE WHEN l.kind = 'business' THEN ${calendar} END, l.ms`, join: "", where: "" };
  const scaled = "CAST(floor(CAST(sb.budget_ms AS DOUBLE PRECISION) * l.scale + 0.5) AS BIGINT)";
  const clock = shared ? `CASE WHEN l.kind = 'percent' THEN sb.clock ELSE ${k} END` : String(k);
  const meter = `CASE${shared ? " WHEN l.kind = 'percent' THEN sb.meter" : ""}${days ? " WHEN l.kind = 'businessDays' THEN db.meter" : ""} WHEN l.kind = 'business' THEN ${calendar} END`;
  const budget = `CASE${shared ? ` WHEN l.kind = 'percent' THEN ${scaled}` : ""}${days ? " WHEN l.kind = 'businessDays' THEN db.budget_ms" : ""} ELSE l.ms END`;
  const join = [
    shared ? "\nLEFT JOIN sla_tb sb ON l.kind = 'percent' AND sb.tkey = tk.tkey AND sb.target = -1 - l.share" : "",
    days ? `\nLEFT JOIN sla_tb db ON l.kind = 'businessDays' AND db.tkey = tk.tkey AND db.target = ${dayLevelRow(clocks, "l.level")}` : "",
  ].join("");
  const where = [
    shared ? " AND (l.kind <> 'percent' OR (sb.start_ms IS NOT NULL AND sb.kind <> 'none' AND sb.budget_ms IS NOT NULL))" : "",
    days ? " AND (l.kind <> 'businessDays' OR db.budget_ms IS NOT NULL)" : "",
  ].join("");
  return { columns: `${clock}, ${meter}, ${budget}`, join, where };
}

/** The relations from runs to obligations. */
export function budgetRelations(ctx: QueryContext, clocks: Clocks): Relation[] {
  const supportDays = hasSupportDays(ctx);
  return [
    targetGoals(ctx, clocks),
    businessDayProbes(ctx),
    businessDayClose(),
    businessDayBudgets(ctx),
    ...(supportDays ? supportDayRelations(ctx) : []),
    targetBudgets(supportDays),
    obligations(ctx, clocks),
  ];
}
