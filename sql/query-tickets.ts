/**
 * The first relations of the compiled query (issue 15): tickets with the policy's choices made
 * (calendar, exclusion, credit eligibility, priority as a code) and the timeline of each ticket,
 * its events in application order (SPEC §2.12).
 *
 * Design: the choices `evaluate.ts` makes per ticket become CASE expressions over the ticket's
 * columns, written from the IR; the timeline is one `row_number()` over the events at or before
 * `asOf`, ordered by instant, then the evaluator's rank of simultaneous events, then input order.
 */
import type { PolicyIR, RegionIR } from "../runtime/ir.js";
import type { CalendarTables } from "./calendar-tables.js";
import type { Dialect } from "./dialect.js";
import { PRIORITY_RADIX } from "./policy-tables.js";
import { attributePivot, conditionSql, type FactColumns } from "./conditions.js";
import { capCode, cappedCode } from "./priority-caps.js";
import { caseOf, inList, type Relation } from "./sql-text.js";

/** What the query modules share. */
export interface QueryContext {
  readonly ir: PolicyIR;
  readonly dialect: Dialect;
  readonly calendars: CalendarTables;
  readonly priorityCode: ReadonlyMap<string, number>;
  /** The ticket attributes conditions read, column `attr_<i>` of `sla_tk` each. */
  readonly attributes: readonly string[];
}

/** SPEC §2.12 ranks of simultaneous events, doubled so a declared event (2.5) stays an integer. */
const RANK: Readonly<Record<string, number>> = { open: 0, approve: 2, reprioritize: 4, resume: 6, pause: 8, respond: 10, resolve: 12 };
const DECLARED_RANK = 5;

/** The priority code of a text column (0: none, unknown, or a policy without priorities). */
export function priorityCodeOf(ctx: QueryContext, column: string): string {
  return caseOf(column, [...ctx.priorityCode].map(([name, code]) => [name, String(code)] as const), "0");
}

/** The calendar id of a region for a plan column, as `evaluate.ts` chooses it. */
function regionCalendar(ctx: QueryContext, r: RegionIR, plan: string | null | "column"): string {
  const id = (name: string) => String(ctx.calendars.idOf.get(name)!);
  if (plan === "column") {
    const byPlan = Object.entries(r.planCalendars).map(([p, cal]) => [p, id(cal)] as const);
    return ctx.ir.plans.length > 0 ? caseOf("t.plan", byPlan, id(r.calendar)) : id(r.calendar);
  }
  return id(plan !== null ? (r.planCalendars[plan] ?? r.calendar) : r.calendar);
}

/** The ticket's calendar: the region's for its plan, else the region's, else the default (SPEC §3). */
function ticketCalendar(ctx: QueryContext): string {
  const fallback = String(ctx.calendars.idOf.get(ctx.ir.defaultCalendar ?? "24x7")!);
  return caseOf("t.region", ctx.ir.regions.map((r) => [r.name, regionCalendar(ctx, r, "column")] as const), fallback);
}

/** The calendar an escalation matrix counts business time on: the region's for its `calendarPlan`. */
function escalationCalendar(ctx: QueryContext, calendarPlan: string | null): string {
  if (calendarPlan === null) return ticketCalendar(ctx);
  return caseOf("t.region", ctx.ir.regions.map((r) => [r.name, regionCalendar(ctx, r, calendarPlan)] as const), ticketCalendar(ctx));
}

/** SPEC §5 exclusions: channel, cause, and a language the ticket's region does not serve. */
function excluded(ctx: QueryContext): string {
  const ir = ctx.ir;
  const parts = [
    `coalesce(${inList("t.channel", ir.exclusions.channels.map((c) => c.channel))}, false)`,
    `coalesce(${inList("t.cause", ir.exclusions.causes.map((c) => c.name))}, false)`,
  ];
  const listed = ir.regions.filter((r) => r.languages !== null);
  if (listed.length > 0) {
    const served = listed.map((r) => {
      const optional = new Set(r.languages!.optional);
      return [r.name, `NOT coalesce(${inList("t.language", r.languages!.primary.filter((l) => !optional.has(l)))}, false)`] as const;
    });
    parts.push(caseOf("t.region", served, "false"));
  }
  return parts.join(" OR ");
}

/** Credit eligibility apart from the breach (SPEC §6): plan covered, channel and language eligible. */
function creditEligible(ctx: QueryContext): string {
  const cr = ctx.ir.credits;
  if (!cr) return "false";
  const parts = [`NOT (${excluded(ctx)})`];
  if (cr.plans) parts.push(`coalesce(${inList("t.plan", cr.plans)}, false)`);
  parts.push(`NOT coalesce(${inList("t.channel", cr.ineligibleChannels)}, false)`);
  if (cr.ineligibleOptionalLanguages) {
    const optional = ctx.ir.regions.filter((r) => (r.languages?.optional.length ?? 0) > 0);
    parts.push(`NOT ${caseOf("t.region", optional.map((r) => [r.name, `coalesce(${inList("t.language", r.languages!.optional)}, false)`] as const), "false")}`);
  }
  return parts.join(" AND ");
}

/** The facts of the ticket relation `alias` as conditions read them, judged at priority code `priority`. */
export function ticketFacts(ctx: QueryContext, alias: string, priority: string, attributeAlias = alias): FactColumns {
  const index = new Map(ctx.attributes.map((n, i) => [n, i]));
  return { ticket: alias, priority, attribute: (name) => `${attributeAlias}.attr_${index.get(name)!}` };
}

/** SPEC §5 exclusions by ticket attribute (`exclude beta_feature`), judged at the (capped) priority as opened. */
function excludedByAttribute(ctx: QueryContext): string[] {
  return (ctx.ir.exclusions.attributes ?? []).map((e) => conditionSql(e.when, ticketFacts(ctx, "t", "t.prio0"), ctx.priorityCode));
}

/** Credit ineligibility by cause or attribute (`ineligible phone_escalated`), judged at the priority as opened. */
function ineligibleWhen(ctx: QueryContext): string[] {
  return (ctx.ir.credits?.ineligibleWhen ?? []).map((when) => `NOT (${conditionSql(when, ticketFacts(ctx, "t", "t.prio0"), ctx.priorityCode)})`);
}

/**
 * The ticket's columns before the choices: its fields, the attributes conditions read, its
 * priority as opened and the cap on it (`capCode`, 0 when none holds), then `prio0`, the
 * priority as opened under the cap.
 */
function ticketFields(ctx: QueryContext): string {
  const pivot = attributePivot(ctx.attributes);
  const attrs = ctx.attributes.map((_, i) => `, a.attr_${i}`).join("");
  const raw = `SELECT t.id AS ticket_id, t.opened_at, t.as_of, t.plan, t.region, t.channel, t.language, t.cause${attrs},
    ${priorityCodeOf(ctx, "t.priority")} AS prio_opened, ${capCode(ctx, ticketFacts(ctx, "t", priorityCodeOf(ctx, "t.priority"), "a"))} AS cap
  FROM tickets t${pivot === null ? "" : ` LEFT JOIN (${pivot}) a ON a.ticket_id = t.id`}`;
  return `SELECT x.*, ${cappedCode(ctx, "x.prio_opened", "x.cap")} AS prio0 FROM (${raw}) x`;
}

/**
 * `sla_tk`: one row per ticket with the policy's choices made, numbered by `tkey`: the steps
 * partition and join on that integer, not on the ticket's text id (much cheaper on millions).
 * Conditions of later steps read its facts: `plan`, `region`, `channel`, `cause`, `attr_<i>`.
 */
function tickets(ctx: QueryContext): Relation {
  const d = ctx.dialect;
  const plan = ctx.ir.plans.length > 0 ? "coalesce(t.plan, '')" : "''";
  const escalations = ctx.ir.escalations.map((e, m) => `,\n  ${escalationCalendar(ctx, e.calendarPlan)} AS esc_calendar_${m}`).join("");
  const escalationColumns = ctx.ir.escalations.map((_, m) => `, esc_calendar_${m}`).join("");
  const attrs = ctx.attributes.map((_, i) => `, t.attr_${i}`).join("");
  const attrColumns = ctx.attributes.map((_, i) => `, attr_${i}`).join("");
  const excludedSql = [excluded(ctx), ...excludedByAttribute(ctx)].join(" OR ");
  const eligibleSql = [creditEligible(ctx), ...(ctx.ir.credits ? ineligibleWhen(ctx) : [])].join(" AND ");
  return {
    name: "sla_tk",
    sql: `SELECT row_number() OVER () AS tkey, ticket_id, opened_ms, as_of_ms, prio0, cap, plan, region, channel, cause${attrColumns}, excluded, credit_eligible, calendar${escalationColumns}
FROM (SELECT t.ticket_id,
  ${d.toMs("t.opened_at")} AS opened_ms,
  coalesce(${d.toMs("p.as_of")}, ${d.toMs("t.as_of")}, ${d.toMs("now()")}) AS as_of_ms,
  t.prio0, t.cap,
  ${plan} AS plan, t.region, t.channel, t.cause${attrs},
  ${excludedSql} AS excluded,
  ${eligibleSql} AS credit_eligible,
  ${ticketCalendar(ctx)} AS calendar${escalations}
FROM (${ticketFields(ctx)}) t CROSS JOIN sla_params p) t`,
  };
}

/** `sla_ev`: each ticket's timeline (SPEC §2.12): `open`, then its events up to `asOf`, numbered by `pos`. */
function timeline(ctx: QueryContext): Relation {
  const rank = caseOf("e.type", Object.entries(RANK).map(([k, v]) => [k, String(v)] as const), String(DECLARED_RANK));
  return {
    name: "sla_ev",
    sql: `SELECT tkey, at_ms, kind, prio, row_number() OVER (PARTITION BY tkey ORDER BY at_ms, rnk, seq) AS pos
FROM (
  SELECT tkey, opened_ms AS at_ms, 'open' AS kind, 0 AS prio, 0 AS rnk, -1 AS seq FROM sla_tk WHERE opened_ms <= as_of_ms
  UNION ALL
  SELECT t.tkey, e.at_ms, e.type, ${cappedCode(ctx, priorityCodeOf(ctx, "e.priority"), "t.cap")}, ${rank}, e.seq
  FROM (SELECT ticket_id, ${ctx.dialect.toMs(`"at"`)} AS at_ms, type, priority, seq FROM ticket_events) e
  JOIN sla_tk t ON t.ticket_id = e.ticket_id
  WHERE e.at_ms <= t.as_of_ms
) x`,
  };
}

/** The relations that read the input tables. */
export function ticketRelations(ctx: QueryContext): Relation[] {
  return [tickets(ctx), timeline(ctx)];
}

/** The judging priority code of a run relation `r` over a ticket relation `tk` (SPEC §2.11). */
export function judgingPriority(runAlias: string, ticketAlias: string): string {
  return `coalesce(${runAlias}.prio_enc % ${PRIORITY_RADIX}, ${ticketAlias}.prio0)`;
}
